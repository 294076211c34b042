-- Figures as of a date (issue 12): a member is 在册 from the day the register knows they were, not since always.
-- Presence starts on the member's 入党日期 (joined_on) when it is known — a 名册 imported in 2026 whose members
-- joined long before still counts them in 2025 — else on the day they were entered (their first event: the register
-- knows nothing earlier, so a member typed in 2026 is not counted in a 2025 report). Never before the 入党日期,
-- even when entered earlier. A leave (转出/退休/去世) ends presence on its date, as before. The member's first place
-- holds from that start; a move holds from the day it took effect (members.move's date, else the day recorded).

-- The member_periods rebuild is written once, fired by a row queued here by every change that can move it: an event
-- recorded or re-dated (a move given its effective day), a 入党日期 changed.
CREATE TABLE member_periods_stale (member_id INTEGER PRIMARY KEY);

DROP TRIGGER member_events_periods;

-- On each day the latest-recorded event dated by then holds; before the earliest date, the earliest recorded (as
-- domain/asOf.ts's inForce takes it for the accounts: a move dated before the member was entered does not hold
-- before its own date).
CREATE TRIGGER member_periods_rebuild AFTER INSERT ON member_periods_stale BEGIN
  DELETE FROM member_periods WHERE member_id = NEW.member_id;
  INSERT INTO member_periods (member_id, valid_from, valid_to, organization_id, status)
  SELECT NEW.member_id, max(w.d, s.start), coalesce(w.nx, '9999-12-31'), e.organization_id, e.status
  FROM (
    SELECT p.d, lead(p.d) OVER (ORDER BY p.d) AS nx,
           coalesce((SELECT x.id FROM member_events x WHERE x.member_id = NEW.member_id AND x.on_date <= p.d ORDER BY x.id DESC LIMIT 1),
                    (SELECT min(x.id) FROM member_events x WHERE x.member_id = NEW.member_id)) AS eid
    FROM (SELECT '0000-01-01' AS d UNION SELECT on_date FROM member_events WHERE member_id = NEW.member_id) p
  ) w JOIN member_events e ON e.id = w.eid
  CROSS JOIN (SELECT coalesce((SELECT joined_on FROM members WHERE id = NEW.member_id),
                              (SELECT min(on_date) FROM member_events WHERE member_id = NEW.member_id)) AS start) s
  -- Intervals wholly before the start are dropped; the one holding on the start begins there.
  WHERE coalesce(w.nx, '9999-12-31') > s.start;
  DELETE FROM member_periods_stale WHERE member_id = NEW.member_id;
END;

CREATE TRIGGER member_events_periods AFTER INSERT ON member_events BEGIN
  INSERT OR IGNORE INTO member_periods_stale (member_id) VALUES (NEW.member_id);
END;

CREATE TRIGGER member_events_redated AFTER UPDATE OF on_date ON member_events WHEN NEW.on_date IS NOT OLD.on_date BEGIN
  INSERT OR IGNORE INTO member_periods_stale (member_id) VALUES (NEW.member_id);
END;

CREATE TRIGGER members_joined_periods AFTER UPDATE OF joined_on ON members WHEN NEW.joined_on IS NOT OLD.joined_on BEGIN
  INSERT OR IGNORE INTO member_periods_stale (member_id) VALUES (NEW.id);
END;

INSERT INTO member_periods_stale (member_id) SELECT id FROM members ORDER BY id;

-- Accounts are counted from their holder's presence on (services/registerAsOf.ts): the host rebuilds them at open.
INSERT INTO settings (key, value) SELECT 'periodsPending', 'true' WHERE EXISTS (SELECT 1 FROM accounts)
  ON CONFLICT(key) DO NOTHING;
