import {
  AppError,
  Assignment,
  DateOnly,
  Id,
  Locale,
  Person,
  Region,
  ResolutionBody,
  Role,
  SectorId,
  TimeZone,
  Topic,
  requirePermission,
  type AuditEntry,
  type Caller,
} from '../../domain';
import { CATALOGUES, formatMessage, type MessageKey } from '../../i18n';
import { write, type Store, type Stored, type WriteOp } from '../../store';
import type { RegisterChanges, SlotChange, TopicChange } from '../admin/register-consequences';
import type { ImportProblem, ImportProblemCode, ImportReport, ImportRow, RowOutcome } from '../../domain/records';
import { REGISTER_COLUMNS, REGISTER_SHEETS, type RegisterSheet } from './columns';
import { parseBoolean, parseResolution, splitList } from './register-rows';
import { MAX_ROWS, columnLetter, readTables, type InSheet } from './tables';

export {
  IMPORT_PROBLEMS,
  type ImportProblem,
  type ImportProblemCode,
  type ImportReport,
  type ImportRow,
  type RowOutcome,
} from '../../domain/records';

/** Who imports and in which language problems are told. */
export interface ImportOptions {
  dryRun: boolean;
  locale: Locale;
  /** Null when the command line imports (recorded as `register-cli`). */
  caller: Caller | null;
  now: string;
  /**
   * Once the import is written: what its topic and slot changes mean for the prompts of an open collection, as the
   * register administration applies to its own writes (withdrawn, handed over). Absent: nothing follows.
   */
  followChanges?: (changes: RegisterChanges, actorId: string) => Promise<unknown>;
}

/** The actor of the audit entries of an import from the command line. */
const CLI_ACTOR = 'register-cli';

type Cells = { get(key: string): string; has(key: string): boolean; line: number };

interface Context {
  locale: Locale;
  errors: ImportProblem[];
}

const normalise = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** Each sheet's header texts in every language (and the column keys) → column key. */
const HEADER_KEYS: Record<RegisterSheet, Map<string, string>> = Object.fromEntries(
  REGISTER_SHEETS.map((sheet) => {
    const map = new Map<string, string>();
    for (const column of REGISTER_COLUMNS[sheet]) {
      map.set(normalise(column.key), column.key);
      for (const catalogue of Object.values(CATALOGUES)) map.set(normalise(catalogue[column.label]), column.key);
    }
    return [sheet, map];
  }),
) as Record<RegisterSheet, Map<string, string>>;

function problem(
  ctx: Context,
  sheet: RegisterSheet,
  where: { row: number | null; column: string | null; field: string | null },
  code: ImportProblemCode,
  value: string,
  extra: Record<string, string | number> = {},
): void {
  const key = `import.problem.${code}` as MessageKey;
  const message = formatMessage(key, ctx.locale, { value, ...extra });
  ctx.errors.push({ sheet, ...where, code, value, message });
}

/** A parsed sheet: its rows as cell accessors, or null when its header is unusable. */
interface ParsedSheet {
  sheet: RegisterSheet;
  rows: Cells[];
  columnOf(key: string): string | null;
}

function sheetOf(input: InSheet): RegisterSheet | null {
  const named = REGISTER_SHEETS.find((sheet) => normalise(input.name ?? '') === sheet);
  if (named) return named;
  // A CSV without section markers (or a renamed worksheet): the sheet whose required columns are all there.
  return (
    REGISTER_SHEETS.find((sheet) =>
      REGISTER_COLUMNS[sheet]
        .filter((c) => c.required)
        .every((c) => input.headers.some((h) => HEADER_KEYS[sheet].get(normalise(h)) === c.key)),
    ) ?? null
  );
}

