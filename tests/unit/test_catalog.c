/* test_catalog.c — catalog import (good, bad, amend, abolish), lookup,
 * search folding and the export round trip. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "motcua/catalog.h"
#include "motcua/db.h"
#include "tap.h"

#ifndef TOP_SRCDIR
#define TOP_SRCDIR "."
#endif

static char tmpdir[] = "/tmp/motcua-catalog-XXXXXX";

static const char *
srcdir(void)
{
	const char *s = getenv("top_srcdir");

	return s != NULL ? s : TOP_SRCDIR;
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 || (buf = malloc((size_t)n + 1)) == NULL) {
		fclose(f);
		return NULL;
	}
	if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void
data_path(char *buf, size_t n, const char *name)
{
	snprintf(buf, n, "%s/tests/data/%s", srcdir(), name);
}

static sqlite3 *
open_db(const char *name)
{
	char path[512];
	struct mc_err err;
	sqlite3 *db = NULL;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	if (db_open(path, DB_CREATE, &db, &err) != 0) {
		printf("# db_open: %s\n", err.msg);
		return NULL;
	}
	return db;
}

/* Everything the catalog owns, as one string: "did anything change?" */
static char *
digest(sqlite3 *db)
{
	sqlite3_stmt *st;
	char *r = NULL;

	if (sqlite3_prepare_v2(db, "SELECT "
	    "(SELECT group_concat(quote(code) || quote(position) || quote(name) || "
	    " quote(time_limit) || quote(fee) || quote(abolished) || quote(version), ';') "
	    " FROM (SELECT * FROM procedure ORDER BY code)) || '|' || "
	    "(SELECT group_concat(quote(procedure_code) || quote(position) || "
	    " quote(name) || quote(form) || quote(quantity) || quote(required), ';') "
	    " FROM (SELECT * FROM procedure_document ORDER BY 1, 2)) || '|' || "
	    "(SELECT group_concat(key || '=' || value, ';') FROM "
	    " (SELECT * FROM meta WHERE key LIKE 'catalog%' ORDER BY key))",
	    -1, &st, NULL) != SQLITE_OK)
		return NULL;
	if (sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);

		r = strdup(t != NULL ? (const char *)t : "(empty)");
	}
	sqlite3_finalize(st);
	return r;
}

static int
import(sqlite3 *db, const char *name, struct catalog_stats *st, struct mc_err *err)
{
	char path[512];

	data_path(path, sizeof path, name);
	return catalog_import_file(db, NULL, path, st, err);
}

static bool
stats_are(const struct catalog_stats *st, int a, int m, int ab, int u)
{
	if (st->added == a && st->amended == m && st->abolished == ab &&
	    st->unchanged == u)
		return true;
	printf("#   got %d new, %d amended, %d abolished, %d unchanged\n",
	    st->added, st->amended, st->abolished, st->unchanged);
	return false;
}

struct collect {
	char codes[2048];
	int n;
};

static int
collect(const struct mc_procedure *p, void *arg)
{
	struct collect *c = arg;
	size_t len = strlen(c->codes);

	snprintf(c->codes + len, sizeof c->codes - len, "%s%s", c->n ? " " : "",
	    p->code);
	c->n++;
	return 0;
}

static const char *
search(sqlite3 *db, const char *s, bool all, struct collect *c)
{
	struct mc_err err;

	memset(c, 0, sizeof *c);
	if (catalog_search(db, s, all, collect, c, &err) != 0)
		snprintf(c->codes, sizeof c->codes, "%s", err.msg);
	return c->codes;
}

