/* calendar.c — working days, holidays, office hours and due dates.
 *
 * Precedence for one date: a supervisor's override, else the official
 * calendar of its year if one was imported, else the computed default
 * holidays; a date none of them lists is a plain weekday or weekend.
 * The rules for due dates are written out in calendar.h. */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "motcua/calendar.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/lunar.h"
#include "motcua/vntext.h"

#define MAX_SEG 4
#define SCAN_DAYS 3660		/* ten years of days off: surely a mistake */
#define CACHE_YEARS 4
#define MAX_FILE (4L << 20)	/* an official calendar is a few kB */

struct year_cache {
	int year;		/* 0: empty slot */
	size_t n;
	struct mc_holiday h[MC_DEFAULT_HOLIDAYS_MAX];
};

struct mc_calendar {
	int seg[MAX_SEG][2];	/* office hours, minutes of the day, [start, end) */
	int nseg;
	bool saturday;		/* Saturday morning works */
	int cutoff;		/* same-day cut-off, minute of the day */
	struct mc_holiday *ovr;	/* overrides, sorted by date */
	size_t novr;
	struct mc_holiday *off;	/* official calendars' days, sorted by date */
	size_t noff;
	int *years;		/* years that have an official calendar, sorted */
	size_t nyears;
	struct year_cache cache[CACHE_YEARS];
	unsigned next;		/* cache slot to reuse next */
};

/* ---- time limits ------------------------------------------------------- */

static const char *
skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Does p (up to trailing spaces) equal word, ignoring ASCII case? */
static bool
word_is(const char *p, const char *word)
{
	size_t n = strlen(word);
	const char *q;

	if (strncasecmp(p, word, n) != 0)
		return false;
	q = skip_space(p + n);
	return *q == '\0';
}

int
calendar_limit_parse(const char *s, struct mc_limit *out, struct mc_err *err)
{
	static const char *const day_words[] = {"days", "day", "ngày làm việc", "ngày"};
	static const char *const hour_words[] = {"hours", "hour", "giờ làm việc", "giờ"};
	const char *p;
	long n = 0;
	int digits = 0;

	if (s == NULL)
		s = "";
	p = skip_space(s);
	if (word_is(p, "same day") || word_is(p, "trong ngày")) {
		out->kind = MC_LIMIT_SAMEDAY;
		out->n = 0;
		return 0;
	}
	while (isdigit((unsigned char)*p)) {
		if (n <= MC_LIMIT_MAX)
			n = n * 10 + (*p - '0');
		digits++;
		p++;
	}
	if (digits == 0 || (*p != ' ' && *p != '\t'))
		goto bad;
	p = skip_space(p);
	for (size_t i = 0; i < sizeof day_words / sizeof day_words[0]; i++)
		if (word_is(p, day_words[i])) {
			out->kind = MC_LIMIT_DAYS;
			goto unit;
		}
	for (size_t i = 0; i < sizeof hour_words / sizeof hour_words[0]; i++)
		if (word_is(p, hour_words[i])) {
			out->kind = MC_LIMIT_HOURS;
			goto unit;
		}
bad:
	return err_set(err, MC_EINVAL, _("unknown time limit \"%s\"; write it as "
	    "\"3 days\", \"8 hours\" or \"same day\""), s);
unit:
	if (n < 1 || n > MC_LIMIT_MAX)
		return err_set(err, MC_EINVAL, _("time limit \"%s\" is out of range; give "
		    "1 to %d days or hours, or \"same day\""), s, MC_LIMIT_MAX);
	out->n = (int)n;
	return 0;
}

void
calendar_limit_format(const struct mc_limit *l, char *buf, size_t n)
{
	switch (l->kind) {
	case MC_LIMIT_DAYS:
		snprintf(buf, n, "%d %s", l->n, l->n == 1 ? "day" : "days");
		break;
	case MC_LIMIT_HOURS:
		snprintf(buf, n, "%d %s", l->n, l->n == 1 ? "hour" : "hours");
		break;
	default:
		snprintf(buf, n, "same day");
		break;
	}
}

/* ---- default holidays -------------------------------------------------- */

static bool
weekend(int jdn)
{
	return date_weekday(jdn) >= 5;
}

static int
holiday_cmp(const void *a, const void *b)
{
	const struct mc_holiday *x = a, *y = b;

	return (x->jdn > y->jdn) - (x->jdn < y->jdn);
}

