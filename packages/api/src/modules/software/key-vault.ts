import { createCipheriv, createDecipheriv, randomBytes, randomInt } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * D6: activation keys are stored encrypted with AES-256-GCM. The stored form is
 * `v1.<iv>.<tag>.<ciphertext>` in base64url; the line id is bound in as associated data, so a
 * ciphertext copied onto another line does not decrypt.
 */
export class KeyVault {
  private constructor(private readonly key: Buffer) {}

  static fromSecret(secretBase64: string): KeyVault {
    const key = Buffer.from(secretBase64, 'base64');
    if (key.length !== 32) throw new Error('The activation key secret must be 32 bytes');
    return new KeyVault(key);
  }

  /** The configured secret, or one generated once into the data folder (mode 600). */
  static load(secretBase64: string | null, dataDir: string): KeyVault {
    if (secretBase64) return KeyVault.fromSecret(secretBase64);
    const file = path.join(dataDir, 'activation-keys.secret');
    if (!existsSync(file)) writeOnce(file, randomBytes(32).toString('base64'));
    return KeyVault.fromSecret(readFileSync(file, 'utf8').trim());
  }

  static random(): KeyVault {
    return new KeyVault(randomBytes(32));
  }

  encrypt(plaintext: string, boundTo: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(boundTo));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), ciphertext]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  decrypt(stored: string, boundTo: string): string {
    const [version, iv, tag, ciphertext] = stored.split('.');
    if (version !== 'v1' || !iv || !tag || ciphertext === undefined)
      throw new Error('Unknown key format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }
}

/**
 * Creates `file` with `content` (mode 600) unless it exists. Several processes starting at once on
 * one data folder (X1) each try: one wins, the others keep its file. The content is written beside
 * the file first and then linked into place, so nobody reads a file half written.
 */
export function writeOnce(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const aside = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
  writeFileSync(aside, content, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(aside, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(aside, { force: true });
  }
}

const KEY_ALPHABET = 'BCDFGHJKMPQRTVWXY2346789';

/** A product key in the familiar five groups of five: XXXXX-XXXXX-XXXXX-XXXXX-XXXXX. */
export function newActivationKey(): string {
  const groups: string[] = [];
  for (let g = 0; g < 5; g++) {
    let group = '';
    for (let i = 0; i < 5; i++) group += KEY_ALPHABET[randomInt(KEY_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
