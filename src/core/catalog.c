/* catalog.c — the catalog's store: the procedure and procedure_document
 * tables, loading a procedure, and applying a parsed catalog file
 * (catalog-read.c) in one transaction: new, amended, abolished, unchanged.
 * The JSON is read in catalog-read.c and written in catalog-write.c;
 * searching is catalog-search.c, the picker's index catalog-index.c. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog-int.h"
#include "json-int.h"
#include "motcua/catalog.h"
#include "motcua/audit.h"
#include "motcua/db.h"
#include "motcua/role.h"
#include "motcua/i18n.h"
#include "motcua/vntext.h"

#define CATALOG_MAX_BYTES (32L * 1024 * 1024)	/* far above any real catalog */

static const char *const form_names[] = {
	[MC_FORM_ORIGINAL] = "original",
	[MC_FORM_CERTIFIED] = "certified_copy",
	[MC_FORM_COPY] = "copy",
};

const char *
catalog_form_name(enum mc_docform f)
{
	if ((unsigned)f >= sizeof form_names / sizeof form_names[0])
		return "copy";
	return form_names[f];
}

int
catalog_form_parse(const char *s, enum mc_docform *f)
{
	for (size_t i = 0; i < sizeof form_names / sizeof form_names[0]; i++)
		if (s != NULL && strcmp(s, form_names[i]) == 0) {
			*f = (enum mc_docform)i;
			return 0;
		}
	return -1;
}

void
catalog_procedure_free(struct mc_procedure *p)
{
	if (p == NULL)
		return;
	free(p->code);
	free(p->name);
	free(p->field);
	free(p->level);
	free(p->time_limit);
	free(p->fee_note);
	free(p->result);
	free(p->legal_basis);
	free(p->effective);
	free(p->abolished);
	free(p->decided_by);
	for (size_t i = 0; i < p->ndocs; i++)
{
		free(p->docs[i].name);
		free(p->docs[i].condition);
	}
	free(p->docs);
	memset(p, 0, sizeof *p);
}

static bool
str_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* ---- loading ------------------------------------------------------------- */

#define PROC_COLS "code, name, field, level, time_limit, fee, fee_note, " \
	"result, legal_basis, effective, abolished, decided_by, routing"

void
catalog_loader_close(struct catalog_loader *l)
{
	sqlite3 *db = l->proc != NULL ? sqlite3_db_handle(l->proc) :
	    l->docs != NULL ? sqlite3_db_handle(l->docs) : NULL;

	/* the statements go back to the connection's cache (a receipt
	 * loads its procedure each time) */
	db_release(db, l->proc);
	db_release(db, l->docs);
	l->proc = l->docs = NULL;
}

int
catalog_loader_open(struct catalog_loader *l, sqlite3 *db, struct mc_err *err)
{
	l->proc = l->docs = NULL;
	if (db_cached(db, "SELECT " PROC_COLS " FROM procedure WHERE code = ?1",
	    &l->proc, err) < 0 ||
	    db_cached(db, "SELECT position, name, form, quantity, required, condition "
	    "FROM procedure_document WHERE procedure_code = ?1 ORDER BY position",
	    &l->docs, err) < 0) {
		catalog_loader_close(l);
		return -1;
	}
	return 0;
}

int
catalog_loader_get(struct catalog_loader *l, const char *code, struct mc_procedure *p,
    struct mc_err *err)
{
	sqlite3 *db = sqlite3_db_handle(l->proc);
	sqlite3_stmt *st = l->proc;
	const char *routing;
	bool body_oom;
	int rc;

