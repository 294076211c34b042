/**
 * Member search as a secretary types it: a Chinese name fragment (two characters work: a LIKE over a
 * short column, since FTS5 trigram cannot match fewer than three), pinyin initials or full pinyin
 * ('zs', 'zhangs'), the last digits of an ID number, or a phone number's beginning or end.
 * Pages are keyset-based so scrolling deep into 100k rows stays as fast as the first page.
 */
import { LedgerError } from '../api/errors.js';
import type { MemberSearch, MemberSortField } from '../api/schemas.js';
import type { MemberPage, MemberRow } from '../api/types.js';
import { normalizeText, reverse } from '../domain/text.js';
import { msg } from '../i18n/messages.js';
import type { ServiceContext } from './context.js';
import { toMember, type MemberDbRow } from './members.js';
import { findOrganizationRow } from './organizations.js';
import { subtreeRange } from './treePath.js';

const SORT_EXPRESSIONS: Record<MemberSortField, string> = {
  name: 'm.name_pinyin',
  birthDate: 'm.birth_date',
  joinedOn: "coalesce(m.joined_on, '')",
  updatedAt: 'm.updated_at',
};

interface Clause {
  sql: string;
  params: unknown[];
}

/** Rows whose column starts with prefix, as an index range (LIKE 'x%' would not use the index). */
function prefixRange(column: string, prefix: string): Clause {
  return { sql: `(${column} >= ? AND ${column} < ?)`, params: [prefix, prefix + '\uffff'] };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => '\\' + c);
}

export function textClause(rawQuery: string): Clause | null {
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
  // As a subquery the LIKE scans the small (name, id) index instead of visiting every row in sort order.
  return { sql: "m.id IN (SELECT id FROM members WHERE name LIKE ? ESCAPE '\\')", params: [`%${escapeLike(q)}%`] };
}

function encodeCursor(value: unknown, id: number): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string | number, number] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'number') {
      return parsed as [string | number, number];
    }
  } catch {
    // fall through to the error below
  }
  throw new LedgerError('VALIDATION', msg.search.badCursor);
}

export function searchMembers(ctx: ServiceContext, query: MemberSearch): MemberPage {
  const where: Clause[] = [];
  if (query.organizationId !== undefined) {
    const org = findOrganizationRow(ctx, query.organizationId);
    if (query.includeSubtree) {
      const range = subtreeRange(org.tree_path);
      where.push({
        sql: 'm.organization_id IN (SELECT id FROM organizations WHERE tree_path >= ? AND tree_path < ?)',
        params: [range.from, range.to],
      });
    } else {
      where.push({ sql: 'm.organization_id = ?', params: [org.id] });
    }
  }
  if (query.statuses && query.statuses.length > 0) {
    where.push({ sql: `m.status IN (${query.statuses.map(() => '?').join(',')})`, params: query.statuses });
  }
  const text = query.q ? textClause(query.q) : null;
  if (text) where.push(text);

  const whereSql = (extra: Clause[]) => {
    const all = [...where, ...extra];
    return { sql: all.length ? 'WHERE ' + all.map((c) => c.sql).join(' AND ') : '', params: all.flatMap((c) => c.params) };
  };

  const total = ((): number => {
    const w = whereSql([]);
    return (ctx.db.prepare(`SELECT count(*) AS n FROM members m ${w.sql}`).get(...w.params) as { n: number }).n;
  })();

  const expr = SORT_EXPRESSIONS[query.sort];
  const dir = query.order === 'desc' ? 'DESC' : 'ASC';
  const cursorClauses: Clause[] = [];
  if (query.cursor) {
    const [value, id] = decodeCursor(query.cursor);
    cursorClauses.push({ sql: `(${expr}, m.id) ${dir === 'ASC' ? '>' : '<'} (?, ?)`, params: [value, id] });
  }
  const w = whereSql(cursorClauses);
  const rows = ctx.db
    .prepare(
      `SELECT m.*, o.full_name AS organization_name, ${expr} AS sort_value
       FROM members m JOIN organizations o ON o.id = m.organization_id
       ${w.sql} ORDER BY ${expr} ${dir}, m.id ${dir} LIMIT ?`,
    )
    .all(...w.params, query.limit + 1) as (MemberDbRow & { organization_name: string; sort_value: string })[];

  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((r): MemberRow => ({ ...toMember(r), organizationName: r.organization_name })),
    total,
    nextCursor: hasMore && last ? encodeCursor(last.sort_value, last.id) : null,
  };
}
