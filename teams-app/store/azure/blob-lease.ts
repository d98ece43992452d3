import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { storageStatus, unavailable } from './storage-errors';

/** Blob leases last 15 to 60 seconds (or for ever); the adapter always uses a finite one. */
export const LEASE_SECONDS = { min: 15, max: 60 } as const;

/** The container of lease blobs, created when missing. */
export async function leaseContainer(connectionString: string, name: string): Promise<ContainerClient> {
  const container = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(name);
  try {
    await container.createIfNotExists();
  } catch (error) {
    throw unavailable(error, `create the container ${name}`);
  }
  return container;
}

/**
 * One blob lease held under this instance's lease id: whoever holds the lease on the blob owns what it stands for
 * (the scheduler, an outbox partition, a live instance). Acquiring a lease someone else holds fails (false) until
 * it is released or expires: a dead holder loses it at most `seconds` after its last renewal.
 */
export class BlobLease {
  private blobReady = false;

  constructor(
    private readonly container: ContainerClient,
    readonly blobName: string,
    readonly leaseId: string,
    readonly seconds: number,
  ) {}

  private get client() {
    return this.container.getBlockBlobClient(this.blobName).getBlobLeaseClient(this.leaseId);
  }

  private async ensureBlob(): Promise<void> {
    if (this.blobReady) return;
    try {
      await this.container.getBlockBlobClient(this.blobName).upload('', 0, { conditions: { ifNoneMatch: '*' } });
    } catch (error) {
      const { status } = storageStatus(error);
      // 409: the blob exists (and may be leased); 412: it exists.
      if (status !== 409 && status !== 412) throw unavailable(error, `create the lease blob ${this.blobName}`);
    }
    this.blobReady = true;
  }

  /** Takes the lease (or renews it, when already ours); false when another holder has it. */
  async acquire(): Promise<boolean> {
    await this.ensureBlob();
    try {
      await this.client.acquireLease(this.seconds);
      return true;
    } catch (error) {
      if (storageStatus(error).status === 409) return false;
      throw unavailable(error, `acquire the lease on ${this.blobName}`);
    }
  }

  /** Renews the lease; false when it is no longer ours (expired and taken, or released). */
  async renew(): Promise<boolean> {
    try {
      await this.client.renewLease();
      return true;
    } catch (error) {
      const { status } = storageStatus(error);
      if (status === 409 || status === 412 || status === 404) return false;
      throw unavailable(error, `renew the lease on ${this.blobName}`);
    }
  }

  /** Gives the lease up at once, so another instance can take it without waiting for it to expire. */
  async release(): Promise<void> {
    try {
      await this.client.releaseLease();
    } catch (error) {
      const { status } = storageStatus(error);
      if (status !== 409 && status !== 412 && status !== 404) throw unavailable(error, `release ${this.blobName}`);
    }
  }
}
