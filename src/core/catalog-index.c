/* catalog-index.c — the catalog in memory for the procedure picker: loaded
 * once (procedures in force, most used at this station first: the counts
 * the projection keeps, catalog-use.c), then
 * filtered and ranked at every key without touching the database, by the
 * words of the name, the initials of the name ("dkks" for "đăng ký khai
 * sinh"), or the code and field (the rule is catalog-match.c's). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog-int.h"
#include "motcua/catalog.h"
#include "motcua/date.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/vntext.h"

/* First letter of each word of a folded name: "dang ky khai sinh" → "dkks". */
static char *
initials_of(const char *fold)
{
	char *out = malloc(strlen(fold) + 1), *o = out;
	bool start = true;

	if (out == NULL)
		return NULL;
	for (const char *p = fold; *p != '\0'; p++) {
		bool alnum = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9');
		if (alnum && start)
			*o++ = *p;
		start = !alnum;
	}
	*o = '\0';
	return out;
}

void
catalog_index_free(struct catalog_index *idx)
{
	for (size_t i = 0; i < idx->n; i++) {
		struct catalog_entry *e = &idx->e[i];
		free(e->code);
		free(e->name);
		free(e->field);
		free(e->time_limit);
		free(e->initials);
		if (e->keys != NULL) {
			catalog_text_free(&e->keys[0]);
			catalog_text_free(&e->keys[1]);
			free(e->keys);
		}
	}
	free(idx->e);
	idx->e = NULL;
	idx->n = 0;
}

/* The name, and code name field together, as keys to match (e->keys). */
static int
keys_make(struct catalog_entry *e, struct catalog_memo *memo)
{
	size_t len = strlen(e->code) + strlen(e->name) + strlen(e->field) + 3;
	char *all = malloc(len);
	int rc = -1;

	if (all == NULL || (e->keys = calloc(2, sizeof *e->keys)) == NULL)
		goto out;
	snprintf(all, len, "%s %s %s", e->code, e->name, e->field);
	if (catalog_text_make_memo(e->name, &e->keys[0], memo) == 0 &&
	    catalog_text_make_memo(all, &e->keys[1], memo) == 0)
		rc = 0;
out:
	free(all);
	return rc;
}

static char *
text_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);

	return strdup(v != NULL ? (const char *)v : "");
}

int
catalog_index_load(sqlite3 *db, struct catalog_index *idx, struct mc_err *err)
{
	sqlite3_stmt *st;
	struct mc_time now;
	char today[MC_DATE_LEN], station[64] = "";
	struct catalog_memo *memo;
	size_t cap = 0;
	int rc;

	idx->e = NULL;
	idx->n = 0;
	date_now(&now);
	date_format(now.jdn, today);
	(void)db_meta_get(db, "station_id", station, sizeof station);
	/* most used at this station first, then the issuer's order */
	if (db_prepare(db, "SELECT p.code, p.name, p.field, p.time_limit, p.fee, "
	    "p.name_fold, coalesce(u.uses, 0), p.position FROM procedure p LEFT JOIN "
	    "procedure_use u ON u.station = ?2 AND u.procedure_code = p.code "
	    "WHERE (p.abolished IS NULL OR p.abolished > ?1) "
	    "AND (p.effective IS NULL OR p.effective <= ?1) "
	    "ORDER BY 7 DESC, p.position, p.code", &st, err))
		return -1;
	/* a few letters fold again and again over 2,000 procedures' texts:
	 * each once (catalog-match.c), not every time */
	if ((memo = calloc(1, sizeof *memo)) == NULL) {
		sqlite3_finalize(st);
		return err_set(err, MC_ENOMEM, _("out of memory"));
	}
	sqlite3_bind_text(st, 1, today, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, station, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct catalog_entry *e;

		if (idx->n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct catalog_entry *ne = realloc(idx->e, ncap * sizeof *ne);
			if (ne == NULL)
				break;
			idx->e = ne;
			cap = ncap;
		}
		e = &idx->e[idx->n++];
		e->code = text_dup(st, 0);
		e->name = text_dup(st, 1);
		e->field = text_dup(st, 2);
		e->time_limit = text_dup(st, 3);
		e->fee = sqlite3_column_int64(st, 4);
		e->initials = initials_of((const char *)sqlite3_column_text(st, 5));
		e->uses = sqlite3_column_int(st, 6);
		e->position = sqlite3_column_int(st, 7);
		e->keys = NULL;
		if (e->code == NULL || e->name == NULL || e->field == NULL ||
		    e->time_limit == NULL || e->initials == NULL ||
		    keys_make(e, memo) != 0) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	free(memo);
	if (rc != SQLITE_DONE) {
		catalog_index_free(idx);
		return rc == SQLITE_NOMEM || rc == SQLITE_ROW ?
		    err_set(err, MC_ENOMEM, _("out of memory")) :
		    db_fail(db, err, _("reading the catalog"));
	}
	return 0;
}

/* One entry that matches, and how well. */
struct ranked {
	size_t i;		/* into idx->e, i.e. most used first */
	int tier;		/* 0 name word starts, 1 inside the name's words,
				 * 2 initials, 3 code or field */
	int whole;		/* typed words that are whole words of the name */
};

static int
ranked_cmp(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->tier != y->tier)
		return x->tier < y->tier ? -1 : 1;
	if (x->whole != y->whole)
		return x->whole > y->whole ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

size_t
catalog_index_filter(const struct catalog_index *idx, const char *query,
    size_t *out, size_t max)
{
	struct catalog_text qt;
	struct ranked *r;
	char *q;
	size_t n = 0;
	bool initials;

	if ((q = vntext_fold(query != NULL ? query : "", NULL)) == NULL)
		return 0;
	if (catalog_text_make(query != NULL ? query : "", &qt) != 0) {
		free(q);
		return 0;
	}
	if ((r = malloc((idx->n + 1) * sizeof *r)) == NULL) {
		catalog_text_free(&qt);
		free(q);
		return 0;
	}
	/* a single word of two letters or more may be initials ("dkks") */
	initials = strlen(q) >= 2 && strchr(q, ' ') == NULL;
	for (size_t i = 0; i < idx->n; i++) {
		const struct catalog_entry *e = &idx->e[i];
		int whole = 0, tier;

		switch (catalog_match(&qt, &e->keys[0], &e->keys[1], &whole)) {
		case CR_NAME_START: tier = 0; break;
		case CR_NAME_INSIDE: tier = 1; break;
		case CR_ELSEWHERE: tier = 3; break;
		default: tier = -1; break;
		}
		/* initials rank below the name's words, above code or field */
		if ((tier < 0 || tier == 3) && initials &&
		    strstr(e->initials, q) != NULL)
			tier = 2;
		if (tier >= 0)
			r[n++] = (struct ranked){i, tier, tier < 2 ? whole : 0};
	}
	qsort(r, n, sizeof *r, ranked_cmp);
	if (n > max)
		n = max;
	for (size_t i = 0; i < n; i++)
		out[i] = r[i].i;
	free(r);
	catalog_text_free(&qt);
	free(q);
	return n;
}
