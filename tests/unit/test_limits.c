/* test_limits.c — what an import refuses in the content of a catalog or a
 * calendar file (control, direction and invisible characters, over-long
 * text, too many documents, implausibly many days off), each with a
 * message naming the field and the database unchanged; a full disk said
 * as such; byte-order marks; and private files (privfile.h): born 0600
 * whatever the umask, and the leftovers of interrupted exports swept. */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/privfile.h"
#include "motcua/slip.h"
#include "motcua/sync.h"
#include "motcua/vntext.h"
#include "station.h"
#include "tap.h"

static bool
has(const char *msg, const char *needle)
{
	if (strstr(msg, needle) != NULL)
		return true;
	printf("#   \"%s\" not in: %s\n", needle, msg);
	return false;
}

/* ---- vntext_check_plain ------------------------------------------------ */

/* n copies of s, malloc'd */
static char *
repeat(const char *s, size_t n)
{
	size_t len = strlen(s);
	char *r = malloc(len * n + 1);

	if (r == NULL)
		bail("malloc", "repeat");
	for (size_t i = 0; i < n; i++)
		memcpy(r + i * len, s, len);
	r[len * n] = '\0';
	return r;
}

static void
refuses(const char *s, const char *needle, const char *what)
{
	struct mc_err err;

	err_clear(&err);
	ok(vntext_check_plain(s, 0, &err) == -1 && err.kind == MC_EINVAL &&
	    has(err.msg, needle), "check_plain refuses %s", what);
}

static void
test_check_plain(void)
{
	struct mc_err err;
	char *s;

	ok(vntext_check_plain("Thủ tục đăng ký khai sinh (bản chính)", 500, &err) == 0,
	    "a Vietnamese name is plain");
	ok(vntext_check_plain("", 10, &err) == 0, "empty text is plain (emptiness is "
	    "the field's rule)");
	refuses("a\tb", "U+0009", "a tab");
	refuses("a\nb", "line break", "a newline");
	refuses("a\r\nb", "U+000D", "a CR");
	refuses("ab\x07", "control character (U+0007) at character 3", "a bell, by place");
	refuses("a\x7f", "U+007F", "DEL");
	refuses("a\xc2\x85", "U+0085", "NEL (C1)");
	refuses("a\xc2\x9b", "control character (U+009B)", "CSI (C1)");
	refuses("abc\xe2\x80\xaexyz", "direction control (U+202E) at character 4",
	    "RIGHT-TO-LEFT OVERRIDE");
	refuses("\xe2\x80\xaa", "U+202A", "LEFT-TO-RIGHT EMBEDDING");
	refuses("a\xe2\x81\xa6", "direction control (U+2066)", "LEFT-TO-RIGHT ISOLATE");
	refuses("a\xe2\x81\xa9", "direction control (U+2069)", "POP DIRECTIONAL ISOLATE");
	refuses("a\xe2\x80\x8f", "direction control (U+200F)", "RIGHT-TO-LEFT MARK");
	refuses("a\xe2\x80\x8b" "b", "invisible character (U+200B)", "ZERO WIDTH SPACE");
	refuses("a\xe2\x80\x8d" "b", "invisible character (U+200D)", "ZERO WIDTH JOINER");
	refuses("\xef\xbb\xbf" "a", "invisible character (U+FEFF) at character 1",
	    "a byte-order mark in the text");
	refuses("a\xe2\x81\xa0", "U+2060", "WORD JOINER");
	refuses("a\xe2\x81\xa4", "U+2064", "INVISIBLE PLUS");
	refuses("co\xc2\xad" "de", "invisible character (U+00AD)", "SOFT HYPHEN");
	refuses("a\xe2\x80\xa8" "b", "line break (U+2028)", "LINE SEPARATOR");
	refuses("a\xff", "not valid UTF-8", "bytes that are not UTF-8");

	s = repeat("ễ", 500);
	ok(vntext_check_plain(s, 500, &err) == 0, "500 characters within 500");
	free(s);
	s = repeat("ễ", 501);
	ok(vntext_check_plain(s, 500, &err) == -1 && has(err.msg,
	    "is 501 characters long, more than the 500 allowed"), "501 over 500");
	free(s);
	/* e + U+0302 + U+0303: three code points as written, one stored */
	s = repeat("e\xcc\x82\xcc\x83", 500);
	ok(vntext_check_plain(s, 500, &err) == 0, "decomposed: counted as stored (NFC)");
	free(s);
	s = repeat("a    ", 100);
	ok(vntext_check_plain(s, 200, &err) == 0, "runs of spaces count as one");
	free(s);
}

