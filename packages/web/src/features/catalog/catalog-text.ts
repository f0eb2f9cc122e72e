import type { I18n } from '../../app/i18n/i18n-context';
import type { CatalogProduct } from './useAddProducts';

/** C1: the cancellation terms a purchase made now gets, in words. */
export function cancellationText(
  terms: { policy: string; windowDays?: number | null },
  i18n: I18n,
): string {
  switch (terms.policy) {
    case 'WINDOW':
      return i18n.t('cancellation.WINDOW', { windowDays: terms.windowDays ?? '?' });
    case 'SUPPORT_REQUEST':
      return i18n.t('cancellation.SUPPORT_REQUEST');
    default:
      return i18n.t('cancellation.NEVER');
  }
}

/** M2: why a product cannot be bought in the customer's market, in the chosen language. */
export function unavailableReason(product: CatalogProduct, market: string, i18n: I18n): string {
  if (product.availability.reasonCode === 'MARKET_UNAVAILABLE') {
    return i18n.t('error.code.MARKET_UNAVAILABLE', { market: i18n.country(market) });
  }
  return product.availability.reason ?? i18n.t('addProducts.unavailable');
}

/** B7: the Azure Hybrid Benefit note, in the chosen language, for the products it applies to. */
export function hybridBenefitNote(product: CatalogProduct, i18n: I18n): string | null {
  return product.azureHybridBenefit ? i18n.t('addProducts.ahbNote') : null;
}
