import type Database from 'better-sqlite3-multiple-ciphers';
import type { Caller } from '../contract/operators.js';
import type { Db } from '../db/open.js';

type Statement = Database.Statement<unknown[]>;
import { localDay } from '../domain/dates.js';

/** What every service function receives: the store, a clock (frozen in tests) and who is acting. */
export interface ServiceContext {
  db: Db;
  clock: () => Date;
  /** Who is acting, as the audit names them: the signed-in operator's name. */
  actor: string;
  /** The signed-in operator making this call (null: no one, for the calls open before sign-in). */
  caller?: Caller | null;
  /** Where scanned forms are kept (inside the data folder); null when the register lives only in memory. */
  filesDir: string | null;
  /** The register key when it is encrypted: scans are written and read encrypted with it (src/db/sealedFiles.ts). */
  filesKey?: Buffer | null;
}

export function nowIso(ctx: ServiceContext): string {
  return ctx.clock().toISOString();
}

export function today(ctx: ServiceContext): string {
  return localDay(ctx.clock());
}

const prepared = new WeakMap<Db, Map<string, Statement>>();

/**
 * A statement prepared once per connection: what runs once per row of a 100,000-row import must not be compiled
 * 100,000 times (preparing costs more than running a lookup by index).
 */
export function statement(ctx: ServiceContext, sql: string): Statement {
  let cache = prepared.get(ctx.db);
  if (!cache) prepared.set(ctx.db, (cache = new Map()));
  let found = cache.get(sql);
  if (!found) cache.set(sql, (found = ctx.db.prepare<unknown[]>(sql)));
  return found;
}

/** Runs fn in one transaction: writes that belong together land together or not at all. */
export function inTransaction<T>(ctx: ServiceContext, fn: () => T): T {
  return ctx.db.transaction(fn)();
}
