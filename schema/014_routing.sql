-- 014_routing.sql — who decides each procedure, and whether this unit
-- decides it or only receives it and sends it on (catalog.h).
-- Since Decree 118/2025 a one-stop unit receives dossiers whatever their
-- level: the catalog's optional "decided_by" names the deciding body
-- (cơ quan có thẩm quyền giải quyết) and "routing" says 'decide' (this
-- unit decides: the default, so every catalog held before stays valid)
-- or 'forward' (received here, sent on to that body, which a forward
-- must then name).  The procedure's versions keep both
-- (009_catalog_history.sql); a receipt keeps them in its snapshot of the
-- procedure and the dossier row projects them (NULL / 'decide' for the
-- receipts made before).
ALTER TABLE procedure ADD COLUMN decided_by TEXT
	CHECK (decided_by IS NULL OR length(decided_by) > 0);
ALTER TABLE procedure ADD COLUMN routing TEXT NOT NULL DEFAULT 'decide'
	CHECK (routing IN ('decide', 'forward'));

ALTER TABLE procedure_version ADD COLUMN decided_by TEXT;
ALTER TABLE procedure_version ADD COLUMN routing TEXT NOT NULL DEFAULT 'decide'
	CHECK (routing IN ('decide', 'forward'));

ALTER TABLE dossier ADD COLUMN decided_by TEXT;
ALTER TABLE dossier ADD COLUMN routing TEXT NOT NULL DEFAULT 'decide'
	CHECK (routing IN ('decide', 'forward'));
