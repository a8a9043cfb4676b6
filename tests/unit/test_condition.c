/* test_condition.c — a document's "condition" in the catalog format
 * (doc/catalog-format.md): read, stored, loaded, exported and imported
 * back; refused when too long, when it holds a control character or
 * another character vntext_check_plain refuses, when it is not text, and
 * on a required document; an amendment keeps to the same rules.  The
 * sample catalog gives its conditional documents one instead of a
 * parenthesis in the name. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/catalog.h"
#include "motcua/db.h"
#include "station.h"
#include "tap.h"

#define CAT "{\"format\": \"motcua-catalog\", \"format_version\": 1, \"version\": 2, " \
	"\"issued\": \"2026-01-01\", \"issuer\": \"UBND\", \"procedures\": [{\"code\": " \
	"\"9.000002\", \"name\": \"Thủ tục thử\", \"field\": \"Hộ tịch\", \"level\": " \
	"\"commune\", \"time_limit\": \"3 days\", \"fee\": 0, \"result\": \"r\", " \
	"\"legal_basis\": \"l\", \"documents\": [{\"name\": \"Tờ khai\", \"form\": " \
	"\"original\", \"quantity\": 1, \"required\": true}, {\"name\": \"Biên bản " \
	"xác nhận việc trẻ bị bỏ rơi\", \"form\": \"original\", \"quantity\": 1, " \
	"\"required\": %s%s}]}]}"

static char json[4096];

/* The test catalog whose second document has `required` and the JSON
 * text `cond` after it (", \"condition\": …", or ""). */
static const char *
catalog(const char *required, const char *cond)
{
	snprintf(json, sizeof json, CAT, required, cond);
	return json;
}

static bool
has(const char *msg, const char *needle)
{
	bool yes = strstr(msg, needle) != NULL;

	if (!yes)
		printf("#   \"%s\" not in: %s\n", needle, msg);
	return yes;
}

/* The test procedure held (1) and its documents with a condition (1000
 * each): "did anything change?" */
static long long
held(sqlite3 *db)
{
	return db_int(db, "SELECT count(*) FROM procedure_document WHERE "
	    "procedure_code = '9.000002' AND condition IS NOT NULL", -1) * 1000 +
	    db_int(db, "SELECT count(*) FROM procedure WHERE code = '9.000002'", -1);
}

static void
refused(sqlite3 *db, const char *text, const char *needles, const char *what)
{
	struct catalog_stats st;
	struct mc_err err;
	char buf[256], *tok, *save;
	long long before = held(db);
	bool all = true;
	int rc;

	err_clear(&err);
	rc = catalog_import_json(db, "truong", text, &st, &err);
	snprintf(buf, sizeof buf, "%s", needles);
	for (tok = strtok_r(buf, "|", &save); tok != NULL; tok = strtok_r(NULL, "|", &save))
		all = has(err.msg, tok) && all;
	ok(rc == -1 && err.kind == MC_EINVAL && all, "condition: %s refused", what);
	is_int(held(db), before, "condition: %s: nothing changed", what);
}

static void
test_good(sqlite3 *db)
{
	struct catalog_stats st;
	struct mc_procedure p;
	struct mc_err err;
	char *e, *again;

	err_clear(&err);
	ok(catalog_import_json(db, "truong", catalog("false",
	    ", \"condition\": \"trường hợp trẻ bị bỏ rơi\""), &st, &err) == 0 &&
	    st.added == 1, "condition: a conditional document imported (%s)", err.msg);
	ok(catalog_get(db, "9.000002", &p, &err) == 0 && p.ndocs == 2,
	    "condition: the procedure loads");
	ok(p.ndocs == 2 && p.docs[0].condition == NULL,
	    "condition: none on the required document");
	ok(p.ndocs == 2 && p.docs[1].condition != NULL &&
	    strcmp(p.docs[1].condition, "trường hợp trẻ bị bỏ rơi") == 0 &&
	    strcmp(p.docs[1].name, "Biên bản xác nhận việc trẻ bị bỏ rơi") == 0 &&
	    !p.docs[1].required, "condition: loaded beside the name, apart from it");
	e = catalog_procedure_json(&p, 0);
	ok(e != NULL && has(e, "\"required\": false, \"condition\": \"trường hợp trẻ bị "
	    "bỏ rơi\"}") && has(e, "{\"name\": \"Tờ khai\", \"form\": \"original\", "
	    "\"quantity\": 1, \"required\": true},"), "condition: exported after "
	    "\"required\", and only where given");
	free(e);
	catalog_procedure_free(&p);

	/* the whole export imports back unchanged */
	e = catalog_export_json(db, &err);
	ok(e != NULL && catalog_import_json(db, "truong", e, &st, &err) == 0 &&
	    st.added == 0 && st.amended == 0, "condition: the export imports back "
	    "unchanged (%s)", err.msg);
	again = catalog_export_json(db, &err);
	ok(e != NULL && again != NULL && strcmp(e, again) == 0,
	    "condition: the same catalog exports the same bytes");
	free(e);
	free(again);

	/* "" and null mean no condition; a change of condition is an amendment */
	ok(catalog_import_json(db, "truong", catalog("false", ", \"condition\": \"\""),
	    &st, &err) == 0 && st.amended == 1 && held(db) == 1,
	    "condition: \"\" is no condition (an amendment of the procedure)");
	ok(catalog_import_json(db, "truong", catalog("false", ", \"condition\": null"),
	    &st, &err) == 0 && st.unchanged >= 1 && st.amended == 0 && held(db) == 1,
	    "condition: null is no condition too (unchanged)");
	ok(catalog_import_json(db, "truong", catalog("false",
	    ", \"condition\": \"  trường hợp   trẻ bị bỏ rơi \""), &st, &err) == 0 &&
	    held(db) == 1001 && db_int(db, "SELECT condition = 'trường hợp trẻ bị bỏ rơi' "
	    "FROM procedure_document WHERE procedure_code = '9.000002' AND position = 2",
	    0) == 1, "condition: stored with its spaces collapsed, as every text");
}

