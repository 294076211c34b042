-- A submission's 统计表 figures are counted when read, from its accounts, through the one definition of every
-- figure (src/domain/figures.ts), so they follow the 统计表's columns as they are now and never a copy of its
-- rules frozen at import. What the accounts cannot say stays per organization: 在册党员 and the 在册 members
-- holding an open account (the members themselves are not kept). Submissions stored before keep these two.
ALTER TABLE submission_organizations RENAME COLUMN declared TO with_accounts;
ALTER TABLE submission_organizations DROP COLUMN accounts;
ALTER TABLE submission_organizations DROP COLUMN official;
ALTER TABLE submission_organizations DROP COLUMN personal;
ALTER TABLE submission_organizations DROP COLUMN public_accounts;
ALTER TABLE submission_organizations DROP COLUMN groups_count;
ALTER TABLE submission_organizations DROP COLUMN overseas;
ALTER TABLE submission_organizations DROP COLUMN report_due;
ALTER TABLE submission_organizations DROP COLUMN report_done;
ALTER TABLE submission_organizations DROP COLUMN record_due;
ALTER TABLE submission_organizations DROP COLUMN record_done;
ALTER TABLE submission_organizations DROP COLUMN pending;
ALTER TABLE submission_organizations DROP COLUMN correction;
ALTER TABLE submission_organizations DROP COLUMN not_filed;

-- 其中逾期未报 needs each account's due day and the day the sender counted as of (its period's end, or the day it
-- wrote the package while the period ran). Null in submissions stored before: none of their accounts counts as overdue.
ALTER TABLE submission_accounts ADD COLUMN due_on TEXT;
ALTER TABLE submissions ADD COLUMN as_of TEXT;

-- submission_accounts.filed_on holds, from now on, the day the account's latest accepted filing was registered (the
-- 明细表's 报备（登记）日期, as the sender prints it); in submissions stored before, the latest filing's submission day.
