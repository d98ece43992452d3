/**
 * What the administration and records forms share: field messages from the domain's zod issues (checked in the
 * tab before sending) or from the server's refusal, and the conflict of a record someone else changed meanwhile.
 */
import { ApiError } from '../api';
import type { AdminMessages } from '../i18n/admin/admin-text';

/** A message per field, keyed by the field's path (`title.en`, `email`, `resolutions.0.number`). */
export type FieldErrors = Record<string, string>;

/** What the forms read of a zod issue (the tab's own check, or the server's `details.issues`). */
interface IssueLike {
  code?: string;
  path: readonly PropertyKey[] | string;
  origin?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/** The path of an issue as the forms key their fields. */
function pathOf(issue: IssueLike): string {
  return typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.');
}

/** The reader's sentence for an issue (zod's own messages are English). */
function messageOf(issue: IssueLike, a: AdminMessages): string {
  const c = a.common;
  if (issue.code === 'too_small' && (issue.origin === 'string' || issue.origin === 'array')) return c.required;
  if (issue.code === 'too_big' && issue.origin === 'string') return c.tooLong(Number(issue.maximum));
  if (issue.code === 'invalid_format' && issue.format === 'email') return c.badEmail;
  if (issue.code === 'invalid_format' && issue.format === 'date') return c.badDate;
  return c.invalid;
}

/** The first message of each field among the issues. */
export function issueMessages(issues: readonly IssueLike[], a: AdminMessages): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = pathOf(issue);
    errors[path] ??= messageOf(issue, a);
  }
  return errors;
}

/** The fields the server refused (`request.invalid` with its issues), else none. */
export function serverFieldErrors(error: unknown, a: AdminMessages): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== 'request.invalid') return {};
  const issues = error.details?.issues;
  if (!Array.isArray(issues)) return {};
  const readable = issues.filter(
    (issue): issue is { path: string } => typeof issue === 'object' && issue !== null && typeof issue.path === 'string',
  );
  return Object.fromEntries(readable.map((issue) => [issue.path, a.common.invalid]));
}

/** True when a write was refused because the record changed since it was read. */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'store.conflict' || error.status === 412);
}

/** The keys whose values differ between two versions of a record (its version tag left out). */
export function changedKeys<T extends object>(before: T, after: T): (keyof T & string)[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete('etag');
  const read = (record: T, key: string) => JSON.stringify((record as Record<string, unknown>)[key] ?? null);
  return [...keys].filter((key) => read(before, key) !== read(after, key)) as (keyof T & string)[];
}

/** The message of a field, by its path or the path of a field inside it. */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];
}

/** The message of a field: the tab's own check first, then the server's refusal (`failure`). */
export function messagesAt(
  errors: FieldErrors,
  failure: unknown,
  a: AdminMessages,
): (path: string) => string | undefined {
  const server = serverFieldErrors(failure, a);
  return (path) => errorAt(errors, path) ?? errorAt(server, path);
}
