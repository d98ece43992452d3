/**
 * Starting and stopping what a test file needs (servers, browsers, capture servers) so that a failure in one never
 * leaves another running: jest then exits without "a worker process has failed to exit gracefully".
 */

/** Waits for every promise to settle, then throws the first failure, if any. */
async function settleAll(promises: readonly (Promise<unknown> | undefined)[]): Promise<void> {
  const results = await Promise.allSettled(promises);
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
}

/**
 * Waits until everything being started has started or failed, then throws the first failure. Assign each result in
 * its own `.then`, so that `afterAll` can close what did start:
 * `await allStarted(startTestServer().then((s) => (server = s)), launchBrowser().then((b) => (browser = b)))`.
 */
export function allStarted(...starting: Promise<unknown>[]): Promise<void> {
  return settleAll(starting);
}

/**
 * Closes everything at once, skipping what never started (`server?.close()` is undefined), and waits for all of it
 * even when one close fails; then throws the first failure.
 */
export function closeAll(...closing: (Promise<unknown> | undefined)[]): Promise<void> {
  return settleAll(closing);
}
