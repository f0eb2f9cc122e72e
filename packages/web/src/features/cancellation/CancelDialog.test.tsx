import {
  cancellationState,
  creditPreview,
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  money as domainMoney,
  termsAtPurchase,
  timeRemaining,
  type CurrencyCode,
  type ProductKind,
  type TermYears,
} from '@csp/domain';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { graphQLError, meOf, money } from '../../test/factories';
import { renderWithProviders } from '../../test/render';
import { CancelButton } from './CancelButton';
import { CancelPage } from './CancelPage';
import { CancelDialog } from './CancelDialog';
import { CancellationOptionsDocument, CancelPurchaseDocument } from './useCancellation';

/**
 * The Cancel dialog against a fake server that decides like the real one (the domain's rules at
 * the fake clock), so the live countdown can be watched crossing days and the deadline.
 */

const NOW = new Date('2026-11-24T03:00:00.000Z');
const CUSTOMER = {
  __typename: 'Customer' as const,
  id: 'c-1',
  name: 'Hanbit Soft',
  domain: 'hanbitsoft.co.kr',
  tenantId: '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e04',
  market: 'KR',
  currency: 'KRW',
};

interface FakeOrder {
  id: string;
  kind: ProductKind;
  purchasedAt: Date;
  termYears: TermYears;
  amountMinor: number;
  currency: CurrencyCode;
  cancelledAt?: Date;
}

const PRODUCT_NAMES: Record<ProductKind, string> = {
  PERPETUAL_SOFTWARE: 'Office LTSC Professional Plus 2024',
  SERVER_SUBSCRIPTION: 'Windows Server 2022 Datacenter',
  AZURE_RESERVATION: 'Azure Reserved VM Instance, D2s v5',
  WINDOWS_7_ESU: 'Windows 7 Extended Security Updates 2020',
  LINUX_SOFTWARE_PLAN: 'SUSE Linux Enterprise Server software plan in Azure',
};

/** A fake server: its orders, what it answers at the (fake) current time, and its requests. */
function fakeServer(orders: FakeOrder[], productId = 'p-1') {
  const state = { orders, optionRequests: 0, serverOffsetMs: 0, answerAfterMs: 0 };
  const kind = orders[0]!.kind;
  const optionOf = (o: FakeOrder, now: Date) => {
    const terms = termsAtPurchase(o.kind, o.purchasedAt);
    const line = {
      terms,
      purchasedAt: o.purchasedAt,
      termYears: o.termYears,
      charged: domainMoney(o.amountMinor, o.currency),
      cancelledAt: o.cancelledAt ?? null,
    };
    const s = cancellationState(line, now);
    const remaining = timeRemaining(s === 'OPEN' ? terms.cancellableUntil : null, now);
    const credit = creditPreview(line, now);
    return {
      __typename: 'CancellationOption',
      order: {
        __typename: 'Order',
        id: o.id,
        purchasedAt: o.purchasedAt.toISOString(),
        status: o.cancelledAt ? 'CANCELLED' : 'COMPLETED',
        total: money(o.amountMinor, o.currency),
      },
      lines: [
        {
          __typename: 'OrderLine',
          id: `${o.id}-line`,
          termYears: o.termYears,
          purchasedAt: o.purchasedAt.toISOString(),
          skuName: '1 licence',
          status: o.cancelledAt ? 'CANCELLED' : 'ACTIVE',
          quantity: o.cancelledAt ? 0 : 1,
          purchasedQuantity: 1,
          cancelledAt: o.cancelledAt?.toISOString() ?? null,
          cancellationPolicy: terms.policy,
          cancellableUntil: terms.cancellableUntil?.toISOString() ?? null,
          windowDays: terms.windowDays,
          amount: money(o.amountMinor, o.currency),
        },
      ],
      state: s,
      cancellableUntil: terms.cancellableUntil?.toISOString() ?? null,
      windowDays: terms.windowDays,
      daysRemaining: remaining.daysRemaining,
      lastDay: remaining.lastDay,
      hoursRemaining: remaining.hours,
      minutesRemaining: remaining.minutes,
      credit: credit ? money(credit.credit.amountMinor, credit.credit.currency) : null,
      creditMethod: credit?.method ?? null,
      charged: money(o.amountMinor, o.currency),
    };
  };
  const optionsMock = {
    request: { query: CancellationOptionsDocument, variables: { customerId: 'c-1', productId } },
    maxUsageCount: Number.POSITIVE_INFINITY,
    delay: () => state.answerAfterMs,
    result: () => {
      state.optionRequests += 1;
      const now = new Date(Date.now() + state.serverOffsetMs);
      return {
        data: {
          customer: CUSTOMER,
          cancellationOptions: {
            __typename: 'CancellationOptions',
            serverTime: now.toISOString(),
            product: { __typename: 'ProductRef', id: productId, name: PRODUCT_NAMES[kind], kind },
            orders: state.orders.map((o) => optionOf(o, now)),
          },
        },
      };
    },
  };
  return { state, optionsMock, optionOf };
}

