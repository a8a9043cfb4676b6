/* catalog.c — the procedure catalog: JSON import and export, lookup, search.
 *
 * The JSON is read with SQLite's JSON functions only (json_valid,
 * json_type, json_each): every object is walked key by key with json_each,
 * which gives each value's JSON type and its SQL value, so unknown,
 * repeated and mistyped keys are all caught in one pass.  The format is
 * doc/catalog-format.md; writing JSON back is plain string building. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/date.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/vntext.h"

#define CATALOG_FORMAT "motcua-catalog"
#define CATALOG_FORMAT_VERSION 1
#define CATALOG_MAX_BYTES (32L * 1024 * 1024)	/* far above any real catalog */
#define CATALOG_MAX_FEE 1000000000000LL		/* 10^12 đồng: a typo beyond */
#define CATALOG_MAX_QUANTITY 99

static const char *const form_names[] = {
	[MC_FORM_ORIGINAL] = "original",
	[MC_FORM_CERTIFIED] = "certified_copy",
	[MC_FORM_COPY] = "copy",
};

static const char *const level_names[] = {
	"commune", "district", "province", "central", NULL
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
	for (size_t i = 0; i < p->ndocs; i++)
		free(p->docs[i].name);
	free(p->docs);
	memset(p, 0, sizeof *p);
}

static char *
dup_or_null(const unsigned char *s)
{
	return s != NULL ? strdup((const char *)s) : NULL;
}

static bool
str_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* ---- time limits ------------------------------------------------------ */

/* calendar.c owns the meaning of a time limit: whatever it accepts
 * ("3 days", "3 ngày làm việc", "same day", …) is stored in its canonical
 * spelling, so the catalog and the due-date code can never disagree. */
static int
limit_canon(const char *s, char *buf, size_t n)
{
	struct mc_limit l;

	if (calendar_limit_parse(s, &l, NULL) < 0)
		return -1;
	calendar_limit_format(&l, buf, n);
	return 0;
}

/* ---- reading the JSON ------------------------------------------------- */

/* Where a bad value was found, for the one message the user gets. */
struct where {
	int index;		/* 1-based position in "procedures", 0 = top level */
	const char *code;	/* the procedure's code if it has a usable one */
	int doc;		/* 1-based document number, 0 = none */
};

static int
bad(struct mc_err *err, const struct where *w, const char *key, const char *problem)
{
	char place[160];

	if (w->doc > 0)
		snprintf(place, sizeof place, _("document %d, \"%s\""), w->doc, key);
	else
		snprintf(place, sizeof place, "\"%s\"", key);
	if (w->index == 0)
		return err_set(err, MC_EINVAL,
		    _("catalog file: %s %s; correct the file and import it again "
		    "(nothing was changed)"), place, problem);
	if (w->code != NULL)
		return err_set(err, MC_EINVAL,
		    _("catalog file, procedure %s (no. %d): %s %s; correct the file "
		    "and import it again (nothing was changed)"),
		    w->code, w->index, place, problem);
	return err_set(err, MC_EINVAL,
	    _("catalog file, procedure no. %d: %s %s; correct the file and "
	    "import it again (nothing was changed)"), w->index, place, problem);
}

enum ftype { F_TEXT, F_CODE, F_INT, F_BOOL, F_DATE, F_ARRAY };

struct field {
	const char *key;
	enum ftype type;
	bool required;		/* must be present */
	bool nullable;		/* null allowed (optional fields only) */
	bool empty_ok;		/* "" allowed for text */
};

/* One value read from json_each: its JSON type and SQL value. */
struct jval {
	bool present;
	const char *type;	/* "text", "integer", "true", "array", ... */
	char *text;		/* cleaned text, date, or JSON of an array */
	long long num;
};

struct reader {
	sqlite3 *db;
	sqlite3_stmt *each[3];	/* json_each at three depths (top, proc, doc) */
	sqlite3_stmt *elems[2];	/* elements of procedures / documents */
	sqlite3_stmt *code;	/* $.code of a procedure, for messages */
};

static void
reader_close(struct reader *r)
{
	for (int i = 0; i < 3; i++)
		sqlite3_finalize(r->each[i]);
	for (int i = 0; i < 2; i++)
		sqlite3_finalize(r->elems[i]);
	sqlite3_finalize(r->code);
	memset(r, 0, sizeof *r);
}

static int
reader_open(struct reader *r, sqlite3 *db, struct mc_err *err)
{
	memset(r, 0, sizeof *r);
	r->db = db;
	for (int i = 0; i < 3; i++)
		if (db_prepare(db, "SELECT key, type, atom, value FROM json_each(?1)",
		    &r->each[i], err) < 0)
			goto fail;
	for (int i = 0; i < 2; i++)
		if (db_prepare(db, "SELECT type, value FROM json_each(?1) ORDER BY id",
		    &r->elems[i], err) < 0)
			goto fail;
	if (db_prepare(db, "SELECT json_type(?1, '$.code'), "
	    "json_extract(?1, '$.code')", &r->code, err) < 0)
		goto fail;
	return 0;
fail:
	reader_close(r);
	return -1;
}

static bool
code_valid(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 64)
		return false;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= 'a' && *s <= 'z') || *s == '.' || *s == '-' || *s == '_'))
			return false;
	return true;
}