	memset(p, 0, sizeof *p);
	sqlite3_reset(st);
	if (sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC) != SQLITE_OK)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return db_fail(db, err, _("reading the catalog"));
	p->code = db_column_dup(st, 0);
	p->name = db_column_dup(st, 1);
	p->field = db_column_dup(st, 2);
	p->level = db_column_dup(st, 3);
	p->time_limit = db_column_dup(st, 4);
	p->fee = sqlite3_column_int64(st, 5);
	p->fee_note = db_column_dup(st, 6);
	p->result = db_column_dup(st, 7);
	p->legal_basis = db_column_dup(st, 8);
	p->effective = db_column_dup(st, 9);
	p->abolished = db_column_dup(st, 10);
	p->decided_by = db_column_dup(st, 11);
	routing = (const char *)sqlite3_column_text(st, 12);
	p->forward = routing != NULL && strcmp(routing, "forward") == 0;
	body_oom = sqlite3_column_type(st, 11) != SQLITE_NULL && p->decided_by == NULL;
	sqlite3_reset(st);
	if (body_oom)
		goto nomem;
	if (p->code == NULL || p->name == NULL || p->field == NULL ||
	    p->level == NULL || p->time_limit == NULL || p->result == NULL ||
	    p->legal_basis == NULL)
		goto nomem;

	st = l->docs;
	sqlite3_reset(st);
	if (sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC) != SQLITE_OK)
		goto nomem;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mc_document *nd = realloc(p->docs, (p->ndocs + 1) * sizeof *nd);
		struct mc_document *d;

		if (nd == NULL)
			goto nomem;
		p->docs = nd;
		d = &p->docs[p->ndocs];
		memset(d, 0, sizeof *d);
		d->position = sqlite3_column_int(st, 0);
		d->name = db_column_dup(st, 1);
		p->ndocs++;
		if (d->name == NULL)
			goto nomem;
		if (catalog_form_parse((const char *)sqlite3_column_text(st, 2),
		    &d->form) < 0)
			d->form = MC_FORM_COPY;	/* the CHECK makes this impossible */
		d->quantity = sqlite3_column_int(st, 3);
		d->required = sqlite3_column_int(st, 4) != 0;
		if (sqlite3_column_type(st, 5) != SQLITE_NULL &&
		    (d->condition = db_column_dup(st, 5)) == NULL)
			goto nomem;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		catalog_procedure_free(p);
		return db_fail(db, err, _("reading the catalog"));
	}
	return 1;
nomem:
	sqlite3_reset(l->proc);
	sqlite3_reset(l->docs);
	catalog_procedure_free(p);
	return err_set(err, MC_ENOMEM, _("out of memory"));
}

int
catalog_get(sqlite3 *db, const char *code, struct mc_procedure *p,
    struct mc_err *err)
{
	struct catalog_loader l;
	int rc;

	memset(p, 0, sizeof *p);
	if (catalog_loader_open(&l, db, err) < 0)
		return -1;
	rc = catalog_loader_get(&l, code, p, err);
	catalog_loader_close(&l);
	if (rc == 0)
		return err_set(err, MC_ENOTFOUND, _("no procedure has the code %s: "
		    "look it up with \"motcua catalog list --search\""), code);
	return rc < 0 ? -1 : 0;
}

/* Same content (the position in the file does not count). */
static bool
proc_equal(const struct mc_procedure *a, const struct mc_procedure *b)
{
	if (!str_eq(a->name, b->name) || !str_eq(a->field, b->field) ||
	    !str_eq(a->level, b->level) || !str_eq(a->time_limit, b->time_limit) ||
	    a->fee != b->fee || !str_eq(a->fee_note, b->fee_note) ||
	    !str_eq(a->result, b->result) ||
	    !str_eq(a->legal_basis, b->legal_basis) ||
	    !str_eq(a->effective, b->effective) ||
	    !str_eq(a->abolished, b->abolished) ||
	    !str_eq(a->decided_by, b->decided_by) || a->forward != b->forward ||
	    a->ndocs != b->ndocs)
		return false;
	for (size_t i = 0; i < a->ndocs; i++)
		if (!str_eq(a->docs[i].name, b->docs[i].name) ||
		    a->docs[i].form != b->docs[i].form ||
		    a->docs[i].quantity != b->docs[i].quantity ||
		    a->docs[i].required != b->docs[i].required ||
		    !str_eq(a->docs[i].condition, b->docs[i].condition))
			return false;
	return true;
}

static int
bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
	return s != NULL ? sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC) :
	    sqlite3_bind_null(st, i);
}

struct writer {
	sqlite3_stmt *upsert, *deldocs, *adddoc, *setpos, *abolish;
};

static void
writer_close(struct writer *w)
{
	sqlite3_finalize(w->upsert);
	sqlite3_finalize(w->deldocs);
	sqlite3_finalize(w->adddoc);
	sqlite3_finalize(w->setpos);
	sqlite3_finalize(w->abolish);
	memset(w, 0, sizeof *w);
}

