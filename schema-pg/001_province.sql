-- 001_province.sql — the province's PostgreSQL database: every commune's
-- events as the stations signed them, the dossiers as the projection
-- made them, and the report counts of each dossier (province.h).
-- Applied once, in one transaction, by province_init; schema_version
-- says which steps are in.  Text that the reports compare as the
-- stations do (days, the counts' keys) is COLLATE "C": byte order, as
-- SQLite's.

-- The communes: the stations' unit code; the name as the stations' last
-- "unit" audit event gave it (NULL until one came).
CREATE TABLE commune (
	unit  text COLLATE "C" PRIMARY KEY,
	name  text,
	named text COLLATE "C"              -- the time of that event
);

-- Every station whose events are here: its commune and number.
CREATE TABLE station (
	id     text COLLATE "C" PRIMARY KEY,
	unit   text COLLATE "C" NOT NULL REFERENCES commune(unit),
	number integer NOT NULL,
	events bigint NOT NULL DEFAULT 0    -- events of it held here
);
CREATE INDEX station_unit ON station(unit);

-- The events, as in a station's log (schema/001_core.sql), signature
-- included: the province holds what it verified.
CREATE TABLE event (
	origin  text COLLATE "C" NOT NULL,
	seq     bigint NOT NULL CHECK (seq >= 1),
	at      text COLLATE "C" NOT NULL,
	officer text NOT NULL,
	dossier text COLLATE "C" NOT NULL,
	kind    text COLLATE "C" NOT NULL,
	body    text NOT NULL,
	prev    text NOT NULL,
	hash    text NOT NULL UNIQUE,
	sig     text NOT NULL,
	PRIMARY KEY (origin, seq)
);
CREATE INDEX event_dossier ON event(dossier);
-- the guidance of a period (the reports' "guided")
CREATE INDEX event_kind_at ON event(kind, at);

-- The projection: one row per dossier, as the province's station made it
-- from the events (dossier-project.c); unit: its receiving station's.
CREATE TABLE dossier (
	id             text COLLATE "C" PRIMARY KEY,
	unit           text COLLATE "C" NOT NULL REFERENCES commune(unit),
	station        text COLLATE "C" NOT NULL,
	code           text NOT NULL,
	procedure_code text COLLATE "C" NOT NULL,
	procedure_name text NOT NULL,
	field          text NOT NULL,
	decided_by     text,
	channel        text NOT NULL,
	received       text COLLATE "C" NOT NULL,
	due            text COLLATE "C" NOT NULL,
	appointment    text COLLATE "C",
	status         text NOT NULL,
	result_at      text COLLATE "C",
	closed_at      text COLLATE "C",
	returned_at    text COLLATE "C",
	rating         text,
	updated        text COLLATE "C" NOT NULL
);
CREATE INDEX dossier_unit ON dossier(unit, received);
CREATE INDEX dossier_procedure ON dossier(procedure_code);

-- What each dossier adds to the report counts, as the station's
-- report_agg keys (schema/018_report_agg.sql, report-agg.c) of that one
-- dossier: the same definitions, made by the same code; the reports sum
-- them per commune, field or procedure.
CREATE TABLE dossier_key (
	dossier text COLLATE "C" NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
	what    text COLLATE "C" NOT NULL,
	day     text COLLATE "C" NOT NULL,
	field   text COLLATE "C" NOT NULL,
	body    text COLLATE "C" NOT NULL,
	sub     text COLLATE "C" NOT NULL,
	n       integer NOT NULL,
	PRIMARY KEY (dossier, what, day, field, body, sub)
);
-- a period's keys: from its first day on
CREATE INDEX dossier_key_day ON dossier_key(day, what) INCLUDE (dossier, n);

-- The local stores that feed this database (province.h): the rowid of
-- the store's event log up to which every event is here.  A failure
-- between the store's commit and this database's leaves it behind, and
-- the next load pushes what is missing.
CREATE TABLE feed (
	store  text COLLATE "C" PRIMARY KEY,   -- the store's station id
	pushed bigint NOT NULL DEFAULT 0,
	loaded timestamptz NOT NULL DEFAULT now()
);
