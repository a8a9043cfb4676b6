/* calendar-import.c — importing official calendars (doc/calendar-format.md).
 *
 * The whole file is read and checked first, with the imports' JSON reader
 * (json-int.h): each object against a field spec, a key given twice
 * refused, unlisted keys skipped (the format leaves room for later
 * members).  Every message names the entry and the field, e.g.
 * "years[0].days[3]: "date" …".  Then each year of the file replaces that
 * year's official calendar, all in one transaction. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar-int.h"
#include "json-int.h"
#include "motcua/calendar.h"
#include "motcua/date.h"
#include "motcua/audit.h"
#include "motcua/db.h"
#include "motcua/role.h"
#include "motcua/i18n.h"
#include "motcua/vntext.h"

#define MAX_FILE (4L << 20)	/* an official calendar is a few kB */
#define MAX_DAYS 366
/* Content limits (doc/calendar-format.md): names in characters as stored,
 * and the weekdays off a year may plausibly have — a real year has 10 to
 * 20 (Tết, the swaps and make-up days), so more than 40 is a wrong or
 * hostile file that would push every due date back by weeks. */
#define MAX_NAME_CHARS 100
#define MAX_SOURCE_CHARS 500
#define MAX_WORD 64		/* "format", "date" */
#define MAX_WEEKDAYS_OFF 40

/* A year of a calendar file, checked and ready to store. */
struct import_year {
	int year;
	char *source;
	struct mc_holiday *days;
	size_t ndays;
};

struct import {
	struct json_reader j;
	struct import_year ys[MC_CALENDAR_MAX_YEARS];
	size_t ny;
};

/* The object being read, for messages and for the checks across entries:
 * path is "" for the top, "years[0]", "years[0].days[3]". */
struct place {
	const char *path;
	struct import *imp;
	struct import_year *y;	/* the year being read, if any */
};

static void
import_free(struct import *imp)
{
	for (size_t i = 0; i < imp->ny; i++) {
		free(imp->ys[i].source);
		free(imp->ys[i].days);
	}
	imp->ny = 0;
}

/* ---- messages shared by the three levels ---------------------------------- */

/* A fault every field words the same way, or 0 if p is not one. */
static int
common_fault(const struct place *w, const struct json_problem *p, struct mc_err *err)
{
	char msg[sizeof err->msg];

	switch (p->fault) {
	case JSON_TWICE:
		if (w->path[0] == '\0')
			return err_set(err, MC_EINVAL, _("\"%s\" appears twice in the "
			    "file; keep one of them"), p->key);
		return err_set(err, MC_EINVAL, _("%s: \"%s\" appears twice; keep "
		    "one of them"), w->path, p->key);
	case JSON_NUL:
		return err_set(err, MC_EINVAL, _("%s: \"%s\" holds a NUL character "
		    "(\\u0000); correct the file"), w->path, p->key);
	case JSON_NOT_PLAIN:
		/* err holds vntext_check_plain's reason, to follow the key */
		snprintf(msg, sizeof msg, "%s", err != NULL ? err->msg : "");
		if (w->path[0] == '\0')
			return err_set(err, MC_EINVAL, _("\"%s\" %s; correct the "
			    "file"), p->key, msg);
		return err_set(err, MC_EINVAL, _("%s: \"%s\" %s; correct the file"),
		    w->path, p->key, msg);
	case JSON_BAD_TEXT:
		/* err holds vntext_clean's reason */
		snprintf(msg, sizeof msg, "%s", err->msg);
		return err_set(err, MC_EINVAL, "%s: \"%s\": %s", w->path, p->key, msg);
	default:
		return 0;
	}
}

/* ---- the top: format, version, years -------------------------------------- */

enum { T_FORMAT, T_VERSION, T_YEARS, T_N };
static const struct json_field top_fields[T_N] = {
	[T_FORMAT] = { "format", JSON_TEXT, JSON_REQUIRED | JSON_EMPTY_OK | JSON_RAW,
	    0, MAX_WORD, 0 },
	[T_VERSION] = { "version", JSON_INT, JSON_REQUIRED | JSON_LIMITS, 1, 1, 0 },
	[T_YEARS] = { "years", JSON_ARRAY, JSON_REQUIRED | JSON_LIMITS, 1,
	    MC_CALENDAR_MAX_YEARS, 0 },
};

static int
bad_format(struct mc_err *err)
{
	return err_set(err, MC_EINVAL, _("\"format\" must be \"motcua-calendar\"; "
	    "is this a holiday calendar file?"));
}

