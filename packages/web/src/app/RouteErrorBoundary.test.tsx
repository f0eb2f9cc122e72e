import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { isChunkLoadError, reloadOnce, RELOAD_GUARD_KEY } from './chunk-errors';
import { RouteErrorBoundary } from './RouteErrorBoundary';

/** Issue 14: a page that cannot load or render says so, with Try again, never a blank page. */

const chunkError = () =>
  new TypeError(
    'Failed to fetch dynamically imported module: http://localhost/assets/OrderHistory-abc.js',
  );

let failing = true;
function Flaky({ error }: { error: () => Error }) {
  if (failing) throw error();
  return <p>The page</p>;
}

describe('RouteErrorBoundary', () => {
  const reload = vi.fn();
  beforeEach(() => {
    failing = true;
    reload.mockReset();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    Object.defineProperty(window, 'location', {
      configurable: true,
      value: { ...window.location, reload },
    });
    window.sessionStorage.clear();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('a page that throws shows the error with Try again, which renders it again', async () => {
    renderWithProviders(
      <RouteErrorBoundary>
        <Flaky error={() => new Error('boom')} />
      </RouteErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong');
    failing = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('The page')).toBeInTheDocument();
  });

  it('a chunk that cannot be fetched while the server is unreachable: says so, no reload', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    renderWithProviders(
      <RouteErrorBoundary>
        <Flaky error={chunkError} />
      </RouteErrorBoundary>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This page could not be loaded');
    expect(alert).toHaveTextContent('The portal cannot reach the server');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(reload).not.toHaveBeenCalled();
  });

  it('a stale chunk after a deploy (the server answers) reloads the app once', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('ok', { status: 200 })));
    const { unmount } = renderWithProviders(
      <RouteErrorBoundary>
        <Flaky error={chunkError} />
      </RouteErrorBoundary>,
    );
    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    unmount();
    // The reloaded app still cannot load it: no second automatic reload, the message instead.
    renderWithProviders(
      <RouteErrorBoundary>
        <Flaky error={chunkError} />
      </RouteErrorBoundary>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('The portal has been updated');
    expect(reload).toHaveBeenCalledTimes(1);
  });
});

describe('chunk errors', () => {
  it('tells a failed chunk from other errors', () => {
    expect(isChunkLoadError(chunkError())).toBe(true);
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isChunkLoadError(new Error('Unable to preload CSS for /assets/x.css'))).toBe(true);
    expect(isChunkLoadError(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isChunkLoadError('Failed to fetch dynamically imported module')).toBe(false);
  });

  it('reloadOnce: once per minute, remembered in sessionStorage', () => {
    const reload = vi.fn();
    Object.defineProperty(window, 'location', {
      configurable: true,
      value: { ...window.location, reload },
    });
    window.sessionStorage.clear();
    expect(reloadOnce(1_000_000)).toBe(true);
    expect(window.sessionStorage.getItem(RELOAD_GUARD_KEY)).toBe('1000000');
    expect(reloadOnce(1_030_000)).toBe(false);
    expect(reloadOnce(1_061_000)).toBe(true);
    expect(reload).toHaveBeenCalledTimes(2);
  });
});
