/**
 * D9: byte ranges of a download. A GET that starts at byte 0 (with or without `Range`) is a new
 * download and counts; a `Range` that starts past byte 0 continues one (a resuming download
 * manager) and does not count; HEAD never counts.
 */
export type RangeRequest =
  { kind: 'whole' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * Reads one `Range: bytes=…` header against a file of `size` bytes. No header, another unit or a
 * header we do not read (several ranges, bad syntax) serves the whole file, as RFC 9110 allows.
 */
export function parseRange(header: string | null | undefined, size: number): RangeRequest {
  if (!header) return { kind: 'whole' };
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'whole' };
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (!Number.isSafeInteger(start) || start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return { kind: 'whole' }; // a syntactically invalid range is ignored
  return { kind: 'partial', start, end };
}

/** D9: whether a request for this range starts a new download (and so counts against the 50). */
export function startsDownload(method: string, range: RangeRequest): boolean {
  if (method.toUpperCase() !== 'GET') return false;
  return range.kind === 'whole' || (range.kind === 'partial' && range.start === 0);
}

/** E6: refused downloads of one link are logged at most once per this interval, with a count. */
export const REFUSED_DOWNLOAD_LOG_INTERVAL_MS = 60 * 60 * 1000;

/** The start of the interval a refusal at `now` is counted in. */
export function refusalLogBucket(now: Date): Date {
  const ms = now.getTime();
  return new Date(ms - (ms % REFUSED_DOWNLOAD_LOG_INTERVAL_MS));
}
