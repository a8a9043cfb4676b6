/* test_calendar.c — holidays, working days, time limits and due dates. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "motcua/calendar.h"
#include "motcua/format.h"
#include "motcua/date.h"
#include "motcua/db.h"
#include "motcua/lunar.h"
#include "tap.h"

/* make check exports top_srcdir; by hand, run from the source tree. */
#ifndef TOP_SRCDIR
#define TOP_SRCDIR "."
#endif

static int
J(int y, int m, int d)
{
	return date_jdn(y, m, d);
}

/* ---- time limits ------------------------------------------------------- */

static void
test_limits(void)
{
	static const struct {
		const char *in;
		enum mc_limit_kind kind;
		int n;
		const char *canon;
	} good[] = {
		{"3 days", MC_LIMIT_DAYS, 3, "3 days"},
		{"1 day", MC_LIMIT_DAYS, 1, "1 day"},
		{"  10   Days ", MC_LIMIT_DAYS, 10, "10 days"},
		{"8 hours", MC_LIMIT_HOURS, 8, "8 hours"},
		{"1 hour", MC_LIMIT_HOURS, 1, "1 hour"},
		{"same day", MC_LIMIT_SAMEDAY, 0, "same day"},
		{"Same Day", MC_LIMIT_SAMEDAY, 0, "same day"},
		{"5 ngày làm việc", MC_LIMIT_DAYS, 5, "5 days"},
		{"3 ngày", MC_LIMIT_DAYS, 3, "3 days"},
		{"4 giờ", MC_LIMIT_HOURS, 4, "4 hours"},
		{"trong ngày", MC_LIMIT_SAMEDAY, 0, "same day"},
		{"999 days", MC_LIMIT_DAYS, 999, "999 days"},
	};
	static const char *const bad[] = {
		"3 weeks", "0 days", "0 hours", "days", "3", "3days", "-3 days",
		"3.5 days", "", "1000 days", "99999999999999999999 days", "same", "3 days x",
		"same day 2",
	};
	struct mc_err err;

	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		struct mc_limit l = {MC_LIMIT_DAYS, -1};
		char buf[32];

		if (!ok(calendar_limit_parse(good[i].in, &l, &err) == 0, "limit \"%s\" parses",
		    good[i].in))
			continue;
		ok(l.kind == good[i].kind && (l.kind == MC_LIMIT_SAMEDAY || l.n == good[i].n),
		    "limit \"%s\" is %d × %d", good[i].in, (int)good[i].kind, good[i].n);
		format_limit(&l, FORMAT_DATA, buf, sizeof buf);
		is_str(buf, good[i].canon, "limit \"%s\" formats", good[i].in);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct mc_limit l;

		err_clear(&err);
		ok(calendar_limit_parse(bad[i], &l, &err) == -1 && err.kind == MC_EINVAL &&
		    err.msg[0] != '\0', "limit \"%s\" refused (%s)", bad[i], err.msg);
	}
	ok(calendar_limit_parse(NULL, &(struct mc_limit){0}, &err) == -1, "NULL refused");
}

/* ---- default holidays -------------------------------------------------- */

static const struct mc_holiday *
find(const struct mc_holiday *h, size_t n, int jdn)
{
	for (size_t i = 0; i < n; i++)
		if (h[i].jdn == jdn)
			return &h[i];
	return NULL;
}

static bool
has(const struct mc_holiday *h, size_t n, int y, int m, int d, const char *name)
{
	const struct mc_holiday *x = find(h, n, J(y, m, d));

	return x != NULL && x->off && x->source == MC_HOL_DEFAULT &&
	    (name == NULL || strcmp(x->name, name) == 0);
}

/* Invariants of every year 1990–2060: the eleven holidays are there, the
 * list is sorted, and there are exactly as many make-up days as holiday
 * dates on a weekend, each a weekday that is not itself a holiday. */
static void
test_default_invariants(void)
{
	int bad_hol = 0, bad_sort = 0, bad_makeup = 0, years = 0;

	for (int y = 1990; y <= 2060; y++) {
		struct mc_holiday h[MC_DEFAULT_HOLIDAYS_MAX];
		size_t n = calendar_default_holidays(y, h, MC_DEFAULT_HOLIDAYS_MAX);
		int tet = lunar_tet(y), weekend_hol = 0, makeups = 0;
		struct mc_lunar g = {y, 3, 10, false};
		int gt = lunar_to_jdn(&g);

		years++;
		if (!find(h, n, J(y, 1, 1)) || !find(h, n, J(y, 4, 30)) ||
		    !find(h, n, J(y, 5, 1)) || !find(h, n, J(y, 9, 1)) ||
		    !find(h, n, J(y, 9, 2)) || !find(h, n, gt))
			bad_hol++;
		for (int d = tet - 1; d <= tet + 3; d++)
			if (!find(h, n, d) || strcmp(find(h, n, d)->name, "Tết Nguyên đán") != 0)
				bad_hol++;
		for (size_t i = 0; i < n; i++) {
			bool makeup = strncmp(h[i].name, "Nghỉ bù ", strlen("Nghỉ bù ")) == 0;

			if (i > 0 && h[i].jdn <= h[i - 1].jdn)
				bad_sort++;
			if (makeup) {
				makeups++;
				if (date_weekday(h[i].jdn) >= 5)
					bad_makeup++;
			} else if (date_weekday(h[i].jdn) >= 5) {
				weekend_hol++;
			}
			if (!h[i].off || h[i].source != MC_HOL_DEFAULT)
				bad_hol++;
		}
		if (makeups != weekend_hol)
			bad_makeup++;
	}
	is_int(bad_hol, 0, "%d years: every default holiday present", years);
	is_int(bad_sort, 0, "%d years: sorted, one entry per date", years);
	is_int(bad_makeup, 0, "%d years: one weekday make-up per weekend holiday", years);
}

