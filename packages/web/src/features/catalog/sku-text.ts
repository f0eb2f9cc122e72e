import { isSkuUnit } from '@csp/domain';
import type { I18n } from '../../app/i18n/i18n-context';

/** A SKU as the API describes it: its unit and term as data, its name for SKUs without a unit. */
export interface SkuFacts {
  readonly name: string;
  readonly unit?: string | null;
  readonly unitSize?: string | null;
  readonly termYears?: number | null;
}

/**
 * B3, issue 15: a SKU in the chosen language ("16-core pack, 1 year", "16코어 팩, 1년") from its
 * unit and term; a SKU the API knows only by name keeps its name.
 */
export function skuText(sku: SkuFacts, i18n: I18n): string {
  if (!isSkuUnit(sku.unit)) return sku.name;
  const unit = i18n.t(`sku.unit.${sku.unit}`, { size: sku.unitSize ?? '' });
  return sku.termYears ? i18n.t('sku.withTerm', { unit, years: sku.termYears }) : unit;
}
