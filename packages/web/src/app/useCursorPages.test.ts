import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { pageOf, useCursorPages } from './useCursorPages';

describe('useCursorPages', () => {
  it('pages forward by end cursor and back through the cursors seen', () => {
    const { result } = renderHook(() => useCursorPages('search=a'));
    expect(result.current).toMatchObject({ after: null, page: 1, hasPrevious: false });
    act(() => result.current.next('c10'));
    expect(result.current).toMatchObject({ after: 'c10', page: 2, hasPrevious: true });
    act(() => result.current.next('c20'));
    expect(result.current).toMatchObject({ after: 'c20', page: 3 });
    act(() => result.current.previous());
    expect(result.current).toMatchObject({ after: 'c10', page: 2 });
    act(() => result.current.previous());
    expect(result.current).toMatchObject({ after: null, page: 1, hasPrevious: false });
  });

  it('stays on the last page when there is no end cursor', () => {
    const { result } = renderHook(() => useCursorPages('k'));
    act(() => result.current.next(null));
    expect(result.current).toMatchObject({ after: null, page: 1 });
  });

  it('a new key starts again at the first page', () => {
    const { result, rerender } = renderHook(({ key }) => useCursorPages(key), {
      initialProps: { key: 'search=a' },
    });
    act(() => result.current.next('c10'));
    rerender({ key: 'search=b' });
    expect(result.current).toMatchObject({ after: null, page: 1, hasPrevious: false });
    act(() => result.current.next('d10'));
    expect(result.current).toMatchObject({ after: 'd10', page: 2 });
  });

  it('pageOf: a connection’s nodes and total, and the way on from its end cursor', () => {
    const { result } = renderHook(() => useCursorPages(''));
    const connection = {
      totalCount: 30,
      pageInfo: { hasNextPage: true, endCursor: 'c10' },
      edges: [{ node: 'a' }, { node: 'b' }],
    };
    const first = pageOf(connection, result.current);
    expect(first).toMatchObject({ nodes: ['a', 'b'], totalCount: 30, page: 1, hasNext: true });
    act(() => first.next());
    expect(result.current).toMatchObject({ after: 'c10', page: 2 });
    expect(pageOf(undefined, result.current)).toMatchObject({
      nodes: undefined,
      totalCount: null,
      hasNext: false,
      hasPrevious: true,
    });
  });
});
