import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

export const InvoicesDocument = graphql(`
  query Invoices {
    invoices {
      id
      period
      currency
      status
      csvUrl
      charges {
        amountMinor
        currency
        decimal
      }
      credits {
        amountMinor
        currency
        decimal
      }
      net {
        amountMinor
        currency
        decimal
      }
    }
  }
`);

export const InvoiceDocument = graphql(`
  query Invoice($id: ID!) {
    invoice(id: $id) {
      id
      period
      currency
      status
      csvUrl
      charges {
        amountMinor
        currency
        decimal
      }
      credits {
        amountMinor
        currency
        decimal
      }
      net {
        amountMinor
        currency
        decimal
      }
      lines {
        id
        createdAt
        kind
        orderId
        productName
        skuName
        skuUnit
        skuUnitSize
        termYears
        quantity
        taxIncluded
        amount {
          amountMinor
          currency
          decimal
        }
        customer {
          id
          name
        }
      }
    }
  }
`);

/** I1, I2: the partner's monthly invoices, newest first. */
export function useInvoices() {
  return useQuery(InvoicesDocument, { fetchPolicy: 'cache-and-network' });
}

/** I2: one invoice with its lines. */
export function useInvoice(id: string) {
  return useQuery(InvoiceDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
}
