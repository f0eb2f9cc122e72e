import { describe, expect, it } from 'vitest';
import {
  attachmentProblem,
  validateSupportRequest,
  type SupportRequestDraft,
} from './support-request.js';

const refund: SupportRequestDraft = {
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
  attachmentCount: 1,
};

describe('support requests (S1, S2)', () => {
  it('S2: a complete refund request has no errors', () => {
    expect(validateSupportRequest(refund)).toEqual({});
  });

  it('S2: every field is checked at once, each with an English and a Korean message', () => {
    const errors = validateSupportRequest({
      problemType: '',
      impact: 'WHATEVER',
      title: 'x',
      tenantOrDomain: 'not a domain',
      orderOrSubscriptionId: '!',
      refundReason: '',
      amountRequested: '-5',
      details: 'short',
      contactName: '',
      contactEmail: 'nope',
      contactPhone: 'call me',
      attachmentCount: 6,
    });
    expect(Object.keys(errors).sort()).toEqual(
      [
        'attachments',
        'contactEmail',
        'contactName',
        'contactPhone',
        'details',
        'impact',
        'orderOrSubscriptionId',
        'problemType',
        'tenantOrDomain',
        'title',
        'amountRequested',
      ].sort(),
    );
    for (const message of Object.values(errors)) expect(message!.ko).toMatch(/[가-힣]/);
  });

  it('S1: a refund needs the tenant, the order, the reason and the amount', () => {
    const errors = validateSupportRequest({
      ...refund,
      tenantOrDomain: '',
      orderOrSubscriptionId: '',
      refundReason: '',
      amountRequested: '',
    });
    expect(Object.keys(errors).sort()).toEqual([
      'amountRequested',
      'orderOrSubscriptionId',
      'refundReason',
      'tenantOrDomain',
    ]);
  });

  it('S2: a tenant GUID is accepted as well as a domain; KRW amounts have no decimals (M4)', () => {
    expect(
      validateSupportRequest({ ...refund, tenantOrDomain: '3f2a9c4e-1b7d-4e8a-9c21-5d6e7f8a9b01' }),
    ).toEqual({});
    expect(validateSupportRequest({ ...refund, amountRequested: '150000' }, 'KRW')).toEqual({});
    expect(
      validateSupportRequest({ ...refund, amountRequested: '1500.50' }, 'KRW').amountRequested?.en,
    ).toContain('KRW');
  });

  it('S2: other problem types need a description instead of refund details', () => {
    const other = {
      ...refund,
      problemType: 'BILLING',
      tenantOrDomain: '',
      orderOrSubscriptionId: '',
      refundReason: '',
      amountRequested: '',
    };
    expect(Object.keys(validateSupportRequest(other))).toEqual(['details']);
    expect(
      validateSupportRequest({ ...other, details: 'The October invoice total looks wrong.' }),
    ).toEqual({});
  });

  it('S2: attachments must be an allowed type under 10 MB', () => {
    expect(attachmentProblem('screenshot.png', 2048)).toBeNull();
    expect(attachmentProblem('invoice.PDF', 10 * 1024 * 1024)).toBeNull();
    expect(attachmentProblem('run.exe', 100)?.en).toContain('PDF, PNG');
    expect(attachmentProblem('noextension', 100)).not.toBeNull();
    expect(attachmentProblem('big.zip', 10 * 1024 * 1024 + 1)?.en).toContain('10 MB');
    // An empty file says so, not that it is too large.
    expect(attachmentProblem('empty.txt', 0)?.en).toBe('The file is empty.');
  });

  it('E4: the amount is read only in the API format, never guessed', () => {
    for (const amountRequested of ['12,50', '1,2,3,4', '1,250.00', '1.250,00', '12.505'])
      expect(
        validateSupportRequest({ ...refund, amountRequested }).amountRequested?.en,
        amountRequested,
      ).toContain('"."');
    expect(validateSupportRequest({ ...refund, amountRequested: '12.5' })).toEqual({});
  });
});