/* Check one value against its field spec and keep it in *v. */
static int
take_value(const struct field *f, sqlite3_stmt *st, struct jval *v,
    const struct where *w, struct mc_err *err)
{
	const char *type = (const char *)sqlite3_column_text(st, 1);
	const unsigned char *atom;
	int jdn;

	if (type == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	v->present = true;
	v->type = strcmp(type, "null") == 0 ? "null" : "";
	if (strcmp(type, "null") == 0) {
		if (!f->nullable)
			return bad(err, w, f->key, _("is null; give it a value"));
		return 0;
	}
	switch (f->type) {
	case F_TEXT:
	case F_CODE:
	case F_DATE:
		if (strcmp(type, "text") != 0)
			return bad(err, w, f->key, f->type == F_DATE ?
			    _("must be a date in quotes, \"YYYY-MM-DD\"") :
			    _("must be text in quotes"));
		atom = sqlite3_column_text(st, 2);
		if (atom == NULL)
			return err_set(err, MC_ENOMEM, _("out of memory"));
		/* \u0000 inside a JSON string would cut the text short */
		if ((size_t)sqlite3_column_bytes(st, 2) != strlen((const char *)atom))
			return bad(err, w, f->key, _("contains a NUL character"));
		v->text = vntext_clean((const char *)atom, err);
		if (v->text == NULL)
			return bad(err, w, f->key, _("is not valid UTF-8"));
		if (v->text[0] == '\0' && !f->empty_ok)
			return bad(err, w, f->key, _("is empty; fill it in"));
		if (f->type == F_CODE && !code_valid(v->text))
			return bad(err, w, f->key,
			    _("must be 1 to 64 letters, digits, dots, dashes or "
			    "underscores, like \"1.001193\""));
		if (f->type == F_DATE && (strlen(v->text) != 10 ||
		    date_parse(v->text, &jdn) < 0))
			return bad(err, w, f->key,
			    _("is not a real date written YYYY-MM-DD"));
		break;
	case F_INT:
		if (strcmp(type, "integer") != 0)
			return bad(err, w, f->key, _("must be a whole number"));
		v->num = sqlite3_column_int64(st, 2);
		break;
	case F_BOOL:
		if (strcmp(type, "true") != 0 && strcmp(type, "false") != 0)
			return bad(err, w, f->key, _("must be true or false"));
		v->num = strcmp(type, "true") == 0;
		break;
	case F_ARRAY:
		if (strcmp(type, "array") != 0)
			return bad(err, w, f->key, _("must be a list in [ ]"));
		atom = sqlite3_column_text(st, 3);
		if (atom == NULL || (v->text = strdup((const char *)atom)) == NULL)
			return err_set(err, MC_ENOMEM, _("out of memory"));
		break;
	}
	return 0;
}

/* Walk the keys of one JSON object (text `obj`) with statement `st`,
 * filling vals[] in the order of fields[]. */
static int
read_object(sqlite3_stmt *st, const char *obj, const struct field *fields,
    size_t nfields, struct jval *vals, const struct where *w, struct mc_err *err)
{
	int rc;

	sqlite3_reset(st);
	if (sqlite3_bind_text(st, 1, obj, -1, SQLITE_STATIC) != SQLITE_OK)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		size_t i;

		if (key == NULL)
			return err_set(err, MC_ENOMEM, _("out of memory"));
		for (i = 0; i < nfields; i++)
			if (strcmp(key, fields[i].key) == 0)
				break;
		if (i == nfields)
			return bad(err, w, key,
			    _("is not a field of the catalog format (misspelt?)"));
		if (vals[i].present)
			return bad(err, w, key, _("appears twice"));
		if (take_value(&fields[i], st, &vals[i], w, err) < 0)
			return -1;
	}
	if (rc != SQLITE_DONE)
		return db_fail(sqlite3_db_handle(st), err, _("reading the catalog"));
	for (size_t i = 0; i < nfields; i++)
		if (fields[i].required && !vals[i].present)
			return bad(err, w, fields[i].key, _("is missing"));
	return 0;
}

static void
vals_free(struct jval *vals, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(vals[i].text);
}

/* Steal the text of a value (NULL if absent or null). */
static char *
take_text(struct jval *v)
{
	char *s = v->text;

	v->text = NULL;
	return s;
}

enum { D_NAME, D_FORM, D_QUANTITY, D_REQUIRED, D_N };
static const struct field doc_fields[D_N] = {
	[D_NAME] = { "name", F_TEXT, true, false, false },
	[D_FORM] = { "form", F_TEXT, true, false, false },
	[D_QUANTITY] = { "quantity", F_INT, true, false, false },
	[D_REQUIRED] = { "required", F_BOOL, true, false, false },
};

enum {
	P_CODE, P_NAME, P_FIELD, P_LEVEL, P_LIMIT, P_FEE, P_FEE_NOTE, P_RESULT,
	P_LEGAL, P_EFFECTIVE, P_ABOLISHED, P_DOCS, P_N
};
static const struct field proc_fields[P_N] = {
	[P_CODE] = { "code", F_CODE, true, false, false },
	[P_NAME] = { "name", F_TEXT, true, false, false },
	[P_FIELD] = { "field", F_TEXT, true, false, false },
	[P_LEVEL] = { "level", F_TEXT, true, false, false },
	[P_LIMIT] = { "time_limit", F_TEXT, true, false, false },
	[P_FEE] = { "fee", F_INT, true, false, false },
	[P_FEE_NOTE] = { "fee_note", F_TEXT, false, true, true },
	[P_RESULT] = { "result", F_TEXT, true, false, false },
	[P_LEGAL] = { "legal_basis", F_TEXT, true, false, false },
	[P_EFFECTIVE] = { "effective", F_DATE, false, true, false },
	[P_ABOLISHED] = { "abolished", F_DATE, false, true, false },
	[P_DOCS] = { "documents", F_ARRAY, true, false, false },
};

