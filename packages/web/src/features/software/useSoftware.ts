import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { CustomerSoftwareQuery } from '../../gql/graphql';

export const CustomerSoftwareDocument = graphql(`
  query CustomerSoftware($id: ID!) {
    customer(id: $id) {
      id
      software {
        id
        orderId
        status
        quantity
        purchasedQuantity
        purchasedAt
        cancellableUntil
        cancellationPolicy
        cancelledAt
        termYears
        skuName
        skuUnit
        skuUnitSize
        hasActivationKeys
        product {
          id
          name
          kind
        }
        downloadOptions {
          versions
          languages
          fileTypes
        }
        links {
          id
          version
          language
          fileType
          issuedAt
          expiresAt
          downloadsUsed
          downloadsLeft
          maxDownloads
          state
          issuedBy {
            displayName
            email
          }
        }
      }
    }
  }
`);

export const GetKeysAndDownloadsDocument = graphql(`
  mutation GetKeysAndDownloads($input: GetKeysAndDownloadsInput!) {
    getKeysAndDownloads(input: $input) {
      activationKey
      link {
        id
        url
        fileName
        expiresAt
        downloadsLeft
        maxDownloads
        downloadsUsed
        state
        version
        language
        fileType
      }
      line {
        id
        status
      }
    }
  }
`);

export type SoftwareLine = CustomerSoftwareQuery['customer']['software'][number];
export type LiveLink = SoftwareLine['links'][number];

/** D1: every software line of the customer, cancelled ones included, fresh on every visit. */
export function useSoftware(customerId: string) {
  return useQuery(CustomerSoftwareDocument, {
    variables: { id: customerId },
    fetchPolicy: 'cache-and-network',
  });
}

/** The version, language and file type picked for a download (D2). */
export interface DownloadChoice {
  version: string;
  language: string;
  fileType: string;
}

/**
 * D2–D4: reveals the key and issues a fresh link (Admin agent only, R3). Without a choice, only
 * the key. Afterwards the list is fetched again, so the new link shows among the live ones.
 */
export function useGetKeysAndDownloads(customerId: string) {
  const [mutate, state] = useMutation(GetKeysAndDownloadsDocument, {
    refetchQueries: [{ query: CustomerSoftwareDocument, variables: { id: customerId } }],
  });
  const getKeys = (lineId: string, choice: DownloadChoice | null) =>
    mutate({ variables: { input: { lineId, ...(choice ?? {}) } } });
  return { getKeys, ...state };
}
