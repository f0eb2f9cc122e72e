import { DAY_MS, MINUTE_MS } from '@csp/domain';
import { useEffect, useMemo, useState } from 'react';
import { recordServerOffset } from '../../app/server-clock';

const SECOND_MS = 1_000;

/**
 * The server's clock as seen from here: `Date.now()` corrected by the offset measured from the
 * last `serverTime` the API sent. A client clock that is minutes off (a laptop after sleep, a
 * badly set PC) must not show a window as open that the server already considers closed.
 * Measured when an answer is first rendered; the error is at most the request's travel time.
 */
export function useServerClockOffset(serverTime: string | undefined): number {
  const offset = useMemo(() => {
    const server = serverTime ? Date.parse(serverTime) : Number.NaN;
    return Number.isFinite(server) ? server - Date.now() : null;
  }, [serverTime]);
  // Shared with the Software list (issue 14): both decide "open" on the same clock.
  useEffect(() => {
    if (offset !== null) recordServerOffset(offset);
  }, [offset]);
  return offset ?? 0;
}

/**
 * How long until what the countdown shows next changes: on the window's last day every second,
 * otherwise every minute, always landing 1 ms past a whole step of the remaining time. Days and
 * the deadline are whole steps, and a begun day counts as used for the credit (C9) from its first
 * millisecond, so "2 days" turns into "1 day", the credit shrinks and "open" turns into "passed"
 * at the right instant, not up to a minute late.
 */
export function nextTickDelay(deadlineMs: number | null, nowMs: number): number | null {
  if (deadlineMs === null) return null;
  const remaining = deadlineMs - nowMs;
  if (remaining <= 0) return null;
  const step = remaining <= DAY_MS ? SECOND_MS : MINUTE_MS;
  // To the next instant where `remaining` is a whole number of steps minus 1 ms, or the deadline.
  return Math.min((remaining % step) + 1, remaining);
}

/**
 * C2, C7: the corrected current instant, re-rendering the caller as the countdown to `deadline`
 * needs (see `nextTickDelay`), and at once when the page becomes visible again (background tabs
 * get their timers slowed down).
 */
export function useLiveNow(offsetMs: number, deadline: string | null): Date {
  const [tick, setTick] = useState(0);
  const now = Date.now() + offsetMs;
  const deadlineMs = deadline ? Date.parse(deadline) : null;
  const delay = nextTickDelay(deadlineMs, now);

  useEffect(() => {
    if (delay === null) return;
    const timer = setTimeout(() => setTick((t) => t + 1), delay);
    return () => clearTimeout(timer);
  }, [delay, tick]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') setTick((t) => t + 1);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  return new Date(now);
}
