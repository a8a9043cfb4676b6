/* catalog-write.c — the catalog as JSON in its own file format
 * (doc/catalog-format.md): catalog export and one procedure's object, the
 * text built with SQLite's sqlite3_str.  The layout (two-space indents, one
 * document per line) is part of the format's promise: an export imports
 * back unchanged, and the same catalog always exports the same bytes. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog-int.h"
#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/i18n.h"

/* The finished text in malloc'd memory (this module's callers free() it),
 * or NULL if any append ran out of memory. */
static char *
finish(sqlite3_str *b)
{
	int failed = sqlite3_str_errcode(b) != SQLITE_OK;
	char *s = sqlite3_str_finish(b), *out = NULL;

	if (!failed && s != NULL)
		out = strdup(s);
	sqlite3_free(s);
	return out;
}

static void
put_indent(sqlite3_str *b, int n)
{
	if (n > 0)
		sqlite3_str_appendchar(b, n, ' ');
}

/* A JSON string literal; UTF-8 passes through unchanged. */
static void
put_str(sqlite3_str *b, const char *s)
{
	sqlite3_str_appendchar(b, 1, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '"': sqlite3_str_append(b, "\\\"", 2); break;
		case '\\': sqlite3_str_append(b, "\\\\", 2); break;
		case '\n': sqlite3_str_append(b, "\\n", 2); break;
		case '\r': sqlite3_str_append(b, "\\r", 2); break;
		case '\t': sqlite3_str_append(b, "\\t", 2); break;
		case '\b': sqlite3_str_append(b, "\\b", 2); break;
		case '\f': sqlite3_str_append(b, "\\f", 2); break;
		default:
			if (c < 0x20)
				sqlite3_str_appendf(b, "\\u%04x", c);
			else
				sqlite3_str_append(b, s, 1);
		}
	}
	sqlite3_str_appendchar(b, 1, '"');
}

static void
put_key_str(sqlite3_str *b, int indent, const char *key, const char *val, bool comma)
{
	put_indent(b, indent);
	put_str(b, key);
	sqlite3_str_appendall(b, ": ");
	put_str(b, val);
	sqlite3_str_appendall(b, comma ? ",\n" : "\n");
}

static void
put_key_num(sqlite3_str *b, int indent, const char *key, long long val)
{
	put_indent(b, indent);
	put_str(b, key);
	sqlite3_str_appendf(b, ": %lld,\n", val);
}

/* The object without a trailing newline; `indent` is where "{" sits. */
static void
put_procedure(sqlite3_str *b, const struct mc_procedure *p, int indent)
{
	int in = indent + 2;

	sqlite3_str_appendall(b, "{\n");
	put_key_str(b, in, "code", p->code, true);
	put_key_str(b, in, "name", p->name, true);
	put_key_str(b, in, "field", p->field, true);
	put_key_str(b, in, "level", p->level, true);
	put_key_str(b, in, "time_limit", p->time_limit, true);
	put_key_num(b, in, "fee", p->fee);
	if (p->fee_note != NULL)
		put_key_str(b, in, "fee_note", p->fee_note, true);
	put_key_str(b, in, "result", p->result, true);
	put_key_str(b, in, "legal_basis", p->legal_basis, true);
	if (p->effective != NULL)
		put_key_str(b, in, "effective", p->effective, true);
	if (p->abolished != NULL)
		put_key_str(b, in, "abolished", p->abolished, true);
	/* only when given, as the format's defaults: a catalog that never
	 * named a deciding body exports the same bytes as before */
	if (p->decided_by != NULL)
		put_key_str(b, in, "decided_by", p->decided_by, true);
	if (p->forward)
		put_key_str(b, in, "routing", "forward", true);
	put_indent(b, in);
	if (p->ndocs == 0) {
		sqlite3_str_appendall(b, "\"documents\": []\n");
	} else {
		sqlite3_str_appendall(b, "\"documents\": [\n");
		for (size_t i = 0; i < p->ndocs; i++) {
			const struct mc_document *d = &p->docs[i];

			put_indent(b, in + 2);
			sqlite3_str_appendall(b, "{\"name\": ");
			put_str(b, d->name);
			sqlite3_str_appendall(b, ", \"form\": ");
			put_str(b, catalog_form_name(d->form));
			sqlite3_str_appendf(b, ", \"quantity\": %d", d->quantity);
			sqlite3_str_appendall(b, d->required ? ", \"required\": true" :
			    ", \"required\": false");
			/* only when given: a catalog without conditions exports
			 * the same bytes as before the field existed */
			if (d->condition != NULL) {
				sqlite3_str_appendall(b, ", \"condition\": ");
				put_str(b, d->condition);
			}
			sqlite3_str_appendall(b, "}");
			sqlite3_str_appendall(b, i + 1 < p->ndocs ? ",\n" : "\n");
		}
		put_indent(b, in);
		sqlite3_str_appendall(b, "]\n");
	}
	put_indent(b, indent);
	sqlite3_str_appendall(b, "}");
}

char *
catalog_procedure_json(const struct mc_procedure *p, int indent)
{
	sqlite3_str *b = sqlite3_str_new(NULL);

	put_procedure(b, p, indent);
	return finish(b);
}

char *
catalog_export_json(sqlite3 *db, struct mc_err *err)
{
	sqlite3_str *b;
	struct catalog_loader l;
	sqlite3_stmt *q = NULL;
	char version[32], issued[16], issuer[1024], sample[8], note[2048];
	char *out;
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
	if (catalog_loader_open(&l, db, err) < 0)
		return NULL;
	b = sqlite3_str_new(db);
	if (db_prepare(db, "SELECT code FROM procedure ORDER BY position, code",
	    &q, err) < 0)
		goto fail;

	sqlite3_str_appendall(b, "{\n");
	put_key_str(b, 2, "format", CATALOG_FORMAT, true);
	put_key_num(b, 2, "format_version", CATALOG_FORMAT_VERSION);
	put_key_num(b, 2, "version", strtoll(version, NULL, 10));
	put_key_str(b, 2, "issued", issued, true);
	put_key_str(b, 2, "issuer", issuer, true);
	sqlite3_str_appendall(b, strcmp(sample, "1") == 0 ?
	    "  \"sample\": true,\n" : "  \"sample\": false,\n");
	if (note[0] != '\0')
		put_key_str(b, 2, "note", note, true);
	sqlite3_str_appendall(b, "  \"procedures\": [");
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(q, 0);
		struct mc_procedure p;

		if (code == NULL || catalog_loader_get(&l, code, &p, err) != 1) {
			if (code == NULL)
				err_set(err, MC_ENOMEM, _("out of memory"));
			goto fail;
		}
		sqlite3_str_appendall(b, first ? "\n    " : ",\n    ");
		first = false;
		put_procedure(b, &p, 4);
		catalog_procedure_free(&p);
	}
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("reading the catalog"));
		goto fail;
	}
	sqlite3_str_appendall(b, first ? "]\n}\n" : "\n  ]\n}\n");
	sqlite3_finalize(q);
	catalog_loader_close(&l);
	if ((out = finish(b)) == NULL)
		err_set(err, MC_ENOMEM, _("out of memory"));
	return out;
fail:
	sqlite3_finalize(q);
	catalog_loader_close(&l);
	sqlite3_free(sqlite3_str_finish(b));
	return NULL;
}
