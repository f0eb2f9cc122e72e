import { WEBHOOK_EVENTS } from '@csp/domain';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { graphQLError, meOf } from '../../test/factories';
import { renderWithProviders } from '../../test/render';
import {
  CreateWebhookEndpointDocument,
  WebhookDeliveriesDocument,
  WebhookEndpointsDocument,
} from './useWebhooks';
import { Webhooks } from './Webhooks';

const globalAdmin = meOf(['GLOBAL_ADMIN']);
const ENDPOINT = {
  __typename: 'WebhookEndpoint',
  id: 'e1',
  url: 'https://hooks.contoso.example/csp',
  events: ['order.placed'],
  createdAt: '2026-11-20T09:00:00.000Z',
};

const endpointsMock = (endpoints: unknown[]) => ({
  request: { query: WebhookEndpointsDocument },
  maxUsageCount: Number.POSITIVE_INFINITY,
  result: { data: { webhookEndpoints: endpoints } },
});

function delivery(id: string, overrides: Record<string, unknown>) {
  return {
    __typename: 'WebhookDelivery',
    id,
    eventId: `event-${id}`,
    eventType: 'order.placed',
    status: 'FAILED',
    attempts: 3,
    responseStatus: null,
    lastErrorCode: null,
    lastAttemptAt: '2026-11-20T10:00:00.000Z',
    nextAttemptAt: null,
    deliveredAt: null,
    createdAt: '2026-11-20T09:30:00.000Z',
    ...overrides,
  };
}

describe('Webhooks', () => {
  it('W2, E1, E2: a refused address is worded in Korean from its reason code, with the limit the API sent', async () => {
    const url = `https://hooks.contoso.example/${'a'.repeat(20)}`;
    renderWithProviders(<Webhooks />, {
      me: globalAdmin,
      language: 'ko',
      mocks: [
        endpointsMock([]),
        {
          request: {
            query: CreateWebhookEndpointDocument,
            variables: { input: { url, events: [...WEBHOOK_EVENTS] } },
          },
          // The API's message (English here) is not what the page shows: it words the code.
          result: graphQLError(
            'BAD_USER_INPUT',
            { field: 'url', reasonCode: 'URL_LENGTH', max: 500 },
            'Some of the input is not valid: Give the endpoint’s address (at most 500 characters).',
          ),
        },
      ],
    });
    await userEvent.type(await screen.findByRole('textbox', { name: /엔드포인트 URL/ }), url);
    await userEvent.click(screen.getByRole('button', { name: '엔드포인트 추가' }));
    expect(
      await screen.findByText(
        '입력 값이 올바르지 않습니다: 엔드포인트 주소를 입력하세요(최대 500자).',
      ),
    ).toBeInTheDocument();
  });

  it('W2, E1: the delivery log says why an attempt failed in the chosen language; a non-2xx answer shows its status', async () => {
    renderWithProviders(<Webhooks />, {
      me: globalAdmin,
      language: 'ko',
      mocks: [
        endpointsMock([ENDPOINT]),
        {
          request: { query: WebhookDeliveriesDocument, variables: { endpointId: 'e1', first: 50 } },
          result: {
            data: {
              webhookDeliveries: {
                __typename: 'WebhookDeliveryConnection',
                pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
                edges: [
                  delivery('d3', { lastErrorCode: 'CONNECTION_REFUSED' }),
                  delivery('d2', { lastErrorCode: 'HTTP_STATUS', responseStatus: 503 }),
                  delivery('d1', { status: 'DELIVERED', responseStatus: 200, attempts: 1 }),
                ].map((node) => ({ __typename: 'WebhookDeliveryEdge', cursor: node.id, node })),
              },
            },
          },
        },
      ],
    });
    const log = await screen.findByRole('table', { name: '전송 기록' });
    const rows = within(log).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByText('엔드포인트가 연결을 거부했습니다.')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('503')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('200')).toBeInTheDocument();
  });
});
