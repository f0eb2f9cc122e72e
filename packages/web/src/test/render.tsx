import type { ApolloLink } from '@apollo/client';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { createCache } from '../app/apollo';
import { I18nProvider } from '../app/i18n/I18nProvider';
import type { Language } from '../app/i18n/messages';
import { SessionContext, type SignedInUser } from '../features/auth/useSession';
import { meOf } from './factories';

export interface RenderOptions {
  mocks?: ReadonlyArray<MockLink.MockedResponse>;
  /** Answers from this link instead of `mocks` (e.g. the real API: test/real-api.ts). */
  link?: ApolloLink;
  /** The URL the test starts at. */
  route?: string;
  /** The route pattern `ui` is mounted on (for useParams). */
  path?: string;
  /** The signed-in user; `null` for none. */
  me?: SignedInUser | null;
  language?: Language;
  /** More routes beside `path`, e.g. where a link leads. */
  extraRoutes?: ReactElement;
}

/** Shows the current location, so tests can see where a link or a redirect led. */
export function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname + location.search}</div>;
}

/** Renders `ui` with what the app gives it: Apollo (mocked), language, Fluent, router, session. */
export function renderWithProviders(ui: ReactElement, options: RenderOptions = {}) {
  const {
    mocks = [],
    route = '/',
    path = '*',
    me = meOf(['ADMIN_AGENT']),
    language = 'en',
    extraRoutes,
    link,
  } = options;
  return render(
    <MockedProvider mocks={mocks} cache={createCache()} {...(link ? { link } : {})}>
      <I18nProvider language={language}>
        <FluentProvider theme={webLightTheme}>
          <MemoryRouter initialEntries={[route]}>
            <SessionContext.Provider value={me}>
              <Routes>
                <Route path={path} element={ui} />
                {extraRoutes}
              </Routes>
              <LocationProbe />
            </SessionContext.Provider>
          </MemoryRouter>
        </FluentProvider>
      </I18nProvider>
    </MockedProvider>,
  );
}
