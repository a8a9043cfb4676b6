-- 007_report.sql — indexes the period figures need on a large database:
-- dossiers resolved, closed or returned since a date, and events of one
-- kind within a period (guidance).
CREATE INDEX dossier_result_at ON dossier(result_at);
CREATE INDEX dossier_closed_at ON dossier(closed_at);
CREATE INDEX dossier_returned_at ON dossier(returned_at);
CREATE INDEX event_kind_at ON event(kind, at);
-- Everything the period summary reads of a dossier, in receipt order: the
-- summary of a year reads this index alone, never the rows.
CREATE INDEX dossier_period ON dossier(received, status, field, due, result_at,
	closed_at, id);
