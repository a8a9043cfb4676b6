/* mkdb-catalog.c — `mkdb --catalog N`: a catalog of N procedures, the
 * size of a province's published list (2,059 in issue 15), made from the
 * sample catalog's 29 by copying them.  A copy keeps its procedure's
 * field, time limit, fee and documents; its code gets "-K" (K = 2, 3, …)
 * and its name one of the qualifiers real lists put after a procedure
 * ("có yếu tố nước ngoài", "lưu động", …), and a number once the
 * qualifiers are used up, so that names stay distinct and the picker's
 * words are as common as they are in a real list.  Imported through the
 * core (catalog_import_json) as the catalog's version 2, over the sample;
 * the dossiers still use the sample's own procedures (mkdb_mix).  A P
 * below the sample's 29 leaves the sample as it is. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mkdb.h"

/* The sample's procedures, as catalog_list hands them (copied: the
 * procedure passed to the callback is freed after it). */
struct base {
	char **json;	/* catalog_procedure_json of each, code and name blanked */
	char **code, **name;
	size_t n, cap;
};

static int
base_add(const struct mc_procedure *p, void *arg)
{
	struct base *b = arg;

	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 32;
		char **j = realloc(b->json, cap * sizeof *j);

		if (j == NULL)
			return 1;
		b->json = j;
		if ((j = realloc(b->code, cap * sizeof *j)) == NULL)
			return 1;
		b->code = j;
		if ((j = realloc(b->name, cap * sizeof *j)) == NULL)
			return 1;
		b->name = j;
		b->cap = cap;
	}
	b->json[b->n] = catalog_procedure_json(p, 4);
	b->code[b->n] = strdup(p->code);
	b->name[b->n] = strdup(p->name);
	if (b->json[b->n] == NULL || b->code[b->n] == NULL || b->name[b->n] == NULL) {
		free(b->json[b->n]);
		free(b->code[b->n]);
		free(b->name[b->n]);
		return 1;
	}
	b->n++;
	return 0;
}

static void
base_free(struct base *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->json[i]);
		free(b->code[i]);
		free(b->name[i]);
	}
	free(b->json);
	free(b->code);
	free(b->name);
}

/* A string as a JSON string's body: the sample's names have no quote,
 * backslash or control character, but a copy must not depend on it. */
static void
put_json_str(sqlite3_str *out, const char *s)
{
	sqlite3_str_appendchar(out, 1, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			sqlite3_str_appendf(out, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			sqlite3_str_appendf(out, "\\u%04x", (unsigned char)*s);
		else
			sqlite3_str_appendchar(out, 1, *s);
	}
	sqlite3_str_appendchar(out, 1, '"');
}

/* Procedure i of the big catalog: the sample's i % n, copy i / n. */
static int
put_copy(sqlite3_str *out, const struct base *b, size_t i)
{
	static const char *const qual[] = {
		"có yếu tố nước ngoài", "lưu động", "cho người đã có hồ sơ, giấy tờ cá nhân",
		"kết hợp", "trực tuyến", "liên thông", "cấp lại", "cấp đổi",
		"trường hợp đặc biệt", "cho người Việt Nam định cư ở nước ngoài",
		"tại khu vực biên giới", "theo thủ tục rút gọn",
	};
	const size_t nq = sizeof qual / sizeof qual[0];
	size_t k = i / b->n, src = i % b->n;
	const char *obj = b->json[src], *rest;
	char code[96], name[700];

	snprintf(code, sizeof code, "%s-%zu", b->code[src], k + 1);
	if (k - 1 < nq)
		snprintf(name, sizeof name, "%s %s", b->name[src], qual[k - 1]);
	else
		snprintf(name, sizeof name, "%s %s (%zu)", b->name[src], qual[(k - 1) % nq],
		    (k - 1) / nq + 1);
	/* the object starts "{\n      \"code\": …,\n      \"name\": …,\n": both
	 * replaced, the rest (from the third line) kept */
	if ((rest = strstr(obj, "\"field\"")) == NULL)
		return mkdb_fail("--catalog", "a procedure's JSON without its field");
	sqlite3_str_appendall(out, "{\n      \"code\": ");
	put_json_str(out, code);
	sqlite3_str_appendall(out, ",\n      \"name\": ");
	put_json_str(out, name);
	sqlite3_str_appendall(out, ",\n      ");
	sqlite3_str_appendall(out, rest);
	return 0;
}

int
mkdb_catalog_grow(sqlite3 *db, long long want)
{
	struct base b = {0};
	struct catalog_stats cs;
	struct mc_err err;
	sqlite3_str *out;
	char *json;
	int rc = -1;

	if (catalog_list(db, NULL, base_add, &b, &err) != 0) {
		base_free(&b);
		return mkdb_fail("--catalog", err.msg);
	}
	if (b.n == 0 || (long long)b.n >= want) {
		base_free(&b);
		return 0;	/* as big already */
	}
	out = sqlite3_str_new(NULL);
	sqlite3_str_appendall(out, "{\n  \"format\": \"motcua-catalog\",\n"
	    "  \"format_version\": 1,\n  \"version\": 2,\n  \"issued\": \"2025-07-01\",\n"
	    "  \"issuer\": \"bench/mkdb --catalog (the sample's procedures, copied)\",\n"
	    "  \"procedures\": [\n");
	for (long long i = 0; i < want; i++) {
		if (i > 0)
			sqlite3_str_appendall(out, ",\n");
		sqlite3_str_appendall(out, "    ");
		if (i < (long long)b.n)
			sqlite3_str_appendall(out, b.json[i]);
		else if (put_copy(out, &b, (size_t)i) != 0)
			goto done;
	}
	sqlite3_str_appendall(out, "\n  ]\n}\n");
	if (sqlite3_str_errcode(out) != SQLITE_OK) {
		mkdb_fail("--catalog", "out of memory");
		goto done;
	}
	json = sqlite3_str_finish(out);
	out = NULL;
	if (catalog_import_json(db, "bench", json, &cs, &err) != 0)
		mkdb_fail("--catalog", err.msg);
	else if (cs.added + cs.unchanged + cs.amended != want)
		mkdb_fail("--catalog", "the import did not keep every procedure");
	else
		rc = 0;
	sqlite3_free(json);
done:
	if (out != NULL)
		sqlite3_free(sqlite3_str_finish(out));
	base_free(&b);
	return rc;
}