function parseSheet(ctx: Context, sheet: RegisterSheet, input: InSheet): ParsedSheet | null {
  const index = new Map<string, number>();
  input.headers.forEach((header, i) => {
    if (header === '') return;
    const key = HEADER_KEYS[sheet].get(normalise(header));
    if (!key) {
      const where = { row: input.headerLine, column: columnLetter(i), field: null };
      problem(ctx, sheet, where, 'unknown-column', header);
    } else if (!index.has(key)) index.set(key, i);
  });
  const missing = REGISTER_COLUMNS[sheet].filter((c) => c.required && !index.has(c.key));
  for (const column of missing) {
    const where = { row: input.headerLine, column: null, field: column.key };
    problem(ctx, sheet, where, 'missing-column', formatMessage(column.label, ctx.locale));
  }
  if (missing.length) return null;
  if (input.rows.length > MAX_ROWS) {
    problem(ctx, sheet, { row: null, column: null, field: null }, 'too-many-rows', String(input.rows.length), {
      max: MAX_ROWS,
    });
    return null;
  }
  const rows = input.rows
    .filter((row) => row.cells.some((cell) => cell !== ''))
    .map((row): Cells => ({
      line: row.line,
      has: (key) => index.has(key),
      get: (key) => {
        const i = index.get(key);
        return i === undefined ? '' : (row.cells[i] ?? '');
      },
    }));
  return {
    sheet,
    rows,
    columnOf: (key) => {
      const i = index.get(key);
      return i === undefined ? null : columnLetter(i);
    },
  };
}

/** A record without its version tag, for comparing. */
function bare<T extends object>(record: T & { etag?: string }): T {
  const { etag: _etag, ...rest } = record;
  return rest as T;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

function changedFields(before: object, after: object): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => key !== 'etag' && canonical(a[key]) !== canonical(b[key]))
    .sort();
}

/** The current register, as the import compares it. */
interface Current {
  topics: Stored<Topic>[];
  assignments: Stored<Assignment>[];
  people: Stored<Person>[];
}

/** A record the import will write, with where it came from. */
interface Planned<T> {
  line: number;
  key: string;
  record: T;
  existing: Stored<T> | null;
}

/** Reports a schema refusal the specific checks did not catch, on the column of the field it names. */
function schemaProblems(
  ctx: Context,
  parsed: ParsedSheet,
  row: Cells,
  issues: readonly { path: PropertyKey[]; code: string; maximum?: unknown }[],
  fieldColumns: Record<string, string>,
): void {
  for (const issue of issues.slice(0, 5)) {
    const field = String(issue.path[0] ?? '');
    const key = fieldColumns[field] ?? field;
    const where = { row: row.line, column: parsed.columnOf(key), field: key };
    if (issue.code === 'too_big' && typeof issue.maximum === 'number') {
      problem(ctx, parsed.sheet, where, 'too-long', row.get(key).slice(0, 50), { max: issue.maximum });
    } else problem(ctx, parsed.sheet, where, 'invalid-value', row.get(key).slice(0, 100));
  }
}

const PersonWithoutZone = Person.omit({ timeZone: true });

const zones = new Map<string, boolean>();
/** True for an IANA time zone the runtime knows (remembered: checking builds a date formatter). */
function knownZone(zone: string): boolean {
  let known = zones.get(zone);
  if (known === undefined) {
    known = TimeZone.safeParse(zone).success;
    if (zones.size < 1000) zones.set(zone, known);
  }
  return known;
}

const isEmail = (value: string) => Person.shape.email.safeParse(value).success;

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'person'
  );
}

