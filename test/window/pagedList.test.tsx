// @vitest-environment happy-dom
/** The member list loads page by page from the register (keyset paging), and a new query starts again. */
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePagedList, type PagedQuery } from '../../renderer/hooks/pagedList.js';
import { validId } from '../support/ids.js';
import { bridgedLedger } from './window.js';

describe('paged list', () => {
  it('fetches the first page, further pages on demand, and starts over when the query changes', async () => {
    const { call, calls } = bridgedLedger();
    const org = call('organizations.create', { parentId: null, fullName: '中共分页测试委员会', type: '党委' }).id;
    for (let i = 0; i < 450; i++) call('members.create', { name: i < 30 ? `李分页${i}` : `王分页${i}`, organizationId: org, idNumber: validId('1980-01-01', i + 1) });

    const { result, rerender } = renderHook(({ query }) => usePagedList('members.search', query), {
      initialProps: { query: {} as PagedQuery<'members.search'> },
    });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect([result.current.rows.length, result.current.total, result.current.hasMore]).toEqual([200, 450, true]);

    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.rows.length).toBe(400));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.rows.length).toBe(450));
    expect(result.current.hasMore).toBe(false);
    expect(new Set(result.current.rows.map((r) => r.id)).size).toBe(450); // no row twice across pages

    const before = calls.length;
    rerender({ query: {} }); // same content, new object: no refetch
    rerender({ query: { q: '李分页' } });
    await waitFor(() => expect(result.current.total).toBe(30));
    expect(result.current.rows.every((r) => r.name.startsWith('李分页'))).toBe(true);
    expect(calls.length - before).toBe(1);
  });

  it('asks once for the next page when the end of the list is reached twice before the page arrives', async () => {
    const { call, calls } = bridgedLedger();
    const org = call('organizations.create', { parentId: null, fullName: '中共分页测试委员会', type: '党委' }).id;
    for (let i = 0; i < 450; i++) call('members.create', { name: `王分页${i}`, organizationId: org, idNumber: validId('1980-01-01', i + 1) });
    const { result } = renderHook(() => usePagedList('members.search', {}));
    await waitFor(() => expect(result.current.loading).toBe(false));

    // The table's load-more row runs its effect twice in one go under StrictMode, and again if scrolling re-mounts it.
    const before = calls.length;
    act(() => {
      result.current.loadMore();
      result.current.loadMore();
    });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect([result.current.rows.length, result.current.total]).toEqual([400, 450]);
    expect(new Set(result.current.rows.map((r) => r.id)).size).toBe(400);
    expect(calls.length - before).toBe(1);
  });
});
