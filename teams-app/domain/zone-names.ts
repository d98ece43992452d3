/** Time zones named in the reader's language: the one place the tab and the documents name a zone. */

type ZoneStyle = 'longGeneric' | 'long' | 'longOffset' | 'shortOffset';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's name in a style at an instant; throws a RangeError for a zone Intl does not know. */
function zonePart(timeZone: string, intlTag: string, style: ZoneStyle, at: Date): string {
  const key = `${intlTag}|${timeZone}|${style}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlTag, { timeZone, timeZoneName: style });
    formatters.set(key, format);
  }
  return format.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
}

function instantOf(at: string | Date): Date | null {
  const instant = typeof at === 'string' ? new Date(at) : at;
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/**
 * An IANA time zone as a reader of a language names it at an instant: "Central European Time", "heure d’Europe
 * centrale", "Центральная Европа", "中欧时间", "توقيت وسط أوروبا" for Europe/Zurich; "Coordinated Universal Time" for
 * UTC (whose generic name is only an offset). A zone Intl does not know is given as stored.
 */
export function zoneName(timeZone: string, intlTag: string, at: string | Date): string {
  const instant = instantOf(at);
  if (!instant) return timeZone;
  try {
    const generic = zonePart(timeZone, intlTag, 'longGeneric', instant);
    const offsetOnly = generic === zonePart(timeZone, intlTag, 'longOffset', instant);
    return (offsetOnly ? zonePart(timeZone, intlTag, 'long', instant) : generic) || timeZone;
  } catch {
    return timeZone;
  }
}

/** A zone's offset from UTC at an instant as a language writes it: "GMT+1", "UTC+1", "غرينتش+1"; '' when unknown. */
export function zoneOffset(timeZone: string, intlTag: string, at: string | Date): string {
  const instant = instantOf(at);
  if (!instant) return '';
  try {
    return zonePart(timeZone, intlTag, 'shortOffset', instant);
  } catch {
    return '';
  }
}
