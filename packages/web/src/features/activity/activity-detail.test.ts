import { describe, expect, it } from 'vitest';
import { loadedI18n } from '../../app/i18n/I18nProvider';
import { detailText } from './activity-detail';

const p = (params: Record<string, string>) =>
  Object.entries(params).map(([name, value]) => ({ name, value }));

describe('activity details from codes (A1, issue 15)', () => {
  it('E1: a cancellation credit in Korean, money exact and the period by name', () => {
    const entry = {
      detail: 'credit 36500 USD (minor units) on invoice 2026-11',
      detailCode: 'CANCELLATION_CREDIT',
      detailParams: p({ amountMinor: '36500', currency: 'USD', period: '2026-11' }),
      count: 1,
    };
    expect(detailText(entry, loadedI18n('ko'))).toBe('2026년 11월 청구서에 US$365.00 크레딧');
    expect(detailText(entry, loadedI18n('en'))).toBe(
      'credit of $365.00 on the invoice of November 2026',
    );
  });

  it('E1: hourly refusals name the problem type and count; no code keeps the API text', () => {
    const refused = {
      detailCode: 'SUPPORT_REQUEST',
      detailParams: p({ problemType: 'BILLING', title: 'Invoice question' }),
      count: 3,
    };
    expect(detailText(refused, loadedI18n('ko'))).toBe('청구 및 청구서: Invoice question (×3)');
    expect(detailText({ detail: 'free text', detailCode: null }, loadedI18n('ko'))).toBe(
      'free text',
    );
  });

  it('S1, E1: a support request names its problem type by the label of Report a problem', () => {
    const entry = {
      detail: 'BILLING: Invoice question',
      detailCode: 'SUPPORT_REQUEST',
      detailParams: p({ problemType: 'BILLING', title: 'Invoice question' }),
      count: 1,
    };
    expect(detailText(entry, loadedI18n('en'))).toBe('Billing and invoices: Invoice question');
    expect(detailText(entry, loadedI18n('ko'))).toBe('청구 및 청구서: Invoice question');
    // A type this web does not know yet keeps its code rather than showing nothing.
    const newer = { ...entry, detailParams: p({ problemType: 'LICENSING', title: 'Seats' }) };
    expect(detailText(newer, loadedI18n('ko'))).toBe('LICENSING: Seats');
  });
});
