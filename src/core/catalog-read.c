/* catalog-read.c — reading and checking a catalog file (doc/catalog-format.md).
 *
 * The file is read with the imports' JSON reader (json-int.h): each object
 * against a field spec, so unknown, repeated, missing and mistyped keys are
 * all refused, and every message names the procedure (its code when it has
 * a usable one, its number always) and the field.  Nothing here touches the
 * store: catalog.c applies the parsed file. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog-int.h"
#include "json-int.h"
#include "motcua/calendar.h"
#include "motcua/format.h"
#include "motcua/date.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/vntext.h"

#define CATALOG_MAX_FEE 1000000000000LL		/* 10^12 đồng: a typo beyond */
#define CATALOG_MAX_QUANTITY 99
/* Content limits (doc/catalog-format.md, "Limits"): generous for real
 * Vietnamese names (the longest in the sample is 169 characters), yet
 * they keep one hostile file from making every receipt copy megabytes.
 * In characters, as stored. */
#define MAX_PROC_NAME 500
#define MAX_DOC_NAME CATALOG_MAX_DOC_NAME
#define MAX_FIELD 200			/* "field" (lĩnh vực), "issuer" */
#define MAX_WORD 64			/* level, time_limit, form, format, dates */
#define MAX_PROSE 2000			/* result, fee_note */
#define MAX_LONG 4000			/* legal_basis */
#define MAX_NOTE 500			/* the catalog's note: export reads it back
					 * into 2048 bytes (catalog-write.c) */

static const char *const level_names[] = {
	"commune", "district", "province", "central", NULL
};

/* calendar-limit.c owns the meaning of a time limit: whatever it accepts
 * ("3 days", "3 ngày làm việc", "same day", …) is stored in its canonical
 * spelling, so the catalog and the due-date code can never disagree. */
static int
limit_canon(const char *s, char *buf, size_t n)
{
	struct mc_limit l;

	if (calendar_limit_parse(s, &l, NULL) < 0)
		return -1;
	format_limit(&l, FORMAT_DATA, buf, n);
	return 0;
}

/* ---- messages ------------------------------------------------------------ */

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

/* json_field.tag: what the catalog checks beyond the JSON type. */
enum { C_PLAIN, C_CODE, C_DATE, C_FEE, C_QUANTITY, C_DOCS };

