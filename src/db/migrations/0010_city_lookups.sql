-- City scale (issue 13): a name fragment of two characters ('张伟', what a secretary types most) cannot use an index
-- through LIKE, and FTS5's trigram tokenizer needs three. Every pair of adjacent characters of each member's name,
-- kept by triggers, makes such a search an index lookup whose cost is the number of matches, not of members.
-- Lowercased like LIKE compares (ASCII only, as SQLite's lower()). Names are at most 30 characters (the contract),
-- so the positions 1..63 from json_each cover them with room (a trigger cannot hold a recursive CTE).
CREATE TABLE member_bigrams (
  gram      TEXT NOT NULL,
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  PRIMARY KEY (gram, member_id)
) WITHOUT ROWID;
CREATE INDEX member_bigrams_member ON member_bigrams(member_id);

CREATE VIEW member_bigram_positions AS
  SELECT key + 1 AS pos FROM json_each('[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]');

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
