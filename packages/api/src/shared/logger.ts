/**
 * The server's logger. Every message passes through `redact`, so a secret that slips into a
 * message (a bearer token, a session cookie, a link token) is masked before it is written.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const SECRET_PATTERNS: RegExp[] = [
  /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi,
  /(csp_session=)[^;\s]+/gi,
  /(\/downloads\/)[A-Za-z0-9_-]+/gi,
  /("?(?:password|token|activationKey|key)"?\s*[:=]\s*"?)[^",\s}]+/gi,
];

export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((out, pattern) => out.replace(pattern, '$1[redacted]'), text);
}

/** Where log lines go; `level` lets a sink write warnings and errors at once. */
export type LogSink = (line: string, level: string) => void;

/**
 * Writes lines to `write` (stdout) at most every `LOG_FLUSH_MS`, not one write each: on this kind
 * of machine each write to a pipe is a system call costing as much as a small request's own work
 * (issue 13: ≈ 0.07 ms per request line), and under load an event-loop turn rarely finishes more
 * than one request, so batching per turn saved little. Warnings and errors go out at once, after
 * what was waiting, in order; what waits is written when the process exits (SIGTERM stops the
 * server through process.exit).
 */
export const LOG_FLUSH_MS = 50;

export function batchedSink(
  write: (text: string) => void = (text) => process.stdout.write(text),
): LogSink & { flush(): void } {
  const MAX_PENDING = 64 * 1024;
  let pending = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (!pending) return;
    const text = pending;
    pending = '';
    write(text);
  };
  process.on('exit', flush);
  const sink = (line: string, level: string) => {
    pending += line + '\n';
    if (level !== 'info' || pending.length >= MAX_PENDING) return flush();
    if (!scheduled) {
      scheduled = true;
      setTimeout(flush, LOG_FLUSH_MS).unref();
    }
  };
  return Object.assign(sink, { flush });
}

export function createLogger(sink: LogSink = batchedSink()): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    const entry = { level, at: new Date().toISOString(), message, ...fields };
    sink(redact(JSON.stringify(entry)), level);
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