static int
top_complain(const void *where, const struct json_problem *p, struct mc_err *err)
{
	if (p->fault == JSON_TWICE || p->fault == JSON_NOT_PLAIN)
		return common_fault(where, p, err);
	if (p->field == &top_fields[T_FORMAT])
		return bad_format(err);
	if (p->field == &top_fields[T_VERSION])
		return err_set(err, MC_EINVAL, _("\"version\" must be 1; this motcua "
		    "reads calendar files of version 1 only"));
	if (p->fault == JSON_OUT_OF_RANGE && p->value->num > 0)
		return err_set(err, MC_EINVAL, _("\"years\" has more than %d entries; "
		    "split the file"), MC_CALENDAR_MAX_YEARS);
	return err_set(err, MC_EINVAL, _("\"years\" %s; give an array with one "
	    "entry per year"), p->fault == JSON_MISSING ? _("is missing") :
	    p->fault == JSON_OUT_OF_RANGE ? _("is empty") : _("must be an array"));
}

static int
top_check(const void *where, const struct json_field *f, struct json_value *v,
    struct mc_err *err)
{
	(void)where;
	if (f == &top_fields[T_FORMAT] && strcmp(v->text, "motcua-calendar") != 0)
		return bad_format(err);
	return 0;
}

static const struct json_object_spec top_spec = {
	top_fields, T_N, true, top_complain, top_check
};

/* ---- a day: date, off, name ------------------------------------------------ */

#define RAW (JSON_REQUIRED | JSON_EMPTY_OK | JSON_RAW)	/* checked as written */
enum { D_DATE, D_OFF, D_NAME, D_N };
static const struct json_field day_fields[D_N] = {
	[D_DATE] = { "date", JSON_TEXT, RAW, 0, MAX_WORD, 0 },
	[D_OFF] = { "off", JSON_BOOL, JSON_REQUIRED, 0, 0, 0 },
	/* day_check cleans the name */
	[D_NAME] = { "name", JSON_TEXT, RAW, 0, MAX_NAME_CHARS, 0 },
};

/* "date" that is no date: the text quoted, another JSON value as it is. */
static int
bad_date(const struct place *w, const struct json_value *v, struct mc_err *err)
{
	bool text = strcmp(v->type, "text") == 0;

	return err_set(err, MC_EINVAL, _("%s: \"date\" %s%s%s is not a date; write "
	    "it as \"YYYY-MM-DD\", a real day"), w->path, text ? "\"" : "",
	    v->text != NULL ? v->text : v->type, text ? "\"" : "");
}

static int
day_complain(const void *where, const struct json_problem *p, struct mc_err *err)
{
	const struct place *w = where;

	if (common_fault(w, p, err) < 0)
		return -1;
	if (p->field == &day_fields[D_DATE])
		return p->fault == JSON_MISSING ? err_set(err, MC_EINVAL, _("%s: "
		    "\"date\" is missing; add it as \"YYYY-MM-DD\""), w->path) :
		    bad_date(w, p->value, err);
	if (p->field == &day_fields[D_OFF])
		return p->fault == JSON_MISSING ? err_set(err, MC_EINVAL, _("%s: "
		    "\"off\" is missing; add \"off\": true for a day off or false "
		    "for a working day"), w->path) : err_set(err, MC_EINVAL,
		    _("%s: \"off\" must be true or false, not %s; correct the "
		    "file"), w->path, p->value->type);
	return p->fault == JSON_MISSING ? err_set(err, MC_EINVAL, _("%s: \"name\" "
	    "is missing; add the holiday's name"), w->path) : err_set(err,
	    MC_EINVAL, _("%s: \"name\" must be a string, not %s; correct the "
	    "file"), w->path, p->value->type);
}

static int
day_check(const void *where, const struct json_field *f, struct json_value *v,
    struct mc_err *err)
{
	const struct place *w = where;
	const struct import_year *y = w->y;
	char msg[sizeof err->msg], *name;
	int jdn, yy, mm, dd;

	if (f == &day_fields[D_NAME]) {
		if ((name = calendar_clean_name(v->text, err)) == NULL) {
			snprintf(msg, sizeof msg, "%s", err->msg);
			return err_set(err, MC_EINVAL, "%s: \"name\": %s", w->path, msg);
		}
		free(v->text);
		v->text = name;
		return 0;
	}
	if (f != &day_fields[D_DATE])
		return 0;
	if (date_parse(v->text, &jdn))
		return bad_date(w, v, err);
	date_ymd(jdn, &yy, &mm, &dd);
	if (yy != y->year)
		return err_set(err, MC_EINVAL, _("%s: \"date\" %04d-%02d-%02d is not in "
		    "%d; move it to the entry of its own year"), w->path, yy, mm, dd,
		    y->year);
	for (size_t i = 0; i < y->ndays; i++)
		if (y->days[i].jdn == jdn)
			return err_set(err, MC_EINVAL, _("%s: \"date\" %04d-%02d-%02d is "
			    "listed twice (also days[%zu]); keep one entry per date"),
			    w->path, yy, mm, dd, i);
	v->num = jdn;
	return 0;
}

