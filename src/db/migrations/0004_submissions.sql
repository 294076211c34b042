-- 汇总上报: the 上报数据包 received from sub-units, kept as their submissions, so a higher level consolidates
-- without copying spreadsheets by hand. Organization codes are local to each register, so a sub-unit's
-- organizations are stored with codes relative to its own root and hang below the organization it was mapped to.

-- 党组织代码 of the national system: the only code two registers can share, so it may match a source.
ALTER TABLE organizations ADD COLUMN party_code TEXT;
CREATE UNIQUE INDEX organizations_party_code ON organizations(party_code) WHERE party_code IS NOT NULL;

-- Which register this is, sent in every package's source block, so a package of our own register is refused.
CREATE TABLE register_identity (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  register_id TEXT NOT NULL
);
INSERT INTO register_identity (id, register_id) VALUES (1, lower(hex(randomblob(16))));

-- A sender as confirmed once by a person: its root's full name (and 党组织代码 when it sent one) → our organization.
-- Never keyed by its code: '001' is every register's root.
CREATE TABLE submission_sources (
  id              INTEGER PRIMARY KEY,
  full_name       TEXT NOT NULL,
  party_code      TEXT,
  organization_id INTEGER NOT NULL REFERENCES organizations(id),
  confirmed_by    TEXT NOT NULL,
  confirmed_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX submission_sources_party_code ON submission_sources(party_code) WHERE party_code IS NOT NULL;
CREATE INDEX submission_sources_name ON submission_sources(full_name);

-- One package received. replaced_at is null for the current submission of an organization and period; a newer
-- package replaces it (replaced_at, then replaced_by once the newer one has its id) and the older one stays, as history.
CREATE TABLE submissions (
  id                INTEGER PRIMARY KEY,
  organization_id   INTEGER NOT NULL REFERENCES organizations(id),
  source_id         INTEGER NOT NULL REFERENCES submission_sources(id),
  source_code       TEXT NOT NULL,             -- the sender's root code in its own register (shown, never matched)
  source_full_name  TEXT NOT NULL,
  source_party_code TEXT,
  period_label      TEXT NOT NULL,             -- 2026年度: the period as people name it, the key of 催报
  period_from       TEXT NOT NULL,
  period_to         TEXT NOT NULL,
  generated_at      TEXT NOT NULL,
  generator         TEXT NOT NULL,
  file_name         TEXT NOT NULL,
  sha256            TEXT NOT NULL,
  size_bytes        INTEGER NOT NULL,
  counts_json       TEXT NOT NULL,
  imported_at       TEXT NOT NULL,
  imported_by       TEXT NOT NULL,
  replaced_by       INTEGER REFERENCES submissions(id),
  replaced_at       TEXT
);
CREATE UNIQUE INDEX submissions_current ON submissions(organization_id, period_label) WHERE replaced_at IS NULL;
CREATE INDEX submissions_period ON submissions(period_label, organization_id);

-- The sender's organizations with their 统计表 figures (direct counts, as the sender's own 统计表 counts them).
-- relative_code: '' for the sender's root, '002' for its second child…
CREATE TABLE submission_organizations (
  submission_id        INTEGER NOT NULL REFERENCES submissions(id),
  relative_code        TEXT NOT NULL,
  parent_relative_code TEXT,
  full_name            TEXT NOT NULL,
  type                 TEXT NOT NULL,
  secretary            TEXT,
  members              INTEGER NOT NULL,       -- 在册党员
  declared             INTEGER NOT NULL,       -- 已申报账号人数
  accounts             INTEGER NOT NULL,
  official             INTEGER NOT NULL,       -- 以职务身份
  personal             INTEGER NOT NULL,
  public_accounts      INTEGER NOT NULL,
  groups_count         INTEGER NOT NULL,
  overseas             INTEGER NOT NULL,
  report_due           INTEGER NOT NULL,
  report_done          INTEGER NOT NULL,
  record_due           INTEGER NOT NULL,
  record_done          INTEGER NOT NULL,
  pending              INTEGER NOT NULL,
  correction           INTEGER NOT NULL,
  not_filed            INTEGER NOT NULL,
  PRIMARY KEY (submission_id, relative_code)
) WITHOUT ROWID;

-- The sender's accounts, as its 明细表 would list them. ref is the account's id in the sender's register: stable
-- across its packages, so two submissions of the same sender can be compared account by account.
CREATE TABLE submission_accounts (
  submission_id   INTEGER NOT NULL REFERENCES submissions(id),
  ref             INTEGER NOT NULL,
  relative_code   TEXT NOT NULL,
  owner_name      TEXT,
  owner_id_number TEXT NOT NULL,
  owner_position  TEXT,
  platform        TEXT NOT NULL,
  region          TEXT NOT NULL,
  capacity        TEXT NOT NULL,
  kind            TEXT NOT NULL,
  display_name    TEXT NOT NULL,
  account_ref     TEXT,
  opened_on       TEXT,
  audience        INTEGER,
  administrator   TEXT,
  status          TEXT NOT NULL,
  closed_on       TEXT,
  required_filing TEXT NOT NULL,
  filing_state    TEXT NOT NULL,
  filing_type     TEXT,                          -- its latest filing, for the 明细表's 报备类型/日期/意见
  filed_on        TEXT,
  opinion         TEXT,
  PRIMARY KEY (submission_id, ref)
) WITHOUT ROWID;
