import { WEBHOOK_EVENTS } from '@csp/domain';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { graphQLError, meOf } from '../../test/factories';
import { renderWithProviders } from '../../test/render';
import { CreateWebhookEndpointDocument, WebhookEndpointsDocument } from './useWebhooks';
import { Webhooks } from './Webhooks';

const globalAdmin = meOf(['GLOBAL_ADMIN']);

const endpointsMock = (endpoints: unknown[]) => ({
  request: { query: WebhookEndpointsDocument },
  maxUsageCount: Number.POSITIVE_INFINITY,
  result: { data: { webhookEndpoints: endpoints } },
});

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
});
