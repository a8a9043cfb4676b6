-- 022_name_words.sql — the name index of the dossiers received before it
-- existed.
--
-- 005_lifecycle.sql made name_word (each word of each folded name, kept by
-- dossier_project) but left it empty: a database from schema 3 or 4 came
-- through with its dossiers unfound by name and `check` finding every one
-- of them different from its events (tests/cli/upgrade.sh).  Each word of
-- name_fold, split on spaces as dossier-project.c's add_words does (no
-- empty word), for each dossier that has none indexed; a database whose
-- index is whole has no such dossier, and this adds nothing.
INSERT OR IGNORE INTO name_word(word, id)
WITH RECURSIVE w(id, word, rest) AS (
	SELECT d.id, '', d.name_fold || ' ' FROM dossier d
	WHERE NOT EXISTS (SELECT 1 FROM name_word n WHERE n.id = d.id)
	UNION ALL
	SELECT id, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)
	FROM w WHERE rest <> ''
)
SELECT word, id FROM w WHERE word <> '';
