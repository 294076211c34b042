-- 0001 reserved an operators table no release ever wrote (no password hashing, a role 查看员 the product calls 只读):
-- it is replaced, always empty, by the one sign-in uses.
DROP TABLE operators;

-- Operators (操作员): who signs in, with which role. The password is kept only as its scrypt hash, with the salt and
-- the scrypt parameters it was made with, so stronger parameters later still verify old hashes.
CREATE TABLE operators (
  id                INTEGER PRIMARY KEY,
  name              TEXT NOT NULL UNIQUE,
  role              TEXT NOT NULL CHECK (role IN ('管理员', '录入员', '只读')),
  password_hash     TEXT NOT NULL,             -- scrypt$N$r$p$salt$hash (base64)
  active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_count      INTEGER NOT NULL DEFAULT 0, -- consecutive failed sign-ins; each one doubles the wait
  next_attempt_at   TEXT,                       -- no sign-in is even checked before this time
  last_sign_in_at   TEXT,
  created_at        TEXT NOT NULL
);

-- The recovery code printed once at first start, kept as its scrypt hash: it replaces a forgotten admin password.
CREATE TABLE recovery (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  code_hash  TEXT NOT NULL,
  created_at TEXT NOT NULL
);
