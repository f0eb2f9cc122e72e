import { useSyncExternalStore } from 'react';

/**
 * Issue 14: one corrected clock for the whole app. The Cancel dialog measures the server's clock
 * precisely (cancellationOptions.serverTime); every GraphQL answer gives a coarse reading (its
 * HTTP Date header, whole seconds). The Software list and the dialog both read `serverNow()`, so
 * near a deadline they agree on "open" or "closed".
 */
let offsetMs = 0;
let precise = false;
const listeners = new Set<() => void>();

function set(next: number) {
  if (next === offsetMs) return;
  offsetMs = next;
  for (const listener of listeners) listener();
}

/** A precise reading: server time minus local time, measured when an answer arrived. */
export function recordServerOffset(offset: number) {
  precise = true;
  set(offset);
}

/**
 * A coarse reading from an HTTP Date header (truncated to the second: +500 ms on average). Used
 * until a precise one arrives, and only when the clocks differ by more than two seconds.
 */
export function recordDateHeader(date: string | null, receivedAt = Date.now()) {
  if (precise || !date) return;
  const server = Date.parse(date);
  if (!Number.isFinite(server)) return;
  const offset = server + 500 - receivedAt;
  if (Math.abs(offset) > 2_000) set(offset);
}

export function serverClockOffset(): number {
  return offsetMs;
}

export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** For tests: forget every reading. */
export function resetServerClock() {
  precise = false;
  set(0);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current offset, re-rendering the caller when a new reading changes it. */
export function useServerClockOffsetValue(): number {
  return useSyncExternalStore(subscribe, serverClockOffset, serverClockOffset);
}
