/* cmd-publish.c — motcua publish catalog|calendar --out FILE [--version N]
 *
 * Writes a publication bundle (sync.h): the catalog or the holiday
 * calendar of this database, with a version number, for other stations to
 * take in with "motcua import FILE".
 *
 *   catalog   the payload is catalog_export_json; the version is --version
 *             or the catalog version held (meta catalog_version).  A
 *             --version other than the one held is written into the
 *             payload too, so the bundle and the catalog it carries never
 *             disagree.
 *   calendar  the payload is an official-calendar file
 *             (doc/calendar-format.md) holding, for every year with an
 *             official calendar or a supervisor's override, the effective
 *             special days of that year; the version is --version, or
 *             meta calendar_version + 1.  After writing, calendar_version
 *             records the version published, so the next publication
 *             without --version gets a higher number.
 *
 * Every JSON text here is made by SQLite's JSON functions from bound
 * values: a holiday name can hold any character. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/date.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/sync.h"

/* A version number: a decimal integer from 1 to 2^53 (a JSON number that
 * every reader keeps exact).  Returns 0 or -1. */
static int
parse_version(const char *s, long long *v)
{
	char *end;
	long long n;

	if (s[0] < '0' || s[0] > '9')
		return -1;
	errno = 0;
	n = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || n < 1 || n > (1LL << 53))
		return -1;
	*v = n;
	return 0;
}

/* Run `sql` with the text parameters given (NULL binds NULL) and return
 * the first column of its single row, malloc'd; NULL after filling err. */
static char *
sql_text(sqlite3 *db, const char *sql, const char *const *params, int nparams,
    struct mc_err *err)
{
	sqlite3_stmt *st;
	char *out = NULL;

	if (db_prepare(db, sql, &st, err) < 0)
		return NULL;
	for (int i = 0; i < nparams; i++) {
		if (sqlite3_bind_text(st, i + 1, params[i], -1, SQLITE_STATIC) != SQLITE_OK) {
			db_fail(db, err, "bind");
			sqlite3_finalize(st);
			return NULL;
		}
	}
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL) {
		out = strdup((const char *)sqlite3_column_text(st, 0));
		if (out == NULL)
			err_set(err, MC_ENOMEM, _("out of memory"));
	} else {
		db_fail(db, err, "JSON");
	}
	sqlite3_finalize(st);
	return out;
}

/* *arr (a JSON array) with `value` (JSON text) appended; *arr is replaced. */
static int
json_push(sqlite3 *db, char **arr, const char *value, struct mc_err *err)
{
	const char *p[] = {*arr, value};
	char *n = sql_text(db, "SELECT json_insert(?1, '$[#]', json(?2))", p, 2, err);

	if (n == NULL)
		return -1;
	free(*arr);
	*arr = n;
	return 0;
}

/* The "days" array of one year: its effective special days. */
static char *
year_days(sqlite3 *db, struct mc_calendar *cal, int year, size_t *count,
    struct mc_err *err)
{
	struct mc_holiday *h;
	size_t n;
	char *days;

	if (calendar_holidays(cal, year, &h, &n, err) < 0)
		return NULL;
	if ((days = strdup("[]")) == NULL) {
		free(h);
		err_set(err, MC_ENOMEM, _("out of memory"));
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		char date[MC_DATE_LEN];
		const char *p[3];
		char *day;

		date_format(h[i].jdn, date);
		p[0] = date;
		p[1] = h[i].off ? "true" : "false";
		p[2] = h[i].name;
		day = sql_text(db, "SELECT json_object('date', ?1, 'off', json(?2), "
		    "'name', ?3)", p, 3, err);
		if (day == NULL || json_push(db, &days, day, err) < 0) {
			free(day);
			free(days);
			free(h);
			return NULL;
		}
		free(day);
	}
	free(h);
	*count = n;
	return days;
}

/* The official-calendar JSON of every year that has an official calendar
 * or an override.  A year is published as its effective days (official
 * calendar, or the computed defaults, with the overrides applied): the
 * file replaces a year whole at the receiver, so a year carrying only an
 * override must carry its defaults too.  MC_ENOTFOUND when there is
 * nothing to publish. */
