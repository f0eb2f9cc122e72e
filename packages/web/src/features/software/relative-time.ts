const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * D4: how far `iso` is from `now`, in the user's language ("in 9 days", "in 5 hours", "9일 후"):
 * days from one day on, hours under a day, minutes under an hour.
 */
export function relativeTime(iso: string, now: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const diff = new Date(iso).getTime() - now;
  const size = Math.abs(diff);
  if (size >= DAY_MS) return format.format(Math.round(diff / DAY_MS), 'day');
  if (size >= HOUR_MS) return format.format(Math.round(diff / HOUR_MS), 'hour');
  return format.format(Math.round(diff / MINUTE_MS), 'minute');
}
