import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { QueryBoundary } from './QueryBoundary';

describe('QueryBoundary', () => {
  it('shows a spinner until there is data, then the content', () => {
    const view = renderWithProviders(
      <QueryBoundary data={undefined as string | undefined}>{(d) => <p>{d}</p>}</QueryBoundary>,
    );
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    view.unmount();
    renderWithProviders(<QueryBoundary data="Fourth Coffee">{(d) => <p>{d}</p>}</QueryBoundary>);
    expect(screen.getByText('Fourth Coffee')).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });

  it('E2: without data, an error says what failed, and Try again asks again', async () => {
    const refetch = vi.fn(() => Promise.reject(new Error('still down')));
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'x', extensions: { code: 'DATABASE_UNAVAILABLE' } }],
    });
    renderWithProviders(<QueryBoundary data={null} error={error} refetch={refetch} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(refetch).toHaveBeenCalledTimes(1);
  });
});
