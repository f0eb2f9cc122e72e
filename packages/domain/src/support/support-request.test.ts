import { describe, expect, it } from 'vitest';
import { validateInput, type FieldError } from '../forms/field-errors.js';
import type { CurrencyCode } from '../money/money.js';
import {
  attachmentProblem,
  supportRequestSchema,
  type SupportRequestInput,
} from './support-request.js';

const refund: SupportRequestInput = {
  problemType: 'CSP_PURCHASE_REFUND',
  impact: 'MEDIUM',
  title: 'Refund Windows 7 ESU order',
  tenantOrDomain: 'contoso.onmicrosoft.com',
  orderOrSubscriptionId: 'K7QX2M9D4WZA',
  refundReason: 'The customer bought the wrong number of devices.',
  amountRequested: '1250.00',
  details: '',
  contactName: 'Min-jun Kim',
  contactEmail: 'minjun@contoso.example',
  contactPhone: '+82 2 1234 5678',
  attachmentIds: ['a1'],
};
const other: SupportRequestInput = {
  ...refund,
  problemType: 'BILLING',
  tenantOrDomain: '',
  orderOrSubscriptionId: '',
  refundReason: '',
  amountRequested: '',
  details: 'The October invoice total looks wrong.',
};

/** The errors by field: { title: 'TOO_LONG' }, with params where the message needs numbers. */
function errors(input: SupportRequestInput, currency: CurrencyCode = 'USD') {
  const result = validateInput(supportRequestSchema(currency), input);
  return result.ok ? [] : result.errors;
}
const byField = (list: FieldError[]) => Object.fromEntries(list.map((e) => [e.field, e.code]));
const x = (n: number) => 'x'.repeat(n);
/** Table rows named by length, not by the (long) value itself. */
const rows = (table: readonly (readonly [string, string, string | undefined])[]) =>
  table.map(([field, value, code]) => ({ field, value, code, length: value.length }));

