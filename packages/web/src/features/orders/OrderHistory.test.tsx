import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { money } from '../../test/factories';
import { renderWithProviders } from '../../test/render';
import { OrderHistory } from './OrderHistory';
import { CustomerOrdersDocument } from './useOrderHistory';

function order(id: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Order',
    id,
    purchasedAt: '2026-11-22T23:30:00.000Z',
    status: 'COMPLETED',
    taxIncluded: false,
    total: money(24_400_00, 'USD'),
    placedBy: { __typename: 'UserRef', displayName: 'Admin agent (Contoso)' },
    lines: [
      {
        __typename: 'OrderLine',
        id: `${id}-line`,
        product: {
          __typename: 'ProductRef',
          id: 'windows-server-2022-datacenter',
          name: 'Windows Server 2022 Datacenter',
          kind: 'SERVER_SUBSCRIPTION',
        },
        skuName: '16-core pack, 1 year',
        skuUnit: 'CORE_PACK',
        skuUnitSize: '16',
        quantity: 2,
        purchasedQuantity: 2,
        termYears: 1,
        status: 'ACTIVE',
        cancelledAt: null,
        amount: money(24_400_00, 'USD'),
        credit: null,
      },
    ],
    ...overrides,
  };
}

function ordersMock(orders: unknown[]) {
  return {
    request: { query: CustomerOrdersDocument, variables: { id: 'c-1' } },
    result: { data: { customer: { __typename: 'Customer', id: 'c-1', orders } } },
  };
}

const routing = { route: '/customers/c-1/orders', path: '/customers/:customerId/orders' };

describe('Order history', () => {
  it('B6, M3, M4: lists each order with its ID, date, items, amount with tax label and status', async () => {
    renderWithProviders(<OrderHistory />, {
      ...routing,
      mocks: [
        ordersMock([
          order('ORDERNEW0001'),
          order('ORDEROLD0002', {
            status: 'CANCELLED',
            purchasedAt: '2026-10-01T08:00:00.000Z',
          }),
        ]),
      ],
    });
    const row = await screen.findByRole('row', { name: /ORDERNEW0001/ });
    expect(row).toHaveTextContent('Nov 22, 2026, 11:30 PM UTC'); // the user's zone (TZ=UTC here)
    expect(row).toHaveTextContent('Windows Server 2022 Datacenter — 16-core pack, 1 year × 2');
    expect(row).toHaveTextContent('$24,400.00');
    expect(row).toHaveTextContent('excl. tax');
    expect(within(row).getByText('Completed')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /ORDEROLD0002/ })).toHaveTextContent('Cancelled');
  });

  it('E1, M4: in Korean, dates and money follow Korean conventions', async () => {
    renderWithProviders(<OrderHistory />, {
      ...routing,
      language: 'ko',
      mocks: [ordersMock([order('ORDERKRW0001', { total: money(1_500_000, 'KRW') })])],
    });
    const row = await screen.findByRole('row', { name: /ORDERKRW0001/ });
    expect(row).toHaveTextContent('2026년 11월 22일');
    expect(row).toHaveTextContent('₩1,500,000');
    expect(row).toHaveTextContent('세금 별도');
    expect(within(row).getByText('완료')).toBeInTheDocument();
  });

  it('B1: the order a search or a purchase led to is highlighted', async () => {
    renderWithProviders(<OrderHistory />, {
      route: '/customers/c-1/orders?order=ORDEROLD0002',
      path: '/customers/:customerId/orders',
      mocks: [ordersMock([order('ORDERNEW0001'), order('ORDEROLD0002')])],
    });
    expect(await screen.findByRole('row', { name: /ORDEROLD0002/ })).toHaveAttribute(
      'aria-current',
      'true',
    );
    expect(screen.getByText('Order ORDEROLD0002 is highlighted below.')).toBeInTheDocument();
  });

  it('B6: a customer with no orders says so', async () => {
    renderWithProviders(<OrderHistory />, { ...routing, mocks: [ordersMock([])] });
    expect(
      await screen.findByText('No orders yet. Use Add products to buy software for this customer.'),
    ).toBeInTheDocument();
  });

  it('C9, issue 14: a cancelled order shows its cancellation date and the credit given', async () => {
    const base = order('ORDERCXL0003', { status: 'CANCELLED' });
    const cancelled = {
      ...base,
      lines: base.lines.map((line) => ({
        ...line,
        status: 'CANCELLED',
        quantity: 0,
        cancelledAt: '2026-11-25T10:00:00.000Z',
        credit: money(20_000_00, 'USD'),
      })),
    };
    renderWithProviders(<OrderHistory />, { ...routing, mocks: [ordersMock([cancelled])] });
    const row = await screen.findByRole('row', { name: /ORDERCXL0003/ });
    expect(row).toHaveTextContent('Cancelled on Nov 25, 2026, 10:00 AM UTC · credit $20,000.00');
    expect(row).toHaveTextContent('Credited $20,000.00');
    expect(row).toHaveTextContent('$24,400.00'); // what was charged stays shown
  });
});