static int
complain(const void *where, const struct json_problem *p, struct mc_err *err)
{
	const char *problem = "";

	switch (p->fault) {
	case JSON_UNKNOWN:
		problem = _("is not a field of the catalog format (misspelt?)");
		break;
	case JSON_TWICE:
		problem = _("appears twice");
		break;
	case JSON_MISSING:
		problem = _("is missing");
		break;
	case JSON_NULL:
		problem = _("is null; give it a value");
		break;
	case JSON_WRONG_TYPE:
		switch (p->field->kind) {
		case JSON_TEXT:
			problem = p->field->tag == C_DATE ?
			    _("must be a date in quotes, \"YYYY-MM-DD\"") :
			    _("must be text in quotes");
			break;
		case JSON_INT:
			problem = _("must be a whole number");
			break;
		case JSON_BOOL:
			problem = _("must be true or false");
			break;
		case JSON_ARRAY:
			problem = _("must be a list in [ ]");
			break;
		}
		break;
	case JSON_OUT_OF_RANGE:
		if (p->field->tag == C_DOCS) {
			char many[200];

			snprintf(many, sizeof many, _("lists %lld documents, more "
			    "than the %d a procedure may have"), p->value->num,
			    CATALOG_MAX_DOCS);
			return bad(err, where, p->key, many);
		}
		problem = p->field->tag == C_FEE ?
		    _("must be 0 or more đồng (0 when free)") :
		    _("must be a whole number from 1 to 99");
		break;
	case JSON_EMPTY:
		problem = _("is empty; fill it in");
		break;
	case JSON_NUL:
		problem = _("contains a NUL character");
		break;
	case JSON_BAD_TEXT:
		problem = _("is not valid UTF-8");
		break;
	case JSON_NOT_PLAIN: {
		/* err holds vntext_check_plain's reason */
		char why[sizeof err->msg];

		snprintf(why, sizeof why, "%s", err != NULL ? err->msg : "");
		return bad(err, where, p->key, why);
	}
	}
	return bad(err, where, p->key, problem);
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

static int
check(const void *where, const struct json_field *f, struct json_value *v,
    struct mc_err *err)
{
	int jdn;

	if (f->tag == C_CODE && !code_valid(v->text))
		return bad(err, where, f->key,
		    _("must be 1 to 64 letters, digits, dots, dashes or "
		    "underscores, like \"1.001193\""));
	if (f->tag == C_DATE && (strlen(v->text) != 10 ||
	    date_parse(v->text, &jdn) < 0))
		return bad(err, where, f->key,
		    _("is not a real date written YYYY-MM-DD"));
	return 0;
}

/* ---- the field specs ------------------------------------------------------- */

#define REQ JSON_REQUIRED
#define OPT_NULL (JSON_NULLABLE | JSON_EMPTY_OK)	/* null or "" mean none */

enum { D_NAME, D_FORM, D_QUANTITY, D_REQUIRED, D_CONDITION, D_N };
static const struct json_field doc_fields[D_N] = {
	[D_NAME] = { "name", JSON_TEXT, REQ, 0, MAX_DOC_NAME, C_PLAIN },
	[D_FORM] = { "form", JSON_TEXT, REQ, 0, MAX_WORD, C_PLAIN },
	[D_QUANTITY] = { "quantity", JSON_INT, REQ | JSON_LIMITS, 1,
	    CATALOG_MAX_QUANTITY, C_QUANTITY },
	[D_REQUIRED] = { "required", JSON_BOOL, REQ, 0, 0, C_PLAIN },
	/* when a document that is not required is needed: "trường hợp …" */
	[D_CONDITION] = { "condition", JSON_TEXT, OPT_NULL, 0, MAX_DOC_NAME,
	    C_PLAIN },
};

enum {
	P_CODE, P_NAME, P_FIELD, P_LEVEL, P_LIMIT, P_FEE, P_FEE_NOTE, P_RESULT,
	P_LEGAL, P_EFFECTIVE, P_ABOLISHED, P_DOCS, P_DECIDED_BY, P_ROUTING, P_N
};
static const struct json_field proc_fields[P_N] = {
	[P_CODE] = { "code", JSON_TEXT, REQ, 0, 0, C_CODE },
	[P_NAME] = { "name", JSON_TEXT, REQ, 0, MAX_PROC_NAME, C_PLAIN },
	[P_FIELD] = { "field", JSON_TEXT, REQ, 0, MAX_FIELD, C_PLAIN },
	[P_LEVEL] = { "level", JSON_TEXT, REQ, 0, MAX_WORD, C_PLAIN },
	[P_LIMIT] = { "time_limit", JSON_TEXT, REQ, 0, MAX_WORD, C_PLAIN },
	[P_FEE] = { "fee", JSON_INT, REQ | JSON_LIMITS, 0, CATALOG_MAX_FEE, C_FEE },
	[P_FEE_NOTE] = { "fee_note", JSON_TEXT, OPT_NULL, 0, MAX_PROSE, C_PLAIN },
	[P_RESULT] = { "result", JSON_TEXT, REQ, 0, MAX_PROSE, C_PLAIN },
	[P_LEGAL] = { "legal_basis", JSON_TEXT, REQ, 0, MAX_LONG, C_PLAIN },
	[P_EFFECTIVE] = { "effective", JSON_TEXT, JSON_NULLABLE, 0, MAX_WORD,
	    C_DATE },
	[P_ABOLISHED] = { "abolished", JSON_TEXT, JSON_NULLABLE, 0, MAX_WORD,
	    C_DATE },
	[P_DOCS] = { "documents", JSON_ARRAY, REQ | JSON_LIMITS, 0,
	    CATALOG_MAX_DOCS, C_DOCS },
	/* the deciding body, and whether this unit decides or forwards */
	[P_DECIDED_BY] = { "decided_by", JSON_TEXT, OPT_NULL, 0, CATALOG_MAX_BODY,
	    C_PLAIN },
	[P_ROUTING] = { "routing", JSON_TEXT, JSON_NULLABLE, 0, MAX_WORD, C_PLAIN },
};

enum {
	T_FORMAT, T_FVERSION, T_VERSION, T_ISSUED, T_ISSUER, T_SAMPLE, T_NOTE,
	T_PROCS, T_N
};
static const struct json_field top_fields[T_N] = {
	[T_FORMAT] = { "format", JSON_TEXT, REQ, 0, MAX_WORD, C_PLAIN },
	[T_FVERSION] = { "format_version", JSON_INT, REQ, 0, 0, C_PLAIN },
	[T_VERSION] = { "version", JSON_INT, REQ, 0, 0, C_PLAIN },
	[T_ISSUED] = { "issued", JSON_TEXT, REQ, 0, MAX_WORD, C_DATE },
	[T_ISSUER] = { "issuer", JSON_TEXT, REQ, 0, MAX_FIELD, C_PLAIN },
	[T_SAMPLE] = { "sample", JSON_BOOL, 0, 0, 0, C_PLAIN },
	[T_NOTE] = { "note", JSON_TEXT, OPT_NULL, 0, MAX_NOTE, C_PLAIN },
	[T_PROCS] = { "procedures", JSON_ARRAY, REQ, 0, 0, C_PLAIN },
};

static const struct json_object_spec doc_spec = {
	doc_fields, D_N, false, complain, check
};
static const struct json_object_spec proc_spec = {
	proc_fields, P_N, false, complain, check
};
static const struct json_object_spec top_spec = {
	top_fields, T_N, false, complain, check
};

/* ---- procedures and their documents ----------------------------------- */

struct reader {
	struct json_reader j;
	sqlite3_stmt *code;	/* $.code of a procedure, for messages */
	struct catalog_file *f;
};

struct proc_read {
	struct reader *r;
	struct mc_procedure *p;
	struct where *w;
};

static int
read_document(void *arg, int index, const char *type, const char *json,
    struct mc_err *err)
{
	struct proc_read *c = arg;
	struct mc_procedure *p = c->p;
	struct json_value v[D_N];
	struct mc_document *nd = NULL;
	enum mc_docform form = MC_FORM_COPY;
	int rc;

	if (strcmp(type, "object") != 0) {
		char problem[200];

		snprintf(problem, sizeof problem, _("entry %d must be an "
		    "object { \"name\": …, \"form\": …, \"quantity\": …, "
		    "\"required\": … }"), index + 1);
		c->w->doc = 0;
		return bad(err, c->w, "documents", problem);
	}
	c->w->doc = index + 1;
	rc = json_object_read(&c->r->j, json, &doc_spec, v, c->w, err);
	if (rc == 0 && catalog_form_parse(v[D_FORM].text, &form) < 0)
		rc = bad(err, c->w, "form", _("must be \"original\", "
		    "\"certified_copy\" or \"copy\""));
	/* a condition says when a document is needed: a required one
	 * always is, and `a` at the counter ticks it with the others */
	if (rc == 0 && v[D_CONDITION].text != NULL &&
	    v[D_CONDITION].text[0] != '\0' && v[D_REQUIRED].num != 0)
		rc = bad(err, c->w, "condition", _("is for a document that is "
		    "needed only in some cases: set \"required\": false, or "
		    "leave the condition out"));
	if (rc == 0 && (nd = realloc(p->docs, (p->ndocs + 1) * sizeof *nd)) == NULL)
		rc = err_set(err, MC_ENOMEM, _("out of memory"));
	if (rc == 0) {
		struct mc_document *d = &nd[p->ndocs++];

		p->docs = nd;
		d->position = index + 1;
		d->name = json_value_take(&v[D_NAME]);
		d->form = form;
		d->quantity = (int)v[D_QUANTITY].num;
		d->required = v[D_REQUIRED].num != 0;
		d->condition = json_value_take(&v[D_CONDITION]);
		if (d->condition != NULL && d->condition[0] == '\0') {
			free(d->condition);	/* "" and null: no condition */
			d->condition = NULL;
		}
	}
	json_values_free(v, D_N);
	return rc;
}

/* The procedure's code into *code if it is usable (else NULL), before
 * anything else is read: so that every message about it can name it. */
static int
code_of(struct reader *r, const char *obj, char **code, struct mc_err *err)
{
	*code = NULL;
	if (r->code == NULL && db_prepare(r->j.db, "SELECT json_type(?1, "
	    "'$.code'), json_extract(?1, '$.code')", &r->code, err) < 0)
		return -1;
	sqlite3_reset(r->code);
	if (sqlite3_bind_text(r->code, 1, obj, -1, SQLITE_STATIC) != SQLITE_OK)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	if (sqlite3_step(r->code) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(r->code, 0);
		const char *c = (const char *)sqlite3_column_text(r->code, 1);

		if (t != NULL && c != NULL && strcmp(t, "text") == 0 &&
		    vntext_valid_utf8(c, strlen(c)) && code_valid(c))
			*code = strdup(c);
	}
	sqlite3_reset(r->code);
	return 0;
}

static int
read_procedure(struct reader *r, const char *obj, int index,
    struct mc_procedure *p, struct mc_err *err)
{
	struct json_value v[P_N];
	struct where w = { .index = index };
	struct proc_read c = { r, p, &w };
	char *code, limit[32];
	int rc = -1, i;

	memset(p, 0, sizeof *p);
	memset(v, 0, sizeof v);
	if (code_of(r, obj, &code, err) < 0)
		return -1;
	w.code = code;
	if (json_object_read(&r->j, obj, &proc_spec, v, &w, err) < 0)
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
	if (v[P_ROUTING].text != NULL && strcmp(v[P_ROUTING].text, "decide") != 0 &&
	    strcmp(v[P_ROUTING].text, "forward") != 0) {
		bad(err, &w, "routing", _("must be \"decide\" (this unit decides it) "
		    "or \"forward\" (received here, sent on to the deciding body)"));
		goto out;
	}
	p->forward = v[P_ROUTING].text != NULL &&
	    strcmp(v[P_ROUTING].text, "forward") == 0;
	if (p->forward && (v[P_DECIDED_BY].text == NULL ||
	    v[P_DECIDED_BY].text[0] == '\0')) {
		bad(err, &w, "decided_by", _("is needed for a procedure with "
		    "\"routing\": \"forward\": name the body it is sent to"));
		goto out;
	}
	free(v[P_LIMIT].text);
	if ((v[P_LIMIT].text = strdup(limit)) == NULL) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		goto out;
	}
	p->code = json_value_take(&v[P_CODE]);
	p->name = json_value_take(&v[P_NAME]);
	p->field = json_value_take(&v[P_FIELD]);
	p->level = json_value_take(&v[P_LEVEL]);
	p->time_limit = json_value_take(&v[P_LIMIT]);
	p->fee = v[P_FEE].num;
	p->fee_note = json_value_take(&v[P_FEE_NOTE]);
	if (p->fee_note != NULL && p->fee_note[0] == '\0') {
		free(p->fee_note);	/* "" and null mean the same: no note */
		p->fee_note = NULL;
	}
	p->result = json_value_take(&v[P_RESULT]);
	p->legal_basis = json_value_take(&v[P_LEGAL]);
	p->effective = json_value_take(&v[P_EFFECTIVE]);
	p->abolished = json_value_take(&v[P_ABOLISHED]);
	p->decided_by = json_value_take(&v[P_DECIDED_BY]);
	if (p->decided_by != NULL && p->decided_by[0] == '\0') {
		free(p->decided_by);	/* "" and null: not named */
		p->decided_by = NULL;
	}
	w.code = p->code;
	if (json_array_each(&r->j, v[P_DOCS].text, read_document, &c, err) != 0)
		goto out;
	rc = 0;
out:
	json_values_free(v, P_N);
	free(code);
	if (rc < 0)
		catalog_procedure_free(p);
	return rc;
}

