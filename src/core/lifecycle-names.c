/* lifecycle-names.c — the search by name a page at a time: every typed
 * word a prefix of a word of the name, newest receipt first (equal times:
 * the later row first), at a cost that grows with the page and not with
 * the dossiers stored.
 *
 * name_word holds each word of each folded name with the dossier's time
 * of receipt, keyed (word, received, id): a word's dossiers come newest
 * first straight from the index.  A search is led by its typed words:
 * each lead walks its word's dossiers newest first (a typed word is a
 * prefix, so the few words it begins are merged as they are walked) and
 * tests each dossier for the other words; the first lead to reach the
 * page's end, or its list's, has the page, since every dossier that has
 * all the words is on each lead's list in the order shown.
 *
 * Which lead is quickest is the one whose dossiers most often have the
 * other words too, which no count tells beforehand: the leads take turns,
 * a dossier each, so a search costs at most as many times the quickest
 * lead's walk as there are words ("Trần Thị Lan" is finished by "lan"'s
 * walk while "thi" has tested as many dossiers).  Two cases go another
 * way: a word so rare that all its dossiers are fewer than RARE (they are
 * read, tested and sorted: no more than that), and words that each begin
 * more than SPREAD words ("t v"), where the dossiers are walked newest
 * first through the index on `received` and tested for every word. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/lifecycle.h"
#include "lifecycle-int.h"

#define FIND_MAX 500	/* lifecycle_find gives a name's first 500 */
#define RARE 256	/* a word fewer dossiers have than this: read them all */
#define SPREAD 16	/* a typed word beginning more words than this leads not */
#define WORD_RANGE(n) "word >= ?" #n " AND word < ?" #n " || char(1114111)"
#define TIME_END "9999"	/* after every time of receipt */
#define WORD_LEN 256	/* a word of a folded name, and more */

