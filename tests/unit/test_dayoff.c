/* test_dayoff.c — due dates of dossiers received on a day off (a weekend,
 * Tết, Giỗ Tổ, 30/4–1/5, 2/9) or after closing, under the Civil Code's
 * rule (art. 147: the day of receipt does not count, the term starts the
 * next day; art. 148: it ends at the end of its last day), on the real
 * calendars of 2025 and 2026, with and without a working Saturday
 * morning; and a property test against a model that knows nothing of
 * calendar.c: it lists the days off itself and counts working days (or
 * office minutes) one by one. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/calendar.h"
#include "motcua/date.h"
#include "motcua/db.h"
#include "tap.h"

/* make check exports top_srcdir; by hand, run from the source tree. */
#ifndef TOP_SRCDIR
#define TOP_SRCDIR "."
#endif

static struct mc_time
T(int y, int m, int d, int hh, int mm)
{
	struct mc_time t = {date_jdn(y, m, d), hh * 60 + mm};

	return t;
}

/* Due moment as text, or the error message. */
static const char *
due(struct mc_calendar *cal, struct mc_time from, const char *limit)
{
	static char buf[600];
	struct mc_limit l;
	struct mc_time t;
	struct mc_err err;

	if (calendar_limit_parse(limit, &l, &err) != 0 ||
	    calendar_due(cal, &from, &l, &t, &err) != 0) {
		snprintf(buf, sizeof buf, "error: %s", err.msg);
		return buf;
	}
	date_format_time(&t, buf);
	return buf;
}

static const char *
reason(struct mc_calendar *cal, struct mc_time from, const char *limit)
{
	static char buf[600];
	struct mc_limit l;
	struct mc_time t;
	struct mc_err err;

	if (calendar_limit_parse(limit, &l, &err) != 0 ||
	    calendar_due(cal, &from, &l, &t, &err) != 0) {
		snprintf(buf, sizeof buf, "error: %s", err.msg);
		return buf;
	}
	calendar_due_reason(cal, &from, &l, &t, buf, sizeof buf);
	return buf;
}

/* ---- the model ------------------------------------------------------------ */

/* The special days of the model, copied by hand from data/calendar-2025.json,
 * data/calendar-2026.json and the Labour Code defaults of early 2027 (the
 * dues of receipts late in 2026 reach into it).  "+" is a working day
 * swapped in (a Saturday worked); everything else listed is off. */
static const char *const special[] = {
	"2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30",
	"2025-01-31", "2025-02-01", "2025-04-07", "+2025-04-26", "2025-04-30",
	"2025-05-01", "2025-05-02", "2025-09-01", "2025-09-02",
	"2026-01-01", "2026-01-02", "+2026-01-10", "2026-02-16", "2026-02-17",
	"2026-02-18", "2026-02-19", "2026-02-20", "2026-04-26", "2026-04-27",
	"2026-04-30", "2026-05-01", "+2026-08-22", "2026-08-31", "2026-09-01",
	"2026-09-02",
	"2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08",
	"2027-02-09", "2027-02-10", "2027-02-11",
};
#define MODEL_END date_jdn(2027, 4, 1)	/* the model knows no day from here on */

struct model {
	bool saturday;		/* Saturday morning works */
};

/* 1: listed as off, 2: listed as working, 0: not listed. */
static int
model_listed(int jdn)
{
	char date[MC_DATE_LEN];

	date_format(jdn, date);
	for (size_t i = 0; i < sizeof special / sizeof special[0]; i++) {
		const char *s = special[i];
		bool work = s[0] == '+';

		if (strcmp(work ? s + 1 : s, date) == 0)
			return work ? 2 : 1;
	}
	return 0;
}

/* The closing minute of a day, or 0 when it does not work. */
static int
model_closing(const struct model *m, int jdn)
{
	int wd = date_weekday(jdn);	/* 0 Monday … 6 Sunday */

	switch (model_listed(jdn)) {
	case 1:
		return 0;
	case 2:
		return 17 * 60;
	}
	if (wd <= 4)
		return 17 * 60;
	if (wd == 5 && m->saturday)
		return 11 * 60 + 30;
	return 0;
}

