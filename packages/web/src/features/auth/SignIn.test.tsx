import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import { graphQLError, meOf } from '../../test/factories';
import { renderWithProviders } from '../../test/render';
import { SignIn } from './SignIn';
import { SignInDocument } from './useSignIn';

function signInMock(email: string, password: string, result: object) {
  return {
    request: { query: SignInDocument, variables: { input: { email, password } } },
    result,
  };
}

async function signIn(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/^E-mail/), email);
  await user.type(screen.getByLabelText(/^Password/), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

const routing = { route: '/sign-in', path: '/sign-in', me: null };

describe('Sign in', () => {
  it('E2: wrong credentials say so clearly', async () => {
    renderWithProviders(<SignIn />, {
      ...routing,
      mocks: [
        signInMock('admin.agent@contoso.example', 'wrong', graphQLError('INVALID_CREDENTIALS')),
      ],
    });
    await signIn('admin.agent@contoso.example', 'wrong');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The e-mail or password is not correct.',
    );
  });

  it('E2: too many attempts says how long to wait', async () => {
    renderWithProviders(<SignIn />, {
      ...routing,
      mocks: [
        signInMock(
          'admin.agent@contoso.example',
          'wrong',
          graphQLError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: 42 }),
        ),
      ],
    });
    await signIn('admin.agent@contoso.example', 'wrong');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many failed sign-ins. Wait 42 seconds and try again.',
    );
  });

  it('E2: empty fields are named before anything is sent', async () => {
    renderWithProviders(<SignIn />, routing);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter your e-mail address.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
  });

  it('a successful sign-in goes to Customers', async () => {
    renderWithProviders(<SignIn />, {
      ...routing,
      extraRoutes: <Route path="/customers" element={<p>customers</p>} />,
      mocks: [
        signInMock('admin.agent@contoso.example', 'demo-password-2026', {
          data: {
            signIn: {
              __typename: 'SignInPayload',
              expiresAt: '2026-12-01T00:00:00.000Z',
              me: meOf(['ADMIN_AGENT']),
            },
          },
        }),
      ],
    });
    await signIn('admin.agent@contoso.example', 'demo-password-2026');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/customers'));
  });
});
