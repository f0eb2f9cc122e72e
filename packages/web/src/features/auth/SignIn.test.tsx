import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { graphQLError } from '../../test/factories';
import { renderWithProviders } from '../../test/render';
import { SignIn } from './SignIn';

/** Sign in is a plain POST (no Apollo on its page): the network is mocked at fetch. */
function answerSignIn(email: string, password: string, result: object) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (_input, init) => {
    const body = JSON.parse(String(init?.body)) as { variables: { input: object } };
    expect(body.variables.input).toEqual({ email, password });
    return new Response(JSON.stringify(result), {
      headers: { 'content-type': 'application/json' },
    });
  });
}

afterEach(() => vi.restoreAllMocks());

async function signIn(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/^E-mail/), email);
  await user.type(screen.getByLabelText(/^Password/), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

const routing = { route: '/sign-in', path: '/sign-in', me: null };

describe('Sign in', () => {
  it('E2: wrong credentials say so clearly', async () => {
    answerSignIn('admin.agent@contoso.example', 'wrong', graphQLError('INVALID_CREDENTIALS'));
    renderWithProviders(<SignIn />, routing);
    await signIn('admin.agent@contoso.example', 'wrong');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The e-mail or password is not correct.',
    );
  });

  it('E2: too many attempts says how long to wait', async () => {
    answerSignIn(
      'admin.agent@contoso.example',
      'wrong',
      graphQLError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: 42 }),
    );
    renderWithProviders(<SignIn />, routing);
    await signIn('admin.agent@contoso.example', 'wrong');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many failed sign-ins. Wait 42 seconds and try again.',
    );
  });

  it('E2: empty fields are named before anything is sent', async () => {
    const fetching = vi.spyOn(globalThis, 'fetch');
    renderWithProviders(<SignIn />, routing);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter your e-mail address.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(fetching).not.toHaveBeenCalled();
  });

  it('E2: no connection says so, in the page language', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    renderWithProviders(<SignIn />, { ...routing, language: 'ko' });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^이메일/), 'admin.agent@contoso.example');
    await user.type(screen.getByLabelText(/^암호/), 'x');
    await user.click(screen.getByRole('button', { name: '로그인' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('포털이 서버에 연결할 수 없습니다.');
  });

  it('a successful sign-in goes to Customers', async () => {
    answerSignIn('admin.agent@contoso.example', 'demo-password-2026', {
      data: { signIn: { expiresAt: '2026-12-01T00:00:00.000Z' } },
    });
    renderWithProviders(<SignIn />, {
      ...routing,
      extraRoutes: <Route path="/customers" element={<p>customers</p>} />,
    });
    await signIn('admin.agent@contoso.example', 'demo-password-2026');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/customers'));
  });
});
