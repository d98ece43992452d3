import { z } from 'zod';

/** The sheets of the register workbook, in the order they are written. */
export const REGISTER_SHEETS = ['topics', 'assignments', 'people'] as const;
export const RegisterSheet = z.enum(REGISTER_SHEETS);
export type RegisterSheet = z.infer<typeof RegisterSheet>;

/** The kinds of problem an import reports, each with a message in six languages (`import.problem.<code>`). */
export const IMPORT_PROBLEMS = [
  'unknown-column',
  'missing-column',
  'missing-sheet',
  'required',
  'unknown-sector',
  'bad-email',
  'duplicate-topic',
  'duplicate-person',
  'duplicate-assignment',
  'unknown-person',
  'unknown-topic',
  'bad-date',
  'invalid-value',
  'too-long',
  'too-many-rows',
] as const;
export const ImportProblemCode = z.enum(IMPORT_PROBLEMS);
export type ImportProblemCode = z.infer<typeof ImportProblemCode>;

/** A problem of an imported file: where it is (sheet, row, column) and what it is. */
export const ImportProblem = z.object({
  sheet: RegisterSheet,
  /** The worksheet row or CSV line; null for a problem of the whole sheet. */
  row: z.number().int().min(1).nullable(),
  /** The column letter (A, B …); null for a problem of a whole row or sheet. */
  column: z.string().nullable(),
  /** The column's stable key (`email`, `sector` …), when the problem is in one. */
  field: z.string().nullable(),
  code: ImportProblemCode,
  /** The cell's text (or the column or sheet name) the problem is about. */
  value: z.string(),
  /** The problem in the reader's language. */
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

/** What an import does to one record. */
export const RowOutcome = z.enum(['added', 'changed', 'unchanged', 'removed']);
export type RowOutcome = z.infer<typeof RowOutcome>;

/** One record of the import's plan. */
export const ImportRow = z.object({
  sheet: RegisterSheet,
  /** The row it comes from; null for a record the file leaves out (removed). */
  row: z.number().int().min(1).nullable(),
  /** The topic id, the e-mail address, or "topic sector". */
  key: z.string(),
  outcome: RowOutcome,
  /** The fields that change. */
  fields: z.array(z.string()),
});
export type ImportRow = z.infer<typeof ImportRow>;

const Counts = z.object({
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
});

/** POST /register/import: the plan of an import (a dry run) or what it applied. */
export const ImportReport = z.object({
  format: z.enum(['xlsx', 'csv']),
  dryRun: z.boolean(),
  applied: z.boolean(),
  rows: z.array(ImportRow),
  errors: z.array(ImportProblem),
  counts: z.object({ topics: Counts, assignments: Counts, people: Counts }),
});
export type ImportReport = z.infer<typeof ImportReport>;
