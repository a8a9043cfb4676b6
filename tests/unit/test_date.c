/* test_date.c — Gregorian dates as JDNs, parsing and formatting. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

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

	/* what a person types, on the screen or the command line */
	{
		static const char *const good[] = {
			"15/03/1984", "15.03.1984", "15-03-1984", "15031984", "1984-03-15",
			"  15/03/1984 ", "15/3/1984",
		};
		static const char *const badin[] = {
			"31/02/2026", "29/02/2025", "32/01/2026", "15/13/1984", "00/01/2026",
			"15/03/84", "150384", "84-03-15", "15/03/19845", "150319845",
			"15/03-1984", "1984-3-15", "1984/03/15", "15 03 1984", "", "x",
			"15/03/1984x", "1984-03-15 09:00", "1/1/1", "abcdefgh",
		};
		struct mc_err err;
		int want = date_jdn(1984, 3, 15), n = 0;

		for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
			n += date_parse_input(good[i], &j, NULL) == 0 && j == want;
		is_int(n, (int)(sizeof good / sizeof good[0]),
		    "every accepted form gives the same day");
		for (size_t i = 0; i < sizeof badin / sizeof badin[0]; i++)
			ok(date_parse_input(badin[i], &j, &err) != 0, "refused: '%s'", badin[i]);
		ok(date_parse_input("29/02/2024", &j, NULL) == 0 && j == date_jdn(2024, 2, 29),
		    "29/02 of a leap year");
		ok(date_parse_input(NULL, &j, &err) != 0, "refuse NULL");
		date_parse_input("31/02/2026", &j, &err);
		ok(strstr(err.msg, "31/02/2026") != NULL &&
		    strstr(err.msg, "DD/MM/YYYY, DDMMYYYY or YYYY-MM-DD") != NULL,
		    "the message names the text and the accepted forms");

		static const char *const goodt[] = {
			"15/03/1984 09:05", "15031984 09:05", "1984-03-15 09:05",
			"1984-03-15T09:05", "1984-03-15T09:05:00+07:00", "15.3.1984  09:05",
		};
		static const char *const badt[] = {
			"15/03/1984", "15/03/1984 9:05", "15/03/1984 24:00", "15/03/1984 09:60",
			"31/02/2026 09:00", "15/03/84 09:05", "15/03/1984 09:05x",
			"1984-03-15T09:05:00Z", "", "09:05",
		};
		n = 0;
		for (size_t i = 0; i < sizeof goodt / sizeof goodt[0]; i++)
			n += date_parse_input_time(goodt[i], &t, NULL) == 0 && t.jdn == want &&
			    t.min == 545;
		is_int(n, (int)(sizeof goodt / sizeof goodt[0]),
		    "every accepted date-time form gives the same moment");
		for (size_t i = 0; i < sizeof badt / sizeof badt[0]; i++) {
			/* refused, and t left as it was (not its day alone) */
			t.jdn = 1;
			t.min = 2;
			ok(date_parse_input_time(badt[i], &t, &err) != 0 && t.jdn == 1 &&
			    t.min == 2, "refused, t untouched: '%s'", badt[i]);
		}
		t.jdn = 1;
		t.min = 2;
		ok(date_parse_time("2026-11-21 24:00", &t) != 0 && t.jdn == 1 && t.min == 2,
		    "date_parse_time refused: t untouched");
		ok(strstr(err.msg, "YYYY-MM-DD HH:MM") != NULL &&
		    strstr(err.msg, "DD/MM/YYYY HH:MM") != NULL,
		    "the date-time message names the accepted forms");
	}

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
