-- 004_search.sql — addresses are searched folded, like names.
-- vn_fold() is registered by db_open before migrations run.
ALTER TABLE dossier ADD COLUMN address_fold TEXT;
UPDATE dossier SET address_fold = vn_fold(address);
CREATE INDEX dossier_address ON dossier(address_fold);
CREATE INDEX dossier_phone ON dossier(phone);