function planPeople(ctx: Context, parsed: ParsedSheet, current: Current): Planned<Person>[] {
  const byEmail = new Map(current.people.map((p) => [p.email.toLowerCase(), p]));
  const takenIds = new Set(current.people.map((p) => p.id));
  const seen = new Set<string>();
  const planned: Planned<Person>[] = [];
  for (const row of parsed.rows) {
    const at = (field: string) => ({ row: row.line, column: parsed.columnOf(field), field });
    const before = ctx.errors.length;
    const email = row.get('email').toLowerCase();
    if (email === '') problem(ctx, 'people', at('email'), 'required', '');
    else if (!isEmail(email)) problem(ctx, 'people', at('email'), 'bad-email', row.get('email'));
    else if (seen.has(email)) problem(ctx, 'people', at('email'), 'duplicate-person', email);
    seen.add(email);
    if (row.get('name') === '') problem(ctx, 'people', at('name'), 'required', '');
    const sector = row.get('sector').toUpperCase();
    if (sector === '') problem(ctx, 'people', at('sector'), 'required', '');
    else if (!SectorId.safeParse(sector).success)
      problem(ctx, 'people', at('sector'), 'unknown-sector', row.get('sector'));
    const region = row.get('region');
    if (region !== '' && !Region.safeParse(region).success)
      problem(ctx, 'people', at('region'), 'invalid-value', region);
    const locale = row.get('locale').toLowerCase();
    if (locale !== '' && !Locale.safeParse(locale).success)
      problem(ctx, 'people', at('locale'), 'invalid-value', locale);
    const timeZone = row.get('timeZone');
    const existingZone = byEmail.get(email)?.timeZone;
    if (timeZone !== '' && timeZone !== existingZone && !knownZone(timeZone))
      problem(ctx, 'people', at('timeZone'), 'invalid-value', timeZone);
    const roles = splitList(row.get('roles')).map((r) => r.toLowerCase());
    for (const role of roles)
      if (!Role.safeParse(role).success) problem(ctx, 'people', at('roles'), 'invalid-value', role);
    const outOfOffice: { from: string; to: string }[] = [];
    for (const range of row
      .get('outOfOffice')
      .split(/[;\n]/)
      .map((r) => r.trim())
      .filter(Boolean)) {
      const [from = '', to = from] = range.split('/').map((d) => d.trim());
      const valid = DateOnly.safeParse(from).success && DateOnly.safeParse(to).success && to >= from;
      if (!valid) problem(ctx, 'people', at('outOfOffice'), 'bad-date', range);
      else outOfOffice.push({ from, to });
    }
    const existing = byEmail.get(email) ?? null;
    const aadObjectId = row.get('aadObjectId') || existing?.aadObjectId || '';
    if (aadObjectId === '') problem(ctx, 'people', at('aadObjectId'), 'required', '');
    if (ctx.errors.length > before) continue;

    let id = existing?.id;
    if (!id) {
      const base = slug(email.split('@')[0] ?? email);
      id = base;
      for (let n = 2; takenIds.has(id); n++) id = `${base}-${n}`;
      takenIds.add(id);
    }
    const keep = <K extends keyof Person>(key: K, column: string, value: Person[K], fallback: Person[K]): Person[K] =>
      row.has(column) ? value : existing ? existing[key] : fallback;
    const candidate = {
      ...(existing ? bare(existing) : {}),
      id,
      email,
      name: row.get('name'),
      sector,
      region: keep('region', 'region', (region || null) as Person['region'], null),
      jobTitle: keep('jobTitle', 'jobTitle', row.get('jobTitle'), ''),
      locale: (locale || existing?.locale || 'en') as Locale,
      timeZone: timeZone || existing?.timeZone || 'Europe/Zurich',
      roles: (roles.length ? roles : (existing?.roles ?? ['member'])) as Person['roles'],
      aadObjectId,
      outOfOffice: keep('outOfOffice', 'outOfOffice', outOfOffice, []),
    };
    // The time zone is checked above, once per zone (the schema's check builds a formatter each time).
    const { timeZone: zone, ...rest } = candidate;
    const result = PersonWithoutZone.safeParse(rest);
    if (!result.success) {
      schemaProblems(ctx, parsed, row, result.error.issues, {});
      continue;
    }
    planned.push({ line: row.line, key: email, record: { ...result.data, timeZone: zone }, existing });
  }
  return planned;
}

const STATUS_ALIASES: Record<string, Topic['status']> = { retired: 'closed' };