/* Is the minute [min, min+1) of that day an office minute? */
static bool
model_office(const struct model *m, int jdn, int min)
{
	int close = model_closing(m, jdn);

	if (close == 0)
		return false;
	if (min >= 7 * 60 + 30 && min < 11 * 60 + 30)
		return true;
	return close == 17 * 60 && min >= 13 * 60 + 30 && min < 17 * 60;
}

/* A clock moved into a day's office hours: before opening -> opening, in
 * the break -> afternoon opening, after closing -> closing. */
static int
model_clamp(const struct model *m, int jdn, int min)
{
	bool half = model_closing(m, jdn) == 11 * 60 + 30;

	if (min < 7 * 60 + 30)
		return 7 * 60 + 30;
	if (min <= 11 * 60 + 30)
		return min;
	if (half)
		return 11 * 60 + 30;
	if (min < 13 * 60 + 30)
		return 13 * 60 + 30;
	return min <= 17 * 60 ? min : 17 * 60;
}

static struct mc_time
model_due(const struct model *m, struct mc_time from, const struct mc_limit *l)
{
	struct mc_time t = from;
	int close = model_closing(m, from.jdn);

	switch (l->kind) {
	case MC_LIMIT_DAYS:
		/* the day of receipt never counts; count the next days one by one */
		for (int k = 0; k < l->n;)
			if (model_closing(m, ++t.jdn) > 0)
				k++;
		if (close > 0 && from.min < close)
			t.min = model_clamp(m, t.jdn, model_clamp(m, from.jdn, from.min));
		else
			t.min = model_closing(m, t.jdn);
		return t;
	case MC_LIMIT_HOURS:
		/* walk minute by minute; due right after the last office minute */
		for (int left = l->n * 60;;) {
			if (model_office(m, t.jdn, t.min) && --left == 0) {
				t.min++;
				return t;
			}
			if (++t.min == 24 * 60) {
				t.jdn++;
				t.min = 0;
			}
		}
	case MC_LIMIT_SAMEDAY:
		if (close > 0 && from.min <= 15 * 60 && from.min <= close) {
			t.min = close;
			return t;
		}
		do
			t.jdn++;
		while (model_closing(m, t.jdn) == 0);
		t.min = model_closing(m, t.jdn);
		return t;
	}
	return t;
}

/* ---- fixed cases ------------------------------------------------------------ */

