-- 003_calendar.sql — holidays: official calendars and single-date overrides.
-- Applied once, in one transaction, by db_open.  STRICT tables throughout.
-- The default holidays (Labour Code 2019 art. 112) are computed, not
-- stored (calendar.c); settings (office_hours, saturday_morning,
-- sameday_cutoff) live in meta.  Dates are 'YYYY-MM-DD', local time.

-- A supervisor's decision for one date; wins over everything else.
-- off = 1: a day off (holiday, extra day); off = 0: a working day
-- (e.g. a Saturday worked to make up for a bridged weekday).
CREATE TABLE holiday (
	date TEXT PRIMARY KEY
	     CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	off  INTEGER NOT NULL CHECK (off IN (0, 1)),
	name TEXT NOT NULL CHECK (length(name) > 0)
) STRICT;

-- A year whose official calendar (published by the government, imported
-- from a JSON file, doc/calendar-format.md) replaces the computed defaults.
CREATE TABLE calendar_year (
	year     INTEGER PRIMARY KEY CHECK (year BETWEEN 1800 AND 2199),
	source   TEXT NOT NULL DEFAULT '',   -- the decision or notice it comes from
	imported TEXT NOT NULL               -- when, ISO 8601 +07:00
) STRICT;

-- The dates of an official calendar that differ from a plain week:
-- days off on weekdays (and, for information, holidays on weekends) and
-- weekend days worked.  Any date not listed is a plain weekday or weekend.
CREATE TABLE calendar_day (
	date TEXT PRIMARY KEY
	     CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	year INTEGER NOT NULL REFERENCES calendar_year(year) ON DELETE CASCADE
	     CHECK (substr(date, 1, 4) = printf('%04d', year)),
	off  INTEGER NOT NULL CHECK (off IN (0, 1)),
	name TEXT NOT NULL CHECK (length(name) > 0)
) STRICT;
CREATE INDEX calendar_day_year ON calendar_day(year);
