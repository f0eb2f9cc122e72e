import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { SupportRequests } from './SupportRequests';
import { SupportRequestsDocument } from './useSupport';

function request(id: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'SupportRequest',
    id,
    title: 'Refund Windows 7 ESU order',
    problemType: 'CSP_PURCHASE_REFUND',
    impact: 'HIGH',
    status: 'SUBMITTED',
    createdAt: '2026-11-24T03:00:00.000Z',
    orderOrSubscriptionId: 'ORDESU45',
    attachments: [],
    ...overrides,
  };
}

function listMock(
  requests: { id: string }[],
  { after = null as string | null, hasNextPage = false, totalCount = requests.length } = {},
) {
  return {
    request: { query: SupportRequestsDocument, variables: { first: 20, after } },
    result: {
      data: {
        supportRequests: {
          __typename: 'SupportRequestConnection',
          totalCount,
          pageInfo: {
            __typename: 'PageInfo',
            hasNextPage,
            endCursor: requests.at(-1) ? `cursor-${requests.at(-1)!.id}` : null,
          },
          edges: requests.map((node) => ({ __typename: 'SupportRequestEdge', node })),
        },
      },
    },
  };
}

describe('Support requests', () => {
  it('S3: lists each request with its id, title, type, impact, status, date and attachments', async () => {
    renderWithProviders(<SupportRequests />, {
      mocks: [
        listMock([
          request('SR-7KQ2M9D4WZ', {
            attachments: [
              {
                __typename: 'Attachment',
                id: 'att-1',
                fileName: 'invoice.pdf',
                size: 2048,
                url: '/files/att-1',
              },
            ],
          }),
          request('SR-2B', {
            title: 'Cannot see the activity log',
            problemType: 'ACCOUNT_AND_ROLES',
            impact: 'LOW',
            status: 'RESOLVED',
          }),
        ]),
      ],
    });
    const row = await screen.findByRole('row', { name: /SR-7KQ2M9D4WZ/ });
    expect(row).toHaveTextContent('Refund Windows 7 ESU order');
    expect(row).toHaveTextContent('CSP Purchase/Refund on behalf of customers');
    expect(row).toHaveTextContent('High');
    expect(row).toHaveTextContent('Submitted');
    expect(row).toHaveTextContent('Nov 24, 2026, 03:00 AM UTC');
    expect(within(row).getByRole('link', { name: 'Download invoice.pdf' })).toHaveAttribute(
      'href',
      '/files/att-1',
    );
    const other = screen.getByRole('row', { name: /SR-2B/ });
    expect(other).toHaveTextContent('Account, users and roles');
    expect(other).toHaveTextContent('Low');
    expect(other).toHaveTextContent('Resolved');
    expect(other).toHaveTextContent('None');
    expect(screen.getByRole('button', { name: 'Report a problem' })).toBeInTheDocument();
  });

  it('S3: with no requests yet it says so', async () => {
    renderWithProviders(<SupportRequests />, { mocks: [listMock([])] });
    expect(await screen.findByText(/No support requests yet/)).toBeInTheDocument();
  });

  it('S3: pages through the requests, Page 1 of 2 and back', async () => {
    const user = userEvent.setup();
    renderWithProviders(<SupportRequests />, {
      mocks: [
        // 21 requests: 20 on the first page (one shown here), one on the second.
        listMock([request('SR-NEWER00001')], { hasNextPage: true, totalCount: 21 }),
        listMock([request('SR-OLDER00001', { title: 'Older request' })], {
          after: 'cursor-SR-NEWER00001',
          totalCount: 21,
        }),
      ],
    });
    expect(await screen.findByText('Page 1 of 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Older request')).toBeInTheDocument();
    expect(screen.getByText('Page 2 of 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByText('SR-NEWER00001')).toBeInTheDocument();
  });
});