static void
test_default_cases(void)
{
	struct mc_holiday h[MC_DEFAULT_HOLIDAYS_MAX];
	size_t n;

	/* 2022: 1/1 Saturday; Giỗ Tổ Sunday 10/4; 30/4 Sat + 1/5 Sun.  These
	 * are the make-up days the government actually gave. */
	n = calendar_default_holidays(2022, h, MC_DEFAULT_HOLIDAYS_MAX);
	ok(has(h, n, 2022, 1, 3, "Nghỉ bù Tết Dương lịch"), "2022: 1/1 Sat -> Mon 3/1");
	ok(has(h, n, 2022, 4, 10, "Giỗ Tổ Hùng Vương"), "2022: Giỗ Tổ 10/4");
	ok(has(h, n, 2022, 4, 11, "Nghỉ bù Giỗ Tổ Hùng Vương"), "2022: Giỗ Tổ Sun -> Mon 11/4");
	ok(has(h, n, 2022, 5, 2, "Nghỉ bù Ngày Chiến thắng"), "2022: 30/4 Sat -> Mon 2/5");
	ok(has(h, n, 2022, 5, 3, "Nghỉ bù Ngày Quốc tế Lao động"), "2022: 1/5 Sun -> Tue 3/5");
	ok(has(h, n, 2022, 1, 31, NULL) && has(h, n, 2022, 2, 4, NULL) &&
	    !find(h, n, J(2022, 2, 5)), "2022: Tết 31/1–4/2");
	is_int((long long)n, 15, "2022: 15 entries");

	/* 2023: Tết eve Sat 21/1 and mùng 1 Sun 22/1 -> Thu 26/1, Fri 27/1;
	 * Giỗ Tổ Sat 29/4, 30/4 Sun, 1/5 Mon -> Tue 2/5, Wed 3/5 (as given). */
	n = calendar_default_holidays(2023, h, MC_DEFAULT_HOLIDAYS_MAX);
	ok(has(h, n, 2023, 1, 21, "Tết Nguyên đán") && has(h, n, 2023, 1, 25, NULL),
	    "2023: Tết 21/1–25/1");
	ok(has(h, n, 2023, 1, 26, "Nghỉ bù Tết Nguyên đán") &&
	    has(h, n, 2023, 1, 27, "Nghỉ bù Tết Nguyên đán") && !find(h, n, J(2023, 1, 30)),
	    "2023: Tết over a weekend -> make-ups Thu 26/1, Fri 27/1");
	ok(has(h, n, 2023, 4, 29, "Giỗ Tổ Hùng Vương"), "2023: Giỗ Tổ 29/4 (leap month 2)");
	ok(has(h, n, 2023, 5, 2, "Nghỉ bù Giỗ Tổ Hùng Vương") &&
	    has(h, n, 2023, 5, 3, "Nghỉ bù Ngày Chiến thắng") && !find(h, n, J(2023, 5, 4)),
	    "2023: Sat–Mon block -> Tue 2/5, Wed 3/5");

	/* 2018 and 2029: 1/9 Sat, 2/9 Sun -> Mon 3/9, Tue 4/9. */
	n = calendar_default_holidays(2018, h, MC_DEFAULT_HOLIDAYS_MAX);
	ok(has(h, n, 2018, 9, 3, "Nghỉ bù Quốc khánh") && has(h, n, 2018, 9, 4, NULL),
	    "2018: 2/9 Sun -> make-ups 3/9, 4/9");
	n = calendar_default_holidays(2029, h, MC_DEFAULT_HOLIDAYS_MAX);
	ok(has(h, n, 2029, 9, 3, NULL) && has(h, n, 2029, 9, 4, NULL) &&
	    !find(h, n, J(2029, 9, 5)), "2029: 2/9 Sun -> make-ups 3/9, 4/9");
	/* 2034: 1/9 Fri, 2/9 Sat -> Mon 4/9 only. */
	n = calendar_default_holidays(2034, h, MC_DEFAULT_HOLIDAYS_MAX);
	ok(has(h, n, 2034, 9, 4, "Nghỉ bù Quốc khánh") && !find(h, n, J(2034, 9, 5)),
	    "2034: 2/9 Sat -> Mon 4/9");
	/* 2028: 1/1 Saturday -> Mon 3/1. */
	n = calendar_default_holidays(2028, h, MC_DEFAULT_HOLIDAYS_MAX);
	ok(has(h, n, 2028, 1, 3, "Nghỉ bù Tết Dương lịch"), "2028: 1/1 Sat -> Mon 3/1");
	/* 2026: Giỗ Tổ on Sunday 26/4 -> Monday 27/4; Tết 16/2–20/2. */
	n = calendar_default_holidays(2026, h, MC_DEFAULT_HOLIDAYS_MAX);
	ok(has(h, n, 2026, 4, 26, "Giỗ Tổ Hùng Vương") &&
	    has(h, n, 2026, 4, 27, "Nghỉ bù Giỗ Tổ Hùng Vương"), "2026: Giỗ Tổ Sun -> Mon 27/4");
	ok(has(h, n, 2026, 2, 16, NULL) && has(h, n, 2026, 2, 20, NULL) &&
	    !find(h, n, J(2026, 2, 15)) && !find(h, n, J(2026, 2, 21)), "2026: Tết 16/2–20/2");
	is_int((long long)n, 12, "2026: 12 entries, no weekend holiday but Giỗ Tổ");
	/* 2025: Tết 28/1 (last day) – 1/2 Sat -> Mon 3/2 */
	n = calendar_default_holidays(2025, h, MC_DEFAULT_HOLIDAYS_MAX);
	ok(has(h, n, 2025, 1, 28, NULL) && has(h, n, 2025, 2, 1, NULL) &&
	    has(h, n, 2025, 2, 3, "Nghỉ bù Tết Nguyên đán"), "2025: Tết to Sat 1/2 -> Mon 3/2");
	ok(has(h, n, 2025, 4, 7, "Giỗ Tổ Hùng Vương"), "2025: Giỗ Tổ Mon 7/4");

	/* A short buffer is filled up to its size; the count is the total. */
	is_int((long long)calendar_default_holidays(2022, h, 3), 15, "count with max 3");
}