/* ---- the catalog ------------------------------------------------------- */

#define CAT_HEAD "{\"format\": \"motcua-catalog\", \"format_version\": 1, \"version\": 1, " \
	"\"issued\": \"2026-01-01\", \"issuer\": \"%s\", \"procedures\": [{\"code\": " \
	"\"9.000001\", \"name\": \"%s\", \"field\": \"%s\", \"level\": \"commune\", " \
	"\"time_limit\": \"3 days\", \"fee\": 0, \"result\": \"%s\", \"legal_basis\": " \
	"\"%s\", \"documents\": [%s]}]}"
#define DOC "{\"name\": \"%s\", \"form\": \"copy\", \"quantity\": 1, \"required\": true}"

/* A one-procedure catalog with these values (JSON-escaped already). */
static char *
catalog(const char *issuer, const char *name, const char *field, const char *result,
    const char *legal, const char *docs)
{
	size_t n = strlen(CAT_HEAD) + strlen(issuer) + strlen(name) + strlen(field) +
	    strlen(result) + strlen(legal) + strlen(docs) + 1;
	char *s = malloc(n);

	if (s == NULL)
		bail("malloc", "catalog");
	snprintf(s, n, CAT_HEAD, issuer, name, field, result, legal, docs);
	return s;
}

static char *
docs(const char *name, size_t n)
{
	sqlite3_str *b = sqlite3_str_new(NULL);
	char *s, *out;

	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			sqlite3_str_appendall(b, ", ");
		sqlite3_str_appendf(b, DOC, name);
	}
	s = sqlite3_str_finish(b);
	out = strdup(s != NULL ? s : "");
	sqlite3_free(s);
	return out;
}

/* The catalog `json` is refused at db with a message holding every
 * "|"-separated needle, and db is unchanged; json is freed. */
static void
cat_refused(sqlite3 *db, char *json, const char *needles, const char *what)
{
	char before[MC_HASH_LEN], after[MC_HASH_LEN], buf[256], *tok, *save;
	struct catalog_stats st;
	struct mc_err err;
	bool all = true;
	int rc;

	digest(db, before);
	err_clear(&err);
	rc = catalog_import_json(db, "truong", json, &st, &err);
	digest(db, after);
	snprintf(buf, sizeof buf, "%s", needles);
	for (tok = strtok_r(buf, "|", &save); tok != NULL; tok = strtok_r(NULL, "|", &save))
		all = has(err.msg, tok) && all;
	ok(rc == -1 && err.kind == MC_EINVAL && all, "catalog: %s refused", what);
	is_str(after, before, "catalog: %s: nothing changed", what);
	free(json);
}

