-- 009_catalog_history.sql — the versions of each procedure that a
-- supervisor changed at this station (catalog-admin.c).
-- The first local change of a procedure records its state as held
-- (change 'held', the catalog version that last wrote it), then each
-- amendment, abolition or restoration records the state it leaves, with
-- the next revision number.  Dossiers keep their own snapshot of the
-- procedure (the dossier row, the receive event), so none of this ever
-- changes a dossier already received.  Rows are never updated.
CREATE TABLE procedure_version (
	procedure_code  TEXT NOT NULL REFERENCES procedure(code),
	revision        INTEGER NOT NULL CHECK (revision >= 1),
	change          TEXT NOT NULL
	                CHECK (change IN ('held', 'amend', 'abolish', 'restore')),
	catalog_version INTEGER NOT NULL,   -- procedure.version at the time
	officer         TEXT,               -- the acting supervisor; NULL for 'held'
	made            TEXT NOT NULL,      -- ISO 8601 date-time
	time_limit      TEXT NOT NULL,
	fee             INTEGER NOT NULL CHECK (fee >= 0),
	documents       TEXT NOT NULL,      -- JSON array of {name, form, quantity, required}
	abolished       TEXT,               -- YYYY-MM-DD or NULL
	PRIMARY KEY (procedure_code, revision)
) STRICT;
