import { describe, expect, it } from 'vitest';
import { batchedSink, createLogger, LOG_FLUSH_MS } from './logger.js';

const afterFlush = () => new Promise((resolve) => setTimeout(resolve, LOG_FLUSH_MS + 20));

describe('the log sink (issue 13: one write per LOG_FLUSH_MS)', () => {
  it('writes the info lines of a flush interval in one write, in order', async () => {
    const writes: string[] = [];
    const logger = createLogger(batchedSink((text) => writes.push(text)));
    logger.info('request', { path: '/graphql' });
    logger.info('request', { path: '/healthz' });
    expect(writes).toEqual([]);
    await afterFlush();
    expect(writes).toHaveLength(1);
    const lines = writes[0]!
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { path: string });
    expect(lines.map((l) => l.path)).toEqual(['/graphql', '/healthz']);
  });

  it('writes a warning or an error at once, after the lines that waited', () => {
    const writes: string[] = [];
    const logger = createLogger(batchedSink((text) => writes.push(text)));
    logger.info('request', { n: 1 });
    logger.error('unhandled request error', { n: 2 });
    expect(writes).toHaveLength(1);
    expect(
      writes[0]!
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { n: number }).n),
    ).toEqual([1, 2]);
  });

  it('still redacts secrets in batched lines', async () => {
    const writes: string[] = [];
    createLogger(batchedSink((text) => writes.push(text))).info('request', {
      path: '/downloads/AbCdEf123_-',
      authorization: 'Bearer secret-token',
    });
    await afterFlush();
    expect(writes.join('')).not.toMatch(/AbCdEf123|secret-token/);
  });
});
