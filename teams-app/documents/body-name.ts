import { bodyFullName, type BodyId, type Locale } from '../domain';

/** The full name of a coordination body in a language with its abbreviation: "Inter-Sectoral … Task Force (ISC-TF)". */
export function bodyName(locale: Locale, body: BodyId): string {
  const name = bodyFullName(body, locale);
  if (body === 'ISC-TF-SUB') return name;
  return locale === 'zh' ? `${name}（${body}）` : `${name} (${body})`;
}
