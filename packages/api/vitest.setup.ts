import { vi } from 'vitest';

// A test that logs an error fails: it is a bug somebody would otherwise miss (DESIGN §4).
const consoleError = console.error;
vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  consoleError(...args);
  throw new Error(`console.error in a test: ${String(args[0])}`);
});