static int
writer_open(struct writer *w, sqlite3 *db, struct mc_err *err)
{
	memset(w, 0, sizeof *w);
	if (db_prepare(db, "INSERT INTO procedure (" PROC_COLS ", position, "
	    "version, name_fold, field_fold) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
	    "?8, ?9, ?10, ?11, ?16, ?17, ?12, ?13, ?14, ?15) ON CONFLICT (code) DO UPDATE "
	    "SET name = ?2, field = ?3, level = ?4, time_limit = ?5, fee = ?6, "
	    "fee_note = ?7, result = ?8, legal_basis = ?9, effective = ?10, "
	    "abolished = ?11, position = ?12, version = ?13, name_fold = ?14, "
	    "field_fold = ?15, decided_by = ?16, routing = ?17", &w->upsert, err) < 0 ||
	    db_prepare(db, "DELETE FROM procedure_document WHERE procedure_code = ?1",
	    &w->deldocs, err) < 0 ||
	    db_prepare(db, "INSERT INTO procedure_document (procedure_code, "
	    "position, name, form, quantity, required, condition) VALUES (?1, "
	    "?2, ?3, ?4, ?5, ?6, ?7)", &w->adddoc, err) < 0 ||
	    db_prepare(db, "UPDATE procedure SET position = ?2 WHERE code = ?1 "
	    "AND position <> ?2", &w->setpos, err) < 0 ||
	    db_prepare(db, "UPDATE procedure SET abolished = ?2, version = ?3 "
	    "WHERE code = ?1", &w->abolish, err) < 0) {
		writer_close(w);
		return -1;
	}
	return 0;
}

static int
step_done(sqlite3_stmt *st, struct mc_err *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(sqlite3_db_handle(st), err, _("saving the catalog"));
	return 0;
}

static int
write_procedure(struct writer *w, const struct mc_procedure *p, int position,
    long long version, struct mc_err *err)
{
	char *nfold = vntext_fold(p->name, err), *ffold = NULL;
	int rc = -1;

	if (nfold == NULL || (ffold = vntext_fold(p->field, err)) == NULL)
		goto out;
	sqlite3_clear_bindings(w->upsert);
	if (bind_text_or_null(w->upsert, 1, p->code) != SQLITE_OK ||
	    bind_text_or_null(w->upsert, 2, p->name) != SQLITE_OK ||
	    bind_text_or_null(w->upsert, 3, p->field) != SQLITE_OK ||
	    bind_text_or_null(w->upsert, 4, p->level) != SQLITE_OK ||
	    bind_text_or_null(w->upsert, 5, p->time_limit) != SQLITE_OK ||
	    sqlite3_bind_int64(w->upsert, 6, p->fee) != SQLITE_OK ||
	    bind_text_or_null(w->upsert, 7, p->fee_note) != SQLITE_OK ||
	    bind_text_or_null(w->upsert, 8, p->result) != SQLITE_OK ||
	    bind_text_or_null(w->upsert, 9, p->legal_basis) != SQLITE_OK ||
	    bind_text_or_null(w->upsert, 10, p->effective) != SQLITE_OK ||
	    bind_text_or_null(w->upsert, 11, p->abolished) != SQLITE_OK ||
	    sqlite3_bind_int(w->upsert, 12, position) != SQLITE_OK ||
	    sqlite3_bind_int64(w->upsert, 13, version) != SQLITE_OK ||
	    bind_text_or_null(w->upsert, 14, nfold) != SQLITE_OK ||
	    bind_text_or_null(w->upsert, 15, ffold) != SQLITE_OK ||
	    bind_text_or_null(w->upsert, 16, p->decided_by) != SQLITE_OK ||
	    bind_text_or_null(w->upsert, 17, p->forward ? "forward" : "decide") !=
	    SQLITE_OK) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		goto out;
	}
	if (step_done(w->upsert, err) < 0)
		goto out;
	if (bind_text_or_null(w->deldocs, 1, p->code) != SQLITE_OK) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		goto out;
	}
	if (step_done(w->deldocs, err) < 0)
		goto out;
	for (size_t i = 0; i < p->ndocs; i++) {
		const struct mc_document *d = &p->docs[i];

		if (bind_text_or_null(w->adddoc, 1, p->code) != SQLITE_OK ||
		    sqlite3_bind_int(w->adddoc, 2, (int)i + 1) != SQLITE_OK ||
		    bind_text_or_null(w->adddoc, 3, d->name) != SQLITE_OK ||
		    bind_text_or_null(w->adddoc, 4, catalog_form_name(d->form)) != SQLITE_OK ||
		    sqlite3_bind_int(w->adddoc, 5, d->quantity) != SQLITE_OK ||
		    sqlite3_bind_int(w->adddoc, 6, d->required) != SQLITE_OK ||
		    bind_text_or_null(w->adddoc, 7, d->condition) != SQLITE_OK) {
			err_set(err, MC_ENOMEM, _("out of memory"));
			goto out;
		}
		if (step_done(w->adddoc, err) < 0)
			goto out;
	}
	rc = 0;