static const struct mc_holiday *
holiday_find(const struct mc_holiday *h, size_t n, int jdn)
{
	struct mc_holiday key = {.jdn = jdn};

	if (n == 0)
		return NULL;
	return bsearch(&key, h, n, sizeof *h, holiday_cmp);
}

/* Add a default day off, merging with a holiday already on that date. */
static void
defaults_add(struct mc_holiday *h, size_t *n, int jdn, const char *name)
{
	for (size_t i = 0; i < *n; i++)
		if (h[i].jdn == jdn) {
			size_t len = strlen(h[i].name);

			snprintf(h[i].name + len, sizeof h[i].name - len, " / %s", name);
			return;
		}
	if (*n >= MC_DEFAULT_HOLIDAYS_MAX)
		return;	/* cannot happen: 11 holidays and their make-ups */
	h[*n].jdn = jdn;
	h[*n].off = true;
	h[*n].source = MC_HOL_DEFAULT;
	snprintf(h[*n].name, sizeof h[*n].name, "%.*s", MC_HOLIDAY_NAME - 1, name);
	(*n)++;
}

static bool
defaults_has(const struct mc_holiday *h, size_t n, int jdn)
{
	for (size_t i = 0; i < n; i++)
		if (h[i].jdn == jdn)
			return true;
	return false;
}

/* The names are the official Vietnamese ones: data, not UI text. */
size_t
calendar_default_holidays(int year, struct mc_holiday *out, size_t max)
{
	struct mc_holiday h[MC_DEFAULT_HOLIDAYS_MAX];
	struct mc_lunar gio_to = {year, 3, 10, false};
	size_t n = 0, nhol;
	int tet = lunar_tet(year);
	int gt = lunar_to_jdn(&gio_to);

	defaults_add(h, &n, date_jdn(year, 1, 1), "Tết Dương lịch");
	/* The last day of the lunar year (29 or 30 of month 12) and 1–4/1. */
	for (int i = -1; tet > 0 && i <= 3; i++)
		defaults_add(h, &n, tet + i, "Tết Nguyên đán");
	if (gt > 0)
		defaults_add(h, &n, gt, "Giỗ Tổ Hùng Vương");
	defaults_add(h, &n, date_jdn(year, 4, 30), "Ngày Chiến thắng");
	defaults_add(h, &n, date_jdn(year, 5, 1), "Ngày Quốc tế Lao động");
	defaults_add(h, &n, date_jdn(year, 9, 1), "Quốc khánh");
	defaults_add(h, &n, date_jdn(year, 9, 2), "Quốc khánh");
	qsort(h, n, sizeof h[0], holiday_cmp);

	/* Make-up days, in date order, so that each takes the first free
	 * weekday after its block and after the make-ups given before it. */
	nhol = n;
	for (size_t i = 0; i < nhol; i++) {
		char name[MC_HOLIDAY_NAME + 16];
		int d;

		if (!weekend(h[i].jdn))
			continue;
		d = h[i].jdn + 1;
		while (weekend(d) || defaults_has(h, n, d))
			d++;
		snprintf(name, sizeof name, "Nghỉ bù %s", h[i].name);
		defaults_add(h, &n, d, name);
	}
	qsort(h, n, sizeof h[0], holiday_cmp);
	for (size_t i = 0; i < n && i < max; i++)
		out[i] = h[i];
	return n;
}

/* ---- settings ------------------------------------------------------------ */

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
	const char *p = skip_space(s);
	int n = 0, prev_end = -1;

	for (;;) {
		int a, b;

		if (n == MAX_SEG || parse_clock(&p, &a))
			return -1;
		p = skip_space(p);
		if (*p++ != '-')
			return -1;
		p = skip_space(p);
		if (parse_clock(&p, &b) || b <= a || a < prev_end)
			return -1;
		seg[n][0] = a;
		seg[n][1] = b;
		prev_end = b;
		n++;
		p = skip_space(p);
		if (*p == '\0')
			break;
		if (*p++ != ',')
			return -1;
		p = skip_space(p);
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

/* How many office-hours segments the day has: a prefix of cal->seg. */
static int
day_segments(struct mc_calendar *cal, int jdn)
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
	return day_segments(cal, jdn) > 0;
}

