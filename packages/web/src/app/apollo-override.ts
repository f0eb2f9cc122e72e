import type { ApolloClient } from '@apollo/client';
import { createContext } from 'react';

/** A client the tests give `<App>` instead of the app's shared one (a type import only). */
export const ApolloClientOverride = createContext<ApolloClient | null>(null);
