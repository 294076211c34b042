/**
 * account_periods.figure_class (migration 0020): the upgrade packs the periods it finds exactly as the code packs the
 * periods it writes (domain/figureClass.ts), for every value of every packed column, and unpacking gives them back.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../src/db/migrate.js';
import { classFacts, figureClass, type ClassFacts } from '../../src/domain/figureClass.js';
import { ACCOUNT_KINDS, CAPACITIES, FILING_STATES, REGIONS, REQUIRED_FILINGS } from '../../src/domain/vocabulary.js';

const NOW = () => '2026-11-25T02:00:00.000Z';
const EVERY: ClassFacts[] = REQUIRED_FILINGS.flatMap((required) =>
  FILING_STATES.flatMap((state) => CAPACITIES.flatMap((capacity) => ACCOUNT_KINDS.flatMap((kind) => REGIONS.map((region) => ({ required, state, capacity, kind, region }))))),
);

describe('figure class', () => {
  it('is packed by the upgrade as by the code, and unpacks to the same values', () => {
    const all = loadMigrations();
    const db = new Database(':memory:');
    // Periods alone, one per combination: no account or member rows are needed to pack them.
    db.pragma('foreign_keys = OFF');
    migrate(db, all.slice(0, all.findIndex((m) => m.name === 'city_figures')), NOW);
    const insert = db.prepare(`INSERT INTO account_periods (account_id, valid_from, valid_to, member_id, organization_id, required_filing, filing_state, capacity, kind, region, platform, due_on)
      VALUES (?, '2026-01-01', '9999-12-31', 1, 1, ?, ?, ?, ?, ?, '微信', NULL)`);
    EVERY.forEach((f, i) => insert.run(i + 1, f.required, f.state, f.capacity, f.kind, f.region));

    migrate(db, all, NOW);
    const packed = db.prepare('SELECT account_id AS id, figure_class AS code FROM account_periods ORDER BY account_id').all() as { id: number; code: number }[];
    expect(packed.map((r) => r.code)).toEqual(EVERY.map(figureClass));
    expect(packed.map((r) => classFacts(r.code))).toEqual(EVERY);
    expect(new Set(packed.map((r) => r.code)).size).toBe(EVERY.length);
  });
});
