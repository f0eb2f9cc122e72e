/**
 * E6: the sign-in throttle. At most SIGN_IN_MAX_CHECKS password checks per e-mail and source
 * address in any SIGN_IN_WINDOW_MS (a sliding window: each check holds one of a fixed number of
 * slots for the window's length). Keyed by e-mail AND address, so an attacker elsewhere cannot
 * lock the real user out of their own address.
 */
export const SIGN_IN_MAX_CHECKS = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

/** Extra wait before answering a wrong password: 0, 0, 250, 500, 750 ms for checks 1–5. */
export function signInFailureDelayMs(checkNumber: number): number {
  return Math.min(2_000, Math.max(0, checkNumber - 2) * 250);
}

/**
 * The part of a source address the throttle keys on: an IPv4 address whole (IPv4-mapped IPv6
 * included), an IPv6 address by its /64 prefix (one subscriber usually holds a whole /64, so
 * counting each address of it would multiply the limit by 2^64).
 */
export function throttleAddress(address: string | null | undefined): string {
  const text = (address ?? '').trim().toLowerCase();
  if (!text) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (mapped) return mapped[1]!;
  if (!text.includes(':')) return text;
  const withoutZone = text.split('%')[0]!;
  const [head = '', tail = ''] = withoutZone.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = withoutZone.includes('::') && tail ? tail.split(':') : [];
  const missing = Math.max(0, 8 - headParts.length - tailParts.length);
  const groups = withoutZone.includes('::')
    ? [...headParts, ...Array<string>(missing).fill('0'), ...tailParts]
    : headParts;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
