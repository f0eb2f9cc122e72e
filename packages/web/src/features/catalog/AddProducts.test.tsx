import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { customer, demoCatalog, graphQLError, meOf, money } from '../../test/factories';
import { renderWithProviders, type RenderOptions } from '../../test/render';
import { AddProducts } from './AddProducts';
import { CatalogDocument, PlaceOrderDocument } from './useAddProducts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function catalogMock(buyer: ReturnType<typeof customer>, catalog = demoCatalog(buyer.market)) {
  return {
    request: { query: CatalogDocument, variables: { customerId: buyer.id } },
    result: { data: { customer: buyer, catalog } },
  };
}

function placedOrder(id: string, currency = 'USD', taxIncluded = false) {
  return {
    __typename: 'Order',
    id,
    purchasedAt: '2026-11-24T04:30:51.554Z',
    status: 'COMPLETED',
    taxIncluded,
    total: money(65_880_00, currency),
    lines: [
      {
        __typename: 'OrderLine',
        id: 'line-1',
        product: {
          __typename: 'ProductRef',
          id: 'windows-server-2022-datacenter',
          name: 'Windows Server 2022 Datacenter',
          kind: 'SERVER_SUBSCRIPTION',
        },
        skuName: '16-core pack, 3 years',
        skuUnit: 'CORE_PACK',
        skuUnitSize: '16',
        quantity: 2,
        purchasedQuantity: 2,
        termYears: 3,
        status: 'ACTIVE',
        cancellationPolicy: 'WINDOW',
        cancellableUntil: '2027-01-23T04:30:51.554Z',
        windowDays: 60,
        unitPrice: money(32_940_00, currency),
        amount: money(65_880_00, currency),
      },
    ],
  };
}

function renderAddProducts(
  buyer: ReturnType<typeof customer>,
  mocks: RenderOptions['mocks'] = [],
  options: Omit<RenderOptions, 'mocks'> = {},
) {
  return renderWithProviders(<AddProducts />, {
    mocks: [catalogMock(buyer), ...(mocks ?? [])],
    route: `/customers/${buyer.id}/add-products`,
    path: '/customers/:customerId/add-products',
    ...options,
  });
}

/** Picks Windows Server 2022 Datacenter, its 3-year SKU and a quantity of 2, then reviews. */
async function chooseDatacenterAndReview(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('radio', { name: /^Windows Server 2022 Datacenter/ }));
  await user.selectOptions(
    screen.getByLabelText('SKU (term)'),
    'windows-server-2022-datacenter:3y',
  );
  const quantity = screen.getByLabelText('Quantity');
  await user.clear(quantity);
  await user.type(quantity, '2');
  await user.click(screen.getByRole('button', { name: 'Add to order' }));
  await user.click(screen.getByRole('button', { name: 'Review order' }));
}