int
calendar_next_working_day(struct mc_calendar *cal, int jdn)
{
	for (int d = jdn + 1; d <= jdn + SCAN_DAYS; d++)
		if (day_segments(cal, d) > 0)
			return d;
	return -1;
}

const char *
calendar_holiday_name(struct mc_calendar *cal, int jdn)
{
	const struct mc_holiday *h = entry_at(cal, jdn);

	return h != NULL ? h->name : NULL;
}

/* ---- due dates --------------------------------------------------------- */

static int
next_working(struct mc_calendar *cal, int jdn, int *out, struct mc_err *err)
{
	char date[MC_DATE_LEN];

	*out = calendar_next_working_day(cal, jdn);
	if (*out >= 0)
		return 0;
	date_format(jdn, date);
	return err_set(err, MC_EINVAL, _("there is no working day in the ten years after "
	    "%s; check the days off with \"motcua calendar holidays\""), date);
}

/* Clamp a clock into the first nseg segments (nseg ≥ 1): before opening
 * -> opening, in a break -> the next opening, after closing -> closing. */
static int
clamp_clock(const struct mc_calendar *cal, int nseg, int min)
{
	for (int i = 0; i < nseg; i++) {
		if (min < cal->seg[i][0])
			return cal->seg[i][0];
		if (min <= cal->seg[i][1])
			return min;
	}
	return cal->seg[nseg - 1][1];
}

static int
due_days(struct mc_calendar *cal, const struct mc_time *from, int n,
    struct mc_time *due, struct mc_err *err)
{
	int day = from->jdn, clock;
	int nseg = day_segments(cal, day);

	if (nseg == 0) {
		/* Received on a day off: as if at the next opening. */
		if (next_working(cal, day, &day, err))
			return -1;
		clock = cal->seg[0][0];
	} else {
		clock = clamp_clock(cal, nseg, from->min);
	}
	for (int i = 0; i < n; i++)
		if (next_working(cal, day, &day, err))
			return -1;
	due->jdn = day;
	due->min = clamp_clock(cal, day_segments(cal, day), clock);
	return 0;
}

static int
due_hours(struct mc_calendar *cal, const struct mc_time *from, int n,
    struct mc_time *due, struct mc_err *err)
{
	int left = n * 60;
	int day = from->jdn, pos = from->min;

	for (;;) {
		int nseg = day_segments(cal, day);

		for (int i = 0; i < nseg; i++) {
			int start = pos > cal->seg[i][0] ? pos : cal->seg[i][0];
			int avail = cal->seg[i][1] - start;

			if (avail <= 0)
				continue;
			if (left <= avail) {
				due->jdn = day;
				due->min = start + left;
				return 0;
			}
			left -= avail;
		}
		if (next_working(cal, day, &day, err))
			return -1;
		pos = 0;
	}
}

static int
due_sameday(struct mc_calendar *cal, const struct mc_time *from,
    struct mc_time *due, struct mc_err *err)
{
	int day = from->jdn;
	int nseg = day_segments(cal, day);

	if (nseg > 0 && from->min <= cal->cutoff && from->min <= cal->seg[nseg - 1][1]) {
		due->jdn = day;
		due->min = cal->seg[nseg - 1][1];
		return 0;
	}
	if (next_working(cal, day, &day, err))
		return -1;
	due->jdn = day;
	due->min = cal->seg[day_segments(cal, day) - 1][1];
	return 0;
}

int
calendar_due(struct mc_calendar *cal, const struct mc_time *from,
    const struct mc_limit *limit, struct mc_time *due, struct mc_err *err)
{
	int y, m, d;

	date_ymd(from->jdn, &y, &m, &d);
	if (!date_valid(y, m, d) || from->min < 0 || from->min >= 24 * 60)
		return err_set(err, MC_EINVAL, _("the receipt time is not a real date and "
		    "time; give it as YYYY-MM-DD HH:MM"));
	switch (limit->kind) {
	case MC_LIMIT_DAYS:
	case MC_LIMIT_HOURS:
		if (limit->n < 1 || limit->n > MC_LIMIT_MAX)
			return err_set(err, MC_EINVAL, _("a time limit must be 1 to %d days "
			    "or hours; correct the procedure's time limit"), MC_LIMIT_MAX);
		if (limit->kind == MC_LIMIT_DAYS)
			return due_days(cal, from, limit->n, due, err);
		return due_hours(cal, from, limit->n, due, err);
	case MC_LIMIT_SAMEDAY:
		return due_sameday(cal, from, due, err);
	}
	return err_set(err, MC_EINVAL, _("unknown kind of time limit; correct the "
	    "procedure's time limit"));
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
	qsort(h, k, sizeof *h, holiday_cmp);
	if (k == 0) {
		free(h);
		h = NULL;
	}
	*out = h;
	*n = k;
	return 0;
}

