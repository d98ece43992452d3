import type { Locale } from '../domain';
import { ar } from './ar';
import { en, type MessageKey } from './en';
import { es } from './es';
import { fr } from './fr';
import { ru } from './ru';
import { zh } from './zh';

/** A message catalogue: every key of the English reference, translated (ICU MessageFormat). */
export type Catalogue = Record<MessageKey, string>;

/** The catalogues of the six UN languages: bot text, error messages, delivery reasons and document strings. */
export const CATALOGUES: Record<Locale, Catalogue> = { ar, zh, en, fr, ru, es };
