-- Tamper-evident 操作记录: each entry carries the SHA-256 of its content and of the entry before it (src/db/auditChain.ts),
-- so editing, removing or inserting an entry breaks the chain from there on, and `netledger check` names the first
-- broken one. Entries written before this version are chained when the register is first opened by it.
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;

-- The head of the chain (last entry, its hash, how many entries), kept by a trigger on every append, so cutting
-- entries off the end is seen too (unless whoever cut them also rewrote this row — see the README's threat model).
CREATE TABLE audit_head (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  last_id   INTEGER NOT NULL,
  last_hash TEXT NOT NULL,
  entries   INTEGER NOT NULL
);
INSERT INTO audit_head (id, last_id, last_hash, entries) VALUES (1, 0, '', 0);

-- Append-only: nothing the console runs deletes or rewrites an entry. The only update allowed is sealing an entry
-- written before the chain existed (hash still NULL).
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN OLD.hash IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_head AFTER INSERT ON audit_log WHEN NEW.hash IS NOT NULL
BEGIN UPDATE audit_head SET last_id = NEW.id, last_hash = NEW.hash, entries = entries + 1; END;
CREATE TRIGGER audit_head_forward BEFORE UPDATE ON audit_head WHEN NEW.entries < OLD.entries OR NEW.last_id < OLD.last_id
BEGIN SELECT RAISE(ABORT, 'audit_head only moves forward'); END;
CREATE TRIGGER audit_head_kept BEFORE DELETE ON audit_head
BEGIN SELECT RAISE(ABORT, 'audit_head is kept'); END;
