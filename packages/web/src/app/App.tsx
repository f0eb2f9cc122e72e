import type { ApolloClient } from '@apollo/client';
import { ApolloProvider, useApolloClient } from '@apollo/client/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './AppRoutes';
import { createApolloClient } from './apollo';
import { I18nProvider } from './i18n/I18nProvider';
import { useI18n } from './i18n/useI18n';

export function App({ client }: { client?: ApolloClient }) {
  const [apollo] = useState(() => client ?? createApolloClient());
  return (
    <ApolloProvider client={apollo}>
      <I18nProvider>
        <FluentProvider theme={webLightTheme}>
          <BrowserRouter>
            <RefetchInNewLanguage />
            <AppRoutes />
          </BrowserRouter>
        </FluentProvider>
      </I18nProvider>
    </ApolloProvider>
  );
}

/** E1: after a language switch, data the API words (descriptions, reasons) is fetched again in it. */
function RefetchInNewLanguage() {
  const { language } = useI18n();
  const client = useApolloClient();
  const shown = useRef(language);
  useEffect(() => {
    if (shown.current === language) return;
    shown.current = language;
    // Refetch what is on screen, keeping it shown meanwhile (a reset would blank the page:
    // spinners, collapsed sections, lost scroll); a failed refetch leaves the old texts.
    client.refetchQueries({ include: 'active' }).catch(() => undefined);
  }, [language, client]);
  return null;
}