/* How many names have a word starting with w, counted up to bound. */
static long long
word_count(sqlite3 *db, const char *w, long long bound, struct mc_err *err)
{
	sqlite3_stmt *st;
	long long n = -1;

	if (db_cached(db, "SELECT count(*) FROM (SELECT 1 FROM name_word WHERE "
	    WORD_RANGE(1) " LIMIT ?2)", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, w, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, bound);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	db_release(db, st);
	if (n < 0)
		return db_fail(db, err, _("searching the dossiers"));
	return n;
}

/* ---- the leads ----------------------------------------------------------- */

/* A dossier on a lead's list that has every word. */
struct hit {
	char received[MC_TIME_LEN + 16];
	long long row;
};

/* A typed word leading: a cursor on each word it begins, each walking
 * that word's dossiers newest first; merged, they are the typed word's. */
struct lead {
	sqlite3_stmt *cur[SPREAD];
	bool live[SPREAD];	/* cur[i] stands on a row */
	int ncur;
	bool done;		/* its list ended, or the page is whole */
	struct hit *hits;	/* in the order walked */
	size_t nhits, cap;
};

/* Where a search stands: its words, its page, its shared statement. */
struct search {
	sqlite3 *db;
	char *const *words;
	int nw;
	size_t limit;		/* rows wanted (0: all) */
	const char *key;	/* the page starts after (key, row); NULL: first */
	long long row;
	sqlite3_stmt *row_st;	/* a dossier's row number and folded name by id */
};

/* The words w begins (at most SPREAD of them) into words; their number,
 * SPREAD + 1 when there are more, -1 on an error. */
static int
begun_words(sqlite3 *db, const char *w, char words[][WORD_LEN], struct mc_err *err)
{
	sqlite3_stmt *st;
	int n = 0, rc = SQLITE_ROW;

	/* each word a seek past the one before (one lower bound each, so the
	 * seek is the index's): the range is not walked */
	while (n <= SPREAD) {
		if (db_cached(db, n == 0 ? "SELECT word FROM name_word WHERE " WORD_RANGE(1)
		    " ORDER BY word LIMIT 1" : "SELECT word FROM name_word WHERE word > ?2 "
		    "AND word < ?1 || char(1114111) ORDER BY word LIMIT 1", &st, err))
			return -1;
		sqlite3_bind_text(st, 1, w, -1, SQLITE_STATIC);
		if (n > 0)
			sqlite3_bind_text(st, 2, words[n - 1], -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && n < SPREAD)
			snprintf(words[n], sizeof words[0], "%s", sqlite3_column_text(st, 0));
		db_release(db, st);
		if (rc != SQLITE_ROW)
			break;
		n++;	/* SPREAD + 1: one more than may lead */
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, _("searching the dossiers"));
	return n;
}

static void
lead_close(struct lead *l)
{
	for (int i = 0; i < l->ncur; i++)
		sqlite3_finalize(l->cur[i]);
	free(l->hits);
	memset(l, 0, sizeof *l);
}

/* Start a lead on the typed word w, which begins n of the words. */
static int
lead_open(struct search *s, struct lead *l, char words[][WORD_LEN], int n,
    struct mc_err *err)
{
	memset(l, 0, sizeof *l);
	for (int i = 0; i < n; i++) {
		sqlite3_stmt *st;
		int rc;

		if (db_prepare(s->db, "SELECT received, id FROM name_word WHERE word = ?1 "
		    "AND received <= ?2 ORDER BY received DESC, id DESC", &st, err)) {
			lead_close(l);
			return -1;
		}
		sqlite3_bind_text(st, 1, words[i], -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, s->key != NULL ? s->key : TIME_END, -1,
		    SQLITE_TRANSIENT);
		l->cur[l->ncur++] = st;
		rc = sqlite3_step(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			lead_close(l);
			return db_fail(s->db, err, _("searching the dossiers"));
		}
		l->live[i] = rc == SQLITE_ROW;
	}
	return 0;
}

/* (received, id) of cursor a against b's: which comes first, newest
 * first (> 0: a does). */
static int
cursor_cmp(sqlite3_stmt *a, sqlite3_stmt *b)
{
	int c = strcmp((const char *)sqlite3_column_text(a, 0),
	    (const char *)sqlite3_column_text(b, 0));

	if (c == 0)
		c = strcmp((const char *)sqlite3_column_text(a, 1),
		    (const char *)sqlite3_column_text(b, 1));
	return c;
}

/* Does the folded name have every word (each a prefix of one of its)? */
static bool
name_has(const char *fold, char *const *words, int nw)
{
	for (int i = 0; i < nw; i++) {
		size_t len = strlen(words[i]);
		bool found = false;

		for (const char *p = fold; *p != '\0' && !found; ) {
			size_t wl = strcspn(p, " ");

			found = wl >= len && strncmp(p, words[i], len) == 0;
			p += wl;
			p += strspn(p, " ");
		}
		if (!found)
			return false;
	}
	return true;
}

/* Test the dossier id (received at t) for every word; a hit joins l's.
 * The dossier the page starts after, and those before it, are not hits. */
static int
lead_test(struct search *s, struct lead *l, const char *id, const char *t,
    struct mc_err *err)
{
	long long row;
	bool has;
	int rc;

	sqlite3_reset(s->row_st);
	sqlite3_bind_text(s->row_st, 1, id, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(s->row_st)) != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : db_fail(s->db, err,
		    _("searching the dossiers"));
	row = sqlite3_column_int64(s->row_st, 0);
	has = name_has((const char *)sqlite3_column_text(s->row_st, 1), s->words, s->nw);
	if (!has || (s->key != NULL && strcmp(t, s->key) == 0 && row >= s->row))
		return 0;
	if (l->nhits == l->cap) {
		size_t cap = l->cap == 0 ? 32 : 2 * l->cap;
		struct hit *h = realloc(l->hits, cap * sizeof *h);

		if (h == NULL)
			return err_set(err, MC_ENOMEM, _("out of memory"));
		l->hits = h;
		l->cap = cap;
	}
	snprintf(l->hits[l->nhits].received, sizeof l->hits[0].received, "%s", t);
	l->hits[l->nhits++].row = row;
	return 0;
}

/* The lead's next dossier, tested: done is set when its list ended, or
 * when the page is whole (one hit more than the page, and this dossier
 * older than every hit: nothing later can come before them). */
static int
lead_step(struct search *s, struct lead *l, struct mc_err *err)
{
	char id[128], t[MC_TIME_LEN + 16];
	int top = -1;

	for (int i = 0; i < l->ncur; i++)
		if (l->live[i] && (top < 0 || cursor_cmp(l->cur[i], l->cur[top]) > 0))
			top = i;
	if (top < 0) {
		l->done = true;
		return 0;
	}
	snprintf(t, sizeof t, "%s", sqlite3_column_text(l->cur[top], 0));
	snprintf(id, sizeof id, "%s", sqlite3_column_text(l->cur[top], 1));
	if (s->limit > 0 && l->nhits > s->limit &&
	    strcmp(t, l->hits[l->nhits - 1].received) < 0) {
		l->done = true;
		return 0;
	}
	/* past this dossier on every cursor (a name with two of the words):
	 * the others first, while top still stands on it */
	for (int i = 0; i <= l->ncur; i++) {
		int c = i < l->ncur ? i : top, rc;	/* top last */

		if (!l->live[c] || (i < l->ncur && (c == top ||
		    cursor_cmp(l->cur[c], l->cur[top]) != 0)))
			continue;
		if ((rc = sqlite3_step(l->cur[c])) != SQLITE_ROW && rc != SQLITE_DONE)
			return db_fail(s->db, err, _("searching the dossiers"));
		l->live[c] = rc == SQLITE_ROW;
	}
	return lead_test(s, l, id, t, err);
}

/* Newest first; equal times, the later row first. */
static int
hit_cmp(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;
	int c = strcmp(y->received, x->received);

	if (c != 0)
		return c;
	return (y->row > x->row) - (y->row < x->row);
}

/* The finished lead's page to fn, and where the next one starts. */
static int
lead_give(struct search *s, struct lead *l, struct mc_page *pg,
    int (*fn)(const struct mc_found *, void *), void *arg, struct mc_err *err)
{
	size_t n = l->nhits;
	sqlite3_stmt *st;
	int rc = SQLITE_ROW;

	qsort(l->hits, n, sizeof *l->hits, hit_cmp);
	if (s->limit > 0 && n > s->limit) {
		n = s->limit;
		if (pg != NULL)
			pg->more = true;
	}
	if (db_cached(s->db, "SELECT " FOUND_COLUMNS " FROM dossier d WHERE d.rowid = ?1",
	    &st, err))
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct mc_found f;

		sqlite3_bind_int64(st, 1, l->hits[i].row);
		if ((rc = sqlite3_step(st)) != SQLITE_ROW)
			break;
		lifecycle_found_row(st, &f);
		sqlite3_reset(st);
		if (pg != NULL) {
			snprintf(pg->key, sizeof pg->key, "%s", l->hits[i].received);
			pg->row = l->hits[i].row;
		}
		if (fn(&f, arg) != 0)
			break;
	}
	db_release(s->db, st);
	if (rc != SQLITE_ROW)
		return db_fail(s->db, err, _("searching the dossiers"));
	return 0;
}

