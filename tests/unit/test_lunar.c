/* test_lunar.c — the Vietnamese lunar calendar (UTC+7). */
#include "config.h"

#include <stdbool.h>

#include "motcua/date.h"
#include "motcua/lunar.h"
#include "tap.h"

/* Tết Nguyên đán in Vietnam, as published.  1985, 2007 and 2030 are the
 * years it differs from the Chinese New Year (UTC+8); 1990–1993, 1995,
 * 2004, 2014, 2018–2020, 2023–2024 and 2033 are among the years a UTC
 * calculation (time zone divided by 24 in integers) gets wrong. */
static const struct {
	int y, m, d;
} tet[] = {
	{1985, 1, 21}, {1986, 2, 9}, {1987, 1, 29}, {1988, 2, 17}, {1989, 2, 6},
	{1990, 1, 27}, {1991, 2, 15}, {1992, 2, 4}, {1993, 1, 23}, {1994, 2, 10},
	{1995, 1, 31}, {1996, 2, 19}, {1997, 2, 7}, {1998, 1, 28}, {1999, 2, 16},
	{2000, 2, 5}, {2001, 1, 24}, {2002, 2, 12}, {2003, 2, 1}, {2004, 1, 22},
	{2005, 2, 9}, {2006, 1, 29}, {2007, 2, 17}, {2008, 2, 7}, {2009, 1, 26},
	{2010, 2, 14}, {2011, 2, 3}, {2012, 1, 23}, {2013, 2, 10}, {2014, 1, 31},
	{2015, 2, 19}, {2016, 2, 8}, {2017, 1, 28}, {2018, 2, 16}, {2019, 2, 5},
	{2020, 1, 25}, {2021, 2, 12}, {2022, 2, 1}, {2023, 1, 22}, {2024, 2, 10},
	{2025, 1, 29}, {2026, 2, 17}, {2027, 2, 6}, {2028, 1, 26}, {2029, 2, 13},
	{2030, 2, 2}, {2031, 1, 23}, {2032, 2, 11}, {2033, 1, 31}, {2034, 2, 19},
	{2035, 2, 8}, {2036, 1, 28}, {2037, 2, 15}, {2038, 2, 4}, {2039, 1, 24},
	{2040, 2, 12},
};

/* Giỗ Tổ Hùng Vương (lunar 10/3) as observed. */
static const struct {
	int y, m, d;
} gio_to[] = {
	{2019, 4, 14}, {2020, 4, 2}, {2021, 4, 21}, {2022, 4, 10}, {2023, 4, 29},
	{2024, 4, 18}, {2025, 4, 7}, {2026, 4, 26},
};

/* The first day of known leap months (tháng nhuận). */
static const struct {
	int lyear, lmonth, y, m, d;
} leap[] = {
	{2017, 6, 2017, 7, 23},
	{2020, 4, 2020, 5, 23},
	{2023, 2, 2023, 3, 22},
	{2025, 6, 2025, 7, 25},
};

static void
test_tet(void)
{
	for (size_t i = 0; i < sizeof tet / sizeof tet[0]; i++) {
		int want = date_jdn(tet[i].y, tet[i].m, tet[i].d);
		char got[MC_DATE_LEN], w[MC_DATE_LEN];
		struct mc_lunar l;

		date_format(lunar_tet(tet[i].y), got);
		date_format(want, w);
		is_str(got, w, "Tết %d", tet[i].y);
		lunar_from_jdn(want, &l);
		ok(l.year == tet[i].y && l.month == 1 && l.day == 1 && !l.leap,
		    "%s is lunar 1/1/%d (got %d/%d/%d%s)", w, tet[i].y, l.day, l.month,
		    l.year, l.leap ? " leap" : "");
		lunar_from_jdn(want - 1, &l);
		ok(l.year == tet[i].y - 1 && l.month == 12 && (l.day == 29 || l.day == 30),
		    "the day before Tết %d is the last of lunar %d", tet[i].y,
		    tet[i].y - 1);
	}
}

static void
test_gio_to(void)
{
	for (size_t i = 0; i < sizeof gio_to / sizeof gio_to[0]; i++) {
		struct mc_lunar l = {gio_to[i].y, 3, 10, false};
		char got[MC_DATE_LEN], w[MC_DATE_LEN];

		date_format(lunar_to_jdn(&l), got);
		date_format(date_jdn(gio_to[i].y, gio_to[i].m, gio_to[i].d), w);
		is_str(got, w, "Giỗ Tổ %d", gio_to[i].y);
	}
}

