-- 016_picker.sql — what the picker (F2) and the lists (F3, F5) read
-- without scanning every dossier.  Safe to apply again (IF NOT EXISTS;
-- the counts are made afresh), as a database whose version was set back
-- by hand still holds them.
--
-- procedure_use: how many dossiers each station received of each
-- procedure, kept by the projection (dossier_project calls
-- catalog_uses_project in the same transaction) and compared by `check`
-- against a fresh projection.  The picker orders by it, most used first.
CREATE TABLE IF NOT EXISTS procedure_use (
	station        TEXT NOT NULL,
	procedure_code TEXT NOT NULL,
	uses           INTEGER NOT NULL CHECK (uses >= 0),
	PRIMARY KEY (station, procedure_code)
) STRICT, WITHOUT ROWID;
DELETE FROM procedure_use;
INSERT INTO procedure_use(station, procedure_code, uses)
	SELECT station, procedure_code, count(*) FROM dossier
	GROUP BY station, procedure_code;

-- The picker keeps its index in memory for the session; this counter
-- tells it when to read the catalog again: every change of a procedure
-- or of a use count bumps it (the triggers below), whoever writes.
CREATE TABLE IF NOT EXISTS picker_version (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	n  INTEGER NOT NULL
) STRICT;
INSERT OR IGNORE INTO picker_version(id, n) VALUES (1, 1);
CREATE TRIGGER IF NOT EXISTS procedure_insert_picker AFTER INSERT ON procedure
BEGIN
	UPDATE picker_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS procedure_update_picker AFTER UPDATE ON procedure
BEGIN
	UPDATE picker_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS procedure_delete_picker AFTER DELETE ON procedure
BEGIN
	UPDATE picker_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS procedure_use_insert_picker AFTER INSERT ON procedure_use
BEGIN
	UPDATE picker_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS procedure_use_update_picker AFTER UPDATE ON procedure_use
BEGIN
	UPDATE picker_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS procedure_use_delete_picker AFTER DELETE ON procedure_use
BEGIN
	UPDATE picker_version SET n = n + 1;
END;

-- The due board (lifecycle_due_page) walks the dossiers on the clock in
-- the order of their appointment and reads only the rows it shows: the
-- open statuses that run (vocab_status_sql(MC_PHASE_OPEN, true)) in an
-- index of their own, in the board's order (appointment, status, row),
-- which also counts the board's groups without reading a row.
-- (The list of statuses must stay the one vocab_status_sql makes, word
-- for word, or SQLite does not use the index; test_lists checks it.)
CREATE INDEX IF NOT EXISTS dossier_board ON dossier(appointment, status)
	WHERE status IN ('received', 'processing', 'transferred');