/* The race of the leads (lead[i] on the typed word i when led[i]); 1 when
 * none could lead, and nothing was given. */
static int
race(struct search *s, char *const *words, struct mc_page *pg,
    int (*fn)(const struct mc_found *, void *), void *arg, struct mc_err *err)
{
	struct lead *leads = calloc((size_t)s->nw, sizeof *leads);
	char (*begun)[WORD_LEN] = malloc((SPREAD + 1) * sizeof *begun);
	int nleads = 0, rc = -1, winner = -1;

	if (leads == NULL || begun == NULL) {
		free(leads);
		free(begun);
		return err_set(err, MC_ENOMEM, _("out of memory"));
	}
	for (int i = 0; i < s->nw; i++) {
		int n = begun_words(s->db, words[i], begun, err);

		if (n < 0)
			goto out;
		if (n == 0) {	/* a word no name has: no dossier has them all */
			rc = 0;
			goto out;
		}
		if (n <= SPREAD && lead_open(s, &leads[nleads++], begun, n, err))
			goto out;
	}
	if (nleads == 0) {
		rc = 1;
		goto out;
	}
	if (db_prepare(s->db, "SELECT rowid, name_fold FROM dossier WHERE id = ?1",
	    &s->row_st, err))
		goto out;
	/* a dossier each in turn, until one lead has the page */
	while (winner < 0) {
		for (int i = 0; i < nleads && winner < 0; i++) {
			if (lead_step(s, &leads[i], err))
				goto out;
			if (leads[i].done)
				winner = i;
		}
	}
	rc = lead_give(s, &leads[winner], pg, fn, arg, err);
out:
	sqlite3_finalize(s->row_st);
	s->row_st = NULL;
	for (int i = 0; i < nleads; i++)
		lead_close(&leads[i]);
	free(leads);
	free(begun);
	return rc;
}