/* Defaults only (no database): weekends and the Labour Code holidays. */
static void
test_weekends(struct mc_calendar *cal)
{
	/* Saturday, office closed: the days count from Sunday */
	is_str(due(cal, T(2026, 3, 7, 10, 0), "5 days"), "2026-03-13 17:00",
	    "Sat + 5 days: the next Friday at closing (was the Monday after)");
	is_str(due(cal, T(2026, 3, 7, 10, 0), "1 day"), "2026-03-09 17:00",
	    "Sat + 1 day: Monday at closing");
	is_str(due(cal, T(2026, 3, 8, 10, 0), "1 day"), "2026-03-09 17:00",
	    "Sun + 1 day: Monday at closing");
	is_str(due(cal, T(2026, 3, 8, 23, 59), "2 days"), "2026-03-10 17:00",
	    "Sun 23:59 + 2 days: Tuesday at closing");
	/* the same as a receipt after Friday's closing */
	is_str(due(cal, T(2026, 3, 6, 17, 30), "5 days"), "2026-03-13 17:00",
	    "Fri after closing + 5 days: the next Friday at closing");
	is_str(due(cal, T(2026, 3, 6, 16, 59), "5 days"), "2026-03-13 16:59",
	    "Fri 16:59 + 5 days: the next Friday 16:59");
	is_str(due(cal, T(2026, 3, 9, 6, 0), "5 days"), "2026-03-16 07:30",
	    "Mon before opening + 5 days: the next Monday's opening");
	/* hours and same day on a weekend */
	is_str(due(cal, T(2026, 3, 7, 10, 0), "2 hours"), "2026-03-09 09:30",
	    "Sat + 2 hours: from Monday's opening");
	is_str(due(cal, T(2026, 3, 6, 10, 30), "8 hours"), "2026-03-09 11:00",
	    "Fri 10:30 + 8 hours: across lunch and the weekend");
	is_str(due(cal, T(2026, 3, 8, 10, 0), "same day"), "2026-03-09 17:00",
	    "Sun, same day: Monday at closing");

	/* Giỗ Tổ 2026: Sun 26/4, make-up Mon 27/4; then 30/4 Thu, 1/5 Fri */
	is_str(due(cal, T(2026, 4, 26, 9, 0), "1 day"), "2026-04-28 17:00",
	    "Giỗ Tổ (Sun 26/4) + 1 day: Tue 28/4 at closing");
	is_str(due(cal, T(2026, 4, 27, 9, 0), "3 days"), "2026-05-04 17:00",
	    "make-up day Mon 27/4 + 3 days: 28, 29/4 and Mon 4/5");
	is_str(due(cal, T(2026, 4, 25, 9, 0), "2 days"), "2026-04-29 17:00",
	    "Sat 25/4 + 2 days: Tue 28 and Wed 29/4");
	is_str(due(cal, T(2026, 4, 30, 9, 0), "1 day"), "2026-05-04 17:00",
	    "30/4 + 1 day: Mon 4/5 at closing");
	is_str(due(cal, T(2026, 5, 1, 9, 0), "2 days"), "2026-05-05 17:00",
	    "1/5 + 2 days: Mon 4/5 and Tue 5/5");
	is_str(due(cal, T(2026, 5, 1, 9, 0), "3 hours"), "2026-05-04 10:30",
	    "1/5 + 3 hours: Monday 07:30 + 3 h");
	is_str(due(cal, T(2026, 5, 1, 9, 0), "same day"), "2026-05-04 17:00",
	    "1/5, same day: Monday at closing");
	/* 2/9 (defaults 2026: Tue 1/9 and Wed 2/9) */
	is_str(due(cal, T(2026, 9, 2, 10, 0), "1 day"), "2026-09-03 17:00",
	    "2/9 + 1 day: Thu 3/9 at closing");
	is_str(due(cal, T(2026, 9, 1, 10, 0), "2 days"), "2026-09-04 17:00",
	    "1/9 + 2 days: Thu 3/9 and Fri 4/9");

	/* why: one line for the officer */
	is_str(reason(cal, T(2026, 3, 7, 10, 0), "5 days"),
	    "5 working days; received on a day off, due at closing time; skipping Sunday",
	    "reason of a Saturday receipt");
	is_str(reason(cal, T(2026, 3, 7, 10, 0), "2 hours"),
	    "2 office hours; received on a day off, counted from the next opening; "
	    "skipping Sunday", "reason of hours from a Saturday");
	is_str(reason(cal, T(2026, 4, 30, 9, 0), "1 day"),
	    "1 working day; received on a day off, due at closing time; skipping "
	    "Saturday, Sunday, Ngày Quốc tế Lao động 01/05",
	    "reason of a 30/4 receipt");
	is_str(reason(cal, T(2026, 3, 6, 17, 30), "5 days"),
	    "5 working days; skipping Saturday, Sunday",
	    "reason after Friday's closing: unchanged");
}

