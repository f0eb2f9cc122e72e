import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Header } from '../../app/Header';
import { renderWithProviders } from '../../test/render';
import { closingSoonCountMock } from '../../test/closing-soon-mock';

describe('Report a problem in the header', () => {
  it('S1: the gear menu opens Report a problem (blank) and the support requests', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Header />, { mocks: [closingSoonCountMock] });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Report a problem' }));
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/support\/new$/);
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Support requests' }));
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/support$/);
  });
});