/* ---- overrides ----------------------------------------------------------- */

/* NFC, trimmed, non-empty, short enough; malloc'd. */
static char *
clean_name(const char *name, struct mc_err *err)
{
	char *s;

	if (name == NULL)
		name = "";
	s = vntext_clean(name, err);
	if (s == NULL)
		return NULL;
	if (s[0] == '\0') {
		free(s);
		err_set(err, MC_EINVAL, _("the holiday name is empty; give a name such as "
		    "\"Nghỉ bù Quốc khánh\""));
		return NULL;
	}
	if (strlen(s) >= MC_HOLIDAY_NAME) {
		free(s);
		err_set(err, MC_EINVAL, _("the holiday name is too long; keep it under %d "
		    "bytes"), MC_HOLIDAY_NAME);
		return NULL;
	}
	return s;
}

static int
check_jdn(int jdn, char date[MC_DATE_LEN], struct mc_err *err)
{
	int y, m, d;

	date_ymd(jdn, &y, &m, &d);
	if (!date_valid(y, m, d))
		return err_set(err, MC_EINVAL, _("the date is out of range; give a date "
		    "between 1800 and 2199"));
	date_format(jdn, date);
	return 0;
}

int
calendar_set(sqlite3 *db, int jdn, bool off, const char *name, struct mc_err *err)
{
	struct db_tx tx;
	char date[MC_DATE_LEN];
	sqlite3_stmt *st;
	char *clean;
	int rc;

	if (check_jdn(jdn, date, err))
		return -1;
	clean = clean_name(name, err);
	if (clean == NULL)
		return -1;
	if (db_tx_begin(db, &tx, err)) {
		free(clean);
		return -1;
	}
	if (db_prepare(db, "INSERT INTO holiday(date, off, name) VALUES (?1, ?2, ?3) "
	    "ON CONFLICT(date) DO UPDATE SET off = excluded.off, name = excluded.name",
	    &st, err))
		goto fail;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, off);
	sqlite3_bind_text(st, 3, clean, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("saving the holiday"));
		goto fail;
	}
	free(clean);
	return db_tx_commit(&tx, err);
fail:
	free(clean);
	db_tx_rollback(&tx);
	return -1;
}

int
calendar_unset(sqlite3 *db, int jdn, struct mc_err *err)
{
	struct db_tx tx;
	char date[MC_DATE_LEN];
	sqlite3_stmt *st;
	int rc;

	if (check_jdn(jdn, date, err) || db_tx_begin(db, &tx, err))
		return -1;
	if (db_prepare(db, "DELETE FROM holiday WHERE date = ?1", &st, err))
		goto fail;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("removing the holiday"));
		goto fail;
	}
	if (sqlite3_changes(db) == 0) {
		err_set(err, MC_ENOTFOUND, _("%s has no override to remove; \"motcua "
		    "calendar holidays %.4s\" lists the year's days"), date, date);
		goto fail;
	}
	return db_tx_commit(&tx, err);
fail:
	db_tx_rollback(&tx);
	return -1;
}

/* ---- official calendars (JSON) ------------------------------------------- */

/* A year of a calendar file, checked and ready to store. */
struct import_year {
	int year;
	char *source;
	struct mc_holiday *days;
	size_t ndays;
};

/* One question to SQLite's JSON functions about the member at `path`. */
struct jval {
	char type[8];		/* json_type: "" if absent */
	char *text;		/* json_extract as text (malloc'd), or NULL */
	long long i;		/* as an integer */
	int len;		/* json_array_length, 0 if not an array */
};

