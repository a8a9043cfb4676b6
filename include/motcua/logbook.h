/* logbook.h — the logbook's books and running numbers (Sổ theo dõi hồ sơ).
 *
 * Each station enters its receipts in its own book, numbered 1, 2, 3 …
 * The book is named by the station's number and the period it covers:
 * "01/2026" (station 1, the year 2026: the default) or, with the setting
 * logbook_book = month, "01/2026-11".  A receipt takes the next number of
 * its book in its own transaction and carries book and number in its
 * event ("book", "book_no"), so they travel with it and a rebuild gives
 * them back; the slip prints them ("Quyển số 01/2026, Số thứ tự 17") and
 * `report logbook` lists the same.  The number follows the greater of the
 * book's numbers held and a high-water mark in meta (MC_BOOK_HIGH_KEY and
 * the station id and book), so a number is never issued twice.
 *
 * Receipts recorded before this version have no number in their event:
 * the 013 migration numbered them once, per station and year in the order
 * the station recorded them, into logbook_legacy; one that arrives later
 * from a station still running an older version is given the next number
 * of its book when it is first projected, kept there too.  The unique
 * index dossier_book holds it all: one book, one number, one dossier. */
#ifndef MOTCUA_LOGBOOK_H
#define MOTCUA_LOGBOOK_H

#include <sqlite3.h>

#include "motcua/error.h"

#define MC_BOOK_LEN 16
#define MC_BOOK_HIGH_KEY "book_high:"

/* The book station `station` (1..9) writes a receipt of day `jdn` in. */
int logbook_book(sqlite3 *db, int station, int jdn, char book[MC_BOOK_LEN],
    struct mc_err *err);

/* The next number of `book` at the station `station_id`, and its mark
 * raised: call inside the receipt's transaction. */
int logbook_next(sqlite3 *db, const char *station_id, const char *book, long long *no,
    struct mc_err *err);

/* Give the dossier `id`, just projected from its receipt, its book and
 * number (from the event, else as kept for an older receipt, else the
 * next of its book).  Nothing to do for an id without a dossier row. */
int logbook_project(sqlite3 *db, const char *id, struct mc_err *err);

/* Is `book` a name logbook_book makes for station `station`: "SS/YYYY"
 * or "SS/YYYY-MM"?  (Imports check a travelling receipt with it.) */
int logbook_book_valid(const char *book, int station);

#endif
