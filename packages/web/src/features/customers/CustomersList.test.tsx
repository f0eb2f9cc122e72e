import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { customer } from '../../test/factories';
import { renderWithProviders } from '../../test/render';
import { CustomersList } from './CustomersList';
import { CustomersDocument } from './useCustomers';

function page(
  rows: Array<{ node: ReturnType<typeof customer>; matchedOrderId?: string | null }>,
  { totalCount = rows.length, hasNextPage = false, endCursor = null as string | null } = {},
) {
  return {
    data: {
      customers: {
        __typename: 'CustomerConnection',
        totalCount,
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
        edges: rows.map(({ node, matchedOrderId = null }) => ({
          __typename: 'CustomerEdge',
          cursor: `cursor-${node.id}`,
          matchedOrderId,
          node,
        })),
      },
    },
  };
}

const fourthCoffee = customer();
const tailspin = customer({
  id: 'c-tailspin',
  name: 'Tailspin Brasil',
  domain: 'tailspin.com.br',
  market: 'BR',
  currency: 'BRL',
  tenantId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e11',
});
const hanbit = customer({
  id: 'c-hanbit',
  name: 'Hanbit Soft',
  domain: 'hanbitsoft.co.kr',
  market: 'KR',
  currency: 'KRW',
});

const firstPage = {
  request: { query: CustomersDocument, variables: { search: null, first: 10, after: null } },
  result: page([{ node: fourthCoffee }, { node: tailspin }]),
};

describe('Customers', () => {
  it('B1, M2: lists customers with name, domain, country name and currency', async () => {
    renderWithProviders(<CustomersList />, { mocks: [firstPage] });
    const row = await screen.findByRole('row', { name: /Tailspin Brasil/ });
    expect(row).toHaveTextContent('tailspin.com.br');
    expect(row).toHaveTextContent('Brazil');
    expect(row).toHaveTextContent('BRL');
    expect(within(row).getByRole('link', { name: 'Tailspin Brasil' })).toHaveAttribute(
      'href',
      '/customers/c-tailspin',
    );
    expect(screen.getByRole('status')).toHaveTextContent('2 customers');
  });

  it('B1: searching an order ID finds its customer and shows the matched order', async () => {
    const user = userEvent.setup();
    renderWithProviders(<CustomersList />, {
      mocks: [
        firstPage,
        {
          request: {
            query: CustomersDocument,
            variables: { search: 'W770MK91YZSV', first: 10, after: null },
          },
          result: page([{ node: tailspin, matchedOrderId: 'W770MK91YZSV' }]),
        },
      ],
    });
    await screen.findByRole('row', { name: /Fourth Coffee/ });

    await user.type(screen.getByRole('searchbox', { name: 'Search customers' }), 'W770MK91YZSV');

    const match = await screen.findByRole('link', { name: 'Order W770MK91YZSV' });
    expect(match).toHaveAttribute('href', '/customers/c-tailspin/orders?order=W770MK91YZSV');
    expect(screen.queryByRole('row', { name: /Fourth Coffee/ })).toBeNull();
    expect(screen.getByRole('columnheader', { name: 'Matched order' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('1 customer');
  });

  it('B1: a search that finds nobody says so and what can be searched', async () => {
    const user = userEvent.setup();
    renderWithProviders(<CustomersList />, {
      mocks: [
        firstPage,
        {
          request: {
            query: CustomersDocument,
            variables: { search: 'zzz', first: 10, after: null },
          },
          result: page([]),
        },
      ],
    });
    await screen.findByRole('row', { name: /Fourth Coffee/ });
    await user.type(screen.getByRole('searchbox', { name: 'Search customers' }), 'zzz');
    expect(
      await screen.findByText(
        'No customer matches “zzz”. Check the name, tenant GUID, domain or order ID.',
      ),
    ).toBeInTheDocument();
  });

  it('B1: pages forward with the end cursor and back again', async () => {
    const user = userEvent.setup();
    renderWithProviders(<CustomersList />, {
      mocks: [
        {
          request: firstPage.request,
          maxUsageCount: 2, // the way back asks again (cache-and-network)
          result: page([{ node: fourthCoffee }], {
            totalCount: 2,
            hasNextPage: true,
            endCursor: 'cursor-1',
          }),
        },
        {
          request: {
            query: CustomersDocument,
            variables: { search: null, first: 10, after: 'cursor-1' },
          },
          result: page([{ node: hanbit }], { totalCount: 2 }),
        },
      ],
    });
    await screen.findByRole('row', { name: /Fourth Coffee/ });
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('row', { name: /Hanbit Soft/ })).toBeInTheDocument();
    expect(screen.getByText('Page 2 of 2')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByRole('row', { name: /Fourth Coffee/ })).toBeInTheDocument();
  });

  it('E1, M2: in Korean the page and the country names are Korean', async () => {
    renderWithProviders(<CustomersList />, {
      language: 'ko',
      mocks: [
        {
          request: firstPage.request,
          result: page([{ node: hanbit }]),
        },
      ],
    });
    const row = await screen.findByRole('row', { name: /Hanbit Soft/ });
    expect(row).toHaveTextContent('대한민국');
    expect(screen.getByRole('heading', { name: '고객' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: '고객 검색' })).toBeInTheDocument();
  });

  it('E2: a failed load says what went wrong and offers to try again', async () => {
    renderWithProviders(<CustomersList />, {
      mocks: [{ request: firstPage.request, error: new TypeError('Failed to fetch') }],
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The portal cannot reach the server. Check your connection and try again.',
    );
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
