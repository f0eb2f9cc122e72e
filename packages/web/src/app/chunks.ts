import type { MeQuery } from '../gql/graphql';
import { lazyPage } from './lazy-page';

/**
 * The pages the app can open on, and the signed-in part, loaded on demand (issue 14, first
 * load). `prefetchLanding` starts the opening page's code before the rest of the bundle has run
 * (start-loading.ts), and Sign in starts the next page's while the server checks the password.
 */
export const signInPage = lazyPage(
  () => import('../features/auth/SignIn'),
  (module) => module.SignIn,
);
/** The signed-in part with Apollo Client: Sign in loads without it. */
export const signedInPart = lazyPage(
  () => import('./SignedIn'),
  (module) => module.SignedIn,
);
/** Who is signed in, asked by the entry: the answer goes into Apollo's cache once it has arrived. */
export function prefetchSession(answer: Promise<MeQuery | null>): Promise<void> {
  return import('./SignedIn').then((module) => module.takeEarlySession(answer));
}
/** The signed-in shell: header, closing-soon count, sign out, language. */
export const appShell = lazyPage(
  () => import('./AppShell'),
  (module) => module.AppShell,
);
export const customersListPage = lazyPage(
  () => import('../features/customers/CustomersList'),
  (module) => module.CustomersList,
);
export const softwareListPage = lazyPage(
  () => import('../features/software/SoftwareList'),
  (module) => module.SoftwareList,
);
/** A customer's page fetches its Software tab with itself (no waterfall). */
export const customerPage = lazyPage(
  () => {
    void softwareListPage.load();
    return import('../features/customers/CustomerPage');
  },
  (module) => module.CustomerPage,
);

/**
 * Starts fetching the code of the page the app opens on (and, signed in, the shell's): only
 * that page, later pages load when visited. Resolves when it has arrived.
 */
export function prefetchLanding(pathname: string): Promise<unknown> {
  if (pathname.startsWith('/sign-in')) return signInPage.load();
  const parts = [signedInPart.load(), appShell.load()];
  if (/^\/customers\/[^/]+/.test(pathname)) parts.push(customerPage.load());
  else if (pathname === '/' || pathname.startsWith('/customers')) {
    parts.push(customersListPage.load());
  }
  return Promise.all(parts);
}
