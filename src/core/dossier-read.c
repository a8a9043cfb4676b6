/* dossier-read.c — a dossier's row as a struct: dossier_get, dossier_list.
 *
 * The projection (dossier-project.c) writes the `dossier` table from events; this
 * file only reads it, so that the front ends format values and never
 * query the table themselves.  The documents column holds the JSON array
 * the receive event carried; it is decoded here into mc_dossier_doc. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/db.h"
#include "motcua/dossier.h"
#include "motcua/i18n.h"

/* The columns read_row expects, in its order. */
#define DOSSIER_COLUMNS \
	"id, code, station, officer, procedure_code, procedure_name, field, " \
	"time_limit, fee, documents, applicant_name, applicant_id, birth_date, " \
	"phone, address, email, delivery, received, due, appointment, updated, " \
	"status, handler, agency, paused_from, paused_at, paused_days, result, " \
	"result_reason, result_at, returned_at, collector, collector_id, rating, " \
	"closed_reason, closed_at, apologies, decided_by, routing"

/* A reader: the row statement and the documents statement, prepared once
 * for a whole list. */
struct reader {
	sqlite3 *db;
	sqlite3_stmt *row;
	sqlite3_stmt *docs;
};

const char *
dossier_delivery_name(enum mc_delivery d)
{
	return d == MC_DELIVER_POST ? "post" : "counter";
}

static const char *const channel_names[] = {"direct", "post", "online"};

const char *
dossier_channel_name(enum mc_channel c)
{
	return (unsigned)c < 3 ? channel_names[c] : channel_names[0];
}

int
dossier_channel_parse(const char *s, enum mc_channel *out)
{
	for (int i = 0; i < 3; i++)
		if (s != NULL && strcmp(s, channel_names[i]) == 0) {
			*out = (enum mc_channel)i;
			return 0;
		}
	return -1;
}

void
dossier_free(struct mc_dossier *d)
{
	char **strings[] = {
		&d->station, &d->officer, &d->procedure.code, &d->procedure.name,
		&d->procedure.field, &d->procedure.time_limit, &d->applicant.name,
		&d->applicant.id, &d->applicant.birth_date, &d->applicant.phone,
		&d->applicant.address, &d->applicant.email, &d->handler, &d->agency,
		&d->paused_from, &d->result, &d->result_reason, &d->collector,
		&d->collector_id, &d->rating, &d->closed_reason,
		&d->procedure.decided_by,
	};

	for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++) {
		free(*strings[i]);
		*strings[i] = NULL;
	}
	for (size_t i = 0; i < d->ndocs; i++) {
		free(d->docs[i].name);
		free(d->docs[i].form);
	}
	free(d->docs);
	d->docs = NULL;
	d->ndocs = 0;
}

/* Column i as a malloc'd string (NULL for SQL NULL).  Sets *oom on a
 * failed allocation. */
static char *
text_dup(sqlite3_stmt *st, int i, bool *oom)
{
	const unsigned char *v = sqlite3_column_text(st, i);
	char *s;

	if (v == NULL)
		return NULL;
	if ((s = strdup((const char *)v)) == NULL)
		*oom = true;
	return s;
}

/* Column i, a stored ISO time, into t; NULL leaves t absent (jdn 0).
 * Returns -1 if the text is not a time. */
static int
time_col(sqlite3_stmt *st, int i, struct mc_time *t)
{
	const char *v = (const char *)sqlite3_column_text(st, i);

	t->jdn = 0;
	t->min = 0;
	if (v == NULL)
		return 0;
	return date_parse_time(v, t);
}

/* The documents column (a JSON array) into d->docs. */
static int
read_docs(struct reader *r, sqlite3_value *json, struct mc_dossier *d, struct mc_err *err)
{
	bool oom = false;
	size_t cap = 0;
	int rc;

	if (r->docs == NULL && db_prepare(r->db, "SELECT json_extract(value, '$.position'), "
	    "json_extract(value, '$.name'), json_extract(value, '$.form'), "
	    "json_extract(value, '$.quantity'), json_extract(value, '$.required'), "
	    "json_extract(value, '$.received') FROM json_each(?1)", &r->docs, err))
		return -1;
	sqlite3_reset(r->docs);
	if (sqlite3_bind_value(r->docs, 1, json) != SQLITE_OK)
		return db_fail(r->db, err, _("reading the dossier's documents"));
	while ((rc = sqlite3_step(r->docs)) == SQLITE_ROW) {
		struct mc_dossier_doc *doc;

		if (d->ndocs == cap) {
			size_t ncap = cap == 0 ? 8 : cap * 2;
			struct mc_dossier_doc *n = realloc(d->docs, ncap * sizeof *n);

			if (n == NULL) {
				oom = true;
				break;
			}
			d->docs = n;
			cap = ncap;
		}
		doc = &d->docs[d->ndocs++];
		doc->position = sqlite3_column_int(r->docs, 0);
		doc->name = text_dup(r->docs, 1, &oom);
		doc->form = text_dup(r->docs, 2, &oom);
		doc->quantity = sqlite3_column_int(r->docs, 3);
		doc->required = sqlite3_column_int(r->docs, 4) != 0;
		doc->received = sqlite3_column_int(r->docs, 5) != 0;
	}
	sqlite3_reset(r->docs);
	if (oom)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	if (rc != SQLITE_DONE)
		return db_fail(r->db, err, _("reading the dossier's documents"));
	return 0;
}

