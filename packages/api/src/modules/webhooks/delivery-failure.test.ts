import { describe, expect, it } from 'vitest';
import { deliveryFailureOf } from './delivery-failure.js';

describe('webhook delivery failures (W2, E1)', () => {
  it('W2, E1: Node’s error codes become the log’s codes; codes stay as they are', () => {
    expect(deliveryFailureOf('ECONNREFUSED')).toBe('CONNECTION_REFUSED');
    expect(deliveryFailureOf('ENOTFOUND')).toBe('HOST_NOT_FOUND');
    expect(deliveryFailureOf('ETIMEDOUT')).toBe('TIMED_OUT');
    expect(deliveryFailureOf('DEPTH_ZERO_SELF_SIGNED_CERT')).toBe('TLS_FAILED');
    expect(deliveryFailureOf('ECONNRESET')).toBe('CONNECTION_FAILED');
    expect(deliveryFailureOf('HTTP_STATUS')).toBe('HTTP_STATUS');
    expect(deliveryFailureOf(null)).toBeNull();
    expect(deliveryFailureOf('toString')).toBe('CONNECTION_FAILED');
  });

  it('W2, E1: rows written before the codes (English words) read as codes', () => {
    expect(deliveryFailureOf('timed out')).toBe('TIMED_OUT');
    expect(deliveryFailureOf('address refused (private or local network)')).toBe('ADDRESS_REFUSED');
    expect(deliveryFailureOf('response broken')).toBe('RESPONSE_BROKEN');
    expect(deliveryFailureOf('only https:// is allowed')).toBe('HTTPS_REQUIRED');
    expect(deliveryFailureOf('invalid URL')).toBe('INVALID_URL');
    expect(deliveryFailureOf('HTTP 503')).toBe('HTTP_STATUS');
  });
});
