/* logbook.c — the logbook's books and running numbers (logbook.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/date.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/logbook.h"
#include "motcua/setting.h"
#include "motcua/vocab.h"

int
logbook_book(sqlite3 *db, int station, int jdn, char book[MC_BOOK_LEN],
    struct mc_err *err)
{
	char period[16];
	int y, m, d;

	if (station < 1 || station > 9)
		return err_set(err, MC_EINVAL, _("station number %d is not 1 to 9"), station);
	if (setting_get(db, "logbook_book", period, sizeof period) != 0)
		return err_set(err, MC_EINVAL, _("there is no setting '%s': see 'motcua "
		    "setting list'"), "logbook_book");
	date_ymd(jdn, &y, &m, &d);
	if (strcmp(period, "month") == 0)
		snprintf(book, MC_BOOK_LEN, "%02d/%04d-%02d", station, y, m);
	else
		snprintf(book, MC_BOOK_LEN, "%02d/%04d", station, y);
	return 0;
}

int
logbook_book_valid(const char *book, int station)
{
	size_t n = strlen(book);

	if ((n != 7 && n != 10) || strspn(book, "0123456789") != 2 || book[2] != '/' ||
	    strspn(book + 3, "0123456789") != 4 || atoi(book) != station)
		return 0;
	if (n == 7)
		return 1;
	return book[7] == '-' && strspn(book + 8, "0123456789") == 2 &&
	    atoi(book + 8) >= 1 && atoi(book + 8) <= 12;
}

/* The greater of the book's highest number held and its mark. */
static int
book_high(sqlite3 *db, const char *station_id, const char *book, long long *high,
    char key[128], struct mc_err *err)
{
	char mark[24];
	sqlite3_stmt *st;
	long long held;

	if (db_cached(db, "SELECT coalesce(max(book_no), 0) FROM dossier WHERE station = ?1 "
	    "AND book = ?2", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, station_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, book, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_release(db, st);
		return db_fail(db, err, _("numbering the logbook"));
	}
	held = sqlite3_column_int64(st, 0);
	db_release(db, st);
	snprintf(key, 128, "%s%s:%s", MC_BOOK_HIGH_KEY, station_id, book);
	if (db_meta_get(db, key, mark, sizeof mark) == 0 && atoll(mark) > held)
		held = atoll(mark);
	*high = held;
	return 0;
}

static int
book_mark(sqlite3 *db, const char *key, long long no, struct mc_err *err)
{
	char mark[24];

	snprintf(mark, sizeof mark, "%lld", no);
	return db_meta_set(db, key, mark, err);
}

int
logbook_next(sqlite3 *db, const char *station_id, const char *book, long long *no,
    struct mc_err *err)
{
	char key[128];
	long long high;

	if (book_high(db, station_id, book, &high, key, err))
		return -1;
	*no = high + 1;
	return book_mark(db, key, *no, err);
}

int
logbook_project(sqlite3 *db, const char *id, struct mc_err *err)
{
	char station[64], book[MC_BOOK_LEN], key[128];
	sqlite3_stmt *st;
	long long no = 0;
	int rc, found;

	/* the event's, else the kept one; the book an older receipt would
	 * have had: its station's digit in the code, its year */
	if (db_cached(db, "SELECT d.station, coalesce(json_extract(e.body, '$.book'), "
	    "l.book, printf('%02d/%s', CAST(substr(d.code, -4, 1) AS INTEGER), "
	    "substr(d.received, 1, 4))), coalesce(json_extract(e.body, '$.book_no'), "
	    "l.book_no), json_extract(e.body, '$.book_no') IS NULL AND l.book IS NULL "
	    "FROM dossier AS d JOIN event AS e ON e.dossier = d.id AND e.kind = ?2 "
	    "LEFT JOIN logbook_legacy AS l ON l.dossier = d.id WHERE d.id = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, vocab_kind(MC_KIND_RECEIVE)->name, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		db_release(db, st);
		return rc == SQLITE_DONE ? 0 : db_fail(db, err, _("numbering the logbook"));
	}
	snprintf(station, sizeof station, "%s", sqlite3_column_text(st, 0));
	snprintf(book, sizeof book, "%s", sqlite3_column_text(st, 1));
	no = sqlite3_column_int64(st, 2);
	found = !sqlite3_column_int(st, 3);
	db_release(db, st);
	if (!found) {
		/* an older receipt first seen now: the next number, kept */
		if (logbook_next(db, station, book, &no, err))
			return -1;
		if (db_cached(db, "INSERT INTO logbook_legacy(dossier, book, book_no) "
		    "VALUES (?1, ?2, ?3)", &st, err))
			return -1;
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, book, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, no);
		rc = sqlite3_step(st);
		db_release(db, st);
		if (rc != SQLITE_DONE)
			return db_fail(db, err, _("numbering the logbook"));
	} else {
		/* a number that travelled in: the book's mark follows it */
		long long high;

		if (book_high(db, station, book, &high, key, err) ||
		    (no > high && book_mark(db, key, no, err)))
			return -1;
	}
	/* one number, one dossier: a second receipt under a number (a file
	 * that brings one, the receipt of a number this book has given) is
	 * said plainly rather than as the index's failure */
	if (db_cached(db, "SELECT code FROM dossier WHERE station = ?1 AND book = ?2 AND "
	    "book_no = ?3 AND id <> ?4", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, station, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, book, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, no);
	sqlite3_bind_text(st, 4, id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char other[64];

		snprintf(other, sizeof other, "%s", sqlite3_column_text(st, 0));
		db_release(db, st);
		return err_set(err, MC_ECONFLICT, _("its logbook number %lld of book %s is "
		    "already dossier %s's"), no, book, other);
	}
	db_release(db, st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("numbering the logbook"));
	if (db_cached(db, "UPDATE dossier SET book = ?2, book_no = ?3 WHERE id = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, book, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, no);
	rc = sqlite3_step(st);
	db_release(db, st);
	if (rc != SQLITE_DONE)
		return db_fail_rc(db, rc, err, _("numbering the logbook"));
	return 0;
}