/* The official 2026 calendar: Tết, the make-up working days. */
static void
test_official(struct mc_calendar *cal)
{
	/* Tết 2026: Mon 16/2 to Fri 20/2 off */
	is_str(due(cal, T(2026, 2, 17, 10, 0), "1 day"), "2026-02-23 17:00",
	    "mùng 1 Tết + 1 day: Mon 23/2 at closing (was Tue 24/2)");
	is_str(due(cal, T(2026, 2, 17, 10, 0), "5 days"), "2026-02-27 17:00",
	    "mùng 1 Tết + 5 days: Fri 27/2 at closing");
	is_str(due(cal, T(2026, 2, 14, 10, 0), "1 day"), "2026-02-23 17:00",
	    "Sat before Tết + 1 day: Mon 23/2");
	is_str(due(cal, T(2026, 2, 22, 10, 0), "1 day"), "2026-02-23 17:00",
	    "Sun after Tết + 1 day: Mon 23/2");
	is_str(due(cal, T(2026, 2, 13, 18, 0), "1 day"), "2026-02-23 17:00",
	    "Fri 13/2 after closing + 1 day: Mon 23/2 at closing");
	is_str(due(cal, T(2026, 2, 17, 10, 0), "2 hours"), "2026-02-23 09:30",
	    "mùng 1 Tết + 2 hours: from Mon 23/2's opening");
	is_str(due(cal, T(2026, 2, 17, 10, 0), "same day"), "2026-02-23 17:00",
	    "mùng 1 Tết, same day: Mon 23/2 at closing");
	/* 1/1–2/1/2026 off, Sat 10/1 worked (full hours) */
	is_str(due(cal, T(2026, 1, 1, 9, 0), "1 day"), "2026-01-05 17:00",
	    "1/1 + 1 day: Mon 5/1 (2/1 off, weekend)");
	is_str(due(cal, T(2026, 1, 4, 9, 0), "6 days"), "2026-01-10 17:00",
	    "Sun 4/1 + 6 days: the make-up Saturday 10/1 counts");
	is_str(due(cal, T(2026, 1, 9, 17, 30), "1 day"), "2026-01-10 17:00",
	    "Fri 9/1 after closing + 1 day: Sat 10/1 at its full-day closing");
	is_str(due(cal, T(2026, 1, 10, 9, 0), "1 day"), "2026-01-12 09:00",
	    "received on the make-up Saturday: a working-day receipt");
	is_str(due(cal, T(2026, 1, 10, 14, 0), "1 day"), "2026-01-12 14:00",
	    "make-up Saturday afternoon: full hours, clock kept");
	/* 31/8–2/9/2026 off, Sat 22/8 worked */
	is_str(due(cal, T(2026, 8, 22, 8, 0), "1 day"), "2026-08-24 08:00",
	    "the make-up Saturday 22/8 + 1 day: Mon 24/8 08:00");
	is_str(due(cal, T(2026, 8, 29, 8, 0), "1 day"), "2026-09-03 17:00",
	    "Sat 29/8 + 1 day: Thu 3/9 (31/8–2/9 off)");
	is_str(due(cal, T(2026, 8, 29, 8, 0), "1 hour"), "2026-09-03 08:30",
	    "Sat 29/8 + 1 hour: Thu 3/9 08:30");
	is_str(reason(cal, T(2026, 2, 17, 10, 0), "1 day"),
	    "1 working day; received on a day off, due at closing time; skipping "
	    "Saturday, Sunday, Tết Nguyên đán 18/02–20/02", "reason of a Tết receipt");
}

/* Saturday morning works (and a holiday on a Saturday does not). */
static void
test_saturday(struct mc_calendar *cal)
{
	is_str(due(cal, T(2026, 3, 7, 10, 0), "1 day"), "2026-03-09 10:00",
	    "working Sat 10:00 + 1 day: Mon 10:00");
	is_str(due(cal, T(2026, 3, 7, 11, 30), "1 day"), "2026-03-09 17:00",
	    "working Sat at its closing + 1 day: Mon at closing");
	is_str(due(cal, T(2026, 3, 7, 14, 0), "5 days"), "2026-03-13 17:00",
	    "working Sat after closing + 5 days: Fri at closing, as on a Saturday off");
	is_str(due(cal, T(2026, 3, 8, 10, 0), "6 days"), "2026-03-14 11:30",
	    "Sun + 6 days: the next Saturday, at its closing");
	is_str(due(cal, T(2026, 3, 6, 17, 30), "1 day"), "2026-03-07 11:30",
	    "Fri after closing + 1 day: Saturday at its closing");
	is_str(due(cal, T(2026, 3, 6, 9, 0), "1 day"), "2026-03-07 09:00",
	    "Fri 09:00 + 1 day: Sat 09:00");
	is_str(due(cal, T(2026, 3, 8, 10, 0), "5 hours"), "2026-03-09 14:30",
	    "Sun + 5 hours: Monday's morning (4 h), then 13:30 + 1 h");
	is_str(due(cal, T(2026, 3, 7, 14, 0), "same day"), "2026-03-09 17:00",
	    "working Sat after closing, same day: Monday");
	/* 2/5/2026 is a Saturday: with the morning on it works */
	is_str(due(cal, T(2026, 5, 1, 9, 0), "1 day"), "2026-05-02 11:30",
	    "1/5 (Fri) + 1 day with Saturday morning: Sat 2/5 at its closing");
}

/* ---- the property test --------------------------------------------------------- */

static unsigned long long seed = 20260217;

static int
rnd(int n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (int)((seed >> 33) % (unsigned long long)n);
}

