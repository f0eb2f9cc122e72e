import type { ApolloClient } from '@apollo/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './AppRoutes';
import { ApolloClientOverride } from './apollo-override';
import { I18nProvider } from './i18n/I18nProvider';

/**
 * The whole app. Apollo Client is provided by the signed-in part (SignedIn.tsx, its own chunk),
 * so the Sign in page loads without it; tests may pass their own `client`.
 */
export function App({ client }: { client?: ApolloClient }) {
  return (
    <ApolloClientOverride.Provider value={client ?? null}>
      <I18nProvider>
        <FluentProvider theme={webLightTheme}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </FluentProvider>
      </I18nProvider>
    </ApolloClientOverride.Provider>
  );
}