function planTopics(ctx: Context, parsed: ParsedSheet, current: Current): Planned<Topic>[] {
  const byId = new Map(current.topics.map((t) => [t.id, t]));
  const seen = new Set<string>();
  const planned: Planned<Topic>[] = [];
  for (const row of parsed.rows) {
    const at = (field: string) => ({ row: row.line, column: parsed.columnOf(field), field });
    const before = ctx.errors.length;
    const id = row.get('id');
    if (id === '') problem(ctx, 'topics', at('id'), 'required', '');
    else if (!Id.safeParse(id).success) problem(ctx, 'topics', at('id'), 'invalid-value', id);
    else if (seen.has(id)) problem(ctx, 'topics', at('id'), 'duplicate-topic', id);
    seen.add(id);
    if (row.get('titleEn') === '') problem(ctx, 'topics', at('titleEn'), 'required', '');
    const kind = row.get('kind') || byId.get(id)?.kind || 'topic';
    if (!Topic.shape.kind.safeParse(kind).success) problem(ctx, 'topics', at('kind'), 'invalid-value', kind);
    const leadSector = row.get('leadSector').toUpperCase();
    if (leadSector !== '' && !SectorId.safeParse(leadSector).success)
      problem(ctx, 'topics', at('leadSector'), 'unknown-sector', row.get('leadSector'));
    const sectors = splitList(row.get('sectors')).map((s) => s.toUpperCase());
    for (const sector of sectors)
      if (!SectorId.safeParse(sector).success) problem(ctx, 'topics', at('sectors'), 'unknown-sector', sector);
    const statusText = row.get('status').toLowerCase();
    const status = STATUS_ALIASES[statusText] ?? (statusText || byId.get(id)?.status || 'active');
    if (!Topic.shape.status.safeParse(status).success)
      problem(ctx, 'topics', at('status'), 'invalid-value', statusText);
    const resolutions = row
      .get('resolutions')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => ({ line, parsed: parseResolution(line) }));
    for (const { line, parsed: resolution } of resolutions)
      if (!ResolutionBody.safeParse(resolution.body).success)
        problem(ctx, 'topics', at('resolutions'), 'invalid-value', line);
    const iscgArea = parseBoolean(row.get('iscgArea'));
    if (iscgArea === null) problem(ctx, 'topics', at('iscgArea'), 'invalid-value', row.get('iscgArea'));
    const yearText = row.get('sinceYear');
    const sinceYear = yearText === '' ? null : Number(yearText);
    if (sinceYear !== null && !Number.isInteger(sinceYear))
      problem(ctx, 'topics', at('sinceYear'), 'invalid-value', yearText);
    if (ctx.errors.length > before) continue;

    const existing = byId.get(id) ?? null;
    const title: Topic['title'] = { en: row.get('titleEn') };
    for (const [locale, column] of [
      ['fr', 'titleFr'],
      ['es', 'titleEs'],
      ['ru', 'titleRu'],
      ['zh', 'titleZh'],
      ['ar', 'titleAr'],
    ] as const) {
      const text = row.has(column) ? row.get(column) : (existing?.title[locale] ?? '');
      if (text !== '') title[locale] = text;
    }
    const candidate = {
      ...(existing ? bare(existing) : {}),
      id,
      title,
      description: row.has('description') ? row.get('description') : (existing?.description ?? ''),
      kind,
      resolutions: row.has('resolutions') ? resolutions.map(({ parsed: r }) => r) : (existing?.resolutions ?? []),
      sectors: row.has('sectors') ? sectors : (existing?.sectors ?? []),
      leadSector: row.has('leadSector') ? leadSector || null : (existing?.leadSector ?? null),
      iscgCoordinatorArea: row.has('iscgArea') ? iscgArea : (existing?.iscgCoordinatorArea ?? false),
      sinceYear: row.has('sinceYear') ? sinceYear : (existing?.sinceYear ?? null),
      status,
    };
    const result = Topic.safeParse(candidate);
    if (!result.success) {
      schemaProblems(ctx, parsed, row, result.error.issues, { title: 'titleEn', iscgCoordinatorArea: 'iscgArea' });
      continue;
    }
    planned.push({ line: row.line, key: id, record: result.data, existing });
  }
  return planned;
}

