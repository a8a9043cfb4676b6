/* syncrule-body.c — an imported event's body checked as its kind wants
 * it: a step's fields by vocab.h's table and lifecycle_check_value, a
 * receipt's and a guidance's shape and limits, an audit event's flat
 * object of bounded strings (syncrule.h's (c)). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/attach.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/dossier.h"
#include "motcua/lifecycle.h"
#include "motcua/logbook.h"
#include "syncrule-int.h"

#define refuse syncrule_refuse
#define iso_time syncrule_iso_time

/* ---- (c) bodies ------------------------------------------------------------ */

/* A body read once: every node of its JSON tree, in document order, as
 * json_tree gives them.  The checks below ask it for values by path and
 * for the keys of objects; reading the text once instead of once per
 * value (json_extract parses its argument at every call) took a receipt's
 * check from about a million instructions to a tenth of that. */
struct jnode {
	long long id, parent;	/* json_tree's; the root's parent is -1 */
	char *key;		/* an object member's name, else NULL */
	long long index;	/* an array element's place, else -1 */
	char type[8];		/* "object", "array", "text", "integer", ... */
	char *text;		/* a scalar's value as text ("" for the others) */
};

struct jbody {
	struct jnode *n;
	size_t len, cap;
};

static void
jbody_free(struct jbody *jb)
{
	for (size_t i = 0; i < jb->len; i++) {
		free(jb->n[i].key);
		free(jb->n[i].text);
	}
	free(jb->n);
	memset(jb, 0, sizeof *jb);
}

static int
jbody_add(struct jbody *jb, sqlite3_stmt *st)
{
	struct jnode *n;
	const char *t = (const char *)sqlite3_column_text(st, 3);
	const char *text = (const char *)sqlite3_column_text(st, 4);

	if (jb->len == jb->cap) {
		size_t cap = jb->cap ? jb->cap * 2 : 64;
		struct jnode *m = realloc(jb->n, cap * sizeof *m);

		if (m == NULL)
			return -1;
		jb->n = m;
		jb->cap = cap;
	}
	n = &jb->n[jb->len];
	memset(n, 0, sizeof *n);
	n->id = sqlite3_column_int64(st, 0);
	n->parent = sqlite3_column_type(st, 1) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 1);
	n->index = -1;
	if (sqlite3_column_type(st, 2) == SQLITE_TEXT) {
		if ((n->key = strdup((const char *)sqlite3_column_text(st, 2))) == NULL)
			return -1;
	} else if (sqlite3_column_type(st, 2) == SQLITE_INTEGER) {
		n->index = sqlite3_column_int64(st, 2);
	}
	snprintf(n->type, sizeof n->type, "%s", t != NULL ? t : "null");
	if ((n->text = strdup(text != NULL ? text : "")) == NULL) {
		free(n->key);
		return -1;
	}
	jb->len++;
	return 0;
}

/* The body's tree, read in one pass.  -1 with err set when the text is
 * not JSON (the import read it as JSON before: a failure here is the
 * store's) or memory runs out. */
static int
jbody_read(sqlite3 *db, const char *body, struct jbody *jb, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(jb, 0, sizeof *jb);
	if (db_cached(db, "SELECT id, parent, key, type, atom FROM json_tree(?1)", &st,
	    err))
		return -1;
	sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (jbody_add(jb, st) != 0) {
			db_release(db, st);
			jbody_free(jb);
			return err_set(err, MC_ENOMEM, _("out of memory"));
		}
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("reading an event"));
		db_release(db, st);
		jbody_free(jb);
		return -1;
	}
	db_release(db, st);
	return 0;
}

/* The node at a path of json_extract's form ("$", "$.a.b", "$.a[2].b"),
 * or NULL.  Like json_extract, the first of two members of one name. */
static const struct jnode *
jbody_find(const struct jbody *jb, const char *path)
{
	const struct jnode *at;
	const char *p = path;

	if (jb->len == 0 || *p++ != '$')
		return NULL;
	at = &jb->n[0];
	while (*p != '\0') {
		const struct jnode *next = NULL;
		char name[128];
		long long index = -1;

		if (*p == '.') {
			size_t k = strcspn(++p, ".[");

			if (k == 0 || k >= sizeof name)
				return NULL;
			memcpy(name, p, k);
			name[k] = '\0';
			p += k;
		} else if (*p == '[') {
			char *end;

			index = strtoll(p + 1, &end, 10);
			if (end == p + 1 || *end != ']' || index < 0)
				return NULL;
			p = end + 1;
		} else {
			return NULL;
		}
		/* a child's rows follow its parent's, in document order */
		for (const struct jnode *c = at + 1; c < jb->n + jb->len && next == NULL; c++)
			if (c->parent == at->id && (index >= 0 ? c->index == index :
			    c->key != NULL && strcmp(c->key, name) == 0))
				next = c;
		if (next == NULL)
			return NULL;
		at = next;
	}
	return at;
}

