/* calendar.c — the working-day engine: the calendar of one database
 * (office hours, Saturday morning, the same-day cut-off, overrides and
 * official calendars, read once at open) and which days work.
 *
 * Precedence for one date: a supervisor's override, else the official
 * calendar of its year if one was imported, else the computed default
 * holidays (calendar-default.c); a date none of them lists is a plain
 * weekday or weekend.  Due dates are calendar-due.c; the rules are
 * written out in calendar.h. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar-int.h"
#include "motcua/calendar.h"
#include "motcua/db.h"
#include "motcua/i18n.h"

#define SCAN_DAYS 3660		/* ten years of days off: surely a mistake */

/* ---- settings and tables, read at open ----------------------------------- */

/* "HH:MM" at *p, advancing p. */
static int
parse_clock(const char **p, int *min)
{
	const char *s = *p;
	int h, m;

	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) || s[2] != ':' ||
	    !isdigit((unsigned char)s[3]) || !isdigit((unsigned char)s[4]))
		return -1;
	h = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 24 || m > 59 || (h == 24 && m != 0))
		return -1;
	*min = h * 60 + m;
	*p = s + 5;
	return 0;
}

static int
parse_office_hours(const char *s, int seg[MAX_SEG][2], int *nseg)
{
	const char *p = s + strspn(s, " \t");
	int n = 0, prev_end = -1;

	for (;;) {
		int a, b;

		if (n == MAX_SEG || parse_clock(&p, &a))
			return -1;
		p += strspn(p, " \t");
		if (*p++ != '-')
			return -1;
		p += strspn(p, " \t");
		if (parse_clock(&p, &b) || b <= a || a < prev_end)
			return -1;
		seg[n][0] = a;
		seg[n][1] = b;
		prev_end = b;
		n++;
		p += strspn(p, " \t");
		if (*p == '\0')
			break;
		if (*p++ != ',')
			return -1;
		p += strspn(p, " \t");
	}
	*nseg = n;
	return 0;
}

static int
load_settings(sqlite3 *db, struct mc_calendar *cal, struct mc_err *err)
{
	char buf[128];
	const char *p;

	if (db_meta_get(db, "office_hours", buf, sizeof buf) == 0 &&
	    parse_office_hours(buf, cal->seg, &cal->nseg))
		return err_set(err, MC_EINVAL, _("the office_hours setting \"%s\" is not "
		    "valid; set it like \"07:30-11:30,13:30-17:00\""), buf);
	if (db_meta_get(db, "saturday_morning", buf, sizeof buf) == 0) {
		if (strcmp(buf, "1") != 0 && strcmp(buf, "0") != 0 && buf[0] != '\0')
			return err_set(err, MC_EINVAL, _("the saturday_morning setting "
			    "\"%s\" is not valid; set it to 1 (Saturday morning works) "
			    "or 0"), buf);
		cal->saturday = strcmp(buf, "1") == 0;
	}
	p = buf;
	if (db_meta_get(db, "sameday_cutoff", buf, sizeof buf) == 0 &&
	    (parse_clock(&p, &cal->cutoff) || *p != '\0'))
		return err_set(err, MC_EINVAL, _("the sameday_cutoff setting \"%s\" is "
		    "not valid; set it like \"15:00\""), buf);
	return 0;
}

/* Read (date, off, name) rows into a sorted array. */
static int
load_days(sqlite3 *db, const char *sql, enum mc_holiday_source src,
    struct mc_holiday **out, size_t *n, struct mc_err *err)
{
	sqlite3_stmt *st;
	struct mc_holiday *h = NULL;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, sql, &st, err))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *date = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 2);
		int jdn;

		if (date_parse(date, &jdn) || name == NULL) {
			err_set(err, MC_ESTORE, _("the holiday tables hold a bad date \"%s\"; "
			    "run \"motcua check\""), date != NULL ? date : "");
			goto fail;
		}
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 32;
			struct mc_holiday *nh = realloc(h, ncap * sizeof *nh);

			if (nh == NULL) {
				err_set(err, MC_ENOMEM, _("out of memory; close other programs "
				    "and try again"));
				goto fail;
			}
			h = nh;
			cap = ncap;
		}
		h[*n].jdn = jdn;
		h[*n].off = sqlite3_column_int(st, 1) != 0;
		h[*n].source = src;
		snprintf(h[*n].name, sizeof h[*n].name, "%s", name);
		(*n)++;
	}
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("reading the holidays"));
		goto fail;
	}
	sqlite3_finalize(st);
	*out = h;
	return 0;
fail:
	sqlite3_finalize(st);
	free(h);
	*n = 0;
	return -1;
}

static int
load_years(sqlite3 *db, struct mc_calendar *cal, struct mc_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	if (db_prepare(db, "SELECT year FROM calendar_year ORDER BY year", &st, err))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cal->nyears == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			int *ny = realloc(cal->years, ncap * sizeof *ny);

			if (ny == NULL) {
				sqlite3_finalize(st);
				return err_set(err, MC_ENOMEM, _("out of memory; close other "
				    "programs and try again"));
			}
			cal->years = ny;
			cap = ncap;
		}
		cal->years[cal->nyears++] = sqlite3_column_int(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the official calendars"));
	return 0;
}

