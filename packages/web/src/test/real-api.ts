import { ApolloLink } from '@apollo/client';
import type { InProcessApi } from '@csp/api/test-support';
import { Observable } from 'rxjs';

export { startInProcessApi, type InProcessApi } from '@csp/api/test-support';

export interface RealApiLinkOptions {
  /** How long the answer to an operation takes, in (fake) milliseconds; 0 by default. */
  answerAfterMs?: (operationName: string) => number;
  /** Called as each operation reaches the API. */
  onRequest?: (operationName: string) => void;
}

/**
 * Apollo Client routed to the real schema and resolvers in this process (no HTTP), as the holder
 * of `token`. The answer comes after a timer, so fake timers decide when it arrives.
 */
export function realApiLink(
  api: InProcessApi,
  token: string,
  options: RealApiLinkOptions = {},
): ApolloLink {
  return new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const name = operation.operationName ?? '';
        let cancelled = false;
        const timer = setTimeout(
          () => {
            options.onRequest?.(name);
            api.execute({ document: operation.query, variables: operation.variables, token }).then(
              (result) => {
                if (cancelled) return;
                observer.next(result as ApolloLink.Result);
                observer.complete();
              },
              (error: unknown) => {
                if (!cancelled) observer.error(error);
              },
            );
          },
          options.answerAfterMs?.(name) ?? 0,
        );
        return () => {
          cancelled = true;
          clearTimeout(timer);
        };
      }),
  );
}
