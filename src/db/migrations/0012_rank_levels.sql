-- 职务层次 in the words of the cadre standard (issue 12 point 4): 厅级/处级/科级 → 厅局级/县处级/乡科级. The column's
-- CHECK lists the words, so a new column with the new list replaces it (DROP COLUMN keeps the table, its indexes
-- and every foreign key pointing at members; a rebuilt table would need foreign keys off outside the transaction).
ALTER TABLE members ADD COLUMN rank_level TEXT CHECK (rank_level IN ('厅局级','县处级','乡科级','一般干部','其他'));
UPDATE members SET rank_level = CASE rank WHEN '厅级' THEN '厅局级' WHEN '处级' THEN '县处级' WHEN '科级' THEN '乡科级' ELSE rank END;
ALTER TABLE members DROP COLUMN rank;
ALTER TABLE members RENAME COLUMN rank_level TO rank;