/* ---- working days and due dates, defaults only ------------------------- */

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

static void
test_working_days(struct mc_calendar *cal)
{
	ok(calendar_is_working_day(cal, J(2026, 4, 24)), "Fri 24/4/2026 works");
	ok(!calendar_is_working_day(cal, J(2026, 4, 25)), "Sat off by default");
	ok(!calendar_is_working_day(cal, J(2026, 4, 26)), "Sun off");
	ok(!calendar_is_working_day(cal, J(2026, 4, 27)), "Mon 27/4/2026 make-up off");
	ok(calendar_is_working_day(cal, J(2026, 4, 28)), "Tue 28/4/2026 works");
	is_str(calendar_holiday_name(cal, J(2026, 4, 27)), "Nghỉ bù Giỗ Tổ Hùng Vương",
	    "name of 27/4/2026");
	ok(calendar_holiday_name(cal, J(2026, 4, 25)) == NULL, "a plain Saturday has no name");
	ok(calendar_holiday_name(cal, J(2026, 4, 28)) == NULL, "a plain weekday has no name");
	is_int(calendar_next_working_day(cal, J(2026, 2, 13)), J(2026, 2, 23),
	    "next working day after Fri 13/2/2026 is Mon 23/2 (Tết)");
	is_int(calendar_next_working_day(cal, J(2026, 12, 31)), J(2027, 1, 4),
	    "after 31/12/2026: Mon 4/1/2027 (1/1 Fri, weekend)");
}

static void
test_due_defaults(struct mc_calendar *cal)
{
	/* N days: the day of receipt does not count */
	is_str(due(cal, T(2026, 3, 2, 9, 15), "3 days"), "2026-03-05 09:15", "3 days Mon -> Thu");
	is_str(due(cal, T(2026, 3, 6, 9, 15), "1 day"), "2026-03-09 09:15", "1 day Fri -> Mon");
	is_str(due(cal, T(2026, 2, 13, 16, 0), "3 days"), "2026-02-25 16:00",
	    "3 days across Tết 2026");
	is_str(due(cal, T(2025, 1, 24, 10, 0), "5 days"), "2025-02-07 10:00",
	    "5 days across Tết 2025 (defaults: Mon 27/1 works, 28/1–1/2 off, make-up 3/2)");
	is_str(due(cal, T(2026, 4, 24, 10, 0), "2 days"), "2026-04-29 10:00",
	    "2 days over Giỗ Tổ's make-up day 27/4/2026");
	is_str(due(cal, T(2026, 4, 29, 10, 0), "1 day"), "2026-05-04 10:00",
	    "1 day over 30/4–1/5 and the weekend");
	is_str(due(cal, T(2026, 8, 28, 8, 0), "2 days"), "2026-09-03 08:00",
	    "2 days over 1/9–2/9");
	is_str(due(cal, T(2026, 12, 30, 8, 0), "2 days"), "2027-01-04 08:00",
	    "2 days over New Year into the next year");
	is_str(due(cal, T(2026, 3, 2, 45, 0), "1 day"), "error: the receipt time is not a "
	    "real date and time; give it as YYYY-MM-DD HH:MM", "bad minute refused");
	/* clamping of the receipt clock */
	is_str(due(cal, T(2026, 3, 2, 6, 10), "1 day"), "2026-03-03 07:30", "before opening");
	is_str(due(cal, T(2026, 3, 2, 12, 0), "1 day"), "2026-03-03 13:30", "in the lunch break");
	is_str(due(cal, T(2026, 3, 2, 11, 30), "1 day"), "2026-03-03 11:30", "at 11:30");
	is_str(due(cal, T(2026, 3, 2, 18, 45), "1 day"), "2026-03-03 17:00", "after closing");
	/* a receipt on a day off: the days count from the next day, due at
	 * the closing of the last one (art. 147, 148) */
	is_str(due(cal, T(2026, 3, 1, 10, 0), "1 day"), "2026-03-02 17:00",
	    "received on Sunday: due Monday at closing");
	is_str(due(cal, T(2026, 2, 17, 10, 0), "1 day"), "2026-02-23 17:00",
	    "received on mùng 1 Tết: due Mon 23/2 at closing");

	/* hours: office hours only */
	is_str(due(cal, T(2026, 3, 2, 7, 30), "8 hours"), "2026-03-03 08:00",
	    "8 h: a day holds 7 h 30, half an hour more the next morning");
	is_str(due(cal, T(2026, 3, 2, 7, 0), "15 hours"), "2026-03-03 17:00",
	    "15 h = two full days, ends at closing");
	is_str(due(cal, T(2026, 3, 2, 7, 30), "4 hours"), "2026-03-02 11:30",
	    "ends at 11:30, not 13:30");
	is_str(due(cal, T(2026, 3, 2, 10, 0), "4 hours"), "2026-03-02 16:00", "across lunch");
	is_str(due(cal, T(2026, 3, 2, 12, 15), "1 hour"), "2026-03-02 14:30",
	    "received at lunch: from 13:30");
	is_str(due(cal, T(2026, 3, 2, 16, 0), "4 hours"), "2026-03-03 10:30", "across the night");
	is_str(due(cal, T(2026, 3, 2, 19, 0), "2 hours"), "2026-03-03 09:30",
	    "received in the evening: from next opening");
	is_str(due(cal, T(2026, 3, 2, 5, 0), "2 hours"), "2026-03-02 09:30",
	    "received early: from opening");
	is_str(due(cal, T(2026, 3, 6, 16, 0), "2 hours"), "2026-03-09 08:30", "across the weekend");
	is_str(due(cal, T(2026, 3, 7, 9, 0), "1 hour"), "2026-03-09 08:30", "received Saturday");
	is_str(due(cal, T(2026, 2, 13, 16, 30), "24 hours"), "2026-02-26 08:30",
	    "24 hours across Tết (0.5 + 7.5 × 3 + 1)");
	is_str(due(cal, T(2026, 3, 2, 16, 59), "1 hour"), "2026-03-03 08:29", "minute precision");

	/* same day, cut-off 15:00 */
	is_str(due(cal, T(2026, 3, 2, 9, 0), "same day"), "2026-03-02 17:00", "same day morning");
	is_str(due(cal, T(2026, 3, 2, 15, 0), "same day"), "2026-03-02 17:00", "same day at 15:00");
	is_str(due(cal, T(2026, 3, 2, 15, 1), "same day"), "2026-03-03 17:00", "after 15:00: next day");
	is_str(due(cal, T(2026, 3, 6, 16, 0), "same day"), "2026-03-09 17:00",
	    "Friday after 15:00: Monday");
	is_str(due(cal, T(2026, 3, 7, 9, 0), "same day"), "2026-03-09 17:00",
	    "received Saturday: Monday");
	is_str(due(cal, T(2026, 2, 13, 15, 30), "same day"), "2026-02-23 17:00",
	    "before Tết after 15:00: after Tết");
	is_str(due(cal, T(2026, 3, 2, 6, 0), "same day"), "2026-03-02 17:00", "before opening");
}

