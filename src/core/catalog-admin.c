/* catalog-admin.c — a supervisor's changes to the catalog at this station
 * (catalog.h): amending a procedure's time limit, fee or documents,
 * abolishing or restoring it, the versions these leave in
 * procedure_version (schema/009_catalog_history.sql), and the dry run of
 * an import.  An amendment also sets who decides a procedure and whether
 * this unit decides it or forwards it there (schema/014_routing.sql).
 *
 * Every writer here checks the acting officer's role itself and is one
 * transaction.  A procedure's row holds its current state (the receive
 * screen and the picker read it); the history keeps every state a local
 * change replaced or made.  Dossiers copy the procedure when received, so
 * nothing here reaches them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/audit.h"
#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/date.h"
#include "motcua/db.h"
#include "motcua/format.h"
#include "motcua/i18n.h"
#include "motcua/role.h"
#include "motcua/unit.h"
#include "motcua/vntext.h"
#include "catalog-int.h"

/* The acting officer must be active and allowed to change the catalog. */
static int
may_change(sqlite3 *db, const char *acting, struct mc_err *err)
{
	struct mc_officer o;

	if (acting == NULL || acting[0] == '\0')
		return err_set(err, MC_EINVAL, _("name the acting officer (--officer USER)"));
	if (unit_officer_get(db, acting, &o, err) != 0)
		return -1;
	return role_check(o.role, MC_ACT_CATALOG, err);
}

/* Run one statement made by db_preparef, expecting no row. */
static int
exec_done(sqlite3 *db, sqlite3_stmt *st, const char *what, struct mc_err *err)
{
	int rc = sqlite3_step(st);

	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_fail(db, err, what);
	return 0;
}

/* 1 in force, 0 abolished, -1 unknown code or error. */
static int
in_force(sqlite3 *db, const char *code, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_preparef(db, &st, err, "SELECT abolished IS NULL FROM procedure "
	    "WHERE code = %Q", code) < 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		int v = sqlite3_column_int(st, 0);

		sqlite3_finalize(st);
		return v;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the catalog"));
	return err_set(err, MC_ENOTFOUND, _("no procedure has the code '%s': see "
	    "`motcua catalog list --all`"), code);
}

/* Record the procedure's state now as its next revision (`change`); the
 * first local change also records the state held before it. */
static int
record(sqlite3 *db, const char *code, const char *change, const char *acting,
    const struct mc_time *at, bool before, struct mc_err *err)
{
	/* json_patch drops "condition" when it is NULL (RFC 7396) */
	static const char docs_sql[] = "(SELECT coalesce(json_group_array(json_patch("
	    "json_object('name', name, 'form', form, 'quantity', quantity, 'required', "
	    "json(CASE required WHEN 1 THEN 'true' ELSE 'false' END)), "
	    "json_object('condition', condition))), '[]') "
	    "FROM (SELECT * FROM procedure_document WHERE procedure_code = p.code "
	    "ORDER BY position))";
	char iso[MC_ISO_LEN];
	sqlite3_stmt *st;

	date_format_iso(at, iso);
	if (before) {
		/* nothing recorded yet: the state held comes first */
		if (db_preparef(db, &st, err, "INSERT INTO procedure_version "
		    "(procedure_code, revision, change, catalog_version, officer, made, "
		    "time_limit, fee, documents, abolished, decided_by, routing) SELECT "
		    "code, 1, 'held', version, NULL, %Q, time_limit, fee, %s, abolished, "
		    "decided_by, routing FROM procedure p "
		    "WHERE code = %Q AND NOT EXISTS (SELECT 1 FROM procedure_version "
		    "WHERE procedure_code = %Q)", iso, docs_sql, code, code) < 0 ||
		    exec_done(db, st, _("saving the catalog"), err) < 0)
			return -1;
		return 0;
	}
	if (db_preparef(db, &st, err, "INSERT INTO procedure_version "
	    "(procedure_code, revision, change, catalog_version, officer, made, "
	    "time_limit, fee, documents, abolished, decided_by, routing) SELECT code, "
	    "(SELECT coalesce(max(revision), 0) + 1 FROM procedure_version WHERE "
	    "procedure_code = p.code), %Q, version, %Q, %Q, time_limit, fee, %s, "
	    "abolished, decided_by, routing FROM procedure p WHERE code = %Q", change,
	    acting, iso, docs_sql,
	    code) < 0)
		return -1;
	return exec_done(db, st, _("saving the catalog"), err);
}

