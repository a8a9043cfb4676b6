/* publish.c — making a publication (publish.h): the version it gets, its
 * payload, the bundle; and the rule by which a station applies one.
 *
 * Every JSON text here is made by SQLite's JSON functions from bound
 * values: a holiday name can hold any character. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/date.h"
#include "motcua/audit.h"
#include "motcua/db.h"
#include "motcua/role.h"
#include "motcua/i18n.h"
#include "motcua/publish.h"
#include "motcua/sync.h"

/* Is kind one this module publishes? */
static int
known_kind(const char *kind, struct mc_err *err)
{
	if (strcmp(kind, "catalog") == 0 || strcmp(kind, "calendar") == 0)
		return 0;
	return err_set(err, MC_EINVAL, _("a publication is a catalog or a calendar, "
	    "not '%s'"), kind);
}

int
publish_version_parse(const char *s, long long *v)
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
	int rc;

	if (db_prepare(db, sql, &st, err) < 0)
		return NULL;
	for (int i = 0; i < nparams; i++) {
		if (sqlite3_bind_text(st, i + 1, params[i], -1, SQLITE_STATIC) != SQLITE_OK) {
			db_fail(db, err, _("building the publication"));
			sqlite3_finalize(st);
			return NULL;
		}
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL) {
		out = strdup((const char *)sqlite3_column_text(st, 0));
		if (out == NULL)
			err_set(err, MC_ENOMEM, _("out of memory"));
	} else if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
		/* no text is no error of SQLite's ("not an error") */
		err_set(err, MC_ESTORE, _("building the publication failed: the query "
		    "gave no text; nothing was written"));
	} else {
		db_fail(db, err, _("building the publication"));
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
		db_fail(db, err, _("reading the calendar to publish"));
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

int
publish_version_next(sqlite3 *db, const char *kind, long long *version,
    struct mc_err *err)
{
	char held[32];

	if (known_kind(kind, err) != 0)
		return -1;
	if (strcmp(kind, "catalog") == 0) {
		if (db_meta_get(db, "catalog_version", held, sizeof held) < 0 ||
		    publish_version_parse(held, version) < 0)
			return err_set(err, MC_ENOTFOUND, _("no catalog has been imported "
			    "yet: import one with \"motcua catalog import FILE\""));
		return 0;
	}
	if (db_meta_get(db, "calendar_version", held, sizeof held) < 0)
		return err_set(err, MC_ENOTFOUND, _("no calendar version is held yet: "
		    "give the first one with --version N"));
	if (publish_version_parse(held, version) < 0 || *version >= (1LL << 53))
		return err_set(err, MC_EINVAL, _("the calendar version held (\"%s\") is "
		    "not a number: give one with --version N"), held);
	++*version;
	return 0;
}

bool
publish_applies(const char *held, long long version, bool force)
{
	return force || held == NULL || atoll(held) <= version;
}

char *
publish_payload(sqlite3 *db, const char *kind, long long version, struct mc_err *err)
{
	if (known_kind(kind, err) != 0)
		return NULL;
	return strcmp(kind, "catalog") == 0 ? catalog_payload(db, version, err) :
	    calendar_payload(db, err);
}

int
publish_write(sqlite3 *db, const char *acting, const char *kind, long long version,
    const char *path, char *out, size_t n, struct mc_err *err)
{
	struct mc_officer me;
	struct db_tx tx;
	char held[32], vbuf[32];
	long long h = 0;
	char *payload;
	int rc;

	if (role_require(db, acting, MC_ACT_PUBLISH, &me, err) ||
	    (payload = publish_payload(db, kind, version, err)) == NULL)
		return -1;
	rc = sync_publish(db, kind, version, payload, path, out, n, err);
	free(payload);
	if (rc < 0)
		return rc;
	/* The publication is recorded; the publisher of a calendar holds what
	 * it published, so the next one without a version given gets a
	 * higher number.  Read and raised in one transaction (a savepoint
	 * inside a caller's). */
	if (db_tx_begin(db, &tx, err))
		return -1;
	snprintf(vbuf, sizeof vbuf, "%lld", version);
	if (audit_record(db, "publish", me.username, NULL, err, "kind", kind, "version", vbuf,
	    "file", out, (char *)NULL))
		goto fail;
	if (strcmp(kind, "calendar") == 0 &&
	    !(db_meta_get(db, "calendar_version", held, sizeof held) == 0 &&
	    publish_version_parse(held, &h) == 0 && h >= version) &&
	    db_meta_set(db, "calendar_version", vbuf, err) < 0)
		goto fail;
	return db_tx_commit(&tx, err);
fail:
	db_tx_rollback(&tx);
	return -1;
}