const ago = (ms: number) => new Date(NOW.getTime() - ms);

function renderDialog(
  mocks: object[],
  props: { orderId: string; productId?: string; onCancelled?: () => void },
  me = meOf(['ADMIN_AGENT']),
) {
  const onClose = vi.fn();
  const view = renderWithProviders(
    <CancelDialog
      customerId="c-1"
      productId={props.productId ?? 'p-1'}
      productName="Product"
      orderId={props.orderId}
      onCancelled={props.onCancelled}
      onClose={onClose}
    />,
    {
      mocks: mocks as never,
      me,
      route: '/customers/c-1/software',
      path: '/customers/:customerId/software',
      extraRoutes: (
        <>
          <Route path="/support/new" element={<p>Report a problem page</p>} />
          <Route path="/customers/:customerId/orders" element={<p>Order history page</p>} />
        </>
      ),
    },
  );
  return { ...view, onClose };
}

/** Lets the fake clock run (timers due in `ms` fire), inside act so React renders. */
async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

const status = () => screen.getByTestId('cancel-status');
const submit = () => screen.getByRole('button', { name: 'Submit' });
const liveRegion = () => document.querySelector('[aria-live="polite"][aria-atomic="true"]')!;
const acknowledge = () =>
  screen.getByRole('checkbox', { name: /I have read the Important notice/ });

beforeAll(async () => {
  // The dialog is lazy in the app; loaded here once so the fake clock has nothing real to wait for.
  await import('./CancelDialog');
});

beforeEach(() => {
  // Testing Library drains its act() queue with a timer; it advances fake timers through `jest`.
  (globalThis as { jest?: unknown }).jest = {
    advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms),
  };
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { jest?: unknown }).jest;
});

function user() {
  return userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
}

