/* lifecycle-page.c — the long lists a page at a time, each read from an
 * index in the order it is shown, so that a page costs what it shows and
 * not what is stored: a search by name (every word a prefix of a word of
 * the name, newest receipt first) and the due board (by appointment).
 *
 * A name search starts from its rarest word: name_word says how many
 * names have a word starting with each typed word (counted only up to a
 * bound, about the square root of page × dossiers).  When one is rare,
 * the dossiers having it are read (fewer than the bound) and sorted.
 * When every word is common, the newest few hundred dossiers are tested
 * for all the words together: if enough of them match, the dossiers are
 * walked newest first through the index on `received`, each tested for
 * the words (a few probes of name_word by id), stopping at the page's
 * end, which comes after few rows; if the words are common but seldom
 * together, the rarest word's dossiers are read and sorted after all
 * (counted further first, to tell which word that is). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/lifecycle.h"
#include "motcua/vocab.h"
#include "lifecycle-int.h"

#define FIND_MAX 500	/* lifecycle_find gives a name's first 500 */
#define SAMPLE 400	/* the newest dossiers tested for common words */
#define WORD_RANGE(n) "word >= ?" #n " AND word < ?" #n " || char(1114111)"

/* The integer square root of n (n >= 0). */
static long long
isqrt(long long n)
{
	long long r = 0;

	while ((r + 1) * (r + 1) <= n)
		r++;
	return r;
}

/* How many names have a word starting with w, counted up to bound. */
static long long
word_count(sqlite3 *db, const char *w, long long bound, struct mc_err *err)
{
	sqlite3_stmt *st;
	long long n = -1;

	if (db_prepare(db, "SELECT count(*) FROM (SELECT 1 FROM name_word WHERE "
	    WORD_RANGE(1) " LIMIT ?2)", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, w, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, bound);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (n < 0)
		return db_fail(db, err, _("searching the dossiers"));
	return n;
}

/* The " AND EXISTS …" of words[i] for each i but skip, into sql. */
static size_t
words_exist(char *sql, size_t used, size_t n, int nw, int skip, const char *id)
{
	for (int i = 0; i < nw && used < n; i++)
		if (i != skip)
			used += (size_t)snprintf(sql + used, n - used, " AND EXISTS (SELECT 1 "
			    "FROM name_word n WHERE n.id = %s AND n.word >= ?%d AND n.word < "
			    "?%d || char(1114111))", id, i + 1, i + 1);
	return used;
}

/* How many of the SAMPLE newest dossiers have every word. */
static long long
newest_matching(sqlite3 *db, char *const *words, int nw, struct mc_err *err)
{
	char sql[2048];
	size_t used;
	sqlite3_stmt *st;
	long long m = -1;

	used = (size_t)snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT id FROM "
	    "dossier ORDER BY received DESC LIMIT %d) x WHERE 1", SAMPLE);
	if (words_exist(sql, used, sizeof sql, nw, -1, "x.id") >= sizeof sql)
		return err_set(err, MC_EINVAL, _("type fewer words to search for"));
	if (db_prepare(db, sql, &st, err))
		return -1;
	for (int i = 0; i < nw; i++)
		sqlite3_bind_text(st, i + 1, words[i], -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		m = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (m < 0)
		return db_fail(db, err, _("searching the dossiers"));
	return m;
}

/* Read the rows of st (FOUND_COLUMNS, then the row number) to fn: at most
 * limit of them (0: all), the last one's key kept in pg (if any); one
 * more row than the limit only sets pg->more. */
static int
page_rows(sqlite3 *db, sqlite3_stmt *st, struct mc_page *pg, size_t limit,
    int (*fn)(const struct mc_found *, void *), void *arg, struct mc_err *err)
{
	size_t given = 0;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mc_found f;

		if (limit > 0 && given == limit) {
			if (pg != NULL)
				pg->more = true;
			break;
		}
		lifecycle_found_row(st, &f);
		given++;
		if (pg != NULL) {
			snprintf(pg->key, sizeof pg->key, "%s", sqlite3_column_text(st, 5));
			pg->row = sqlite3_column_int64(st, 8);
		}
		if (fn(&f, arg) != 0)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return db_fail(db, err, _("searching the dossiers"));
	}
	sqlite3_finalize(st);
	return 0;
}

