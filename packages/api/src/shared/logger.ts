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

export type LogSink = (line: string) => void;

export function createLogger(sink: LogSink = (line) => process.stdout.write(line + '\n')): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    const entry = { level, at: new Date().toISOString(), message, ...fields };
    sink(redact(JSON.stringify(entry)));
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
