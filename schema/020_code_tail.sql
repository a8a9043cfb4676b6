-- 020_code_tail.sql — find a dossier by the last part of its code.
-- The officer types what the citizen reads off the slip: "1001", or the
-- day and that, "261130-1001" (lifecycle-read.c).  Every code ends in
-- those four digits (<unit>-YYMMDD-N###, dossier.c), so an index on the
-- code's last four characters, then the time of receipt, finds them and
-- gives them newest first without reading every dossier.
CREATE INDEX IF NOT EXISTS dossier_code_tail ON dossier(substr(code, -4), received);