enum {
	T_FORMAT, T_FVERSION, T_VERSION, T_ISSUED, T_ISSUER, T_SAMPLE, T_NOTE,
	T_PROCS, T_N
};
static const struct field top_fields[T_N] = {
	[T_FORMAT] = { "format", F_TEXT, true, false, false },
	[T_FVERSION] = { "format_version", F_INT, true, false, false },
	[T_VERSION] = { "version", F_INT, true, false, false },
	[T_ISSUED] = { "issued", F_DATE, true, false, false },
	[T_ISSUER] = { "issuer", F_TEXT, true, false, false },
	[T_SAMPLE] = { "sample", F_BOOL, false, false, false },
	[T_NOTE] = { "note", F_TEXT, false, true, true },
	[T_PROCS] = { "procedures", F_ARRAY, true, false, false },
};

static int
read_documents(struct reader *r, const char *json, struct mc_procedure *p,
    struct where *w, struct mc_err *err)
{
	sqlite3_stmt *st = r->elems[1];
	int rc, n = 0;

	sqlite3_reset(st);
	if (sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC) != SQLITE_OK)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		const unsigned char *obj = sqlite3_column_text(st, 1);
		struct jval v[D_N] = { 0 };
		struct mc_document *d, *nd;
		char *text;

		++n;
		if (type == NULL || obj == NULL || strcmp(type, "object") != 0) {
			char problem[200];

			snprintf(problem, sizeof problem, _("entry %d must be an "
			    "object { \"name\": …, \"form\": …, \"quantity\": …, "
			    "\"required\": … }"), n);
			return bad(err, w, "documents", problem);
		}
		w->doc = n;
		/* the text of the element must outlive the inner walk */
		if ((text = strdup((const char *)obj)) == NULL)
			return err_set(err, MC_ENOMEM, _("out of memory"));
		rc = read_object(r->each[2], text, doc_fields, D_N, v, w, err);
		free(text);
		if (rc < 0) {
			vals_free(v, D_N);
			return -1;
		}
		nd = realloc(p->docs, (p->ndocs + 1) * sizeof *p->docs);
		if (nd == NULL) {
			vals_free(v, D_N);
			return err_set(err, MC_ENOMEM, _("out of memory"));
		}
		p->docs = nd;
		d = &p->docs[p->ndocs];
		memset(d, 0, sizeof *d);
		d->position = n;
		d->name = take_text(&v[D_NAME]);
		p->ndocs++;
		d->required = v[D_REQUIRED].num != 0;
		d->quantity = (int)v[D_QUANTITY].num;
		if (v[D_QUANTITY].num < 1 || v[D_QUANTITY].num > CATALOG_MAX_QUANTITY) {
			vals_free(v, D_N);
			return bad(err, w, "quantity", _("must be a whole number from 1 to 99"));
		}
		if (catalog_form_parse(v[D_FORM].text, &d->form) < 0) {
			vals_free(v, D_N);
			return bad(err, w, "form", _("must be \"original\", "
			    "\"certified_copy\" or \"copy\""));
		}
		vals_free(v, D_N);
	}
	w->doc = 0;
	if (rc != SQLITE_DONE)
		return db_fail(r->db, err, _("reading the catalog"));
	return 0;
}

static int
read_procedure(struct reader *r, const char *obj, int index,
    struct mc_procedure *p, struct mc_err *err)
{
	struct jval v[P_N] = { 0 };
	struct where w = { .index = index };
	char *code = NULL, limit[32];
	int rc = -1, i;

	memset(p, 0, sizeof *p);
	/* Learn the code first, so that every message can name it. */
	sqlite3_reset(r->code);
	if (sqlite3_bind_text(r->code, 1, obj, -1, SQLITE_STATIC) != SQLITE_OK)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	if (sqlite3_step(r->code) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(r->code, 0);
		const char *c = (const char *)sqlite3_column_text(r->code, 1);

		if (t != NULL && c != NULL && strcmp(t, "text") == 0 &&
		    vntext_valid_utf8(c, strlen(c)) && code_valid(c))
			code = strdup(c);
	}
	w.code = code;