/* One value of a body: its JSON type ("null" when absent) and its text,
 * valid while the body is. */
struct jval {
	char type[16];
	const char *text;
};

static void
jget(const struct jbody *jb, const char *path, struct jval *v)
{
	const struct jnode *n = jbody_find(jb, path);

	snprintf(v->type, sizeof v->type, "%s", n != NULL ? n->type : "null");
	v->text = n != NULL ? n->text : "";
}

/* The value at path is an object whose keys are all in `keys`
 * (NULL-terminated): 0, or 1 with the first other key in extra ("" when
 * it is no object). */
static int
only_keys(const struct jbody *jb, const char *path, const char *const *keys, char *extra,
    size_t n)
{
	const struct jnode *o = jbody_find(jb, path);

	extra[0] = '\0';
	if (o == NULL || strcmp(o->type, "object") != 0)
		return 1;
	for (const struct jnode *c = o + 1; c < jb->n + jb->len; c++) {
		bool known = false;

		if (c->parent != o->id)
			continue;
		for (size_t i = 0; !known && keys[i] != NULL; i++)
			known = c->key != NULL && strcmp(keys[i], c->key) == 0;
		if (!known) {
			snprintf(extra, n, "%s", c->key != NULL ? c->key : "");
			return 1;
		}
	}
	return 0;
}

/* only_keys's answer r (not 0) as a refusal. */
static int
body_refused(sqlite3 *db, const struct syncrule_ctx *c, const struct mc_event *e, int r,
    const char *extra, const char *kind, struct mc_err *err)
{
	if (r < 0)
		return db_fail(db, err, _("reading an event"));
	if (extra[0] != '\0')
		return refuse(db, c, e, err, _("its body has a field '%s' that a '%s' has not"),
		    extra, kind);
	return refuse(db, c, e, err, _("its body is not that of a '%s'"), kind);
}

/* A value checked as a field of this type and limit wants it. */
static int
field_value(sqlite3 *db, const struct syncrule_ctx *c, const struct mc_event *e,
    const struct mc_field *f, const struct jval *v, bool required, struct mc_err *err)
{
	char out[4100];
	struct mc_time t;

	if (strcmp(v->type, "null") == 0) {
		if (required)
			return refuse(db, c, e, err, _("its %s is missing"), f->name);
		return 0;
	}
	if (f->type == MC_FT_INT ? strcmp(v->type, "integer") != 0 :
	    strcmp(v->type, "text") != 0)
		return refuse(db, c, e, err, _("its %s is not of its type"), f->name);
	if (f->type == MC_FT_TIME && !iso_time(v->text, &t))
		return refuse(db, c, e, err, _("its %s '%s' is not a real time"), f->name,
		    v->text);
	if (lifecycle_check_value(f, v->text, out, sizeof out, err) != 0) {
		char why[sizeof err->msg];

		snprintf(why, sizeof why, "%s", err->msg);
		return refuse(db, c, e, err, "%s", why);
	}
	if (required && out[0] == '\0')
		return refuse(db, c, e, err, _("its %s is missing"), f->name);
	return 0;
}

/* A step's body: its kind's fields, each of its type, the ones it needs. */
static int
step_body(sqlite3 *db, const struct jbody *jb, const struct syncrule_ctx *c,
    const struct mc_event *e, const struct mc_kind *k, struct mc_err *err)
{
	const char *keys[MC_FIELDS_MAX + 1] = {NULL};
	struct jval vals[MC_FIELDS_MAX];
	char extra[64], path[64];
	size_t n = vocab_nfields(k);
	int r;

	for (size_t i = 0; i < n; i++)
		keys[i] = k->fields[i].name;
	if ((r = only_keys(jb, "$", keys, extra, sizeof extra)) != 0)
		return body_refused(db, c, e, r, extra, k->name, err);
	for (size_t i = 0; i < n; i++)
		jget(jb, vocab_path(&k->fields[i], path, sizeof path), &vals[i]);
	r = 0;
	for (size_t i = 0; i < n && r == 0; i++) {
		const struct mc_field *f = &k->fields[i];
		int w = f->when != NULL ? vocab_field_index(k, f->when) : -1;
		bool need = f->need == MC_NEED_YES || f->computed || f->applicant ||
		    f->first_default || (f->need == MC_NEED_IF && w >= 0 &&
		    strcmp(vals[w].text, f->when_value) == 0);

		r = field_value(db, c, e, f, &vals[i], need, err);
	}
	return r;
}