static int
jget(sqlite3 *db, sqlite3_stmt *st, const char *path, struct jval *v, struct mc_err *err)
{
	int rc;

	memset(v, 0, sizeof *v);
	sqlite3_reset(st);
	if (sqlite3_bind_text(st, 2, path, -1, SQLITE_TRANSIENT) != SQLITE_OK)
		return db_fail(db, err, _("reading the calendar file"));
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, _("reading the calendar file"));
	if (sqlite3_column_type(st, 0) != SQLITE_NULL)
		snprintf(v->type, sizeof v->type, "%s", (const char *)sqlite3_column_text(st, 0));
	if (sqlite3_column_type(st, 1) != SQLITE_NULL) {
		const char *t = (const char *)sqlite3_column_text(st, 1);

		v->text = strdup(t != NULL ? t : "");
		if (v->text == NULL)
			return err_set(err, MC_ENOMEM, _("out of memory; close other programs "
			    "and try again"));
		v->i = sqlite3_column_int64(st, 1);
	}
	v->len = sqlite3_column_int(st, 2);
	sqlite3_reset(st);
	return 0;
}

static void
import_free(struct import_year *y, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(y[i].source);
		free(y[i].days);
	}
}

/* Check one day entry at `path` (e.g. "$.years[0].days[3]"); `where` is the
 * same without "$." for messages. */
static int
check_day(sqlite3 *db, sqlite3_stmt *st, const char *path, const char *where,
    const struct import_year *y, struct mc_holiday *out, struct mc_err *err)
{
	char p[160];
	struct jval v;
	int yy, mm, dd;
	char *name;

	if (jget(db, st, path, &v, err))
		return -1;
	free(v.text);
	if (strcmp(v.type, "object") != 0)
		return err_set(err, MC_EINVAL, _("%s must be an object with \"date\", "
		    "\"off\" and \"name\"; correct the file"), where);

	snprintf(p, sizeof p, "%s.date", path);
	if (jget(db, st, p, &v, err))
		return -1;
	if (v.type[0] == '\0') {
		free(v.text);
		return err_set(err, MC_EINVAL, _("%s: \"date\" is missing; add it as "
		    "\"YYYY-MM-DD\""), where);
	}
	if (strcmp(v.type, "text") != 0 || date_parse(v.text, &out->jdn)) {
		err_set(err, MC_EINVAL, _("%s: \"date\" %s%s%s is not a date; write it as "
		    "\"YYYY-MM-DD\", a real day"), where,
		    strcmp(v.type, "text") == 0 ? "\"" : "",
		    v.text != NULL ? v.text : v.type,
		    strcmp(v.type, "text") == 0 ? "\"" : "");
		free(v.text);
		return -1;
	}
	free(v.text);
	date_ymd(out->jdn, &yy, &mm, &dd);
	if (yy != y->year)
		return err_set(err, MC_EINVAL, _("%s: \"date\" %04d-%02d-%02d is not in "
		    "%d; move it to the entry of its own year"), where, yy, mm, dd, y->year);
	for (size_t i = 0; i < y->ndays; i++)
		if (y->days[i].jdn == out->jdn)
			return err_set(err, MC_EINVAL, _("%s: \"date\" %04d-%02d-%02d is "
			    "listed twice (also days[%zu]); keep one entry per date"),
			    where, yy, mm, dd, i);

	snprintf(p, sizeof p, "%s.off", path);
	if (jget(db, st, p, &v, err))
		return -1;
	free(v.text);
	if (v.type[0] == '\0')
		return err_set(err, MC_EINVAL, _("%s: \"off\" is missing; add \"off\": "
		    "true for a day off or false for a working day"), where);
	if (strcmp(v.type, "true") != 0 && strcmp(v.type, "false") != 0)
		return err_set(err, MC_EINVAL, _("%s: \"off\" must be true or false, not "
		    "%s; correct the file"), where, v.type);
	out->off = strcmp(v.type, "true") == 0;

	snprintf(p, sizeof p, "%s.name", path);
	if (jget(db, st, p, &v, err))
		return -1;
	if (v.type[0] == '\0') {
		free(v.text);
		return err_set(err, MC_EINVAL, _("%s: \"name\" is missing; add the "
		    "holiday's name"), where);
	}
	if (strcmp(v.type, "text") != 0) {
		free(v.text);
		return err_set(err, MC_EINVAL, _("%s: \"name\" must be a string, not %s; "
		    "correct the file"), where, v.type);
	}
	name = clean_name(v.text, err);
	free(v.text);
	if (name == NULL) {
		char msg[sizeof err->msg];

		snprintf(msg, sizeof msg, "%s", err->msg);
		return err_set(err, MC_EINVAL, "%s: \"name\": %s", where, msg);
	}
	snprintf(out->name, sizeof out->name, "%s", name);
	free(name);
	out->source = MC_HOL_OFFICIAL;
	return 0;
}