/* The change's audit event (audit.h), in the caller's transaction: the
 * procedure and, for an amendment, the version it made. */
static int
audit(sqlite3 *db, const char *kind, const char *acting, const char *code,
    const struct mc_time *at, struct mc_err *err)
{
	sqlite3_stmt *st;
	char version[24] = "";

	if (db_preparef(db, &st, err, "SELECT max(revision) FROM procedure_version WHERE "
	    "procedure_code = %Q", code) < 0)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(version, sizeof version, "%lld", sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	return audit_record(db, kind, acting, at, err, "procedure", code, "version",
	    strcmp(kind, "catalog_amend") == 0 ? version : NULL, (const char *)NULL);
}

/* The checks of an amendment, before anything is written. */
static int
amend_check(const struct catalog_amend *a, char *limit, size_t n, struct mc_err *err)
{
	struct mc_limit l;

	limit[0] = '\0';
	if (a->time_limit != NULL) {
		if (calendar_limit_parse(a->time_limit, &l, err) < 0)
			return -1;
		format_limit(&l, FORMAT_DATA, limit, n);
	}
	if (a->fee >= 1000000000000LL)
		return err_set(err, MC_EINVAL, _("a fee of %lld VND is too large: type it in "
		    "VND, without dots"), a->fee);
	if (a->set_docs && a->ndocs > CATALOG_MAX_DOCS)
		return err_set(err, MC_EINVAL, _("at most %d documents"), CATALOG_MAX_DOCS);
	for (size_t i = 0; a->set_docs && i < a->ndocs; i++) {
		const struct mc_document *d = &a->docs[i];

		if (d->name == NULL || strspn(d->name, " ") == strlen(d->name))
			return err_set(err, MC_EINVAL, _("document %zu has no name"), i + 1);
		/* the import's rule (catalog-read.c), so an export imports back */
		if (vntext_check_plain(d->name, CATALOG_MAX_DOC_NAME, err) < 0) {
			char why[sizeof err->msg];

			snprintf(why, sizeof why, "%s", err != NULL ? err->msg : "");
			return err_set(err, MC_EINVAL, _("document %zu: the name %s"),
			    i + 1, why);
		}
		if (d->condition != NULL &&
		    vntext_check_plain(d->condition, CATALOG_MAX_DOC_NAME, err) < 0) {
			char why[sizeof err->msg];

			snprintf(why, sizeof why, "%s", err != NULL ? err->msg : "");
			return err_set(err, MC_EINVAL, _("document %zu: the condition %s"),
			    i + 1, why);
		}
		if (d->quantity < 1 || d->quantity > 99)
			return err_set(err, MC_EINVAL, _("document %zu: the number of copies is "
			    "1 to 99"), i + 1);
	}
	if (a->decided_by != NULL &&
	    vntext_check_plain(a->decided_by, CATALOG_MAX_BODY, err) < 0) {
		char why[sizeof err->msg];

		snprintf(why, sizeof why, "%s", err != NULL ? err->msg : "");
		return err_set(err, MC_EINVAL, _("the deciding body %s"), why);
	}
	if (a->routing != CATALOG_ROUTING_KEEP && a->routing != CATALOG_ROUTING_DECIDE &&
	    a->routing != CATALOG_ROUTING_FORWARD)
		return err_set(err, MC_EINVAL, _("the routing is to decide here or to forward"));
	if (a->time_limit == NULL && a->fee < 0 && !a->set_docs && a->decided_by == NULL &&
	    a->routing == CATALOG_ROUTING_KEEP)
		return err_set(err, MC_EINVAL, _("nothing to amend: give a time limit, a fee, "
		    "the documents, the deciding body or the routing"));
	return 0;
}

/* The deciding body and the routing, in the amendment's transaction: the
 * state they leave is checked as an import checks it (a forward names
 * its body) before it is written. */
static int
write_routing(sqlite3 *db, const char *code, const struct catalog_amend *a,
    struct mc_err *err)
{
	sqlite3_stmt *st;
	char *body = NULL;
	bool forward;
	int rc;

	if (db_preparef(db, &st, err, "SELECT decided_by, routing = 'forward' FROM "
	    "procedure WHERE code = %Q", code) < 0)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_fail(db, err, _("reading the catalog"));
	}
	if (a->decided_by != NULL)
		body = vntext_clean(a->decided_by, err);
	else if (sqlite3_column_type(st, 0) != SQLITE_NULL)
		body = strdup((const char *)sqlite3_column_text(st, 0));
	else
		body = strdup("");
	forward = a->routing == CATALOG_ROUTING_KEEP ? sqlite3_column_int(st, 1) != 0 :
	    a->routing == CATALOG_ROUTING_FORWARD;
	sqlite3_finalize(st);
	if (body == NULL)
		return a->decided_by != NULL ? -1 :
		    err_set(err, MC_ENOMEM, _("out of memory"));
	if (forward && body[0] == '\0') {
		free(body);
		return err_set(err, MC_EINVAL, _("procedure %s would be forwarded to no one: "
		    "name the deciding body it is sent to"), code);
	}
	/* "" is no body named, as the import reads it */
	rc = db_preparef(db, &st, err, "UPDATE procedure SET decided_by = %Q, routing = %Q "
	    "WHERE code = %Q", body[0] != '\0' ? body : NULL, forward ? "forward" : "decide",
	    code);
	free(body);
	if (rc < 0)
		return -1;
	return exec_done(db, st, _("saving the catalog"), err);
}