function planAssignments(
  ctx: Context,
  parsed: ParsedSheet,
  current: Current,
  topicIds: ReadonlySet<string>,
  personIdByEmail: ReadonlyMap<string, string>,
  today: string,
): Planned<Assignment>[] {
  const bySlot = new Map(current.assignments.map((a) => [`${a.topicId} ${a.sector}`, a]));
  const takenIds = new Set(current.assignments.map((a) => a.id));
  const seen = new Set<string>();
  const planned: Planned<Assignment>[] = [];
  for (const row of parsed.rows) {
    const at = (field: string) => ({ row: row.line, column: parsed.columnOf(field), field });
    const before = ctx.errors.length;
    const topicId = row.get('topicId');
    if (topicId === '') problem(ctx, 'assignments', at('topicId'), 'required', '');
    else if (!topicIds.has(topicId)) problem(ctx, 'assignments', at('topicId'), 'unknown-topic', topicId);
    const sector = row.get('sector').toUpperCase();
    if (sector === '') problem(ctx, 'assignments', at('sector'), 'required', '');
    else if (!SectorId.safeParse(sector).success)
      problem(ctx, 'assignments', at('sector'), 'unknown-sector', row.get('sector'));
    const slot = `${topicId} ${sector}`;
    if (topicId !== '' && sector !== '' && seen.has(slot))
      problem(ctx, 'assignments', at('topicId'), 'duplicate-assignment', slot);
    seen.add(slot);
    const person = (column: string): string | null => {
      const email = row.get(column).toLowerCase();
      if (email === '') return null;
      if (!isEmail(email)) {
        problem(ctx, 'assignments', at(column), 'bad-email', row.get(column));
        return null;
      }
      const id = personIdByEmail.get(email);
      if (!id) problem(ctx, 'assignments', at(column), 'unknown-person', email);
      return id ?? null;
    };
    const focalPointId = person('focalPoint');
    const alternateId = person('alternate');
    const iscgCoordinator = parseBoolean(row.get('iscgCoordinator'));
    if (iscgCoordinator === null)
      problem(ctx, 'assignments', at('iscgCoordinator'), 'invalid-value', row.get('iscgCoordinator'));
    if (ctx.errors.length > before) continue;

    const existing = bySlot.get(slot) ?? null;
    let id = existing?.id;
    if (!id) {
      const base = `${topicId}.${sector}`;
      id = base;
      for (let n = 2; takenIds.has(id); n++) id = `${base}.${n}`;
      takenIds.add(id);
    }
    const candidate: Assignment = {
      ...(existing ? bare(existing) : {}),
      id,
      topicId,
      sector: sector as Assignment['sector'],
      focalPointId: row.has('focalPoint') ? focalPointId : (existing?.focalPointId ?? null),
      alternateId: row.has('alternate') ? alternateId : (existing?.alternateId ?? null),
      iscgCoordinator: row.has('iscgCoordinator') ? Boolean(iscgCoordinator) : (existing?.iscgCoordinator ?? false),
    };
    // A slot that loses its focal point is vacant from today; one that gets a focal point is no longer vacant.
    if (candidate.focalPointId === null && (!existing || existing.focalPointId !== null)) candidate.vacantSince = today;
    if (candidate.focalPointId !== null && candidate.vacantSince) candidate.vacantSince = null;
    const result = Assignment.safeParse(candidate);
    if (!result.success) {
      schemaProblems(ctx, parsed, row, result.error.issues, { focalPointId: 'focalPoint', alternateId: 'alternate' });
      continue;
    }
    planned.push({ line: row.line, key: slot, record: result.data, existing });
  }
  return planned;
}

function auditEntry(
  stamp: string,
  n: number,
  actorId: string,
  now: string,
  action: string,
  entity: string,
  entityId: string,
  detail: unknown,
): AuditEntry {
  const text = JSON.stringify(detail);
  return {
    id: `register.import:${stamp}:${n}`,
    at: now,
    actorId,
    action,
    entity,
    entityId,
    detail: text.length > 2000 ? `${text.slice(0, 1997)}...` : text,
  };
}

const emptyCounts = (): Record<RowOutcome, number> => ({ added: 0, changed: 0, unchanged: 0, removed: 0 });

/**
 * Imports the register (topics, assignments, people) from an XLSX or CSV file. A dry run reports, per record, added /
 * changed / unchanged / removed and every problem by sheet, row and column; applying writes all of it in one unit of
 * work with an audit entry per change, or nothing (`import.refused`) when the file has any problem. A sheet the file
 * leaves out is left as it is; a record a present sheet leaves out is removed (a topic closed, a person retired, an
 * assignment deleted). Importing the same file again changes nothing. While collection is open, what the import changed
 * is followed as the register administration follows its own writes (`followChanges`): prompts about a topic retired
 * or a slot vacated or removed are withdrawn, a prompt of a slot that changed hands goes to whoever now answers.
 */
