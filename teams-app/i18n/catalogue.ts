import type { MessageKey } from './en';

/** A message catalogue: every key of the English reference, translated. */
export type Catalogue = Record<MessageKey, string>;
