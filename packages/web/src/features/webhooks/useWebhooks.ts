import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

export const WebhookEndpointsDocument = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      id
      url
      events
      createdAt
    }
  }
`);

export const WebhookDeliveriesDocument = graphql(`
  query WebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {
    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          eventId
          eventType
          status
          attempts
          responseStatus
          lastErrorCode
          lastAttemptAt
          nextAttemptAt
          deliveredAt
          createdAt
        }
      }
    }
  }
`);

export const CreateWebhookEndpointDocument = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        id
        url
        events
        createdAt
      }
    }
  }
`);

const DeleteWebhookEndpointDocument = graphql(`
  mutation DeleteWebhookEndpoint($endpointId: ID!) {
    deleteWebhookEndpoint(endpointId: $endpointId)
  }
`);

const SendTestWebhookEventDocument = graphql(`
  mutation SendTestWebhookEvent($endpointId: ID!) {
    sendTestWebhookEvent(endpointId: $endpointId) {
      id
    }
  }
`);

const RedeliverWebhookDocument = graphql(`
  mutation RedeliverWebhook($deliveryId: ID!) {
    redeliverWebhook(deliveryId: $deliveryId) {
      id
    }
  }
`);

export function useWebhookEndpoints() {
  return useQuery(WebhookEndpointsDocument, { fetchPolicy: 'cache-and-network' });
}

/** W2: the delivery log, refreshed every few seconds while shown (the worker sends in the background). */
export function useWebhookDeliveries(endpointId: string) {
  return useQuery(WebhookDeliveriesDocument, {
    variables: { endpointId, first: 50 },
    fetchPolicy: 'cache-and-network',
    pollInterval: 5_000,
  });
}

export function useWebhookMutations() {
  const refetchQueries = ['WebhookEndpoints', 'WebhookDeliveries'];
  const [create, creating] = useMutation(CreateWebhookEndpointDocument, { refetchQueries });
  const [remove, removing] = useMutation(DeleteWebhookEndpointDocument, { refetchQueries });
  const [sendTest, sendingTest] = useMutation(SendTestWebhookEventDocument, { refetchQueries });
  const [redeliver, redelivering] = useMutation(RedeliverWebhookDocument, { refetchQueries });
  return { create, creating, remove, removing, sendTest, sendingTest, redeliver, redelivering };
}
