/** The accounts list: filters a secretary uses, search by display name or account ID, keyset pages. */
import type { AccountSearch, AccountSortField } from '../contract/accounts.js';
import type { AccountPage, AccountRow } from '../contract/accounts.js';
import { normalizeText } from '../domain/text.js';
import { today, type ServiceContext } from './context.js';
import { toAccount, type AccountDbRow } from './accounts.js';
import { organizationScope } from './organizations.js';
import { escapeLike, keysetPage, prefixRange, type Clause } from './paging.js';

const SORT_EXPRESSIONS: Record<AccountSortField, string> = {
  displayName: 'a.display_name',
  openedOn: "coalesce(a.opened_on, '')",
  dueOn: "coalesce(a.due_on, '9999')",
  updatedAt: 'a.updated_at',
};

function equals(column: string, value: unknown): Clause {
  return { sql: `${column} = ?`, params: [value] };
}

export function accountFilters(ctx: ServiceContext, query: Omit<AccountSearch, 'sort' | 'order' | 'cursor' | 'limit'>): Clause[] {
  const where: Clause[] = [];
  if (query.organizationId !== undefined) where.push(organizationScope(ctx, 'a.organization_id', query.organizationId));
  if (query.memberId !== undefined) where.push(equals('a.member_id', query.memberId));
  if (query.platform) where.push(equals('a.platform', query.platform));
  if (query.region) where.push(equals('a.region', query.region));
  if (query.capacity) where.push(equals('a.capacity', query.capacity));
  if (query.kind) where.push(equals('a.kind', query.kind));
  if (query.requiredFiling) where.push(equals('a.required_filing', query.requiredFiling));
  if (query.filingStates?.length) {
    where.push({ sql: `a.filing_state IN (${query.filingStates.map(() => '?').join(',')})`, params: query.filingStates });
  }
  if (query.overdue) where.push({ sql: "a.filing_state = '未报备' AND a.due_on < ?", params: [today(ctx)] });
  const q = query.q ? normalizeText(query.q) : '';
  if (q) {
    // The account's name, the beginning of its ID or URL, or its owner's name: whichever the secretary remembers.
    const ref = prefixRange('a.account_ref', q);
    const like = `%${escapeLike(q)}%`;
    where.push({
      sql: `(a.id IN (SELECT id FROM accounts WHERE display_name LIKE ? ESCAPE '\\') OR ${ref.sql}
             OR a.member_id IN (SELECT id FROM members WHERE name LIKE ? ESCAPE '\\'))`,
      params: [like, ...ref.params, like],
    });
  }
  return where;
}

export function searchAccounts(ctx: ServiceContext, query: AccountSearch): AccountPage {
  const page = keysetPage<AccountDbRow & { member_name: string; organization_name: string; last_filing: string | null }>(ctx.db, {
    table: 'accounts a',
    select: `a.*, m.name AS member_name, o.full_name AS organization_name,
       (SELECT json_object('type', f.type, 'state', f.state, 'submittedOn', f.submitted_on) FROM filings f
        WHERE f.account_id = a.id ORDER BY f.id DESC LIMIT 1) AS last_filing
       FROM accounts a JOIN members m ON m.id = a.member_id JOIN organizations o ON o.id = a.organization_id`,
    where: accountFilters(ctx, query),
    sortExpr: SORT_EXPRESSIONS[query.sort],
    idColumn: 'a.id',
    order: query.order,
    cursor: query.cursor,
    limit: query.limit,
  });
  const day = today(ctx);
  return { ...page, rows: page.rows.map(
      (r): AccountRow => ({
        ...toAccount(r, day),
        memberName: r.member_name,
        organizationName: r.organization_name,
        lastFiling: r.last_filing ? (JSON.parse(r.last_filing) as AccountRow['lastFiling']) : null,
      }),
    ),
  };
}