out:
	free(nfold);
	free(ffold);
	return rc;
}

/* Held procedures in force that the file leaves out become abolished. */
static int
abolish_missing(sqlite3 *db, struct writer *w, const struct catalog_file *f,
    struct catalog_stats *st, struct mc_err *err)
{
	sqlite3_stmt *q;
	char **codes = NULL;
	size_t n = 0;
	int rc, ret = -1;

	if (db_prepare(db, "SELECT code FROM procedure WHERE abolished IS NULL",
	    &q, err) < 0)
		return -1;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(q, 0);
		char **nc;

		if (code == NULL)
			continue;
		if (catalog_file_find(f, code) >= 0)
			continue;
		nc = realloc(codes, (n + 1) * sizeof *codes);
		if (nc == NULL || (nc[n] = strdup(code)) == NULL) {
			if (nc != NULL)
				codes = nc;
			err_set(err, MC_ENOMEM, _("out of memory"));
			goto out;
		}
		codes = nc;
		n++;
	}
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("reading the catalog"));
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		if (sqlite3_bind_text(w->abolish, 1, codes[i], -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(w->abolish, 2, f->issued, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_int64(w->abolish, 3, f->version) != SQLITE_OK) {
			err_set(err, MC_ENOMEM, _("out of memory"));
			goto out;
		}
		if (step_done(w->abolish, err) < 0)
			goto out;
		st->abolished++;
	}
	ret = 0;
out:
	sqlite3_finalize(q);
	for (size_t i = 0; i < n; i++)
		free(codes[i]);
	free(codes);
	return ret;
}

static int
file_apply(sqlite3 *db, const char *acting, const char *source,
    const struct catalog_file *f, struct catalog_stats *st, struct mc_err *err)
{
	struct mc_officer me;
	struct db_tx tx;
	struct catalog_loader l = { 0 };
	struct writer w = { 0 };
	char held[32];
	char num[32];
	char n[4][16];
	int rc = -1;

	if (role_require(db, acting, MC_ACT_CATALOG, &me, err) || db_tx_begin(db, &tx, err) < 0)
		return -1;
	if (db_meta_get(db, "catalog_version", held, sizeof held) == 0 &&
	    strtoll(held, NULL, 10) > f->version) {
		err_set(err, MC_ECONFLICT, _("this catalog is version %lld, older "
		    "than version %s already in use: import the newest catalog "
		    "(nothing was changed)"), f->version, held);
		goto out;
	}
	if (catalog_loader_open(&l, db, err) < 0 || writer_open(&w, db, err) < 0)
		goto out;
	for (size_t i = 0; i < f->n; i++) {
		const struct mc_procedure *p = &f->procs[i];
		struct mc_procedure old;
		int found = catalog_loader_get(&l, p->code, &old, err);
		bool changed;

		if (found < 0)
			goto out;
		if (!found) {
			st->added++;
			changed = true;
		} else if (old.abolished == NULL && p->abolished != NULL) {
			st->abolished++;
			changed = true;
		} else if (!proc_equal(&old, p)) {
			st->amended++;	/* reinstating an abolished one too */
			changed = true;
		} else {
			st->unchanged++;
			changed = false;
		}
		if (found)
			catalog_procedure_free(&old);
		if (changed) {
			if (write_procedure(&w, p, (int)i + 1, f->version, err) < 0)
				goto out;
		} else {
			/* the order may move without being an amendment */
			if (sqlite3_bind_text(w.setpos, 1, p->code, -1, SQLITE_STATIC) != SQLITE_OK ||
			    sqlite3_bind_int(w.setpos, 2, (int)i + 1) != SQLITE_OK) {
				err_set(err, MC_ENOMEM, _("out of memory"));
				goto out;
			}
			if (step_done(w.setpos, err) < 0)
				goto out;
		}
	}
	if (abolish_missing(db, &w, f, st, err) < 0)
		goto out;
	snprintf(num, sizeof num, "%lld", f->version);
	if (db_meta_set(db, "catalog_version", num, err) < 0 ||
	    db_meta_set(db, "catalog_issued", f->issued, err) < 0 ||
	    db_meta_set(db, "catalog_issuer", f->issuer, err) < 0 ||
	    db_meta_set(db, "catalog_sample", f->sample ? "1" : "0", err) < 0 ||
	    db_meta_set(db, "catalog_note", f->note != NULL ? f->note : "", err) < 0)
		goto out;
	snprintf(n[0], sizeof n[0], "%d", st->added);
	snprintf(n[1], sizeof n[1], "%d", st->amended);
	snprintf(n[2], sizeof n[2], "%d", st->abolished);
	if (audit_record(db, "catalog_import", me.username, NULL, err, "file", source,
	    "new", n[0], "amended", n[1], "abolished", n[2], (char *)NULL))
		goto out;
	catalog_loader_close(&l);
	writer_close(&w);
	return db_tx_commit(&tx, err);
out:
	catalog_loader_close(&l);
	writer_close(&w);
	db_tx_rollback(&tx);
	return rc;
}