static void
test_catalog(sqlite3 *db)
{
	struct catalog_stats st;
	struct mc_err err;
	char *d = docs("Tờ khai", 1), *big, *json;

	cat_refused(db, catalog("UBND", "Khai\\u202Esinh", "Hộ tịch", "r", "l", d),
	    "procedure 9.000001|\"name\"|U+202E|nothing was changed",
	    "a direction override in a procedure's name");
	cat_refused(db, catalog("UBND", "Khai sinh\\tlần 2", "Hộ tịch", "r", "l", d),
	    "procedure 9.000001|\"name\"|U+0009", "a tab in a procedure's name");
	cat_refused(db, catalog("UBND", "Khai sinh", "Hộ\\u200Btịch", "r", "l", d),
	    "\"field\"|U+200B", "a zero-width space in the field");
	cat_refused(db, catalog("UBND\\u0007", "Khai sinh", "Hộ tịch", "r", "l", d),
	    "catalog file: \"issuer\"|U+0007", "a control character in the issuer");
	cat_refused(db, catalog("UBND", "Khai sinh", "Hộ tịch", "r\\u2066x\\u2069", "l", d),
	    "\"result\"|U+2066", "an isolate in the result");
	cat_refused(db, catalog("UBND", "Khai sinh", "Hộ tịch", "r", "l\\uFEFF", d),
	    "\"legal_basis\"|U+FEFF", "a BOM inside the legal basis");
	free(d);
	d = docs("Tờ\\u202Ekhai", 1);
	cat_refused(db, catalog("UBND", "Khai sinh", "Hộ tịch", "r", "l", d),
	    "procedure 9.000001|document 1, \"name\"|U+202E",
	    "a direction override in a document's name");
	free(d);

	big = repeat("ễ", 501);
	d = docs("Tờ khai", 1);
	cat_refused(db, catalog("UBND", big, "Hộ tịch", "r", "l", d),
	    "procedure 9.000001|\"name\" is 501 characters long, more than the 500",
	    "a procedure name of 501 characters");
	free(big);
	big = repeat("x", 10 * 1000 * 1000);
	cat_refused(db, catalog("UBND", big, "Hộ tịch", "r", "l", d),
	    "\"name\" is 10000000 characters long", "a 10 MB procedure name");
	free(big);
	free(d);
	big = repeat("ễ", 301);
	d = docs(big, 1);
	cat_refused(db, catalog("UBND", "Khai sinh", "Hộ tịch", "r", "l", d),
	    "document 1, \"name\" is 301 characters long, more than the 300",
	    "a document name of 301 characters");
	free(big);
	free(d);
	big = repeat("ễ", 201);
	d = docs("Tờ khai", 1);
	cat_refused(db, catalog("UBND", "Khai sinh", big, "r", "l", d),
	    "\"field\" is 201 characters long, more than the 200", "a field of 201 characters");
	cat_refused(db, catalog(big, "Khai sinh", "Hộ tịch", "r", "l", d),
	    "\"issuer\" is 201 characters long", "an issuer of 201 characters");
	free(big);
	big = repeat("ễ", 4001);
	cat_refused(db, catalog("UBND", "Khai sinh", "Hộ tịch", "r", big, d),
	    "\"legal_basis\" is 4001 characters long", "a legal basis of 4001 characters");
	free(big);
	free(d);
	d = docs("Tờ khai", 201);
	cat_refused(db, catalog("UBND", "Khai sinh", "Hộ tịch", "r", "l", d),
	    "procedure 9.000001|\"documents\" lists 201 documents, more than the 200",
	    "201 documents");
	free(d);

	/* an amendment keeps to the same rules, so its export imports back */
	{
		char bidi[] = "Tờ\xe2\x80\xaekhai";
		struct mc_document dd[1] = { { 0, bidi, MC_FORM_COPY, 1, true, NULL } };
		struct catalog_amend am = { .fee = -1, .set_docs = true, .docs = dd,
			.ndocs = 1 };
		char before[MC_HASH_LEN], after[MC_HASH_LEN];

		digest(db, before);
		err_clear(&err);
		ok(catalog_amend(db, "truong", "1.001022", &am, NULL, &err) == -1 &&
		    has(err.msg, "document 1: the name holds an invisible direction "
		    "control (U+202E)"), "amend: a direction override in a document's "
		    "name refused");
		am.ndocs = 201;
		ok(catalog_amend(db, "truong", "1.001022", &am, NULL, &err) == -1 &&
		    has(err.msg, "at most 200 documents"), "amend: 201 documents refused");
		digest(db, after);
		is_str(after, before, "amend: nothing changed");
	}

	/* at the limits: accepted */
	big = repeat("ễ", 500);
	d = docs("Tờ khai", 200);
	json = catalog("UBND", big, "Hộ tịch", "r", "l", d);
	err_clear(&err);
	ok(catalog_import_json(db, "truong", json, &st, &err) == 0 && st.added == 1,
	    "catalog: a 500-character name and 200 documents are accepted");
	if (err.msg[0] != '\0')
		printf("#   %s\n", err.msg);
	free(json);
	free(big);
	free(d);
}

/* ---- the calendar ---------------------------------------------------------- */

/* A 2026 calendar: the days off listed (each "off"), named `name`. */
static char *
calendar(const char *source, const char *name, const int *days, size_t n)
{
	sqlite3_str *b = sqlite3_str_new(NULL);
	char *s, *out;

	sqlite3_str_appendf(b, "{\"format\": \"motcua-calendar\", \"version\": 1, "
	    "\"years\": [{\"year\": 2026, \"source\": \"%s\", \"days\": [", source);
	for (size_t i = 0; i < n; i++) {
		char date[MC_DATE_LEN];

		date_format(days[i], date);
		sqlite3_str_appendf(b, "%s{\"date\": \"%s\", \"off\": true, \"name\": "
		    "\"%s\"}", i > 0 ? ", " : "", date, name);
	}
	sqlite3_str_appendall(b, "]}]}");
	s = sqlite3_str_finish(b);
	out = strdup(s);
	sqlite3_free(s);
	return out;
}

