-- The whole register of domain.md. Later migrations only add; this file never changes once released.
-- Dates are TEXT 'YYYY-MM-DD'; timestamps TEXT ISO-8601 UTC. ID numbers are TEXT, never numbers.

CREATE TABLE organizations (                 -- 党组织
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,        -- 组织代码, path-like (3 digits a level) when assigned, stable after
  full_name     TEXT NOT NULL,               -- 全称，与印章一致
  short_name    TEXT,
  type          TEXT NOT NULL CHECK (type IN ('党委','党工委','党组','党总支','党支部','联合党支部')),
  parent_id     INTEGER REFERENCES organizations(id),
  tree_path     TEXT NOT NULL,               -- '/1/5/12/': subtree = tree_path LIKE prefix, kept by the service
  sort_order    INTEGER NOT NULL DEFAULT 0,
  secretary     TEXT,                        -- 书记
  contact_phone TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX organizations_parent ON organizations(parent_id, sort_order);
CREATE INDEX organizations_tree ON organizations(tree_path);

CREATE TABLE members (                       -- 党员干部
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL,
  gender          TEXT NOT NULL CHECK (gender IN ('男','女')),   -- derived from id_number
  id_number       TEXT NOT NULL UNIQUE,      -- 身份证号
  id_number_rev   TEXT NOT NULL,             -- reversed, so "last digits" search is an index range
  birth_date      TEXT NOT NULL,             -- derived from id_number
  organization_id INTEGER NOT NULL REFERENCES organizations(id),
  work_unit       TEXT,                      -- 工作单位
  position        TEXT,                      -- 职务
  rank            TEXT CHECK (rank IN ('厅级','处级','科级','一般干部','其他')),   -- 职级
  party_status    TEXT NOT NULL DEFAULT '正式党员' CHECK (party_status IN ('正式党员','预备党员')),
  phone           TEXT,
  phone_rev       TEXT,
  status          TEXT NOT NULL DEFAULT '在册' CHECK (status IN ('在册','转出','退休','去世')),
  status_date     TEXT,
  joined_on       TEXT,                      -- 入党时间
  notes           TEXT,
  name_initials   TEXT NOT NULL,             -- pinyin initials, 'zs' for 张三
  name_pinyin     TEXT NOT NULL,             -- full pinyin without spaces, 'zhangsan'
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX members_org ON members(organization_id, status, name, id);
CREATE INDEX members_name ON members(name, id);
CREATE INDEX members_initials ON members(name_initials);
CREATE INDEX members_pinyin ON members(name_pinyin, id);
CREATE INDEX members_id_rev ON members(id_number_rev);
CREATE INDEX members_phone ON members(phone);
CREATE INDEX members_phone_rev ON members(phone_rev);

CREATE TABLE accounts (                      -- 网络账号/群组
  id               INTEGER PRIMARY KEY,
  member_id        INTEGER NOT NULL REFERENCES members(id),
  platform         TEXT NOT NULL,
  region           TEXT NOT NULL CHECK (region IN ('境内','境外')),
  capacity         TEXT NOT NULL CHECK (capacity IN ('以职务身份','个人')),
  kind             TEXT NOT NULL CHECK (kind IN ('账号','群组','公众账号')),
  display_name     TEXT NOT NULL,
  account_ref      TEXT,                     -- 账号ID或网址
  opened_on        TEXT,
  verified_subject TEXT,                     -- 认证主体
  audience         INTEGER,                  -- followers or group members
  audience_as_of   TEXT,
  main_content     TEXT,
  supervisor       TEXT,                     -- 分管领导
  administrator    TEXT,                     -- 管理员
  status           TEXT NOT NULL DEFAULT '在用' CHECK (status IN ('在用','停用','已注销')),
  closed_on        TEXT,
  closed_reason    TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX accounts_member ON accounts(member_id);

CREATE TABLE filings (                       -- 报告/备案记录
  id              INTEGER PRIMARY KEY,
  account_id      INTEGER NOT NULL REFERENCES accounts(id),
  type            TEXT NOT NULL CHECK (type IN ('报告','备案','变更','注销')),
  submitted_on    TEXT NOT NULL,
  received_by     TEXT,
  state           TEXT NOT NULL CHECK (state IN ('待审核','已登记','需补正')),
  reviewer        TEXT,
  reviewed_on     TEXT,
  opinion         TEXT,                      -- 党组织意见
  document_number TEXT,
  snapshot_json   TEXT,                      -- the account's filed fields, to detect 变更未报
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX filings_account ON filings(account_id, id);
CREATE INDEX filings_state ON filings(state);

CREATE TABLE filing_attachments (            -- scanned forms, kept in the data folder
  id          INTEGER PRIMARY KEY,
  filing_id   INTEGER NOT NULL REFERENCES filings(id),
  file_name   TEXT NOT NULL,
  stored_path TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  size_bytes  INTEGER NOT NULL,
  added_at    TEXT NOT NULL
);
CREATE INDEX filing_attachments_filing ON filing_attachments(filing_id);

CREATE TABLE publication_requests (          -- 以单位名义发布信息请示
  id              INTEGER PRIMARY KEY,
  organization_id INTEGER NOT NULL REFERENCES organizations(id),
  requester_id    INTEGER REFERENCES members(id),
  requester_name  TEXT NOT NULL,
  unit            TEXT,
  channel         TEXT,
  account_id      INTEGER REFERENCES accounts(id),
  title           TEXT NOT NULL,
  summary         TEXT,
  requested_on    TEXT NOT NULL,
  decided_by      TEXT,
  decided_on      TEXT,
  decision        TEXT CHECK (decision IN ('同意','不同意','修改后同意')),
  published_on    TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX publication_requests_org ON publication_requests(organization_id, requested_on);

CREATE TABLE commendations (                 -- 表彰激励
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('口头表扬','书面表扬','通报表扬','评先评优推荐','其他')),
  honour_name     TEXT NOT NULL,
  reason          TEXT,
  approving_body  TEXT,                      -- 批准机关
  approving_level TEXT,                      -- 批准机关级别
  document_number TEXT,                      -- 文号
  commended_on    TEXT NOT NULL,
  related_links   TEXT,
  withdrawn_on    TEXT,                      -- 撤销: never deleted
  withdrawn_reason TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);

CREATE TABLE commendation_members (
  commendation_id INTEGER NOT NULL REFERENCES commendations(id),
  member_id       INTEGER NOT NULL REFERENCES members(id),
  position_at_time TEXT,                     -- 奖惩时职务层次
  PRIMARY KEY (commendation_id, member_id)
);
CREATE INDEX commendation_members_member ON commendation_members(member_id);

CREATE TABLE protection_cases (              -- 保护支持
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES members(id),
  attacked_on TEXT NOT NULL,
  platform    TEXT,
  description TEXT NOT NULL,
  handled_by  TEXT,
  status      TEXT NOT NULL DEFAULT '处理中' CHECK (status IN ('处理中','已办结')),
  outcome     TEXT,
  closed_on   TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX protection_cases_member ON protection_cases(member_id);

CREATE TABLE protection_measures (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES protection_cases(id),
  measure    TEXT NOT NULL CHECK (measure IN ('澄清正名','向平台举报处置','法律支持','关心关爱','其他')),
  taken_on   TEXT NOT NULL,
  taken_by   TEXT,
  notes      TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX protection_measures_case ON protection_measures(case_id);

CREATE TABLE review_campaigns (              -- 年度报备核查
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,                 -- e.g. 2026年度
  year        INTEGER NOT NULL,
  deadline    TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT '进行中' CHECK (status IN ('进行中','已结束')),
  closed_at   TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE review_campaign_orgs (          -- the scope: organization subtrees
  campaign_id     INTEGER NOT NULL REFERENCES review_campaigns(id),
  organization_id INTEGER NOT NULL REFERENCES organizations(id),
  PRIMARY KEY (campaign_id, organization_id)
);

CREATE TABLE review_expected (               -- frozen when a campaign closes, so its figures stay reproducible
  campaign_id     INTEGER NOT NULL REFERENCES review_campaigns(id),
  member_id       INTEGER NOT NULL REFERENCES members(id),
  organization_id INTEGER NOT NULL REFERENCES organizations(id),
  PRIMARY KEY (campaign_id, member_id)
);

CREATE TABLE review_declarations (
  id           INTEGER PRIMARY KEY,
  campaign_id  INTEGER NOT NULL REFERENCES review_campaigns(id),
  member_id    INTEGER NOT NULL REFERENCES members(id),
  kind         TEXT NOT NULL CHECK (kind IN ('申报','零报告')),
  declared_on  TEXT NOT NULL,
  notes        TEXT,
  created_at   TEXT NOT NULL,
  UNIQUE (campaign_id, member_id)
);

CREATE TABLE settings (                      -- Article 13: the unit's own detailed rules
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL                        -- JSON
);

CREATE TABLE operators (                     -- local operator accounts
  id            INTEGER PRIMARY KEY,
  login         TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('管理员','录入员','查看员')),
  password_hash TEXT,
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL
);

CREATE TABLE audit_log (                     -- every change: who, when, what, before/after
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   INTEGER,
  action      TEXT NOT NULL,
  summary     TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, id);
