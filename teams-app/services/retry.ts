import { isAppError } from '../domain';

/**
 * Runs a read-compute-write step again when its write lost a race (`store.conflict` or a taken id): each
 * attempt re-reads, so the step converges instead of failing the user. Gives up after `attempts`.
 */
export async function retryOnConflict<T>(step: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      const raced = isAppError(error, 'store.conflict') || isAppError(error, 'store.already-exists');
      if (!raced || attempt >= attempts) throw error;
    }
  }
}
