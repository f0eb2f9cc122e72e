import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { lazyPage } from './lazy-page';

function Page() {
  return <h1>The page</h1>;
}

describe('lazyPage', () => {
  it('issue 14: a page whose module has arrived renders at once, without the fallback', async () => {
    const page = lazyPage(
      () => Promise.resolve({ Page }),
      (module) => module.Page,
    );
    await page.load();
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <page.Component />
      </Suspense>,
    );
    // Synchronously after the first render: no "Loading…" in between.
    expect(screen.getByRole('heading', { name: 'The page' })).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).toBeNull();
  });

  it('a page not loaded yet shows the fallback, then the page; a failed load can be tried again', async () => {
    let attempts = 0;
    const page = lazyPage(
      () => (++attempts === 1 ? Promise.reject(new Error('offline')) : Promise.resolve({ Page })),
      (module) => module.Page,
    );
    await expect(page.load()).rejects.toThrow('offline');
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <page.Component />
      </Suspense>,
    );
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'The page' })).toBeInTheDocument();
    expect(attempts).toBe(2);
  });
});
