-- The secret the 上报数据包 keys its members with (HMAC-SHA256 of the ID number), so a package names the same member
-- the same way in every submission of this register without carrying the ID number; the higher level cannot reverse it.
ALTER TABLE register_identity ADD COLUMN member_key_secret BLOB;
UPDATE register_identity SET member_key_secret = randomblob(32);
