import { z } from 'zod';

/**
 * Where the operational data lives on Azure Storage: the account's connection string (Azurite's in tests, with
 * explicit endpoints) and a name prefix, so several deployments or test runs can share one account.
 */
export const AzureStorageSettings = z.object({
  connectionString: z.string().min(1),
  /** Letters and digits, starting with a letter: it begins table, queue and container names. */
  prefix: z
    .string()
    .regex(/^[a-z][a-z0-9]{0,23}$/, 'lower-case letters and digits, starting with a letter, at most 24')
    .default('isc'),
});
export type AzureStorageSettings = z.input<typeof AzureStorageSettings>;

/** True when the connection string points at plain HTTP (Azurite): the SDKs must be told to allow it. */
export function isInsecure(connectionString: string): boolean {
  return /(^|;)\s*(DefaultEndpointsProtocol=http|[A-Za-z]+Endpoint=http:|UseDevelopmentStorage=true)/i.test(
    connectionString,
  );
}

/** The names the adapter uses, derived from the prefix. */
export function storageNames(prefix: string) {
  return {
    /** One table for the operational collections (one partition per collection). */
    table: `${prefix}ops`,
    /** The outbox queue of partition `k` (conversations are hashed onto partitions). */
    queue: (k: number) => `${prefix}-outbox-${k}`,
    deadLetter: `${prefix}-outbox-poison`,
    /** The container of the lease blobs (scheduler leader, outbox partitions, live instances). */
    leases: `${prefix}-leases`,
  };
}
