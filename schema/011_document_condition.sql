-- 011_document_condition.sql — when a document is needed (catalog.h).
-- A document that is not always required may say when it is ("trường
-- hợp trẻ bị bỏ rơi"): the catalog's optional "condition", shown beside
-- the name.  NULL: no condition given.  The procedure's versions keep it
-- inside their JSON list of documents (009_catalog_history.sql).
ALTER TABLE procedure_document ADD COLUMN condition TEXT
	CHECK (condition IS NULL OR length(condition) > 0);