	if (read_object(r->each[1], obj, proc_fields, P_N, v, &w, err) < 0)
		goto out;
	for (i = 0; level_names[i] != NULL; i++)
		if (strcmp(v[P_LEVEL].text, level_names[i]) == 0)
			break;
	if (level_names[i] == NULL) {
		bad(err, &w, "level", _("must be \"commune\", \"district\", "
		    "\"province\" or \"central\""));
		goto out;
	}
	if (limit_canon(v[P_LIMIT].text, limit, sizeof limit) < 0) {
		bad(err, &w, "time_limit", _("must be \"same day\", \"1 day\", "
		    "\"N days\", \"1 hour\" or \"N hours\" (N from 1 to 999)"));
		goto out;
	}
	free(v[P_LIMIT].text);
	if ((v[P_LIMIT].text = strdup(limit)) == NULL) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		goto out;
	}
	if (v[P_FEE].num < 0 || v[P_FEE].num > CATALOG_MAX_FEE) {
		bad(err, &w, "fee", _("must be 0 or more đồng (0 when free)"));
		goto out;
	}
	p->code = take_text(&v[P_CODE]);
	p->name = take_text(&v[P_NAME]);
	p->field = take_text(&v[P_FIELD]);
	p->level = take_text(&v[P_LEVEL]);
	p->time_limit = take_text(&v[P_LIMIT]);
	p->fee = v[P_FEE].num;
	p->fee_note = take_text(&v[P_FEE_NOTE]);
	if (p->fee_note != NULL && p->fee_note[0] == '\0') {
		free(p->fee_note);	/* "" and null mean the same: no note */
		p->fee_note = NULL;
	}
	p->result = take_text(&v[P_RESULT]);
	p->legal_basis = take_text(&v[P_LEGAL]);
	p->effective = take_text(&v[P_EFFECTIVE]);
	p->abolished = take_text(&v[P_ABOLISHED]);
	w.code = p->code;
	if (read_documents(r, v[P_DOCS].text, p, &w, err) < 0)
		goto out;
	rc = 0;
out:
	vals_free(v, P_N);
	free(code);
	if (rc < 0)
		catalog_procedure_free(p);
	return rc;
}

/* A parsed catalog file. */
struct catalog_file {
	long long version;
	char *issued, *issuer, *note;
	bool sample;
	struct mc_procedure *procs;
	size_t n;
	size_t *order;		/* indices of procs sorted by code */
};

static void
file_free(struct catalog_file *f)
{
	for (size_t i = 0; i < f->n; i++)
		catalog_procedure_free(&f->procs[i]);
	free(f->procs);
	free(f->order);
	free(f->issued);
	free(f->issuer);
	free(f->note);
	memset(f, 0, sizeof *f);
}

static int
cmp_code(const void *a, const void *b, void *procs)
{
	const struct mc_procedure *p = procs;

	return strcmp(p[*(const size_t *)a].code, p[*(const size_t *)b].code);
}

/* qsort has no context argument in C11: a small merge
 * sort over indices keeps this file free of globals. */
static void
sort_indices(size_t *ix, size_t *tmp, size_t n, struct mc_procedure *procs)
{
	size_t mid = n / 2, i = 0, j = mid, k = 0;

	if (n < 2)
		return;
	sort_indices(ix, tmp, mid, procs);
	sort_indices(ix + mid, tmp, n - mid, procs);
	while (i < mid && j < n)
		tmp[k++] = cmp_code(&ix[i], &ix[j], procs) <= 0 ? ix[i++] : ix[j++];
	while (i < mid)
		tmp[k++] = ix[i++];
	while (j < n)
		tmp[k++] = ix[j++];
	memcpy(ix, tmp, n * sizeof *ix);
}

