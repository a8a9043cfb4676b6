/* json.c — the one JSON reader of the imports (json-int.h says how), and
 * the reading of their files whole (json_file_read).
 *
 * Everything goes through SQLite's JSON functions: json_each walks an
 * object key by key in file order and, unlike json_extract, shows a key
 * given twice; a window count over the keys marks the second one. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "json-int.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/vntext.h"

/* Columns: key, type, value (SQL value, or JSON of an array or object),
 * entries of an array, how many times the key has been seen so far. */
#define OBJECT_SQL "SELECT key, type, value, CASE type WHEN 'array' THEN " \
	"json_array_length(value) ELSE 0 END, count(*) OVER (PARTITION BY key " \
	"ORDER BY id ROWS UNBOUNDED PRECEDING) FROM json_each(?1) ORDER BY id"
#define ARRAY_SQL "SELECT type, value FROM json_each(?1) ORDER BY id"

void
json_reader_open(struct json_reader *r, sqlite3 *db, const char *what)
{
	memset(r, 0, sizeof *r);
	r->db = db;
	r->what = what;
}

void
json_reader_close(struct json_reader *r)
{
	for (int i = 0; i <= JSON_MAX_DEPTH; i++)
		sqlite3_finalize(r->obj[i]);
	for (int i = 0; i < JSON_MAX_DEPTH; i++)
		sqlite3_finalize(r->arr[i]);
	sqlite3_finalize(r->top);
	memset(r, 0, sizeof *r);
}

/* *st prepared from sql (once) and bound to text, ready to step. */
static int
ready(struct json_reader *r, sqlite3_stmt **st, const char *sql, const char *text,
    struct mc_err *err)
{
	if (*st == NULL && db_prepare(r->db, sql, st, err) < 0)
		return -1;
	sqlite3_reset(*st);
	/* the text may belong to an outer statement's row: SQLite keeps a copy */
	if (sqlite3_bind_text(*st, 1, text, -1, SQLITE_TRANSIENT) != SQLITE_OK)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	return 0;
}

int
json_top_type(struct json_reader *r, const char *json, char type[JSON_TYPE_LEN],
    struct mc_err *err)
{
	const unsigned char *t;

	/* json_type() fails on malformed text: ask json_valid() first */
	if (ready(r, &r->top, "SELECT CASE WHEN json_valid(?1) THEN json_type(?1) "
	    "ELSE '' END", json, err) < 0)
		return -1;
	if (sqlite3_step(r->top) != SQLITE_ROW ||
	    (t = sqlite3_column_text(r->top, 0)) == NULL) {
		db_fail(r->db, err, r->what);
		sqlite3_reset(r->top);
		return -1;
	}
	snprintf(type, JSON_TYPE_LEN, "%s", (const char *)t);
	sqlite3_reset(r->top);
	return 0;
}

static int
complain(const struct json_object_spec *spec, const void *where,
    enum json_fault fault, const char *key, const struct json_field *f,
    const struct json_value *v, struct mc_err *err)
{
	struct json_problem p = { fault, key, f, v };

	return spec->complain(where, &p, err);
}

/* Pass 1: one row of json_each into its field's value, as found. */
static int
take_row(sqlite3_stmt *st, struct json_value *v, struct mc_err *err)
{
	const char *type = (const char *)sqlite3_column_text(st, 1);

	if (type == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	v->present = true;
	snprintf(v->type, sizeof v->type, "%s", type);
	v->null = strcmp(type, "null") == 0;
	if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
		const char *t = (const char *)sqlite3_column_text(st, 2);

		if (t == NULL || (v->text = strdup(t)) == NULL)
			return err_set(err, MC_ENOMEM, _("out of memory"));
		/* \u0000 inside a JSON string would cut the text short */
		v->nul = (size_t)sqlite3_column_bytes(st, 2) != strlen(t);
	}
	if (strcmp(type, "array") == 0)
		v->num = sqlite3_column_int64(st, 3);
	else if (strcmp(type, "true") == 0 || strcmp(type, "false") == 0)
		v->num = strcmp(type, "true") == 0;
	else
		v->num = sqlite3_column_int64(st, 2);
	return 0;
}

