/* test_date.c — Gregorian dates as JDNs, parsing and formatting. */
#include "config.h"

#include <stdlib.h>

#include "motcua/date.h"
#include "tap.h"

int
main(void)
{
	struct mc_time t;
	char buf[MC_ISO_LEN];
	int j, y, m, d, bad = 0;

	is_int(date_jdn(2000, 1, 1), 2451545, "JDN of 2000-01-01");
	is_int(date_jdn(1970, 1, 1), 2440588, "JDN of 1970-01-01");
	is_int(date_weekday(date_jdn(2026, 11, 21)), 5, "2026-11-21 is a Saturday");
	is_int(date_weekday(date_jdn(2025, 1, 29)), 2, "Tết 2025 fell on a Wednesday");
	for (j = date_jdn(1900, 1, 1); j <= date_jdn(2100, 12, 31); j++) {
		date_ymd(j, &y, &m, &d);
		if (date_jdn(y, m, d) != j || !date_valid(y, m, d))
			bad++;
	}
	is_int(bad, 0, "every day 1900-2100 round-trips through JDN");
	ok(date_valid(2024, 2, 29) && !date_valid(2025, 2, 29) && !date_valid(1900, 2, 29)
	    && date_valid(2000, 2, 29), "leap years");

	ok(date_parse("2026-02-17", &j) == 0 && j == date_jdn(2026, 2, 17), "parse a date");
	ok(date_parse("2026-2-17", &j) != 0, "refuse a date without leading zeros");
	ok(date_parse("2026-02-30", &j) != 0, "refuse 30 February");
	ok(date_parse("2026-13-01", &j) != 0, "refuse month 13");
	ok(date_parse("2026-02-17x", &j) != 0, "refuse trailing text");
	ok(date_parse("", &j) != 0, "refuse empty text");
	ok(date_parse_time("2026-11-21 09:05", &t) == 0 && t.min == 545, "parse a time");
	ok(date_parse_time("2026-11-21T09:05:00+07:00", &t) == 0 && t.min == 545,
	    "parse the stored form");
	ok(date_parse_time("2026-11-21 24:00", &t) != 0, "refuse hour 24");
	ok(date_parse_time("2026-11-21 09:60", &t) != 0, "refuse minute 60");
	ok(date_parse_time("2026-11-21T09:05:00Z", &t) != 0, "refuse another time zone");
	ok(date_parse_time("2026-11-21", &t) != 0, "a time needs hours and minutes");

	t.jdn = date_jdn(2026, 1, 5);
	t.min = 7 * 60 + 30;
	date_format_iso(&t, buf);
	is_str(buf, "2026-01-05T07:30:00+07:00", "stored form");
	date_format_time(&t, buf);
	is_str(buf, "2026-01-05 07:30", "CLI form");
	date_format(t.jdn, buf);
	is_str(buf, "2026-01-05", "date form");

	setenv("MOTCUA_NOW", "2030-03-04 16:59", 1);
	date_now(&t);
	date_format_time(&t, buf);
	is_str(buf, "2030-03-04 16:59", "MOTCUA_NOW sets the clock");
	unsetenv("MOTCUA_NOW");
	date_now(&t);
	ok(t.jdn > date_jdn(2020, 1, 1) && t.min >= 0 && t.min < 1440, "the real clock");
	return tap_done();
}
