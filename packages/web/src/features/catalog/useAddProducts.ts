import { useMutation, useQuery } from '@apollo/client/react';
import {
  isCurrencyCode,
  MAX_QUANTITY,
  orderLineSchema,
  placeOrderSchema,
  validateInput,
  type FieldError,
  lineAmount,
  money,
  orderTotal,
  type Money,
} from '@csp/domain';
import { useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { refusedFields } from '../../app/forms/field-error-text';
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
      azureHybridBenefit
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
        unit
        unitSize
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
        skuUnit
        skuUnitSize
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
  // Issue 14: the step is in the address (?step=review), so Back and Forward move between steps;
  // the cart rides in the history entry's state, so it survives Back, Forward and a reload.
  const location = useLocation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [cart, setCart] = useState<CartLine[]>(() => cartFromState(location.state));
  const [idempotencyKey, setIdempotencyKey] = useState<string | null>(null);
  const [inputErrors, setInputErrors] = useState<FieldError[]>([]);
  const wanted = searchParams.get('step');
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

  const placedOrder = placeState.data?.placeOrder ?? null;
  // A step the flow cannot show (review with an empty cart, done without an order) is step 1.
  const step: Step =
    wanted === 'review' && cart.length > 0
      ? 'review'
      : wanted === 'done' && placedOrder
        ? 'done'
        : 'choose';

  const goTo = (next: Step, options: { replace?: boolean; cart?: CartLine[] } = {}) =>
    void navigate(
      { pathname: location.pathname, search: next === 'choose' ? '' : `?step=${next}` },
      {
        replace: options.replace ?? false,
        state: { cart: options.cart ?? cart, fromChoose: next === 'review' },
      },
    );

  // The history entry's copy of the cart follows every change (replace: no entry per change).
  // Done here, in the event, not in an effect: an effect would see the location of before a
  // pending navigation and undo it.
  const changeCart = (next: CartLine[]) => {
    setCart(next);
    void navigate(
      { pathname: location.pathname, search: location.search },
      { replace: true, state: { ...(location.state as object | null), cart: next } },
    );
  };

  const addLine = (skuId: string, quantity: number) => {
    if (!validateInput(orderLineSchema, { skuId, quantity }).ok) return;
    const existing = cart.find((line) => line.skuId === skuId);
    changeCart(
      existing
        ? // The API takes each SKU once: adding it again adds to its quantity.
          cart.map((line) =>
            line.skuId === skuId
              ? { skuId, quantity: Math.min(line.quantity + quantity, MAX_QUANTITY) }
              : line,
          )
        : [...cart, { skuId, quantity }],
    );
  };

  const removeLine = (skuId: string) => changeCart(cart.filter((line) => line.skuId !== skuId));

  const review = () => {
    setIdempotencyKey(newIdempotencyKey());
    placeState.reset();
    goTo('review');
  };

  const back = () => {
    setIdempotencyKey(null);
    placeState.reset();
    // The review step's Back is the browser's Back when step 1 is the entry before it.
    if ((location.state as { fromChoose?: boolean } | null)?.fromChoose) void navigate(-1);
    else goTo('choose');
  };

  const placeOrder = async () => {
    if (!idempotencyKey || cart.length === 0) return;
    const input = {
      customerId,
      idempotencyKey,
      lines: cart.map((line) => ({ skuId: line.skuId, quantity: line.quantity })),
    };
    // B2, B5: the domain's schema, the API's own, before sending.
    const checked = validateInput(placeOrderSchema, input);
    setInputErrors(checked.ok ? [] : checked.errors);
    if (!checked.ok) return;
    try {
      const result = await place({ variables: { input } });
      if (result.data) {
        // The order is placed: its cart is done with. Back from here shows an empty step 1.
        setCart([]);
        goTo('done', { replace: true, cart: [] });
      }
    } catch {
      // Shown from the mutation's error; a retry sends the same key (B5).
    }
  };

  const startOver = () => {
    setCart([]);
    setIdempotencyKey(null);
    placeState.reset();
    goTo('choose');
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
    /** What is wrong with the order's input, as data: found before sending, or by the API. */
    inputErrors: inputErrors.length > 0 ? inputErrors : refusedFields(placeState.error),
    placedOrder,
  };
}

function cartFromState(state: unknown): CartLine[] {
  const cart = (state as { cart?: unknown } | null)?.cart;
  if (!Array.isArray(cart)) return [];
  // A history entry's state is the browser's to keep: only lines the domain accepts come back.
  return cart.filter((line): line is CartLine => validateInput(orderLineSchema, line).ok);
}