/* Position of `code` in the file, or -1. */
static long
file_find(const struct catalog_file *f, const char *code)
{
	size_t lo = 0, hi = f->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(f->procs[f->order[mid]].code, code);

		if (c == 0)
			return (long)f->order[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int
file_parse(sqlite3 *db, const char *json, struct catalog_file *f, struct mc_err *err)
{
	struct reader r;
	struct jval v[T_N] = { 0 };
	struct where top = { 0 };
	sqlite3_stmt *st;
	size_t *tmp;
	int rc = -1, step;

	memset(f, 0, sizeof *f);
	if (!vntext_valid_utf8(json, strlen(json)))
		return err_set(err, MC_EINVAL, _("the catalog file is not valid "
		    "UTF-8: ask the issuer for a UTF-8 file, or convert it "
		    "(nothing was changed)"));
	if (reader_open(&r, db, err) < 0)
		return -1;
	/* json_type() fails on malformed text: ask json_valid() alone first */
	if (db_prepare(db, "SELECT json_valid(?1), CASE WHEN json_valid(?1) "
	    "THEN json_type(?1) END", &st, err) < 0)
		goto out;
	if (sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		db_fail(db, err, _("reading the catalog"));
		sqlite3_finalize(st);
		goto out;
	}
	if (sqlite3_column_int(st, 0) != 1) {
		sqlite3_finalize(st);
		err_set(err, MC_EINVAL, _("the catalog file is not valid JSON (cut "
		    "short, or not a catalog at all): check that you chose the "
		    "right file (nothing was changed)"));
		goto out;
	}
	if (sqlite3_column_text(st, 1) == NULL ||
	    strcmp((const char *)sqlite3_column_text(st, 1), "object") != 0) {
		sqlite3_finalize(st);
		err_set(err, MC_EINVAL, _("the catalog file is JSON but not a "
		    "catalog (it must be one object { \"format\": "
		    "\"motcua-catalog\", … }): check that you chose the right "
		    "file (nothing was changed)"));
		goto out;
	}
	sqlite3_finalize(st);

	if (read_object(r.each[0], json, top_fields, T_N, v, &top, err) < 0)
		goto out;
	if (strcmp(v[T_FORMAT].text, CATALOG_FORMAT) != 0) {
		err_set(err, MC_EINVAL, _("this file is not a motcua catalog "
		    "(\"format\" is \"%s\", not \"%s\"): check that you chose the "
		    "right file (nothing was changed)"), v[T_FORMAT].text,
		    CATALOG_FORMAT);
		goto out;
	}
	if (v[T_FVERSION].num > CATALOG_FORMAT_VERSION) {
		err_set(err, MC_EINVAL, _("this catalog uses format version %lld, "
		    "newer than this motcua reads (%d): install a newer motcua "
		    "(nothing was changed)"), v[T_FVERSION].num,
		    CATALOG_FORMAT_VERSION);
		goto out;
	}
	if (v[T_FVERSION].num < 1) {
		bad(err, &top, "format_version", _("must be 1"));
		goto out;
	}
	if (v[T_VERSION].num < 1) {
		bad(err, &top, "version", _("must be a whole number, 1 or more"));
		goto out;
	}
	f->version = v[T_VERSION].num;
	f->issued = take_text(&v[T_ISSUED]);
	f->issuer = take_text(&v[T_ISSUER]);
	f->note = take_text(&v[T_NOTE]);
	f->sample = v[T_SAMPLE].present && v[T_SAMPLE].num != 0;

	/* the procedures, in file order */
	sqlite3_reset(r.elems[0]);
	if (sqlite3_bind_text(r.elems[0], 1, v[T_PROCS].text, -1,
	    SQLITE_STATIC) != SQLITE_OK) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		goto out;
	}
	while ((step = sqlite3_step(r.elems[0])) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(r.elems[0], 0);
		const unsigned char *obj = sqlite3_column_text(r.elems[0], 1);
		struct mc_procedure *np;
		char *text;
		int prc;

		if (type == NULL || obj == NULL || strcmp(type, "object") != 0) {
			struct where w = { .index = (int)f->n + 1 };
			bad(err, &w, "procedures", _("entry must be an object "
			    "{ \"code\": …, \"name\": …, … }"));
			goto out;
		}
		np = realloc(f->procs, (f->n + 1) * sizeof *f->procs);
		if (np == NULL || (text = strdup((const char *)obj)) == NULL) {
			if (np != NULL)
				f->procs = np;
			err_set(err, MC_ENOMEM, _("out of memory"));
			goto out;
		}
		f->procs = np;
		prc = read_procedure(&r, text, (int)f->n + 1, &f->procs[f->n], err);
		free(text);
		if (prc < 0)
			goto out;
		f->n++;
	}
	if (step != SQLITE_DONE) {
		db_fail(db, err, _("reading the catalog"));
		goto out;
	}
	if (f->n == 0) {
		err_set(err, MC_EINVAL, _("the catalog file lists no procedures; "
		    "a catalog is the issuer's whole list, so an empty one would "
		    "abolish everything: check the file (nothing was changed)"));
		goto out;
	}

	/* duplicate codes */
	f->order = malloc(f->n * sizeof *f->order);
	tmp = malloc(f->n * sizeof *tmp);
	if (f->order == NULL || tmp == NULL) {
		free(tmp);
		err_set(err, MC_ENOMEM, _("out of memory"));
		goto out;
	}
	for (size_t i = 0; i < f->n; i++)
		f->order[i] = i;
	sort_indices(f->order, tmp, f->n, f->procs);
	free(tmp);
	for (size_t i = 1; i < f->n; i++) {
		size_t a = f->order[i - 1], b = f->order[i];

		if (strcmp(f->procs[a].code, f->procs[b].code) == 0) {
			size_t hi = a > b ? a : b, lo = a < b ? a : b;

			err_set(err, MC_EINVAL, _("catalog file, procedure %s (no. %zu): "
			    "\"code\" is the same as procedure no. %zu; each code may "
			    "appear once: correct the file and import it again "
			    "(nothing was changed)"), f->procs[hi].code, hi + 1, lo + 1);
			goto out;
		}
	}
	rc = 0;
out:
	vals_free(v, T_N);
	reader_close(&r);
	if (rc < 0)
		file_free(f);
	return rc;
}

/* ---- the store ---------------------------------------------------------- */

#define PROC_COLS "code, name, field, level, time_limit, fee, fee_note, " \
	"result, legal_basis, effective, abolished"

struct loader {
	sqlite3_stmt *proc, *docs;
};

static void
loader_close(struct loader *l)
{
	sqlite3_finalize(l->proc);
	sqlite3_finalize(l->docs);
	l->proc = l->docs = NULL;
}

static int
loader_open(struct loader *l, sqlite3 *db, struct mc_err *err)
{
	l->proc = l->docs = NULL;
	if (db_prepare(db, "SELECT " PROC_COLS " FROM procedure WHERE code = ?1",
	    &l->proc, err) < 0 ||
	    db_prepare(db, "SELECT position, name, form, quantity, required "
	    "FROM procedure_document WHERE procedure_code = ?1 ORDER BY position",
	    &l->docs, err) < 0) {
		loader_close(l);
		return -1;
	}
	return 0;
}

/* 1 found, 0 not held, -1 error. */
static int
loader_get(struct loader *l, const char *code, struct mc_procedure *p,
    struct mc_err *err)
{
	sqlite3 *db = sqlite3_db_handle(l->proc);
	sqlite3_stmt *st = l->proc;
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
	p->code = dup_or_null(sqlite3_column_text(st, 0));
	p->name = dup_or_null(sqlite3_column_text(st, 1));
	p->field = dup_or_null(sqlite3_column_text(st, 2));
	p->level = dup_or_null(sqlite3_column_text(st, 3));
	p->time_limit = dup_or_null(sqlite3_column_text(st, 4));
	p->fee = sqlite3_column_int64(st, 5);
	p->fee_note = dup_or_null(sqlite3_column_text(st, 6));
	p->result = dup_or_null(sqlite3_column_text(st, 7));
	p->legal_basis = dup_or_null(sqlite3_column_text(st, 8));
	p->effective = dup_or_null(sqlite3_column_text(st, 9));
	p->abolished = dup_or_null(sqlite3_column_text(st, 10));
	sqlite3_reset(st);
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
		d->name = dup_or_null(sqlite3_column_text(st, 1));
		p->ndocs++;
		if (d->name == NULL)
			goto nomem;
		if (catalog_form_parse((const char *)sqlite3_column_text(st, 2),
		    &d->form) < 0)
			d->form = MC_FORM_COPY;	/* the CHECK makes this impossible */
		d->quantity = sqlite3_column_int(st, 3);
		d->required = sqlite3_column_int(st, 4) != 0;
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
	struct loader l;
	int rc;

	memset(p, 0, sizeof *p);
	if (loader_open(&l, db, err) < 0)
		return -1;
	rc = loader_get(&l, code, p, err);
	loader_close(&l);
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
	    !str_eq(a->abolished, b->abolished) || a->ndocs != b->ndocs)
		return false;
	for (size_t i = 0; i < a->ndocs; i++)
		if (!str_eq(a->docs[i].name, b->docs[i].name) ||
		    a->docs[i].form != b->docs[i].form ||
		    a->docs[i].quantity != b->docs[i].quantity ||
		    a->docs[i].required != b->docs[i].required)
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
	    "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) ON CONFLICT (code) DO UPDATE "
	    "SET name = ?2, field = ?3, level = ?4, time_limit = ?5, fee = ?6, "
	    "fee_note = ?7, result = ?8, legal_basis = ?9, effective = ?10, "
	    "abolished = ?11, position = ?12, version = ?13, name_fold = ?14, "
	    "field_fold = ?15", &w->upsert, err) < 0 ||
	    db_prepare(db, "DELETE FROM procedure_document WHERE procedure_code = ?1",
	    &w->deldocs, err) < 0 ||
	    db_prepare(db, "INSERT INTO procedure_document (procedure_code, "
	    "position, name, form, quantity, required) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?6)", &w->adddoc, err) < 0 ||
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
	    bind_text_or_null(w->upsert, 15, ffold) != SQLITE_OK) {
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
		    sqlite3_bind_int(w->adddoc, 6, d->required) != SQLITE_OK) {
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
		if (file_find(f, code) >= 0)
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
file_apply(sqlite3 *db, const struct catalog_file *f, struct catalog_stats *st,
    struct mc_err *err)
{
	struct db_tx tx;
	struct loader l = { 0 };
	struct writer w = { 0 };
	char held[32];
	char num[32];
	int rc = -1;

	if (db_tx_begin(db, &tx, err) < 0)
		return -1;
	if (db_meta_get(db, "catalog_version", held, sizeof held) == 0 &&
	    strtoll(held, NULL, 10) > f->version) {
		err_set(err, MC_ECONFLICT, _("this catalog is version %lld, older "
		    "than version %s already in use: import the newest catalog "
		    "(nothing was changed)"), f->version, held);
		goto out;
	}
	if (loader_open(&l, db, err) < 0 || writer_open(&w, db, err) < 0)
		goto out;
	for (size_t i = 0; i < f->n; i++) {
		const struct mc_procedure *p = &f->procs[i];
		struct mc_procedure old;
		int found = loader_get(&l, p->code, &old, err);
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
	loader_close(&l);
	writer_close(&w);
	return db_tx_commit(&tx, err);
out:
	loader_close(&l);
	writer_close(&w);
	db_tx_rollback(&tx);
	return rc;
}

int
catalog_import_json(sqlite3 *db, const char *json, struct catalog_stats *st,
    struct mc_err *err)
{
	struct catalog_file f;
	struct catalog_stats s = { 0 };
	int rc;

	if (st != NULL)
		memset(st, 0, sizeof *st);
	if (file_parse(db, json, &f, err) < 0)
		return -1;
	rc = file_apply(db, &f, &s, err);
	file_free(&f);
	if (rc == 0 && st != NULL)
		*st = s;
	return rc;
}

int
catalog_import_file(sqlite3 *db, const char *path, struct catalog_stats *st,
    struct mc_err *err)
{
	FILE *fp;
	struct stat sb;
	char *buf;
	size_t n;
	int rc;

	if (st != NULL)
		memset(st, 0, sizeof *st);
	fp = fopen(path, "rb");
	if (fp == NULL)
		return err_set(err, MC_EIO, _("cannot open %s (%s): check the name "
		    "and that the USB stick is in"), path, strerror(errno));
	if (fstat(fileno(fp), &sb) < 0 || !S_ISREG(sb.st_mode)) {
		fclose(fp);
		return err_set(err, MC_EIO, _("%s is not a file: give the path of "
		    "the catalog file"), path);
	}
	if (sb.st_size > CATALOG_MAX_BYTES) {
		fclose(fp);
		return err_set(err, MC_EINVAL, _("%s is too large to be a catalog "
		    "(%lld bytes): check that you chose the right file"), path,
		    (long long)sb.st_size);
	}
	buf = malloc((size_t)sb.st_size + 1);
	if (buf == NULL) {
		fclose(fp);
		return err_set(err, MC_ENOMEM, _("out of memory"));
	}
	n = fread(buf, 1, (size_t)sb.st_size, fp);
	if (ferror(fp)) {
		free(buf);
		fclose(fp);
		return err_set(err, MC_EIO, _("cannot read %s: copy the file again "
		    "and retry"), path);
	}
	fclose(fp);
	buf[n] = '\0';
	if (strlen(buf) != n) {
		free(buf);
		return err_set(err, MC_EINVAL, _("%s contains NUL bytes, so it is "
		    "not a catalog (damaged, or not text): check that you chose "
		    "the right file (nothing was changed)"), path);
	}
	rc = catalog_import_json(db, buf, st, err);
	free(buf);
	return rc;
}

/* ---- writing JSON -------------------------------------------------------- */

struct sbuf {
	char *p;
	size_t len, cap;
	bool oom;
};

static void
sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 1024;
		char *np;

		while (b->len + n + 1 > cap)
			cap *= 2;
		np = realloc(b->p, cap);
		if (np == NULL) {
			b->oom = true;
			return;
		}
		b->p = np;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
sb_puts(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static void
sb_indent(struct sbuf *b, int n)
{
	while (n-- > 0)
		sb_add(b, " ", 1);
}

/* A JSON string literal; UTF-8 passes through unchanged. */
static void
sb_str(struct sbuf *b, const char *s)
{
	sb_add(b, "\"", 1);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		char esc[8];

		switch (c) {
		case '"': sb_add(b, "\\\"", 2); break;
		case '\\': sb_add(b, "\\\\", 2); break;
		case '\n': sb_add(b, "\\n", 2); break;
		case '\r': sb_add(b, "\\r", 2); break;
		case '\t': sb_add(b, "\\t", 2); break;
		case '\b': sb_add(b, "\\b", 2); break;
		case '\f': sb_add(b, "\\f", 2); break;
		default:
			if (c < 0x20) {
				snprintf(esc, sizeof esc, "\\u%04x", c);
				sb_puts(b, esc);
			} else {
				sb_add(b, s, 1);
			}
		}
	}
	sb_add(b, "\"", 1);
}

static void
sb_key_str(struct sbuf *b, int indent, const char *key, const char *val, bool comma)
{
	sb_indent(b, indent);
	sb_str(b, key);
	sb_puts(b, ": ");
	sb_str(b, val);
	sb_puts(b, comma ? ",\n" : "\n");
}

static void
sb_key_num(struct sbuf *b, int indent, const char *key, long long val)
{
	char num[32];

	snprintf(num, sizeof num, "%lld", val);
	sb_indent(b, indent);
	sb_str(b, key);
	sb_puts(b, ": ");
	sb_puts(b, num);
	sb_puts(b, ",\n");
}

/* The object without a trailing newline; `indent` is where "{" sits. */
static void
sb_procedure(struct sbuf *b, const struct mc_procedure *p, int indent)
{
	int in = indent + 2;

	sb_puts(b, "{\n");
	sb_key_str(b, in, "code", p->code, true);
	sb_key_str(b, in, "name", p->name, true);
	sb_key_str(b, in, "field", p->field, true);
	sb_key_str(b, in, "level", p->level, true);
	sb_key_str(b, in, "time_limit", p->time_limit, true);
	sb_key_num(b, in, "fee", p->fee);
	if (p->fee_note != NULL)
		sb_key_str(b, in, "fee_note", p->fee_note, true);
	sb_key_str(b, in, "result", p->result, true);
	sb_key_str(b, in, "legal_basis", p->legal_basis, true);
	if (p->effective != NULL)
		sb_key_str(b, in, "effective", p->effective, true);
	if (p->abolished != NULL)
		sb_key_str(b, in, "abolished", p->abolished, true);
	sb_indent(b, in);
	if (p->ndocs == 0) {
		sb_puts(b, "\"documents\": []\n");
	} else {
		sb_puts(b, "\"documents\": [\n");
		for (size_t i = 0; i < p->ndocs; i++) {
			const struct mc_document *d = &p->docs[i];
			char num[16];

			sb_indent(b, in + 2);
			sb_puts(b, "{\"name\": ");
			sb_str(b, d->name);
			sb_puts(b, ", \"form\": ");
			sb_str(b, catalog_form_name(d->form));
			snprintf(num, sizeof num, "%d", d->quantity);
			sb_puts(b, ", \"quantity\": ");
			sb_puts(b, num);
			sb_puts(b, d->required ? ", \"required\": true}" :
			    ", \"required\": false}");
			sb_puts(b, i + 1 < p->ndocs ? ",\n" : "\n");
		}
		sb_indent(b, in);
		sb_puts(b, "]\n");
	}
	sb_indent(b, indent);
	sb_puts(b, "}");
}

char *
catalog_procedure_json(const struct mc_procedure *p, int indent)
{
	struct sbuf b = { 0 };

	sb_procedure(&b, p, indent);
	if (b.oom) {
		free(b.p);
		return NULL;
	}
	return b.p;
}

char *
catalog_export_json(sqlite3 *db, struct mc_err *err)
{
	struct sbuf b = { 0 };
	struct loader l;
	sqlite3_stmt *q = NULL;
	char version[32], issued[16], issuer[1024], sample[8], note[2048];
	bool first = true;
	int rc;

	if (db_meta_get(db, "catalog_version", version, sizeof version) < 0) {
		err_set(err, MC_ENOTFOUND, _("no catalog has been imported yet: "
		    "import one with \"motcua catalog import FILE\""));
		return NULL;
	}
	(void)db_meta_get(db, "catalog_issued", issued, sizeof issued);
	(void)db_meta_get(db, "catalog_issuer", issuer, sizeof issuer);
	(void)db_meta_get(db, "catalog_sample", sample, sizeof sample);
	(void)db_meta_get(db, "catalog_note", note, sizeof note);
	if (loader_open(&l, db, err) < 0)
		return NULL;
	if (db_prepare(db, "SELECT code FROM procedure ORDER BY position, code",
	    &q, err) < 0)
		goto fail;

	sb_puts(&b, "{\n");
	sb_key_str(&b, 2, "format", CATALOG_FORMAT, true);
	sb_key_num(&b, 2, "format_version", CATALOG_FORMAT_VERSION);
	sb_key_num(&b, 2, "version", strtoll(version, NULL, 10));
	sb_key_str(&b, 2, "issued", issued, true);
	sb_key_str(&b, 2, "issuer", issuer, true);
	sb_puts(&b, strcmp(sample, "1") == 0 ? "  \"sample\": true,\n" :
	    "  \"sample\": false,\n");
	if (note[0] != '\0')
		sb_key_str(&b, 2, "note", note, true);
	sb_puts(&b, "  \"procedures\": [");
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(q, 0);
		struct mc_procedure p;

		if (code == NULL || loader_get(&l, code, &p, err) != 1) {
			if (code == NULL)
				err_set(err, MC_ENOMEM, _("out of memory"));
			goto fail;
		}
		sb_puts(&b, first ? "\n    " : ",\n    ");
		first = false;
		sb_procedure(&b, &p, 4);
		catalog_procedure_free(&p);
	}
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("reading the catalog"));
		goto fail;
	}
	sb_puts(&b, first ? "]\n}\n" : "\n  ]\n}\n");
	if (b.oom) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		goto fail;
	}
	sqlite3_finalize(q);
	loader_close(&l);
	return b.p;
