import { z } from 'zod';

/** The four parts of the ITU secretariat that coordinate under Res. 191. */
export const SectorId = z.enum(['BR', 'TSB', 'BDT', 'GS']);
export type SectorId = z.infer<typeof SectorId>;
export const SECTORS: readonly SectorId[] = SectorId.options;

/** The six official languages of the Union, which every user-facing text supports. */
export const Locale = z.enum(['ar', 'zh', 'en', 'fr', 'ru', 'es']);
export type Locale = z.infer<typeof Locale>;
export const LOCALES: readonly Locale[] = Locale.options;

/** The six ITU regions. */
export const Region = z.enum(['Africa', 'Americas', 'Arab States', 'Asia-Pacific', 'CIS', 'Europe']);
export type Region = z.infer<typeof Region>;

/** The coordination bodies whose meetings the product runs. */
export const BodyId = z.enum(['ISC-TF', 'ISCG', 'ISC-TF-SUB']);
export type BodyId = z.infer<typeof BodyId>;

/** Conferences and organs whose resolutions ask for coordination. */
export const ResolutionBody = z.enum(['PP', 'WTDC', 'WTSA', 'RA', 'WRC', 'Council']);
export type ResolutionBody = z.infer<typeof ResolutionBody>;

/** Roles, checked on the server for every call. */
export const Role = z.enum(['chair', 'secretariat', 'focal-point', 'member', 'observer']);
export type Role = z.infer<typeof Role>;

/** A record id: short, URL-safe, no markup. */
export const Id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._:@-]+$/, 'ids use letters, digits and . _ : @ - only');

/** An ISO-8601 instant with offset, e.g. 2026-12-01T09:00:00Z. */
export const Instant = z.iso.datetime({ offset: true });

/** A calendar date, YYYY-MM-DD. */
export const DateOnly = z.iso.date();

/** An IANA time zone the runtime knows. */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown IANA time zone');

/** Free text typed by a person: trimmed, bounded, never empty when required. */
export function text(max: number) {
  return z.string().trim().max(max, `at most ${max} characters`);
}

/** A title in each language; English is required, the others fall back to it. */
export const LocalizedText = z.object({
  en: text(300).min(1),
  ar: text(300).optional(),
  zh: text(300).optional(),
  fr: text(300).optional(),
  ru: text(300).optional(),
  es: text(300).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Picks the text for a locale, falling back to English. */
export function localized(value: LocalizedText, locale: Locale): string {
  return value[locale] ?? value.en;
}
