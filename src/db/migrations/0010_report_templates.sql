-- 明细表 column templates: which columns a higher level wants, in its order and under its names, and whether
-- its ID numbers print whole. Kept in the register (backed up, audited) so every operator uses the same ones.
CREATE TABLE report_templates (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE,
  columns_json    TEXT NOT NULL,             -- [{ "key": "name", "header": "姓名" }, …] in print order
  full_id_numbers INTEGER NOT NULL DEFAULT 0 CHECK (full_id_numbers IN (0, 1)),
  updated_at      TEXT NOT NULL
);