describe('support requests (S1, S2)', () => {
  it('S2: a complete refund request, and a complete billing question, have no errors', () => {
    expect(errors(refund)).toEqual([]);
    expect(errors(other)).toEqual([]);
  });

  it('S2: every field is checked at once, each error a code with its params', () => {
    const list = errors({
      problemType: '',
      impact: 'WHATEVER',
      title: 'x',
      tenantOrDomain: 'not a domain',
      orderOrSubscriptionId: '!',
      refundReason: '',
      amountRequested: '-5',
      details: x(5001),
      contactName: '',
      contactEmail: 'nope',
      contactPhone: 'call me',
      attachmentIds: ['1', '2', '3', '4', '5', '6'],
    });
    expect(byField(list)).toEqual({
      problemType: 'REQUIRED',
      impact: 'INVALID_CHOICE',
      title: 'TOO_SHORT',
      tenantOrDomain: 'INVALID_TENANT_OR_DOMAIN',
      orderOrSubscriptionId: 'INVALID_REFERENCE',
      amountRequested: 'INVALID_AMOUNT',
      details: 'TOO_LONG',
      contactName: 'REQUIRED',
      contactEmail: 'INVALID_EMAIL',
      contactPhone: 'INVALID_PHONE',
      attachmentIds: 'TOO_MANY',
    });
    expect(list.find((e) => e.field === 'title')!.params).toEqual({ min: 5, max: 120 });
    expect(list.find((e) => e.field === 'attachmentIds')!.params).toEqual({ max: 5 });
    expect(list.find((e) => e.field === 'details')!.params).toEqual({ min: 10, max: 5000 });
  });

  // Boundaries: one under, at, and one over each length limit (after trimming).
  const refundBoundaries = [
    ['title', x(4), 'TOO_SHORT'],
    ['title', x(5), undefined],
    ['title', `  ${x(5)}  `, undefined],
    ['title', x(120), undefined],
    ['title', x(121), 'TOO_LONG'],
    ['title', '   ', 'REQUIRED'],
    ['refundReason', x(9), 'TOO_SHORT'],
    ['refundReason', x(10), undefined],
    ['refundReason', x(2000), undefined],
    ['refundReason', x(2001), 'TOO_LONG'],
    ['refundReason', '', 'REQUIRED'],
    ['contactName', 'K', 'TOO_SHORT'],
    ['contactName', 'Ki', undefined],
    ['contactName', x(100), undefined],
    ['contactName', x(101), 'TOO_LONG'],
    ['contactPhone', '12345', 'INVALID_PHONE'],
    ['contactPhone', '123456', undefined],
    ['contactPhone', '', 'REQUIRED'],
    ['contactEmail', '', 'REQUIRED'],
    ['contactEmail', `${x(64)}@${x(180)}.com`, undefined],
    ['contactEmail', `${x(64)}@${x(186)}.com`, 'TOO_LONG'],
  ] as const;
  it.each(rows(refundBoundaries))('S2: refund $field of $length characters → $code', (row) => {
    expect(byField(errors({ ...refund, [row.field]: row.value }))[row.field]).toBe(row.code);
  });

  const detailBoundaries = [
    ['details', x(9), 'TOO_SHORT'],
    ['details', x(10), undefined],
    ['details', x(5000), undefined],
    ['details', x(5001), 'TOO_LONG'],
    ['details', '', 'REQUIRED'],
  ] as const;
  it.each(rows(detailBoundaries))(
    'S2: other problem types need a description: $field of $length characters → $code',
    (row) => {
      expect(byField(errors({ ...other, [row.field]: row.value }))[row.field]).toBe(row.code);
    },
  );

  it('S1: a refund needs the tenant, the order, the reason and the amount', () => {
    const list = errors({
      ...refund,
      tenantOrDomain: '',
      orderOrSubscriptionId: '',
      refundReason: '',
      amountRequested: '',
    });
    expect(byField(list)).toEqual({
      tenantOrDomain: 'REQUIRED',
      orderOrSubscriptionId: 'REQUIRED',
      refundReason: 'REQUIRED',
      amountRequested: 'REQUIRED',
    });
  });

  it('S2: absent optional fields (null from a GraphQL client) read as empty', () => {
    expect(
      errors({ ...other, tenantOrDomain: null, amountRequested: undefined, attachmentIds: null }),
    ).toEqual([]);
  });

  it('S2: a tenant GUID is accepted as well as a domain; KRW amounts have no decimals (M4)', () => {
    expect(errors({ ...refund, tenantOrDomain: '3f2a9c4e-1b7d-4e8a-9c21-5d6e7f8a9b01' })).toEqual(
      [],
    );
    expect(errors({ ...refund, amountRequested: '150000' }, 'KRW')).toEqual([]);
    expect(errors({ ...refund, amountRequested: '1500.50' }, 'KRW')).toEqual([
      {
        field: 'amountRequested',
        code: 'INVALID_AMOUNT',
        params: { currency: 'KRW', example: '150000' },
      },
    ]);
  });

  it('S2: the same attachment listed twice counts once; six distinct are too many', () => {
    expect(errors({ ...refund, attachmentIds: ['a', 'b', 'c', 'd', 'e', 'e'] })).toEqual([]);
    expect(byField(errors({ ...refund, attachmentIds: ['a', 'b', 'c', 'd', 'e', 'f'] }))).toEqual({
      attachmentIds: 'TOO_MANY',
    });
  });

  it('S2: the parsed value is trimmed, ready to store', () => {
    const result = validateInput(supportRequestSchema(), { ...refund, title: '  Refund it  ' });
    expect(result.ok && result.value.title).toBe('Refund it');
  });

  it.each([
    ['screenshot.png', 2048, null],
    ['invoice.PDF', 10 * 1024 * 1024, null],
    ['photo.jpeg', 1, null],
    ['big.zip', 10 * 1024 * 1024 + 1, { code: 'FILE_TOO_LARGE', params: { maxMb: 10 } }],
    ['empty.txt', 0, { code: 'FILE_EMPTY', params: {} }],
    ['run.exe', 100, { code: 'FILE_TYPE', params: { types: 'PDF, PNG, JPG, TXT, LOG, CSV, ZIP' } }],
    [
      'noextension',
      100,
      { code: 'FILE_TYPE', params: { types: 'PDF, PNG, JPG, TXT, LOG, CSV, ZIP' } },
    ],
  ] as const)('S2: attaching %s of %i bytes → %j', (name, size, problem) => {
    expect(attachmentProblem(name, size)).toEqual(problem);
  });

  it('E4: the amount is read only in the API format, never guessed', () => {
    for (const amountRequested of ['12,50', '1,2,3,4', '1,250.00', '1.250,00', '12.505', '0'])
      expect(byField(errors({ ...refund, amountRequested })), amountRequested).toEqual({
        amountRequested: 'INVALID_AMOUNT',
      });
    expect(errors({ ...refund, amountRequested: '12.5' })).toEqual([]);
  });
});
