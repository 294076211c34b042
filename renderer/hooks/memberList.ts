/** Keyset-paged member list: the first page on every query change, further pages as the table scrolls. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput } from '../../src/api/contract.js';
import type { MemberRow } from '../../src/api/types.js';
import { call } from '../api.js';

export type MemberQuery = Omit<CallInput<'members.search'>, 'cursor' | 'limit'>;

const PAGE_SIZE = 200;

export function useMemberList(query: MemberQuery) {
  const [rows, setRows] = useState<MemberRow[]>([]);
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
        const page = await call('members.search', { ...query, limit: PAGE_SIZE, cursor: first ? null : cursor.current });
        if (mine !== generation.current) return; // a newer query replaced this one
        cursor.current = page.nextCursor;
        setTotal(page.total);
        setRows((prev) => (first ? page.rows : [...prev, ...page.rows]));
        setError(null);
      } catch (err) {
        if (mine === generation.current) setError((err as Error).message);
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `query`
    [key],
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