int
calendar_open(sqlite3 *db, struct mc_calendar **out, struct mc_err *err)
{
	struct mc_calendar *cal = calloc(1, sizeof *cal);

	*out = NULL;
	if (cal == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory; close other programs and "
		    "try again"));
	/* The defaults: 07:30–11:30, 13:30–17:00, cut-off 15:00, no Saturday. */
	cal->seg[0][0] = 7 * 60 + 30;
	cal->seg[0][1] = 11 * 60 + 30;
	cal->seg[1][0] = 13 * 60 + 30;
	cal->seg[1][1] = 17 * 60;
	cal->nseg = 2;
	cal->cutoff = 15 * 60;
	if (db != NULL) {
		if (load_settings(db, cal, err) ||
		    load_days(db, "SELECT date, off, name FROM holiday ORDER BY date",
		    MC_HOL_OVERRIDE, &cal->ovr, &cal->novr, err) ||
		    load_days(db, "SELECT date, off, name FROM calendar_day ORDER BY date",
		    MC_HOL_OFFICIAL, &cal->off, &cal->noff, err) ||
		    load_years(db, cal, err)) {
			calendar_close(cal);
			return -1;
		}
	}
	*out = cal;
	return 0;
}

void
calendar_close(struct mc_calendar *cal)
{
	if (cal == NULL)
		return;
	free(cal->ovr);
	free(cal->off);
	free(cal->years);
	free(cal);
}

/* ---- which days work --------------------------------------------------- */

static const struct mc_holiday *
holiday_find(const struct mc_holiday *h, size_t n, int jdn)
{
	size_t lo = 0, hi = n;

	/* by hand rather than bsearch: the comparator lives in another file
	 * and could not be inlined, and this runs for every day a due date
	 * counts */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (h[mid].jdn == jdn)
			return &h[mid];
		if (h[mid].jdn < jdn)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}


static int
year_of(int jdn)
{
	int y, m, d;

	date_ymd(jdn, &y, &m, &d);
	return y;
}

static bool
has_official(const struct mc_calendar *cal, int year)
{
	for (size_t i = 0; i < cal->nyears; i++)
		if (cal->years[i] == year)
			return true;
	return false;
}

static const struct year_cache *
defaults_of(struct mc_calendar *cal, int year)
{
	struct year_cache *c;

	for (int i = 0; i < CACHE_YEARS; i++)
		if (cal->cache[i].year == year)
			return &cal->cache[i];
	c = &cal->cache[cal->next];
	cal->next = (cal->next + 1) % CACHE_YEARS;
	c->n = calendar_default_holidays(year, c->h, MC_DEFAULT_HOLIDAYS_MAX);
	c->year = year;
	return c;
}

/* The entry that decides a date, or NULL for a plain day. */
static const struct mc_holiday *
entry_at(struct mc_calendar *cal, int jdn)
{
	const struct mc_holiday *h = holiday_find(cal->ovr, cal->novr, jdn);
	int year;

	if (h != NULL)
		return h;
	year = year_of(jdn);
	if (has_official(cal, year))
		return holiday_find(cal->off, cal->noff, jdn);
	const struct year_cache *c = defaults_of(cal, year);
	return holiday_find(c->h, c->n, jdn);
}

int
calendar_day_segments(struct mc_calendar *cal, int jdn)
{
	const struct mc_holiday *h = entry_at(cal, jdn);
	int wd = date_weekday(jdn);

	if (h != NULL)
		return h->off ? 0 : cal->nseg;
	if (wd < 5)
		return cal->nseg;
	if (wd == 5 && cal->saturday)
		return 1;
	return 0;
}

bool
calendar_is_working_day(struct mc_calendar *cal, int jdn)
{
	return calendar_day_segments(cal, jdn) > 0;
}

int
calendar_next_working_day(struct mc_calendar *cal, int jdn)
{
	for (int d = jdn + 1; d <= jdn + SCAN_DAYS; d++)
		if (calendar_day_segments(cal, d) > 0)
			return d;
	return -1;
}

const char *
calendar_holiday_name(struct mc_calendar *cal, int jdn)
{
	const struct mc_holiday *h = entry_at(cal, jdn);

	return h != NULL ? h->name : NULL;
}

/* ---- effective holidays of a year ---------------------------------------- */

int
calendar_holidays(struct mc_calendar *cal, int year, struct mc_holiday **out,
    size_t *n, struct mc_err *err)
{
	int first = date_jdn(year, 1, 1), last = date_jdn(year, 12, 31);
	struct mc_holiday *h;
	size_t cap = MC_DEFAULT_HOLIDAYS_MAX + cal->noff + cal->novr, k = 0;

	*out = NULL;
	*n = 0;
	h = malloc(cap * sizeof *h);
	if (h == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory; close other programs and "
		    "try again"));
	if (has_official(cal, year)) {
		for (size_t i = 0; i < cal->noff; i++)
			if (cal->off[i].jdn >= first && cal->off[i].jdn <= last)
				h[k++] = cal->off[i];
	} else {
		const struct year_cache *c = defaults_of(cal, year);

		for (size_t i = 0; i < c->n; i++)
			h[k++] = c->h[i];
	}
	/* Overrides replace an entry of the same date or add one. */
	for (size_t i = 0; i < cal->novr; i++) {
		const struct mc_holiday *o = &cal->ovr[i];
		size_t j;

		if (o->jdn < first || o->jdn > last)
			continue;
		for (j = 0; j < k && h[j].jdn != o->jdn; j++)
			;
		h[j] = *o;
		if (j == k)
			k++;
	}
	qsort(h, k, sizeof *h, calendar_holiday_cmp);
	if (k == 0) {
		free(h);
		h = NULL;
	}
	*out = h;
	*n = k;
	return 0;
}