/* One entry of "procedures", appended to the file. */
static int
read_entry(void *arg, int index, const char *type, const char *json,
    struct mc_err *err)
{
	struct reader *r = arg;
	struct catalog_file *f = r->f;
	struct mc_procedure *np;

	if (strcmp(type, "object") != 0) {
		struct where w = { .index = index + 1 };

		return bad(err, &w, "procedures", _("entry must be an object "
		    "{ \"code\": …, \"name\": …, … }"));
	}
	np = realloc(f->procs, (f->n + 1) * sizeof *f->procs);
	if (np == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	f->procs = np;
	if (read_procedure(r, json, index + 1, &f->procs[f->n], err) < 0)
		return -1;
	f->n++;
	return 0;
}

/* ---- the file ------------------------------------------------------------ */

void
catalog_file_free(struct catalog_file *f)
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

long
catalog_file_find(const struct catalog_file *f, const char *code)
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

/* Sort by code and refuse a code given twice. */
static int
check_codes(struct catalog_file *f, struct mc_err *err)
{
	size_t *tmp;

	f->order = malloc(f->n * sizeof *f->order);
	tmp = malloc(f->n * sizeof *tmp);
	if (f->order == NULL || tmp == NULL) {
		free(tmp);
		return err_set(err, MC_ENOMEM, _("out of memory"));
	}
	for (size_t i = 0; i < f->n; i++)
		f->order[i] = i;
	sort_indices(f->order, tmp, f->n, f->procs);
	free(tmp);
	for (size_t i = 1; i < f->n; i++) {
		size_t a = f->order[i - 1], b = f->order[i];

		if (strcmp(f->procs[a].code, f->procs[b].code) == 0) {
			size_t hi = a > b ? a : b, lo = a < b ? a : b;

			return err_set(err, MC_EINVAL, _("catalog file, procedure %s "
			    "(no. %zu): \"code\" is the same as procedure no. %zu; "
			    "each code may appear once: correct the file and import "
			    "it again (nothing was changed)"), f->procs[hi].code,
			    hi + 1, lo + 1);
		}
	}
	return 0;
}

int
catalog_file_parse(sqlite3 *db, const char *json, struct catalog_file *f,
    struct mc_err *err)
{
	struct reader r = { .f = f };
	struct json_value v[T_N];
	struct where top = { 0 };
	char type[JSON_TYPE_LEN];
	int rc = -1;