static int
check_year(sqlite3 *db, sqlite3_stmt *st, size_t index, struct import_year *ys,
    size_t ny, struct mc_err *err)
{
	struct import_year *y = &ys[ny];
	char path[96], where[96], p[128];
	struct jval v;
	int ndays;

	snprintf(path, sizeof path, "$.years[%zu]", index);
	snprintf(where, sizeof where, "years[%zu]", index);
	if (jget(db, st, path, &v, err))
		return -1;
	free(v.text);
	if (strcmp(v.type, "object") != 0)
		return err_set(err, MC_EINVAL, _("%s must be an object with \"year\" and "
		    "\"days\"; correct the file"), where);

	snprintf(p, sizeof p, "%s.year", path);
	if (jget(db, st, p, &v, err))
		return -1;
	free(v.text);
	if (v.type[0] == '\0')
		return err_set(err, MC_EINVAL, _("%s: \"year\" is missing; add it, e.g. "
		    "\"year\": 2026"), where);
	if (strcmp(v.type, "integer") != 0 || v.i < 1800 || v.i > 2199)
		return err_set(err, MC_EINVAL, _("%s: \"year\" must be a whole number from "
		    "1800 to 2199; correct the file"), where);
	y->year = (int)v.i;
	for (size_t i = 0; i < ny; i++)
		if (ys[i].year == y->year)
			return err_set(err, MC_EINVAL, _("%s: year %d is listed twice (also "
			    "years[%zu]); keep one entry per year"), where, y->year, i);

	snprintf(p, sizeof p, "%s.source", path);
	if (jget(db, st, p, &v, err))
		return -1;
	if (v.type[0] != '\0' && strcmp(v.type, "text") != 0) {
		free(v.text);
		return err_set(err, MC_EINVAL, _("%s: \"source\" must be a string; "
		    "correct the file"), where);
	}
	y->source = vntext_clean(v.text != NULL ? v.text : "", err);
	free(v.text);
	if (y->source == NULL) {
		char msg[sizeof err->msg];

		snprintf(msg, sizeof msg, "%s", err->msg);
		return err_set(err, MC_EINVAL, "%s: \"source\": %s", where, msg);
	}

	snprintf(p, sizeof p, "%s.days", path);
	if (jget(db, st, p, &v, err))
		return -1;
	free(v.text);
	if (strcmp(v.type, "array") != 0)
		return err_set(err, MC_EINVAL, _("%s: \"days\" %s; give the year's days "
		    "off and working days as an array"), where,
		    v.type[0] == '\0' ? _("is missing") : _("must be an array"));
	if (v.len == 0)
		return err_set(err, MC_EINVAL, _("%s: \"days\" is empty; list the year's "
		    "days off and working days"), where);
	if (v.len > 366)
		return err_set(err, MC_EINVAL, _("%s: \"days\" has more than 366 entries; "
		    "keep one entry per date"), where);
	ndays = v.len;
	y->days = calloc((size_t)ndays, sizeof *y->days);
	if (y->days == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory; close other programs and "
		    "try again"));
	for (int j = 0; j < ndays; j++) {
		char dpath[128], dwhere[128];

		snprintf(dpath, sizeof dpath, "%s.days[%d]", path, j);
		snprintf(dwhere, sizeof dwhere, "%s.days[%d]", where, j);
		if (check_day(db, st, dpath, dwhere, y, &y->days[y->ndays], err))
			return -1;
		y->ndays++;
	}
	return 0;
}

/* Check the whole file into ys[]; *ny years.  Nothing is written. */
static int
import_check(sqlite3 *db, const char *json, struct import_year *ys, size_t *ny,
    struct mc_err *err)
{
	sqlite3_stmt *st;
	struct jval v;
	int rc = -1;
	int nyears;

	*ny = 0;
	if (db_prepare(db, "SELECT json_valid(?1)", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_fail(db, err, _("reading the calendar file"));
		sqlite3_finalize(st);
		return -1;
	}
	rc = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != 1)
		return err_set(err, MC_EINVAL, _("the file is not valid JSON (cut short or "
		    "mistyped?); check it against doc/calendar-format.md"));

