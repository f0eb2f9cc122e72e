import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { money } from '../../test/factories';
import { renderWithProviders } from '../../test/render';
import { Billing } from './Billing';
import { InvoiceDetail } from './InvoiceDetail';
import { InvoiceDocument, InvoicesDocument } from './useInvoices';

const invoice = {
  __typename: 'Invoice',
  id: 'inv-1',
  period: '2026-11',
  currency: 'USD',
  status: 'OPEN',
  csvUrl: '/invoices/inv-1.csv',
  charges: money(36_600_00, 'USD'),
  credits: money(-1_178_00, 'USD'),
  net: money(35_422_00, 'USD'),
};

function invoicesMock(invoices: { id: string }[]) {
  return {
    request: { query: InvoicesDocument, variables: { first: 24, after: null } },
    result: {
      data: {
        invoices: {
          __typename: 'InvoiceConnection',
          totalCount: invoices.length,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          edges: invoices.map((node) => ({ __typename: 'InvoiceEdge', node })),
        },
      },
    },
  };
}

describe('Billing', () => {
  it('I1, I2: lists invoices with period, currency, status, charges, credits, net and CSV', async () => {
    renderWithProviders(<Billing />, {
      mocks: [invoicesMock([invoice])],
    });
    const row = await screen.findByRole('row', { name: /November 2026/ });
    expect(row).toHaveTextContent('USD');
    expect(row).toHaveTextContent('Open');
    expect(row).toHaveTextContent('$36,600.00');
    expect(row).toHaveTextContent('-$1,178.00');
    expect(row).toHaveTextContent('$35,422.00');
    expect(
      within(row).getByRole('link', { name: 'View invoice November 2026 USD' }),
    ).toHaveAttribute('href', '/billing/inv-1');
    expect(
      within(row).getByRole('link', { name: 'Download CSV of invoice November 2026 USD' }),
    ).toHaveAttribute('href', '/invoices/inv-1.csv?lang=en');
  });

  it('I2: an empty list says how invoices come about', async () => {
    renderWithProviders(<Billing />, {
      mocks: [invoicesMock([])],
    });
    expect(
      await screen.findByText('No invoices yet. Orders are charged to the invoice of their month.'),
    ).toBeInTheDocument();
  });

  it('I2, M3: an invoice lists each line with customer, order, product, kind, amount and tax flag', async () => {
    const line = (id: string, kind: string, amount: ReturnType<typeof money>) => ({
      __typename: 'InvoiceLine',
      id,
      createdAt: '2026-11-24T04:30:51.554Z',
      kind,
      orderId: 'ORD7SCEJ1PCP',
      productName: 'Office LTSC Professional Plus 2024',
      skuName: 'Perpetual, 1 device',
      skuUnit: 'DEVICE',
      skuUnitSize: '1',
      termYears: null,
      quantity: 2,
      taxIncluded: false,
      amount,
      customer: { __typename: 'Customer', id: 'c-1', name: 'Saba Logistics' },
    });
    renderWithProviders(<InvoiceDetail />, {
      route: '/billing/inv-1',
      path: '/billing/:invoiceId',
      mocks: [
        {
          request: { query: InvoiceDocument, variables: { id: 'inv-1' } },
          result: {
            data: {
              invoice: {
                ...invoice,
                lines: [
                  line('l-1', 'CHARGE', money(1_178_00, 'USD')),
                  line('l-2', 'CREDIT', money(-1_178_00, 'USD')),
                ],
              },
            },
          },
        },
      ],
    });
    expect(
      await screen.findByRole('heading', { name: 'Invoice November 2026 (USD)' }),
    ).toBeInTheDocument();
    const charge = screen.getByRole('row', { name: /Charge/ });
    expect(charge).toHaveTextContent('Saba Logistics');
    expect(charge).toHaveTextContent('Office LTSC Professional Plus 2024');
    expect(charge).toHaveTextContent('$1,178.00');
    expect(charge).toHaveTextContent('excl. tax');
    expect(within(charge).getByRole('link', { name: 'ORD7SCEJ1PCP' })).toHaveAttribute(
      'href',
      '/customers/c-1/orders?order=ORD7SCEJ1PCP',
    );
    expect(screen.getByRole('row', { name: /Credit/ })).toHaveTextContent('-$1,178.00');
    expect(screen.getByRole('link', { name: 'Download CSV' })).toHaveAttribute(
      'href',
      '/invoices/inv-1.csv?lang=en',
    );
  });
});
