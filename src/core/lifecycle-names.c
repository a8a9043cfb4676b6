/* lifecycle-names.c — the search by name a page at a time: every typed
 * word a prefix of a word of the name, newest receipt first (equal times:
 * the later row first), at a cost that grows with the page and not with
 * the dossiers stored.
 *
 * name_word holds each word of each folded name with the dossier's time
 * of receipt, keyed (word, received, id): a word's dossiers come newest
 * first straight from the index.  A typed word is a prefix: its list is
 * the few words it begins, merged as they are read (a group).  The
 * groups' lists are intersected as search engines intersect theirs: the
 * oldest of the groups' next entries is a bound no match can pass, so
 * every group skips to it (a few steps, else a seek in the index), and
 * when all stand on one dossier it has every word.  A list is skipped
 * along, not read: "Trần Thị Lan" costs about as many seeks as the
 * rarest word's dossiers passed before the page is whole, and the
 * search stops at the page's end.
 *
 * Two cases go another way: a word so rare that all its dossiers are
 * fewer than RARE (they are read, tested and sorted: no more than that),
 * and words that each begin more than SPREAD words ("t v"), where the
 * dossiers are walked newest first through the index on `received` and
 * tested for every word.  A word beginning that many beside words that
 * do not is tested on the intersection's dossiers by their names. */
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
#define SPREAD 16	/* a typed word beginning more words than this: no group */
#define STEPS 4		/* entries stepped over before a seek is cheaper */
#define WORD_RANGE(n) "word >= ?" #n " AND word < ?" #n " || char(1114111)"
#define WORD_LEN 256	/* a word of a folded name, and more */
#define KEY_LEN (MC_TIME_LEN + 16)

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

/* ---- the groups ---------------------------------------------------------- */

/* A place in the lists: a dossier's time of receipt and id. */
struct key {
	char t[KEY_LEN];
	char id[128];
};

/* A typed word's list: a cursor on each word it begins, each walking that
 * word's dossiers newest first (received, id descending).  t[i] and id[i]
 * are cursor i's entry (NULL once it has ended), as SQLite holds them
 * until the cursor moves. */
struct group {
	sqlite3_stmt *cur[SPREAD];
	const char *t[SPREAD], *id[SPREAD];
	int ncur;
};

/* A dossier that has every word. */
struct hit {
	char t[KEY_LEN];
	long long row;
};

/* Where a search stands. */
struct search {
	sqlite3 *db;
	char *const *words;
	int nw;
	size_t limit;		/* rows wanted (0: all) */
	const char *key;	/* the page starts after (key, row); NULL: first */
	long long row;
	bool filter;		/* a word makes no group: names tested */
	struct hit *hits;	/* in the order found */
	size_t nhits, cap;
};

#define CURSOR_SQL "SELECT received, id FROM name_word WHERE word = ?1 AND " \
	"(received, id) <= (?2, coalesce(?3, char(1114111))) ORDER BY received DESC, id DESC"

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
		n++;	/* SPREAD + 1: one more than a group holds */
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, _("searching the dossiers"));
	return n;
}

static void
group_close(struct group *g)
{
	for (int i = 0; i < g->ncur; i++)
		sqlite3_finalize(g->cur[i]);
	g->ncur = 0;
}

