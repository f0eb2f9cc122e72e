import type { z } from 'zod';

/**
 * E2, S2: a field error as data — which field, a stable code, and the numbers the message needs.
 * The API sends these in `extensions.fieldErrors`; the web renders them in the user's language.
 * No sentence lives here: a message is the web's, with these params filled in.
 */
export const FIELD_ERROR_CODES = [
  'REQUIRED',
  'TOO_SHORT',
  'TOO_LONG',
  'INVALID_CHOICE',
  'INVALID_TENANT_OR_DOMAIN',
  'INVALID_REFERENCE',
  'INVALID_EMAIL',
  'INVALID_PHONE',
  'INVALID_AMOUNT',
  'INVALID_KEY',
  'TOO_MANY',
  'DUPLICATE',
  'OUT_OF_RANGE',
  'FILE_TYPE',
  'FILE_EMPTY',
  'FILE_CONTENT',
  'FILE_TOO_LARGE',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];
export type FieldErrorParams = Readonly<Record<string, string | number>>;

export interface FieldError {
  /** The input's path, dot-separated: `title`, `lines.0.quantity`. */
  readonly field: string;
  readonly code: FieldErrorCode;
  readonly params: FieldErrorParams;
}

export function isFieldErrorCode(value: unknown): value is FieldErrorCode {
  return typeof value === 'string' && (FIELD_ERROR_CODES as readonly string[]).includes(value);
}

/**
 * The message a schema check puts on its issue: the code and params as JSON, so that a zod
 * issue (and react-hook-form's zod resolver, which keeps only the message) carries them as data.
 */
export function fieldIssue(code: FieldErrorCode, params: FieldErrorParams = {}): string {
  return JSON.stringify({ code, params });
}

/** Reads back what `fieldIssue` wrote; null for anything else (say, zod's own type messages). */
export function readFieldIssue(
  message: string | undefined,
): { code: FieldErrorCode; params: FieldErrorParams } | null {
  if (!message?.startsWith('{')) return null;
  try {
    const parsed = JSON.parse(message) as { code?: unknown; params?: unknown };
    if (!isFieldErrorCode(parsed.code)) return null;
    const params = typeof parsed.params === 'object' && parsed.params ? parsed.params : {};
    return { code: parsed.code, params: params as FieldErrorParams };
  } catch {
    return null;
  }
}

/** The shape of a zod issue that this module reads (kept narrow: no zod types leak out). */
export interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * One error per field, in the order the checks found them (the first is the one to fix first).
 * An issue that is not one of ours (a wrong type from a caller that skipped GraphQL) is REQUIRED.
 */
export function fieldErrorsOf(issues: readonly SchemaIssue[]): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    const read = readFieldIssue(issue.message);
    errors.push({ field, code: read?.code ?? 'REQUIRED', params: read?.params ?? {} });
  }
  return errors;
}

/** Runs a form's schema: the parsed value, or every field's error as data. */
export function validateInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.output<S> } | { ok: false; errors: FieldError[] } {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: fieldErrorsOf(result.error.issues) };
}
