import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

export const CustomerOrdersDocument = graphql(`
  query CustomerOrders($id: ID!) {
    customer(id: $id) {
      id
      orders {
        id
        purchasedAt
        status
        taxIncluded
        total {
          amountMinor
          currency
          decimal
        }
        placedBy {
          displayName
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
          cancelledAt
          amount {
            amountMinor
            currency
            decimal
          }
          credit {
            amountMinor
            currency
            decimal
          }
        }
      }
    }
  }
`);

/** B6: the customer's orders, newest first, fresh from the server on every visit. */
export function useOrderHistory(customerId: string) {
  return useQuery(CustomerOrdersDocument, {
    variables: { id: customerId },
    fetchPolicy: 'cache-and-network',
  });
}