/* What a receipt's body holds: its keys, and each value's check. */
static const char *const receive_keys[] = {"code", "procedure", "applicant",
    "delivery", "received", "due", "book", "book_no", "channel", NULL};
static const char *const procedure_keys[] = {"code", "name", "field", "time_limit",
    "fee", "documents", "decided_by", "routing", NULL};
static const char *const applicant_keys[] = {"name", "id", "birth_date", "phone",
    "address", "email", NULL};
/* (path, type, limit), checked by lifecycle_check_value */
static const struct mc_field receive_fields[] = {
	{.name = "procedure.code", .type = MC_FT_TEXT, .need = MC_NEED_YES, .max = 64},
	{.name = "procedure.name", .type = MC_FT_TEXT, .need = MC_NEED_YES, .max = 2000},
	{.name = "procedure.field", .type = MC_FT_TEXT, .max = 500},
	{.name = "procedure.time_limit", .type = MC_FT_TEXT, .max = 500},
	{.name = "procedure.fee", .type = MC_FT_INT},
	/* where it goes (catalog.h): absent from receipts made before */
	{.name = "procedure.decided_by", .type = MC_FT_TEXT, .max = 200},
	{.name = "procedure.routing", .type = MC_FT_ENUM,
	    .choices = {{"decide"}, {"forward"}}},
	{.name = "applicant.name", .type = MC_FT_TEXT, .need = MC_NEED_YES, .max = 200},
	{.name = "applicant.id", .type = MC_FT_ID},
	{.name = "applicant.birth_date", .type = MC_FT_TEXT, .max = 10},
	{.name = "applicant.phone", .type = MC_FT_TEXT, .max = 32},
	{.name = "applicant.address", .type = MC_FT_TEXT, .max = 500},
	{.name = "applicant.email", .type = MC_FT_TEXT, .max = 254},
	{.name = "due", .type = MC_FT_TIME, .need = MC_NEED_YES},
	{.name = NULL},
};

/* A dossier code: <unit>-YYMMDD-N### (dossier.c's next_code). */
static int
check_code(sqlite3 *db, const struct syncrule_ctx *c, const struct mc_event *e,
    const char *code, struct mc_err *err)
{
	char unit[16];
	size_t n = strlen(code);

	snprintf(unit, sizeof unit, "%.13s", code);
	if (n != 13 + 1 + 6 + 1 + 4 || !unit_code_valid(unit) || code[13] != '-' ||
	    strspn(code + 14, "0123456789") != 6 || code[20] != '-' ||
	    code[21] < '1' || code[21] > '9' || strspn(code + 22, "0123456789") != 3)
		return refuse(db, c, e, err, _("its dossier code '%s' is not a code as "
		    "motcua gives them"), code);
	if (strcmp(unit, c->aggregate ? c->sender_unit : c->unit) != 0 &&
	    (!c->aggregate || strcmp(e->origin, c->sender) == 0))
		return refuse(db, c, e, err, _("its dossier code %s is of another unit than "
		    "%s (a station that gathers several units has the setting "
		    "aggregate_units 1)"), code, c->aggregate ? c->sender_unit : c->unit);
	if (strcmp(e->origin, c->sender) == 0 && code[21] - '0' != c->sender_number)
		return refuse(db, c, e, err, _("its dossier code %s is not of station %d, "
		    "which recorded it"), code, c->sender_number);
	return 0;
}

/* A receipt's place in the logbook (logbook.h): both or neither (an older
 * version's receipt has none), a book named for the code's station, a
 * number from 1.  (That no other dossier of the book holds the number,
 * in the file or here, logbook_project says as it projects.) */
static int
receive_book(sqlite3 *db, const struct jbody *jb, const struct syncrule_ctx *c,
    const struct mc_event *e, const char *code, struct mc_err *err)
{
	struct jval v;
	long long no;

	jget(jb, "$.book", &v);
	if (strcmp(v.type, "null") == 0) {
		jget(jb, "$.book_no", &v);
		return strcmp(v.type, "null") == 0 ? 0 :
		    refuse(db, c, e, err, _("its %s is missing"), "book");
	}
	if (strcmp(v.type, "text") != 0 || strlen(v.text) >= MC_BOOK_LEN ||
	    !logbook_book_valid(v.text, code[21] - '0'))
		return refuse(db, c, e, err, _("its logbook book '%s' is not one motcua "
		    "names for station %d"), v.text, code[21] - '0');
	jget(jb, "$.book_no", &v);
	if (strcmp(v.type, "integer") != 0 || (no = atoll(v.text)) < 1 || no > 999999999)
		return refuse(db, c, e, err, _("its %s is not of its type"), "book_no");
	return 0;
}

