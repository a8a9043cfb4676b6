/* date.h — civil dates and times in Vietnam (UTC+7, no daylight saving).
 *
 * A date is a Julian Day Number (JDN, an int): day arithmetic is integer
 * arithmetic and the lunar code works on JDNs too.  A moment at the
 * counter is a struct mc_time: a JDN and the minute of the day, local
 * time.  Stored form is ISO 8601 with the offset:
 * "2026-11-21T09:30:00+07:00".  The CLI shows "2026-11-21 09:30". */
#ifndef MOTCUA_DATE_H
#define MOTCUA_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "motcua/error.h"

#define MC_TZ_MINUTES (7 * 60)	/* Vietnam is UTC+7 all year */

struct mc_time {
	int jdn;	/* Julian Day Number of the local date */
	int min;	/* minute of the day, 0..1439 */
};

/* Gregorian <-> JDN.  date_jdn does not validate; see date_valid. */
int date_jdn(int y, int m, int d);
void date_ymd(int jdn, int *y, int *m, int *d);
bool date_valid(int y, int m, int d);
int date_days_in_month(int y, int m);
/* 0 = Monday … 6 = Sunday */
int date_weekday(int jdn);

/* Parse "YYYY-MM-DD" into a JDN; returns 0 on success, -1 if malformed
 * or not a real date. */
int date_parse(const char *s, int *jdn);
/* Parse "YYYY-MM-DD HH:MM", "YYYY-MM-DDTHH:MM[:SS][+07:00]"; -1 if bad. */
int date_parse_time(const char *s, struct mc_time *t);

/* What a person types, on the screen or the command line: one rule for
 * both front ends.  A date is DD/MM/YYYY (also with '.' or '-' between
 * the parts, and the day or month may have one digit), DDMMYYYY, or
 * YYYY-MM-DD; the year always has four digits.  A date and time is one of
 * those, a space and HH:MM; the stored form "YYYY-MM-DDTHH:MM[:SS][+07:00]"
 * is accepted too.  Surrounding spaces are ignored.  On failure `err`
 * (may be NULL) says which forms are accepted. */
int date_parse_input(const char *s, int *jdn, struct mc_err *err);
int date_parse_input_time(const char *s, struct mc_time *t, struct mc_err *err);

/* Formatting into caller buffers (at least the sizes below). */
#define MC_DATE_LEN 11	/* "2026-11-21" */
#define MC_TIME_LEN 17	/* "2026-11-21 09:30" */
#define MC_ISO_LEN 26	/* "2026-11-21T09:30:00+07:00" */
void date_format(int jdn, char buf[MC_DATE_LEN]);
void date_format_time(const struct mc_time *t, char buf[MC_TIME_LEN]);
void date_format_iso(const struct mc_time *t, char buf[MC_ISO_LEN]);

/* The current moment in Vietnam.  $MOTCUA_NOW ("YYYY-MM-DD HH:MM")
 * overrides the clock, for tests and demonstrations. */
void date_now(struct mc_time *t);
/* Compare two moments: <0, 0, >0. */
int date_cmp(const struct mc_time *a, const struct mc_time *b);

#endif
