import { describe, expect, it } from 'vitest';
import { MESSAGES, translate } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('E1: every English text has a Korean one with the same placeholders', () => {
    for (const [key, english] of Object.entries(MESSAGES.en)) {
      const korean = MESSAGES.ko[key as keyof typeof MESSAGES.ko];
      expect(korean, key).toBeTruthy();
      expect(placeholders(korean), key).toEqual(placeholders(english));
    }
  });

  it('E1: the source page’s labels are used exactly in English', () => {
    expect(translate('en', 'customer.addProducts')).toBe('Add products');
    expect(translate('en', 'customer.software')).toBe('Software');
    expect(translate('en', 'customer.orderHistory')).toBe('Order history');
    expect(translate('en', 'nav.customers')).toBe('Customers');
  });

  it('fills placeholders', () => {
    expect(translate('en', 'cancellation.WINDOW', { windowDays: 60 })).toBe(
      'Cancellable within 60 days',
    );
    expect(translate('ko', 'cancellation.WINDOW', { windowDays: 60 })).toBe('60일 이내 취소 가능');
  });
});
