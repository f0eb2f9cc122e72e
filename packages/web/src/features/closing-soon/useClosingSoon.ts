import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

/** K1: the partner's purchases whose cancellation window closes within the horizon, soonest first. */
export const ClosingSoonDocument = graphql(`
  query ClosingSoon($withinDays: Int, $first: Int, $after: String) {
    cancellationsClosingSoon(withinDays: $withinDays, first: $first, after: $after) {
      serverTime
      withinDays
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          lineId
          orderId
          customer {
            id
            name
          }
          product {
            id
            name
          }
          skuName
          skuUnit
          skuUnitSize
          quantity
          termYears
          windowDays
          purchasedAt
          cancellableUntil
          amount {
            amountMinor
            currency
            decimal
          }
          credit {
            amountMinor
            currency
          }
        }
      }
    }
  }
`);

export const CLOSING_SOON_PAGE_SIZE = 50;

export function useClosingSoon(withinDays: number) {
  return useQuery(ClosingSoonDocument, {
    variables: { withinDays, first: CLOSING_SOON_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
}