describe('Cancel dialog', () => {
  it('C2, C7: an open order shows the product, its orders, N days remaining and the deadline in local time', async () => {
    const { optionsMock } = fakeServer([
      {
        id: 'ORD7DAYS',
        kind: 'PERPETUAL_SOFTWARE',
        purchasedAt: ago(7 * DAY_MS),
        termYears: null,
        amountMinor: 1_767_00,
        currency: 'USD',
      },
      {
        id: 'ORD61DAYS',
        kind: 'PERPETUAL_SOFTWARE',
        purchasedAt: ago(61 * DAY_MS),
        termYears: null,
        amountMinor: 589_00,
        currency: 'USD',
      },
    ]);
    renderDialog([optionsMock], { orderId: 'ORD7DAYS' });
    await advance(0);

    const dialog = screen.getByRole('dialog', { name: 'Cancel a purchase' });
    expect(dialog).toHaveTextContent('Office LTSC Professional Plus 2024');
    const orders = screen.getByRole('combobox', { name: 'Order number' });
    expect(orders).toHaveValue('ORD7DAYS');
    const options = within(orders).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'ORD7DAYS · purchased Nov 17, 2026 · 53 days left to cancel',
      'ORD61DAYS · purchased Sep 24, 2026 · window passed',
    ]);
    expect(status()).toHaveTextContent('53 days remaining to cancel');
    // The deadline in the user's time zone (UTC in the tests), 60 × 24 h after the purchase.
    expect(status()).toHaveTextContent(
      'You can cancel this order until Jan 16, 2027, 03:00 AM UTC.',
    );
    expect(screen.getByRole('link', { name: 'View in Order history' })).toHaveAttribute(
      'href',
      '/customers/c-1/orders?order=ORD7DAYS',
    );
    expect(screen.getByText('Important')).toBeInTheDocument();
    expect(dialog).toHaveTextContent(
      'All related software keys and download links will be revoked',
    );
  });

  it('C7: Submit stays disabled until the Important notice is acknowledged', async () => {
    const { optionsMock } = fakeServer([
      {
        id: 'ORD7DAYS',
        kind: 'PERPETUAL_SOFTWARE',
        purchasedAt: ago(7 * DAY_MS),
        termYears: null,
        amountMinor: 1_767_00,
        currency: 'USD',
      },
    ]);
    renderDialog([optionsMock], { orderId: 'ORD7DAYS' });
    await advance(0);
    expect(submit()).toBeDisabled();
    expect(submit()).toHaveAccessibleDescription(
      'Tick the box to confirm you have read the Important notice.',
    );
    await user().click(acknowledge());
    expect(submit()).toBeEnabled();
    await user().click(acknowledge());
    expect(submit()).toBeDisabled();
  });

  it('C2: on the last day it shows hours and minutes, counting down every second', async () => {
    const { optionsMock } = fakeServer([
      {
        id: 'ORDLASTDAY',
        kind: 'AZURE_RESERVATION',
        purchasedAt: ago(59 * DAY_MS + 20 * HOUR_MS),
        termYears: 1,
        amountMinor: 2_214_00,
        currency: 'EUR',
      },
    ]);
    renderDialog([optionsMock], { orderId: 'ORDLASTDAY' });
    await advance(0);
    expect(status()).toHaveTextContent('Last day: 4 h 0 min remaining to cancel');
    await advance(1);
    expect(status()).toHaveTextContent('Last day: 3 h 59 min remaining to cancel');
    await advance(59_999);
    expect(status()).toHaveTextContent('Last day: 3 h 59 min remaining to cancel');
    await advance(1);
    expect(status()).toHaveTextContent('Last day: 3 h 58 min remaining to cancel');
    // The option says it too.
    expect(screen.getByRole('option', { name: /ORDLASTDAY/ })).toHaveTextContent(
      'last day to cancel',
    );
  });

  it('C2, C7: the live countdown crosses a day boundary by itself (2 days → 1 day), announced once', async () => {
    const { optionsMock } = fakeServer([
      {
        id: 'ORDTWODAYS',
        kind: 'SERVER_SUBSCRIPTION',
        // 1 day and 30 s before the deadline: 2 days remaining.
        purchasedAt: ago(59 * DAY_MS - 30_000),
        termYears: 1,
        amountMinor: 12_200_00,
        currency: 'USD',
      },
    ]);
    renderDialog([optionsMock], { orderId: 'ORDTWODAYS' });
    await advance(0);
    expect(status()).toHaveTextContent('2 days remaining to cancel');
    expect(liveRegion()).toHaveTextContent('2 days remaining to cancel order ORDTWODAYS.');

    await advance(30_000);
    expect(status()).toHaveTextContent('2 days remaining to cancel');
    // The last day begins: 23 h 59 min 59.999 s left.
    await advance(1);
    expect(status()).toHaveTextContent('Last day: 23 h 59 min remaining to cancel');
    expect(liveRegion()).toHaveTextContent(
      'Last day to cancel order ORDTWODAYS: until Nov 25, 2026, 03:00 AM UTC.',
    );

    // The minutes tick on screen; what screen readers hear stays the same (no announcement).
    const announced = liveRegion().textContent;
    await advance(60_000);
    expect(status()).toHaveTextContent('Last day: 23 h 58 min remaining to cancel');
    expect(liveRegion().textContent).toBe(announced);
  });

  it('C2, C4, C7: crossing the deadline turns it to “window passed” and Submit disables', async () => {
    const { optionsMock } = fakeServer([
      {
        id: 'ORDENDING',
        kind: 'PERPETUAL_SOFTWARE',
        purchasedAt: ago(60 * DAY_MS - 90_000), // 90 s left
        termYears: null,
        amountMinor: 1_767_00,
        currency: 'USD',
      },
    ]);
    renderDialog([optionsMock], { orderId: 'ORDENDING' });
    await advance(0);
    expect(status()).toHaveTextContent('Last day: 1 min remaining to cancel');
    expect(liveRegion()).toHaveTextContent('Less than an hour remains to cancel order ORDENDING.');
    await user().click(acknowledge());
    expect(submit()).toBeEnabled();

    await advance(60_000);
    expect(status()).toHaveTextContent('Last day: less than a minute remaining to cancel');
    await advance(29_999);
    expect(status()).toHaveTextContent('Last day: less than a minute remaining to cancel');
    expect(submit()).toBeEnabled();
    // The deadline: closed from its first millisecond on (C2: open while now < cancellableUntil).
    await advance(1);
    expect(status()).toHaveTextContent('The cancellation window has passed');
    expect(status()).toHaveTextContent('(it ended Nov 24, 2026, 03:01 AM UTC)');
    expect(submit()).toBeDisabled();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(liveRegion()).toHaveTextContent(
      'The cancellation window for order ORDENDING has passed.',
    );
    expect(screen.getByRole('option', { name: /ORDENDING/ })).toHaveTextContent('window passed');
  });

  it('C4: an order past its window says so, with the date it ended, and cannot be submitted', async () => {
    const { optionsMock } = fakeServer([
      {
        id: 'ORD61DAYS',
        kind: 'SERVER_SUBSCRIPTION',
        purchasedAt: ago(61 * DAY_MS),
        termYears: 1,
        amountMinor: 1_950_00,
        currency: 'AUD',
      },
    ]);
    renderDialog([optionsMock], { orderId: 'ORD61DAYS' });
    await advance(0);
    expect(status()).toHaveTextContent('The cancellation window has passed');
    expect(status()).toHaveTextContent(
      'The cancellation window for this order has passed (it ended Nov 23, 2026, 03:00 AM UTC). After 60 days, a purchase can no longer be cancelled.',
    );
    expect(screen.queryByTestId('cancel-credit')).not.toBeInTheDocument();
    expect(submit()).toBeDisabled();
    expect(submit()).toHaveAccessibleDescription(
      'The cancellation window of this order has passed.',
    );
  });

  it('C5, S1: Windows 7 ESU leads to a customer support request, with customer, order and product filled in', async () => {
    const { optionsMock } = fakeServer(
      [
        {
          id: 'ORDESU',
          kind: 'WINDOWS_7_ESU',
          purchasedAt: ago(45 * DAY_MS),
          termYears: null,
          amountMinor: 2_440_00,
          currency: 'USD',
        },
      ],
      'windows-7-esu-2020',
    );
    renderDialog([optionsMock], { orderId: 'ORDESU', productId: 'windows-7-esu-2020' });
    await advance(0);
    expect(status()).toHaveTextContent('Cancel through a customer support request');
    const link = within(status()).getByRole('link', { name: 'customer support request' });
    const url = new URL(link.getAttribute('href')!, 'http://localhost');
    expect(url.pathname).toBe('/support/new');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      problemType: 'CSP_PURCHASE_REFUND',
      customerId: 'c-1',
      orderId: 'ORDESU',
      productId: 'windows-7-esu-2020',
      productName: 'Windows 7 Extended Security Updates 2020',
      tenantOrDomain: CUSTOMER.tenantId,
      amount: '2440.00',
    });
    expect(submit()).toBeDisabled();
    await user().click(link);
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/support/new?problemType=CSP_PURCHASE_REFUND',
    );
  });

  it('C6: a SUSE plan says it cannot be cancelled or exchanged', async () => {
    const { optionsMock } = fakeServer([
      {
        id: 'ORDSUSE',
        kind: 'LINUX_SOFTWARE_PLAN',
        purchasedAt: ago(10 * DAY_MS),
        termYears: 1,
        amountMinor: 1_314_00,
        currency: 'BRL',
      },
    ]);
    renderDialog([optionsMock], { orderId: 'ORDSUSE' });
    await advance(0);
    expect(status()).toHaveTextContent('This plan cannot be cancelled');
    expect(status()).toHaveTextContent(
      'SUSE Linux and Red Hat software plans in Azure cannot be cancelled or exchanged.',
    );
    expect(screen.getByRole('option', { name: /ORDSUSE/ })).toHaveTextContent(
      'cannot be cancelled',
    );
    expect(submit()).toBeDisabled();
  });

  it('C10: an order already cancelled says when', async () => {
    const { optionsMock } = fakeServer([
      {
        id: 'ORDDONE',
        kind: 'PERPETUAL_SOFTWARE',
        purchasedAt: ago(7 * DAY_MS),
        termYears: null,
        amountMinor: 1_767_00,
        currency: 'USD',
        cancelledAt: ago(2 * DAY_MS),
      },
    ]);
    renderDialog([optionsMock], { orderId: 'ORDDONE' });
    await advance(0);
    expect(status()).toHaveTextContent(
      'This order was already cancelled on Nov 22, 2026, 03:00 AM UTC. Its keys and download links are revoked.',
    );
    expect(submit()).toBeDisabled();
  });

  it('C9: the credit preview: 100 % for perpetual software', async () => {
    const { optionsMock } = fakeServer([
      {
        id: 'ORD7DAYS',
        kind: 'PERPETUAL_SOFTWARE',
        purchasedAt: ago(7 * DAY_MS),
        termYears: null,
        amountMinor: 1_767_00,
        currency: 'USD',
      },
    ]);
    renderDialog([optionsMock], { orderId: 'ORD7DAYS' });
    await advance(0);
    expect(screen.getByTestId('cancel-credit')).toHaveTextContent(
      '100 % credit of $1,767.00 on your next invoice',
    );
  });

  it('C9, M4: the prorated credit in KRW has no decimals and shrinks live as a day is used', async () => {
    const { optionsMock } = fakeServer([
      {
        id: 'ORDKRW',
        kind: 'AZURE_RESERVATION',
        // 10 days used of 365, 1 minute before the 11th begins.
        purchasedAt: ago(10 * DAY_MS - MINUTE_MS),
        termYears: 1,
        amountMinor: 1_825_000,
        currency: 'KRW',
      },
    ]);
    renderDialog([optionsMock], { orderId: 'ORDKRW' });
    await advance(0);
    // 1,825,000 × 355 / 365 = 1,775,000
    expect(screen.getByTestId('cancel-credit')).toHaveTextContent(
      'Prorated credit of ₩1,775,000 for 355 unused days on your next invoice',
    );
    await advance(MINUTE_MS);
    expect(screen.getByTestId('cancel-credit')).toHaveTextContent('₩1,775,000 for 355 unused days');
    // A begun day counts as used: 1 ms later the 11th day has begun.
    await advance(1);
    // 1,825,000 × 354 / 365 = 1,770,000
    expect(screen.getByTestId('cancel-credit')).toHaveTextContent(
      'Prorated credit of ₩1,770,000 for 354 unused days on your next invoice',
    );
  });

  it('C2: the countdown runs on the server’s clock (serverTime), not a wrong client clock', async () => {
    const { optionsMock, state } = fakeServer([
      {
        id: 'ORDCLOCK',
        kind: 'PERPETUAL_SOFTWARE',
        purchasedAt: ago(60 * DAY_MS - 30 * MINUTE_MS), // 30 min left by this clock
        termYears: null,
        amountMinor: 1_767_00,
        currency: 'USD',
      },
    ]);
    // The server's clock is 20 minutes ahead of this PC's: only 10 minutes are really left.
    state.serverOffsetMs = 20 * MINUTE_MS;
    renderDialog([optionsMock], { orderId: 'ORDCLOCK' });
    await advance(0);
    expect(status()).toHaveTextContent('Last day: 10 min remaining to cancel');
    await advance(10 * MINUTE_MS);
    expect(status()).toHaveTextContent('The cancellation window has passed');
    expect(submit()).toBeDisabled();
  });

  it('C7: refreshed from the server when opened and every minute while open', async () => {
    const { optionsMock, state } = fakeServer([
      {
        id: 'ORD7DAYS',
        kind: 'PERPETUAL_SOFTWARE',
        purchasedAt: ago(7 * DAY_MS),
        termYears: null,
        amountMinor: 1_767_00,
        currency: 'USD',
      },
    ]);
    renderDialog([optionsMock], { orderId: 'ORD7DAYS' });
    await advance(0);
    expect(state.optionRequests).toBe(1);
    // Someone else cancels it meanwhile: the next refresh shows it.
    state.orders[0]!.cancelledAt = new Date();
    await advance(59_000);
    expect(state.optionRequests).toBe(1);
    await advance(1_001); // the minute is up; the answer comes right after
    expect(state.optionRequests).toBe(2);
    expect(status()).toHaveTextContent('Already cancelled');
  });

  it('C4, E2: a refusal from the server (window closed while open) shows in plain words', async () => {
    const { optionsMock } = fakeServer([
      {
        id: 'ORD7DAYS',
        kind: 'PERPETUAL_SOFTWARE',
        purchasedAt: ago(7 * DAY_MS),
        termYears: null,
        amountMinor: 1_767_00,
        currency: 'USD',
      },
    ]);
    const refusal = {
      request: {
        query: CancelPurchaseDocument,
        variables: {
          input: { customerId: 'c-1', productId: 'p-1', orderId: 'ORD7DAYS', acknowledged: true },
        },
      },
      delay: 0,
      result: graphQLError('CANCELLATION_WINDOW_CLOSED', {
        windowDays: 60,
        cancellableUntil: '2026-11-24T02:59:00.000Z',
      }),
    };
    renderDialog([optionsMock, refusal], { orderId: 'ORD7DAYS' });
    await advance(0);
    await user().click(acknowledge());
    await user().click(submit());
    await advance(0);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The order was not cancelled');
    expect(alert).toHaveTextContent(
      'You have passed your 60-day cancellation window (it ended Nov 24, 2026, 02:59 AM UTC).',
    );
  });

  it('C7, C8, C9: success confirms the order, the credit and the invoice, and the next order can be chosen', async () => {
    const { optionsMock, state } = fakeServer([
      {
        id: 'ORDFIRST',
        kind: 'PERPETUAL_SOFTWARE',
        purchasedAt: ago(7 * DAY_MS),
        termYears: null,
        amountMinor: 1_767_00,
        currency: 'USD',
      },
      {
        id: 'ORDSECOND',
        kind: 'PERPETUAL_SOFTWARE',
        purchasedAt: ago(30 * DAY_MS),
        termYears: null,
        amountMinor: 589_00,
        currency: 'USD',
      },
    ]);
    const cancelled = {
      request: {
        query: CancelPurchaseDocument,
        variables: {
          input: { customerId: 'c-1', productId: 'p-1', orderId: 'ORDFIRST', acknowledged: true },
        },
      },
      delay: 0,
      result: () => {
        state.orders[0]!.cancelledAt = new Date();
        return {
          data: {
            cancelPurchase: {
              __typename: 'CancelPurchasePayload',
              order: { __typename: 'Order', id: 'ORDFIRST', status: 'CANCELLED' },
              cancelledLines: [
                {
                  __typename: 'OrderLine',
                  id: 'ORDFIRST-line',
                  status: 'CANCELLED',
                  quantity: 0,
                  cancelledAt: new Date().toISOString(),
                },
              ],
              credit: money(1_767_00, 'USD'),
              creditMethod: 'FULL',
              creditInvoice: { __typename: 'Invoice', id: 'inv-1', period: '2026-11' },
              cancelledAt: new Date().toISOString(),
            },
          },
        };
      },
    };
    const onCancelled = vi.fn();
    renderDialog([optionsMock, cancelled], { orderId: 'ORDFIRST', onCancelled });
    await advance(0);
    await user().click(acknowledge());
    state.answerAfterMs = 2_000; // the refresh after the cancellation is slow
    await user().click(submit());
    await advance(0);

    // Shown at once, before the refresh: the cancelled lines are in the cache already.
    expect(screen.getByRole('option', { name: /ORDFIRST/ })).toHaveTextContent('cancelled');
    expect(status()).toHaveTextContent('Already cancelled');
    await advance(2_000);
    const confirmation = screen.getByRole('status');
    expect(confirmation).toHaveTextContent('Order ORDFIRST was cancelled');
    expect(confirmation).toHaveTextContent(
      'A 100 % credit of $1,767.00 is on your next monthly invoice (November 2026).',
    );
    expect(confirmation).toHaveFocus();
    expect(onCancelled).toHaveBeenCalledTimes(1);
    // The drop-down shows the new state; the next order can be chosen and cancelled.
    expect(screen.getByRole('option', { name: /ORDFIRST/ })).toHaveTextContent('cancelled');
    expect(status()).toHaveTextContent('Already cancelled');
    await user().selectOptions(screen.getByRole('combobox', { name: 'Order number' }), 'ORDSECOND');
    expect(status()).toHaveTextContent('30 days remaining to cancel');
    expect(acknowledge()).not.toBeChecked();
  });

  it('E1: the dialog speaks Korean, with Korean dates and money', async () => {
    const { optionsMock } = fakeServer([
      {
        id: 'ORDKRW',
        kind: 'AZURE_RESERVATION',
        purchasedAt: ago(10 * DAY_MS),
        termYears: 1,
        amountMinor: 1_825_000,
        currency: 'KRW',
      },
    ]);
    renderWithProviders(
      <CancelDialog
        customerId="c-1"
        productId="p-1"
        productName="Product"
        orderId="ORDKRW"
        onClose={() => undefined}
      />,
      { mocks: [optionsMock], language: 'ko' },
    );
    await advance(0);
    expect(screen.getByRole('dialog', { name: '구매 취소' })).toBeInTheDocument();
    expect(status()).toHaveTextContent('취소 가능 기간 50일 남음');
    expect(screen.getByTestId('cancel-credit')).toHaveTextContent(
      '다음 청구서에 사용하지 않은 355일에 대한 ₩1,775,000의 비례 크레딧',
    );
    expect(screen.getByRole('button', { name: '제출' })).toBeDisabled();
  });
});