int
lifecycle_find_names(sqlite3 *db, char *const *words, int nw, struct mc_page *pg,
    int (*fn)(const struct mc_found *, void *), void *arg, struct mc_err *err)
{
	size_t limit = pg != NULL ? pg->limit : FIND_MAX;
	long long rows, bound, best = -1;
	int rare = 0, k;
	bool walk;
	char sql[4096];
	size_t used;
	sqlite3_stmt *st;

	if (pg != NULL)
		pg->more = false;
	/* row numbers grow with receipts: the largest is the table's size,
	 * near enough, found without counting */
	if ((rows = db_int(db, "SELECT coalesce(max(rowid), 0) FROM dossier", -1)) < 0)
		return db_fail(db, err, _("searching the dossiers"));
	bound = isqrt((long long)(limit > 0 ? limit : FIND_MAX) * rows / 3) + 16;
	for (int i = 0; i < nw; i++) {
		long long c = word_count(db, words[i], bound, err);

		if (c < 0)
			return -1;
		if (best < 0 || c < best) {
			best = c;
			rare = i;
		}
	}
	walk = false;
	if (best >= bound) {
		/* every word common: walk when the newest dossiers say the
		 * page fills within a few bounds' worth of rows */
		long long m = newest_matching(db, words, nw, err);

		if (m < 0)
			return -1;
		walk = m > 0 && (long long)(limit > 0 ? limit : FIND_MAX) * SAMPLE / m <=
		    4 * bound;
		/* read by the rarest after all: the counts stopped at the
		 * bound, count further to tell which it is */
		for (int i = 0; !walk && i < nw; i++) {
			long long c = word_count(db, words[i], 16 * bound, err);

			if (c < 0)
				return -1;
			if (i == 0 || c < best) {
				best = c;
				rare = i;
			}
		}
	}
	/* the rows numbered: the words ?1 … ?nw, then the page's key */
	if (walk)
		used = (size_t)snprintf(sql, sizeof sql, "SELECT " FOUND_COLUMNS ", d.rowid "
		    "FROM dossier d WHERE 1");
	else
		used = (size_t)snprintf(sql, sizeof sql, "SELECT " FOUND_COLUMNS ", d.rowid "
		    "FROM (SELECT DISTINCT id FROM name_word WHERE " WORD_RANGE(%d) ") w "
		    "CROSS JOIN dossier d ON d.id = w.id WHERE 1", rare + 1, rare + 1);
	/* read by the rarest word: the other words are tested on its ids
	 * (w.id) before any dossier row is read, so only the dossiers having
	 * every word are fetched and sorted */
	used = words_exist(sql, used, sizeof sql, nw, walk ? -1 : rare, walk ? "d.id" : "w.id");
	k = nw + 1;
	if (pg != NULL && pg->key[0] != '\0' && used < sizeof sql)
		used += (size_t)snprintf(sql + used, sizeof sql - used, " AND d.received <= ?%d "
		    "AND (d.received < ?%d OR d.rowid < ?%d)", k, k, k + 1);
	if (used < sizeof sql)
		used += (size_t)snprintf(sql + used, sizeof sql - used, " ORDER BY d.received "
		    "DESC, d.rowid DESC LIMIT ?%d", k + 2);
	if (used >= sizeof sql)
		return err_set(err, MC_EINVAL, _("type fewer words to search for"));
	if (db_prepare(db, sql, &st, err))
		return -1;
	for (int i = 0; i < nw; i++)
		sqlite3_bind_text(st, i + 1, words[i], -1, SQLITE_TRANSIENT);
	if (pg != NULL && pg->key[0] != '\0') {
		sqlite3_bind_text(st, k, pg->key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, k + 1, pg->row);
	}
	/* one row more than the page tells whether more follow */
	sqlite3_bind_int64(st, k + 2, limit == 0 ? -1 : (long long)limit +
	    (pg != NULL ? 1 : 0));
	return page_rows(db, st, pg, limit, fn, arg, err);
}

/* ---- the due board ------------------------------------------------------ */

/* The start of the day after the second working day after as_of: the
 * board looks no further. */
static int
board_end(struct mc_calendar *cal, int as_of)
{
	int d = as_of;

	for (int k = 0; k < 2; k++) {
		int next = calendar_next_working_day(cal, d);
		if (next < 0)
			break;
		d = next;
	}
	return d + 1;
}

/* A row of the due board, in its group, to the caller's visitor. */
struct due_visit {
	int as_of;
	int (*fn)(enum mc_due_group g, const struct mc_found *, void *);
	void *arg;
};

static int
due_visit(const struct mc_found *f, void *arg)
{
	struct due_visit *v = arg;
	struct mc_found row = *f;
	enum mc_due_group g;

	if (f->appointment_jdn == 0)
		return 0;	/* a time that does not read: not on the board */
	row.days = f->appointment_jdn - v->as_of;
	if (vocab_status(f->status) != NULL && vocab_status(f->status)->paused)
		g = MC_DUE_PAUSED;
	else if (f->appointment_jdn < v->as_of)
		g = MC_DUE_OVERDUE;
	else if (f->appointment_jdn == v->as_of)
		g = MC_DUE_TODAY;
	else
		g = MC_DUE_SOON;
	return v->fn(g, &row, v->arg);
}

