import { useQuery } from '@apollo/client/react';
import { pageOf, useCursorPages } from '../../app/useCursorPages';
import { graphql } from '../../gql';

/** What a list row and the invoice's page both show of an invoice. */
export const InvoiceSummaryFragment = graphql(`
  fragment InvoiceSummary on Invoice {
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
`);

export const InvoicesDocument = graphql(`
  query Invoices($first: Int, $after: String) {
    invoices(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...InvoiceSummary
        }
      }
    }
  }
`);

export const InvoiceDocument = graphql(`
  query Invoice($id: ID!) {
    invoice(id: $id) {
      ...InvoiceSummary
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
export const INVOICES_PAGE_SIZE = 24;

/** I1: one page of the partner's invoices, newest month first, with a way forward and back. */
export function useInvoices() {
  const paging = useCursorPages('');
  const query = useQuery(InvoicesDocument, {
    variables: { first: INVOICES_PAGE_SIZE, after: paging.after },
    fetchPolicy: 'cache-and-network',
  });
  const { nodes: invoices, ...page } = pageOf(query.data?.invoices, paging);
  return { ...query, ...page, invoices };
}

/** I2: one invoice with its lines. */
export function useInvoice(id: string) {
  return useQuery(InvoiceDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
}