static const struct {
	const char *file, *re;	/* substring the message must hold */
} bad_files[] = {
	{"catalog-bad-notjson.json", "not valid JSON"},
	{"catalog-bad-utf8.json", "not valid UTF-8"},
	{"catalog-bad-format.json", "not a motcua catalog"},
	{"catalog-bad-fversion.json", "format version 2"},
	{"catalog-bad-type.json", "procedure 2.000815 (no. 2): \"fee\" must be a whole number"},
	{"catalog-bad-missing.json", "procedure 1.004873 (no. 3): \"result\" is missing"},
	{"catalog-bad-nocode.json", "procedure no. 2: \"code\" is missing"},
	{"catalog-bad-emptyname.json", "procedure 2.000815 (no. 2): \"name\" is empty"},
	{"catalog-bad-limit.json", "procedure 1.004873 (no. 3): \"time_limit\""},
	{"catalog-bad-fee.json", "\"fee\" must be 0 or more"},
	{"catalog-bad-date.json", "\"effective\" is not a real date"},
	{"catalog-bad-dup.json", "\"code\" is the same as procedure no. 1"},
	{"catalog-bad-dupkey.json", "procedure 2.000815 (no. 2): document 2, "
	    "\"quantity\" appears twice"},
	{"catalog-bad-unknown.json", "\"fee_notes\" is not a field"},
	{"catalog-bad-form.json", "document 2, \"form\""},
	{"catalog-bad-quantity.json", "document 1, \"quantity\""},
	{"catalog-bad-level.json", "\"level\" must be"},
	{"catalog-bad-empty.json", "lists no procedures"},
};

static void
test_bad(sqlite3 *db)
{
	struct catalog_stats st;
	struct mc_err err;
	char *before = digest(db), *after;

	for (size_t i = 0; i < sizeof bad_files / sizeof bad_files[0]; i++) {
		err.msg[0] = '\0';
		is_int(import(db, bad_files[i].file, &st, &err), -1, "%s refused",
		    bad_files[i].file);
		is_int(err.kind, MC_EINVAL, "%s: MC_EINVAL", bad_files[i].file);
		if (!ok(strstr(err.msg, bad_files[i].re) != NULL,
		    "%s: message names the problem", bad_files[i].file))
			printf("#   message: %s\n", err.msg);
		ok(strstr(err.msg, "nothing was changed") != NULL,
		    "%s: message says nothing changed", bad_files[i].file);
		after = digest(db);
		is_str(after, before, "%s: nothing changed", bad_files[i].file);
		free(after);
	}
	/* text handed straight to catalog_import_json */
	is_int(catalog_import_json(db, NULL, "", &st, &err), -1, "empty text refused");
	is_int(catalog_import_json(db, NULL, "\"motcua-catalog\"", &st, &err), -1,
	    "a JSON string refused");
	ok(strstr(err.msg, "not a catalog") != NULL, "  … as not a catalog");
	is_int(catalog_import_json(db, NULL, "{\"format\": \"motcua-catalog\", "
	    "\"format_version\": 1, \"version\": 1, \"issued\": \"2025-01-01\", "
	    "\"issuer\": \"x\", \"procedures\": [7]}", &st, &err), -1,
	    "a procedure that is not an object refused");
	ok(strstr(err.msg, "procedure no. 1") != NULL, "  … by index");
	is_int(catalog_import_json(db, NULL, "{\"format\": \"motcua-catalog\", "
	    "\"format_version\": 1, \"version\": 1, \"version\": 2, \"issued\": "
	    "\"2025-01-01\", \"issuer\": \"x\", \"procedures\": []}", &st, &err), -1,
	    "a top-level key given twice refused");
	ok(strstr(err.msg, "catalog file: \"version\" appears twice") != NULL,
	    "  … naming the key (%s)", err.msg);
	after = digest(db);
	is_str(after, before, "still nothing changed");
	free(after);
	free(before);
}

