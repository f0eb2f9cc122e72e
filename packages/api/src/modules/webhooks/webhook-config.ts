import { urlPolicy, type UrlPolicy } from './url-policy.js';

export interface WebhookConfig {
  /** WEBHOOK_WORKER=false: this process sends nothing (another process does). */
  readonly worker: boolean;
  readonly policy: UrlPolicy;
  readonly pollMs: number;
  readonly leaseMs: number | undefined;
  readonly closingScanMs: number;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number of milliseconds, got "${text}"`);
  return value;
}

/** The webhook settings from the environment (README: Configuration). */
export function webhookConfig(env: NodeJS.ProcessEnv = process.env): WebhookConfig {
  return {
    worker: env['WEBHOOK_WORKER'] !== 'false',
    policy: urlPolicy(env),
    pollMs: positive(env, 'WEBHOOK_POLL_MS', 1_000),
    leaseMs: env['WEBHOOK_LEASE_MS'] ? positive(env, 'WEBHOOK_LEASE_MS', 60_000) : undefined,
    closingScanMs: positive(env, 'WEBHOOK_CLOSING_SCAN_MS', 60_000),
  };
}
