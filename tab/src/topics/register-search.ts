/**
 * The register's search, done in the browser over the whole register: what people type ("Res. 70", "Res 70",
 * "WTSA 70", a person's name, "accessibilite" without its accents) finds the topic in any of its languages.
 */
import type { TopicView } from '../api';

/** Lower case, accents and other marks removed, punctuation as spaces, spaces collapsed: "Rés. 70" → "res 70". */
export function normalizeSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The ways a resolution is written: "wtsa res 70", "wtsa resolution 70", "wtsa 70", "res 70", "resolution 70". */
function resolutionAliases(resolution: TopicView['resolutions'][number]): string[] {
  const body = normalizeSearch(resolution.body);
  const number = resolution.number ? normalizeSearch(resolution.number) : '';
  if (!number) return [body];
  return [
    `${body} res ${number}`,
    `${body} resolution ${number}`,
    `${body} ${number}`,
    `res ${number}`,
    `resolution ${number}`,
  ];
}

/** Everything a topic can be found by, normalized: titles in every language, resolutions, people, sectors. */
export function searchTexts(topic: TopicView): string[] {
  const titles = Object.values(topic.title).filter((t): t is string => typeof t === 'string');
  const people = topic.assignments.flatMap((a) => [a.focalPoint?.name, a.alternate?.name]).filter(Boolean) as string[];
  return [
    ...titles.map(normalizeSearch),
    ...topic.resolutions.flatMap(resolutionAliases),
    ...people.map(normalizeSearch),
    ...topic.sectors.map(normalizeSearch),
  ];
}

/**
 * True when `query` finds the topic: the whole query inside one of its texts, or else (for words without numbers,
 * so that "PP 70" does not take the "PP" of one resolution and the "70" of another) every word of the query
 * starting a word of its texts ("wilber accessibility").
 */
export function matchesSearch(texts: readonly string[], query: string): boolean {
  const wanted = normalizeSearch(query);
  if (!wanted) return true;
  if (texts.some((text) => text.includes(wanted))) return true;
  if (/\p{N}/u.test(wanted)) return false;
  const words = new Set(texts.flatMap((text) => text.split(' ')));
  return wanted.split(' ').every((token) => [...words].some((word) => word.startsWith(token)));
}
