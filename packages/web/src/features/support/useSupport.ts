import { useMutation, useQuery } from '@apollo/client/react';
import { pageOf, useCursorPages } from '../../app/useCursorPages';
import { graphql } from '../../gql';

export const SupportRequestsDocument = graphql(`
  query SupportRequests($first: Int, $after: String) {
    supportRequests(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          problemType
          impact
          status
          createdAt
          orderOrSubscriptionId
          attachments {
            id
            fileName
            size
            url
          }
        }
      }
    }
  }
`);

export const CreateSupportRequestDocument = graphql(`
  mutation CreateSupportRequest($input: CreateSupportRequestInput!) {
    createSupportRequest(input: $input) {
      id
      title
      problemType
      impact
      status
      createdAt
      orderOrSubscriptionId
      attachments {
        id
        fileName
        size
        url
      }
    }
  }
`);

/** The customers a request can be about (the API pages by 100 at most). */
export const SupportCustomersDocument = graphql(`
  query SupportCustomers {
    customers(first: 100) {
      edges {
        node {
          id
          name
          domain
          tenantId
          market
          currency
        }
      }
    }
  }
`);

/** The customer the Cancel dialog named, in case it is not among the first 100. */
export const SupportCustomerDocument = graphql(`
  query SupportCustomer($id: ID!) {
    customer(id: $id) {
      id
      name
      domain
      tenantId
      market
      currency
    }
  }
`);

/** S3: the partner's support requests, newest first, fresh on every visit. */
export const SUPPORT_REQUESTS_PAGE_SIZE = 20;

/** S3: one page of the partner's support requests, newest first, with a way forward and back. */
export function useSupportRequests() {
  const paging = useCursorPages('');
  const query = useQuery(SupportRequestsDocument, {
    variables: { first: SUPPORT_REQUESTS_PAGE_SIZE, after: paging.after },
    fetchPolicy: 'cache-and-network',
  });
  const { nodes: requests, ...page } = pageOf(query.data?.supportRequests, paging);
  return { ...query, ...page, requests };
}

export function useSupportCustomers(prefilledId: string) {
  const list = useQuery(SupportCustomersDocument);
  const customers = list.data?.customers.edges.map((edge) => edge.node) ?? [];
  const single = useQuery(SupportCustomerDocument, {
    variables: { id: prefilledId },
    skip: !prefilledId || customers.some((c) => c.id === prefilledId),
  });
  const extra = single.data?.customer;
  return {
    customers:
      extra && !customers.some((c) => c.id === extra.id) ? [extra, ...customers] : customers,
    loading: list.loading || single.loading,
  };
}

/** S1–S3: submits the request; the list is fetched again when next shown. */
export function useCreateSupportRequest() {
  return useMutation(CreateSupportRequestDocument, {
    update(cache) {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'supportRequests' });
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'activityLog' });
      cache.gc();
    },
  });
}
