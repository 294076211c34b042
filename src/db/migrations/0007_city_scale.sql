-- City scale (issue 13). The figures' GROUP BY (首页, 统计表) reads every column it splits on from one index
-- instead of visiting each account's row: accounts_dashboard's columns are this index's prefix, so it goes.
DROP INDEX accounts_dashboard;
CREATE INDEX accounts_figures ON accounts(organization_id, required_filing, filing_state, capacity, kind, region, platform, due_on);
-- The totals of the account lists behind the 首页's numbers (a filing state, a required filing, overdue) are
-- counted from this index alone.
CREATE INDEX accounts_filing ON accounts(filing_state, required_filing, due_on);
