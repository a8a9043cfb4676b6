-- 018_report_agg.sql — the counts the period summaries, the header and
-- F6's weekly chart read instead of the dossiers (report-agg.c says what
-- each key counts).  The projection keeps them in the same transaction as
-- the dossier row; `check` compares them with the rows and `check
-- --rebuild` recounts them.  A database from before this step is counted
-- once when it is opened (db.c's migrate calls report_agg_fill).
-- (IF NOT EXISTS: a copy made to look older may still hold them; the fill
-- recounts them all the same.)
CREATE TABLE IF NOT EXISTS report_agg (
	what  TEXT NOT NULL,   -- the figure's name (received, leave, prog, …)
	day   TEXT NOT NULL,   -- YYYY-MM-DD, or 9999-12-31: not ended
	field TEXT NOT NULL,   -- the procedure's field (rated_by: the officer)
	body  TEXT NOT NULL,   -- the deciding body, '' for the unit itself
	sub   TEXT NOT NULL,   -- what the figure needs beyond its day
	n     INTEGER NOT NULL,
	PRIMARY KEY (what, day, field, body, sub)
) STRICT, WITHOUT ROWID;

-- The part of each dossier's counts that its events give beyond its row
-- (the spans paused, the officer who recorded the return), as added: the
-- projection takes away what it added before the events changed.
CREATE TABLE IF NOT EXISTS report_agg_event (
	dossier TEXT NOT NULL,
	what    TEXT NOT NULL,
	day     TEXT NOT NULL,
	field   TEXT NOT NULL,
	body    TEXT NOT NULL,
	sub     TEXT NOT NULL,
	n       INTEGER NOT NULL,
	PRIMARY KEY (dossier, what, day, field, body, sub)
) STRICT, WITHOUT ROWID;
