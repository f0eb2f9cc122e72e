import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import { customer, meOf } from '../../test/factories';
import { renderWithProviders } from '../../test/render';
import { CustomerPage } from './CustomerPage';
import { CustomerDocument } from './useCustomer';

const customerMock = {
  request: { query: CustomerDocument, variables: { id: 'c-fourth' } },
  result: { data: { customer: customer() } },
};

function renderCustomerPage(options: Parameters<typeof renderWithProviders>[1] = {}) {
  return renderWithProviders(<p>unused</p>, {
    mocks: [customerMock],
    route: '/customers/c-fourth/software',
    path: '/unused',
    extraRoutes: (
      <>
        <Route path="/customers/:customerId" element={<CustomerPage />}>
          <Route path="software" element={<p>software panel</p>} />
          <Route path="orders" element={<p>orders panel</p>} />
        </Route>
        <Route path="/customers/:customerId/add-products" element={<p>add products page</p>} />
      </>
    ),
    ...options,
  });
}

describe('Customer page', () => {
  it('R2, R9: a Sales agent sees Add products disabled with the roles it needs, not hidden', async () => {
    renderCustomerPage({ me: meOf(['SALES_AGENT']) });
    const button = await screen.findByRole('button', { name: 'Add products' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription(
      'Needs one of these roles: Admin agent, Global admin',
    );
    expect(screen.getByText('Needs one of these roles: Admin agent, Global admin')).toBeVisible();
    await userEvent.setup().click(button);
    expect(screen.getByTestId('location')).toHaveTextContent('/customers/c-fourth/software');
  });

  it('R9, E1: the reason is given in Korean too', async () => {
    renderCustomerPage({ me: meOf(['HELPDESK_AGENT']), language: 'ko' });
    const button = await screen.findByRole('button', { name: '제품 추가' });
    expect(button).toHaveAccessibleDescription(
      '다음 역할 중 하나가 필요합니다: 관리 에이전트, 전역 관리자',
    );
  });

  it('R2: an Admin agent opens Add products', async () => {
    const user = userEvent.setup();
    renderCustomerPage({ me: meOf(['ADMIN_AGENT']) });
    const button = await screen.findByRole('button', { name: 'Add products' });
    expect(button).not.toHaveAttribute('aria-disabled');
    await user.click(button);
    expect(screen.getByTestId('location')).toHaveTextContent('/customers/c-fourth/add-products');
  });

  it('B6, M3: shows the customer, its tabs Software and Order history, and the tax rule', async () => {
    const user = userEvent.setup();
    renderCustomerPage();
    expect(await screen.findByRole('heading', { name: 'Fourth Coffee' })).toBeInTheDocument();
    expect(screen.getByText('United States')).toBeInTheDocument();
    expect(screen.getByText('Prices exclude tax in this market.')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Software', selected: true })).toBeInTheDocument();
    expect(screen.getByRole('tabpanel')).toHaveTextContent('software panel');
    await user.click(screen.getByRole('tab', { name: 'Order history' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/customers/c-fourth/orders');
    expect(await screen.findByText('orders panel')).toBeInTheDocument();
  });

  it('the tabs: one Tab stop, arrow keys move between them, no hidden focus traps (axe)', async () => {
    const user = userEvent.setup();
    const { container } = renderCustomerPage();
    const software = await screen.findByRole('tab', { name: 'Software', selected: true });
    const orders = screen.getByRole('tab', { name: 'Order history' });
    expect(software).toHaveAttribute('tabindex', '0');
    expect(orders).toHaveAttribute('tabindex', '-1');
    software.focus();
    await user.keyboard('{ArrowRight}');
    expect(orders).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(software).toHaveFocus();
    await user.keyboard('{End}');
    expect(orders).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('location')).toHaveTextContent('/customers/c-fourth/orders');
    // Tabster's focus-redirect elements are aria-hidden yet focusable: none around the tabs.
    expect(container.querySelector('[role="tablist"] [data-tabster-dummy]')).toBeNull();
    expect(screen.getByRole('tablist')).not.toHaveAttribute('data-tabster');
  });
});