static void
test_bad(sqlite3 *db)
{
	char cond[2048];
	size_t n = 0;

	n += (size_t)snprintf(cond, sizeof cond, ", \"condition\": \"");
	for (int i = 0; i < 301; i++)
		n += (size_t)snprintf(cond + n, sizeof cond - n, "ễ");
	snprintf(cond + n, sizeof cond - n, "\"");
	refused(db, catalog("false", cond), "procedure 9.000002|document 2, "
	    "\"condition\" is 301 characters long, more than the 300|nothing was "
	    "changed", "a condition of 301 characters");
	refused(db, catalog("false", ", \"condition\": \"trường hợp\\tbỏ rơi\""),
	    "document 2, \"condition\"|U+0009", "a tab");
	refused(db, catalog("false", ", \"condition\": \"trường hợp\\nbỏ rơi\""),
	    "document 2, \"condition\"|U+000A", "a line break");
	refused(db, catalog("false", ", \"condition\": \"trường hợp\\u0007\""),
	    "document 2, \"condition\"|U+0007", "a control character");
	refused(db, catalog("false", ", \"condition\": \"trường\\u202Ehợp\""),
	    "document 2, \"condition\"|U+202E", "a direction override");
	refused(db, catalog("false", ", \"condition\": 1"),
	    "document 2, \"condition\" must be text in quotes", "a number");
	refused(db, catalog("true", ", \"condition\": \"trường hợp trẻ bị bỏ rơi\""),
	    "document 2, \"condition\" is for a document that is needed only in some "
	    "cases", "a condition on a required document");
	refused(db, catalog("false", ", \"condition\": \"a\", \"condition\": \"b\""),
	    "\"condition\" appears twice", "a condition given twice");

	/* an amendment: the same rule as the import */
	{
		char name[] = "Văn bản", bidi[] = "trường\xe2\x80\xaehợp";
		struct mc_document d[1] = { { 0, name, MC_FORM_COPY, 1, false, bidi } };
		struct catalog_amend am = { .fee = -1, .set_docs = true, .docs = d,
			.ndocs = 1 };
		struct mc_time at = moment("2026-11-01 09:30");
		struct mc_err err;
		long long before = held(db);

		err_clear(&err);
		ok(catalog_amend(db, "truong", "9.000002", &am, &at, &err) == -1 &&
		    has(err.msg, "document 1: the condition holds an invisible direction "
		    "control (U+202E)"), "condition: an amendment's direction override "
		    "refused");
		is_int(held(db), before, "condition: the amendment changed nothing");
		snprintf(bidi, sizeof bidi, "%s", "  nếu   có ");
		ok(catalog_amend(db, "truong", "9.000002", &am, &at, &err) == 0 &&
		    db_int(db, "SELECT count(*) FROM procedure_document WHERE "
		    "procedure_code = '9.000002' AND condition = 'nếu có'", 0) == 1,
		    "condition: an amendment stores it, cleaned (%s)", err.msg);
		ok(db_int(db, "SELECT count(*) FROM procedure_version WHERE procedure_code "
		    "= '9.000002' AND documents LIKE '%\"condition\":\"nếu có\"%'", 0) == 1,
		    "condition: kept in the procedure's version");
	}
}

static void
test_sample(sqlite3 *db)
{
	struct mc_procedure p;
	struct mc_err err;
	bool paren = false;

	ok(catalog_get(db, "1.001193", &p, &err) == 0 && p.ndocs == 4,
	    "sample: khai sinh has 4 documents");
	for (size_t i = 0; i < p.ndocs; i++)
		paren = paren || (!p.docs[i].required && strchr(p.docs[i].name, '(') != NULL);
	ok(!paren, "sample: no conditional document of khai sinh says its case in the name");
	ok(p.ndocs == 4 && p.docs[2].condition != NULL &&
	    strcmp(p.docs[2].name, "Biên bản xác nhận việc trẻ bị bỏ rơi") == 0 &&
	    strcmp(p.docs[2].condition, "trường hợp trẻ bị bỏ rơi") == 0,
	    "sample: the abandoned child's record has its condition");
	catalog_procedure_free(&p);
	is_int(db_int(db, "SELECT count(*) FROM procedure_document WHERE required = 1 "
	    "AND condition IS NOT NULL", -1), 0, "sample: no required document has one");
	ok(db_int(db, "SELECT count(*) FROM procedure_document WHERE condition LIKE "
	    "'trường hợp %'", 0) >= 20, "sample: the conditional documents have theirs");
}

int
main(void)
{
	sqlite3 *db;

	setenv("MOTCUA_NOW", "2026-11-01 09:30", 1);
	test_dir_make("condition");
	db = station_new("a.db", 1);
	test_sample(db);
	test_good(db);
	test_bad(db);
	db_close(db);
	test_dir_remove();
	return tap_done();
}
