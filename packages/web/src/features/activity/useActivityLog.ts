import { useQuery } from '@apollo/client/react';
import { pageOf, useCursorPages } from '../../app/useCursorPages';
import { graphql } from '../../gql';
import type { ActivityLogQuery, OperationType } from '../../gql/graphql';

export const ACTIVITY_PAGE_SIZE = 50;

export const ActivityLogDocument = graphql(`
  query ActivityLog(
    $from: DateTimeISO!
    $to: DateTimeISO!
    $operationTypes: [OperationType!]
    $customerId: ID
    $first: Int
    $after: String
  ) {
    activityLog(
      from: $from
      to: $to
      operationTypes: $operationTypes
      customerId: $customerId
      first: $first
      after: $after
    ) {
      csvUrl
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          at
          operation
          outcome
          failureCode
          userEmail
          remoteAddress
          userAgent
          resource
          productName
          detail
          detailCode
          detailParams {
            name
            value
          }
          count
          customer {
            id
            name
          }
        }
      }
    }
  }
`);

export const ActivityCustomersDocument = graphql(`
  query ActivityCustomers($search: String, $first: Int) {
    customers(search: $search, first: $first) {
      edges {
        node {
          id
          name
          domain
        }
      }
    }
  }
`);

export type ActivityEntry = ActivityLogQuery['activityLog']['edges'][number]['node'];

export interface ActivityFilter {
  /** Instants: `from` inclusive, `to` exclusive (see activity-dates.ts). */
  from: string;
  to: string;
  operationTypes: OperationType[];
  customerId: string | null;
}

/**
 * A2, A4: one page of the activity log for a filter, newest first. Pages forward by cursor and
 * back through the cursors already seen; a new filter starts again at the first page. `filter`
 * null (dates not valid yet, or a role outside R4) asks nothing.
 */
export function useActivityLog(filter: ActivityFilter | null) {
  const key = JSON.stringify(filter);
  const pages = useCursorPages(key);
  const after = pages.after;
  const query = useQuery(ActivityLogDocument, {
    variables: filter
      ? { ...filter, first: ACTIVITY_PAGE_SIZE, after }
      : { from: '', to: '', first: ACTIVITY_PAGE_SIZE, after },
    skip: !filter,
    fetchPolicy: 'cache-and-network',
  });
  const connection = query.data?.activityLog;
  return { ...query, connection, ...pageOf(connection, pages) };
}

/** Customers for the filter picker: the first 20 matching a search (name, GUID, domain). */
export function useActivityCustomers(search: string) {
  const term = search.trim();
  return useQuery(ActivityCustomersDocument, {
    variables: { search: term || null, first: 20 },
  });
}