/* A page of one part of the board, from where pg stands in it: 0 the
 * open dossiers on the clock whose appointment is before `end` (the
 * partial index dossier_board holds exactly them, in that order, with
 * their status for the counts), 1 the paused (dossier_appointment).  At most cap rows go to v (one more only
 * sets pg->more); *given counts them.  Returns 0, 1 when v stopped, or
 * -1. */
static int
due_part(sqlite3 *db, const char *end, struct mc_page *pg, size_t cap,
    struct due_visit *v, size_t *given, struct mc_err *err)
{
	char running[256];
	bool from = pg->key[0] != '\0';
	sqlite3_stmt *st;
	int rc, stop = 0;

	/* ?1 is the first part's, ?2 the second's; ?3 and ?5 where the page
	 * starts, ?4 the rows to read */
	if (db_preparef(db, &st, err, "SELECT " FOUND_COLUMNS ", d.rowid, d.appointment "
	    "FROM dossier d %s WHERE %s%s%s ORDER BY d.appointment, d.status, d.rowid "
	    "LIMIT ?4", pg->group == 0 ? "INDEXED BY dossier_board" : "",
	    pg->group == 0 ? "d.appointment < ?1 AND d.status IN " : "d.status = ?2",
	    pg->group == 0 ? vocab_status_sql(MC_PHASE_OPEN, true, running, sizeof running) :
	    "", from ? " AND d.appointment >= ?3 AND (d.appointment > ?3 OR d.status > ?6 "
	    "OR (d.status = ?6 AND d.rowid > ?5))" : "") != 0)
		return -1;
	sqlite3_bind_text(st, 1, end, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, vocab_status_paused()->name, -1, SQLITE_STATIC);
	if (from) {
		sqlite3_bind_text(st, 3, pg->key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 5, pg->row);
		sqlite3_bind_text(st, 6, pg->status, -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_int64(st, 4, cap == (size_t)-1 ? -1 : (long long)cap + 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mc_found f;

		if (*given == cap) {
			pg->more = true;
			break;
		}
		lifecycle_found_row(st, &f);
		(*given)++;
		pg->row = sqlite3_column_int64(st, 8);
		snprintf(pg->key, sizeof pg->key, "%s", sqlite3_column_text(st, 9) != NULL ?
		    (const char *)sqlite3_column_text(st, 9) : "");
		snprintf(pg->status, sizeof pg->status, "%s", f.status);
		if ((stop = due_visit(&f, v)) != 0)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the due board"));
	return stop != 0;
}

int
lifecycle_due_page(sqlite3 *db, struct mc_calendar *cal, int as_of,
    struct mc_page *pg, int (*fn)(enum mc_due_group g, const struct mc_found *, void *),
    void *arg, struct mc_err *err)
{
	struct due_visit v = { as_of, fn, arg };
	char end[MC_DATE_LEN];
	size_t cap = pg->limit > 0 ? pg->limit : (size_t)-1;

	date_format(board_end(cal, as_of), end);
	pg->more = false;
	for (;;) {
		size_t given = 0;
		int rc = due_part(db, end, pg, cap, &v, &given, err);

		if (rc != 0 || pg->more)
			return rc < 0 ? -1 : 0;
		if (cap != (size_t)-1)
			cap -= given;
		if (pg->group == 1)
			return 0;
		/* the open part is done: the paused follow (with no room
		 * left, only to tell whether there are any) */
		pg->group = 1;
		pg->key[0] = '\0';
		pg->row = 0;
	}
}

int
lifecycle_due_groups(sqlite3 *db, struct mc_calendar *cal, int as_of, int count[4],
    struct mc_err *err)
{
	char day[MC_DATE_LEN], next[MC_DATE_LEN], end[MC_DATE_LEN], running[256];
	sqlite3_stmt *st;
	int rc;

	date_format(as_of, day);
	date_format(as_of + 1, next);
	date_format(board_end(cal, as_of), end);
	/* the rows of the board's first part, counted in its index */
	if (db_preparef(db, &st, err, "SELECT coalesce(sum(appointment < ?1), 0), "
	    "coalesce(sum(appointment >= ?1 AND appointment < ?2), 0), "
	    "coalesce(sum(appointment >= ?2), 0), (SELECT count(*) FROM dossier "
	    "WHERE status = ?4) FROM dossier INDEXED BY dossier_board "
	    "WHERE status IN %s AND appointment < ?3",
	    vocab_status_sql(MC_PHASE_OPEN, true, running, sizeof running)) != 0)
		return -1;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, next, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, end, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, vocab_status_paused()->name, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (int i = 0; i < 4; i++)
			count[i] = sqlite3_column_int(st, i);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, _("counting the dossiers due"));
	return 0;
}
