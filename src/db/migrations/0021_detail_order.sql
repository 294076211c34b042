-- The 明细表 in tree order, one organization at a time (issue 13): each organization's periods on a day are one range
-- of this index, so the report streams in code order and sorts only an organization's rows by name. Sorting a whole
-- city's 754k rows at once held ~250 MB in SQLite's sorter (kept in memory: temp_store = MEMORY, since temporary
-- files are not encrypted) and showed nothing until the whole query had run. Covering for the periods' part of
-- ACCOUNTS_AS_OF (account_id is the table's key).
CREATE INDEX account_periods_org ON account_periods(organization_id, valid_to, valid_from, required_filing, filing_state, due_on);
