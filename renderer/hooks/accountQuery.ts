/**
 * The accounts list's filters live in the address (#/accounts?filingStates=未报备&overdue=1…), so every
 * number on the dashboard can link to exactly the accounts behind it.
 */
import { useSearchParams } from 'react-router-dom';
import type { PagedQuery } from './pagedList.js';

export type AccountQuery = PagedQuery<'accounts.search'>;

const NUMBER_KEYS = ['organizationId', 'memberId'] as const;
const TEXT_KEYS = ['q', 'platform', 'region', 'capacity', 'kind', 'requiredFiling'] as const;

export function accountQueryFromParams(params: URLSearchParams): AccountQuery {
  const query: Record<string, unknown> = {};
  for (const k of NUMBER_KEYS) if (params.get(k)) query[k] = Number(params.get(k));
  for (const k of TEXT_KEYS) if (params.get(k)) query[k] = params.get(k);
  if (params.get('filingStates')) query.filingStates = params.get('filingStates')!.split(',');
  if (params.get('overdue') === '1') query.overdue = true;
  return query as AccountQuery;
}

export function accountQueryToParams(query: AccountQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0)) continue;
    params.set(k, Array.isArray(v) ? v.join(',') : v === true ? '1' : String(v));
  }
  return params;
}

export function useAccountQuery(): [AccountQuery, (q: AccountQuery) => void] {
  const [params, setParams] = useSearchParams();
  return [accountQueryFromParams(params), (q) => setParams(accountQueryToParams(q), { replace: true })];
}
