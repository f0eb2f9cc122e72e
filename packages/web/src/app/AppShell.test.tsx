import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazy } from 'react';
import { Link, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { closingSoonCountMock } from '../test/closing-soon-mock';
import { renderWithProviders } from '../test/render';
import { AppShell, pageOf } from './AppShell';

/** Two pages that link to each other, and one whose code arrives late. */
function Customers() {
  return (
    <>
      <h1>Customers</h1>
      <Link to="/billing">To Billing</Link>
      <Link to="/slow">To a page still loading</Link>
    </>
  );
}

/** A customer's page with two tabs, like CustomerPage: the h1 stays while the tab changes. */
function Customer() {
  return (
    <>
      <h1>Fourth Coffee</h1>
      <nav>
        <Link to="/customers/c1/software">Software</Link>
        <Link to="/customers/c1/orders">Order history</Link>
      </nav>
      <Routes>
        <Route path="software" element={<p>Software list</p>} />
        <Route path="orders" element={<p>Orders list</p>} />
      </Routes>
    </>
  );
}

function Billing() {
  return (
    <>
      <h1>Billing</h1>
      <Link to="/customers">To Customers</Link>
    </>
  );
}

/** A page whose code has not arrived yet: it renders when the test says so. */
function slowPage() {
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const Slow = lazy(async () => {
    await arrived;
    return { default: () => <h1>Arrived late</h1> };
  });
  return { Slow, arrive };
}

function renderShell(route: string) {
  const { Slow, arrive } = slowPage();
  renderWithProviders(
    <AppShell>
      <Routes>
        <Route path="/customers" element={<Customers />} />
        <Route path="/billing" element={<Billing />} />
        <Route path="/slow" element={<Slow />} />
        <Route path="/customers/:customerId/*" element={<Customer />} />
      </Routes>
    </AppShell>,
    { route, mocks: [closingSoonCountMock] },
  );
  return { arrive };
}

describe('AppShell', () => {
  it('issue 14: after navigation, focus moves to the new page’s h1; not on the first load', async () => {
    const user = userEvent.setup();
    renderShell('/customers');
    const customers = await screen.findByRole('heading', { level: 1, name: 'Customers' });
    // The first load leaves focus where the browser put it (the skip link comes first).
    expect(customers).not.toHaveFocus();
    expect(document.activeElement).toBe(document.body);

    await user.click(screen.getByRole('link', { name: 'To Billing' }));
    const billing = await screen.findByRole('heading', { level: 1, name: 'Billing' });
    await waitFor(() => expect(billing).toHaveFocus());
    // Focusable by script only: not a Tab stop.
    expect(billing).toHaveAttribute('tabindex', '-1');

    await user.click(screen.getByRole('link', { name: 'To Customers' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1, name: 'Customers' })).toHaveFocus(),
    );
  });

  it('issue 14: a tab switch inside a customer’s page leaves focus on the tab, the page stays', async () => {
    const user = userEvent.setup();
    renderShell('/customers/c1/software');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Fourth Coffee' });
    await screen.findByText('Software list');

    await user.click(screen.getByRole('link', { name: 'Order history' }));
    await screen.findByText('Orders list');
    expect(screen.getByRole('link', { name: 'Order history' })).toHaveFocus();
    // The same page, not a new one: its heading element is the one shown before.
    expect(screen.getByRole('heading', { level: 1, name: 'Fourth Coffee' })).toBe(heading);
  });

  it('issue 14: the page a path shows: a customer’s tabs are one page', () => {
    expect(pageOf('/customers/c1/software')).toBe('/customers/c1');
    expect(pageOf('/customers/c1/orders')).toBe('/customers/c1');
    expect(pageOf('/customers/c1/cancel')).toBe('/customers/c1');
    expect(pageOf('/customers/c1/add-products')).toBe('/customers/c1/add-products');
    expect(pageOf('/customers')).toBe('/customers');
  });

  it('issue 14: a page that loads lazily gets focus on its h1 once it arrives', async () => {
    const user = userEvent.setup();
    const { arrive } = renderShell('/customers');
    await screen.findByRole('heading', { level: 1, name: 'Customers' });

    await user.click(screen.getByRole('link', { name: 'To a page still loading' }));
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
    arrive();
    const arrived = await screen.findByRole('heading', { level: 1, name: 'Arrived late' });
    await waitFor(() => expect(arrived).toHaveFocus());
  });
});