static int
write_docs(sqlite3 *db, const char *code, const struct catalog_amend *a,
    struct mc_err *err)
{
	sqlite3_stmt *st;

	if (db_preparef(db, &st, err, "DELETE FROM procedure_document WHERE "
	    "procedure_code = %Q", code) < 0 ||
	    exec_done(db, st, _("saving the catalog"), err) < 0)
		return -1;
	for (size_t i = 0; i < a->ndocs; i++) {
		const struct mc_document *d = &a->docs[i];
		char *name = vntext_clean(d->name, err), *cond = NULL;
		int rc;

		if (name == NULL || (d->condition != NULL &&
		    (cond = vntext_clean(d->condition, err)) == NULL)) {
			free(name);
			return -1;
		}
		if (cond != NULL && cond[0] == '\0') {
			free(cond);	/* as the import: "" is no condition */
			cond = NULL;
		}
		rc = db_preparef(db, &st, err, "INSERT INTO procedure_document "
		    "(procedure_code, position, name, form, quantity, required, condition) "
		    "VALUES (%Q, %d, %Q, %Q, %d, %d, %Q)", code, (int)i + 1, name,
		    catalog_form_name(d->form), d->quantity, d->required ? 1 : 0,
		    cond);
		free(name);
		free(cond);
		if (rc < 0 || exec_done(db, st, _("saving the catalog"), err) < 0)
			return -1;
	}
	return 0;
}

int
catalog_amend(sqlite3 *db, const char *acting, const char *code,
    const struct catalog_amend *a, const struct mc_time *at, struct mc_err *err)
{
	struct db_tx tx;
	char limit[32];
	sqlite3_stmt *st;

	if (may_change(db, acting, err) < 0 || amend_check(a, limit, sizeof limit, err) < 0)
		return -1;
	if (db_tx_begin(db, &tx, err) < 0)
		return -1;
	switch (in_force(db, code, err)) {
	case -1:
		goto fail;
	case 0:
		err_set(err, MC_ECONFLICT, _("procedure %s is abolished: restore it before "
		    "amending it"), code);
		goto fail;
	}
	if (record(db, code, NULL, acting, at, true, err) < 0)
		goto fail;
	if (limit[0] != '\0' && (db_preparef(db, &st, err, "UPDATE procedure SET "
	    "time_limit = %Q WHERE code = %Q", limit, code) < 0 ||
	    exec_done(db, st, _("saving the catalog"), err) < 0))
		goto fail;
	if (a->fee >= 0 && (db_preparef(db, &st, err, "UPDATE procedure SET fee = %lld "
	    "WHERE code = %Q", a->fee, code) < 0 ||
	    exec_done(db, st, _("saving the catalog"), err) < 0))
		goto fail;
	if (a->set_docs && write_docs(db, code, a, err) < 0)
		goto fail;
	if ((a->decided_by != NULL || a->routing != CATALOG_ROUTING_KEEP) &&
	    write_routing(db, code, a, err) < 0)
		goto fail;
	if (record(db, code, "amend", acting, at, false, err) < 0 ||
	    audit(db, "catalog_amend", acting, code, at, err) < 0)
		goto fail;
	return db_tx_commit(&tx, err);
fail:
	db_tx_rollback(&tx);
	return -1;
}

