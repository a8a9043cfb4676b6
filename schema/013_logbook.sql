-- 013_logbook.sql — the logbook's book and running number (logbook.h).
-- Each station numbers its receipts in its own book ("01/2026": station
-- 01's book of 2026), 1, 2, 3 … never repeated, never reused; the slip
-- prints them ("Quyển số …, Số thứ tự …") and `report logbook` lists them.
-- A receipt made since this version carries them in its event; the older
-- ones get theirs here, once, in the order the station recorded them, and
-- logbook_legacy keeps them so that a rebuild gives the same numbers.
ALTER TABLE dossier ADD COLUMN book TEXT;
ALTER TABLE dossier ADD COLUMN book_no INTEGER CHECK (book_no IS NULL OR book_no >= 1);

CREATE TABLE logbook_legacy (
	dossier TEXT PRIMARY KEY,
	book    TEXT NOT NULL,
	book_no INTEGER NOT NULL CHECK (book_no >= 1)
) STRICT;

-- the station's number is the first digit of the code's daily number
-- (…-261130-1005: station 1); the book is the year of receipt
INSERT INTO logbook_legacy(dossier, book, book_no)
SELECT id, label, row_number() OVER (PARTITION BY station, label ORDER BY
    (SELECT min(seq) FROM event WHERE event.dossier = d.id AND event.kind = 'receive'), code)
FROM (SELECT id, station, code,
      printf('%02d/%s', CAST(substr(code, -4, 1) AS INTEGER), substr(received, 1, 4))
      AS label FROM dossier) AS d;

UPDATE dossier SET book = l.book, book_no = l.book_no
FROM logbook_legacy AS l WHERE l.dossier = dossier.id;

CREATE UNIQUE INDEX dossier_book ON dossier(station, book, book_no);