/* Over many years: a dossier received the day before the Tết eve with
 * "1 day" is due on the first working day after the Tết block, and every
 * day in between is off. */
static void
test_due_years(struct mc_calendar *cal)
{
	int bad = 0, years = 0;

	for (int y = 2000; y <= 2040; y++) {
		int tet = lunar_tet(y), from = tet - 2;
		struct mc_time t = {from, 9 * 60}, d;
		struct mc_limit l = {MC_LIMIT_DAYS, 1};
		struct mc_err err;

		while (!calendar_is_working_day(cal, t.jdn))
			t.jdn--;
		years++;
		if (calendar_due(cal, &t, &l, &d, &err) != 0 || d.min != 9 * 60 ||
		    d.jdn <= tet + 3 || !calendar_is_working_day(cal, d.jdn)) {
			bad++;
			continue;
		}
		for (int j = t.jdn + 1; j < d.jdn; j++)
			if (calendar_is_working_day(cal, j))
				bad++;
	}
	is_int(bad, 0, "%d years: 1 day before Tết is due after the whole Tết block", years);
}

/* ---- with a database ----------------------------------------------------- */

static char dir[64];

static sqlite3 *
open_db(const char *name)
{
	char path[128];
	struct mc_err err;
	sqlite3 *db = NULL;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (db_open(path, DB_CREATE, &db, &err) != 0) {
		printf("# db_open: %s\n", err.msg);
		return NULL;
	}
	return db;
}

static long long
count(sqlite3 *db, const char *table)
{
	char sql[96];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	return db_int(db, sql, -1);
}

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