static void
cal_refused(sqlite3 *db, char *json, const char *needles, const char *what)
{
	char before[MC_HASH_LEN], after[MC_HASH_LEN], buf[256], *tok, *save;
	struct mc_err err;
	bool all = true;
	int rc, years[4];

	digest(db, before);
	err_clear(&err);
	rc = calendar_import_json(db, "truong", json, years, 4, &err);
	digest(db, after);
	snprintf(buf, sizeof buf, "%s", needles);
	for (tok = strtok_r(buf, "|", &save); tok != NULL; tok = strtok_r(NULL, "|", &save))
		all = has(err.msg, tok) && all;
	ok(rc == -1 && err.kind == MC_EINVAL && all, "calendar: %s refused", what);
	is_str(after, before, "calendar: %s: nothing changed", what);
	free(json);
}

/* The first n weekdays of 2026 from `from` (a JDN), into days[]. */
static size_t
weekdays(int from, int *days, size_t n)
{
	size_t k = 0;

	for (int j = from; k < n; j++)
		if (date_weekday(j) < 5)
			days[k++] = j;
	return k;
}

static void
test_calendar(sqlite3 *db)
{
	int days[80], years[4];
	int jan1 = date_jdn(2026, 1, 1);
	struct mc_err err;
	char *big, *json;
	size_t n;

	days[0] = jan1;
	cal_refused(db, calendar("QĐ", "Tết\\u202E", days, 1),
	    "years[0].days[0]: \"name\"|U+202E", "a direction override in a name");
	cal_refused(db, calendar("QĐ", "Tết\\nDương lịch", days, 1),
	    "years[0].days[0]: \"name\"|line break", "a newline in a name");
	cal_refused(db, calendar("Q\\u200BĐ", "Tết", days, 1),
	    "years[0]: \"source\"|U+200B", "a zero-width space in the source");
	big = repeat("x", 101);
	cal_refused(db, calendar("QĐ", big, days, 1),
	    "years[0].days[0]: \"name\" is 101 characters long, more than the 100",
	    "a name of 101 characters");
	free(big);
	big = repeat("ễ", 501);
	cal_refused(db, calendar(big, "Tết", days, 1),
	    "years[0]: \"source\" is 501 characters long", "a source of 501 characters");
	free(big);
	days[1] = jan1;
	cal_refused(db, calendar("QĐ", "Tết", days, 2),
	    "years[0].days[1]: \"date\" 2026-01-01 is listed twice", "a date given twice");

	/* 41 weekdays off, and weekends among them do not count */
	n = weekdays(date_jdn(2026, 12, 1), days, 22);	/* all of December */
	n += weekdays(date_jdn(2026, 3, 2), days + n, 19);
	days[n++] = date_jdn(2026, 3, 7);	/* a Saturday */
	cal_refused(db, calendar("QĐ", "Nghỉ", days, n),
	    "years[0]: \"days\" gives 41 weekdays off in 2026, more than the 40",
	    "41 weekdays off");
	n = weekdays(date_jdn(2026, 12, 1), days, 22);
	n += weekdays(date_jdn(2026, 3, 2), days + n, 18);
	days[n++] = date_jdn(2026, 3, 7);
	days[n++] = date_jdn(2026, 3, 8);	/* a Sunday */
	json = calendar("QĐ", "Nghỉ", days, n);
	err_clear(&err);
	ok(calendar_import_json(db, "truong", json, years, 4, &err) == 1,
	    "calendar: 40 weekdays off and two weekend days are accepted");
	if (err.msg[0] != '\0')
		printf("#   %s\n", err.msg);
	free(json);
}

/* ---- a full disk --------------------------------------------------------- */

