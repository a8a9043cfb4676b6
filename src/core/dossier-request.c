/* dossier-request.c — the supplement requests (Mẫu 02) read back: a
 * citizen who was told what was missing comes back, and the counter must
 * see what was asked then ("ask once, in writing").  A request is a
 * "guide" event (dossier_guide); nothing is projected from it, so these
 * queries read the event bodies with SQLite's JSON functions. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/citizen.h"
#include "motcua/db.h"
#include "motcua/dossier.h"
#include "motcua/format.h"
#include "motcua/i18n.h"
#include "motcua/vntext.h"
#include "motcua/vocab.h"

#define MAX_WORDS 6

/* The columns row() reads, in its order.  A request is open while no
 * dossier of the same ID number and procedure was received at or after
 * it, and no later request for them replaced it. */
#define REQUEST_SQL \
	"SELECT e.dossier, e.at, e.officer, " \
	"json_extract(e.body, '$.applicant.name'), json_extract(e.body, '$.applicant.id'), " \
	"json_extract(e.body, '$.procedure.code'), json_extract(e.body, '$.procedure.name'), " \
	"(SELECT group_concat(m.value) FROM json_each(e.body, '$.missing') m), " \
	"(SELECT group_concat(json_extract(d.value, '$.position') || '. ' || " \
	"json_extract(d.value, '$.name'), '; ') " \
	"FROM json_each(e.body, '$.procedure.documents') d " \
	"WHERE json_extract(d.value, '$.position') IN " \
	"(SELECT m.value FROM json_each(e.body, '$.missing') m)), " \
	"NOT EXISTS (SELECT 1 FROM dossier x " \
	"WHERE x.applicant_id = json_extract(e.body, '$.applicant.id') " \
	"AND x.procedure_code = json_extract(e.body, '$.procedure.code') " \
	"AND x.received >= e.at) " \
	"AND NOT EXISTS (SELECT 1 FROM event g WHERE g.kind = ?1 AND g.at > e.at " \
	"AND json_extract(g.body, '$.applicant.id') = json_extract(e.body, '$.applicant.id') " \
	"AND json_extract(g.body, '$.procedure.code') = " \
	"json_extract(e.body, '$.procedure.code')), " \
	"json_extract(e.body, '$.applicant.birth_date'), " \
	"json_extract(e.body, '$.applicant.phone'), json_extract(e.body, '$.applicant.email'), " \
	"json_extract(e.body, '$.applicant.address') " \
	"FROM event e WHERE e.kind = ?1 "

/* What a visit over the rows needs: the caller's visitor, and for a name
 * search the folded words every one of which must start a word of the
 * folded name; open_only keeps the open requests. */
struct visit {
	int (*fn)(const struct mc_request *, void *);
	void *arg;
	char **words;
	int nw;
	bool open_only;
	struct mc_err *err;
	bool failed;
};

static void
copy_col(sqlite3_stmt *st, int i, char *buf, size_t n)
{
	const unsigned char *v = sqlite3_column_text(st, i);

	snprintf(buf, n, "%s", v != NULL ? (const char *)v : "");
}

static void
request_row(sqlite3_stmt *st, struct mc_request *r)
{
	char list[512];
	const char *p;

	memset(r, 0, sizeof *r);
	copy_col(st, 0, r->id, sizeof r->id);
	format_time_text((const char *)sqlite3_column_text(st, 1), FORMAT_SCREEN, r->at,
	    sizeof r->at);
	copy_col(st, 2, r->officer, sizeof r->officer);
	copy_col(st, 3, r->name, sizeof r->name);
	copy_col(st, 4, r->id_number, sizeof r->id_number);
	copy_col(st, 5, r->procedure, sizeof r->procedure);
	copy_col(st, 6, r->procedure_name, sizeof r->procedure_name);
	copy_col(st, 7, list, sizeof list);
	/* "2,4": the positions, as group_concat wrote them */
	for (p = list; *p != '\0' && r->nmissing < MC_REQUEST_DOCS;) {
		char *end;
		long n = strtol(p, &end, 10);

		if (end == p)
			break;
		r->missing[r->nmissing++] = (int)n;
		p = *end == ',' ? end + 1 : end;
	}
	copy_col(st, 8, r->missing_text, sizeof r->missing_text);
	r->open = sqlite3_column_int(st, 9) != 0;
	copy_col(st, 10, r->birth_date, sizeof r->birth_date);
	copy_col(st, 11, r->phone, sizeof r->phone);
	copy_col(st, 12, r->email, sizeof r->email);
	copy_col(st, 13, r->address, sizeof r->address);
}

