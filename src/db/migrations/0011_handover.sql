-- Handover (issue 12 point 7). An account's owner is one of its filed fields now: a change of holder is filed
-- again (变更). Snapshots accepted before this version did not record the owner; the owner they were accepted for
-- is the current one (no call could change it), so it is written into them and nothing turns 变更未报 by itself.
UPDATE filings SET snapshot_json = json_set(snapshot_json, '$.memberId', (SELECT member_id FROM accounts WHERE accounts.id = filings.account_id))
WHERE snapshot_json IS NOT NULL;

-- A dated change of an account's holder or administrator (移交), or the decision to keep it with its holder when
-- that member left (保留, with a note). Closing is the account's own 注销. Never updated or deleted.
CREATE TABLE account_handovers (
  id                 INTEGER PRIMARY KEY,
  account_id         INTEGER NOT NULL REFERENCES accounts(id),
  kind               TEXT NOT NULL CHECK (kind IN ('移交', '保留')),
  on_date            TEXT NOT NULL,
  from_member_id     INTEGER NOT NULL REFERENCES members(id),
  to_member_id       INTEGER NOT NULL REFERENCES members(id),
  from_administrator TEXT,
  to_administrator   TEXT,
  note               TEXT,
  -- The member's leaving (转出/退休/去世) this decision was part of, if any.
  member_left        TEXT CHECK (member_left IN ('转出', '退休', '去世')),
  actor              TEXT NOT NULL,
  created_at         TEXT NOT NULL
);
CREATE INDEX account_handovers_account ON account_handovers(account_id, on_date);
