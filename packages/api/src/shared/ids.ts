import { createHash, randomBytes, randomUUID } from 'node:crypto';

export function newId(): string {
  return randomUUID();
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short, readable order ID (B4): 12 characters of Crockford base32, 60 random bits. */
export function newOrderId(): string {
  const bytes = randomBytes(12);
  let id = '';
  for (const byte of bytes) id += CROCKFORD[byte & 31];
  return id;
}

/** A bearer secret with 256 random bits (D5 asks for at least 128), URL-safe. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash of a secret token is stored (D5). */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