/* Does every word start a word of the folded name? */
static bool
name_matches(const char *folded, char **words, int nw)
{
	for (int i = 0; i < nw; i++) {
		size_t len = strlen(words[i]);
		bool found = false;

		for (const char *p = folded; *p != '\0' && !found; p++)
			found = (p == folded || p[-1] == ' ') && strncmp(p, words[i], len) == 0;
		if (!found)
			return false;
	}
	return true;
}

static int
visit_row(sqlite3_stmt *st, void *arg)
{
	struct visit *v = arg;
	struct mc_request r;

	request_row(st, &r);
	if (v->open_only && !r.open)
		return 0;
	if (v->nw > 0) {
		char *folded = vntext_fold(r.name, v->err);
		bool match;

		if (folded == NULL) {
			v->failed = true;
			return 1;
		}
		match = name_matches(folded, v->words, v->nw);
		free(folded);
		if (!match)
			return 0;
	}
	return v->fn(&r, v->arg);
}

static int
run(sqlite3 *db, sqlite3_stmt *st, struct visit *v, struct mc_err *err)
{
	sqlite3_bind_text(st, 1, vocab_kind(MC_KIND_GUIDE)->name, -1, SQLITE_STATIC);
	v->err = err;
	if (db_each(db, st, visit_row, v, _("reading the supplement requests"), err) != 0)
		return -1;
	return v->failed ? -1 : 0;
}

int
dossier_requests(sqlite3 *db, const char *text,
    int (*fn)(const struct mc_request *, void *), void *arg, struct mc_err *err)
{
	struct visit v = {fn, arg, NULL, 0, false, NULL, false};
	char digits[32], *fold, *words[MAX_WORDS];
	sqlite3_stmt *st;
	int rc;

	citizen_digits(text, digits, sizeof digits);
	if (strlen(digits) == 12 || (strlen(digits) == 10 && digits[0] == '0')) {
		if (db_prepare(db, strlen(digits) == 12 ?
		    REQUEST_SQL "AND json_extract(e.body, '$.applicant.id') = ?2 "
		    "ORDER BY e.at DESC, e.dossier" :
		    REQUEST_SQL "AND json_extract(e.body, '$.applicant.phone') = ?2 "
		    "ORDER BY e.at DESC, e.dossier", &st, err))
			return -1;
		sqlite3_bind_text(st, 2, digits, -1, SQLITE_TRANSIENT);
		return run(db, st, &v, err);
	}
	/* a name: the requests are few (one per incomplete visit), so the
	 * name of each is folded and matched here */
	if ((fold = vntext_fold(text, err)) == NULL)
		return -1;
	for (char *w = strtok(fold, " "); w != NULL && v.nw < MAX_WORDS; w = strtok(NULL, " "))
		words[v.nw++] = w;
	if (v.nw == 0) {
		free(fold);
		return err_set(err, MC_EINVAL, _("type an ID number, a phone number or a name "
		    "to search for"));
	}
	v.words = words;
	if (db_prepare(db, REQUEST_SQL "ORDER BY e.at DESC, e.dossier", &st, err)) {
		free(fold);
		return -1;
	}
	rc = run(db, st, &v, err);
	free(fold);
	return rc;
}

int
dossier_open_requests(sqlite3 *db, const char *id_number,
    int (*fn)(const struct mc_request *, void *), void *arg, struct mc_err *err)
{
	struct visit v = {fn, arg, NULL, 0, true, NULL, false};
	char id[13];
	sqlite3_stmt *st;

	if (citizen_check_id(id_number, 0, id, NULL, err))
		return -1;
	if (db_prepare(db, REQUEST_SQL "AND json_extract(e.body, '$.applicant.id') = ?2 "
	    "ORDER BY e.at DESC, e.dossier", &st, err))
		return -1;
	sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
	return run(db, st, &v, err);
}

bool
dossier_request_asked(const struct mc_request *r, int position)
{
	for (size_t i = 0; i < r->nmissing; i++)
		if (r->missing[i] == position)
			return true;
	return false;
}