static void
test_leap(void)
{
	struct mc_lunar l;

	for (size_t i = 0; i < sizeof leap / sizeof leap[0]; i++) {
		struct mc_lunar q = {leap[i].lyear, leap[i].lmonth, 1, true};
		int want = date_jdn(leap[i].y, leap[i].m, leap[i].d);

		is_int(lunar_to_jdn(&q), want, "leap month %d of %d starts %04d-%02d-%02d",
		    leap[i].lmonth, leap[i].lyear, leap[i].y, leap[i].m, leap[i].d);
		lunar_from_jdn(want, &l);
		ok(l.leap && l.month == leap[i].lmonth && l.day == 1 && l.year == leap[i].lyear,
		    "%04d-%02d-%02d is 1/%d leap of %d", leap[i].y, leap[i].m, leap[i].d,
		    leap[i].lmonth, leap[i].lyear);
		/* the ordinary month of that number comes first */
		q.leap = false;
		ok(lunar_to_jdn(&q) < want && want - lunar_to_jdn(&q) >= 29 &&
		    want - lunar_to_jdn(&q) <= 30, "ordinary month %d of %d precedes its leap",
		    leap[i].lmonth, leap[i].lyear);
	}
	/* 2025 has leap 6, so no leap 5; 2024 and 2026 have none at all. */
	l = (struct mc_lunar){2025, 5, 1, true};
	is_int(lunar_to_jdn(&l), -1, "2025 has no leap month 5");
	l = (struct mc_lunar){2024, 4, 1, true};
	is_int(lunar_to_jdn(&l), -1, "2024 has no leap month");
	l = (struct mc_lunar){2026, 6, 1, true};
	is_int(lunar_to_jdn(&l), -1, "2026 has no leap month");
	/* 2025: month 7 comes after the leap 6: 1/7/2025 = 2025-08-23 */
	l = (struct mc_lunar){2025, 7, 1, false};
	is_int(lunar_to_jdn(&l), date_jdn(2025, 8, 23), "1/7/2025 after leap 6");
	/* Rằm tháng Giêng 2026 (15/1) = 2026-03-03 */
	l = (struct mc_lunar){2026, 1, 15, false};
	is_int(lunar_to_jdn(&l), date_jdn(2026, 3, 3), "15/1/2026");
	/* Trung thu 2025 (15/8) = 2025-10-06 */
	l = (struct mc_lunar){2025, 8, 15, false};
	is_int(lunar_to_jdn(&l), date_jdn(2025, 10, 6), "Trung thu 2025");
}

static void
test_invalid(void)
{
	struct mc_lunar l = {2025, 13, 1, false};

	is_int(lunar_to_jdn(&l), -1, "month 13");
	l = (struct mc_lunar){2025, 0, 1, false};
	is_int(lunar_to_jdn(&l), -1, "month 0");
	l = (struct mc_lunar){2025, 1, 31, false};
	is_int(lunar_to_jdn(&l), -1, "day 31");
	l = (struct mc_lunar){2025, 1, 0, false};
	is_int(lunar_to_jdn(&l), -1, "day 0");
	is_int(lunar_to_jdn(NULL), -1, "NULL");
	/* Lunar 2025 month 12 has 29 days (Tết 2026 is the 30th day after
	 * 1/12): day 30 does not exist. */
	l = (struct mc_lunar){2025, 12, 1, false};
	{
		int first = lunar_to_jdn(&l);
		int len = lunar_tet(2026) - first;

		ok(len == 29 || len == 30, "month 12 of 2025 has %d days", len);
		l.day = 30;
		if (len == 29)
			is_int(lunar_to_jdn(&l), -1, "30/12/2025 does not exist");
		else
			is_int(lunar_to_jdn(&l), first + 29, "30/12/2025 exists");
	}
}

/* Every day 1900–2100: solar -> lunar -> solar, and the lunar dates run
 * on without gaps (day + 1, or day 1 of the next month after 29 or 30). */
static void
test_round_trip(void)
{
	int first = date_jdn(1900, 1, 1), last = date_jdn(2100, 12, 31);
	int bad_trip = 0, bad_run = 0, bad_len = 0, months = 0, leaps = 0;
	struct mc_lunar prev, l;
	char where[64] = "";

	lunar_from_jdn(first, &prev);
	for (int j = first; j <= last; j++) {
		lunar_from_jdn(j, &l);
		if (lunar_to_jdn(&l) != j) {
			if (bad_trip++ == 0)
				date_format(j, where);
		}
		if (j == first)
			continue;
		if (l.day == 1) {
			months++;
			leaps += l.leap;
			if (prev.day != 29 && prev.day != 30)
				bad_len++;
			/* next month: same number when it is the leap, else + 1 */
			if (!(l.leap ? l.month == prev.month && !prev.leap :
			    l.month == prev.month % 12 + 1))
				bad_run++;
			if (l.month == 1 && !l.leap && l.year != prev.year + 1)
				bad_run++;
		} else if (l.day != prev.day + 1 || l.month != prev.month ||
		    l.leap != prev.leap || l.year != prev.year) {
			bad_run++;
		}
		prev = l;
	}
	is_int(bad_trip, 0, "round trip for every day 1900-2100 (first bad: %s)", where);
	is_int(bad_run, 0, "lunar dates run on without gaps 1900-2100");
	is_int(bad_len, 0, "every lunar month has 29 or 30 days");
	/* 201 years hold 201×12 + (7 leaps per 19 years ≈ 74) months */
	ok(months > 201 * 12 + 70 && months < 201 * 12 + 80, "%d lunar months", months);
	ok(leaps > 70 && leaps < 80, "%d leap months in 1900-2100", leaps);
}

static void
test_tet_range(void)
{
	int bad = 0;

	for (int y = 1900; y <= 2100; y++) {
		int t = lunar_tet(y), yy, m, d;

		date_ymd(t, &yy, &m, &d);
		if (yy != y || t < date_jdn(y, 1, 21) || t > date_jdn(y, 2, 20))
			bad++;
	}
	is_int(bad, 0, "every Tết 1900-2100 falls between 21/1 and 20/2");
}

int
main(void)
{
	test_tet();
	test_gio_to();
	test_leap();
	test_invalid();
	test_tet_range();
	test_round_trip();
	return tap_done();
}
