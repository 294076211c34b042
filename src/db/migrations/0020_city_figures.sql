-- 登记有网络账号的党员 of a day at city scale (issue 13): the 统计表 counted it with one look-up per 在册 member into
-- the accounts' periods (600k look-ups, half of a whole-tree 统计表's 4.6 s). These are the intervals in which a
-- member is 在册 and holds an account not 已注销, where they are 在册 then: the figure is a count over one index
-- range per organization, like 在册党员 over member_periods. A member's intervals are rebuilt whenever their periods
-- or the periods of an account they held change (a row queued here; services/registerAsOf.ts queues holders).
CREATE TABLE holding_periods (
  member_id       INTEGER NOT NULL,
  valid_from      TEXT NOT NULL,
  valid_to        TEXT NOT NULL,
  organization_id INTEGER NOT NULL,
  PRIMARY KEY (member_id, valid_from)
) WITHOUT ROWID;
CREATE INDEX holding_periods_figures ON holding_periods(organization_id, valid_to, valid_from);

CREATE TABLE holding_stale (member_id INTEGER PRIMARY KEY);

-- Every day on which the member's 在册 periods or open account periods start or end cuts their time into pieces
-- where neither changes; a piece counts where the member is 在册 on its first day if they hold an open account then,
-- and the pieces counting in the same organization one after another are kept as one interval.
CREATE TRIGGER holding_rebuild AFTER INSERT ON holding_stale BEGIN
  DELETE FROM holding_periods WHERE member_id = NEW.member_id;
  INSERT INTO holding_periods (member_id, valid_from, valid_to, organization_id)
  SELECT NEW.member_id, min(d), max(nx), org FROM (
    SELECT d, nx, org, sum(cut) OVER (ORDER BY d) AS piece FROM (
      SELECT d, nx, org, lag(org) OVER (ORDER BY d) IS NOT org AS cut FROM (
        SELECT w.d, w.nx,
          CASE WHEN EXISTS (SELECT 1 FROM account_periods p WHERE p.member_id = NEW.member_id AND p.filing_state <> '已注销' AND p.valid_from <= w.d AND p.valid_to > w.d)
            THEN (SELECT m.organization_id FROM member_periods m WHERE m.member_id = NEW.member_id AND m.status = '在册' AND m.valid_from <= w.d AND m.valid_to > w.d) END AS org
        FROM (SELECT d, lead(d) OVER (ORDER BY d) AS nx FROM (
                SELECT valid_from AS d FROM member_periods WHERE member_id = NEW.member_id AND status = '在册'
                UNION SELECT valid_to FROM member_periods WHERE member_id = NEW.member_id AND status = '在册'
                UNION SELECT valid_from FROM account_periods WHERE member_id = NEW.member_id AND filing_state <> '已注销'
                UNION SELECT valid_to FROM account_periods WHERE member_id = NEW.member_id AND filing_state <> '已注销')) w
        WHERE w.nx IS NOT NULL)))
  WHERE org IS NOT NULL GROUP BY piece;
  DELETE FROM holding_stale WHERE member_id = NEW.member_id;
END;

-- A member's periods rebuilt (migration 0017 ends each rebuild by taking the member off its queue): their holding
-- follows, unless they never held an account (a member just entered or imported: nothing to read).
CREATE TRIGGER member_periods_holding AFTER DELETE ON member_periods_stale
WHEN EXISTS (SELECT 1 FROM account_periods WHERE member_id = OLD.member_id) BEGIN
  INSERT OR IGNORE INTO holding_stale (member_id) VALUES (OLD.member_id);
END;

INSERT INTO holding_stale (member_id) SELECT DISTINCT member_id FROM account_periods ORDER BY member_id;

