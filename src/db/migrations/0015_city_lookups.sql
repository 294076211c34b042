-- City scale (issue 13): a name fragment of two characters ('张伟', what a secretary types most) cannot use an index
-- through LIKE, and FTS5's trigram tokenizer needs three. Every pair of adjacent characters of each member's name,
-- kept by triggers, makes such a search an index lookup whose cost is the number of matches, not of members.
-- Lowercased like LIKE compares (ASCII only, as SQLite's lower()). Names are at most 30 characters (the contract),
-- so the positions 1..63 cover them with room (a trigger cannot hold a recursive CTE).
CREATE TABLE member_bigrams (
  gram      TEXT NOT NULL,
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  PRIMARY KEY (gram, member_id)
) WITHOUT ROWID;
CREATE INDEX member_bigrams_member ON member_bigrams(member_id);

-- Character positions 1..63, read as a rowid range per name (cheaper in a trigger than parsing a JSON array).
CREATE TABLE member_bigram_positions (pos INTEGER PRIMARY KEY);
INSERT INTO member_bigram_positions (pos)
  SELECT key + 1 FROM json_each('[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]');

INSERT OR IGNORE INTO member_bigrams (gram, member_id)
  SELECT lower(substr(m.name, p.pos, 2)), m.id FROM members m JOIN member_bigram_positions p ON p.pos < length(m.name);

CREATE TRIGGER member_bigrams_insert AFTER INSERT ON members BEGIN
  INSERT OR IGNORE INTO member_bigrams (gram, member_id)
    SELECT lower(substr(NEW.name, pos, 2)), NEW.id FROM member_bigram_positions WHERE pos < length(NEW.name);
END;
CREATE TRIGGER member_bigrams_rename AFTER UPDATE OF name ON members WHEN NEW.name IS NOT OLD.name BEGIN
  DELETE FROM member_bigrams WHERE member_id = OLD.id;
  INSERT OR IGNORE INTO member_bigrams (gram, member_id)
    SELECT lower(substr(NEW.name, pos, 2)), NEW.id FROM member_bigram_positions WHERE pos < length(NEW.name);
END;

-- The account lists behind the 首页's numbers (one filing state, maybe a required filing or overdue) in name order:
-- walking this index in display_name order within the state finds the page's rows without reading any account's
-- row or sorting every match (17k for 备案·未报备 at 100k members), whatever the planner's statistics.
CREATE INDEX accounts_state_name ON accounts(filing_state, display_name, required_filing, due_on);

-- The 明细表 reads each account's latest filing and latest 已登记 filing (two correlated look-ups per row, 300k rows):
-- with these the look-ups are answered from an index alone instead of reading a filing row each.
CREATE INDEX filings_registered ON filings(account_id, state, id, reviewed_on);
CREATE INDEX filings_opinion ON filings(account_id, id, opinion);

-- The 首页's 报告/备案 counts: how many accounts each organization has per required filing and filing state, kept by
-- triggers, so a 首页 sums a few rows per organization instead of counting every account of its subtree (the
-- whole tree read 232k index entries at 100k members, 1.4M at 600k). Overdue depends on today, so a 未报备
-- account is counted under its due day; every other account (and one without a due day) under '9999-12-31', which
-- is never before today. An account with no organization is kept under 0, which no organization has.
CREATE TABLE filing_tally (
  organization_id INTEGER NOT NULL,
  required_filing TEXT NOT NULL,
  filing_state    TEXT NOT NULL,
  due             TEXT NOT NULL,
  n               INTEGER NOT NULL,
  PRIMARY KEY (organization_id, required_filing, filing_state, due)
) WITHOUT ROWID;

INSERT INTO filing_tally (organization_id, required_filing, filing_state, due, n)
  SELECT coalesce(organization_id, 0), required_filing, filing_state,
         CASE WHEN filing_state = '未报备' THEN coalesce(due_on, '9999-12-31') ELSE '9999-12-31' END, count(*)
  FROM accounts GROUP BY 1, 2, 3, 4;

CREATE TRIGGER filing_tally_insert AFTER INSERT ON accounts BEGIN
  INSERT INTO filing_tally (organization_id, required_filing, filing_state, due, n)
    VALUES (coalesce(NEW.organization_id, 0), NEW.required_filing, NEW.filing_state,
            CASE WHEN NEW.filing_state = '未报备' THEN coalesce(NEW.due_on, '9999-12-31') ELSE '9999-12-31' END, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER filing_tally_delete AFTER DELETE ON accounts BEGIN
  UPDATE filing_tally SET n = n - 1
    WHERE organization_id = coalesce(OLD.organization_id, 0) AND required_filing = OLD.required_filing AND filing_state = OLD.filing_state
      AND due = CASE WHEN OLD.filing_state = '未报备' THEN coalesce(OLD.due_on, '9999-12-31') ELSE '9999-12-31' END;
  DELETE FROM filing_tally WHERE n = 0 AND organization_id = coalesce(OLD.organization_id, 0);
END;
CREATE TRIGGER filing_tally_update AFTER UPDATE OF organization_id, required_filing, filing_state, due_on ON accounts
WHEN NEW.organization_id IS NOT OLD.organization_id OR NEW.required_filing IS NOT OLD.required_filing
  OR NEW.filing_state IS NOT OLD.filing_state OR NEW.due_on IS NOT OLD.due_on BEGIN
  UPDATE filing_tally SET n = n - 1
    WHERE organization_id = coalesce(OLD.organization_id, 0) AND required_filing = OLD.required_filing AND filing_state = OLD.filing_state
      AND due = CASE WHEN OLD.filing_state = '未报备' THEN coalesce(OLD.due_on, '9999-12-31') ELSE '9999-12-31' END;
  DELETE FROM filing_tally WHERE n = 0 AND organization_id = coalesce(OLD.organization_id, 0);
  INSERT INTO filing_tally (organization_id, required_filing, filing_state, due, n)
    VALUES (coalesce(NEW.organization_id, 0), NEW.required_filing, NEW.filing_state,
            CASE WHEN NEW.filing_state = '未报备' THEN coalesce(NEW.due_on, '9999-12-31') ELSE '9999-12-31' END, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- The 首页's annual-review block: 在册 members per organization, and per campaign and organization how many of them
-- have responded, kept by triggers, so "expected" in a scope is a sum over its organizations (在册 − responded
-- among them + responses made there) instead of a look-up per member (100k at the whole tree, 600k in a city).
CREATE TABLE member_tally (
  organization_id INTEGER PRIMARY KEY,
  active          INTEGER NOT NULL
);
CREATE TABLE declared_tally (
  campaign_id     INTEGER NOT NULL,
  organization_id INTEGER NOT NULL,
  n               INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, organization_id)
) WITHOUT ROWID;

INSERT INTO member_tally (organization_id, active) SELECT organization_id, count(*) FROM members WHERE status = '在册' GROUP BY 1;
INSERT INTO declared_tally (campaign_id, organization_id, n)
  SELECT d.campaign_id, m.organization_id, count(*) FROM review_declarations d JOIN members m ON m.id = d.member_id
  WHERE m.status = '在册' GROUP BY 1, 2;

CREATE TRIGGER member_tally_insert AFTER INSERT ON members WHEN NEW.status = '在册' BEGIN
  INSERT INTO member_tally (organization_id, active) VALUES (NEW.organization_id, 1) ON CONFLICT DO UPDATE SET active = active + 1;
END;
CREATE TRIGGER member_tally_delete AFTER DELETE ON members WHEN OLD.status = '在册' BEGIN
  UPDATE member_tally SET active = active - 1 WHERE organization_id = OLD.organization_id;
  UPDATE declared_tally SET n = n - 1 WHERE organization_id = OLD.organization_id
    AND campaign_id IN (SELECT campaign_id FROM review_declarations WHERE member_id = OLD.id);
END;
CREATE TRIGGER member_tally_update AFTER UPDATE OF status, organization_id ON members
WHEN NEW.status IS NOT OLD.status OR NEW.organization_id IS NOT OLD.organization_id BEGIN
  UPDATE member_tally SET active = active - 1 WHERE OLD.status = '在册' AND organization_id = OLD.organization_id;
  INSERT INTO member_tally (organization_id, active) SELECT NEW.organization_id, 1 WHERE NEW.status = '在册'
    ON CONFLICT DO UPDATE SET active = active + 1;
  UPDATE declared_tally SET n = n - 1 WHERE OLD.status = '在册' AND organization_id = OLD.organization_id
    AND campaign_id IN (SELECT campaign_id FROM review_declarations WHERE member_id = OLD.id);
  INSERT INTO declared_tally (campaign_id, organization_id, n)
    SELECT campaign_id, NEW.organization_id, 1 FROM review_declarations WHERE member_id = NEW.id AND NEW.status = '在册'
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER declared_tally_insert AFTER INSERT ON review_declarations BEGIN
  INSERT INTO declared_tally (campaign_id, organization_id, n)
    SELECT NEW.campaign_id, m.organization_id, 1 FROM members m WHERE m.id = NEW.member_id AND m.status = '在册'
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER declared_tally_delete AFTER DELETE ON review_declarations BEGIN
  UPDATE declared_tally SET n = n - 1 WHERE campaign_id = OLD.campaign_id
    AND organization_id = (SELECT organization_id FROM members WHERE id = OLD.member_id AND status = '在册');
END;
CREATE TRIGGER declared_tally_update AFTER UPDATE OF campaign_id, member_id ON review_declarations
WHEN NEW.campaign_id IS NOT OLD.campaign_id OR NEW.member_id IS NOT OLD.member_id BEGIN
  UPDATE declared_tally SET n = n - 1 WHERE campaign_id = OLD.campaign_id
    AND organization_id = (SELECT organization_id FROM members WHERE id = OLD.member_id AND status = '在册');
  INSERT INTO declared_tally (campaign_id, organization_id, n)
    SELECT NEW.campaign_id, m.organization_id, 1 FROM members m WHERE m.id = NEW.member_id AND m.status = '在册'
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
