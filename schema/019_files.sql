-- 019_files.sql — the files kept with the dossiers (attach.h): scans and
-- attached PDF, JPEG, PNG and TIFF files.  Each is an event of its
-- dossier (kind file_added, whose body holds the file's SHA-256, so the
-- chain and the signature vouch for it); dossier_file is that event's
-- projection, written in the event's transaction, one row per event.
-- The bytes live beside the database, content-addressed
-- (files/ab/<sha256>.<ext>), unless the setting attach_blobs keeps them
-- in file_blob.
CREATE TABLE IF NOT EXISTS dossier_file (
	origin   TEXT NOT NULL,      -- the event's station and number
	seq      INTEGER NOT NULL,
	dossier  TEXT NOT NULL,      -- dossier.id
	document INTEGER,            -- position in the dossier's documents, NULL: the whole
	doc_name TEXT,               -- that document's name, as the receipt recorded it
	result   INTEGER NOT NULL,   -- 1: the result returned to the citizen
	sha256   TEXT NOT NULL,      -- 64 lowercase hex digits
	type     TEXT NOT NULL,      -- pdf | jpeg | png | tiff
	pages    INTEGER NOT NULL,
	bytes    INTEGER NOT NULL,
	source   TEXT NOT NULL,      -- scan | attach
	name     TEXT NOT NULL,      -- the original base name
	at       TEXT NOT NULL,      -- the event's time
	officer  TEXT NOT NULL,
	PRIMARY KEY (origin, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dossier_file_dossier ON dossier_file(dossier, at, origin, seq);
CREATE INDEX IF NOT EXISTS dossier_file_sha ON dossier_file(sha256);

-- the bytes of a file, when the setting attach_blobs asks for them to be
-- kept in the database
CREATE TABLE IF NOT EXISTS file_blob (
	sha256 TEXT PRIMARY KEY,
	data   BLOB NOT NULL
) STRICT, WITHOUT ROWID;
