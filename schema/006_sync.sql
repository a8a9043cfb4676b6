-- 006_sync.sql — what we know of other stations, for sync by file.
-- A peer's vector is what its last bundle said it holds: for each station
-- id, every event 1..n (JSON object).  Export sends what that lacks.
CREATE TABLE peer (
	station TEXT PRIMARY KEY,
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	vector  TEXT NOT NULL,             -- JSON {"<station id>": n, …}
	heard   TEXT NOT NULL              -- when its last bundle was imported
) STRICT;
