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
