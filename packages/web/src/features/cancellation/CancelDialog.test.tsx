import { DAY_MS, HOUR_MS, MINUTE_MS } from '@csp/domain';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { meOf } from '../../test/factories';
import { realApiLink, startInProcessApi, type InProcessApi } from '../../test/real-api';
import { renderWithProviders } from '../../test/render';
import { CancelButton } from './CancelButton';
import { CancelPage } from './CancelPage';
import { CancelDialog } from './CancelDialog';

/**
 * The Cancel dialog against the real API (schema, resolvers, services and the domain's rules) in
 * this process over an in-memory SQLite database. The API's clock follows the test's fake clock,
 * so the live countdown can be watched crossing days and the deadline, and a rule change in the
 * domain or the API shows here. Each test makes its own partner, customer and orders.
 */

const NOW = new Date('2026-11-24T03:00:00.000Z');

const OFFICE = 'office-ltsc-professional-plus-2024';
const SERVER = 'windows-server-2022-datacenter';
const RESERVATION = 'azure-reserved-vm-d2s-v5';
const ESU = 'windows-7-esu-2020';
const SUSE = 'suse-linux-enterprise-server-plan';

/** The server's clock: the fake clock, plus an offset when a test puts it ahead. */
const serverClock = { offsetMs: 0, now: () => new Date(Date.now() + serverClock.offsetMs) };
let api: InProcessApi;

interface Tenant {
  token: string;
  customerId: string;
  tenantId: string;
}

const PLACE_ORDER = `
  mutation PlaceOrder($i: PlaceOrderInput!) {
    placeOrder(input: $i) {
      id
    }
  }
`;
const CANCEL = `
  mutation Cancel($input: CancelPurchaseInput!) {
    cancelPurchase(input: $input) {
      cancelledAt
    }
  }
`;

async function tenant(market = 'US'): Promise<Tenant> {
  return api.createTenant({ market, roles: ['ADMIN_AGENT'], customerName: 'Hanbit Soft' });
}

/** Runs `work` with the server's clock at `instant`. */
async function atServerTime<T>(instant: Date, work: () => Promise<T>): Promise<T> {
  const saved = serverClock.offsetMs;
  serverClock.offsetMs = instant.getTime() - Date.now();
  try {
    return await work();
  } finally {
    serverClock.offsetMs = saved;
  }
}

/** Buys `quantity` of a SKU through the API as if at `purchasedAt`; answers the order number. */
async function buy(t: Tenant, skuId: string, quantity: number, purchasedAt: Date) {
  const result = await atServerTime(purchasedAt, () =>
    api.execute({
      document: PLACE_ORDER,
      variables: {
        i: {
          customerId: t.customerId,
          idempotencyKey: crypto.randomUUID(),
          lines: [{ skuId, quantity }],
        },
      },
      token: t.token,
    }),
  );
  const order = (result.data as { placeOrder?: { id: string } } | null)?.placeOrder;
  if (!order) throw new Error(`placeOrder failed: ${JSON.stringify(result.errors)}`);
  return order.id;
}

/** Cancels an order through the API as someone else would, at `at`. */
async function cancelElsewhere(t: Tenant, productId: string, orderId: string, at: Date) {
  const result = await atServerTime(at, () =>
    api.execute({
      document: CANCEL,
      variables: { input: { customerId: t.customerId, productId, orderId, acknowledged: true } },
      token: t.token,
    }),
  );
  if (result.errors) throw new Error(`cancelPurchase failed: ${JSON.stringify(result.errors)}`);
}

const ago = (ms: number) => new Date(NOW.getTime() - ms);

/** What the dialog asked the API, and how long its refreshes take to answer. */
function apiTraffic() {
  return { optionRequests: 0, optionsAnswerAfterMs: 0 };
}

function linkFor(t: Tenant, traffic = apiTraffic()) {
  return realApiLink(api, t.token, {
    answerAfterMs: (name) => (name === 'CancellationOptions' ? traffic.optionsAnswerAfterMs : 0),
    onRequest: (name) => {
      if (name === 'CancellationOptions') traffic.optionRequests += 1;
    },
  });
}

