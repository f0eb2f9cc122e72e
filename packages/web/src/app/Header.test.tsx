import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { meOf } from '../test/factories';
import { closingSoonCountMock } from '../test/closing-soon-mock';
import { renderWithProviders } from '../test/render';
import { Header } from './Header';
import { I18nProvider, LANGUAGE_STORAGE_KEY } from './i18n/I18nProvider';

afterEach(() => window.localStorage.clear());

describe('Header', () => {
  it('R1: shows the product, the user, its roles and its partner', () => {
    renderWithProviders(<Header />, {
      mocks: [closingSoonCountMock],
      me: meOf(['ADMIN_AGENT', 'GLOBAL_ADMIN'], { displayName: 'Dana Agent' }),
    });
    expect(screen.getByRole('link', { name: 'CSP Software Portal' })).toBeInTheDocument();
    const user = screen.getByRole('group', { name: 'Signed in as Dana Agent' });
    expect(user).toHaveTextContent('Dana Agent');
    expect(user).toHaveTextContent('Admin agent, Global admin');
    expect(user).toHaveTextContent('Contoso Cloud Partners');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });

  it('E1: the language switch turns the UI Korean and remembers the choice', async () => {
    const user = userEvent.setup();
    // The app's provider (not a pinned language), as the real app has it.
    renderWithProviders(
      <I18nProvider>
        <Header />
      </I18nProvider>,
      { mocks: [closingSoonCountMock] },
    );
    await user.selectOptions(screen.getByLabelText('Display language'), 'ko');

    expect(screen.getByRole('button', { name: '로그아웃' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'CSP 소프트웨어 포털' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '고객' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: /로그인됨/ })).toHaveTextContent('관리 에이전트');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ko');
    expect(document.documentElement.lang).toBe('ko');

    await user.selectOptions(screen.getByLabelText('표시 언어'), 'en');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('E1: a remembered language is used on the next visit', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'ko');
    renderWithProviders(
      <I18nProvider>
        <Header />
      </I18nProvider>,
      { mocks: [closingSoonCountMock] },
    );
    expect(screen.getByRole('button', { name: '로그아웃' })).toBeInTheDocument();
  });

  it('A2: the gear menu offers Billing and the GraphQL explorer', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Header />, { mocks: [closingSoonCountMock] });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByRole('menuitem', { name: 'Billing' })).toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: 'GraphQL explorer' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/explorer');
  });
});
