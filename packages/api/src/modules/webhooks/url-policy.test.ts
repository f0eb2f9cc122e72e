import { describe, expect, it } from 'vitest';
import { DomainError, MAX_WEBHOOK_URL_LENGTH } from '@csp/domain';
import { checkEndpointUrl, isInternalAddress } from './url-policy.js';
import { postWebhook } from './worker.js';

const strict = { production: true, allowPrivate: false };
const dev = { production: false, allowPrivate: false };

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('webhook URL policy (W2, decision 017)', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254', // cloud metadata
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '224.0.0.1',
    'not-an-address',
  ])('W2: %s is internal', (address) => {
    expect(isInternalAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'W2: %s is public',
    (address) => {
      expect(isInternalAddress(address)).toBe(false);
    },
  );

  it.each([
    ['http://127.0.0.1:8080/hooks', strict, 'URL_NOT_HTTPS'],
    ['https://127.0.0.1/hooks', dev, 'URL_PRIVATE_ADDRESS'],
    ['https://localhost/hooks', dev, 'URL_PRIVATE_ADDRESS'], // the name resolves to loopback
    ['https://[::1]/hooks', dev, 'URL_PRIVATE_ADDRESS'],
    ['https://169.254.169.254/latest/meta-data', dev, 'URL_PRIVATE_ADDRESS'],
    ['https://10.0.0.5/hooks', dev, 'URL_PRIVATE_ADDRESS'],
    ['http://8.8.8.8/hooks', strict, 'URL_NOT_HTTPS'], // production: https only
    ['https://user:pw@8.8.8.8/hooks', strict, 'URL_CREDENTIALS'],
    ['https://8.8.8.8/hooks#part', strict, 'URL_FRAGMENT'],
    [`https://8.8.8.8/${'a'.repeat(MAX_WEBHOOK_URL_LENGTH)}`, strict, 'URL_LENGTH'],
  ])('W2, E2: %s is refused (%j) with reason %s', async (url, policy, reasonCode) => {
    const error = await refusal(checkEndpointUrl(url, policy));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toMatchObject({ field: 'url', reasonCode });
  });

  it('W2: with WEBHOOK_ALLOW_PRIVATE a local receiver is accepted; a public https address always is', async () => {
    await expect(
      checkEndpointUrl('http://127.0.0.1:8080/hooks', { production: false, allowPrivate: true }),
    ).resolves.toBe('http://127.0.0.1:8080/hooks');
    await expect(checkEndpointUrl('https://8.8.8.8/hooks', strict)).resolves.toBe(
      'https://8.8.8.8/hooks',
    );
  });

  it('W2: at sending time the resolved address is checked again (a name that now points inside)', async () => {
    const byName = await postWebhook('http://localhost:9/hooks', '{}', {}, dev, 2_000);
    expect(byName).toMatchObject({ ok: false, status: null, failure: 'ADDRESS_REFUSED' });
    const literal = await postWebhook('http://127.0.0.1:9/hooks', '{}', {}, dev, 2_000);
    expect(literal.failure).toBe('ADDRESS_REFUSED');
  });
});
