/* catalog-index.c — the catalog in memory for the procedure picker: loaded
 * once (procedures in force, most used at this station first), then
 * filtered at every key without touching the database, by words or by the
 * initials of the name ("dkks" for "đăng ký khai sinh"). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

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
		free(e->fold);
		free(e->initials);
	}
	free(idx->e);
	idx->e = NULL;
	idx->n = 0;
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
	size_t cap = 0;
	int rc;

	idx->e = NULL;
	idx->n = 0;
	date_now(&now);
	date_format(now.jdn, today);
	(void)db_meta_get(db, "station_id", station, sizeof station);
	/* most used at this station first, then the issuer's order */
	if (db_prepare(db, "SELECT p.code, p.name, p.field, p.time_limit, p.fee, "
	    "vn_fold(p.code || ' ' || p.name || ' ' || p.field), p.name_fold, "
	    "coalesce(u.uses, 0), p.position FROM procedure p LEFT JOIN "
	    "(SELECT procedure_code, count(*) AS uses FROM dossier WHERE station = ?2 "
	    "GROUP BY procedure_code) u ON u.procedure_code = p.code "
	    "WHERE (p.abolished IS NULL OR p.abolished > ?1) "
	    "AND (p.effective IS NULL OR p.effective <= ?1) "
	    "ORDER BY 8 DESC, p.position, p.code", &st, err))
		return -1;
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
		e->fold = text_dup(st, 5);
		e->initials = initials_of((const char *)sqlite3_column_text(st, 6));
		e->uses = sqlite3_column_int(st, 7);
		e->position = sqlite3_column_int(st, 8);
		if (e->code == NULL || e->name == NULL || e->field == NULL ||
		    e->time_limit == NULL || e->fold == NULL || e->initials == NULL) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		catalog_index_free(idx);
		return rc == SQLITE_NOMEM || rc == SQLITE_ROW ?
		    err_set(err, MC_ENOMEM, _("out of memory")) :
		    db_fail(db, err, _("reading the catalog"));
	}
	return 0;
}

/* Does every word of q (folded, single spaces) occur in s? */
static bool
all_words_in(const char *q, const char *s)
{
	char word[128];

	while (*q != '\0') {
		size_t n = strcspn(q, " ");

		if (n >= sizeof word)
			n = sizeof word - 1;
		memcpy(word, q, n);
		word[n] = '\0';
		if (strstr(s, word) == NULL)
			return false;
		q += n;
		while (*q == ' ')
			q++;
	}
	return true;
}

size_t
catalog_index_filter(const struct catalog_index *idx, const char *query,
    size_t *out, size_t max)
{
	char *q = vntext_fold(query != NULL ? query : "", NULL);
	size_t n = 0;
	bool initials;

	if (q == NULL)
		return 0;
	/* a single word of two letters or more may be initials ("dkks") */
	initials = strlen(q) >= 2 && strchr(q, ' ') == NULL;
	for (size_t i = 0; i < idx->n && n < max; i++) {
		const struct catalog_entry *e = &idx->e[i];

		if (q[0] == '\0' || all_words_in(q, e->fold) ||
		    (initials && strstr(e->initials, q) != NULL))
			out[n++] = i;
	}
	free(q);
	return n;
}