static char *
calendar_payload(sqlite3 *db, struct mc_err *err)
{
	static const char years_sql[] =
	    "SELECT year, (SELECT source FROM calendar_year c WHERE c.year = y.year) "
	    "FROM (SELECT year FROM calendar_year "
	    "      UNION SELECT CAST(substr(date, 1, 4) AS INTEGER) FROM holiday) y "
	    "ORDER BY year";
	struct mc_calendar *cal;
	sqlite3_stmt *st = NULL;
	char *years = NULL, *doc = NULL;
	int rc, nyears = 0;

	if (calendar_open(db, &cal, err) < 0)
		return NULL;
	if ((years = strdup("[]")) == NULL) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		goto out;
	}
	if (db_prepare(db, years_sql, &st, err) < 0)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int year = sqlite3_column_int(st, 0);
		const char *source = (const char *)sqlite3_column_text(st, 1);
		char ybuf[16], *days, *entry;
		size_t ndays = 0;
		const char *p[3];

		if (year < 1800 || year > 2199)
			continue;	/* the schema forbids it; never publish it */
		if ((days = year_days(db, cal, year, &ndays, err)) == NULL)
			goto out;
		if (ndays == 0) {
			/* The format needs at least one day per year; a year
			 * whose overrides cancel everything stays unpublished. */
			free(days);
			continue;
		}
		snprintf(ybuf, sizeof ybuf, "%d", year);
		p[0] = ybuf;
		p[1] = source != NULL && source[0] != '\0' ? source : NULL;
		p[2] = days;
		entry = sql_text(db, "SELECT CASE WHEN ?2 IS NULL "
		    "THEN json_object('year', CAST(?1 AS INTEGER), 'days', json(?3)) "
		    "ELSE json_object('year', CAST(?1 AS INTEGER), 'source', ?2, "
		    "'days', json(?3)) END", p, 3, err);
		free(days);
		if (entry == NULL || json_push(db, &years, entry, err) < 0) {
			free(entry);
			goto out;
		}
		free(entry);
		if (++nyears > MC_CALENDAR_MAX_YEARS) {
			err_set(err, MC_EINVAL, _("the calendar holds more than %d years; "
			    "a publication carries at most %d"), MC_CALENDAR_MAX_YEARS,
			    MC_CALENDAR_MAX_YEARS);
			goto out;
		}
	}
	if (rc != SQLITE_DONE) {
		db_fail(db, err, "calendar");
		goto out;
	}
	if (nyears == 0) {
		err_set(err, MC_ENOTFOUND, _("there is no calendar to publish: import "
		    "an official calendar (motcua calendar import FILE) or set a "
		    "holiday (motcua calendar set) first"));
		goto out;
	}
	{
		const char *p[] = {years};

		doc = sql_text(db, "SELECT json_object('format', 'motcua-calendar', "
		    "'version', 1, 'years', json(?1))", p, 1, err);
	}
out:
	sqlite3_finalize(st);
	calendar_close(cal);
	free(years);
	return doc;
}

/* The catalog payload, its version set to `version` when that is not the
 * version held. */
static char *
catalog_payload(sqlite3 *db, long long version, struct mc_err *err)
{
	char held[32], vbuf[32], *json, *set;
	const char *p[2];

	if ((json = catalog_export_json(db, err)) == NULL)
		return NULL;
	snprintf(vbuf, sizeof vbuf, "%lld", version);
	if (db_meta_get(db, "catalog_version", held, sizeof held) == 0 &&
	    strcmp(held, vbuf) == 0)
		return json;
	p[0] = json;
	p[1] = vbuf;
	set = sql_text(db, "SELECT json_set(?1, '$.version', CAST(?2 AS INTEGER))",
	    p, 2, err);
	free(json);
	return set;
}

static int
run(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *out = cli_arg(a, "out"), *vtext = cli_arg(a, "version"), *kind = a->word;
	char written[4096], held[32];
	long long version = 0;
	struct mc_err err;
	sqlite3 *db;
	char *payload;
	int rc;

	if (out[0] == '\0')
		return cli_usage(a);
	if (vtext != NULL && parse_version(vtext, &version) < 0)
		return cli_error(_("bad version \"%s\"; give a whole number from 1 up, "
		    "such as 3"), vtext);
	if ((db = cli_db(ctx)) == NULL)
		return 1;

	if (strcmp(kind, "catalog") == 0) {
		if (vtext == NULL) {
			if (db_meta_get(db, "catalog_version", held, sizeof held) < 0 ||
			    parse_version(held, &version) < 0)
				return cli_error(_("no catalog has been imported yet: "
				    "import one with \"motcua catalog import FILE\""));
		}
		payload = catalog_payload(db, version, &err);
	} else {
		if (vtext == NULL) {
			if (db_meta_get(db, "calendar_version", held, sizeof held) < 0)
				return cli_error(_("no calendar version is held yet: give "
				    "the first one with --version N"));
			if (parse_version(held, &version) < 0 || version >= (1LL << 53))
				return cli_error(_("the calendar version held (\"%s\") is "
				    "not a number: give one with --version N"), held);
			version++;
		}
		payload = calendar_payload(db, &err);
	}
	if (payload == NULL)
		return cli_fail(&err);

	rc = sync_publish(db, kind, version, payload, out, written, sizeof written, &err);
	free(payload);
	if (rc < 0)
		return cli_fail(&err);
	if (strcmp(kind, "calendar") == 0) {
		long long h = 0;

		/* The publisher holds what it published: the next calendar
		 * publication without --version gets a higher number. */
		if (db_meta_get(db, "calendar_version", held, sizeof held) < 0 ||
		    parse_version(held, &h) < 0 || h < version) {
			char vbuf[32];

			snprintf(vbuf, sizeof vbuf, "%lld", version);
			if (db_meta_set(db, "calendar_version", vbuf, &err) < 0)
				return cli_fail(&err);
		}
		printf(_("Published calendar version %lld to %s.\n"), version, written);
	} else {
		printf(_("Published catalog version %lld to %s.\n"), version, written);
	}
	return 0;
}

static const struct cli_opt publish_opts[] = {
	{"out", "FILE", N_("the bundle to write (it must not exist yet)"), CLI_REQUIRED, 0},
	{"version", "N", N_("the version to publish (default: see motcua(1))"), 0, 0},
	CLI_OPT_END,
};

static const struct cli_form forms[] = {
	{.word = "catalog|calendar", .opts = {publish_opts}, .run = run},
	CLI_FORM_END,
};

const struct cli_cmd cmd_publish = {
	"publish", N_("Write the catalog or the calendar as a publication for the other "
	    "stations."), forms,
};
