// @vitest-environment happy-dom
/** The accounts list's filters live in the address: what the list asks the register for is what the address says. */
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { accountQueryFromParams, accountQueryToParams, useAccountQuery, type AccountQuery } from '../../renderer/hooks/accountQuery.js';

describe('accounts query ↔ address', () => {
  it.each<AccountQuery>([
    {},
    { q: '公众号', organizationId: 12 },
    { filingStates: ['未报备', '需补正'], overdue: true, requiredFiling: '备案' },
    { platform: '微信公众号', region: '境外', capacity: '个人', kind: '群组', memberId: 7 },
  ])('round-trips %j', (query) => {
    expect(accountQueryFromParams(accountQueryToParams(query))).toEqual(query);
  });

  it('leaves out what is not set (no empty keys in the address) and reads numbers as numbers', () => {
    const params = accountQueryToParams({ q: '', filingStates: [], overdue: false, organizationId: 3 });
    expect(params.toString()).toBe('organizationId=3');
    expect(accountQueryFromParams(new URLSearchParams('organizationId=3&overdue=0'))).toEqual({ organizationId: 3 });
  });

  it('a dashboard link opens the list filtered, and changing a filter rewrites the address', () => {
    let address = '';
    const Spy = () => {
      const loc = useLocation();
      address = loc.search;
      return null;
    };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <MemoryRouter initialEntries={['/accounts?filingStates=%E6%9C%AA%E6%8A%A5%E5%A4%87&overdue=1']}>
        {children}
        <Spy />
      </MemoryRouter>
    );
    const { result } = renderHook(() => useAccountQuery(), { wrapper });
    expect(result.current[0]).toEqual({ filingStates: ['未报备'], overdue: true });
    act(() => result.current[1]({ ...result.current[0], overdue: undefined, platform: '抖音' }));
    expect(result.current[0]).toEqual({ filingStates: ['未报备'], platform: '抖音' });
    expect(decodeURIComponent(address)).toBe('?filingStates=未报备&platform=抖音');
  });
});
