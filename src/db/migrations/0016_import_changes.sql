-- An import's row changes (issue 10: "one audit entry (file name, SHA-256, counts) plus the row changes"): each
-- member added or updated by an import is kept here, tied to the import's entry in audit_log, instead of an entry of
-- its own in the chain. The import's entry carries the count and SHA-256 of its changes (src/db/auditChain.ts), so
-- the chain covers them: `netledger check` names the import whose changes were edited, removed or added to.
CREATE TABLE audit_changes (
  id          INTEGER PRIMARY KEY,
  audit_id    INTEGER NOT NULL,               -- the import's entry in audit_log (written as the import commits)
  entity      TEXT NOT NULL,
  entity_id   INTEGER NOT NULL,
  action      TEXT NOT NULL,
  summary     TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT
);
-- A member's page lists its history: its own entries and its changes by imports. (`check` reads the changes in id
-- order, where each import's are consecutive: no index by import, one B-tree fewer to fill per row.)
CREATE INDEX audit_changes_entity ON audit_changes(entity, entity_id, audit_id);

CREATE TRIGGER audit_changes_no_delete BEFORE DELETE ON audit_changes
BEGIN SELECT RAISE(ABORT, 'audit_changes is append-only'); END;
CREATE TRIGGER audit_changes_no_update BEFORE UPDATE ON audit_changes
BEGIN SELECT RAISE(ABORT, 'audit_changes is append-only'); END;
