-- 020_indexes.sql — find a dossier by the last part of its code; drop the
-- indexes nothing reads.
--
-- The officer types what the citizen reads off the slip: "1001", or the
-- day and that, "261130-1001" (lifecycle-read.c).  Every code ends in
-- those four digits (<unit>-YYMMDD-N###, dossier.c), so an index on the
-- code's last four characters, then the time of receipt, finds them and
-- gives them newest first without reading every dossier.
CREATE INDEX IF NOT EXISTS dossier_code_tail ON dossier(substr(code, -4), received);

-- The summaries count from report_agg (018_report_agg.sql), not from
-- ranges of the dossiers' result, close and return times, and no other
-- query filters or orders on them (doc/HACKING.md): their indexes only
-- cost three index pages on each receipt and step and ~90 bytes a dossier.
DROP INDEX IF EXISTS dossier_result_at;
DROP INDEX IF EXISTS dossier_closed_at;
DROP INDEX IF EXISTS dossier_returned_at;
