/** Keyset-paged list over a search call: the first page on every query change, further pages on demand. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput, CallOutput } from '../../src/contract/contract.js';
import { call } from '../api.js';

type PagedCall = 'members.search' | 'accounts.search';
export type PagedQuery<N extends PagedCall> = Omit<CallInput<N>, 'cursor' | 'limit'>;
type Row<N extends PagedCall> = CallOutput<N>['rows'][number];

const PAGE_SIZE = 200;

export function usePagedList<N extends PagedCall>(name: N, query: PagedQuery<N>) {
  const [rows, setRows] = useState<Row<N>[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const cursor = useRef<string | null>(null);
  const generation = useRef(0);
  const key = JSON.stringify(query);

  const fetchPage = useCallback(
    async (first: boolean) => {
      const mine = first ? ++generation.current : generation.current;
      setLoading(true);
      try {
        const input = { ...query, limit: PAGE_SIZE, cursor: first ? null : cursor.current } as CallInput<N>;
        const page = await call(name, input);
        if (mine !== generation.current) return; // a newer query replaced this one
        cursor.current = page.nextCursor;
        setTotal(page.total);
        setRows((prev) => (first ? (page.rows as Row<N>[]) : [...prev, ...(page.rows as Row<N>[])]));
        setError(null);
      } catch (err) {
        if (mine === generation.current) setError((err as Error).message);
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    // `key` stands for `query`: a new object with the same content must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [name, key],
  );

  useEffect(() => {
    void fetchPage(true);
  }, [fetchPage]);

  const hasMore = cursor.current !== null && rows.length < total;
  const loadMore = useCallback(() => {
    if (!loading && cursor.current !== null) void fetchPage(false);
  }, [loading, fetchPage]);

  return { rows, total, loading, error, hasMore, loadMore, reload: () => fetchPage(true) };
}

export type PagedList<N extends PagedCall> = ReturnType<typeof usePagedList<N>>;
