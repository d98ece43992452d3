/** The rows the register shows as a CSV file, built in the browser in the reader's language. */
import type { Locale } from '../../../teams-app/domain/reference';
import { resolutionReference } from '../../../teams-app/domain/resolution-names';
import type { TopicView } from '../api';
import type { Messages } from '../i18n/en';
import { vacanciesOf } from './register-filters';

/** One CSV field, quoted when it holds a separator, a quote or a line break. */
function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV text (with a byte order mark, so spreadsheet programs read it as UTF-8) of `topics` in the order shown,
 * one row per topic, people listed as "SECTOR: name", resolutions cited as the register cites them in `locale`.
 */
export function registerCsv(
  topics: readonly TopicView[],
  t: Messages,
  locale: Locale,
  title: (topic: TopicView) => string,
): string {
  const c = t.register.csv;
  const header = [
    c.topic,
    c.kind,
    c.status,
    c.lead,
    c.sectors,
    c.focalPoints,
    c.alternates,
    c.vacancies,
    c.resolutions,
  ];
  const rows = topics.map((topic) => [
    title(topic),
    t.topics.kinds[topic.kind],
    t.topics.statuses[topic.status],
    topic.leadSector ?? '',
    topic.sectors.join(', '),
    topic.assignments.map((a) => `${a.sector}: ${a.focalPoint?.name ?? t.topics.vacant}`).join('; '),
    topic.assignments.flatMap((a) => (a.alternate ? [`${a.sector}: ${a.alternate.name}`] : [])).join('; '),
    vacanciesOf(topic),
    topic.resolutions.map((r) => resolutionReference(r, locale)).join('; '),
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
