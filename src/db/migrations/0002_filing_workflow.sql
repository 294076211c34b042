-- Derived filing fields kept on each account (so the dashboard is a GROUP BY on indexed columns, not a
-- per-account computation), the history of each filing's workflow, and the organization of a request.

ALTER TABLE accounts ADD COLUMN required_filing TEXT NOT NULL DEFAULT '无' CHECK (required_filing IN ('报告','备案','无'));
ALTER TABLE accounts ADD COLUMN filing_state TEXT NOT NULL DEFAULT '无需报备'
  CHECK (filing_state IN ('无需报备','未报备','待审核','已登记','需补正','变更未报','已注销'));
ALTER TABLE accounts ADD COLUMN due_on TEXT;                     -- file by this day (opened on + deadline)
ALTER TABLE accounts ADD COLUMN organization_id INTEGER REFERENCES organizations(id);  -- the owner's, kept in step

UPDATE accounts SET organization_id = (SELECT organization_id FROM members WHERE members.id = accounts.member_id);

CREATE INDEX accounts_dashboard ON accounts(organization_id, required_filing, filing_state, due_on);
CREATE INDEX accounts_state ON accounts(filing_state, id);
CREATE INDEX accounts_display_name ON accounts(display_name, id);
CREATE INDEX accounts_ref ON accounts(account_ref);

CREATE TABLE filing_events (                 -- 提交 / 退回补正 / 重新提交 / 登记
  id         INTEGER PRIMARY KEY,
  filing_id  INTEGER NOT NULL REFERENCES filings(id),
  action     TEXT NOT NULL CHECK (action IN ('提交','退回补正','重新提交','登记')),
  on_date    TEXT NOT NULL,
  actor      TEXT NOT NULL,
  opinion    TEXT,
  at         TEXT NOT NULL
);
CREATE INDEX filing_events_filing ON filing_events(filing_id, id);
