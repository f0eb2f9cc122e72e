import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { pageOf, useCursorPages } from '../../app/useCursorPages';
import { graphql } from '../../gql';

export const CUSTOMERS_PAGE_SIZE = 10;

export const CustomersDocument = graphql(`
  query Customers($search: String, $first: Int, $after: String) {
    customers(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        matchedOrderId
        node {
          id
          name
          domain
          market
          currency
          tenantId
        }
      }
    }
  }
`);

/** A value that follows `value` once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * B1: one page of the partner's customers matching a search (name, tenant GUID, domain or
 * order ID). Pages forward by cursor and back through the cursors already seen.
 */
export function useCustomers(search: string) {
  const term = search.trim();
  // A new search starts again at the first page.
  const pages = useCursorPages(term);
  const query = useQuery(CustomersDocument, {
    variables: { search: term || null, first: CUSTOMERS_PAGE_SIZE, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const connection = query.data?.customers;
  return { ...query, connection, ...pageOf(connection, pages) };
}
