import { describe, expect, it } from 'vitest';
import { validateInput } from '../forms/field-errors.js';
import { MAX_ORDER_LINES, placeOrderSchema, quantityTextSchema } from './place-order.js';

const line = (n: number, quantity = 1) => ({ skuId: `sku-${n}`, quantity });
const order = { customerId: 'c1', idempotencyKey: '0f6c2a9e-key', lines: [line(1)] };
const errorsOf = (input: unknown) => {
  const result = validateInput(placeOrderSchema, input);
  return result.ok ? [] : result.errors;
};

describe('place order (B2, B5)', () => {
  it('B2: a valid order has no errors', () => {
    expect(errorsOf(order)).toEqual([]);
  });

  it.each([
    [0, 'OUT_OF_RANGE'],
    [1, undefined],
    [10_000, undefined],
    [10_001, 'OUT_OF_RANGE'],
    [1.5, 'OUT_OF_RANGE'],
  ])('B2: quantity %d → %s', (quantity, code) => {
    const error = errorsOf({ ...order, lines: [line(1, quantity)] })[0];
    expect(error?.code).toBe(code);
    if (code)
      expect(error).toEqual({ field: 'lines.0.quantity', code, params: { min: 1, max: 10_000 } });
  });

  it.each([
    ['', 'OUT_OF_RANGE'],
    ['12a', 'OUT_OF_RANGE'],
    ['-1', 'OUT_OF_RANGE'],
    [' 7 ', undefined],
    ['10001', 'OUT_OF_RANGE'],
  ])('B2: quantity typed %j → %s', (text, code) => {
    const result = validateInput(quantityTextSchema, text);
    expect(result.ok ? undefined : result.errors[0]!.code).toBe(code);
  });

  it('B2: 1 to MAX_ORDER_LINES lines, each SKU once', () => {
    expect(errorsOf({ ...order, lines: [] })).toEqual([
      { field: 'lines', code: 'REQUIRED', params: {} },
    ]);
    const most = Array.from({ length: MAX_ORDER_LINES }, (_, i) => line(i));
    expect(errorsOf({ ...order, lines: most })).toEqual([]);
    expect(errorsOf({ ...order, lines: [...most, line(99)] })).toEqual([
      { field: 'lines', code: 'TOO_MANY', params: { max: 20 } },
    ]);
    expect(errorsOf({ ...order, lines: [line(1), line(1, 3)] })).toEqual([
      { field: 'lines', code: 'DUPLICATE', params: {} },
    ]);
  });

  it.each([
    ['1234567', 'INVALID_KEY'],
    ['12345678', undefined],
    ['k'.repeat(100), undefined],
    ['k'.repeat(101), 'INVALID_KEY'],
    ['has space!', 'INVALID_KEY'],
  ])('B5: idempotency key %j → %s', (idempotencyKey, code) => {
    expect(errorsOf({ ...order, idempotencyKey })[0]?.code).toBe(code);
  });
});
