/**
 * The types of `@csp/api/test-support` (packages/api/src/test-support/in-process.ts), which the
 * unit-test config aliases to the API's source. Written here because type-checking the API's source
 * needs its decorator settings, which the web's tsconfig does not have (decision 019).
 */
declare module '@csp/api/test-support' {
  import type { Role } from '@csp/domain';
  import type { DocumentNode, FormattedExecutionResult } from 'graphql';

  export interface Clock {
    now(): Date;
  }

  export interface InProcessApi {
    execute(request: {
      document: DocumentNode | string;
      variables?: Record<string, unknown>;
      token: string | null;
    }): Promise<FormattedExecutionResult>;
    createTenant(options?: {
      market?: string;
      roles?: Role[];
      customerName?: string;
    }): Promise<{ token: string; customerId: string; tenantId: string }>;
    readonly logLines: readonly string[];
    close(): Promise<void>;
  }

  export function startInProcessApi(options: { clock: Clock }): Promise<InProcessApi>;
}