function renderDialog(
  t: Tenant,
  props: { orderId: string; productId: string; onCancelled?: () => void },
  traffic = apiTraffic(),
) {
  const onClose = vi.fn();
  const view = renderWithProviders(
    <CancelDialog
      customerId={t.customerId}
      productId={props.productId}
      productName="Product"
      orderId={props.orderId}
      onCancelled={props.onCancelled}
      onClose={onClose}
    />,
    {
      link: linkFor(t, traffic),
      me: meOf(['ADMIN_AGENT']),
      route: `/customers/${t.customerId}/software`,
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
  api = await startInProcessApi({ clock: serverClock });
});

afterAll(async () => {
  await api.close();
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
  serverClock.offsetMs = 0;
});

afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { jest?: unknown }).jest;
});

function user() {
  return userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
}

describe('Cancel dialog (real API)', () => {
  it('C2, C7: an open order shows the product, its orders, N days remaining and the deadline in local time', async () => {
    const t = await tenant('US');
    const recent = await buy(t, `${OFFICE}:perpetual`, 3, ago(7 * DAY_MS));
    const old = await buy(t, `${OFFICE}:perpetual`, 1, ago(61 * DAY_MS));
    renderDialog(t, { orderId: recent, productId: OFFICE });
    await advance(0);

    const dialog = screen.getByRole('dialog', { name: 'Cancel a purchase' });
    expect(dialog).toHaveTextContent('Office LTSC Professional Plus 2024');
    const orders = screen.getByRole('combobox', { name: 'Order number' });
    expect(orders).toHaveValue(recent);
    const options = within(orders).getAllByRole('option');
    // Newest first; 60 − 7 = 53 days left. The state before the date: on a phone the closed
    // drop-down cuts its text short, and the days left matter more (issue 14).
    expect(options.map((o) => o.textContent)).toEqual([
      `${recent} · 53 days left to cancel · purchased Nov 17, 2026`,
      `${old} · window passed · purchased Sep 24, 2026`,
    ]);
    expect(status()).toHaveTextContent('53 days remaining to cancel');
    // The deadline in the user's time zone (UTC in the tests), 60 × 24 h after the purchase.
    expect(status()).toHaveTextContent(
      'You can cancel this order until Jan 16, 2027, 03:00 AM UTC.',
    );
    expect(screen.getByRole('link', { name: 'View in Order history' })).toHaveAttribute(
      'href',
      `/customers/${t.customerId}/orders?order=${recent}`,
    );
    expect(screen.getByText('Important')).toBeInTheDocument();
    expect(dialog).toHaveTextContent(
      'All related software keys and download links will be revoked',
    );
  });

  it('C7: Submit stays disabled until the Important notice is acknowledged', async () => {
    const t = await tenant('US');
    const order = await buy(t, `${OFFICE}:perpetual`, 1, ago(7 * DAY_MS));
    renderDialog(t, { orderId: order, productId: OFFICE });
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
    const t = await tenant('DE');
    const order = await buy(t, `${RESERVATION}:1y`, 1, ago(59 * DAY_MS + 20 * HOUR_MS));
    renderDialog(t, { orderId: order, productId: RESERVATION });
    await advance(0);
    expect(status()).toHaveTextContent('Last day: 4 h 0 min remaining to cancel');
    await advance(1);
    expect(status()).toHaveTextContent('Last day: 3 h 59 min remaining to cancel');
    await advance(59_999);
    expect(status()).toHaveTextContent('Last day: 3 h 59 min remaining to cancel');
    await advance(1);
    expect(status()).toHaveTextContent('Last day: 3 h 58 min remaining to cancel');
    // The option says it too.
    expect(screen.getByRole('option', { name: new RegExp(order) })).toHaveTextContent(
      'last day to cancel',
    );
  });

  it('C2, C7: the live countdown crosses a day boundary by itself (2 days → 1 day), announced once', async () => {
    const t = await tenant('US');
    // 1 day and 30 s before the deadline: 2 days remaining.
    const order = await buy(t, `${SERVER}:1y`, 1, ago(59 * DAY_MS - 30_000));
    renderDialog(t, { orderId: order, productId: SERVER });
    await advance(0);
    expect(status()).toHaveTextContent('2 days remaining to cancel');
    expect(liveRegion()).toHaveTextContent(`2 days remaining to cancel order ${order}.`);

    await advance(30_000);
    expect(status()).toHaveTextContent('2 days remaining to cancel');
    // The last day begins: 23 h 59 min 59.999 s left.
    await advance(1);
    expect(status()).toHaveTextContent('Last day: 23 h 59 min remaining to cancel');
    expect(liveRegion()).toHaveTextContent(
      `Last day to cancel order ${order}: until Nov 25, 2026, 03:00 AM UTC.`,
    );

    // The minutes tick on screen; what screen readers hear stays the same (no announcement).
    const announced = liveRegion().textContent;
    await advance(60_000);
    expect(status()).toHaveTextContent('Last day: 23 h 58 min remaining to cancel');
    expect(liveRegion().textContent).toBe(announced);
  });

  it('C2, C4, C7: crossing the deadline turns it to “window passed” and Submit disables', async () => {
    const t = await tenant('US');
    const order = await buy(t, `${OFFICE}:perpetual`, 1, ago(60 * DAY_MS - 90_000)); // 90 s left
    renderDialog(t, { orderId: order, productId: OFFICE });
    await advance(0);
    expect(status()).toHaveTextContent('Last day: 1 min remaining to cancel');
    expect(liveRegion()).toHaveTextContent(`Less than an hour remains to cancel order ${order}.`);
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
      `The cancellation window for order ${order} has passed.`,
    );
    expect(screen.getByRole('option', { name: new RegExp(order) })).toHaveTextContent(
      'window passed',
    );
  });

  it('C4: an order past its window says so, with the date it ended, and cannot be submitted', async () => {
    const t = await tenant('AU');
    const order = await buy(t, `${SERVER}:1y`, 1, ago(61 * DAY_MS));
    renderDialog(t, { orderId: order, productId: SERVER });
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
    const t = await tenant('US');
    const order = await buy(t, `${ESU}:perpetual`, 1, ago(45 * DAY_MS));
    renderDialog(t, { orderId: order, productId: ESU });
    await advance(0);
    expect(status()).toHaveTextContent('Cancel through a customer support request');
    const link = within(status()).getByRole('link', { name: 'customer support request' });
    const url = new URL(link.getAttribute('href')!, 'http://localhost');
    expect(url.pathname).toBe('/support/new');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      problemType: 'CSP_PURCHASE_REFUND',
      customerId: t.customerId,
      orderId: order,
      productId: ESU,
      productName: 'Windows 7 Extended Security Updates 2020',
      tenantOrDomain: t.tenantId,
      // One device at the US list price of $50.00.
      amount: '50.00',
    });
    expect(submit()).toBeDisabled();
    await user().click(link);
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/support/new?problemType=CSP_PURCHASE_REFUND',
    );
  });

  it('C6: a SUSE plan says it cannot be cancelled or exchanged', async () => {
    const t = await tenant('BR');
    const order = await buy(t, `${SUSE}:1y`, 1, ago(10 * DAY_MS));
    renderDialog(t, { orderId: order, productId: SUSE });
    await advance(0);
    expect(status()).toHaveTextContent('This plan cannot be cancelled');
    expect(status()).toHaveTextContent(
      'SUSE Linux and Red Hat software plans in Azure cannot be cancelled or exchanged.',
    );
    expect(screen.getByRole('option', { name: new RegExp(order) })).toHaveTextContent(
      'cannot be cancelled',
    );
    expect(submit()).toBeDisabled();
  });

  it('C10: an order already cancelled says when', async () => {
    const t = await tenant('US');
    const order = await buy(t, `${OFFICE}:perpetual`, 1, ago(7 * DAY_MS));
    await cancelElsewhere(t, OFFICE, order, ago(2 * DAY_MS));
    renderDialog(t, { orderId: order, productId: OFFICE });
    await advance(0);
    expect(status()).toHaveTextContent(
      'This order was already cancelled on Nov 22, 2026, 03:00 AM UTC. Its keys and download links are revoked.',
    );
    expect(submit()).toBeDisabled();
  });

  it('C9: the credit preview: 100 % for perpetual software', async () => {
    const t = await tenant('US');
    const order = await buy(t, `${OFFICE}:perpetual`, 3, ago(7 * DAY_MS));
    renderDialog(t, { orderId: order, productId: OFFICE });
    await advance(0);
    // 3 devices × $589.00 = $1,767.00, all of it back.
    expect(screen.getByTestId('cancel-credit')).toHaveTextContent(
      '100 % credit of $1,767.00 on your next invoice',
    );
  });

  it('C9, M4: the prorated credit in KRW has no decimals and shrinks live as a day is used', async () => {
    const t = await tenant('KR');
    // 10 days used of 365, 1 minute before the 11th begins. The KR price is ₩1,025,800 a year.
    const order = await buy(t, `${RESERVATION}:1y`, 1, ago(10 * DAY_MS - MINUTE_MS));
    renderDialog(t, { orderId: order, productId: RESERVATION });
    await advance(0);
    // 1,025,800 × 355 / 365 = 364,159,000 / 365 = 997,695.89… → ₩997,696 (half up)
    expect(screen.getByTestId('cancel-credit')).toHaveTextContent(
      'Prorated credit of ₩997,696 for 355 unused days on your next invoice',
    );
    await advance(MINUTE_MS);
    expect(screen.getByTestId('cancel-credit')).toHaveTextContent('₩997,696 for 355 unused days');
    // A begun day counts as used: 1 ms later the 11th day has begun.
    await advance(1);
    // 1,025,800 × 354 / 365 = 363,133,200 / 365 = 994,885.47… → ₩994,885
    expect(screen.getByTestId('cancel-credit')).toHaveTextContent(
      'Prorated credit of ₩994,885 for 354 unused days on your next invoice',
    );
  });

  it('C2: the countdown runs on the server’s clock (serverTime), not a wrong client clock', async () => {
    const t = await tenant('US');
    const order = await buy(t, `${OFFICE}:perpetual`, 1, ago(60 * DAY_MS - 30 * MINUTE_MS)); // 30 min left by this clock
    // The server's clock is 20 minutes ahead of this PC's: only 10 minutes are really left.
    serverClock.offsetMs = 20 * MINUTE_MS;
    renderDialog(t, { orderId: order, productId: OFFICE });
    await advance(0);
    expect(status()).toHaveTextContent('Last day: 10 min remaining to cancel');
    await advance(10 * MINUTE_MS);
    expect(status()).toHaveTextContent('The cancellation window has passed');
    expect(submit()).toBeDisabled();
  });

  it('C7: refreshed from the server when opened and every minute while open', async () => {
    const t = await tenant('US');
    const order = await buy(t, `${OFFICE}:perpetual`, 1, ago(7 * DAY_MS));
    const traffic = apiTraffic();
    renderDialog(t, { orderId: order, productId: OFFICE }, traffic);
    await advance(0);
    expect(traffic.optionRequests).toBe(1);
    // Someone else cancels it meanwhile: the next refresh shows it.
    await cancelElsewhere(t, OFFICE, order, new Date());
    await advance(59_000);
    expect(traffic.optionRequests).toBe(1);
    expect(status()).toHaveTextContent('53 days remaining to cancel');
    await advance(1_001); // the minute is up; the answer comes right after
    expect(traffic.optionRequests).toBe(2);
    expect(status()).toHaveTextContent('Already cancelled');
  });

  it('C4, E2: a refusal from the server (window closed while open) shows in plain words', async () => {
    const t = await tenant('US');
    const order = await buy(t, `${OFFICE}:perpetual`, 1, ago(60 * DAY_MS - 90_000)); // 90 s left
    renderDialog(t, { orderId: order, productId: OFFICE });
    await advance(0);
    await user().click(acknowledge());
    // The server's clock jumps 2 minutes ahead after the dialog loaded: it decides the window closed.
    serverClock.offsetMs = 2 * MINUTE_MS;
    await user().click(submit());
    await advance(0);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The order was not cancelled');
    expect(alert).toHaveTextContent(
      'You have passed your 60-day cancellation window (it ended Nov 24, 2026, 03:01 AM UTC).',
    );
  });

  it('C7, C8, C9: success confirms the order, the credit and the invoice, and the next order can be chosen', async () => {
    const t = await tenant('US');
    const first = await buy(t, `${OFFICE}:perpetual`, 3, ago(7 * DAY_MS));
    const second = await buy(t, `${OFFICE}:perpetual`, 1, ago(30 * DAY_MS));
    const traffic = apiTraffic();
    const onCancelled = vi.fn();
    renderDialog(t, { orderId: first, productId: OFFICE, onCancelled }, traffic);
    await advance(0);
    await user().click(acknowledge());
    traffic.optionsAnswerAfterMs = 2_000; // the refresh after the cancellation is slow
    await user().click(submit());
    await advance(0);

    // Shown at once, before the refresh: the cancelled lines are in the cache already.
    expect(screen.getByRole('option', { name: new RegExp(first) })).toHaveTextContent('cancelled');
    expect(status()).toHaveTextContent('Already cancelled');
    await advance(2_000);
    const confirmation = screen.getByRole('status');
    expect(confirmation).toHaveTextContent(`Order ${first} was cancelled`);
    // 3 × $589.00 = $1,767.00, credited in full on the November invoice.
    expect(confirmation).toHaveTextContent(
      'A 100 % credit of $1,767.00 is on your next monthly invoice (November 2026).',
    );
    expect(confirmation).toHaveFocus();
    expect(onCancelled).toHaveBeenCalledTimes(1);
    // The drop-down shows the new state; the next order can be chosen and cancelled.
    expect(screen.getByRole('option', { name: new RegExp(first) })).toHaveTextContent('cancelled');
    expect(status()).toHaveTextContent('Already cancelled');
    await user().selectOptions(screen.getByRole('combobox', { name: 'Order number' }), second);
    expect(status()).toHaveTextContent('30 days remaining to cancel');
    expect(acknowledge()).not.toBeChecked();
  });

  it('E1: the dialog speaks Korean, with Korean dates and money', async () => {
    const t = await tenant('KR');
    const order = await buy(t, `${RESERVATION}:1y`, 1, ago(10 * DAY_MS));
    renderWithProviders(
      <CancelDialog
        customerId={t.customerId}
        productId={RESERVATION}
        productName="Product"
        orderId={order}
        onClose={() => undefined}
      />,
      { link: linkFor(t), language: 'ko' },
    );
    await advance(0);
    expect(screen.getByRole('dialog', { name: '구매 취소' })).toBeInTheDocument();
    expect(status()).toHaveTextContent('취소 가능 기간 50일 남음');
    // 1,025,800 × 355 / 365 = 997,695.89… → ₩997,696
    expect(screen.getByTestId('cancel-credit')).toHaveTextContent(
      '다음 청구서에 사용하지 않은 355일에 대한 ₩997,696의 비례 크레딧',
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
    const t = await tenant('US');
    const order = await buy(t, `${OFFICE}:perpetual`, 1, ago(7 * DAY_MS));
    renderWithProviders(
      <CancelButton
        customerId={t.customerId}
        productId={OFFICE}
        productName="Office LTSC Professional Plus 2024"
        orderId={order}
      />,
      { link: linkFor(t) },
    );
    await user().click(
      screen.getByRole('button', {
        name: `Cancel Office LTSC Professional Plus 2024, order ${order}`,
      }),
    );
    await advance(0);
    await advance(0);
    expect(screen.getByRole('dialog', { name: 'Cancel a purchase' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Order number' })).toHaveValue(order);
    await user().click(screen.getByRole('button', { name: 'Close' }));
    await advance(1_000);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('C7: the dialog’s own address opens it for the product and order it names', async () => {
    const t = await tenant('US');
    const order = await buy(t, `${OFFICE}:perpetual`, 1, ago(7 * DAY_MS));
    renderWithProviders(<CancelPage />, {
      link: linkFor(t),
      route: `/customers/${t.customerId}/cancel?productId=${OFFICE}&orderId=${order}&productName=Office`,
      path: '/customers/:customerId/cancel',
    });
    await advance(0);
    await advance(0);
    expect(screen.getByRole('dialog', { name: 'Cancel a purchase' })).toBeInTheDocument();
    expect(status()).toHaveTextContent('53 days remaining to cancel');
  });
});
