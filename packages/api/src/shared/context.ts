import { can, type Action, type Role } from '@csp/domain';
import type { Request, Response } from 'express';
import type { Database } from '../data-source.js';
import type { Clock } from './clock.js';
import { fail } from './errors.js';
import type { Language } from './i18n/server-text.js';
import { serverText } from './i18n/server-text.js';
import type { Logger } from './logger.js';

/**
 * Encrypts a secret bound to an id (the id is associated data: a ciphertext copied elsewhere does
 * not decrypt). The software module's `KeyVault` is the implementation (D6).
 */
export interface SecretBox {
  encrypt(plaintext: string, boundTo: string): string;
  decrypt(stored: string, boundTo: string): string;
}

/** The signed-in user on whose behalf a request runs. */
export interface Actor {
  readonly userId: string;
  readonly partnerId: string;
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly sessionTokenHash: string;
}

export interface RequestContext {
  readonly db: Database;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Encrypts and decrypts activation keys (D6). */
  readonly vault: SecretBox;
  readonly actor: Actor | null;
  readonly req: Request;
  readonly res: Response;
  /** Per-request memo of DataLoaders, so lists cost the same number of statements at any size. */
  readonly loaders: Map<string, unknown>;
  /** Where customers reach the portal (PUBLIC_URL), without a trailing slash: for download links. */
  readonly publicUrl: string;
  /** E1: the language of Accept-Language (English or Korean), for texts the API words itself. */
  readonly language: Language;
}

export function requireActor(actor: Actor | null): Actor {
  return actor ?? fail('UNAUTHENTICATED');
}

/** R2–R7, R9: allowed, or refused with FORBIDDEN_ROLE naming the roles that would allow it. */
export function authorize(actor: Actor | null, action: Action): Actor {
  const signedIn = requireActor(actor);
  const permission = can(signedIn.roles, action);
  if (!permission.allowed) {
    fail('FORBIDDEN_ROLE', {
      action,
      missingRoles: permission.missingRoles.map((role) => serverText('en', `role.${role}`)),
      missingRoleCodes: permission.missingRoles,
    });
  }
  return signedIn;
}

export function loader<T>(ctx: RequestContext, name: string, create: () => T): T {
  let existing = ctx.loaders.get(name) as T | undefined;
  if (!existing) {
    existing = create();
    ctx.loaders.set(name, existing);
  }
  return existing;
}
