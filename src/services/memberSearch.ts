/**
 * Member search as a secretary types it: a Chinese name fragment (two characters or more through the name's
 * character pairs kept by triggers, since FTS5 trigram cannot match fewer than three), pinyin initials or full pinyin
 * ('zs', 'zhangs'), the last digits of an ID number, or a phone number's beginning or end.
 * Pages are keyset-based so scrolling deep into 100k rows stays as fast as the first page.
 */
import { maskIdNumber, maskPhone } from '../domain/mask.js';
import type { MemberSearch, MemberSortField } from '../contract/members.js';
import type { MemberPage, MemberRow } from '../contract/members.js';
import { normalizeText, reverse } from '../domain/text.js';
import type { ServiceContext } from './context.js';
import { toMember, type MemberDbRow } from './members.js';
import { organizationScope } from './organizations.js';
import { escapeLike, keysetPage, prefixRange, type Clause } from './paging.js';

const SORT_EXPRESSIONS: Record<MemberSortField, string> = {
  name: 'm.name_pinyin',
  birthDate: 'm.birth_date',
  joinedOn: "coalesce(m.joined_on, '')",
  updatedAt: 'm.updated_at',
};

/** inSubtree: the search is limited to a subtree, whose members the members_org index lists with their names. */
export function textClause(rawQuery: string, inSubtree = false): Clause | null {
  const q = normalizeText(rawQuery).toLowerCase().replace(/\s+/g, '');
  if (!q) return null;
  if (/^[a-z]+$/.test(q)) {
    const a = prefixRange('m.name_initials', q);
    const b = prefixRange('m.name_pinyin', q);
    return { sql: `(${a.sql} OR ${b.sql})`, params: [...a.params, ...b.params] };
  }
  if (/^\d+x?$/.test(q)) {
    const parts = [prefixRange('m.id_number_rev', reverse(q.toUpperCase()))];
    if (!q.endsWith('x')) parts.push(prefixRange('m.phone_rev', reverse(q)), prefixRange('m.phone', q));
    return { sql: `(${parts.map((p) => p.sql).join(' OR ')})`, params: parts.flatMap((p) => p.params) };
  }
  const like = { sql: "m.name LIKE ? ESCAPE '\\'", params: [`%${escapeLike(q)}%`] };
  // Two characters or more: the members having the fragment's first pair of characters come from member_bigrams
  // (migration 0010), an index lookup as long as the matches, and the LIKE keeps those whose name holds all of it.
  if ([...q].length >= 2) {
    const first = [...q].slice(0, 2).join('');
    return { sql: `(m.id IN (SELECT member_id FROM member_bigrams WHERE gram = ?) AND ${like.sql})`, params: [first, ...like.params] };
  }
  // One character: within a subtree the LIKE reads the subtree's entries of members_org (which holds the name); over
  // the whole register, as a subquery, it scans the small (name, id) index instead of visiting every row in sort order.
  if (inSubtree) return like;
  return { sql: "m.id IN (SELECT id FROM members WHERE name LIKE ? ESCAPE '\\')", params: like.params };
}

export function searchMembers(ctx: ServiceContext, query: MemberSearch): MemberPage {
  const where: Clause[] = [];
  if (query.organizationId !== undefined) {
    where.push(organizationScope(ctx, 'm.organization_id', query.organizationId, query.includeSubtree));
  }
  if (query.statuses && query.statuses.length > 0) {
    where.push({ sql: `m.status IN (${query.statuses.map(() => '?').join(',')})`, params: query.statuses });
  }
  const text = query.q ? textClause(query.q, query.organizationId !== undefined) : null;
  if (text) where.push(text);

  const page = keysetPage<MemberDbRow & { organization_name: string }>(ctx.db, {
    table: 'members m',
    select: 'm.*, o.full_name AS organization_name FROM members m JOIN organizations o ON o.id = m.organization_id',
    where,
    sortExpr: SORT_EXPRESSIONS[query.sort],
    idColumn: 'm.id',
    order: query.order,
    cursor: query.cursor,
    limit: query.limit,
  });
  // Lists never carry whole ID numbers or phones: the member's own page does, for the roles that may see them.
  return {
    ...page,
    rows: page.rows.map((r): MemberRow => ({ ...toMember(r), idNumber: maskIdNumber(r.id_number), phone: r.phone && maskPhone(r.phone), organizationName: r.organization_name })),
  };
}
