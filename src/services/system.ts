import type { ServiceContext } from './context.js';

/** Row counts of every table of the register, for `netledger stats` and support questions. */
export function tableCounts(ctx: ServiceContext): Record<string, number> {
  const tables = ctx.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = (ctx.db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
  }
  return counts;
}

/** Accounts by derived filing state and by the filing they need, for `netledger stats`. */
export function accountStateCounts(ctx: ServiceContext): { byFilingState: Record<string, number>; byRequiredFiling: Record<string, number> } {
  const group = (column: string) =>
    Object.fromEntries(
      (ctx.db.prepare(`SELECT ${column} AS k, count(*) AS n FROM accounts GROUP BY ${column} ORDER BY ${column}`).all() as { k: string; n: number }[]).map(
        (r) => [r.k, r.n],
      ),
    );
  return { byFilingState: group('filing_state'), byRequiredFiling: group('required_filing') };
}