static void
test_property(struct mc_calendar *cal, const struct model *m, int cases)
{
	int first = date_jdn(2025, 1, 1), days = date_jdn(2026, 12, 31) - first + 1;
	int bad = 0, off = 0, end = MODEL_END;

	for (int i = 0; i < cases; i++) {
		struct mc_time from, got, want;
		struct mc_limit l;
		struct mc_err err;
		int k = rnd(20);

		from.jdn = first + rnd(days);
		/* half the moments anywhere in the day, half around office hours */
		from.min = rnd(2) ? rnd(24 * 60) : 7 * 60 + rnd(11 * 60);
		if (k < 11)
			l = (struct mc_limit){MC_LIMIT_DAYS, 1 + rnd(k < 6 ? 5 : 30)};
		else if (k < 17)
			l = (struct mc_limit){MC_LIMIT_HOURS, 1 + rnd(k < 14 ? 8 : 40)};
		else
			l = (struct mc_limit){MC_LIMIT_SAMEDAY, 0};
		if (model_closing(m, from.jdn) == 0)
			off++;
		want = model_due(m, from, &l);
		if (want.jdn >= end) {
			bad++;
			diag("the model ran past its days");
			continue;
		}
		if (calendar_due(cal, &from, &l, &got, &err) != 0 || got.jdn != want.jdn ||
		    got.min != want.min) {
			char a[MC_TIME_LEN], b[MC_TIME_LEN], c[MC_TIME_LEN];

			date_format_time(&from, a);
			date_format_time(&want, b);
			date_format_time(&got, c);
			if (bad++ < 10)
				printf("# %s + %d (kind %d): model %s, calendar_due %s\n", a,
				    l.n, (int)l.kind, b, c);
		}
	}
	is_int(bad, 0, "%d random receipts (%d on a day off), Saturday morning %s: "
	    "calendar_due agrees with the model", cases, off, m->saturday ? "on" : "off");
}

/* The model's days are the calendar's days (else the property test would
 * compare two different calendars). */
static void
test_model_days(struct mc_calendar *cal, const struct model *m)
{
	int bad = 0, end = MODEL_END;

	for (int j = date_jdn(2025, 1, 1); j < end; j++)
		if ((model_closing(m, j) > 0) != calendar_is_working_day(cal, j))
			bad++;
	is_int(bad, 0, "the model's working days are the calendar's (Saturday morning %s)",
	    m->saturday ? "on" : "off");
}

/* ---- main ------------------------------------------------------------------- */

static struct mc_calendar *
reopen(sqlite3 *db, struct mc_calendar *old)
{
	struct mc_calendar *cal = NULL;
	struct mc_err err;

	calendar_close(old);
	if (calendar_open(db, &cal, &err) != 0)
		printf("# calendar_open: %s\n", err.msg);
	return cal;
}

int
main(void)
{
	struct mc_calendar *cal = NULL;
	struct model off = {false}, on = {true};
	struct mc_err err;
	char dir[96], path[256], rm[128];
	const char *top = getenv("top_srcdir") ? getenv("top_srcdir") : TOP_SRCDIR;
	int years[4];
	sqlite3 *db = NULL;

	if (!ok(calendar_open(NULL, &cal, &err) == 0, "open with no database"))
		return tap_done();
	test_weekends(cal);
	calendar_close(cal);

	snprintf(dir, sizeof dir, "%s/test_dayoff.XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL) {
		ok(0, "temporary directory");
		return tap_done();
	}
	snprintf(path, sizeof path, "%s/cal.db", dir);
	if (!ok(db_open(path, DB_CREATE, &db, &err) == 0, "database (%s)", err.msg))
		return tap_done();
	for (int y = 2025; y <= 2026; y++) {
		snprintf(path, sizeof path, "%s/data/calendar-%d.json", top, y);
		is_int(calendar_import_file(db, NULL, path, years, 4, &err), 1,
		    "import the official calendar of %d (%s)", y, err.msg);
	}
	cal = reopen(db, NULL);
	if (cal != NULL) {
		test_official(cal);
		test_model_days(cal, &off);
		test_property(cal, &off, 3000);
	}
	ok(db_meta_set(db, "saturday_morning", "1", &err) == 0, "saturday_morning = 1");
	cal = reopen(db, cal);
	if (cal != NULL) {
		test_saturday(cal);
		test_model_days(cal, &on);
		test_property(cal, &on, 3000);
	}
	calendar_close(cal);
	db_close(db);
	snprintf(rm, sizeof rm, "rm -rf '%s'", dir);
	if (system(rm) != 0)
		diag("could not remove the temporary directory");
	return tap_done();
}