static void
test_overrides(sqlite3 *db)
{
	struct mc_calendar *cal = reopen(db, NULL);
	struct mc_holiday *h;
	struct mc_err err;
	size_t n;

	ok(calendar_is_working_day(cal, J(2026, 11, 24)), "24/11/2026 works by default");
	ok(calendar_set(db, NULL, J(2026, 11, 24), true, "  Ngày Văn hóa Việt Nam ", &err) == 0,
	    "set 24/11/2026 off");
	ok(calendar_set(db, NULL, J(2026, 4, 27), false, "Làm việc", &err) == 0,
	    "set the make-up day 27/4/2026 to work");
	ok(calendar_set(db, NULL, J(2026, 5, 2), true, "Nghỉ thêm", &err) == 0, "set Sat 2/5 off");
	ok(calendar_set(db, NULL, J(2026, 11, 24), true, "Ngày Văn hóa Việt Nam", &err) == 0,
	    "set again replaces");
	is_int(count(db, "holiday"), 3, "three overrides stored");
	cal = reopen(db, cal);
	ok(!calendar_is_working_day(cal, J(2026, 11, 24)), "override off wins");
	ok(calendar_is_working_day(cal, J(2026, 4, 27)), "override work wins over a default");
	is_str(calendar_holiday_name(cal, J(2026, 11, 24)), "Ngày Văn hóa Việt Nam",
	    "name trimmed");
	is_str(due(cal, T(2026, 11, 23, 9, 0), "1 day"), "2026-11-25 09:00",
	    "due skips the override day");
	is_str(due(cal, T(2026, 4, 24, 10, 0), "1 day"), "2026-04-27 10:00",
	    "due lands on the day made working");

	ok(calendar_holidays(cal, 2026, &h, &n, &err) == 0, "holidays 2026");
	is_int((long long)n, 14, "12 defaults, 27/4 replaced, 2/5 and 24/11 added");
	{
		const struct mc_holiday *x = find(h, n, J(2026, 4, 27));

		ok(x && !x->off && x->source == MC_HOL_OVERRIDE && !strcmp(x->name, "Làm việc"),
		    "27/4: work, override");
		x = find(h, n, J(2026, 1, 1));
		ok(x && x->off && x->source == MC_HOL_DEFAULT, "1/1: default");
		x = find(h, n, J(2026, 11, 24));
		ok(x && x->off && x->source == MC_HOL_OVERRIDE && x == &h[n - 1],
		    "24/11: override, last");
	}
	free(h);

	/* refused: empty name, too long, no override to remove */
	{
		char longname[200];

		memset(longname, 'x', sizeof longname - 1);
		longname[sizeof longname - 1] = '\0';
		ok(calendar_set(db, NULL, J(2026, 6, 1), true, "   ", &err) == -1 &&
		    err.kind == MC_EINVAL, "empty name refused: %s", err.msg);
		ok(calendar_set(db, NULL, J(2026, 6, 1), true, longname, &err) == -1 &&
		    err.kind == MC_EINVAL, "long name refused: %s", err.msg);
		ok(calendar_set(db, NULL, J(2026, 6, 1), true, "\xff\xfe", &err) == -1,
		    "invalid UTF-8 refused: %s", err.msg);
		ok(calendar_set(db, NULL, -5, true, "x", &err) == -1, "bad JDN refused");
	}
	ok(calendar_unset(db, NULL, J(2026, 6, 1), &err) == -1 && err.kind == MC_ENOTFOUND,
	    "unset without override refused: %s", err.msg);
	is_int(count(db, "holiday"), 3, "still three overrides");
	ok(calendar_unset(db, NULL, J(2026, 5, 2), &err) == 0 &&
	    calendar_unset(db, NULL, J(2026, 4, 27), &err) == 0, "unset two");
	is_int(count(db, "holiday"), 1, "one override left");
	calendar_close(cal);
}

