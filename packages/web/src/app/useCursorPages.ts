import { useState } from 'react';

/**
 * Pages of a cursor connection: forward by the last page's `endCursor`, back through the cursors
 * already seen. A new `key` (another search or filter) starts again at the first page.
 */
export function useCursorPages(key: string) {
  const [paging, setPaging] = useState<{ key: string; cursors: (string | null)[] }>({
    key,
    cursors: [null],
  });
  const cursors = paging.key === key ? paging.cursors : [null];
  return {
    /** The `after` argument of the page shown. */
    after: cursors[cursors.length - 1] ?? null,
    /** 1 for the first page. */
    page: cursors.length,
    hasPrevious: cursors.length > 1,
    /** To the page after the one shown, which ended at `endCursor`. */
    next(endCursor: string | null | undefined) {
      if (endCursor) setPaging({ key, cursors: [...cursors, endCursor] });
    },
    previous() {
      setPaging({ key, cursors: cursors.slice(0, -1) });
    },
  };
}

/** What a paged screen reads of a cursor connection (the fields every list query asks for). */
interface CursorConnection<N> {
  readonly totalCount?: number | null;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor?: string | null };
  readonly edges: readonly { readonly node: N }[];
}

/**
 * One page of a connection as the paged screens show it: its nodes and total, and the ways to the
 * next and previous pages (`PagingNav`). Undefined until the first answer.
 */
export function pageOf<N>(
  connection: CursorConnection<N> | null | undefined,
  paging: ReturnType<typeof useCursorPages>,
) {
  return {
    nodes: connection?.edges.map((edge) => edge.node),
    totalCount: connection?.totalCount ?? null,
    page: paging.page,
    hasPrevious: paging.hasPrevious,
    hasNext: !!connection?.pageInfo.hasNextPage,
    next: () => paging.next(connection?.pageInfo.endCursor),
    previous: paging.previous,
  };
}
