import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './AppRoutes';
import { createApolloClient } from './apollo';
import { I18nProvider } from './i18n/I18nProvider';

export function App({ client }: { client?: ApolloClient }) {
  const [apollo] = useState(() => client ?? createApolloClient());
  return (
    <ApolloProvider client={apollo}>
      <I18nProvider>
        <FluentProvider theme={webLightTheme}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </FluentProvider>
      </I18nProvider>
    </ApolloProvider>
  );
}