static int
receive_body(sqlite3 *db, const struct jbody *jb, const struct syncrule_ctx *c,
    const struct mc_event *e, struct mc_err *err)
{
	static const char *const doc_keys[] = {"position", "name", "form", "quantity",
	    "required", "received", NULL};
	static const struct mc_field doc_name = {.name = "procedure.documents.name",
	    .type = MC_FT_TEXT, .need = MC_NEED_YES, .max = 2000};
	struct jval v;
	char extra[64], path[64], code[64];
	int r;
	const struct jnode *docs;
	long long ndocs;

	if ((r = only_keys(jb, "$", receive_keys, extra, sizeof extra)) == 0 &&
	    (r = only_keys(jb, "$.procedure", procedure_keys, extra,
	    sizeof extra)) == 0)
		r = only_keys(jb, "$.applicant", applicant_keys, extra, sizeof extra);
	if (r != 0)
		return body_refused(db, c, e, r, extra, "receive", err);
	jget(jb, "$.code", &v);
	if (strcmp(v.type, "text") != 0)
		return refuse(db, c, e, err, _("its %s is missing"), "code");
	snprintf(code, sizeof code, "%s", v.text);
	if (check_code(db, c, e, code, err) || receive_book(db, jb, c, e, code, err))
		return -1;
	for (const struct mc_field *f = receive_fields; f->name != NULL; f++) {
		jget(jb, vocab_path(f, path, sizeof path), &v);
		if (field_value(db, c, e, f, &v, f->need == MC_NEED_YES, err))
			return -1;
	}
	jget(jb, "$.delivery", &v);
	if (strcmp(v.type, "null") != 0 && (strcmp(v.type, "text") != 0 ||
	    (strcmp(v.text, "counter") != 0 && strcmp(v.text, "post") != 0)))
		return refuse(db, c, e, err, _("its %s is not of its type"), "delivery");
	jget(jb, "$.channel", &v);
	{
		enum mc_channel ch;

		if (strcmp(v.type, "null") != 0 && (strcmp(v.type, "text") != 0 ||
		    dossier_channel_parse(v.text, &ch) != 0))
			return refuse(db, c, e, err, _("its %s is not of its type"), "channel");
	}
	/* a forward names the body it goes to, as the catalog requires */
	jget(jb, "$.procedure.routing", &v);
	if (strcmp(v.type, "text") == 0 && strcmp(v.text, "forward") == 0) {
		jget(jb, "$.procedure.decided_by", &v);
		if (strcmp(v.type, "text") != 0 || v.text[0] == '\0')
			return refuse(db, c, e, err, _("its %s is missing"), "decided_by");
	}
	jget(jb, "$.received", &v);
	if (strcmp(v.type, "null") != 0 && strcmp(v.text, e->at) != 0)
		return refuse(db, c, e, err, _("its time of receipt '%s' is not the event's "
		    "time"), v.text);
	/* the documents: an array of objects with their own fields */
	if ((docs = jbody_find(jb, "$.procedure.documents")) == NULL ||
	    strcmp(docs->type, "array") != 0)
		return refuse(db, c, e, err, _("its %s is not of its type"), "documents");
	ndocs = 0;
	r = 0;
	for (const struct jnode *d = docs + 1; d < jb->n + jb->len; d++)
		if (d->parent == docs->id) {
			ndocs++;
			r |= strcmp(d->type, "object") != 0;
		}
	if (ndocs > DOCS_MAX || r)
		return refuse(db, c, e, err, _("its list of documents is not one motcua "
		    "makes (%lld items)"), ndocs);
	for (long long i = 0; i < ndocs; i++) {
		snprintf(path, sizeof path, "$.procedure.documents[%lld]", i);
		if (only_keys(jb, path, doc_keys, extra, sizeof extra) != 0)
			return refuse(db, c, e, err, _("its list of documents is not one motcua "
			    "makes (%lld items)"), ndocs);
		snprintf(path, sizeof path, "$.procedure.documents[%lld].name", i);
		jget(jb, path, &v);
		if (field_value(db, c, e, &doc_name, &v, true, err))
			return -1;
	}
	return 0;
}

