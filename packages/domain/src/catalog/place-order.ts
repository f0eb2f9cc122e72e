import { z } from 'zod';
import { fieldIssue, type FieldErrorCode, type FieldErrorParams } from '../forms/field-errors.js';
import { MAX_QUANTITY } from './catalog.js';

/** B2: an order has 1 to this many lines, each SKU once. */
export const MAX_ORDER_LINES = 20;
/** B5: the idempotency key the caller chooses (a UUID fits). */
export const IDEMPOTENCY_KEY_LIMITS = { min: 8, max: 100 } as const;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]+$/;

const issue = (code: FieldErrorCode, params?: FieldErrorParams) => ({
  error: fieldIssue(code, params),
});

/** B2: how many of a SKU to buy: a whole number from 1 to MAX_QUANTITY. */
export const quantitySchema = z
  .number(issue('OUT_OF_RANGE', { min: 1, max: MAX_QUANTITY }))
  .int(issue('OUT_OF_RANGE', { min: 1, max: MAX_QUANTITY }))
  .min(1, issue('OUT_OF_RANGE', { min: 1, max: MAX_QUANTITY }))
  .max(MAX_QUANTITY, issue('OUT_OF_RANGE', { min: 1, max: MAX_QUANTITY }));

/** The quantity as typed in a form: digits only, then the quantity rule. */
export const quantityTextSchema = z
  .string()
  .trim()
  .regex(/^\d+$/, issue('OUT_OF_RANGE', { min: 1, max: MAX_QUANTITY }))
  .transform(Number)
  .pipe(quantitySchema);

export const orderLineSchema = z.object({
  skuId: z.string().trim().min(1, issue('REQUIRED')),
  quantity: quantitySchema,
});

/**
 * B2, B4, B5: the input of Add products' **Place order**, declared once: the API validates with
 * it, the web checks its cart with it before sending.
 */
export const placeOrderSchema = z.object({
  customerId: z.string().trim().min(1, issue('REQUIRED')),
  idempotencyKey: z
    .string()
    .min(IDEMPOTENCY_KEY_LIMITS.min, issue('INVALID_KEY', IDEMPOTENCY_KEY_LIMITS))
    .max(IDEMPOTENCY_KEY_LIMITS.max, issue('INVALID_KEY', IDEMPOTENCY_KEY_LIMITS))
    .regex(IDEMPOTENCY_KEY, issue('INVALID_KEY', IDEMPOTENCY_KEY_LIMITS)),
  lines: z
    .array(orderLineSchema)
    .min(1, issue('REQUIRED'))
    .max(MAX_ORDER_LINES, issue('TOO_MANY', { max: MAX_ORDER_LINES }))
    // The API takes each SKU once: a second line for it is a quantity, not a line.
    .refine(
      (lines) => new Set(lines.map((l) => l.skuId)).size === lines.length,
      issue('DUPLICATE'),
    ),
});

export type PlaceOrderInput = z.input<typeof placeOrderSchema>;