static void
test_import(sqlite3 *db)
{
	struct catalog_stats st;
	struct mc_err err;
	struct mc_procedure p, snap;
	struct collect c;
	char *d1, *d2;

	is_int(import(db, "catalog-good.json", &st, &err), 0, "import v1");
	ok(stats_are(&st, 3, 0, 0, 0), "v1: 3 new");
	d1 = digest(db);
	is_int(import(db, "catalog-good.json", &st, &err), 0, "re-import v1");
	ok(stats_are(&st, 0, 0, 0, 3), "re-import: 0 new, 0 amended, 0 abolished");
	d2 = digest(db);
	is_str(d2, d1, "re-import changes no row");
	free(d1);
	free(d2);

	/* the dossier code copies this at receipt: a snapshot of the list */
	is_int(catalog_get(db, "2.000815", &snap, &err), 0, "get 2.000815");
	is_int((long long)snap.ndocs, 2, "v1 has 2 documents");
	is_str(snap.docs[1].name, "Bản sao cần chứng thực", "document 2 name");
	is_int(snap.docs[1].form, MC_FORM_COPY, "document 2 form");
	is_int(snap.docs[1].quantity, 2, "document 2 quantity");
	ok(!snap.docs[1].required, "document 2 optional");
	is_int(snap.docs[1].position, 2, "document 2 position");
	is_str(snap.legal_basis, "Nghị định số 23/2015/NĐ-CP", "legal basis");
	ok(snap.fee_note == NULL && snap.effective == NULL && snap.abolished == NULL,
	    "absent optional fields are NULL");

	is_int(import(db, "catalog-good-v2.json", &st, &err), 0, "import v2");
	ok(stats_are(&st, 1, 1, 1, 1), "v2: 1 new, 1 amended, 1 abolished, 1 unchanged");
	is_int(catalog_get(db, "2.000815", &p, &err), 0, "get 2.000815 again");
	is_int((long long)p.ndocs, 3, "catalog_get returns the current list (3 documents)");
	is_int(p.fee, 3000, "current fee");
	is_int(p.docs[2].form, MC_FORM_CERTIFIED, "new document is a certified copy");
	is_int((long long)snap.ndocs, 2, "the snapshot taken before is untouched");
	is_int(snap.fee, 2000, "  … fee too");
	catalog_procedure_free(&p);
	catalog_procedure_free(&snap);
	ok(snap.code == NULL && snap.docs == NULL, "free clears the struct");

	is_int(catalog_get(db, "1.004873", &p, &err), 0, "left-out procedure still held");
	is_str(p.abolished, "2025-09-01", "  … abolished on the file's issue date");
	is_str(p.effective, "2016-01-01", "  … effective kept");
	catalog_procedure_free(&p);
	is_int(catalog_get(db, "1.001612", &p, &err), 0, "new procedure");
	is_str(p.time_limit, "3 days", "\"3 ngày làm việc\" stored as \"3 days\"");
	is_str(p.level, "commune", "level");
	catalog_procedure_free(&p);
	is_int(catalog_get(db, "9.999999", &p, &err), -1, "unknown code");
	is_int(err.kind, MC_ENOTFOUND, "  … MC_ENOTFOUND");

	is_str(search(db, NULL, false, &c), "1.001193 2.000815 1.001612",
	    "list: in force only, in file order");
	/* 1.004873 keeps its old position 3, the new 1.001612 takes 3 too:
	 * ties go by code */
	is_str(search(db, "", true, &c), "1.001193 2.000815 1.001612 1.004873",
	    "list --all");

	is_int(import(db, "catalog-good-v2.json", &st, &err), 0, "re-import v2");
	ok(stats_are(&st, 0, 0, 0, 3), "the abolished one is not abolished twice");

	d1 = digest(db);
	is_int(import(db, "catalog-good.json", &st, &err), -1, "older version refused");
	is_int(err.kind, MC_ECONFLICT, "  … MC_ECONFLICT");
	d2 = digest(db);
	is_str(d2, d1, "  … nothing changed");
	free(d1);
	free(d2);

	is_int(import(db, "catalog-good-v3.json", &st, &err), 0, "import v3");
	ok(stats_are(&st, 0, 1, 1, 2), "v3: reinstated (amended) and abolished by date");
	is_int(catalog_get(db, "1.004873", &p, &err), 0, "reinstated");
	ok(p.abolished == NULL, "  … in force again");
	catalog_procedure_free(&p);
	is_str(search(db, NULL, false, &c), "1.001193 2.000815 1.004873",
	    "list after v3");
}

static void
test_nfc(sqlite3 *db)
{
	struct catalog_stats st;
	struct mc_err err;
	struct mc_procedure p;
	/* "Hộ tịch" decomposed: o + U+0323 + U+0302, i + U+0323; extra spaces */
	const char *json = "{\"format\": \"motcua-catalog\", \"format_version\": 1, "
	    "\"version\": 1, \"issued\": \"2025-01-01\", \"issuer\": \"T\", "
	    "\"procedures\": [{\"code\": \"X.1\", \"name\": \"  Kha\xcc\x81m   thu\xcc\x9b\xcc\x89  \", "
	    "\"field\": \"Ho\xcc\xa3\xcc\x82 ti\xcc\xa3\x63h\", \"level\": \"province\", "
	    "\"time_limit\": \"8 hours\", \"fee\": 0, \"fee_note\": null, "
	    "\"result\": \"r\", \"legal_basis\": \"l\", \"abolished\": null, "
	    "\"documents\": []}]}";

	is_int(catalog_import_json(db, NULL, json, &st, &err), 0, "decomposed text imported");
	if (err.msg[0] && st.added == 0)
		printf("#   %s\n", err.msg);
	is_int(catalog_get(db, "X.1", &p, &err), 0, "get X.1");
	is_str(p.name, "Khám thử", "name stored NFC, spaces cleaned");
	is_str(p.field, "Hộ tịch", "field stored NFC");
	is_str(p.time_limit, "8 hours", "hour limit");
	is_int((long long)p.ndocs, 0, "empty document list allowed");
	catalog_procedure_free(&p);
}

