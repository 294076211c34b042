-- Figures as of a date (issue 12 point 2): a report for a period shows the register as it stood at the period's end.
-- What the register knew only as current columns is kept as dated events, written by triggers so that every writer
-- (forms, imports, the demo) records them; the periods the figures count are rebuilt from the events.

-- Where a member stood from a day on: organization and status (在册/转出/退休/去世). A status change is dated by the
-- date given with it, a move by the day it was recorded. Before a member's first event the first one holds: a member
-- entered today was a member before (the register does not know since when).
CREATE TABLE member_events (
  id              INTEGER PRIMARY KEY,
  member_id       INTEGER NOT NULL REFERENCES members(id),
  on_date         TEXT NOT NULL,
  organization_id INTEGER NOT NULL REFERENCES organizations(id),
  status          TEXT NOT NULL
);
CREATE INDEX member_events_member ON member_events(member_id, on_date, id);

-- The member's events as intervals [valid_from, valid_to): on each day the latest-recorded event dated on or before
-- it holds (so the last interval is always the member's current row). Kept by the trigger below.
CREATE TABLE member_periods (
  member_id       INTEGER NOT NULL REFERENCES members(id),
  valid_from      TEXT NOT NULL,
  valid_to        TEXT NOT NULL,
  organization_id INTEGER NOT NULL,
  status          TEXT NOT NULL,
  PRIMARY KEY (member_id, valid_from)
) WITHOUT ROWID;
-- 在册党员 of an organization on a day: one range of this index per organization.
CREATE INDEX member_periods_figures ON member_periods(organization_id, status, valid_to, valid_from, member_id);

CREATE TRIGGER member_events_periods AFTER INSERT ON member_events BEGIN
  DELETE FROM member_periods WHERE member_id = NEW.member_id;
  INSERT INTO member_periods (member_id, valid_from, valid_to, organization_id, status)
  SELECT NEW.member_id, CASE w.rn WHEN 1 THEN '0000-01-01' ELSE w.d END, coalesce(w.nx, '9999-12-31'), e.organization_id, e.status
  FROM (
    SELECT p.d, lead(p.d) OVER (ORDER BY p.d) AS nx, row_number() OVER (ORDER BY p.d) AS rn,
           (SELECT x.id FROM member_events x WHERE x.member_id = NEW.member_id AND x.on_date <= p.d ORDER BY x.id DESC LIMIT 1) AS eid
    FROM (SELECT DISTINCT on_date AS d FROM member_events WHERE member_id = NEW.member_id) p
  ) w JOIN member_events e ON e.id = w.eid;
END;

CREATE TRIGGER members_dated_insert AFTER INSERT ON members BEGIN
  INSERT INTO member_events (member_id, on_date, organization_id, status)
  VALUES (NEW.id, coalesce(date(NEW.created_at, 'localtime'), NEW.created_at), NEW.organization_id, NEW.status);
END;

CREATE TRIGGER members_dated_update AFTER UPDATE OF organization_id, status ON members
WHEN NEW.organization_id IS NOT OLD.organization_id OR NEW.status IS NOT OLD.status BEGIN
  INSERT INTO member_events (member_id, on_date, organization_id, status)
  VALUES (NEW.id, CASE WHEN NEW.status IS NOT OLD.status AND NEW.status_date IS NOT NULL THEN NEW.status_date ELSE date(NEW.updated_at, 'localtime') END,
          NEW.organization_id, NEW.status);
END;

-- An account's fields from a day on: what the figures split on and what the 明细表 prints. Its opening (opened_on,
-- else the day it was registered) starts it; an edit is dated by the day it was recorded, a closure by its closed_on.
CREATE TABLE account_events (
  id            INTEGER PRIMARY KEY,
  account_id    INTEGER NOT NULL REFERENCES accounts(id),
  on_date       TEXT NOT NULL,
  member_id     INTEGER NOT NULL,             -- the holder: a handover (移交) is a change to file, like a rename
  platform      TEXT NOT NULL,
  region        TEXT NOT NULL,
  capacity      TEXT NOT NULL,
  kind          TEXT NOT NULL,
  display_name  TEXT NOT NULL,
  account_ref   TEXT,
  audience      INTEGER,
  administrator TEXT,
  status        TEXT NOT NULL,
  closed_on     TEXT,
  closed_reason TEXT
);
-- The version in force on a day: the latest recorded among those dated by then.
CREATE INDEX account_events_account ON account_events(account_id, on_date, id);

CREATE TRIGGER accounts_dated_insert AFTER INSERT ON accounts BEGIN
  INSERT INTO account_events (account_id, on_date, member_id, platform, region, capacity, kind, display_name, account_ref, audience, administrator, status)
  VALUES (NEW.id, coalesce(NEW.opened_on, date(NEW.created_at, 'localtime'), NEW.created_at), NEW.member_id, NEW.platform, NEW.region, NEW.capacity, NEW.kind, NEW.display_name,
          NEW.account_ref, NEW.audience, NEW.administrator, CASE NEW.status WHEN '已注销' THEN '在用' ELSE NEW.status END);
  INSERT INTO account_events (account_id, on_date, member_id, platform, region, capacity, kind, display_name, account_ref, audience, administrator, status, closed_on, closed_reason)
  SELECT NEW.id, coalesce(NEW.closed_on, date(NEW.created_at, 'localtime'), NEW.created_at), NEW.member_id, NEW.platform, NEW.region, NEW.capacity, NEW.kind, NEW.display_name,
         NEW.account_ref, NEW.audience, NEW.administrator, NEW.status, NEW.closed_on, NEW.closed_reason
  WHERE NEW.status = '已注销';
