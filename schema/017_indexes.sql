-- 017_indexes.sql — indexes that only repeated another, dropped.
-- dossier_code_received (received DESC, 004_search.sql) is dossier_received
-- (received, 001_core.sql) again: SQLite walks a one-column index either
-- way, so the direction adds nothing.  Both are the first column of
-- dossier_period (received, status, field, due, result_at, closed_at, id;
-- 007_report.sql), which serves every range or order on `received` the
-- same way and covers more of the row: EXPLAIN QUERY PLAN of the queries
-- on `received` (the day's list, the recent list, the summaries, the
-- logbook) uses dossier_period for each once these are gone
-- (doc/HACKING.md).  No other index repeats a prefix of another.  Each
-- dossier had two index entries on `received` more than it needed, on
-- every receipt and import written twice for nothing.
DROP INDEX IF EXISTS dossier_code_received;
DROP INDEX IF EXISTS dossier_received;
