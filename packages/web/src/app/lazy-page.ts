import { lazy, type ComponentType } from 'react';

export interface LazyPage<P extends object> {
  /** Starts loading the module (once); resolves when it has arrived. */
  load(): Promise<unknown>;
  /** The component: React.lazy, but rendered at once when its module has already arrived. */
  Component: ComponentType<P>;
}

/**
 * A page loaded on demand. React.lazy suspends on first render even when the module is already
 * there (a promise tells its result only in a later microtask), so the first load used to paint
 * the "Loading…" fallback and then the page: two paints and a later largest paint (issue 14).
 * Once the module has arrived this hands React a thenable that answers at once, which React
 * reads synchronously.
 */
export function lazyPage<M, P extends object = object>(
  importer: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
): LazyPage<P> {
  type Loaded = { default: ComponentType<P> };
  let loading: Promise<ComponentType<P>> | undefined;
  let ready: ComponentType<P> | undefined;
  const load = () =>
    (loading ??= importer().then(
      (module) => (ready = pick(module)),
      (error: unknown) => {
        loading = undefined; // a failed chunk may be fetched again (Try again)
        throw error;
      },
    ));
  const Component = lazy(() => {
    const component = ready;
    if (!component) return load().then((loaded) => ({ default: loaded }));
    const arrived = { then: (fulfil: (module: Loaded) => void) => fulfil({ default: component }) };
    return arrived as unknown as Promise<Loaded>;
  });
  return { load, Component };
}