-- The 首页 at city scale: filing_tally (migration 0015) kept each 未报备 account under its due day, so the whole tree's
-- 首页 summed 141k rows at 600k members, nearly one per 未报备 account. Now the counts per organization × required
-- filing × state carry no day, and the 未报备 accounts are counted by due day apart, keyed by the day first: 逾期 is
-- 未报备 less those due today or later, and 即将到期 those due in the window — both a short range of the days to
-- come, whatever the number of accounts long overdue. An account with no organization is kept under 0, which no
-- organization has; a 未报备 account without a due day under '9999-12-31', never overdue.
DROP TRIGGER filing_tally_insert;
DROP TRIGGER filing_tally_delete;
DROP TRIGGER filing_tally_update;
DROP TABLE filing_tally;

CREATE TABLE filing_tally (
  organization_id INTEGER NOT NULL,
  required_filing TEXT NOT NULL,
  filing_state    TEXT NOT NULL,
  n               INTEGER NOT NULL,
  PRIMARY KEY (organization_id, required_filing, filing_state)
) WITHOUT ROWID;
CREATE TABLE due_tally (
  due             TEXT NOT NULL,
  organization_id INTEGER NOT NULL,
  required_filing TEXT NOT NULL,
  n               INTEGER NOT NULL,
  PRIMARY KEY (due, organization_id, required_filing)
) WITHOUT ROWID;

INSERT INTO filing_tally (organization_id, required_filing, filing_state, n)
  SELECT coalesce(organization_id, 0), required_filing, filing_state, count(*) FROM accounts GROUP BY 1, 2, 3;
INSERT INTO due_tally (due, organization_id, required_filing, n)
  SELECT coalesce(due_on, '9999-12-31'), coalesce(organization_id, 0), required_filing, count(*) FROM accounts WHERE filing_state = '未报备' GROUP BY 1, 2, 3;

CREATE TRIGGER filing_tally_insert AFTER INSERT ON accounts BEGIN
  INSERT INTO filing_tally (organization_id, required_filing, filing_state, n)
    VALUES (coalesce(NEW.organization_id, 0), NEW.required_filing, NEW.filing_state, 1) ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO due_tally (due, organization_id, required_filing, n)
    SELECT coalesce(NEW.due_on, '9999-12-31'), coalesce(NEW.organization_id, 0), NEW.required_filing, 1 WHERE NEW.filing_state = '未报备'
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER filing_tally_delete AFTER DELETE ON accounts BEGIN
  UPDATE filing_tally SET n = n - 1
    WHERE organization_id = coalesce(OLD.organization_id, 0) AND required_filing = OLD.required_filing AND filing_state = OLD.filing_state;
  DELETE FROM filing_tally WHERE n = 0 AND organization_id = coalesce(OLD.organization_id, 0);
  UPDATE due_tally SET n = n - 1 WHERE OLD.filing_state = '未报备'
    AND due = coalesce(OLD.due_on, '9999-12-31') AND organization_id = coalesce(OLD.organization_id, 0) AND required_filing = OLD.required_filing;
  DELETE FROM due_tally WHERE n = 0 AND due = coalesce(OLD.due_on, '9999-12-31');