	rc = -1;
	if (db_prepare(db, "SELECT json_type(?1, ?2), json_extract(?1, ?2), "
	    "json_array_length(?1, ?2)", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	if (jget(db, st, "$", &v, err))
		goto out;
	free(v.text);
	if (strcmp(v.type, "object") != 0) {
		err_set(err, MC_EINVAL, _("the file must hold one JSON object with \"format\", "
		    "\"version\" and \"years\"; check it against doc/calendar-format.md"));
		goto out;
	}
	if (jget(db, st, "$.format", &v, err))
		goto out;
	if (strcmp(v.type, "text") != 0 || strcmp(v.text, "motcua-calendar") != 0) {
		free(v.text);
		err_set(err, MC_EINVAL, _("\"format\" must be \"motcua-calendar\"; is this "
		    "a holiday calendar file?"));
		goto out;
	}
	free(v.text);
	if (jget(db, st, "$.version", &v, err))
		goto out;
	free(v.text);
	if (strcmp(v.type, "integer") != 0 || v.i != 1) {
		err_set(err, MC_EINVAL, _("\"version\" must be 1; this motcua reads "
		    "calendar files of version 1 only"));
		goto out;
	}
	if (jget(db, st, "$.years", &v, err))
		goto out;
	free(v.text);
	if (strcmp(v.type, "array") != 0 || v.len == 0) {
		err_set(err, MC_EINVAL, _("\"years\" %s; give an array with one entry per "
		    "year"), v.type[0] == '\0' ? _("is missing") :
		    strcmp(v.type, "array") != 0 ? _("must be an array") : _("is empty"));
		goto out;
	}
	if (v.len > MC_CALENDAR_MAX_YEARS) {
		err_set(err, MC_EINVAL, _("\"years\" has more than %d entries; split the "
		    "file"), MC_CALENDAR_MAX_YEARS);
		goto out;
	}
	nyears = v.len;
	for (int i = 0; i < nyears; i++) {
		int r = check_year(db, st, (size_t)i, ys, *ny, err);

		(*ny)++;	/* so that import_free releases it */
		if (r)
			goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	return rc;
}

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

int
calendar_import_json(sqlite3 *db, const char *json, int *years, size_t max,
    struct mc_err *err)
{
	struct db_tx tx;
	struct import_year ys[MC_CALENDAR_MAX_YEARS];
	size_t ny = 0;
	int rc = -1;

	memset(ys, 0, sizeof ys);
	if (json == NULL)
		json = "";
	if (import_check(db, json, ys, &ny, err))
		goto out;
	if (db_tx_begin(db, &tx, err))
		goto out;
	if (import_store(db, ys, ny, err) || db_tx_commit(&tx, err)) {
		db_tx_rollback(&tx);
		goto out;
	}
	for (size_t i = 0; years != NULL && i < ny && i < max; i++)
		years[i] = ys[i].year;
	rc = (int)ny;
out:
	import_free(ys, ny);
	return rc;
}

/* The whole file as a string; NULL with err set. */
static char *
read_file(const char *path, struct mc_err *err)
{
	FILE *f = fopen(path, "rb");
	struct stat sb;
	char *buf;
	size_t got;

	if (f == NULL) {
		err_set(err, MC_EIO, _("cannot read %s: %s; check the file name"), path,
		    strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		fclose(f);
		err_set(err, MC_EIO, _("%s is not a regular file; give the calendar "
		    "file's name"), path);
		return NULL;
	}
	if (sb.st_size > MAX_FILE) {
		fclose(f);
		err_set(err, MC_EINVAL, _("%s is too large for a calendar file; check "
		    "that it is the right file"), path);
		return NULL;
	}
	buf = malloc((size_t)sb.st_size + 1);
	if (buf == NULL) {
		fclose(f);
		err_set(err, MC_ENOMEM, _("out of memory; close other programs and try "
		    "again"));
		return NULL;
	}
	got = fread(buf, 1, (size_t)sb.st_size, f);
	if (ferror(f) || got != (size_t)sb.st_size) {
		fclose(f);
		free(buf);
		err_set(err, MC_EIO, _("cannot read %s; check the disk or USB stick"), path);
		return NULL;
	}
	fclose(f);
	buf[got] = '\0';
	/* A NUL inside would hide the rest of the file from the parser. */
	if (strlen(buf) != got) {
		free(buf);
		err_set(err, MC_EINVAL, _("%s is not a text file; give a JSON calendar "
		    "file"), path);
		return NULL;
	}
	return buf;
}

int
calendar_import_file(sqlite3 *db, const char *path, int *years, size_t max,
    struct mc_err *err)
{
	char *json = read_file(path, err);
	int rc;

	if (json == NULL)
		return -1;
	rc = calendar_import_json(db, json, years, max, err);
	free(json);
	if (rc < 0 && err != NULL && err->kind == MC_EINVAL &&
	    strncmp(err->msg, path, strlen(path)) != 0) {
		char msg[sizeof err->msg];

		snprintf(msg, sizeof msg, "%s", err->msg);
		err_set(err, MC_EINVAL, "%s: %s", path, msg);
	}
	return rc;
}

/* ---- the reason of a due date ------------------------------------------ */

/* Append to buf (size n) at *used, never overflowing. */
static void
reason_add(char *buf, size_t n, size_t *used, const char *fmt, ...) MC_PRINTF(4, 5);

static void
reason_add(char *buf, size_t n, size_t *used, const char *fmt, ...)
{
	va_list ap;
	int w;

	if (*used >= n)
		return;
	va_start(ap, fmt);
	w = vsnprintf(buf + *used, n - *used, fmt, ap);
	va_end(ap);
	if (w > 0)
		*used = *used + (size_t)w < n ? *used + (size_t)w : n - 1;
}

void
calendar_due_reason(struct mc_calendar *cal, const struct mc_time *from,
    const struct mc_limit *limit, const struct mc_time *due, char *buf, size_t n)
{
	size_t used = 0;
	bool sat = false, sun = false, any = false;

	if (n == 0)
		return;
	buf[0] = '\0';
	switch (limit->kind) {
	case MC_LIMIT_DAYS:
		reason_add(buf, n, &used, ngettext("%d working day", "%d working days",
		    (unsigned long)limit->n), limit->n);
		break;
	case MC_LIMIT_HOURS:
		reason_add(buf, n, &used, ngettext("%d office hour", "%d office hours",
		    (unsigned long)limit->n), limit->n);
		break;
	case MC_LIMIT_SAMEDAY:
		reason_add(buf, n, &used, "%s", _("same day"));
		if (due->jdn != from->jdn)
			reason_add(buf, n, &used, _("; received after the cut-off or on a day "
			    "off, due the next working day"));
		break;
	}
	/* the days between receipt and due that did not count */
	for (int j = from->jdn + 1; j < due->jdn; j++) {
		if (calendar_is_working_day(cal, j))
			continue;
		const char *name = calendar_holiday_name(cal, j);
		if (name == NULL) {
			if (date_weekday(j) == 5)
				sat = true;
			else
				sun = true;
		}
	}
	if (sat || sun) {
		reason_add(buf, n, &used, "%s", _("; skipping "));
		any = true;
		if (sat && sun)
			reason_add(buf, n, &used, "%s", _("Saturday, Sunday"));
		else
			reason_add(buf, n, &used, "%s", sat ? _("Saturday") : _("Sunday"));
	}
	/* holidays, one range per run of the same name: "Tết 16/02–20/02" */
	for (int j = from->jdn + 1; j < due->jdn; j++) {
		const char *name;
		int k, y, m, d, y2, m2, d2;

		if (calendar_is_working_day(cal, j) || (name = calendar_holiday_name(cal, j))
		    == NULL)
			continue;
		for (k = j; k + 1 < due->jdn && !calendar_is_working_day(cal, k + 1); k++) {
			const char *next = calendar_holiday_name(cal, k + 1);
			/* a weekend inside a holiday run stays in the run */
			if (next != NULL && strcmp(next, name) != 0)
				break;
		}
		while (k > j && calendar_holiday_name(cal, k) == NULL)
			k--;
		date_ymd(j, &y, &m, &d);
		date_ymd(k, &y2, &m2, &d2);
		reason_add(buf, n, &used, "%s", any ? ", " : _("; skipping "));
		any = true;
		if (k == j)
			reason_add(buf, n, &used, "%s %02d/%02d", name, d, m);
		else
			reason_add(buf, n, &used, "%s %02d/%02d–%02d/%02d", name, d, m, d2, m2);
		j = k;
	}
}
