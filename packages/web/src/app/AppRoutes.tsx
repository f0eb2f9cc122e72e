import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireSession } from '../features/auth/RequireSession';
import { SignIn } from '../features/auth/SignIn';
import { AddProducts } from '../features/catalog/AddProducts';
import { CustomerPage } from '../features/customers/CustomerPage';
import { CustomersList } from '../features/customers/CustomersList';
import { OrderHistory } from '../features/orders/OrderHistory';
import { SoftwarePlaceholder } from '../features/software/SoftwarePlaceholder';
import { NotFound } from './NotFound';

// Loaded when first visited, to keep the first bundle small.
const Billing = lazy(() =>
  import('../features/invoices/Billing').then((module) => ({ default: module.Billing })),
);
const InvoiceDetail = lazy(() =>
  import('../features/invoices/InvoiceDetail').then((module) => ({
    default: module.InvoiceDetail,
  })),
);
const Explorer = lazy(() =>
  import('../features/explorer/Explorer').then((module) => ({ default: module.Explorer })),
);

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignIn />} />
      <Route element={<RequireSession />}>
        <Route index element={<Navigate to="/customers" replace />} />
        <Route path="customers" element={<CustomersList />} />
        <Route path="customers/:customerId" element={<CustomerPage />}>
          <Route index element={<Navigate to="software" replace />} />
          <Route path="software" element={<SoftwarePlaceholder />} />
          <Route path="orders" element={<OrderHistory />} />
        </Route>
        <Route path="customers/:customerId/add-products" element={<AddProducts />} />
        <Route path="billing" element={<Billing />} />
        <Route path="billing/:invoiceId" element={<InvoiceDetail />} />
        <Route path="explorer" element={<Explorer />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
