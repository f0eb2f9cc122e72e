import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyVault, writeOnce } from './key-vault.js';

const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'csp-key-vault-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the activation key secret in the data folder', () => {
  it('D6, X1: a second process creating it keeps the first one’s, and starts (no EEXIST)', () => {
    const dir = folder();
    const file = path.join(dir, 'activation-keys.secret');
    writeOnce(file, 'first');
    // What a second process starting at the same moment does: it found no file, then tries.
    expect(() => writeOnce(file, 'second')).not.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('first');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Nothing left beside it.
    expect(readdirSync(dir)).toEqual(['activation-keys.secret']);
  });

  it('D6: every process on one data folder encrypts with the same secret', () => {
    const dir = folder();
    const a = KeyVault.load(null, dir);
    const b = KeyVault.load(null, dir);
    expect(b.decrypt(a.encrypt('XXXXX-XXXXX', 'line-1'), 'line-1')).toBe('XXXXX-XXXXX');
  });

  it('D6: a configured secret wins over the file', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'activation-keys.secret'), Buffer.alloc(32, 1).toString('base64'));
    const configured = Buffer.alloc(32, 2).toString('base64');
    const stored = KeyVault.load(configured, dir).encrypt('key', 'line');
    expect(KeyVault.fromSecret(configured).decrypt(stored, 'line')).toBe('key');
  });
});
