import { AppError } from '../../domain';

/** A version tag as a client may send it back: without a weak marker or surrounding quotes. */
export function normalEtag(tag: string): string {
  return tag
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');
}

/**
 * Checks that the client edited the version stored: `store.version-required` when it sent none,
 * `store.conflict` when someone else wrote the record since (never an overwrite).
 */
export function requireVersion(stored: { etag: string }, sent: string | undefined, what: string): void {
  if (sent === undefined || sent.trim() === '') {
    throw new AppError(
      'store.version-required',
      `Send the version of the ${what} you edited (its etag, or an If-Match header), so that nobody's change is lost.`,
    );
  }
  if (normalEtag(sent) !== normalEtag(stored.etag)) {
    throw new AppError(
      'store.conflict',
      `Someone else changed this ${what} since you read it. Reload it and make your change again.`,
      { etag: stored.etag },
    );
  }
}

/** A record id made from a name: lower case, accents dropped, words joined by hyphens. */
export function idFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || `record-${Date.now().toString(36)}`;
}

/** The fields of a parsed patch the client actually sent (zod fills defaults in, which a patch must not apply). */
export function sentFields<T extends object>(parsed: T, raw: unknown): Partial<T> {
  const sent = new Set(raw && typeof raw === 'object' ? Object.keys(raw) : []);
  return Object.fromEntries(Object.entries(parsed).filter(([key]) => sent.has(key) && key !== 'etag')) as Partial<T>;
}
