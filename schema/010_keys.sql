-- 010_keys.sql — station keys, signed events, trust (key.h, trust.h).
-- Each station signs its events with its own Ed25519 key; the secret half
-- stays in this file (mode 0600) and never goes into a bundle.  Other
-- stations' events are taken only when signed by a key a supervisor has
-- trusted here.

-- This station's secret key: one row, hex of libsodium's 64-byte secret
-- key (seed and public key).  A copy of the database made with
-- `init --from-copy` gets a new one.
CREATE TABLE station_key (
	id     INTEGER PRIMARY KEY CHECK (id = 1),
	public TEXT NOT NULL CHECK (length(public) = 64),
	secret TEXT NOT NULL CHECK (length(secret) = 128),
	made   TEXT NOT NULL
) STRICT;

-- The stations whose events this station takes: their public key, and
-- who trusted it when.  revoked: from that time on its events are refused
-- (a stolen PC); a revocation is an audit event that travels.
CREATE TABLE trust (
	station TEXT PRIMARY KEY,
	public  TEXT NOT NULL UNIQUE CHECK (length(public) = 64),
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	trusted TEXT NOT NULL,
	officer TEXT NOT NULL,
	revoked TEXT
) STRICT;

-- Evidence of a cloned station: two different events, both validly
-- signed, with the same origin and number.  The one held stays in the
-- log; the other is kept here, and the station's bundles are refused
-- until a supervisor deals with it (motcua(1), CLONED STATIONS).
CREATE TABLE clone_alarm (
	origin TEXT NOT NULL,
	seq    INTEGER NOT NULL,
	held   TEXT NOT NULL,              -- hash of the event held
	other  TEXT NOT NULL,              -- hash of the other one
	event  TEXT NOT NULL,              -- the other event, as JSON
	file   TEXT NOT NULL,
	found  TEXT NOT NULL,
	PRIMARY KEY (origin, seq, other)
) STRICT;

-- Every event carries its origin's signature over its hash ('' for an
-- event of another station held from before signed sync, until a bundle
-- of that station brings it).
ALTER TABLE event ADD COLUMN sig TEXT NOT NULL DEFAULT '';

-- An event stays as it was, but for its signature, which may be added
-- once (the code checks it before): nothing else of it may change.
DROP TRIGGER event_no_update;
CREATE TRIGGER event_no_update BEFORE UPDATE ON event
WHEN NOT (OLD.sig = '' AND NEW.sig <> '' AND NEW.origin IS OLD.origin AND
	NEW.seq IS OLD.seq AND NEW.at IS OLD.at AND NEW.officer IS OLD.officer AND
	NEW.dossier IS OLD.dossier AND NEW.kind IS OLD.kind AND NEW.body IS OLD.body AND
	NEW.prev IS OLD.prev AND NEW.hash IS OLD.hash)
BEGIN
	SELECT RAISE(ABORT, 'events are append-only: an event cannot be changed');
END;
