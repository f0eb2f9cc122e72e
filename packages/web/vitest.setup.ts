import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { loadCatalog } from './src/app/i18n/messages';

// Components render synchronously in tests: both catalogs are loaded before any test runs.
await Promise.all([loadCatalog('en'), loadCatalog('ko')]);

// Fluent UI measures elements; jsdom has no ResizeObserver.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

// A test that logs an error fails: it is a bug somebody would otherwise miss.
const consoleError = console.error;
afterEach(() => {
  cleanup();
});
vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  consoleError(...args);
  throw new Error(`console.error in a test: ${String(args[0])}`);
});
