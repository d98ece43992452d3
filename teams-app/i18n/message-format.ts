import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from '../domain';
import { CATALOGUES } from './catalogue';
import type { en, MessageKey } from './en';

/** The language each catalogue formats plurals and numbers in (Arabic with Latin digits, as its documents). */
const INTL_LOCALE: Record<Locale, string> = { ar: 'ar-u-nu-latn', zh: 'zh', en: 'en', fr: 'fr', ru: 'ru', es: 'es' };

/** Text that cannot be an argument name: a `#`, a space or a nested brace makes it literal text of a branch. */
type NotAName = `${string}${' ' | '#' | '{'}${string}` | '';

/** The argument opened by the text between a `{` and the next `}`: [name, type of its value], or never. */
type ArgumentOf<Head extends string> = Head extends `${infer Name},${infer Kind}`
  ? Name extends NotAName
    ? never
    : [Name, Kind extends ` ${'plural' | 'selectordinal' | 'number'}${string}` ? number : string | number]
  : Head extends NotAName
    ? never
    : [Head, string | number];

/** Every argument of an ICU message, as [name, value type] pairs (plural and number arguments take numbers). */
type ArgumentsOf<S extends string, Found extends [string, unknown] = never> = S extends `${string}{${infer Rest}`
  ? Rest extends `${infer Head}}${string}`
    ? ArgumentsOf<Rest, Found | ArgumentOf<Head>>
    : Found
  : Found;

/** The values a message takes, by argument name, read from the English reference at compile time. */
export type MessageValues<K extends MessageKey> = { [A in ArgumentsOf<(typeof en)[K]> as A[0]]: A[1] };

/**
 * The values argument of `t`: required when the message has arguments, absent when it has none. A key known
 * only as a union (a key built at run time) accepts what any of its messages takes.
 */
export type ValuesOf<K extends MessageKey> = K extends MessageKey
  ? keyof MessageValues<K> extends never
    ? []
    : [values: MessageValues<K>]
  : never;

const compiled = new Map<string, IntlMessageFormat>();

/** The compiled message of a key in a language, compiled once and kept. */
function compiledMessage(key: MessageKey, locale: Locale): IntlMessageFormat {
  const id = `${locale}|${key}`;
  let message = compiled.get(id);
  if (!message) {
    // ignoreTag: `<topic>` in "**update <topic>**" is text, not markup.
    message = new IntlMessageFormat(CATALOGUES[locale][key], INTL_LOCALE[locale], undefined, { ignoreTag: true });
    compiled.set(id, message);
  }
  return message;
}

/**
 * Formats a message with values whose types are not known statically (an error's details). Throws when a
 * value the message needs is missing.
 */
export function formatMessage(key: MessageKey, locale: Locale, values: Record<string, unknown> = {}): string {
  const primitives: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' || typeof value === 'number') primitives[name] = value;
  }
  const text = compiledMessage(key, locale).format(primitives);
  return Array.isArray(text) ? text.join('') : String(text);
}

/** A message of the catalogue in a language, its arguments (counts, names, dates as text) filled in. */
export function t<K extends MessageKey>(key: K, locale: Locale, ...values: ValuesOf<K>): string {
  return formatMessage(key, locale, values[0]);
}