/* Pass 2: one field against its spec. */
static int
check_field(const struct json_object_spec *spec, const struct json_field *f,
    struct json_value *v, const void *where, struct mc_err *err)
{
	static const char *const kind_type[] = {
		[JSON_TEXT] = "text", [JSON_INT] = "integer",
		[JSON_BOOL] = "", [JSON_ARRAY] = "array",
	};
	bool typed;

	if (!v->present) {
		if (f->flags & JSON_REQUIRED)
			return complain(spec, where, JSON_MISSING, f->key, f, NULL, err);
		return 0;
	}
	if (v->null) {
		if (!(f->flags & JSON_NULLABLE))
			return complain(spec, where, JSON_NULL, f->key, f, v, err);
		return 0;
	}
	typed = f->kind == JSON_BOOL ? strcmp(v->type, "true") == 0 ||
	    strcmp(v->type, "false") == 0 : strcmp(v->type, kind_type[f->kind]) == 0;
	if (!typed)
		return complain(spec, where, JSON_WRONG_TYPE, f->key, f, v, err);
	if (f->kind == JSON_TEXT) {
		char *clean;

		if (v->nul)
			return complain(spec, where, JSON_NUL, f->key, f, v, err);
		/* as written, before cleaning turns a tab into a space; text
		 * that is not UTF-8 is vntext_clean's to refuse, as before */
		if (vntext_valid_utf8(v->text, strlen(v->text)) &&
		    vntext_check_plain(v->text, f->max > 0 ? (size_t)f->max : 0,
		    err) < 0)
			return err != NULL && err->kind == MC_ENOMEM ? -1 : complain(spec, where,
			    JSON_NOT_PLAIN, f->key, f, v, err);
		if (!(f->flags & JSON_RAW)) {
			if ((clean = vntext_clean(v->text, err)) == NULL)
				return complain(spec, where, JSON_BAD_TEXT, f->key,
				    f, v, err);
			free(v->text);
			v->text = clean;
		}
		if (v->text[0] == '\0' && !(f->flags & JSON_EMPTY_OK))
			return complain(spec, where, JSON_EMPTY, f->key, f, v, err);
	}
	if ((f->flags & JSON_LIMITS) && (v->num < f->min || v->num > f->max))
		return complain(spec, where, JSON_OUT_OF_RANGE, f->key, f, v, err);
	if (spec->check != NULL)
		return spec->check(where, f, v, err);
	return 0;
}

int
json_object_read(struct json_reader *r, const char *obj,
    const struct json_object_spec *spec, struct json_value *vals,
    const void *where, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(vals, 0, spec->n * sizeof *vals);
	if (ready(r, &r->obj[r->depth], OBJECT_SQL, obj, err) < 0)
		return -1;
	st = r->obj[r->depth];
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		size_t i;

		if (key == NULL) {
			sqlite3_reset(st);
			return err_set(err, MC_ENOMEM, _("out of memory"));
		}
		for (i = 0; i < spec->n; i++)
			if (strcmp(key, spec->fields[i].key) == 0)
				break;
		if (sqlite3_column_int(st, 4) > 1) {
			/* the key outlives the statement's row in the message */
			char k[128];

			snprintf(k, sizeof k, "%s", key);
			sqlite3_reset(st);
			return complain(spec, where, JSON_TWICE, k,
			    i < spec->n ? &spec->fields[i] : NULL,
			    i < spec->n ? &vals[i] : NULL, err);
		}
		if (i == spec->n) {
			char k[128];

			if (spec->others_ignored)
				continue;
			snprintf(k, sizeof k, "%s", key);
			sqlite3_reset(st);
			return complain(spec, where, JSON_UNKNOWN, k, NULL, NULL, err);
		}
		if (take_row(st, &vals[i], err) < 0) {
			sqlite3_reset(st);
			return -1;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(r->db, err, r->what);
	for (size_t i = 0; i < spec->n; i++)
		if (check_field(spec, &spec->fields[i], &vals[i], where, err) < 0)
			return -1;
	return 0;
}

void
json_values_free(struct json_value *vals, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(vals[i].text);
		vals[i].text = NULL;
	}
}

