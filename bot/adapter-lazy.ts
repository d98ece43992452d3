/**
 * The Bot Framework adapter and sender, with botbuilder loaded on first use instead of at start: loading it is
 * the largest part of a cold start (~0.1 s from the compiled server's code cache, ~0.5 s without), and a server
 * that only serves the tab and the API never needs it. The first bot request or proactive send pays it once.
 */
import type { BotAdapter, BotCredentials } from './adapter';
import type { AdapterSenderOptions } from './adapter-sender';
import type { Sender } from '../teams-app/services/outbox';

/** A value made on first call, by one call only (concurrent callers share it; a failure is retried next time). */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | null = null;
  return () => {
    made ??= make().catch((error: unknown) => {
      made = null;
      throw error;
    });
    return made;
  };
}

/** The BotAdapter of bot/adapter.ts, its SDK loaded on the first request. */
export function lazyBotAdapter(credentials: BotCredentials, onError: (error: unknown) => void): BotAdapter {
  const adapter = once(async () => (await import('./adapter')).createBotAdapter(credentials, onError));
  return {
    async process(request, onTurn) {
      return (await adapter()).process(request, onTurn);
    },
  };
}

/** The Sender of bot/adapter-sender.ts, its SDK loaded on the first send (or on `warm()`, ahead of it). */
export function lazyAdapterSender(
  credentials: BotCredentials,
  options: AdapterSenderOptions = {},
): Sender & { warm(): Promise<void> } {
  const sender = once(async () => (await import('./adapter-sender')).createAdapterSender(credentials, options));
  return {
    async warm() {
      await sender();
    },
    async send(ref, activity) {
      return (await sender()).send(ref, activity);
    },
    async update(ref, activityId, activity) {
      return (await sender()).update(ref, activityId, activity);
    },
  };
}
