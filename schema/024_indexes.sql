-- 024_indexes.sql — the dossier indexes no query reads, dropped; the two
-- that are read, made smaller.
--
-- Every receipt writes an entry in each index on `dossier`, and every
-- step rewrites the entries of the columns it changes: an index no query
-- reads is pages written on every receipt for nothing.  EXPLAIN QUERY
-- PLAN of every statement in src/core that reads `dossier`, before and
-- after (doc/HACKING.md has the table of which index serves which query):
--
-- dossier_name (name_fold) and dossier_address (address_fold): the name
-- search reads name_word (022_name_words.sql, 023_name_recent.sql) and
-- nothing searches by address; the folds stay in the row, only set.
DROP INDEX IF EXISTS dossier_name;
DROP INDEX IF EXISTS dossier_address;
-- dossier_due (status, due): no query filters or orders on `due` (the
-- board orders on the appointment, the summaries count from report_agg).
DROP INDEX IF EXISTS dossier_due;
-- dossier_appointment (status, appointment) served only the due board's
-- paused part and the count of the paused (lifecycle-page.c): a partial
-- index of the paused alone holds only them, in the board's order.  The
-- status is written out as vocab_status_paused() names it, and the
-- queries carry the same literal, or SQLite does not use the index
-- (test_lists checks the plan).
DROP INDEX IF EXISTS dossier_appointment;
CREATE INDEX IF NOT EXISTS dossier_paused ON dossier(appointment)
	WHERE status = 'paused';
-- dossier_period (received, status, field, due, result_at, closed_at, id;
-- 007_report.sql) covered the summaries, which count from report_agg
-- since 018_report_agg.sql.  What still reads ranges or the order of
-- `received` (a period's list and the officers' counts, report.c; the
-- portal's export, report-portal.c; the list in received order; the name
-- search's walk newest first, lifecycle-names.c) reads the rows as well,
-- so the time alone serves it the same way (SEARCH on the same range,
-- SCAN in the same order), and the row number that ends every index
-- entry is the name search's tie-break order.  Seven columns an entry
-- become one.
DROP INDEX IF EXISTS dossier_period;
CREATE INDEX IF NOT EXISTS dossier_received ON dossier(received);