static const struct json_object_spec day_spec = {
	day_fields, D_N, true, day_complain, day_check
};

static int
read_day(void *arg, int index, const char *type, const char *json,
    struct mc_err *err)
{
	const struct place *yw = arg;
	struct import_year *y = yw->y;
	struct json_value v[D_N];
	char path[128];
	struct place w = { path, yw->imp, y };
	struct mc_holiday *h = &y->days[y->ndays];

	snprintf(path, sizeof path, "%s.days[%d]", yw->path, index);
	if (strcmp(type, "object") != 0)
		return err_set(err, MC_EINVAL, _("%s must be an object with \"date\", "
		    "\"off\" and \"name\"; correct the file"), path);
	if (json_object_read(&yw->imp->j, json, &day_spec, v, &w, err) < 0) {
		json_values_free(v, D_N);
		return -1;
	}
	h->jdn = (int)v[D_DATE].num;
	h->off = v[D_OFF].num != 0;
	snprintf(h->name, sizeof h->name, "%s", v[D_NAME].text);
	h->source = MC_HOL_OFFICIAL;
	y->ndays++;
	json_values_free(v, D_N);
	return 0;
}

/* ---- a year: year, source, days ---------------------------------------------- */

enum { Y_YEAR, Y_SOURCE, Y_DAYS, Y_N };
static const struct json_field year_fields[Y_N] = {
	[Y_YEAR] = { "year", JSON_INT, JSON_REQUIRED | JSON_LIMITS, 1800, 2199, 0 },
	[Y_SOURCE] = { "source", JSON_TEXT, JSON_EMPTY_OK, 0, MAX_SOURCE_CHARS, 0 },
	[Y_DAYS] = { "days", JSON_ARRAY, JSON_REQUIRED | JSON_LIMITS, 1, MAX_DAYS, 0 },
};

static int
year_complain(const void *where, const struct json_problem *p, struct mc_err *err)
{
	const struct place *w = where;

	if (common_fault(w, p, err) < 0)
		return -1;
	if (p->field == &year_fields[Y_YEAR])
		return p->fault == JSON_MISSING ? err_set(err, MC_EINVAL, _("%s: "
		    "\"year\" is missing; add it, e.g. \"year\": 2026"), w->path) :
		    err_set(err, MC_EINVAL, _("%s: \"year\" must be a whole number "
		    "from 1800 to 2199; correct the file"), w->path);
	if (p->field == &year_fields[Y_SOURCE])
		return err_set(err, MC_EINVAL, _("%s: \"source\" must be a string; "
		    "correct the file"), w->path);
	if (p->fault == JSON_OUT_OF_RANGE && p->value->num == 0)
		return err_set(err, MC_EINVAL, _("%s: \"days\" is empty; list the "
		    "year's days off and working days"), w->path);
	if (p->fault == JSON_OUT_OF_RANGE)
		return err_set(err, MC_EINVAL, _("%s: \"days\" has more than 366 "
		    "entries; keep one entry per date"), w->path);
	return err_set(err, MC_EINVAL, _("%s: \"days\" %s; give the year's days "
	    "off and working days as an array"), w->path,
	    p->fault == JSON_MISSING ? _("is missing") : _("must be an array"));
}

static int
year_check(const void *where, const struct json_field *f, struct json_value *v,
    struct mc_err *err)
{
	const struct place *w = where;
	const struct import *imp = w->imp;

	if (f != &year_fields[Y_YEAR])
		return 0;
	for (size_t i = 0; &imp->ys[i] != w->y; i++)
		if (imp->ys[i].year == v->num)
			return err_set(err, MC_EINVAL, _("%s: year %d is listed twice "
			    "(also years[%zu]); keep one entry per year"), w->path,
			    (int)v->num, i);
	return 0;
}

static const struct json_object_spec year_spec = {
	year_fields, Y_N, true, year_complain, year_check
};

