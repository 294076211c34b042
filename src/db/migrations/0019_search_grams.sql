-- A name search of two characters (issue 13) read every matching member's row twice — once to count them, once to
-- sort them by name for the page: cheap for 张伟's hundred, 45–150 ms for a compound surname at 600k members
-- (欧阳, 司马: 7,000 matches each). Each character pair now also carries its member's sort key and status, so the
-- page is the first 50 entries of the pair in name order and the count is a range of the same index, neither
-- reading a member's row (the list's default 在册 filter included).
DROP TRIGGER member_bigrams_insert;
DROP TRIGGER member_bigrams_rename;
DROP TABLE member_bigrams;

CREATE TABLE member_bigrams (
  gram        TEXT NOT NULL,
  name_pinyin TEXT NOT NULL,
  member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  status      TEXT NOT NULL,
  PRIMARY KEY (gram, name_pinyin, member_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO member_bigrams (gram, name_pinyin, member_id, status)
  SELECT lower(substr(m.name, p.pos, 2)), m.name_pinyin, m.id, m.status FROM members m JOIN member_bigram_positions p ON p.pos < length(m.name)
  ORDER BY 1, 2, 3;
-- After the rows, built from them in one sort rather than entry by entry (at 100k members 1.1–1.5 s instead of 1.4–2.0 s).
CREATE INDEX member_bigrams_member ON member_bigrams(member_id);

CREATE TRIGGER member_bigrams_insert AFTER INSERT ON members BEGIN
  INSERT OR IGNORE INTO member_bigrams (gram, name_pinyin, member_id, status)
    SELECT lower(substr(NEW.name, pos, 2)), NEW.name_pinyin, NEW.id, NEW.status FROM member_bigram_positions WHERE pos < length(NEW.name);
END;
CREATE TRIGGER member_bigrams_rename AFTER UPDATE OF name, name_pinyin ON members
WHEN NEW.name IS NOT OLD.name OR NEW.name_pinyin IS NOT OLD.name_pinyin BEGIN
  DELETE FROM member_bigrams WHERE member_id = OLD.id;
  INSERT OR IGNORE INTO member_bigrams (gram, name_pinyin, member_id, status)
    SELECT lower(substr(NEW.name, pos, 2)), NEW.name_pinyin, NEW.id, NEW.status FROM member_bigram_positions WHERE pos < length(NEW.name);
END;
CREATE TRIGGER member_bigrams_status AFTER UPDATE OF status ON members WHEN NEW.status IS NOT OLD.status BEGIN
  UPDATE member_bigrams SET status = NEW.status WHERE member_id = NEW.id;
END;