static int
pages(sqlite3 *db)
{
	sqlite3_stmt *st;
	int n = -1;

	if (sqlite3_prepare_v2(db, "PRAGMA page_count", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* The database may not grow by more than `more` pages: a disk that is full. */
static void
limit_pages(sqlite3 *db, int more)
{
	char sql[64];

	snprintf(sql, sizeof sql, "PRAGMA max_page_count = %d", pages(db) + more);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		bail("max_page_count", sqlite3_errmsg(db));
}

/* 50 years of working days listed: more rows than a page or two holds */
static char *
big_calendar(void)
{
	sqlite3_str *b = sqlite3_str_new(NULL);
	char *s, *out;

	sqlite3_str_appendall(b, "{\"format\": \"motcua-calendar\", \"version\": 1, "
	    "\"years\": [");
	for (int y = 2030; y < 2080; y++) {
		sqlite3_str_appendf(b, "%s{\"year\": %d, \"days\": [", y > 2030 ? ", " : "", y);
		for (int d = 0; d < 300; d++) {
			char date[MC_DATE_LEN];

			date_format(date_jdn(y, 1, 1) + d, date);
			sqlite3_str_appendf(b, "%s{\"date\": \"%s\", \"off\": false, "
			    "\"name\": \"Ngày làm việc %d\"}", d > 0 ? ", " : "", date, d);
		}
		sqlite3_str_appendall(b, "]}");
	}
	sqlite3_str_appendall(b, "]}");
	s = sqlite3_str_finish(b);
	out = strdup(s);
	sqlite3_free(s);
	return out;
}

#define FULL_SAYS "the disk is full: free some space (delete old files) and try " \
	"again; nothing was changed"

static void
test_full(void)
{
	struct mc_calendar *cal;
	struct catalog_stats cs;
	struct sync_report r;
	struct mc_err err;
	char code[MC_CODE_LEN], out[512], before[MC_HASH_LEN], after[MC_HASH_LEN];
	long long count;
	sqlite3 *a = station_new("full-a.db", 1), *b = station_new("full-b.db", 2), *c;
	int refusals = 0, unchanged = 0, said = 0, k, rc = -1;
	struct mc_unit u;
	char *big;

	if (calendar_open(a, &cal, &err) != 0)
		bail("calendar", err.msg);
	/* b takes a's bundles: its supervisor trusts a's key (sync-import.c
	 * refuses a bundle from a station it does not trust, before any room
	 * is wanted) */
	station_trust(b, a);
	/* 30 receipts on the morning of the 16th, the clock saying so; the
	 * bundle is made and imported a little later that morning */
	tap_now("2026-11-16 09:00");
	for (int i = 0; i < 30; i++)
		receive(a, cal, "1.001022", "2026-11-16 09:00", code);
	calendar_close(cal);
	tap_now("2026-11-16 09:30");
	if (sync_export(a, "lan", NULL, test_dir, out, sizeof out, &count, NULL, NULL, &err))
		bail("export", err.msg);
	/* every room from none upwards: wherever the import runs out, it says
	 * the disk is full and changes nothing; with room enough it imports */
	for (k = 0; k < 200 && rc != 0; k++) {
		digest(b, before);
		limit_pages(b, k);
		err_clear(&err);
		rc = sync_import(b, "truong", out, false, &r, NULL, NULL, &err);
		if (rc == 0)
			break;
		digest(b, after);
		refusals++;
		unchanged += strcmp(before, after) == 0;
		if (strstr(err.msg, FULL_SAYS) != NULL)
			said++;
		else
			printf("#   room for %d pages: %s\n", k, err.msg);
	}
	ok(refusals > 5, "a bundle refused for want of room (%d times)", refusals);
	is_int(said, refusals, "each time the message says the disk is full");
	is_int(unchanged, refusals, "each time the database is unchanged");
	is_int(rc, 0, "with room enough it imports");

	/* a catalog and a calendar into a station with no room to grow */
	memset(&u, 0, sizeof u);
	snprintf(u.code, sizeof u.code, "%s", UNIT_CODE);
	snprintf(u.name, sizeof u.name, "%s", UNIT_NAME);
	u.station = 3;
	if (db_open(test_path("full-c.db"), DB_CREATE, &c, &err) || unit_init(c, &u, &err) ||
	    unit_officer_add(c, "truong", "Trần Văn Trưởng", MC_ROLE_SUPERVISOR, &err))
		bail("full-c.db", err.msg);
	limit_pages(c, 0);
	digest(c, before);
	err_clear(&err);
	ok(catalog_import_json(c, "truong", catalog_sample_json, &cs, &err) == -1 &&
	    has(err.msg, FULL_SAYS), "catalog import on a full disk: says so");
	digest(c, after);
	is_str(after, before, "catalog import on a full disk: nothing changed");
	err_clear(&err);
	big = big_calendar();
	ok(calendar_import_json(c, "truong", big, NULL, 0, &err) == -1 && has(err.msg, FULL_SAYS), "calendar import on a full disk: says so");
	digest(c, after);
	is_str(after, before, "calendar import on a full disk: nothing changed");
	free(big);
	db_close(a);
	db_close(b);
	db_close(c);
}

/* ---- byte-order marks ------------------------------------------------------ */

static void
put(const char *file, const char *head, size_t headlen, const char *body)
{
	FILE *f = fopen(test_path(file), "wb");

	if (f == NULL || fwrite(head, 1, headlen, f) != headlen || fputs(body, f) == EOF ||
	    fclose(f) != 0)
		bail("writing", file);
}

static void
test_bom(sqlite3 *db)
{
	static const char cal[] = "{\"format\": \"motcua-calendar\", \"version\": 1, "
	    "\"years\": [{\"year\": 2031, \"days\": [{\"date\": \"2031-01-01\", "
	    "\"off\": true, \"name\": \"Tết Dương lịch\"}]}]}";
	struct catalog_stats st;
	struct mc_err err;
	char before[MC_HASH_LEN], after[MC_HASH_LEN];
	int years[2];

	put("bom8.json", "\xef\xbb\xbf", 3, cal);
	err_clear(&err);
	ok(calendar_import_file(db, "truong", test_path("bom8.json"), years, 2, &err) == 1,
	    "calendar with a UTF-8 byte-order mark: accepted, the mark ignored");
	put("bom8-cat.json", "\xef\xbb\xbf", 3, catalog_sample_json);
	err_clear(&err);
	ok(catalog_import_file(db, "truong", test_path("bom8-cat.json"), &st, &err) == 0,
	    "catalog with a UTF-8 byte-order mark: accepted (%s)", err.msg);
	/* UTF-16LE: the mark, then "{" as 7B 00 */
	put("bom16.json", "\xff\xfe{\0", 4, "");
	digest(db, before);
	err_clear(&err);
	ok(calendar_import_file(db, "truong", test_path("bom16.json"), years, 2, &err) == -1 &&
	    has(err.msg, "byte-order mark (BOM) of UTF-16: save it as UTF-8"),
	    "calendar in UTF-16: the mark named");
	err_clear(&err);
	ok(catalog_import_file(db, "truong", test_path("bom16.json"), &st, &err) == -1 &&
	    has(err.msg, "byte-order mark (BOM) of UTF-16: save it as UTF-8"),
	    "catalog in UTF-16: the mark named");
	put("bom16be.json", "\xfe\xff\0{", 4, "");
	err_clear(&err);
	ok(catalog_import_file(db, "truong", test_path("bom16be.json"), &st, &err) == -1 &&
	    has(err.msg, "UTF-16"), "catalog in UTF-16BE: the mark named");
	digest(db, after);
	is_str(after, before, "UTF-16 files: nothing changed");
}

/* ---- private files --------------------------------------------------------- */

static int
mode_of(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (int)(sb.st_mode & 07777) : -1;
}

/* A file `age` seconds old. */
static void
old_file(const char *path, int age)
{
	struct timeval tv[2];
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0 || write(fd, "x", 1) != 1 || close(fd) != 0)
		bail("old_file", path);
	gettimeofday(&tv[0], NULL);
	tv[0].tv_sec -= age;
	tv[1] = tv[0];
	if (utimes(path, tv) != 0)
		bail("utimes", path);
}

static void
test_private(void)
{
	struct mc_err err;
	char dir[256], path[512], saved[1024];
	int ready[2], go[2], fd;
	pid_t pid;
	char c;

	umask(022);	/* a usual umask: what it would let through, we must not */
	ok(privfile_write(test_path("out.txt"), "Nguyễn Văn An\n", 16, &err) == 0,
	    "privfile_write");
	is_int(mode_of(test_path("out.txt")), 0600, "a new file is 0600 under umask 022");
	fd = open(test_path("wide.txt"), O_WRONLY | O_CREAT, 0644);
	if (fd < 0 || close(fd) != 0)
		bail("open", "wide.txt");
	ok(privfile_write(test_path("wide.txt"), "087084000999\n", 13, &err) == 0,
	    "privfile_write over a 0644 file");
	is_int(mode_of(test_path("wide.txt")), 0600, "the file written is 0600 all the same");
	ok(privfile_write("/dev/null", "x", 1, &err) == 0, "a device is written in place");
	ok(privfile_write(test_path("no/such/dir/x"), "x", 1, &err) == -1 &&
	    has(err.msg, "cannot write"), "an impossible path: cannot write");
	ok(privfile_new(test_path("new.tmp")) == 0 && mode_of(test_path("new.tmp")) == 0600,
	    "privfile_new: 0600");
	ok(privfile_new(test_path("new.tmp")) == -1, "privfile_new: never over a file");

	/* the report screen's CSV and a slip go through slip_save_file */
	snprintf(path, sizeof path, "%s/x.db", test_dir);
	ok(slip_save_file(path, "reports", "report-2026.csv", "a;b\n", 4, saved,
	    sizeof saved, &err) == 0, "a report export");
	is_int(mode_of(saved), 0600, "the report export is 0600");

	/* the sweep */
	snprintf(dir, sizeof dir, "%s/stick", test_dir);
	if (mkdir(dir, 0700) != 0)
		bail("mkdir", dir);
#define IN(f) (snprintf(path, sizeof path, "%s/%s", dir, f), path)
	old_file(IN(".A-1-20261120-0900.motcua.tmp"), 120);
	old_file(IN(".A-1-20261120-0900.motcua.tmp-journal"), 120);
	old_file(IN(".A-1-20261120-0901.motcua.tmp"), 10);	/* an export under way */
	old_file(IN(".notes.tmp"), 120);			/* not ours */
	old_file(IN("A-1-20261120-0902.motcua.tmp"), 120);	/* no dot: not ours */
	old_file(IN(".A-1-20261120-0903.motcua"), 120);	/* no .tmp */
	old_file(IN(".A-1-20261120-0904.motcua.tmp"), 120);	/* locked, below */
	if (pipe(ready) != 0 || pipe(go) != 0)
		bail("pipe", "sweep");
	if ((pid = fork()) == 0) {
		struct flock l = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
		int lf = open(IN(".A-1-20261120-0904.motcua.tmp"), O_RDWR);

		if (lf < 0 || fcntl(lf, F_SETLK, &l) != 0)
			_exit(1);
		if (write(ready[1], "l", 1) != 1 || read(go[0], &c, 1) < 0)
			_exit(1);
		_exit(0);
	}
	if (pid < 0 || read(ready[0], &c, 1) != 1)
		bail("fork", "the locking child");
	is_int(privfile_sweep(dir, time(NULL)), 2, "the sweep removes two pieces");
	if (write(go[1], "g", 1) != 1)
		bail("write", "go");
	waitpid(pid, NULL, 0);
	ok(access(IN(".A-1-20261120-0900.motcua.tmp"), F_OK) != 0 &&
	    access(IN(".A-1-20261120-0900.motcua.tmp-journal"), F_OK) != 0,
	    "an interrupted export's temporary and its journal are gone");
	ok(access(IN(".A-1-20261120-0901.motcua.tmp"), F_OK) == 0,
	    "a temporary written 10 s ago is kept (an export may be writing it)");
	ok(access(IN(".A-1-20261120-0904.motcua.tmp"), F_OK) == 0,
	    "a temporary a live process holds locked is kept");
	ok(access(IN(".notes.tmp"), F_OK) == 0 &&
	    access(IN("A-1-20261120-0902.motcua.tmp"), F_OK) == 0 &&
	    access(IN(".A-1-20261120-0903.motcua"), F_OK) == 0,
	    "files of other names are left alone");
	is_int(privfile_sweep(dir, time(NULL) + 3600), 2,
	    "an hour on, the unlocked one goes too (and the once-locked one)");
#undef IN
	close(ready[0]);
	close(ready[1]);
	close(go[0]);
	close(go[1]);
}

int
main(void)
{
	sqlite3 *db;

	setenv("MOTCUA_NOW", "2026-11-01 09:30", 1);
	test_dir_make("limits");
	db = station_new("a.db", 1);
	test_check_plain();
	test_catalog(db);
	test_calendar(db);
	test_bom(db);
	test_full();
	test_private();
	db_close(db);
	test_dir_remove();
	return tap_done();
}
