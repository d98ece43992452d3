/** Identifiers and timestamps in the formats Graph and SharePoint use. */
import { randomBytes, randomUUID } from 'node:crypto';

export const guid = (): string => randomUUID();

/** A driveItem id: "01" and 32 upper-case base32 characters, like SharePoint's. */
export function driveItemId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return '01' + Array.from(randomBytes(32), (b) => alphabet[b % 32]).join('');
}

/** An opaque token (base64url of a JSON value); a client must not build or read it. */
export const encodeToken = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The value of a token made by `encodeToken`, or null when it is not one. */
export function decodeToken(token: string): unknown {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

/** ISO timestamp without milliseconds, as SharePoint returns dates ("2026-12-01T10:00:00Z"). */
export const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Graph's dateTimeTimeZone value in UTC ("2026-12-01T10:00:00.0000000"). */
export const graphDateTime = (ms: number): { dateTime: string; timeZone: string } => ({
  dateTime: new Date(ms).toISOString().replace(/\.\d{3}Z$/, '.0000000'),
  timeZone: 'UTC',
});

/** Strips weak markers and surrounding quotes so `W/"x"`, `"x"` and `x` compare equal. */
export const bareETag = (etag: string): string =>
  etag
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');

/** True when an If-Match header (absent, `*`, or a list of eTags) allows a write to the resource with `current`. */
export function ifMatchAllows(header: string | undefined, current: string): boolean {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return true;
  return header.split(/,(?=\s*(?:W\/)?")/).some((tag) => bareETag(tag) === bareETag(current));
}