describe('Add products', () => {
  it('M2: the catalog shows a product unavailable in the market disabled, with its reason', async () => {
    renderAddProducts(customer({ id: 'c-saba', name: 'Saba Logistics', market: 'YE' }));

    const reservation = await screen.findByRole('radio', { name: /Azure Reserved VM Instance/ });
    expect(reservation).toBeDisabled();
    expect(reservation).toHaveAccessibleName(
      expect.stringContaining(
        'Not available: This product is not available in the customer’s market (Yemen).',
      ),
    );
    expect(screen.getByRole('heading', { name: 'Catalog for Yemen' })).toBeInTheDocument();
    // Products that are sold there stay selectable.
    expect(screen.getByRole('radio', { name: /^Windows Server 2022 Datacenter/ })).toBeEnabled();
  });

  it('M2, E1: the unavailable reason and the country are in Korean when Korean is chosen', async () => {
    renderAddProducts(customer({ id: 'c-saba', name: 'Saba Logistics', market: 'YE' }), [], {
      language: 'ko',
    });
    const reservation = await screen.findByRole('radio', { name: /Azure Reserved VM Instance/ });
    expect(reservation).toHaveAccessibleName(
      expect.stringContaining('이 제품은 고객의 시장(예멘)에서 제공되지 않습니다.'),
    );
  });

  it('B2, B7, C1: each product shows its cancellation terms and the Azure Hybrid Benefit note', async () => {
    renderAddProducts(customer());
    expect(
      await screen.findByRole('radio', { name: /Windows 7 Extended Security Updates 2020/ }),
    ).toHaveAccessibleName(expect.stringContaining('Cancellation only through a support request'));
    expect(screen.getByRole('radio', { name: /Red Hat Enterprise Linux/ })).toHaveAccessibleName(
      expect.stringContaining('Cannot be cancelled'),
    );
    expect(
      screen.getByRole('radio', { name: /^Windows Server 2022 Datacenter/ }),
    ).toHaveAccessibleName(
      expect.stringMatching(/Cancellable within 60 days.*saving up to 40 percent/),
    );
  });

  it('B2, M3, B5: pick SKU and quantity, review the total with its tax label, place the order with an idempotency key', async () => {
    const user = userEvent.setup();
    const sent: Array<{ idempotencyKey: string }> = [];
    renderAddProducts(customer(), [
      {
        request: {
          query: PlaceOrderDocument,
          variables: (variables: {
            input: { customerId: string; idempotencyKey: string; lines: unknown };
          }) => {
            sent.push(variables.input);
            return (
              variables.input.customerId === 'c-fourth' &&
              JSON.stringify(variables.input.lines) ===
                JSON.stringify([{ skuId: 'windows-server-2022-datacenter:3y', quantity: 2 }])
            );
          },
        },
        result: { data: { placeOrder: placedOrder('ORD7SCEJ1PCP') } },
      },
    ]);

    await chooseDatacenterAndReview(user);

    const review = screen.getByRole('table', { name: '2. Review' });
    const row = within(review).getByRole('row', { name: /16-core pack, 3 years/ });
    expect(row).toHaveTextContent('$32,940.00'); // unit price
    expect(row).toHaveTextContent('$65,880.00'); // 2 × unit price (domain lineAmount)
    expect(row).toHaveTextContent('Cancellable within 60 days');
    const total = within(review).getByRole('row', { name: /Total/ });
    expect(total).toHaveTextContent('Total (excl. tax)$65,880.00');
    expect(screen.getByText(/saving up to 40 percent/)).toBeInTheDocument(); // B7

    await user.click(screen.getByRole('button', { name: 'Place order' }));

    expect(await screen.findByText('Order ORD7SCEJ1PCP was placed.')).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.idempotencyKey).toMatch(UUID);
    expect(screen.getByRole('link', { name: 'View in Order history' })).toHaveAttribute(
      'href',
      '/customers/c-fourth/orders?order=ORD7SCEJ1PCP',
    );
    // Issue 14: the next step after buying is one click away.
    expect(screen.getByRole('link', { name: 'Get keys and downloads' })).toHaveAttribute(
      'href',
      '/customers/c-fourth/software',
    );
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/customers/c-fourth/add-products?step=done',
    );
  });

  it('B5: retrying the same review after a failure sends the same idempotency key', async () => {
    const user = userEvent.setup();
    const keys: string[] = [];
    const matcher = (variables: { input: { idempotencyKey: string } }) => {
      keys.push(variables.input.idempotencyKey);
      return true;
    };
    renderAddProducts(customer(), [
      {
        request: { query: PlaceOrderDocument, variables: matcher },
        result: graphQLError('INTERNAL'),
      },
      {
        request: { query: PlaceOrderDocument, variables: matcher },
        result: { data: { placeOrder: placedOrder('ORDRETRY0001') } },
      },
    ]);
    await chooseDatacenterAndReview(user);

    await user.click(screen.getByRole('button', { name: 'Place order' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Something went wrong on our side. Try again; if it persists, report a problem.',
    );
    await user.click(screen.getByRole('button', { name: 'Place order' }));

    expect(await screen.findByText('Order ORDRETRY0001 was placed.')).toBeInTheDocument();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(UUID);
    expect(keys[1]).toBe(keys[0]);
  });

  it('B2: the quantity is checked with the domain’s rule, its limits in the message', async () => {
    const user = userEvent.setup();
    renderAddProducts(customer());
    await user.click(await screen.findByRole('radio', { name: /^Windows Server 2022 Datacenter/ }));
    await user.selectOptions(
      screen.getByLabelText('SKU (term)'),
      'windows-server-2022-datacenter:3y',
    );
    const quantity = screen.getByLabelText('Quantity');
    for (const typed of ['0', '10001']) {
      await user.clear(quantity);
      await user.type(quantity, typed);
      expect(quantity).toHaveAccessibleDescription('Enter a whole number from 1 to 10,000.');
      expect(screen.getByRole('button', { name: 'Add to order' })).toBeDisabled();
    }
    await user.clear(quantity);
    await user.type(quantity, '10000');
    expect(quantity).not.toHaveAccessibleDescription(expect.stringContaining('Enter'));
    expect(screen.getByRole('button', { name: 'Add to order' })).toBeEnabled();
  });

  it('B2, E1: a refusal’s field errors are shown from their codes, in Korean in Korean', async () => {
    const user = userEvent.setup();
    renderAddProducts(
      customer(),
      [
        {
          request: { query: PlaceOrderDocument, variables: () => true },
          result: graphQLError('BAD_USER_INPUT', {
            reasonCode: 'FIELDS_NEED_ATTENTION',
            fieldCount: 1,
            fields: ['lines.0.quantity'],
            field: 'lines.0.quantity',
            fieldErrors: [
              { field: 'lines.0.quantity', code: 'OUT_OF_RANGE', params: { min: 1, max: 10_000 } },
            ],
          }),
        },
      ],
      { language: 'ko' },
    );
    await user.click(await screen.findByRole('radio', { name: /^Windows Server 2022 Datacenter/ }));
    await user.selectOptions(
      screen.getByLabelText('SKU(기간)'),
      'windows-server-2022-datacenter:3y',
    );
    await user.click(screen.getByRole('button', { name: '주문에 추가' }));
    await user.click(screen.getByRole('button', { name: '주문 검토' }));
    await user.click(screen.getByRole('button', { name: '주문하기' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '1에서 10,000 사이의 정수를 입력하세요.',
    );
  });

  it('issue 14: the step is in the address; Back returns to step 1 with the cart kept', async () => {
    const user = userEvent.setup();
    renderAddProducts(customer());
    await chooseDatacenterAndReview(user);
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/customers/c-fourth/add-products?step=review',
    );
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/add-products$/));
    const cart = screen.getByRole('list', { name: 'Your order' });
    expect(cart).toHaveTextContent('16-core pack, 3 years × 2');
    await user.click(screen.getByRole('button', { name: 'Review order' }));
    expect(screen.getByRole('table', { name: '2. Review' })).toBeInTheDocument();
  });

  it('issue 14: a review address without a cart (opened directly) shows step 1', async () => {
    renderAddProducts(customer(), [], { route: '/customers/c-fourth/add-products?step=review' });
    expect(
      await screen.findByRole('radio', { name: /^Windows Server 2022 Datacenter/ }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: '2. Review' })).not.toBeInTheDocument();
  });

  it('M3: in a tax-inclusive market (AU) the review says incl. tax and shows Australian dollars', async () => {
    const user = userEvent.setup();
    const adatum = customer({
      id: 'c-adatum',
      name: 'Adatum Pty Ltd',
      market: 'AU',
      currency: 'AUD',
      pricesIncludeTax: true,
    });
    renderWithProviders(<AddProducts />, {
      mocks: [catalogMock(adatum, demoCatalog('AU', 'AUD', true))],
      route: '/customers/c-adatum/add-products',
      path: '/customers/:customerId/add-products',
    });
    await chooseDatacenterAndReview(user);
    expect(screen.getByRole('row', { name: /Total/ })).toHaveTextContent(
      'Total (incl. tax)A$65,880.00',
    );
  });

  it('R2, R9: a Sales agent sees Review order disabled with the roles it needs', async () => {
    const user = userEvent.setup();
    renderAddProducts(customer(), [], { me: meOf(['SALES_AGENT']) });
    await user.click(await screen.findByRole('radio', { name: /^Windows Server 2022 Datacenter/ }));
    await user.click(screen.getByRole('button', { name: 'Add to order' }));
    const review = screen.getByRole('button', { name: 'Review order' });
    expect(review).toHaveAttribute('aria-disabled', 'true');
    expect(review).toHaveAccessibleDescription(
      'Needs one of these roles: Admin agent, Global admin',
    );
    await user.click(review);
    await waitFor(() => expect(screen.queryByRole('table', { name: '2. Review' })).toBeNull());
  });

  it('E2: a catalog that cannot load says why, in the chosen language', async () => {
    renderWithProviders(<AddProducts />, {
      mocks: [
        {
          request: { query: CatalogDocument, variables: { customerId: 'c-1' } },
          result: graphQLError('DATABASE_UNAVAILABLE'),
        },
      ],
      route: '/customers/c-1/add-products',
      path: '/customers/:customerId/add-products',
      language: 'ko',
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '지금은 데이터베이스에 연결할 수 없습니다.',
    );
  });

  it('issue 14: a customer that does not exist (or is another partner’s) is a not-found page', async () => {
    renderWithProviders(<AddProducts />, {
      mocks: [
        {
          request: { query: CatalogDocument, variables: { customerId: 'nope' } },
          result: graphQLError('NOT_FOUND', { resource: 'customer' }),
        },
      ],
      route: '/customers/nope/add-products',
      path: '/customers/:customerId/add-products',
      language: 'ko',
    });
    expect(
      await screen.findByText(/이 고객이 없거나 귀사의 고객이 아닙니다\./),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: '고객 목록으로 돌아가기' })).toHaveAttribute(
      'href',
      '/customers',
    );
  });
});