static void
test_sample(sqlite3 *db, sqlite3 *fresh)
{
	struct catalog_stats st;
	struct mc_err err;
	struct collect c;
	char path[512], *sample, *e1, *e2;

	snprintf(path, sizeof path, "%s/data/catalog-sample.json", srcdir());
	sample = slurp(path);
	ok(sample != NULL, "read the sample catalog");
	if (sample == NULL)
		return;
	is_int(catalog_import_json(db, NULL, sample, &st, &err), 0, "import the sample");
	ok(st.added >= 25 && st.amended == 0 && st.abolished == 0,
	    "sample: at least 25 procedures (%d)", st.added);
	e1 = catalog_export_json(db, &err);
	ok(e1 != NULL, "export");
	is_str(e1, sample, "export of the sample is byte-identical to the file");
	is_int(catalog_import_json(fresh, NULL, e1 ? e1 : "", &st, &err), 0,
	    "import the export into a fresh database");
	e2 = catalog_export_json(fresh, &err);
	is_str(e2, e1, "export → import → export is identical");
	free(e1);
	free(e2);
	free(sample);

	is_str(search(db, "khai sinh", false, &c), "1.001193 1.000689 1.004884",
	    "\"khai sinh\" finds the birth registrations");
	is_str(search(db, "KHAI SINH", false, &c), "1.001193 1.000689 1.004884",
	    "search ignores case");
	is_str(search(db, "khái   sinh", false, &c), "1.001193 1.000689 1.004884",
	    "search ignores marks and extra spaces");
	search(db, "ho tich", false, &c);
	is_int(c.n, 13, "\"ho tich\" matches the field Hộ tịch (13)");
	is_str(search(db, "hộ tịch kết hôn", false, &c), "1.000894 1.004746",
	    "every word must match");
	is_str(search(db, "2.000815", false, &c), "2.000815", "search by code");
	is_str(search(db, "kết hôn zzz", false, &c), "", "no match");
	is_str(search(db, "kh\xff", false, &c), "the text is not valid UTF-8: retype it, "
	    "or convert the file to UTF-8", "invalid UTF-8 search refused");
}

static void
test_forms(void)
{
	enum mc_docform f;

	is_str(catalog_form_name(MC_FORM_ORIGINAL), "original", "form name original");
	is_str(catalog_form_name(MC_FORM_CERTIFIED), "certified_copy", "form name certified");
	is_str(catalog_form_name(MC_FORM_COPY), "copy", "form name copy");
	ok(catalog_form_parse("certified_copy", &f) == 0 && f == MC_FORM_CERTIFIED,
	    "parse certified_copy");
	is_int(catalog_form_parse("bản chính", &f), -1, "unknown form refused");
}

int
main(void)
{
	sqlite3 *a, *b, *c, *d;
	struct mc_err err;
	char *e;

	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	a = open_db("a.db");
	b = open_db("b.db");
	c = open_db("c.db");
	d = open_db("d.db");
	ok(a && b && c && d, "open four test databases");
	if (!(a && b && c && d))
		return tap_done();

	e = catalog_export_json(a, &err);
	ok(e == NULL && err.kind == MC_ENOTFOUND, "export before any import: not found");
	free(e);

	test_forms();
	test_bad(a);
	test_import(a);
	test_nfc(d);
	test_sample(b, c);

	db_close(a);
	db_close(b);
	db_close(c);
	db_close(d);
	{
		char cmd[600];

		snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
		if (system(cmd) != 0)
			diag("could not remove the temporary directory");
	}
	return tap_done();
}
