/** Building blocks shared by the list queries: WHERE clauses, index-range prefixes and keyset cursors. */
import { LedgerError } from '../api/errors.js';
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

export function encodeCursor(value: unknown, id: number): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

/** The rows after the cursor in the given order, as a row-value comparison the sort index can serve. */
export function cursorClause(cursor: string, expr: string, idColumn: string, order: 'asc' | 'desc'): Clause {
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

/** Cuts the extra row fetched to learn whether another page exists, and makes its cursor. */
export function pageOf<R extends { id: number; sort_value: unknown }>(rows: R[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(last.sort_value, last.id) : null };
}