/* ---- the rare word and the walk ----------------------------------------- */

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

/* The page in one query: the dossiers of the rare word (rare >= 0), read
 * and sorted, or every dossier walked newest first (rare < 0); each
 * tested for the other words. */
static int
one_query(struct search *s, int rare, struct mc_page *pg,
    int (*fn)(const struct mc_found *, void *), void *arg, struct mc_err *err)
{
	char sql[4096];
	size_t used;
	sqlite3_stmt *st;
	int k = s->nw + 1;

	/* the rows numbered: the words ?1 … ?nw, then the page's key */
	if (rare < 0)
		used = (size_t)snprintf(sql, sizeof sql, "SELECT " FOUND_COLUMNS ", d.rowid "
		    "FROM dossier d WHERE 1");
	else
		used = (size_t)snprintf(sql, sizeof sql, "SELECT " FOUND_COLUMNS ", d.rowid "
		    "FROM (SELECT DISTINCT id FROM name_word WHERE " WORD_RANGE(%d) ") w "
		    "CROSS JOIN dossier d ON d.id = w.id WHERE 1", rare + 1, rare + 1);
	used = words_exist(sql, used, sizeof sql, s->nw, rare, rare < 0 ? "d.id" : "w.id");
	if (s->key != NULL && used < sizeof sql)
		used += (size_t)snprintf(sql + used, sizeof sql - used, " AND d.received <= ?%d "
		    "AND (d.received < ?%d OR d.rowid < ?%d)", k, k, k + 1);
	if (used < sizeof sql)
		used += (size_t)snprintf(sql + used, sizeof sql - used, " ORDER BY d.received "
		    "DESC, d.rowid DESC LIMIT ?%d", k + 2);
	if (used >= sizeof sql)
		return err_set(err, MC_EINVAL, _("type fewer words to search for"));
	if (db_prepare(s->db, sql, &st, err))
		return -1;
	for (int i = 0; i < s->nw; i++)
		sqlite3_bind_text(st, i + 1, s->words[i], -1, SQLITE_TRANSIENT);
	if (s->key != NULL) {
		sqlite3_bind_text(st, k, s->key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, k + 1, s->row);
	}
	/* one row more than the page tells whether more follow */
	sqlite3_bind_int64(st, k + 2, s->limit == 0 ? -1 : (long long)s->limit +
	    (pg != NULL ? 1 : 0));
	return page_rows(s->db, st, pg, s->limit, fn, arg, err);
}

int
lifecycle_find_names(sqlite3 *db, char *const *words, int nw, struct mc_page *pg,
    int (*fn)(const struct mc_found *, void *), void *arg, struct mc_err *err)
{
	struct search s = {
		.db = db, .words = words, .nw = nw,
		.limit = pg != NULL ? pg->limit : FIND_MAX,
	};
	long long best = -1;
	int rare = 0, rc;

	if (pg != NULL) {
		pg->more = false;
		if (pg->key[0] != '\0') {
			s.key = pg->key;
			s.row = pg->row;
		}
	}
	for (int i = 0; i < nw; i++) {
		long long c = word_count(db, words[i], RARE, err);

		if (c < 0)
			return -1;
		if (best < 0 || c < best) {
			best = c;
			rare = i;
		}
	}
	if (best < RARE)
		return one_query(&s, rare, pg, fn, arg, err);
	if ((rc = race(&s, words, pg, fn, arg, err)) != 1)
		return rc;
	return one_query(&s, -1, pg, fn, arg, err);
}
