-- 012_channel.sql — how a dossier reached the counter (dossier.h): handed
-- in by the citizen (direct), sent by post (post), or sent online and
-- recorded by an officer (online).  The province's figures count the new
-- dossiers of each (report.h: received_online, received_post); the
-- national portal's HinhThuc follows it (doc/portal.md).  Receipts made
-- before were all handed in.
ALTER TABLE dossier ADD COLUMN channel TEXT NOT NULL DEFAULT 'direct'
	CHECK (channel IN ('direct', 'post', 'online'));
