import { useMutation, useQuery } from '@apollo/client/react';
import {
  isCurrencyCode,
  isValidQuantity,
  lineAmount,
  money,
  orderTotal,
  type Money,
} from '@csp/domain';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { CatalogQuery } from '../../gql/graphql';

export const CatalogDocument = graphql(`
  query Catalog($customerId: ID!) {
    customer(id: $customerId) {
      id
      name
      market
      currency
      pricesIncludeTax
    }
    catalog(customerId: $customerId) {
      id
      name
      kind
      description
      hasActivationKeys
      azureHybridBenefitNote
      availability {
        available
        reason
        reasonCode
      }
      cancellationTerms {
        policy
        windowDays
      }
      skus {
        id
        name
        termYears
        taxIncluded
        unitPrice {
          amountMinor
          currency
          decimal
        }
      }
    }
  }
`);

export const PlaceOrderDocument = graphql(`
  mutation PlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      id
      purchasedAt
      status
      taxIncluded
      total {
        amountMinor
        currency
        decimal
      }
      lines {
        id
        product {
          id
          name
          kind
        }
        skuName
        quantity
        purchasedQuantity
        termYears
        status
        cancellationPolicy
        cancellableUntil
        windowDays
        unitPrice {
          amountMinor
          currency
          decimal
        }
        amount {
          amountMinor
          currency
          decimal
        }
      }
    }
  }
`);

export type CatalogProduct = CatalogQuery['catalog'][number];
export type CatalogSku = CatalogProduct['skus'][number];

export interface CartLine {
  readonly skuId: string;
  readonly quantity: number;
}

export interface ReviewLine {
  readonly product: CatalogProduct;
  readonly sku: CatalogSku;
  readonly quantity: number;
  readonly unitPrice: Money;
  /** B4: unit price × quantity, by the domain's integer arithmetic (M4). */
  readonly amount: Money;
}

/** B5: a fresh idempotency key for one review of an order. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The products and SKUs of the cart, priced, and the total, all with the domain's money rules. */
export function priceCart(
  catalog: readonly CatalogProduct[],
  cart: readonly CartLine[],
  currency: string,
): { lines: ReviewLine[]; total: Money | null } {
  const lines: ReviewLine[] = [];
  for (const line of cart) {
    const product = catalog.find((p) => p.skus.some((s) => s.id === line.skuId));
    const sku = product?.skus.find((s) => s.id === line.skuId);
    if (!product || !sku?.unitPrice || !isCurrencyCode(sku.unitPrice.currency)) continue;
    const unitPrice = money(sku.unitPrice.amountMinor, sku.unitPrice.currency);
    lines.push({
      product,
      sku,
      quantity: line.quantity,
      unitPrice,
      amount: lineAmount({ unitPrice, quantity: line.quantity }),
    });
  }
  const total = isCurrencyCode(currency) ? orderTotal(lines, currency) : null;
  return { lines, total };
}

export type Step = 'choose' | 'review' | 'done';

/**
 * B2: the Add products flow: the catalog for the customer's market, a cart of SKUs and
 * quantities, a review with an idempotency key kept across retries (B5), and the placed order.
 */
export function useAddProducts(customerId: string) {
  const catalogQuery = useQuery(CatalogDocument, { variables: { customerId } });
  const [cart, setCart] = useState<CartLine[]>([]);
  const [step, setStep] = useState<Step>('choose');
  const [idempotencyKey, setIdempotencyKey] = useState<string | null>(null);
  const [place, placeState] = useMutation(PlaceOrderDocument, {
    update(cache) {
      // The order shows at once in Order history and on the invoice: drop what is now stale.
      cache.evict({
        id: cache.identify({ __typename: 'Customer', id: customerId }),
        fieldName: 'orders',
      });
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'invoices' });
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'invoice' });
      cache.gc();
    },
  });

  const addLine = (skuId: string, quantity: number) => {
    if (!isValidQuantity(quantity)) return;
    setCart((lines) => {
      const existing = lines.find((line) => line.skuId === skuId);
      if (!existing) return [...lines, { skuId, quantity }];
      // The API takes each SKU once: adding it again adds to its quantity.
      return lines.map((line) =>
        line.skuId === skuId
          ? { skuId, quantity: Math.min(line.quantity + quantity, 10_000) }
          : line,
      );
    });
  };

  const removeLine = (skuId: string) =>
    setCart((lines) => lines.filter((line) => line.skuId !== skuId));

  const review = () => {
    setIdempotencyKey(newIdempotencyKey());
    placeState.reset();
    setStep('review');
  };

  const back = () => {
    setIdempotencyKey(null);
    placeState.reset();
    setStep('choose');
  };

  const placeOrder = async () => {
    if (!idempotencyKey || cart.length === 0) return;
    try {
      const result = await place({
        variables: {
          input: {
            customerId,
            idempotencyKey,
            lines: cart.map((line) => ({ skuId: line.skuId, quantity: line.quantity })),
          },
        },
      });
      if (result.data) setStep('done');
    } catch {
      // Shown from the mutation's error; a retry sends the same key (B5).
    }
  };

  const startOver = () => {
    setCart([]);
    setIdempotencyKey(null);
    placeState.reset();
    setStep('choose');
  };

  return {
    catalogQuery,
    cart,
    step,
    idempotencyKey,
    addLine,
    removeLine,
    review,
    back,
    placeOrder,
    startOver,
    placing: placeState.loading,
    placeError: placeState.error,
    placedOrder: placeState.data?.placeOrder ?? null,
  };
}