/* A year with implausibly many weekdays off is refused whole. */
static int
check_days_off(const struct place *w, struct mc_err *err)
{
	const struct import_year *y = w->y;
	size_t off = 0;

	for (size_t i = 0; i < y->ndays; i++)
		if (y->days[i].off && date_weekday(y->days[i].jdn) < 5)
			off++;
	if (off <= MAX_WEEKDAYS_OFF)
		return 0;
	return err_set(err, MC_EINVAL, _("%s: \"days\" gives %zu weekdays off in %d, "
	    "more than the %d any real year has (about 10 to 20, Tết included); "
	    "check the file"), w->path, off, y->year, MAX_WEEKDAYS_OFF);
}

static int
read_year(void *arg, int index, const char *type, const char *json,
    struct mc_err *err)
{
	struct import *imp = arg;
	struct import_year *y = &imp->ys[imp->ny++];	/* import_free frees it */
	struct json_value v[Y_N];
	char path[96];
	struct place w = { path, imp, y };
	int rc = -1;

	memset(y, 0, sizeof *y);
	snprintf(path, sizeof path, "years[%d]", index);
	if (strcmp(type, "object") != 0)
		return err_set(err, MC_EINVAL, _("%s must be an object with \"year\" "
		    "and \"days\"; correct the file"), path);
	if (json_object_read(&imp->j, json, &year_spec, v, &w, err) < 0)
		goto out;
	y->year = (int)v[Y_YEAR].num;
	y->source = v[Y_SOURCE].present ? json_value_take(&v[Y_SOURCE]) :
	    strdup("");
	y->days = calloc((size_t)v[Y_DAYS].num, sizeof *y->days);
	if (y->source == NULL || y->days == NULL) {
		err_set(err, MC_ENOMEM, _("out of memory; close other programs and "
		    "try again"));
		goto out;
	}
	if (json_array_each(&imp->j, v[Y_DAYS].text, read_day, &w, err) != 0 ||
	    check_days_off(&w, err) != 0)
		goto out;
	rc = 0;
out:
	json_values_free(v, Y_N);
	return rc;
}

/* Check the whole file into imp->ys.  Nothing is written. */
static int
import_check(struct import *imp, const char *json, struct mc_err *err)
{
	struct json_value v[T_N];
	struct place top = { "", imp, NULL };
	char type[JSON_TYPE_LEN];
	int rc = -1;

	if (json_top_type(&imp->j, json, type, err) < 0)
		return -1;
	if (type[0] == '\0')
		return err_set(err, MC_EINVAL, _("the file is not valid JSON (cut short or "
		    "mistyped?); check it against doc/calendar-format.md"));
	if (strcmp(type, "object") != 0)
		return err_set(err, MC_EINVAL, _("the file must hold one JSON object with "
		    "\"format\", \"version\" and \"years\"; check it against "
		    "doc/calendar-format.md"));
	if (json_object_read(&imp->j, json, &top_spec, v, &top, err) == 0 &&
	    json_array_each(&imp->j, v[T_YEARS].text, read_year, imp, err) == 0)
		rc = 0;
	json_values_free(v, T_N);
	return rc;
}

/* ---- storing ------------------------------------------------------------------ */