END;
CREATE TRIGGER filing_tally_update AFTER UPDATE OF organization_id, required_filing, filing_state, due_on ON accounts
WHEN NEW.organization_id IS NOT OLD.organization_id OR NEW.required_filing IS NOT OLD.required_filing
  OR NEW.filing_state IS NOT OLD.filing_state OR NEW.due_on IS NOT OLD.due_on BEGIN
  UPDATE filing_tally SET n = n - 1
    WHERE organization_id = coalesce(OLD.organization_id, 0) AND required_filing = OLD.required_filing AND filing_state = OLD.filing_state;
  DELETE FROM filing_tally WHERE n = 0 AND organization_id = coalesce(OLD.organization_id, 0);
  INSERT INTO filing_tally (organization_id, required_filing, filing_state, n)
    VALUES (coalesce(NEW.organization_id, 0), NEW.required_filing, NEW.filing_state, 1) ON CONFLICT DO UPDATE SET n = n + 1;
  UPDATE due_tally SET n = n - 1 WHERE OLD.filing_state = '未报备'
    AND due = coalesce(OLD.due_on, '9999-12-31') AND organization_id = coalesce(OLD.organization_id, 0) AND required_filing = OLD.required_filing;
  DELETE FROM due_tally WHERE n = 0 AND due = coalesce(OLD.due_on, '9999-12-31');
  INSERT INTO due_tally (due, organization_id, required_filing, n)
    SELECT coalesce(NEW.due_on, '9999-12-31'), coalesce(NEW.organization_id, 0), NEW.required_filing, 1 WHERE NEW.filing_state = '未报备'
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- The 首页's annual review counted the campaign's responses made in its scope one by one (330k at 600k members); a
-- response counts where it was made (migration 0003), so per campaign and organization of the response.
CREATE TABLE response_tally (
  campaign_id     INTEGER NOT NULL,
  organization_id INTEGER NOT NULL,
  n               INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, organization_id)
) WITHOUT ROWID;
INSERT INTO response_tally (campaign_id, organization_id, n)
  SELECT campaign_id, organization_id, count(*) FROM review_declarations WHERE organization_id IS NOT NULL GROUP BY 1, 2;

CREATE TRIGGER response_tally_insert AFTER INSERT ON review_declarations WHEN NEW.organization_id IS NOT NULL BEGIN
  INSERT INTO response_tally (campaign_id, organization_id, n) VALUES (NEW.campaign_id, NEW.organization_id, 1) ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER response_tally_delete AFTER DELETE ON review_declarations WHEN OLD.organization_id IS NOT NULL BEGIN
  UPDATE response_tally SET n = n - 1 WHERE campaign_id = OLD.campaign_id AND organization_id = OLD.organization_id;
END;
CREATE TRIGGER response_tally_update AFTER UPDATE OF campaign_id, organization_id ON review_declarations
WHEN NEW.campaign_id IS NOT OLD.campaign_id OR NEW.organization_id IS NOT OLD.organization_id BEGIN
  UPDATE response_tally SET n = n - 1 WHERE campaign_id = OLD.campaign_id AND organization_id = OLD.organization_id;
  INSERT INTO response_tally (campaign_id, organization_id, n) SELECT NEW.campaign_id, NEW.organization_id, 1 WHERE NEW.organization_id IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- The 统计表's groups at city scale: grouping 1.4M periods by organization and five text columns (required filing,
-- state, capacity, kind, region) and platform cost 1.5 s; the five packed into one integer (domain/figureClass.ts,
-- in the vocabulary's order), grouped from an index in that order, cost about 0.85 s. New periods get it from the
-- code that writes them; the existing ones are packed here the same way.
ALTER TABLE account_periods ADD COLUMN figure_class INTEGER NOT NULL DEFAULT 0;
UPDATE account_periods SET figure_class =
  ((((CASE required_filing WHEN '报告' THEN 0 WHEN '备案' THEN 1 WHEN '无' THEN 2 END) * 7
     + (CASE filing_state WHEN '无需报备' THEN 0 WHEN '未报备' THEN 1 WHEN '待审核' THEN 2 WHEN '已登记' THEN 3 WHEN '需补正' THEN 4 WHEN '变更未报' THEN 5 WHEN '已注销' THEN 6 END)) * 2
     + (CASE capacity WHEN '以职务身份' THEN 0 WHEN '个人' THEN 1 END)) * 3
     + (CASE kind WHEN '账号' THEN 0 WHEN '群组' THEN 1 WHEN '公众账号' THEN 2 END)) * 2
     + (CASE region WHEN '境内' THEN 0 WHEN '境外' THEN 1 END);
-- Covered: the figures of a day read nothing else (filing state and due day for 其中逾期未报).
CREATE INDEX account_periods_classes ON account_periods(valid_to, organization_id, figure_class, platform, valid_from, filing_state, due_on);