fail:
	sqlite3_finalize(q);
	loader_close(&l);
	free(b.p);
	return NULL;
}

/* ---- search --------------------------------------------------------------- */

int
catalog_search(sqlite3 *db, const char *search, bool all,
    catalog_visit_fn fn, void *arg, struct mc_err *err)
{
	struct loader l;
	sqlite3_stmt *q = NULL;
	char *folded = NULL, **words = NULL;
	size_t nwords = 0;
	int rc, ret = -1;

	if (search != NULL && search[0] != '\0') {
		char *save = NULL, *w;

		if ((folded = vntext_fold(search, err)) == NULL)
			return -1;
		for (w = strtok_r(folded, " ", &save); w != NULL;
		    w = strtok_r(NULL, " ", &save)) {
			char **nw = realloc(words, (nwords + 1) * sizeof *words);

			if (nw == NULL) {
				err_set(err, MC_ENOMEM, _("out of memory"));
				goto out_words;
			}
			words = nw;
			words[nwords++] = w;
		}
	}
	if (loader_open(&l, db, err) < 0)
		goto out_words;
	if (db_prepare(db, all ?
	    "SELECT code, name_fold, field_fold FROM procedure "
	    "ORDER BY position, code" :
	    "SELECT code, name_fold, field_fold FROM procedure "
	    "WHERE abolished IS NULL ORDER BY position, code", &q, err) < 0)
		goto out;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(q, 0);
		const char *nf = (const char *)sqlite3_column_text(q, 1);
		const char *ff = (const char *)sqlite3_column_text(q, 2);
		struct mc_procedure p;
		bool match = code != NULL && nf != NULL && ff != NULL;
		char lcode[72];
		int stop;

		/* every word must appear in the code, the name or the field;
		 * codes are ASCII (code_valid), so lower case is their fold */
		if (match) {
			size_t i;

			for (i = 0; code[i] != '\0' && i + 1 < sizeof lcode; i++)
				lcode[i] = (code[i] >= 'A' && code[i] <= 'Z') ?
				    (char)(code[i] - 'A' + 'a') : code[i];
			lcode[i] = '\0';
		}
		for (size_t i = 0; match && i < nwords; i++)
			match = strstr(lcode, words[i]) != NULL ||
			    strstr(nf, words[i]) != NULL ||
			    strstr(ff, words[i]) != NULL;
		if (!match)
			continue;
		if (loader_get(&l, code, &p, err) != 1) {
			err_set(err, MC_ESTORE, _("the catalog changed while being "
			    "read: try again"));
			goto out;
		}
		stop = fn(&p, arg);
		catalog_procedure_free(&p);
		if (stop)
			break;
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		db_fail(db, err, _("reading the catalog"));
		goto out;
	}
	ret = 0;
out:
	sqlite3_finalize(q);
	loader_close(&l);
out_words:
	free(words);
	free(folded);
	return ret;
}

int
catalog_list(sqlite3 *db, const char *search, catalog_visit_fn fn, void *arg,
    struct mc_err *err)
{
	return catalog_search(db, search, false, fn, arg, err);
}

/* ---- the in-memory index of the procedure picker ------------------------ */

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