END;

CREATE TRIGGER accounts_dated_update AFTER UPDATE OF member_id, platform, region, capacity, kind, display_name, account_ref, audience, administrator, status ON accounts
WHEN NEW.member_id IS NOT OLD.member_id OR NEW.platform IS NOT OLD.platform OR NEW.region IS NOT OLD.region OR NEW.capacity IS NOT OLD.capacity OR NEW.kind IS NOT OLD.kind
  OR NEW.display_name IS NOT OLD.display_name OR NEW.account_ref IS NOT OLD.account_ref OR NEW.audience IS NOT OLD.audience
  OR NEW.administrator IS NOT OLD.administrator OR NEW.status IS NOT OLD.status BEGIN
  INSERT INTO account_events (account_id, on_date, member_id, platform, region, capacity, kind, display_name, account_ref, audience, administrator, status, closed_on, closed_reason)
  VALUES (NEW.id, CASE WHEN NEW.status = '已注销' AND OLD.status <> '已注销' AND NEW.closed_on IS NOT NULL THEN NEW.closed_on ELSE date(NEW.updated_at, 'localtime') END,
          NEW.member_id, NEW.platform, NEW.region, NEW.capacity, NEW.kind, NEW.display_name, NEW.account_ref, NEW.audience, NEW.administrator, NEW.status,
          NEW.closed_on, NEW.closed_reason);
END;

-- What each account counted as, per interval [valid_from, valid_to): rebuilt from the events above, the filings'
-- dated events and the 报备规则 in force (services/registerAsOf.ts). The last interval is the account's current row.
CREATE TABLE account_periods (
  account_id      INTEGER NOT NULL REFERENCES accounts(id),
  valid_from      TEXT NOT NULL,
  valid_to        TEXT NOT NULL,
  member_id       INTEGER NOT NULL,
  organization_id INTEGER NOT NULL,
  required_filing TEXT NOT NULL,
  filing_state    TEXT NOT NULL,
  capacity        TEXT NOT NULL,
  kind            TEXT NOT NULL,
  region          TEXT NOT NULL,
  platform        TEXT NOT NULL,
  due_on          TEXT,
  PRIMARY KEY (account_id, valid_from)
) WITHOUT ROWID;
-- The figures of a day, covered (no table look-up): the current rows (valid_to = 9999-12-31) in the order of the
-- figures' GROUP BY, so it streams without a sort; the few rows that ended after the day in a short range before them.
CREATE INDEX account_periods_figures ON account_periods(valid_to, organization_id, required_filing, filing_state, capacity, kind, region, platform, valid_from, due_on);
-- 登记有网络账号的党员: whether a member held an open account on the day, one seek per member.
CREATE INDEX account_periods_member ON account_periods(member_id, valid_to, valid_from, filing_state);

-- 报备规则 as versions: each in force from its day until the next; a past period is judged by the one then in force.
CREATE TABLE filing_rule_versions (
  id             INTEGER PRIMARY KEY,
  effective_from TEXT NOT NULL,
  rules_json     TEXT NOT NULL,
  basis_name     TEXT,                        -- the 细则's name, cited by the reports
  basis_number   TEXT,                        -- its 文号
  saved_at       TEXT NOT NULL,
  saved_by       TEXT NOT NULL
);
CREATE INDEX filing_rule_versions_from ON filing_rule_versions(effective_from, id);

-- Backfill from what the register already holds: the rules as one version in force since always; each member in
-- place since they were entered, and left on their status date; each account open since its opening and closed on
-- its closed_on (earlier edits were not dated and are taken as they are now).
INSERT INTO filing_rule_versions (effective_from, rules_json, saved_at, saved_by)
VALUES ('0000-01-01', coalesce((SELECT value FROM settings WHERE key = 'filingRules'), '{}'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), '');
DELETE FROM settings WHERE key = 'filingRules';

INSERT INTO member_events (member_id, on_date, organization_id, status)
SELECT id, date(created_at, 'localtime'), organization_id, '在册' FROM members ORDER BY id;
INSERT INTO member_events (member_id, on_date, organization_id, status)
SELECT id, coalesce(status_date, date(updated_at, 'localtime')), organization_id, status FROM members WHERE status <> '在册' ORDER BY id;

INSERT INTO account_events (account_id, on_date, member_id, platform, region, capacity, kind, display_name, account_ref, audience, administrator, status)
SELECT id, coalesce(opened_on, date(created_at, 'localtime')), member_id, platform, region, capacity, kind, display_name, account_ref, audience, administrator,
       CASE status WHEN '已注销' THEN '在用' ELSE status END
FROM accounts ORDER BY id;
INSERT INTO account_events (account_id, on_date, member_id, platform, region, capacity, kind, display_name, account_ref, audience, administrator, status, closed_on, closed_reason)
SELECT id, coalesce(closed_on, date(updated_at, 'localtime')), member_id, platform, region, capacity, kind, display_name, account_ref, audience, administrator,
       status, closed_on, closed_reason
FROM accounts WHERE status = '已注销' ORDER BY id;

-- The accounts' periods need the filing rules (code, not SQL): the host rebuilds them once when it opens the register.
INSERT INTO settings (key, value) SELECT 'periodsPending', 'true' WHERE EXISTS (SELECT 1 FROM accounts);

-- A filing's events are read per account, in order, when its periods are rebuilt.
CREATE INDEX filing_events_on ON filing_events(filing_id, on_date, id);