char *
json_value_take(struct json_value *v)
{
	char *s = v->text;	/* NULL for null: json_each gives no value */

	v->text = NULL;
	return s;
}

int
json_array_each(struct json_reader *r, const char *arr, json_entry_fn fn,
    void *arg, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc = SQLITE_DONE, stop = 0, index = 0;

	if (r->depth >= JSON_MAX_DEPTH)
		return err_set(err, MC_ESTORE, "json_array_each: arrays nested "
		    "deeper than JSON_MAX_DEPTH (a mistake in the caller)");
	if (ready(r, &r->arr[r->depth], ARRAY_SQL, arr, err) < 0)
		return -1;
	st = r->arr[r->depth];
	r->depth++;
	while (stop == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		const char *json = (const char *)sqlite3_column_text(st, 1);

		if (type == NULL) {
			stop = err_set(err, MC_ENOMEM, _("out of memory"));
			break;
		}
		stop = fn(arg, index++, type, json != NULL ? json : "null", err);
	}
	r->depth--;
	sqlite3_reset(st);
	if (stop != 0)
		return stop;
	if (rc != SQLITE_DONE)
		return db_fail(r->db, err, r->what);
	return 0;
}

enum json_file_fault
json_file_read(const char *path, long max, char **buf, size_t *size)
{
	FILE *f = fopen(path, "rb");
	struct stat sb;
	size_t got;

	*buf = NULL;
	*size = 0;
	if (f == NULL)
		return JSON_FILE_OPEN;
	if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		fclose(f);
		return JSON_FILE_NOT_REGULAR;
	}
	*size = (size_t)sb.st_size;
	if (sb.st_size > max) {
		fclose(f);
		return JSON_FILE_TOO_BIG;
	}
	if ((*buf = malloc((size_t)sb.st_size + 1)) == NULL) {
		fclose(f);
		return JSON_FILE_NOMEM;
	}
	got = fread(*buf, 1, (size_t)sb.st_size, f);
	if (ferror(f) || got != (size_t)sb.st_size) {
		fclose(f);
		free(*buf);
		*buf = NULL;
		return JSON_FILE_READ;
	}
	fclose(f);
	(*buf)[got] = '\0';
	/* "Unicode" from Notepad: UTF-16 (or UTF-32), told by its byte-order
	 * mark, named for what it is rather than as a file of NUL bytes */
	if (got >= 2 && (((unsigned char)(*buf)[0] == 0xFF &&
	    (unsigned char)(*buf)[1] == 0xFE) || ((unsigned char)(*buf)[0] == 0xFE &&
	    (unsigned char)(*buf)[1] == 0xFF))) {
		free(*buf);
		*buf = NULL;
		return JSON_FILE_UTF16;
	}
	/* a UTF-8 byte-order mark (Notepad adds one) carries nothing: RFC 8259
	 * lets a reader ignore it, and the formats' docs say it is ignored */
	if (got >= 3 && memcmp(*buf, "\xEF\xBB\xBF", 3) == 0) {
		memmove(*buf, *buf + 3, got - 2);
		got -= 3;
		*size = got;
	}
	/* a NUL inside would hide the rest of the file from the parser */
	if (strlen(*buf) != got) {
		free(*buf);
		*buf = NULL;
		return JSON_FILE_NUL;
	}
	return JSON_FILE_OK;
}
