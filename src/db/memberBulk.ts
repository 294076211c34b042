/**
 * Members added in bulk (an import of 100,000 rows): what their insert triggers derive — the name's character pairs,
 * the 在册 tally and the first dated event (migrations 0014, 0015), whose period the events' own trigger builds — is
 * written once for all the new members at the end of the same transaction instead of row by row, where it cost about
 * as much as the insert itself.
 * The triggers are dropped inside the transaction and created again from their own stored SQL before it commits, so
 * no other connection ever sees them missing and a rollback brings them back with everything else (as
 * rebuildAllPeriods does with its indexes).
 */
import type Database from 'better-sqlite3-multiple-ciphers';

/** The AFTER INSERT triggers on members whose work finish() does; any other keeps running row by row. */
const DEFERRED = ['member_bigrams_insert', 'member_tally_insert', 'members_dated_insert'];
const NEW_MEMBERS = 'SELECT * FROM members WHERE id > @after';

/** The same rows the triggers write, for every member added after `after` (ids only grow within the transaction). */
const DERIVE = [
  // member_bigrams_insert, in key order (the B-tree is filled left to right rather than at random).
  `INSERT OR IGNORE INTO member_bigrams (gram, name_pinyin, member_id, status)
     SELECT lower(substr(m.name, p.pos, 2)), m.name_pinyin, m.id, m.status FROM (${NEW_MEMBERS}) m JOIN member_bigram_positions p ON p.pos < length(m.name)
     ORDER BY 1, 2, 3`,
  // member_tally_insert: one addition per organization instead of one per member.
  `INSERT INTO member_tally (organization_id, active)
     SELECT organization_id, count(*) FROM (${NEW_MEMBERS}) WHERE status = '在册' GROUP BY organization_id
     ON CONFLICT DO UPDATE SET active = active + excluded.active`,
  // members_dated_insert. Each event still fires member_events_periods, so the new members' periods are built by the
  // one rule that builds every member's (migration 0017's member_periods_rebuild), not by a copy of it here.
  `INSERT INTO member_events (member_id, on_date, organization_id, status)
     SELECT id, coalesce(date(created_at, 'localtime'), created_at), organization_id, status FROM (${NEW_MEMBERS}) ORDER BY id`,
];

export interface DeferredDerivations {
  /** Writes what the triggers would have for the members added since, and restores them; before COMMIT. */
  finish(): void;
}

/** Inside an open write transaction. Null when the register's triggers are not the ones this knows: row by row then. */
export function deferMemberDerivations(db: Database.Database): DeferredDerivations | null {
  const triggers = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name IN (${DEFERRED.map(() => '?').join(', ')})`)
    .all(...DEFERRED) as { name: string; sql: string }[];
  if (triggers.length !== DEFERRED.length) return null;
  const after = db.prepare('SELECT coalesce(max(id), 0) FROM members').pluck().get() as number;
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  return {
    finish() {
      for (const sql of DERIVE) db.prepare(sql).run({ after });
      for (const t of triggers) db.exec(t.sql);
    },
  };
}