	memset(f, 0, sizeof *f);
	memset(v, 0, sizeof v);
	if (!vntext_valid_utf8(json, strlen(json)))
		return err_set(err, MC_EINVAL, _("the catalog file is not valid "
		    "UTF-8: ask the issuer for a UTF-8 file, or convert it "
		    "(nothing was changed)"));
	json_reader_open(&r.j, db, _("reading the catalog"));
	if (json_top_type(&r.j, json, type, err) < 0)
		goto out;
	if (type[0] == '\0') {
		err_set(err, MC_EINVAL, _("the catalog file is not valid JSON (cut "
		    "short, or not a catalog at all): check that you chose the "
		    "right file (nothing was changed)"));
		goto out;
	}
	if (strcmp(type, "object") != 0) {
		err_set(err, MC_EINVAL, _("the catalog file is JSON but not a "
		    "catalog (it must be one object { \"format\": "
		    "\"motcua-catalog\", … }): check that you chose the right "
		    "file (nothing was changed)"));
		goto out;
	}
	if (json_object_read(&r.j, json, &top_spec, v, &top, err) < 0)
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
	f->issued = json_value_take(&v[T_ISSUED]);
	f->issuer = json_value_take(&v[T_ISSUER]);
	f->note = json_value_take(&v[T_NOTE]);
	f->sample = v[T_SAMPLE].present && v[T_SAMPLE].num != 0;

	/* the procedures, in file order */
	if (json_array_each(&r.j, v[T_PROCS].text, read_entry, &r, err) != 0)
		goto out;
	if (f->n == 0) {
		err_set(err, MC_EINVAL, _("the catalog file lists no procedures; "
		    "a catalog is the issuer's whole list, so an empty one would "
		    "abolish everything: check the file (nothing was changed)"));
		goto out;
	}
	if (check_codes(f, err) < 0)
		goto out;
	rc = 0;
out:
	json_values_free(v, T_N);
	sqlite3_finalize(r.code);
	json_reader_close(&r.j);
	if (rc < 0)
		catalog_file_free(f);
	return rc;
}
