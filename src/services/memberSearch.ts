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

const searchable = (rawQuery: string) => normalizeText(rawQuery).toLowerCase().replace(/\s+/g, '');
const isNameFragment = (q: string) => !/^[a-z]+$/.test(q) && !/^\d+x?$/.test(q);
const nameLike = (q: string): Clause => ({ sql: "m.name LIKE ? ESCAPE '\\'", params: [`%${escapeLike(q)}%`] });

/** The fragment's pairs of adjacent characters, each once. */
function pairs(q: string): string[] {
  const chars = [...q];
  return [...new Set(chars.slice(1).map((c, i) => chars[i] + c))];
}

/** The pair of the fragment fewest members have (an index range count each), so the LIKE reads the fewest names. */
function rarestPair(ctx: ServiceContext, q: string): string {
  const all = pairs(q);
  if (all.length === 1) return all[0]!;
  const count = ctx.db.prepare('SELECT count(*) FROM member_bigrams WHERE gram = ?').pluck();
  return all.map((gram) => ({ gram, n: count.get(gram) as number })).reduce((a, b) => (b.n < a.n ? b : a)).gram;
}

/** inSubtree: the search is limited to a subtree, whose members the members_org index lists with their names. */
function textClause(ctx: ServiceContext, rawQuery: string, inSubtree = false): Clause | null {
  const q = searchable(rawQuery);
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
  const like = nameLike(q);
  // Two characters or more: the members having the fragment's rarest pair of characters come from member_bigrams
  // (migration 0015), an index lookup as long as the matches, and the LIKE keeps those whose name holds all of it.
  if ([...q].length >= 2) {
    return { sql: `(m.id IN (SELECT member_id FROM member_bigrams WHERE gram = ?) AND ${like.sql})`, params: [rarestPair(ctx, q), ...like.params] };
  }
  // One character: within a subtree the LIKE reads the subtree's entries of members_org (which holds the name); over
  // the whole register, as a subquery, it scans the small (name, id) index instead of visiting every row in sort order.
  if (inSubtree) return like;
  return { sql: "m.id IN (SELECT id FROM members WHERE name LIKE ? ESCAPE '\\')", params: like.params };
}

const ROWS = 'm.*, o.full_name AS organization_name FROM members m JOIN organizations o ON o.id = m.organization_id';

/**
 * A name fragment of two characters or more, listed by name: the page is read off member_bigrams (migration 0019),
 * whose entries of one pair are in name order and carry the status — the first 50 entries of the rarest pair, and the
 * count a range of the same index, instead of every match's row read to count it and again to sort it (7,000 rows
 * for 欧阳 at 600k members). A member's row is read only for what the pair cannot answer: the rest of a longer fragment
 * (the LIKE) and the organization.
 */
function byNamePairs(ctx: ServiceContext, query: MemberSearch, q: string) {
  const where: Clause[] = [{ sql: 'b.gram = ?', params: [rarestPair(ctx, q)] }];
  if ([...q].length > 2) where.push(nameLike(q));
  if (query.statuses && query.statuses.length > 0) where.push({ sql: `b.status IN (${query.statuses.map(() => '?').join(',')})`, params: query.statuses });
  if (query.organizationId !== undefined) where.push(organizationScope(ctx, 'm.organization_id', query.organizationId, query.includeSubtree));
  const needsRow = [...q].length > 2 || query.organizationId !== undefined;
  return keysetPage<MemberDbRow & { organization_name: string }>(ctx.db, {
    table: needsRow ? 'member_bigrams b JOIN members m ON m.id = b.member_id' : 'member_bigrams b',
    select: ROWS,
    where,
    sortExpr: 'b.name_pinyin',
    idColumn: 'b.member_id',
    selected: { sortExpr: SORT_EXPRESSIONS.name, idColumn: 'm.id' },
    order: query.order,
    cursor: query.cursor,
    limit: query.limit,
  });
}

function byClauses(ctx: ServiceContext, query: MemberSearch) {
  const where: Clause[] = [];
  if (query.organizationId !== undefined) {
    where.push(organizationScope(ctx, 'm.organization_id', query.organizationId, query.includeSubtree));
  }
  if (query.statuses && query.statuses.length > 0) {
    where.push({ sql: `m.status IN (${query.statuses.map(() => '?').join(',')})`, params: query.statuses });
  }
  const text = query.q ? textClause(ctx, query.q, query.organizationId !== undefined) : null;
  if (text) where.push(text);
  return keysetPage<MemberDbRow & { organization_name: string }>(ctx.db, {
    table: 'members m',
    select: ROWS,
    where,
    sortExpr: SORT_EXPRESSIONS[query.sort],
    idColumn: 'm.id',
    order: query.order,
    cursor: query.cursor,
    limit: query.limit,
  });
}

export function searchMembers(ctx: ServiceContext, query: MemberSearch): MemberPage {
  const q = query.q ? searchable(query.q) : '';
  const page = query.sort === 'name' && isNameFragment(q) && [...q].length >= 2 ? byNamePairs(ctx, query, q) : byClauses(ctx, query);
  // Lists never carry whole ID numbers or phones: the member's own page does, for the roles that may see them.
  return {
    ...page,
    rows: page.rows.map((r): MemberRow => ({ ...toMember(r), idNumber: maskIdNumber(r.id_number), phone: r.phone && maskPhone(r.phone), organizationName: r.organization_name })),
  };
}
