import type { Assignment, Person, ResolutionRef, Topic } from '../../domain';

/** How list cells are joined: "GS, TSB". */
const LIST_SEPARATOR = ', ';

/** A resolution as one line of its cell: "PP 175 | Rev. Bucharest, 2022 | Title". */
export function formatResolution(resolution: ResolutionRef): string {
  const head = resolution.number ? `${resolution.body} ${resolution.number}` : resolution.body;
  const parts = [head, resolution.revision ?? '', resolution.title ?? ''];
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.join(' | ');
}

/** Reads one line of a resolutions cell back; null when its body is not a known one. */
export function parseResolution(line: string): {
  body: string;
  number: string | null;
  revision: string | null;
  title: string | null;
} {
  const [head = '', revision = '', ...title] = line.split('|').map((part) => part.trim());
  const [body = '', ...number] = head.split(/\s+/);
  const text = title.join(' | ');
  return {
    body,
    number: number.length ? number.join(' ') : null,
    revision: revision || null,
    title: text || null,
  };
}

/** A yes/no cell. */
export function formatBoolean(value: boolean): string {
  return value ? 'yes' : 'no';
}

const TRUE = new Set(['yes', 'y', 'true', '1', 'x', 'oui', 'sí', 'si', 'да', '是', 'نعم']);
const FALSE = new Set(['no', 'n', 'false', '0', '', 'non', 'нет', '否', 'لا']);

/** Reads a yes/no cell (in any of the six languages); null when it is neither. */
export function parseBoolean(value: string): boolean | null {
  const key = value.trim().toLocaleLowerCase();
  if (TRUE.has(key)) return true;
  if (FALSE.has(key)) return false;
  return null;
}

/** Splits a list cell ("GS, TSB" or "GS; TSB"), dropping empty entries. */
export function splitList(value: string): string[] {
  return value
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The cells of a topic row, by column key. */
export function topicCells(topic: Topic): Record<string, string | number> {
  return {
    id: topic.id,
    titleEn: topic.title.en,
    titleFr: topic.title.fr ?? '',
    titleEs: topic.title.es ?? '',
    titleRu: topic.title.ru ?? '',
    titleZh: topic.title.zh ?? '',
    titleAr: topic.title.ar ?? '',
    description: topic.description,
    kind: topic.kind,
    leadSector: topic.leadSector ?? '',
    sectors: topic.sectors.join(LIST_SEPARATOR),
    status: topic.status,
    resolutions: topic.resolutions.map(formatResolution).join('\n'),
    iscgArea: formatBoolean(topic.iscgCoordinatorArea),
    sinceYear: topic.sinceYear ?? '',
  };
}

/** The cells of an assignment row, by column key; people are named by e-mail. */
export function assignmentCells(assignment: Assignment, emailOf: (id: string) => string): Record<string, string> {
  return {
    topicId: assignment.topicId,
    sector: assignment.sector,
    focalPoint: assignment.focalPointId ? emailOf(assignment.focalPointId) : '',
    alternate: assignment.alternateId ? emailOf(assignment.alternateId) : '',
    iscgCoordinator: formatBoolean(assignment.iscgCoordinator),
  };
}

/** The cells of a person row, by column key. */
export function personCells(person: Person): Record<string, string> {
  return {
    email: person.email,
    name: person.name,
    sector: person.sector,
    region: person.region ?? '',
    jobTitle: person.jobTitle,
    locale: person.locale,
    timeZone: person.timeZone,
    roles: person.roles.join(LIST_SEPARATOR),
    aadObjectId: person.aadObjectId,
    outOfOffice: person.outOfOffice.map((range) => `${range.from}/${range.to}`).join('; '),
  };
}