static int
import_store(sqlite3 *db, const struct import_year *ys, size_t ny, struct mc_err *err)
{
	static const char *const sql[] = {
		"DELETE FROM calendar_day WHERE year = ?1",
		"DELETE FROM calendar_year WHERE year = ?1",
		"INSERT INTO calendar_year(year, source, imported) VALUES (?1, ?2, ?3)",
		"INSERT INTO calendar_day(date, year, off, name) VALUES (?1, ?2, ?3, ?4)",
	};
	sqlite3_stmt *st[4] = {NULL, NULL, NULL, NULL};
	struct mc_time now;
	char iso[MC_ISO_LEN];
	int rc = -1;

	date_now(&now);
	date_format_iso(&now, iso);
	for (int i = 0; i < 4; i++)
		if (db_prepare(db, sql[i], &st[i], err))
			goto out;
	for (size_t i = 0; i < ny; i++) {
		for (int k = 0; k < 3; k++) {
			sqlite3_reset(st[k]);
			sqlite3_bind_int(st[k], 1, ys[i].year);
			if (k == 2) {
				sqlite3_bind_text(st[k], 2, ys[i].source, -1, SQLITE_STATIC);
				sqlite3_bind_text(st[k], 3, iso, -1, SQLITE_STATIC);
			}
			if (sqlite3_step(st[k]) != SQLITE_DONE) {
				db_fail(db, err, _("saving the official calendar"));
				goto out;
			}
		}
		for (size_t j = 0; j < ys[i].ndays; j++) {
			char date[MC_DATE_LEN];

			date_format(ys[i].days[j].jdn, date);
			sqlite3_reset(st[3]);
			sqlite3_bind_text(st[3], 1, date, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int(st[3], 2, ys[i].year);
			sqlite3_bind_int(st[3], 3, ys[i].days[j].off);
			sqlite3_bind_text(st[3], 4, ys[i].days[j].name, -1, SQLITE_STATIC);
			if (sqlite3_step(st[3]) != SQLITE_DONE) {
				db_fail(db, err, _("saving the official calendar"));
				goto out;
			}
		}
	}
	rc = 0;
out:
	for (int i = 0; i < 4; i++)
		sqlite3_finalize(st[i]);
	return rc;
}

/* The import, recorded as coming from `source`. */
static int
import_run(sqlite3 *db, const char *acting, const char *json, const char *source,
    int *years, size_t max, struct mc_err *err)
{
	struct mc_officer me;
	struct db_tx tx;
	struct import imp;
	sqlite3_str *ys;
	char *list;
	int rc = -1;

	if (role_require(db, acting, MC_ACT_CALENDAR, &me, err))
		return -1;
	memset(&imp, 0, sizeof imp);
	json_reader_open(&imp.j, db, _("reading the calendar file"));
	if (json == NULL)
		json = "";
	if (import_check(&imp, json, err))
		goto out;
	if (db_tx_begin(db, &tx, err))
		goto out;
	ys = sqlite3_str_new(NULL);
	for (size_t i = 0; i < imp.ny; i++)
		sqlite3_str_appendf(ys, "%s%d", i ? ", " : "", imp.ys[i].year);
	list = sqlite3_str_finish(ys);
	if (list == NULL) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		db_tx_rollback(&tx);
		goto out;
	}
	if (import_store(db, imp.ys, imp.ny, err) ||
	    audit_record(db, "calendar_import", me.username, NULL, err, "file", source,
	    "years", list, (char *)NULL) || db_tx_commit(&tx, err)) {
		sqlite3_free(list);
		db_tx_rollback(&tx);
		goto out;
	}
	sqlite3_free(list);
	for (size_t i = 0; years != NULL && i < imp.ny && i < max; i++)
		years[i] = imp.ys[i].year;
	rc = (int)imp.ny;
out:
	json_reader_close(&imp.j);
	import_free(&imp);
	return rc;
}

int
calendar_import_json(sqlite3 *db, const char *acting, const char *json, int *years,
    size_t max, struct mc_err *err)
{
	return import_run(db, acting, json, "-", years, max, err);
}

/* The whole file as a string; NULL with err set. */
static char *
read_file(const char *path, struct mc_err *err)
{
	char *buf;
	size_t n;

	switch (json_file_read(path, MAX_FILE, &buf, &n)) {
	case JSON_FILE_OK:
		return buf;
	case JSON_FILE_OPEN:
		err_set(err, MC_EIO, _("cannot read %s: %s; check the file name"), path,
		    strerror(errno));
		break;
	case JSON_FILE_NOT_REGULAR:
		err_set(err, MC_EIO, _("%s is not a regular file; give the calendar "
		    "file's name"), path);
		break;
	case JSON_FILE_TOO_BIG:
		err_set(err, MC_EINVAL, _("%s is too large for a calendar file; check "
		    "that it is the right file"), path);
		break;
	case JSON_FILE_NOMEM:
		err_set(err, MC_ENOMEM, _("out of memory; close other programs and try "
		    "again"));
		break;
	case JSON_FILE_READ:
		err_set(err, MC_EIO, _("cannot read %s; check the disk or USB stick"), path);
		break;
	case JSON_FILE_NUL:
		err_set(err, MC_EINVAL, _("%s is not a text file; give a JSON calendar "
		    "file"), path);
		break;
	case JSON_FILE_UTF16:
		err_set(err, MC_EINVAL, _("%s starts with the byte-order mark (BOM) "
		    "of UTF-16: save it as UTF-8 and import it again"), path);
		break;
	}
	return NULL;
}

int
calendar_import_file(sqlite3 *db, const char *acting, const char *path, int *years,
    size_t max, struct mc_err *err)
{
	char *json = read_file(path, err);
	int rc;

	if (json == NULL)
		return -1;
	rc = import_run(db, acting, json, path, years, max, err);
	free(json);
	if (rc < 0 && err != NULL && err->kind == MC_EINVAL &&
	    strncmp(err->msg, path, strlen(path)) != 0) {
		char msg[sizeof err->msg];

		snprintf(msg, sizeof msg, "%s", err->msg);
		err_set(err, MC_EINVAL, "%s: %s", path, msg);
	}
	return rc;
}