export async function importRegister(store: Store, content: Buffer, options: ImportOptions): Promise<ImportReport> {
  if (options.caller) requirePermission(options.caller, 'register.import');
  const { format, sheets } = await readTables(content);
  const ctx: Context = { locale: options.locale, errors: [] };
  const parsed = new Map<RegisterSheet, ParsedSheet>();
  for (const input of sheets) {
    const sheet = sheetOf(input);
    if (!sheet || parsed.has(sheet)) continue;
    const result = parseSheet(ctx, sheet, input);
    if (result) parsed.set(sheet, result);
  }
  const found = new Set([...parsed.keys()]);
  for (const input of sheets) {
    const sheet = sheetOf(input);
    if (sheet) found.add(sheet);
  }
  if (found.size === 0) {
    problem(ctx, 'topics', { row: null, column: null, field: null }, 'missing-sheet', REGISTER_SHEETS.join(', '));
  }

  const [topics, assignments, people] = await Promise.all([
    store.topics.all(),
    store.assignments.all(),
    store.people.all(),
  ]);
  const current: Current = { topics, assignments, people };
  const today = options.now.slice(0, 10);

  const peopleSheet = parsed.get('people');
  const plannedPeople = peopleSheet ? planPeople(ctx, peopleSheet, current) : [];
  const topicsSheet = parsed.get('topics');
  const plannedTopics = topicsSheet ? planTopics(ctx, topicsSheet, current) : [];

  // Assignments name people on the people sheet when there is one (otherwise the register's) and topics likewise.
  const personIdByEmail = new Map<string, string>();
  if (found.has('people')) {
    for (const p of plannedPeople) personIdByEmail.set(p.key, p.record.id);
    // A row refused above still names a person the file holds: no second "unknown person" for it.
    for (const row of peopleSheet?.rows ?? []) {
      const email = row.get('email').toLowerCase();
      const known = people.find((p) => p.email.toLowerCase() === email);
      if (email && !personIdByEmail.has(email)) personIdByEmail.set(email, known?.id ?? `pending:${email}`);
    }
  } else {
    for (const p of people) if (!p.retiredAt) personIdByEmail.set(p.email.toLowerCase(), p.id);
  }
  const topicIds = new Set<string>(
    found.has('topics') ? (topicsSheet?.rows ?? []).map((row) => row.get('id')) : topics.map((t) => t.id),
  );
  const assignmentsSheet = parsed.get('assignments');
  const plannedAssignments = assignmentsSheet
    ? planAssignments(ctx, assignmentsSheet, current, topicIds, personIdByEmail, today)
    : [];

  const rows: ImportRow[] = [];
  const writes: WriteOp[] = [];
  const audit: { action: string; entity: string; entityId: string; detail: unknown }[] = [];
  const topicChanges: TopicChange[] = [];
  const slotChanges: SlotChange[] = [];
  /** Adds the outcome, the write and the audit entry of each planned record of a sheet. */
  const plan = <T extends { id: string }>(
    sheet: RegisterSheet,
    items: readonly Planned<T>[],
    writer: { create(record: T): WriteOp; update(record: Stored<T>): WriteOp; changed?(before: T, after: T): void },
  ) => {
    for (const item of items) {
      if (!item.existing) {
        rows.push({ sheet, row: item.line, key: item.key, outcome: 'added', fields: [] });
        writes.push(writer.create(item.record));
        audit.push({
          action: 'register.import.added',
          entity: sheet,
          entityId: item.record.id,
          detail: { after: item.record },
        });
        continue;
      }
      const fields = changedFields(bare(item.existing), item.record);
      if (fields.length === 0) {
        rows.push({ sheet, row: item.line, key: item.key, outcome: 'unchanged', fields });
        continue;
      }
      rows.push({ sheet, row: item.line, key: item.key, outcome: 'changed', fields });
      writes.push(writer.update({ ...item.record, etag: item.existing.etag }));
      writer.changed?.(bare(item.existing), item.record);
      const pick = (record: object) =>
        Object.fromEntries(fields.map((f) => [f, (record as Record<string, unknown>)[f]]));
      audit.push({
        action: 'register.import.changed',
        entity: sheet,
        entityId: item.record.id,
        detail: { before: pick(item.existing), after: pick(item.record) },
      });
    }
  };
  plan('people', plannedPeople, {
    create: (record) => write.create('people', record),
    update: (record) => write.update('people', record),
  });
  plan('topics', plannedTopics, {
    create: (record) => write.create('topics', record),
    update: (record) => write.update('topics', record),
    changed: (before, after) => topicChanges.push({ before, after }),
  });
  plan('assignments', plannedAssignments, {
    create: (record) => write.create('assignments', record),
    update: (record) => write.update('assignments', record),
    changed: (before, after) => slotChanges.push({ before, after }),
  });

  // What a present sheet leaves out is removed: topics closed (their history stays), people retired, assignments deleted.
  if (found.has('topics') && topicsSheet) {
    const kept = new Set(plannedTopics.map((t) => t.key));
    for (const topic of topics) {
      if (topicIds.has(topic.id) || kept.has(topic.id) || topic.status === 'closed') continue;
      rows.push({ sheet: 'topics', row: null, key: topic.id, outcome: 'removed', fields: ['status'] });
      writes.push(write.update('topics', { ...topic, status: 'closed' }));
      topicChanges.push({ before: bare(topic), after: { ...bare(topic), status: 'closed' } });
      audit.push({
        action: 'register.import.removed',
        entity: 'topics',
        entityId: topic.id,
        detail: { before: { status: topic.status }, after: { status: 'closed' } },
      });
    }
  }
  if (found.has('people') && peopleSheet) {
    for (const person of people) {
      if (person.retiredAt || personIdByEmail.has(person.email.toLowerCase())) continue;
      if (options.caller && person.id === options.caller.personId) continue;
      rows.push({ sheet: 'people', row: null, key: person.email, outcome: 'removed', fields: ['retiredAt'] });
      writes.push(write.update('people', { ...person, retiredAt: options.now }));
      audit.push({
        action: 'register.import.removed',
        entity: 'people',
        entityId: person.id,
        detail: { after: { retiredAt: options.now } },
      });
    }
  }
  if (found.has('assignments') && assignmentsSheet) {
    const kept = new Set(plannedAssignments.map((a) => a.record.id));
    const slots = new Set(
      assignmentsSheet.rows.map((row) => `${row.get('topicId')} ${row.get('sector').toUpperCase()}`),
    );
    for (const assignment of assignments) {
      if (kept.has(assignment.id) || slots.has(`${assignment.topicId} ${assignment.sector}`)) continue;
      rows.push({
        sheet: 'assignments',
        row: null,
        key: `${assignment.topicId} ${assignment.sector}`,
        outcome: 'removed',
        fields: [],
      });
      writes.push(write.remove('assignments', assignment.id, assignment.etag));
      slotChanges.push({ before: bare(assignment), after: null });
      audit.push({
        action: 'register.import.removed',
        entity: 'assignments',
        entityId: assignment.id,
        detail: { before: bare(assignment) },
      });
    }
  }

  const counts = Object.fromEntries(REGISTER_SHEETS.map((s) => [s, emptyCounts()])) as ImportReport['counts'];
  for (const row of rows) counts[row.sheet][row.outcome] += 1;
  const report: ImportReport = { format, dryRun: options.dryRun, applied: false, rows, errors: ctx.errors, counts };
  if (options.dryRun) return report;
  if (ctx.errors.length > 0) {
    throw new AppError(
      'import.refused',
      `The file was refused and nothing was imported: ${ctx.errors.length} problems were found (see the list).`,
      { count: ctx.errors.length, errors: ctx.errors },
    );
  }
  if (writes.length === 0) return { ...report, applied: true };
  const actorId = options.caller?.personId ?? CLI_ACTOR;
  const stamp = options.now.replace(/[^0-9]/g, '');
  const summary = Object.fromEntries(REGISTER_SHEETS.map((sheet) => [sheet, counts[sheet]]));
  const entries = [
    ...audit.map((a, i) => auditEntry(stamp, i + 1, actorId, options.now, a.action, a.entity, a.entityId, a.detail)),
    auditEntry(stamp, 0, actorId, options.now, 'register.import', 'register', 'register', summary),
  ];
  await store.commit([...writes, ...entries.map((entry) => write.create('audit', entry))]);
  await options.followChanges?.({ topics: topicChanges, slots: slotChanges }, actorId);
  return { ...report, applied: true };
}
