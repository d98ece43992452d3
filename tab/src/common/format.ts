/** Formatting shared by the views: resolution references and instants in a time zone. */
import type { Topic } from '../api';
import type { Messages } from '../i18n';

/**
 * Wraps Latin-script data in Unicode isolates (and keeps it on one line) so that it keeps its own order
 * inside right-to-left text.
 */
export function isolate(text: string | null, dir: 'ltr' | 'rtl'): string | null {
  return text && dir === 'rtl' ? `\u2068${text.replace(/ /g, '\u00a0')}\u2069` : text;
}

/** A resolution as ITU cites it, e.g. "PP Res. 175 (Rev. Bucharest, 2022)", in the UI language. */
export function resolutionLabel(resolution: Topic['resolutions'][number], t: Messages, dir: 'ltr' | 'rtl'): string {
  const { body, number, revision } = resolution;
  return t.resolutions.label(t.resolutions.bodies[body], isolate(number, dir), isolate(revision, dir));
}

/** The IANA time zone of the viewer's device. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A date and time range in a time zone, with the zone's short name, e.g. "Tue 14 Jul 2026, 10:00–12:00 CEST". */
export function formatRange(startIso: string, endIso: string, timeZone: string, intlTag: string): string {
  const format = new Intl.DateTimeFormat(intlTag, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return format.formatRange(new Date(startIso), new Date(endIso));
}

/** An instant in a time zone, e.g. "Fri 3 Jul, 10:00 CEST". */
export function formatInstant(iso: string, timeZone: string, intlTag: string): string {
  return new Intl.DateTimeFormat(intlTag, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** The city part of an IANA zone, e.g. "Zurich" for Europe/Zurich. */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}