/* Abolish (off true) or restore. */
static int
set_abolished(sqlite3 *db, const char *acting, const char *code, bool off,
    const struct mc_time *at, struct mc_err *err)
{
	struct db_tx tx;
	char day[MC_DATE_LEN];
	sqlite3_stmt *st;
	int now;

	if (may_change(db, acting, err) < 0 || db_tx_begin(db, &tx, err) < 0)
		return -1;
	if ((now = in_force(db, code, err)) < 0)
		goto fail;
	if (off && now == 0) {
		err_set(err, MC_ECONFLICT, _("procedure %s is already abolished"), code);
		goto fail;
	}
	if (!off && now == 1) {
		err_set(err, MC_ECONFLICT, _("procedure %s is in force: nothing to restore"),
		    code);
		goto fail;
	}
	date_format(at->jdn, day);
	if (record(db, code, NULL, acting, at, true, err) < 0 ||
	    db_preparef(db, &st, err, "UPDATE procedure SET abolished = %Q WHERE code = %Q",
	    off ? day : NULL, code) < 0 ||
	    exec_done(db, st, _("saving the catalog"), err) < 0 ||
	    record(db, code, off ? "abolish" : "restore", acting, at, false, err) < 0 ||
	    audit(db, off ? "catalog_abolish" : "catalog_restore", acting, code, at, err) < 0)
		goto fail;
	return db_tx_commit(&tx, err);
fail:
	db_tx_rollback(&tx);
	return -1;
}

int
catalog_abolish(sqlite3 *db, const char *acting, const char *code,
    const struct mc_time *at, struct mc_err *err)
{
	return set_abolished(db, acting, code, true, at, err);
}

int
catalog_restore(sqlite3 *db, const char *acting, const char *code,
    const struct mc_time *at, struct mc_err *err)
{
	return set_abolished(db, acting, code, false, at, err);
}

static const char *
col_text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s != NULL ? s : "";
}

struct visit {
	int (*fn)(const struct catalog_revision *r, void *arg);
	void *arg;
};

static int
revision_row(sqlite3_stmt *st, void *arg)
{
	struct visit *v = arg;
	struct catalog_revision r = {
		.revision = sqlite3_column_int(st, 0),
		.change = col_text(st, 1),
		.catalog_version = sqlite3_column_int64(st, 2),
		.officer = col_text(st, 3),
		.made = col_text(st, 4),
		.time_limit = col_text(st, 5),
		.fee = sqlite3_column_int64(st, 6),
		.ndocs = sqlite3_column_int(st, 7),
		.abolished = col_text(st, 8),
		.decided_by = col_text(st, 9),
		.forward = sqlite3_column_int(st, 10) != 0,
	};

	return v->fn(&r, v->arg);
}

int
catalog_revisions(sqlite3 *db, const char *code,
    int (*fn)(const struct catalog_revision *r, void *arg), void *arg,
    struct mc_err *err)
{
	struct visit v = { fn, arg };
	sqlite3_stmt *st;

	if (db_preparef(db, &st, err, "SELECT revision, change, catalog_version, officer, "
	    "made, time_limit, fee, json_array_length(documents), abolished, decided_by, "
	    "routing = 'forward' FROM procedure_version WHERE procedure_code = %Q "
	    "ORDER BY revision", code) < 0)
		return -1;
	return db_each(db, st, revision_row, &v, _("reading the catalog"), err);
}

int
catalog_import_preview(sqlite3 *db, const char *acting, const char *path,
    struct catalog_stats *st, struct mc_err *err)
{
	struct db_tx tx;
	int rc;

	if (st != NULL)
		memset(st, 0, sizeof *st);
	/* the import itself, inside a transaction of ours that is always
	 * undone: its own transaction becomes a savepoint within it */
	if (db_tx_begin(db, &tx, err) < 0)
		return -1;
	rc = catalog_import_file(db, acting, path, st, err);
	db_tx_rollback(&tx);
	return rc;
}
