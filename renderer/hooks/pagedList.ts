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
  // A page of the current query is on its way. State would say so only after the next render, and the load-more row's
  // effect can ask twice before that (StrictMode runs it twice; scrolling re-mounts it): both asked with the same cursor
  // and the same page was appended twice.
  const busy = useRef(false);
  const key = JSON.stringify(query);

  const fetchPage = useCallback(
    async (first: boolean) => {
      const mine = first ? ++generation.current : generation.current;
      busy.current = true;
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
        if (mine === generation.current) {
          busy.current = false;
          setLoading(false);
        }
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
  // Re-created when a page arrives (`loading`): a load-more row that stayed on screen while it was refused asks again.
  const loadMore = useCallback(() => {
    if (!busy.current && cursor.current !== null) void fetchPage(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loading, fetchPage]);

  return { rows, total, loading, error, hasMore, loadMore, reload: () => fetchPage(true) };
}

export type PagedList<N extends PagedCall> = ReturnType<typeof usePagedList<N>>;