describe('Cancel button', () => {
  it('R5, R9: only Admin agents may cancel; others see Cancel disabled with the missing role', () => {
    renderWithProviders(
      <CancelButton customerId="c-1" productId="p-1" productName="Office" orderId="ORD1" />,
      { me: meOf(['GLOBAL_ADMIN']) },
    );
    const button = screen.getByRole('button', { name: 'Cancel Office, order ORD1' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription('Needs one of these roles: Admin agent');
    expect(screen.getByText('Needs one of these roles: Admin agent')).toBeVisible();
  });

  it('C7, R5: an Admin agent opens the Cancel dialog with the line’s order chosen', async () => {
    const { optionsMock } = fakeServer([
      {
        id: 'ORD7DAYS',
        kind: 'PERPETUAL_SOFTWARE',
        purchasedAt: ago(7 * DAY_MS),
        termYears: null,
        amountMinor: 1_767_00,
        currency: 'USD',
      },
    ]);
    renderWithProviders(
      <CancelButton
        customerId="c-1"
        productId="p-1"
        productName="Office LTSC Professional Plus 2024"
        orderId="ORD7DAYS"
      />,
      { mocks: [optionsMock] },
    );
    await user().click(
      screen.getByRole('button', {
        name: 'Cancel Office LTSC Professional Plus 2024, order ORD7DAYS',
      }),
    );
    await advance(0);
    await advance(0);
    expect(screen.getByRole('dialog', { name: 'Cancel a purchase' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Order number' })).toHaveValue('ORD7DAYS');
    await user().click(screen.getByRole('button', { name: 'Close' }));
    await advance(1_000);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('C7: the dialog’s own address opens it for the product and order it names', async () => {
    const { optionsMock } = fakeServer([
      {
        id: 'ORD7DAYS',
        kind: 'PERPETUAL_SOFTWARE',
        purchasedAt: ago(7 * DAY_MS),
        termYears: null,
        amountMinor: 1_767_00,
        currency: 'USD',
      },
    ]);
    renderWithProviders(<CancelPage />, {
      mocks: [optionsMock],
      route: '/customers/c-1/cancel?productId=p-1&orderId=ORD7DAYS&productName=Office',
      path: '/customers/:customerId/cancel',
    });
    await advance(0);
    await advance(0);
    expect(screen.getByRole('dialog', { name: 'Cancel a purchase' })).toBeInTheDocument();
    expect(status()).toHaveTextContent('53 days remaining to cancel');
  });
});
