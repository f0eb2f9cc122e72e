import { useEffect, useState } from 'react';
import { useServerClockOffsetValue } from '../../app/server-clock';

/**
 * The current time on the server's clock (the one the Cancel dialog uses, app/server-clock.ts),
 * renewed every `everyMs`, so "expires in …" and "open until …" texts stay true while open.
 */
export function useNow(everyMs = 60_000): number {
  const offset = useServerClockOffsetValue();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now + offset;
}
