import { screen, within } from '@testing-library/react';
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

function listMock(requests: unknown[]) {
  return {
    request: { query: SupportRequestsDocument },
    result: { data: { supportRequests: requests } },
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
});