/* A guidance (Mẫu 02): a receipt's body without its code and due, with
 * the positions of the documents missing. */
int
syncrule_guide_body(sqlite3 *db, const struct syncrule_ctx *c, const struct mc_event *e,
    struct mc_err *err)
{
	static const char *const keys[] = {"procedure", "applicant", "delivery",
	    "received", "missing", NULL};
	struct jbody jb;
	char extra[64];
	int r;

	if (jbody_read(db, e->body, &jb, err))
		return -1;
	if ((r = only_keys(&jb, "$", keys, extra, sizeof extra)) == 0 &&
	    (r = only_keys(&jb, "$.procedure", procedure_keys, extra,
	    sizeof extra)) == 0)
		r = only_keys(&jb, "$.applicant", applicant_keys, extra, sizeof extra);
	jbody_free(&jb);
	return r != 0 ? body_refused(db, c, e, r, extra, "guide", err) : 0;
}

/* A file kept with the dossier (attach.h): its body as attach_body_check
 * wants it, the same check as when this station records one.  The file
 * itself is not in the bundle: `check` names it missing here until it
 * comes. */
int
syncrule_file_body(sqlite3 *db, const struct syncrule_ctx *c, const struct mc_event *e,
    struct mc_err *err)
{
	struct mc_err why;

	if (attach_body_check(db, e->body, &why) != 0)
		return refuse(db, c, e, err, "%s", why.msg);
	return 0;
}

/* An audit event's body: a flat object of bounded strings (keys_upgrade:
 * its officers, an array of usernames). */
int
syncrule_audit_body(sqlite3 *db, const struct syncrule_ctx *c, const struct mc_event *e,
    struct mc_err *err)
{
	sqlite3_stmt *st;
	bool upgrade = strcmp(e->kind, KEYS_UPGRADE) == 0;
	int rc, bad = 0;

	if (db_cached(db, "SELECT json_type(?1) = 'object', key, type, value, "
	    "length(CAST(value AS BLOB)) FROM (SELECT 1) LEFT JOIN json_each(?1)", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, e->body, -1, SQLITE_STATIC);
	while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 1);
		const char *type = (const char *)sqlite3_column_text(st, 2);

		if (sqlite3_column_int(st, 0) != 1)
			bad = 1;
		else if (k == NULL)
			break;
		else if (strlen(k) > 64)
			bad = 1;
		else if (upgrade && strcmp(k, "officers") == 0)
			bad = strcmp(type, "array") != 0;
		else
			bad = strcmp(type, "text") != 0 ||
			    sqlite3_column_int64(st, 4) > AUDIT_VALUE_MAX;
	}
	db_release(db, st);
	if (bad)
		return refuse(db, c, e, err, _("its body is not one of an audit event"));
	if (strcmp(e->kind, "officer_add") == 0 || upgrade) {
		if (db_cached(db, upgrade ? "SELECT count(*) FROM json_each(?1, '$.officers') "
		    "WHERE type <> 'text' OR length(value) NOT BETWEEN 1 AND 32 OR "
		    "value GLOB '*[^a-z0-9._-]*'" : "SELECT json_type(?1, '$.username') IS NOT "
		    "'text' OR json_extract(?1, '$.username') NOT GLOB '[a-z0-9._-]*' OR "
		    "json_extract(?1, '$.username') GLOB '*[^a-z0-9._-]*' OR "
		    "length(json_extract(?1, '$.username')) > 32", &st, err))
			return -1;
		sqlite3_bind_text(st, 1, e->body, -1, SQLITE_STATIC);
		bad = sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0) != 0;
		db_release(db, st);
		if (bad)
			return refuse(db, c, e, err, _("the officer it names is not a username"));
	}
	return 0;
}


int
syncrule_step_body(sqlite3 *db, const struct syncrule_ctx *c, const struct mc_event *e,
    const struct mc_kind *k, struct mc_err *err)
{
	struct jbody jb;
	int r;

	if (jbody_read(db, e->body, &jb, err))
		return -1;
	r = step_body(db, &jb, c, e, k, err);
	jbody_free(&jb);
	return r;
}

int
syncrule_receive_body(sqlite3 *db, const struct syncrule_ctx *c, const struct mc_event *e,
    struct mc_err *err)
{
	struct jbody jb;
	int r;

	if (jbody_read(db, e->body, &jb, err))
		return -1;
	r = receive_body(db, &jb, c, e, err);
	jbody_free(&jb);
	return r;
}
