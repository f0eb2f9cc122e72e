import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import {
  customerPage,
  customersListPage,
  signedInPart,
  signInPage,
  softwareListPage,
} from './chunks';
import { Loading } from './Loading';
import { NotFound } from './NotFound';
import { RouteErrorBoundary } from './RouteErrorBoundary';

// Every page is its own chunk, loaded when first visited: the first bundle is the providers and
// the session check only, within the bundle budget (issue 6, scripts/check-bundle-budget.mjs);
// the signed-in part (Apollo, the session check) and its shell (header) are chunks too. The
// page the app opens on is fetched before the first render (chunks.ts, prefetchLanding), so
// lazy loading adds no round trip there. A customer's page fetches its Software tab with itself
// (no waterfall); tabs load under their own Suspense, so the page's header and tabs stay while
// one loads.
const SignIn = signInPage.Component;
const SignedIn = signedInPart.Component;
const CustomersList = customersListPage.Component;
const CustomerPage = customerPage.Component;
const SoftwareList = softwareListPage.Component;
const OrderHistory = lazy(() =>
  import('../features/orders/OrderHistory').then((module) => ({ default: module.OrderHistory })),
);
const AddProducts = lazy(() =>
  import('../features/catalog/AddProducts').then((module) => ({ default: module.AddProducts })),
);
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
const ActivityLog = lazy(() =>
  import('../features/activity/ActivityLog').then((module) => ({ default: module.ActivityLog })),
);
const CancelPage = lazy(() =>
  import('../features/cancellation/CancelPage').then((module) => ({ default: module.CancelPage })),
);
const ReportProblem = lazy(() =>
  import('../features/support/ReportProblem').then((module) => ({
    default: module.ReportProblem,
  })),
);
const SupportRequests = lazy(() =>
  import('../features/support/SupportRequests').then((module) => ({
    default: module.SupportRequests,
  })),
);
const ClosingSoon = lazy(() =>
  import('../features/closing-soon/ClosingSoon').then((module) => ({
    default: module.ClosingSoon,
  })),
);
const Webhooks = lazy(() =>
  import('../features/webhooks/Webhooks').then((module) => ({ default: module.Webhooks })),
);

/**
 * A tab inside the customer's page: its own loading state and error boundary, under the page's
 * header and tabs; another tab starts without this one's failure.
 */
function Tab({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <RouteErrorBoundary key={pathname}>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </RouteErrorBoundary>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/sign-in"
        element={
          <RouteErrorBoundary>
            <Suspense fallback={<Loading />}>
              <SignIn />
            </Suspense>
          </RouteErrorBoundary>
        }
      />
      <Route
        element={
          <RouteErrorBoundary>
            <Suspense fallback={<Loading />}>
              <SignedIn />
            </Suspense>
          </RouteErrorBoundary>
        }
      >
        <Route index element={<Navigate to="/customers" replace />} />
        <Route path="customers" element={<CustomersList />} />
        <Route path="customers/:customerId" element={<CustomerPage />}>
          <Route index element={<Navigate to="software" replace />} />
          <Route
            path="software"
            element={
              <Tab>
                <SoftwareList />
              </Tab>
            }
          />
          <Route
            path="orders"
            element={
              <Tab>
                <OrderHistory />
              </Tab>
            }
          />
          <Route
            path="cancel"
            element={
              <Tab>
                <CancelPage />
              </Tab>
            }
          />
        </Route>
        <Route path="customers/:customerId/add-products" element={<AddProducts />} />
        <Route path="billing" element={<Billing />} />
        <Route path="billing/:invoiceId" element={<InvoiceDetail />} />
        <Route path="explorer" element={<Explorer />} />
        <Route path="activity-log" element={<ActivityLog />} />
        <Route path="support" element={<SupportRequests />} />
        <Route path="support/new" element={<ReportProblem />} />
        <Route path="closing-soon" element={<ClosingSoon />} />
        <Route path="webhooks" element={<Webhooks />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
