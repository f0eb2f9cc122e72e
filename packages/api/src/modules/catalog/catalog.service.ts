import {
  availabilityInMarket,
  CANCELLATION_POLICIES,
  currencyForMarket,
  pricesIncludeTax,
  type Availability,
  type CancellationPolicy,
  type CurrencyCode,
} from '@csp/domain';
import { In } from 'typeorm';
import type { Database } from '../../data-source.js';
import type { Actor } from '../../shared/context.js';
import { getCustomer } from '../customers/customer.service.js';
import type { CustomerEntity } from '../customers/customer.entity.js';
import { PriceEntity } from './price.entity.js';
import { ProductEntity } from './product.entity.js';
import { SkuEntity } from './sku.entity.js';

export interface CatalogSkuView {
  sku: SkuEntity;
  /** Null when the SKU has no price in the customer's currency. */
  unitPriceMinor: number | null;
}

export interface CatalogProductView {
  product: ProductEntity;
  availability: Availability;
  policy: CancellationPolicy;
  skus: CatalogSkuView[];
}

export interface CatalogView {
  customer: CustomerEntity;
  currency: CurrencyCode;
  taxIncluded: boolean;
  products: CatalogProductView[];
}

/** M1–M3, B3: the catalog as this customer's market sees it: prices, tax flag, availability. */
export async function catalogFor(
  db: Database,
  actor: Actor,
  customerId: string,
): Promise<CatalogView> {
  const customer = await getCustomer(db, actor, customerId);
  const currency = currencyForMarket(customer.market);
  const [products, skus, prices] = await Promise.all([
    db.manager.find(ProductEntity, { order: { name: 'ASC' } }),
    db.manager.find(SkuEntity, { order: { termYears: 'ASC', name: 'ASC' } }),
    db.manager.find(PriceEntity, { where: { currency } }),
  ]);
  const priceBySku = new Map(prices.map((p) => [p.skuId, p.amountMinor]));
  return {
    customer,
    currency,
    taxIncluded: pricesIncludeTax(customer.market),
    products: products.map((product) => ({
      product,
      availability: availabilityInMarket(product.kind, customer.market),
      policy: CANCELLATION_POLICIES[product.kind],
      skus: skus
        .filter((sku) => sku.productId === product.id)
        .map((sku) => ({ sku, unitPriceMinor: priceBySku.get(sku.id) ?? null })),
    })),
  };
}

export async function loadSkus(db: Database, skuIds: string[]) {
  const skus = await db.manager.findBy(SkuEntity, { id: In(skuIds) });
  const products = await db.manager.findBy(ProductEntity, {
    id: In([...new Set(skus.map((s) => s.productId))]),
  });
  return { skus, products };
}