/* The current row of r->row into d (zeroed first); the column numbers
 * are those of DOSSIER_COLUMNS.  On error d holds nothing to free. */
static int
read_row(struct reader *r, struct mc_dossier *d, struct mc_err *err)
{
	sqlite3_stmt *st = r->row;
	const char *delivery = (const char *)sqlite3_column_text(st, 16);
	bool oom = false;

	memset(d, 0, sizeof *d);
	snprintf(d->id, sizeof d->id, "%s", sqlite3_column_text(st, 0));
	snprintf(d->code, sizeof d->code, "%s", sqlite3_column_text(st, 1));
	d->station = text_dup(st, 2, &oom);
	d->officer = text_dup(st, 3, &oom);
	d->procedure.code = text_dup(st, 4, &oom);
	d->procedure.name = text_dup(st, 5, &oom);
	d->procedure.field = text_dup(st, 6, &oom);
	d->procedure.time_limit = text_dup(st, 7, &oom);
	d->procedure.fee = sqlite3_column_int64(st, 8);
	d->applicant.name = text_dup(st, 10, &oom);
	d->applicant.id = text_dup(st, 11, &oom);
	d->applicant.birth_date = text_dup(st, 12, &oom);
	d->applicant.phone = text_dup(st, 13, &oom);
	d->applicant.address = text_dup(st, 14, &oom);
	d->applicant.email = text_dup(st, 15, &oom);
	d->delivery = delivery != NULL && strcmp(delivery, "post") == 0 ?
	    MC_DELIVER_POST : MC_DELIVER_COUNTER;
	snprintf(d->status, sizeof d->status, "%s", sqlite3_column_text(st, 21));
	d->handler = text_dup(st, 22, &oom);
	d->agency = text_dup(st, 23, &oom);
	d->paused_from = text_dup(st, 24, &oom);
	d->paused_days = sqlite3_column_int(st, 26);
	d->result = text_dup(st, 27, &oom);
	d->result_reason = text_dup(st, 28, &oom);
	d->collector = text_dup(st, 31, &oom);
	d->collector_id = text_dup(st, 32, &oom);
	d->rating = text_dup(st, 33, &oom);
	d->closed_reason = text_dup(st, 34, &oom);
	d->apologies = sqlite3_column_int(st, 36);
	d->procedure.decided_by = text_dup(st, 37, &oom);
	d->procedure.forward = sqlite3_column_text(st, 38) != NULL &&
	    strcmp((const char *)sqlite3_column_text(st, 38), "forward") == 0;
	if (oom) {
		dossier_free(d);
		return err_set(err, MC_ENOMEM, _("out of memory"));
	}
	if (time_col(st, 17, &d->received) || time_col(st, 18, &d->due) ||
	    time_col(st, 19, &d->appointment) || time_col(st, 20, &d->updated) ||
	    time_col(st, 25, &d->paused_at) || time_col(st, 29, &d->result_at) ||
	    time_col(st, 30, &d->returned_at) || time_col(st, 35, &d->closed_at)) {
		err_set(err, MC_ESTORE, _("the dossier %s holds a time that cannot be "
		    "read: run 'motcua check --rebuild'"), d->code);
		dossier_free(d);
		return -1;
	}
	if (read_docs(r, sqlite3_column_value(st, 9), d, err) != 0) {
		dossier_free(d);
		return -1;
	}
	return 0;
}

int
dossier_get(sqlite3 *db, const char *code, struct mc_dossier *d, struct mc_err *err)
{
	struct reader r = { db, NULL, NULL };
	int rc;

	if (db_prepare(db, "SELECT " DOSSIER_COLUMNS " FROM dossier WHERE code = ?1",
	    &r.row, err))
		return -1;
	sqlite3_bind_text(r.row, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(r.row);
	if (rc == SQLITE_ROW)
		rc = read_row(&r, d, err);
	else if (rc == SQLITE_DONE)
		rc = err_set(err, MC_ENOTFOUND, _("there is no dossier %s: check the code "
		    "on the slip"), code);
	else
		rc = db_fail(db, err, _("reading the dossier"));
	sqlite3_finalize(r.row);
	sqlite3_finalize(r.docs);
	return rc;
}

int
dossier_list(sqlite3 *db, int (*fn)(const struct mc_dossier *, void *), void *arg,
    struct mc_err *err)
{
	struct reader r = { db, NULL, NULL };
	int rc, out = 0;

	if (db_prepare(db, "SELECT " DOSSIER_COLUMNS " FROM dossier "
	    "ORDER BY received, code", &r.row, err))
		return -1;
	while ((rc = sqlite3_step(r.row)) == SQLITE_ROW) {
		struct mc_dossier d;
		int stop;

		if (read_row(&r, &d, err) != 0) {
			out = -1;
			break;
		}
		stop = fn(&d, arg);
		dossier_free(&d);
		if (stop != 0)
			break;
	}
	if (out == 0 && rc != SQLITE_ROW && rc != SQLITE_DONE)
		out = db_fail(db, err, _("reading the dossiers"));
	sqlite3_finalize(r.row);
	sqlite3_finalize(r.docs);
	return out;
}
