import type { ApolloCache } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { CancelPurchaseMutation } from '../../gql/graphql';

/** C2–C9: the customer's orders of a product, each with its state, deadline and credit now. */
export const CancellationOptionsDocument = graphql(`
  query CancellationOptions($customerId: ID!, $productId: ID!) {
    customer(id: $customerId) {
      id
      name
      domain
      tenantId
      market
      currency
    }
    cancellationOptions(customerId: $customerId, productId: $productId) {
      serverTime
      product {
        id
        name
        kind
      }
      orders {
        order {
          id
          purchasedAt
          status
          total {
            amountMinor
            currency
            decimal
          }
        }
        lines {
          id
          termYears
          purchasedAt
          skuName
          status
          quantity
          purchasedQuantity
          cancelledAt
          cancellationPolicy
          cancellableUntil
          windowDays
          amount {
            amountMinor
            currency
            decimal
          }
        }
        state
        cancellableUntil
        windowDays
        daysRemaining
        lastDay
        hoursRemaining
        minutesRemaining
        credit {
          amountMinor
          currency
          decimal
        }
        creditMethod
        charged {
          amountMinor
          currency
          decimal
        }
      }
    }
  }
`);

export const CancelPurchaseDocument = graphql(`
  mutation CancelPurchase($input: CancelPurchaseInput!) {
    cancelPurchase(input: $input) {
      order {
        id
        status
      }
      cancelledLines {
        id
        status
        quantity
        cancelledAt
      }
      credit {
        amountMinor
        currency
        decimal
      }
      creditMethod
      creditInvoice {
        id
        period
      }
      cancelledAt
    }
  }
`);

/** The dialog refreshes what the server decides once a minute while it is open (C7). */
export const REFRESH_MS = 60_000;

/**
 * C7: the Order number drop-down's data, fresh from the server when the dialog opens (never a
 * stale cached state) and every minute while it stays open.
 */
export function useCancellationOptions(customerId: string, productId: string) {
  return useQuery(CancellationOptionsDocument, {
    variables: { customerId, productId },
    fetchPolicy: 'network-only',
    nextFetchPolicy: 'network-only',
    pollInterval: REFRESH_MS,
    notifyOnNetworkStatusChange: false,
  });
}

type CancelResult = CancelPurchaseMutation['cancelPurchase'];

/**
 * C8 shows at once everywhere: the cancelled lines and the order come back normalized (so the
 * Software list and Order history show them cancelled); their links are revoked (D8), and what
 * the cancellation changed elsewhere (invoices, the activity log) is fetched again when next shown.
 */
export function applyCancellationToCache(cache: ApolloCache, result: CancelResult) {
  for (const line of result.cancelledLines) {
    const id = cache.identify({ __typename: 'OrderLine', id: line.id });
    if (id) cache.modify({ id, fields: { links: () => [] } });
  }
  const invoiceId = cache.identify({ __typename: 'Invoice', id: result.creditInvoice.id });
  if (invoiceId) cache.evict({ id: invoiceId });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'invoices' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'activityLog' });
  cache.gc();
}

export function useCancelPurchase() {
  return useMutation(CancelPurchaseDocument, {
    update(cache, { data }) {
      if (data) applyCancellationToCache(cache, data.cancelPurchase);
    },
  });
}
