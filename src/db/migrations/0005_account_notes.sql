-- 备注 on an account: what the secretary wants to remember about it (e.g. who handed it over), shown on the
-- account's page and kept in the audit trail like every other field.
ALTER TABLE accounts ADD COLUMN notes TEXT;
