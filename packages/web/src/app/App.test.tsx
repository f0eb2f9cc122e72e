import { ApolloClient } from '@apollo/client';
import { MockLink } from '@apollo/client/testing';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MeQueryDocument } from '../features/auth/useSession';
import { graphQLError } from '../test/factories';
import { App } from './App';
import { createCache } from './apollo';

describe('App', () => {
  it('sends a visitor without a session to Sign in', async () => {
    const client = new ApolloClient({
      cache: createCache(),
      link: new MockLink([
        { request: { query: MeQueryDocument }, result: graphQLError('UNAUTHENTICATED') },
      ]),
    });
    render(<App client={client} />);
    expect(
      await screen.findByRole('heading', { name: 'CSP Software Portal', level: 1 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/sign-in');
  });
});