/* Cursor i of g to its next entry; 0 or -1. */
static int
cursor_step(sqlite3 *db, struct group *g, int i, struct mc_err *err)
{
	int rc = sqlite3_step(g->cur[i]);

	g->t[i] = g->id[i] = NULL;
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return db_fail(db, err, _("searching the dossiers"));
	g->t[i] = (const char *)sqlite3_column_text(g->cur[i], 0);
	g->id[i] = (const char *)sqlite3_column_text(g->cur[i], 1);
	if (g->t[i] == NULL || g->id[i] == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	return 0;
}

/* Cursor i of g to its first entry at or before k (k->id "": every id
 * of that time); 0 or -1. */
static int
cursor_seek(sqlite3 *db, struct group *g, int i, const struct key *k, struct mc_err *err)
{
	sqlite3_stmt *st = g->cur[i];

	sqlite3_reset(st);
	sqlite3_bind_text(st, 2, k->t, -1, SQLITE_TRANSIENT);
	if (k->id[0] != '\0')
		sqlite3_bind_text(st, 3, k->id, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 3);
	return cursor_step(db, g, i, err);
}

/* Start a group on the n words begun by a typed word, each cursor at the
 * first entry at or before k. */
static int
group_open(sqlite3 *db, struct group *g, char words[][WORD_LEN], int n,
    const struct key *k, struct mc_err *err)
{
	memset(g, 0, sizeof *g);
	for (int i = 0; i < n; i++) {
		if (db_prepare(db, CURSOR_SQL, &g->cur[i], err)) {
			group_close(g);
			return -1;
		}
		g->ncur++;
		sqlite3_bind_text(g->cur[i], 1, words[i], -1, SQLITE_TRANSIENT);
		if (cursor_seek(db, g, i, k, err)) {
			group_close(g);
			return -1;
		}
	}
	return 0;
}

/* Which of two entries comes first: > 0 when (t, id) (newer). */
static int
entry_cmp(const char *t, const char *id, const char *t2, const char *id2)
{
	int c = strcmp(t, t2);

	return c != 0 ? c : strcmp(id, id2);
}

/* The cursor of g on its next entry (the newest of its cursors'); -1
 * when every cursor has ended. */
static int
group_top(const struct group *g)
{
	int top = -1;

	for (int i = 0; i < g->ncur; i++)
		if (g->t[i] != NULL && (top < 0 ||
		    entry_cmp(g->t[i], g->id[i], g->t[top], g->id[top]) > 0))
			top = i;
	return top;
}

/* Every cursor of g past the entries newer than k (past k too when past
 * is set): a few steps, then a seek. */
static int
group_skip(sqlite3 *db, struct group *g, const struct key *k, bool past,
    struct mc_err *err)
{
	for (int i = 0; i < g->ncur; i++) {
		int steps = 0, c;

		while (g->t[i] != NULL && ((c = entry_cmp(g->t[i], g->id[i], k->t, k->id)) > 0 ||
		    (past && c == 0))) {
			if (++steps > STEPS && c > 0) {
				if (cursor_seek(db, g, i, k, err))
					return -1;
				continue;	/* at k or before it now */
			}
			if (cursor_step(db, g, i, err))
				return -1;
		}
	}
	return 0;
}

/* k = (t, id); -1 when either is too long for it (not a time and an id
 * as the program writes them). */
static int
key_set(struct key *k, const char *t, const char *id)
{
	size_t lt = strlen(t), li = strlen(id);

	if (lt >= sizeof k->t || li >= sizeof k->id)
		return -1;
	memcpy(k->t, t, lt + 1);
	memcpy(k->id, id, li + 1);
	return 0;
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

/* The dossier at k, on every group's list: a hit when its name has the
 * words the groups leave out too, and it comes after the page's start. */
static int
found(struct search *s, sqlite3_stmt *by_id, const struct key *k, struct mc_err *err)
{
	long long row;
	int rc;

	sqlite3_reset(by_id);
	sqlite3_bind_text(by_id, 1, k->id, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(by_id)) != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : db_fail(s->db, err,
		    _("searching the dossiers"));
	row = sqlite3_column_int64(by_id, 0);
	if ((s->filter && !name_has((const char *)sqlite3_column_text(by_id, 1), s->words,
	    s->nw)) || (s->key != NULL && strcmp(k->t, s->key) == 0 && row >= s->row))
		return 0;
	if (s->nhits == s->cap) {
		size_t cap = s->cap == 0 ? 32 : 2 * s->cap;
		struct hit *h = realloc(s->hits, cap * sizeof *h);

		if (h == NULL)
			return err_set(err, MC_ENOMEM, _("out of memory"));
		s->hits = h;
		s->cap = cap;
	}
	snprintf(s->hits[s->nhits].t, sizeof s->hits[0].t, "%s", k->t);
	s->hits[s->nhits++].row = row;
	return 0;
}

/* The groups' lists intersected, into s->hits: until one list ends, or
 * the page is whole (one hit more than the page, and the lists past
 * every dossier as new as the last hit: none to come sorts before it). */
static int
intersect(struct search *s, struct group *g, int ng, struct mc_err *err)
{
	sqlite3_stmt *by_id;
	struct key k;
	int rc = 0;

	/* with every word a group, a dossier on every list has them all, and
	 * its row number is read off the index on id alone */
	if (db_cached(s->db, s->filter ? "SELECT rowid, name_fold FROM dossier WHERE id = ?1" :
	    "SELECT rowid FROM dossier WHERE id = ?1", &by_id, err))
		return -1;
	for (;;) {
		const char *bt = NULL, *bid = NULL;
		bool all = true;

		/* the bound: the oldest of the groups' next entries */
		for (int i = 0; i < ng && all; i++) {
			int top = group_top(&g[i]);

			if (top < 0)
				all = false;	/* a list ended: no match left */
			else if (bt == NULL || entry_cmp(g[i].t[top], g[i].id[top], bt, bid) < 0) {
				bt = g[i].t[top];
				bid = g[i].id[top];
			}
		}
		if (!all)
			break;
		if (s->limit > 0 && s->nhits > s->limit &&
		    strcmp(bt, s->hits[s->nhits - 1].t) < 0)
			break;
		/* a copy: the cursors move */
		if (key_set(&k, bt, bid)) {
			rc = err_set(err, MC_EINVAL, _("searching the dossiers"));
			break;
		}
		for (int i = 0; i < ng && all; i++) {
			int top;

			if ((rc = group_skip(s->db, &g[i], &k, false, err)) != 0)
				break;
			top = group_top(&g[i]);
			all = top >= 0 && entry_cmp(g[i].t[top], g[i].id[top], k.t, k.id) == 0;
		}
		if (rc != 0)
			break;
		if (!all)
			continue;	/* a group went past k: a new bound */
		if ((rc = found(s, by_id, &k, err)) != 0)
			break;
		for (int i = 0; i < ng && rc == 0; i++)
			rc = group_skip(s->db, &g[i], &k, true, err);
		if (rc != 0)
			break;
	}
	db_release(s->db, by_id);
	return rc;
}

/* Newest first; equal times, the later row first. */
static int
hit_cmp(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;
	int c = strcmp(y->t, x->t);

	if (c != 0)
		return c;
	return (y->row > x->row) - (y->row < x->row);
}

/* The hits' page to fn, and where the next one starts. */
static int
give(struct search *s, struct mc_page *pg, int (*fn)(const struct mc_found *, void *),
    void *arg, struct mc_err *err)
{
	size_t n = s->nhits;
	sqlite3_stmt *st;
	int rc = SQLITE_ROW;

	qsort(s->hits, n, sizeof *s->hits, hit_cmp);
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

		sqlite3_bind_int64(st, 1, s->hits[i].row);
		if ((rc = sqlite3_step(st)) != SQLITE_ROW)
			break;
		lifecycle_found_row(st, &f);
		sqlite3_reset(st);
		if (pg != NULL) {
			snprintf(pg->key, sizeof pg->key, "%s", s->hits[i].t);
			pg->row = s->hits[i].row;
		}
		if (fn(&f, arg) != 0)
			break;
	}
	db_release(s->db, st);
	if (rc != SQLITE_ROW)
		return db_fail(s->db, err, _("searching the dossiers"));
	return 0;
}

/* The page from the typed words' groups; 1 when no word makes a group
 * (nothing given). */
static int
by_groups(struct search *s, struct mc_page *pg, int (*fn)(const struct mc_found *, void *),
    void *arg, struct mc_err *err)
{
	struct group *g = calloc((size_t)s->nw, sizeof *g);
	char (*begun)[WORD_LEN] = malloc((SPREAD + 1) * sizeof *begun);
	struct key start;
	int ng = 0, rc = -1;

	if (g == NULL || begun == NULL) {
		free(g);
		free(begun);
		return err_set(err, MC_ENOMEM, _("out of memory"));
	}
	/* from the page's start on (every id of its time: the rows of that
	 * time shown already are told by their row numbers) */
	snprintf(start.t, sizeof start.t, "%s", s->key != NULL ? s->key : "9999");
	start.id[0] = '\0';
	for (int i = 0; i < s->nw; i++) {
		int n = begun_words(s->db, s->words[i], begun, err);

		if (n < 0)
			goto out;
		if (n == 0) {	/* a word no name has: no dossier has them all */
			rc = 0;
			goto out;
		}
		if (n > SPREAD)
			s->filter = true;
		else if (group_open(s->db, &g[ng++], begun, n, &start, err))
			goto out;
	}
	if (ng == 0) {
		rc = 1;
		goto out;
	}
	if ((rc = intersect(s, g, ng, err)) == 0)
		rc = give(s, pg, fn, arg, err);
out:
	for (int i = 0; i < ng; i++)
		group_close(&g[i]);
	free(g);
	free(begun);
	free(s->hits);
	s->hits = NULL;
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
	if ((rc = by_groups(&s, pg, fn, arg, err)) != 1)
		return rc;
	return one_query(&s, -1, pg, fn, arg, err);
}