/* The import of a catalog text, recorded as coming from `source`. */
static int
import_text(sqlite3 *db, const char *acting, const char *json, const char *source,
    struct catalog_stats *st, struct mc_err *err)
{
	struct catalog_file f;
	struct catalog_stats s = { 0 };
	int rc;

	if (st != NULL)
		memset(st, 0, sizeof *st);
	if (catalog_file_parse(db, json, &f, err) < 0)
		return -1;
	rc = file_apply(db, acting, source, &f, &s, err);
	catalog_file_free(&f);
	if (rc == 0 && st != NULL)
		*st = s;
	return rc;
}

int
catalog_import_json(sqlite3 *db, const char *acting, const char *json,
    struct catalog_stats *st, struct mc_err *err)
{
	return import_text(db, acting, json, "-", st, err);
}

int
catalog_import_file(sqlite3 *db, const char *acting, const char *path,
    struct catalog_stats *st, struct mc_err *err)
{
	char *buf;
	size_t n;
	int rc;

	if (st != NULL)
		memset(st, 0, sizeof *st);
	switch (json_file_read(path, CATALOG_MAX_BYTES, &buf, &n)) {
	case JSON_FILE_OK:
		break;
	case JSON_FILE_OPEN:
		return err_set(err, MC_EIO, _("cannot open %s (%s): check the name "
		    "and that the USB stick is in"), path, strerror(errno));
	case JSON_FILE_NOT_REGULAR:
		return err_set(err, MC_EIO, _("%s is not a file: give the path of "
		    "the catalog file"), path);
	case JSON_FILE_TOO_BIG:
		return err_set(err, MC_EINVAL, _("%s is too large to be a catalog "
		    "(%lld bytes): check that you chose the right file"), path,
		    (long long)n);
	case JSON_FILE_NOMEM:
		return err_set(err, MC_ENOMEM, _("out of memory"));
	case JSON_FILE_READ:
		return err_set(err, MC_EIO, _("cannot read %s: copy the file again "
		    "and retry"), path);
	case JSON_FILE_NUL:
		return err_set(err, MC_EINVAL, _("%s contains NUL bytes, so it is "
		    "not a catalog (damaged, or not text): check that you chose "
		    "the right file (nothing was changed)"), path);
	case JSON_FILE_UTF16:
		return err_set(err, MC_EINVAL, _("%s starts with the byte-order "
		    "mark (BOM) of UTF-16: save it as UTF-8 and import it again "
		    "(nothing was changed)"), path);
	}
	rc = import_text(db, acting, buf, path, st, err);
	free(buf);
	return rc;
}
