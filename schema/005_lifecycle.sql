-- 005_lifecycle.sql — what happens after the receipt, as projected from
-- the dossier's events (lifecycle.h lists the kinds), and a word index of
-- names so a lookup by any word of a name stays fast on a large database.

-- `due` moves with pauses and decides early / on time / late;
-- `appointment` is what the citizen was last told (an apology's new date).
ALTER TABLE dossier ADD COLUMN appointment TEXT;
UPDATE dossier SET appointment = due;
ALTER TABLE dossier ADD COLUMN handler TEXT;          -- handed over to
ALTER TABLE dossier ADD COLUMN agency TEXT;           -- transferred to
ALTER TABLE dossier ADD COLUMN paused_from TEXT;      -- status before a pause
ALTER TABLE dossier ADD COLUMN paused_at TEXT;
ALTER TABLE dossier ADD COLUMN paused_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier ADD COLUMN result TEXT;           -- approved | refused
ALTER TABLE dossier ADD COLUMN result_reason TEXT;
ALTER TABLE dossier ADD COLUMN result_at TEXT;
ALTER TABLE dossier ADD COLUMN returned_at TEXT;
ALTER TABLE dossier ADD COLUMN collector TEXT;
ALTER TABLE dossier ADD COLUMN collector_id TEXT;
ALTER TABLE dossier ADD COLUMN rating TEXT;
ALTER TABLE dossier ADD COLUMN closed_reason TEXT;    -- refuse, withdraw, cancel
ALTER TABLE dossier ADD COLUMN closed_at TEXT;
ALTER TABLE dossier ADD COLUMN apologies INTEGER NOT NULL DEFAULT 0;
CREATE INDEX dossier_appointment ON dossier(status, appointment);
CREATE INDEX dossier_code_received ON dossier(received DESC);

-- Each word of each folded name (dossier_project keeps it in step).
CREATE TABLE name_word (
	word TEXT NOT NULL,
	id   TEXT NOT NULL,
	PRIMARY KEY (word, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX name_word_id ON name_word(id);
