-- 023_name_recent.sql — each name word's dossiers in the order the search
-- shows them, newest receipt first.
--
-- name_word was (word, id): a word's dossiers in the order of their ids,
-- which is no order at all, so a search had to read every dossier of its
-- rarest word and sort them before it could show the first screenful
-- ("Trần Thị Lan" at 1,000,000 dossiers: 150–290 ms).  With the time of
-- receipt in the key, each word's dossiers come newest first straight
-- from the index and the search stops at the page's end
-- (lifecycle-page.c).  The time is the dossier's `received`, copied as
-- dossier_project copies the words (check compares both with a rebuild).
-- Safe to apply again: the copy reads only word and id, which both
-- shapes have.
DROP TABLE IF EXISTS name_word_new;
CREATE TABLE name_word_new (
	word     TEXT NOT NULL,
	received TEXT NOT NULL,	-- the dossier's, for the order
	id       TEXT NOT NULL,
	PRIMARY KEY (word, received, id)
) STRICT, WITHOUT ROWID;
INSERT OR IGNORE INTO name_word_new(word, received, id)
	SELECT n.word, d.received, n.id FROM name_word n JOIN dossier d ON d.id = n.id;
DROP TABLE name_word;
ALTER TABLE name_word_new RENAME TO name_word;
CREATE INDEX name_word_id ON name_word(id);
