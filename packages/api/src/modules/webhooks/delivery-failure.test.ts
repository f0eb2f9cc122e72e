import { describe, expect, it } from 'vitest';
import { deliveryFailureOf } from './delivery-failure.js';

describe('webhook delivery failures (W2, E1)', () => {
  it.each([
    // What an attempt meets: Node's error codes, or a code already.
    ['ECONNREFUSED', 'CONNECTION_REFUSED'],
    ['ENOTFOUND', 'HOST_NOT_FOUND'],
    ['ETIMEDOUT', 'TIMED_OUT'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'TLS_FAILED'],
    ['ECONNRESET', 'CONNECTION_FAILED'],
    ['HTTP_STATUS', 'HTTP_STATUS'],
    ['toString', 'CONNECTION_FAILED'],
    [null, null],
    // What rows written before the codes hold: the worker's English words.
    ['timed out', 'TIMED_OUT'],
    ['address refused (private or local network)', 'ADDRESS_REFUSED'],
    ['response broken', 'RESPONSE_BROKEN'],
    ['only https:// is allowed', 'HTTPS_REQUIRED'],
    ['invalid URL', 'INVALID_URL'],
    ['HTTP 503', 'HTTP_STATUS'],
  ])('W2, E1: %j is read as %j', (stored, code) => {
    expect(deliveryFailureOf(stored)).toBe(code);
  });
});
