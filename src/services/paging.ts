/** Building blocks shared by the list queries: WHERE clauses, index-range prefixes and keyset cursors. */
import { LedgerError } from '../contract/errors.js';
import type { Db } from '../db/open.js';
import { msg } from '../i18n/messages.js';

export interface Clause {
  sql: string;
  params: unknown[];
}

/** Rows whose column starts with prefix, as an index range (LIKE 'x%' would not use the index). */
export function prefixRange(column: string, prefix: string): Clause {
  return { sql: `(${column} >= ? AND ${column} < ?)`, params: [prefix, prefix + '\uffff'] };
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => '\\' + c);
}

export function whereSql(clauses: Clause[]): Clause {
  return { sql: clauses.length ? 'WHERE ' + clauses.map((c) => c.sql).join(' AND ') : '', params: clauses.flatMap((c) => c.params) };
}

function encodeCursor(value: unknown, id: number): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

/** The rows after the cursor in the given order, as a row-value comparison the sort index can serve. */
function cursorClause(cursor: string, expr: string, idColumn: string, order: 'asc' | 'desc'): Clause {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[1] !== 'number') {
    throw new LedgerError('VALIDATION', msg.search.badCursor);
  }
  return { sql: `(${expr}, ${idColumn}) ${order === 'asc' ? '>' : '<'} (?, ?)`, params: parsed };
}

export interface KeysetQuery {
  /** The table with its alias, for the count ("members m"). */
  table: string;
  /** Columns and joins for the rows ("m.*, o.full_name AS organization_name FROM members m JOIN …"). */
  select: string;
  where: Clause[];
  sortExpr: string;
  idColumn: string;
  order: 'asc' | 'desc';
  cursor?: string | null;
  limit: number;
  /**
   * The sort expression and id as `select` names them, when `table` finds the page through another table that holds
   * both (a lookup table in the list's order); by default the same as `sortExpr` and `idColumn`.
   */
  selected?: { sortExpr: string; idColumn: string };
}

/**
 * One page of a list in a stable order (sort expression, then id), with the total matching rows and the
 * cursor of the next page. Fetches one row more than asked to learn whether another page exists.
 */
export function keysetPage<R>(db: Db, q: KeysetQuery): { rows: R[]; total: number; nextCursor: string | null } {
  const all = whereSql(q.where);
  const total = (db.prepare(`SELECT count(*) AS n FROM ${q.table} ${all.sql}`).get(...all.params) as { n: number }).n;
  const dir = q.order === 'desc' ? 'DESC' : 'ASC';
  const w = whereSql(q.cursor ? [...q.where, cursorClause(q.cursor, q.sortExpr, q.idColumn, q.order)] : q.where);
  const orderBy = (sortExpr: string, idColumn: string) => `ORDER BY ${sortExpr} ${dir}, ${idColumn} ${dir}`;
  const out = q.selected ?? q;
  // The page's ids first, then its columns and joins: when the planner sorts the matches (a filter index instead
  // of the sort index), it sorts narrow rows and computes joins and sub-selects for the page only, not every match.
  const fetched = db
    .prepare(
      `SELECT ${out.sortExpr} AS sort_value, ${q.select} WHERE ${out.idColumn} IN (SELECT ${q.idColumn} FROM ${q.table} ${w.sql} ${orderBy(q.sortExpr, q.idColumn)} LIMIT ?) ${orderBy(out.sortExpr, out.idColumn)}`,
    )
    .all(...w.params, q.limit + 1) as (R & { id: number; sort_value: unknown })[];
  const rows = fetched.slice(0, q.limit);
  const last = rows[rows.length - 1];
  return { rows, total, nextCursor: fetched.length > q.limit && last ? encodeCursor(last.sort_value, last.id) : null };
}
