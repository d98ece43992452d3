/**
 * Follows the current agenda item as the server holds it: polls GET /meetings/:id/current-item every few seconds
 * while the page is visible (and at once when it becomes visible again), keeping the server's clock offset for the
 * timer. Polling suits the setup: it works through any proxy, across several server instances (each answer is read
 * from the store), and within the page's Content-Security-Policy (`connect-src 'self'`).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { getCurrentItem, type CurrentItemState } from '../api';
import { useSession } from '../common/ApiContext';

/** How often the side panel and the stage ask where the meeting is. */
export const POLL_MS = 3000;

/** The current item as last read, the server's clock offset, and a manual refresh. */
export interface CurrentItemFeed {
  state: CurrentItemState | null;
  /** The server's clock minus the page's, in ms (the timer counts in server time). */
  offsetMs: number;
  error: unknown;
  /** When the last answer arrived (page clock), or null. */
  updatedAt: number | null;
  refreshing: boolean;
  refresh(): void;
  /** Takes a position the page set itself (the chair's click), without waiting for the next poll. */
  moved(): void;
}

/** The current item of `meetingId`, followed live while the page is shown. */
export function useCurrentItem(meetingId: string): CurrentItemFeed {
  const { api } = useSession();
  const [state, setState] = useState<CurrentItemState | null>(null);
  const [offsetMs, setOffset] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const inFlight = useRef<AbortController | null>(null);

  const poll = useCallback(
    async (manual: boolean) => {
      if (inFlight.current) return;
      const controller = new AbortController();
      inFlight.current = controller;
      if (manual) setRefreshing(true);
      try {
        const asked = Date.now();
        const next = await getCurrentItem(api, meetingId, controller.signal);
        const received = Date.now();
        setOffset(Date.parse(next.serverTime) - (asked + received) / 2);
        // Same version, same position: keep the object, so nothing re-renders but the clock.
        setState((previous) => (previous?.version === next.version ? previous : next));
        setError(null);
        setUpdatedAt(received);
      } catch (failure) {
        if (!controller.signal.aborted) setError(failure);
      } finally {
        if (inFlight.current === controller) inFlight.current = null;
        setRefreshing(false);
      }
    },
    [api, meetingId],
  );

  useEffect(() => {
    const first = window.setTimeout(() => void poll(false), 0);
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void poll(false);
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void poll(false);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      inFlight.current?.abort();
      inFlight.current = null;
    };
  }, [poll]);

  return {
    state,
    offsetMs,
    error,
    updatedAt,
    refreshing,
    refresh: () => void poll(true),
    moved: () => void poll(false),
  };
}
