-- One basis (issue 12): the 表格用语's basis line (what the 登记表 and 零报告表 cited) and the 报备规则 version's 细则
-- name and 文号 (what the reports cite) meant the same thing. The version's is kept; the forms now cite it too.
-- A basis typed only in the 表格用语, while the version in force names none, becomes a new version from today with the
-- same rules (past periods keep citing what they cited): 《名称》（文号） or 《名称》第三条 is split into the name and
-- what follows it (the 文号), other text is kept whole as the name. A basis both had is the version's; the 表格用语's copy is dropped.
INSERT INTO filing_rule_versions (effective_from, rules_json, basis_name, basis_number, saved_at, saved_by)
SELECT date('now', 'localtime'), v.rules_json,
       CASE WHEN b.text LIKE '《%》%' THEN substr(b.text, 2, instr(b.text, '》') - 2) ELSE b.text END,
       CASE WHEN b.text LIKE '《%》%' THEN (SELECT CASE WHEN r LIKE '（%）' THEN substr(r, 2, length(r) - 2) ELSE nullif(r, '') END
                                           FROM (SELECT trim(substr(b.text, instr(b.text, '》') + 1)) AS r)) END,
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), '升级：原表格用语的依据'
FROM (SELECT trim(CASE WHEN t LIKE '依据：%' THEN substr(t, 4) ELSE t END) AS text
      FROM (SELECT trim(json_extract(value, '$.basis')) AS t FROM settings WHERE key = 'formWording')) b
JOIN (SELECT rules_json, basis_name FROM filing_rule_versions WHERE effective_from <= date('now', 'localtime')
      ORDER BY effective_from DESC, id DESC LIMIT 1) v
WHERE b.text <> '' AND v.basis_name IS NULL;

UPDATE settings SET value = json_remove(value, '$.basis') WHERE key = 'formWording';