static const char *const bad_files[][2] = {
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [", "not valid JSON"},
	{"", "not valid JSON"},
	{"[1, 2]", "one JSON object"},
	{"{\"version\": 1, \"years\": []}", "\"format\""},
	{"{\"format\": \"motcua-catalog\", \"version\": 1, \"years\": []}", "\"format\""},
	{"{\"format\": \"motcua-calendar\", \"version\": 2, \"years\": []}", "\"version\""},
	{"{\"format\": \"motcua-calendar\", \"version\": 1}", "\"years\" is missing"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": []}", "\"years\" is empty"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": {}}",
	    "\"years\" must be an array"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [7]}",
	    "years\\[0\\] must be an object"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [{\"days\": []}]}",
	    "years\\[0\\]: \"year\" is missing"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [{\"year\": \"2027\", "
	    "\"days\": []}]}", "years\\[0\\]: \"year\" must be"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [{\"year\": 2027}]}",
	    "years\\[0\\]: \"days\" is missing"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [{\"year\": 2027, "
	    "\"days\": []}]}", "years\\[0\\]: \"days\" is empty"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [{\"year\": 2027, "
	    "\"source\": 5, \"days\": [{\"date\": \"2027-01-01\", \"off\": true, \"name\": \"a\"}]}]}",
	    "\"source\" must be a string"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [{\"year\": 2027, "
	    "\"days\": [{\"date\": \"2027-01-01\", \"off\": true, \"name\": \"a\"}, "
	    "{\"date\": \"2027-02-30\", \"off\": true, \"name\": \"b\"}]}]}",
	    "years\\[0\\]\\.days\\[1\\]: \"date\" \"2027-02-30\" is not a date"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [{\"year\": 2027, "
	    "\"days\": [{\"date\": \"2027-01-01\", \"off\": true, \"name\": \"a\"}, "
	    "{\"date\": \"2027-01-01\", \"off\": false, \"name\": \"b\"}]}]}",
	    "days\\[1\\]: \"date\" 2027-01-01 is listed twice"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [{\"year\": 2027, "
	    "\"days\": [{\"date\": \"2028-01-01\", \"off\": true, \"name\": \"a\"}]}]}",
	    "is not in 2027"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [{\"year\": 2027, "
	    "\"days\": [{\"date\": 20270101, \"off\": true, \"name\": \"a\"}]}]}",
	    "days\\[0\\]: \"date\" 20270101 is not a date"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [{\"year\": 2027, "
	    "\"days\": [{\"off\": true, \"name\": \"a\"}]}]}", "days\\[0\\]: \"date\" is missing"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [{\"year\": 2027, "
	    "\"days\": [{\"date\": \"2027-01-01\", \"off\": 1, \"name\": \"a\"}]}]}",
	    "\"off\" must be true or false, not integer"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [{\"year\": 2027, "
	    "\"days\": [{\"date\": \"2027-01-01\", \"name\": \"a\"}]}]}", "\"off\" is missing"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [{\"year\": 2027, "
	    "\"days\": [{\"date\": \"2027-01-01\", \"off\": true}]}]}", "\"name\" is missing"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [{\"year\": 2027, "
	    "\"days\": [{\"date\": \"2027-01-01\", \"off\": true, \"name\": [\"a\"]}]}]}",
	    "\"name\" must be a string, not array"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [{\"year\": 2027, "
	    "\"days\": [{\"date\": \"2027-01-01\", \"off\": true, \"name\": \" \"}]}]}",
	    "\"name\": the holiday name is empty"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [{\"year\": 2027, "
	    "\"days\": [3]}]}", "years\\[0\\]\\.days\\[0\\] must be an object"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [{\"year\": 2027, "
	    "\"days\": [{\"date\": \"2027-01-01\", \"off\": true, \"name\": \"a\"}]}, "
	    "{\"year\": 2027, \"days\": [{\"date\": \"2027-01-02\", \"off\": true, \"name\": \"a\"}]}]}",
	    "years\\[1\\]: year 2027 is listed twice"},
	/* a key given twice, at each level */
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"version\": 1, \"years\": []}",
	    "\"version\" appears twice in the file"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [{\"year\": 2027, "
	    "\"year\": 2028, \"days\": [{\"date\": \"2027-01-01\", \"off\": true, "
	    "\"name\": \"a\"}]}]}", "years\\[0\\]: \"year\" appears twice"},
	{"{\"format\": \"motcua-calendar\", \"version\": 1, \"years\": [{\"year\": 2027, "
	    "\"days\": [{\"date\": \"2027-01-01\", \"off\": true, \"name\": \"a\"}, "
	    "{\"date\": \"2027-01-02\", \"name\": \"b\", \"off\": true, \"name\": \"c\"}]}]}",
	    "years\\[0\\]\\.days\\[1\\]: \"name\" appears twice"},
	/* even a member the format does not list, which is otherwise skipped */
	{"{\"format\": \"motcua-calendar\", \"note\": 1, \"note\": 2, \"version\": 1, "
	    "\"years\": [{\"year\": 2027, \"days\": [{\"date\": \"2027-01-01\", "
	    "\"off\": true, \"name\": \"a\"}]}]}", "\"note\" appears twice in the file"},
};

static void
test_import(sqlite3 *db)
{
	struct mc_calendar *cal;
	struct mc_holiday *h;
	struct mc_err err;
	char path[128];
	int years[4] = {0};
	size_t n;

	for (size_t i = 0; i < sizeof bad_files / sizeof bad_files[0]; i++) {
		int r;

		err_clear(&err);
		r = calendar_import_json(db, NULL, bad_files[i][0], years, 4, &err);
		if (!ok(r == -1 && err.kind == MC_EINVAL, "bad file %zu refused", i))
			continue;
		/* the message names the entry and field */
		{
			char re[256];
			const char *s = bad_files[i][1];
			size_t k = 0;

			for (; *s && k < sizeof re - 1; s++)
				if (*s != '\\')
					re[k++] = *s;
			re[k] = '\0';
			ok(strstr(err.msg, re) != NULL, "bad file %zu: says %s (%s)", i, re, err.msg);
		}
	}
	is_int(count(db, "calendar_year") + count(db, "calendar_day"), 0,
	    "nothing stored after bad files");

	/* the real calendars */
	snprintf(path, sizeof path, "%s/data/calendar-2026.json", getenv("top_srcdir") ?
	    getenv("top_srcdir") : TOP_SRCDIR);
	is_int(calendar_import_file(db, NULL, path, years, 4, &err), 1, "import 2026 (%s)",
	    err.msg);
	is_int(years[0], 2026, "year 2026 reported");
	snprintf(path, sizeof path, "%s/data/calendar-2025.json", getenv("top_srcdir") ?
	    getenv("top_srcdir") : TOP_SRCDIR);
	is_int(calendar_import_file(db, NULL, path, years, 4, &err), 1, "import 2025 (%s)",
	    err.msg);
	is_int(count(db, "calendar_year"), 2, "two official years");
	is_int(count(db, "calendar_day"), 30, "30 official days");
	ok(calendar_import_file(db, NULL, "/nonexistent/cal.json", years, 4, &err) == -1 &&
	    err.kind == MC_EIO, "missing file: %s", err.msg);
	ok(calendar_import_file(db, NULL, dir, years, 4, &err) == -1, "a directory: %s", err.msg);

	/* A key given twice is refused, naming the entry and the key, and
	 * nothing is written: 2026 keeps its official calendar. */
	{
		int changes = sqlite3_total_changes(db);

		snprintf(path, sizeof path, "%s/tests/data/calendar-bad-dup.json",
		    getenv("top_srcdir") ? getenv("top_srcdir") : TOP_SRCDIR);
		err_clear(&err);
		ok(calendar_import_file(db, NULL, path, years, 4, &err) == -1 &&
		    err.kind == MC_EINVAL, "a day with \"off\" twice refused");
		ok(strstr(err.msg, "calendar-bad-dup.json: years[0].days[0]: \"off\" "
		    "appears twice") != NULL, "  … naming the file, entry and key (%s)",
		    err.msg);
		is_int(sqlite3_total_changes(db), changes, "  … nothing written");
		is_int(count(db, "calendar_year"), 2, "  … still two official years");
		is_int(count(db, "calendar_day"), 30, "  … still 30 official days");
		is_int(db_int(db, "SELECT count(*) FROM calendar_day WHERE date = "
		    "'2026-01-10' AND off = 0", -1), 1, "  … 2026 still official");
	}

	cal = reopen(db, NULL);
	/* 2026 official replaces defaults; the override 24/11 stays */
	ok(!calendar_is_working_day(cal, J(2026, 1, 2)), "2026: Fri 2/1 off (swap)");
	ok(calendar_is_working_day(cal, J(2026, 1, 10)), "2026: Sat 10/1 worked");
	ok(!calendar_is_working_day(cal, J(2026, 8, 31)), "2026: Mon 31/8 off");
	ok(calendar_is_working_day(cal, J(2026, 8, 22)), "2026: Sat 22/8 worked");
	ok(!calendar_is_working_day(cal, J(2026, 11, 24)), "2026: override still wins");
	is_str(calendar_holiday_name(cal, J(2026, 1, 10)), "Làm bù cho ngày 2/1", "name of 10/1");
	is_str(due(cal, T(2025, 12, 31, 9, 0), "1 day"), "2026-01-05 09:00",
	    "1 day from 31/12/2025 over 1/1–2/1/2026");
	is_str(due(cal, T(2026, 1, 9, 9, 0), "1 day"), "2026-01-10 09:00",
	    "due on the Saturday worked");
	is_str(due(cal, T(2026, 1, 9, 16, 0), "2 hours"), "2026-01-10 08:30",
	    "hours run on the Saturday worked (full day)");
	is_str(due(cal, T(2026, 1, 10, 15, 30), "same day"), "2026-01-12 17:00",
	    "same day on the Saturday worked, after 15:00");
	/* 2025 official: Tết 27/1–1/2, no make-up Monday 3/2; Sat 26/4 worked */
	is_str(due(cal, T(2025, 1, 24, 10, 0), "5 days"), "2025-02-07 10:00",
	    "5 days across official Tết 2025");
	ok(calendar_is_working_day(cal, J(2025, 2, 3)), "2025: Mon 3/2 works (official)");
	ok(!calendar_is_working_day(cal, J(2025, 5, 2)), "2025: Fri 2/5 off (official)");
	ok(calendar_is_working_day(cal, J(2025, 4, 26)), "2025: Sat 26/4 worked");

	ok(calendar_holidays(cal, 2026, &h, &n, &err) == 0, "holidays 2026 official");
	is_int((long long)n, 17, "16 official + 1 override");
	ok(n > 0 && h[0].source == MC_HOL_OFFICIAL && h[n - 1].source == MC_HOL_OVERRIDE,
	    "sources official and override");
	free(h);
	ok(calendar_holidays(cal, 2027, &h, &n, &err) == 0 && n > 0 &&
	    h[0].source == MC_HOL_DEFAULT, "2027 still defaults");
	free(h);
	calendar_close(cal);

	/* Re-importing a year replaces it entirely. */
	is_int(calendar_import_json(db, NULL, "{\"format\": \"motcua-calendar\", \"version\": 1, "
	    "\"years\": [{\"year\": 2026, \"days\": [{\"date\": \"2026-03-02\", \"off\": true, "
	    "\"name\": \"Thử\"}]}, {\"year\": 2030, \"days\": [{\"date\": \"2030-01-01\", "
	    "\"off\": true, \"name\": \"Tết Dương lịch\"}]}]}", years, 4, &err), 2,
	    "import two years (%s)", err.msg);
	ok(years[0] == 2026 && years[1] == 2030, "years 2026, 2030 reported");
	is_int(count(db, "calendar_day"), 16, "2025's 14 + 1 + 1");
	cal = reopen(db, NULL);
	ok(calendar_is_working_day(cal, J(2026, 1, 2)), "2/1/2026 works again");
	ok(calendar_is_working_day(cal, J(2026, 2, 17)), "official 2026 without Tết: mùng 1 works");
	ok(!calendar_is_working_day(cal, J(2026, 3, 2)), "2/3/2026 off");
	calendar_close(cal);

	/* Members the format does not list are skipped (room for later ones). */
	is_int(calendar_import_json(db, NULL, "{\"format\": \"motcua-calendar\", \"version\": 1, "
	    "\"note\": \"later\", \"years\": [{\"year\": 2030, \"issued\": \"x\", "
	    "\"days\": [{\"date\": \"2030-01-01\", \"off\": true, \"name\": \"Tết Dương "
	    "lịch\", \"kind\": 3}]}]}", years, 4, &err), 1,
	    "unlisted members skipped (%s)", err.msg);
}

static void
test_settings(sqlite3 *db)
{
	struct mc_calendar *cal;
	struct mc_err err;

	/* Saturday morning works */
	ok(db_meta_set(db, "saturday_morning", "1", &err) == 0, "saturday_morning = 1");
	cal = reopen(db, NULL);
	ok(calendar_is_working_day(cal, J(2027, 3, 6)), "Sat 6/3/2027 works");
	ok(!calendar_is_working_day(cal, J(2027, 3, 7)), "Sunday still off");
	is_str(due(cal, T(2027, 3, 5, 10, 0), "1 day"), "2027-03-06 10:00", "Fri + 1 day = Sat");
	is_str(due(cal, T(2027, 3, 5, 14, 0), "1 day"), "2027-03-06 11:30",
	    "Fri 14:00 + 1 day = Sat, at its closing 11:30");
	is_str(due(cal, T(2027, 3, 6, 14, 0), "1 day"), "2027-03-08 17:00",
	    "received Sat after its closing: due at Monday's closing");
	is_str(due(cal, T(2027, 3, 5, 16, 0), "2 hours"), "2027-03-06 08:30",
	    "hours use Saturday morning");
	is_str(due(cal, T(2027, 3, 5, 16, 0), "6 hours"), "2027-03-08 08:30",
	    "Saturday gives its 4 morning hours only");
	is_str(due(cal, T(2027, 3, 6, 11, 0), "same day"), "2027-03-06 11:30",
	    "same day on Saturday: 11:30");
	is_str(due(cal, T(2027, 3, 6, 12, 0), "same day"), "2027-03-08 17:00",
	    "same day after Saturday closing: Monday");
	ok(!calendar_is_working_day(cal, J(2027, 5, 1)), "a holiday Saturday (1/5/2027) is still off");

	/* other hours and cut-off */
	ok(db_meta_set(db, "saturday_morning", "0", &err) == 0 &&
	    db_meta_set(db, "office_hours", "08:00-12:00, 13:00-17:30", &err) == 0 &&
	    db_meta_set(db, "sameday_cutoff", "16:00", &err) == 0, "other settings");
	cal = reopen(db, cal);
	ok(!calendar_is_working_day(cal, J(2027, 3, 6)), "Saturday off again");
	is_str(due(cal, T(2027, 3, 1, 12, 30), "1 hour"), "2027-03-01 14:00", "lunch 12:00-13:00");
	is_str(due(cal, T(2027, 3, 1, 15, 30), "same day"), "2027-03-01 17:30", "cut-off 16:00");
	is_str(due(cal, T(2027, 3, 1, 16, 30), "same day"), "2027-03-02 17:30", "after 16:00");
	is_str(due(cal, T(2027, 3, 1, 7, 0), "1 day"), "2027-03-02 08:00", "opening 08:00");
	is_str(due(cal, T(2027, 3, 1, 7, 0), "8 hours"), "2027-03-01 17:00", "8 h of an 8 h 30 day");
	is_str(due(cal, T(2027, 3, 1, 7, 0), "9 hours"), "2027-03-02 08:30", "9 h: into the next day");
	calendar_close(cal);

	/* one segment */
	ok(db_meta_set(db, "office_hours", "07:00-16:00", &err) == 0, "one segment");
	cal = reopen(db, NULL);
	is_str(due(cal, T(2027, 3, 1, 15, 0), "2 hours"), "2027-03-02 08:00", "one segment hours");
	calendar_close(cal);

	/* bad settings are refused at open, with a message */
	{
		static const char *const bad[][2] = {
			{"office_hours", "7:30-11:30"},
			{"office_hours", "13:30-17:00,07:30-11:30"},
			{"office_hours", "07:30-07:30"},
			{"office_hours", "07:30-11:30,"},
			{"office_hours", "25:00-26:00"},
			{"office_hours", ""},
			{"saturday_morning", "yes"},
			{"sameday_cutoff", "3pm"},
			{"sameday_cutoff", "15:00x"},
		};

		for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			struct mc_calendar *c = NULL;

			db_exec(db, "DELETE FROM meta WHERE key IN ('office_hours', "
			    "'saturday_morning', 'sameday_cutoff')", &err);
			db_meta_set(db, bad[i][0], bad[i][1], &err);
			err_clear(&err);
			ok(calendar_open(db, &c, &err) == -1 && c == NULL &&
			    strstr(err.msg, bad[i][0]) != NULL, "%s = \"%s\" refused: %s",
			    bad[i][0], bad[i][1], err.msg);
		}
		db_exec(db, "DELETE FROM meta WHERE key IN ('office_hours', "
		    "'saturday_morning', 'sameday_cutoff')", &err);
	}
}

/* A run of overrides that leaves no working day: an error, not a hang. */
static void
test_runaway(sqlite3 *db)
{
	struct mc_calendar *cal;
	struct mc_err err;

	ok(db_exec(db, "WITH RECURSIVE d(x) AS (SELECT julianday('2031-01-01') UNION ALL "
	    "SELECT x + 1 FROM d WHERE x < julianday('2041-12-31')) "
	    "INSERT INTO holiday SELECT date(x), 1, 'đóng cửa' FROM d", &err) == 0,
	    "eleven years off (%s)", err.msg);
	cal = reopen(db, NULL);
	ok(strncmp(due(cal, T(2030, 12, 31, 9, 0), "1 day"), "error: there is no working day",
	    30) == 0, "no working day for ten years: error");
	is_int(calendar_next_working_day(cal, J(2030, 12, 31)), -1, "next working day -1");
	calendar_close(cal);
}

int
main(void)
{
	struct mc_calendar *cal;
	struct mc_err err;
	sqlite3 *db;
	char rm[128];

	test_limits();
	test_default_invariants();
	test_default_cases();

	ok(calendar_open(NULL, &cal, &err) == 0, "open with no database");
	test_working_days(cal);
	test_due_defaults(cal);
	test_due_years(cal);
	calendar_close(cal);

	snprintf(dir, sizeof dir, "%s/test_calendar.XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL) {
		ok(0, "temporary directory");
		return tap_done();
	}
	db = open_db("cal.db");
	if (ok(db != NULL, "database")) {
		test_overrides(db);
		test_import(db);
		test_settings(db);
		test_runaway(db);
		db_close(db);
	}
	snprintf(rm, sizeof rm, "rm -rf '%s'", dir);
	if (system(rm) != 0)
		diag("could not remove the temporary directory");
	return tap_done();
}
