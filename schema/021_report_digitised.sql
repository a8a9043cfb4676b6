-- 021_report_digitised.sql — the digitisation counts (report.h's
-- digitised and results_digitised; Circular 01/2023/TT-VPCP): report_agg
-- keys 'digitised' (by the day of receipt; sub: the day the dossier's
-- required documents all had a file) and 'res_digitised' (by the day of
-- the result; sub: the later of the day of its first result file and the
-- day of receipt), kept like the paused spans as each dossier's events'
-- part in report_agg_event, for they come from dossier_file, not the row.
-- No table changes: db.c's migrate counts them for the dossiers that
-- have files once this step is applied (report_agg_refresh_files).  A
-- count of that name held from before is none of these: cleared first.
DELETE FROM report_agg WHERE what IN ('digitised', 'res_digitised');
DELETE FROM report_agg_event WHERE what IN ('digitised', 'res_digitised');
