/* calendar-int.h — what the calendar's files share: the calendar of one
 * database as calendar.c loads it (read by the due-date code in
 * calendar-due.c), and small helpers of the defaults and the overrides. */
#ifndef MOTCUA_CALENDAR_INT_H
#define MOTCUA_CALENDAR_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "motcua/calendar.h"
#include "motcua/error.h"

#define MAX_SEG 4		/* office-hours segments of a day */
#define CACHE_YEARS 4		/* years of computed defaults kept */

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

/* How many office-hours segments the day has (0: it does not work); the
 * day's hours are the first that many of cal->seg.  (calendar.c) */
int calendar_day_segments(struct mc_calendar *cal, int jdn);

/* qsort/bsearch order of holidays: by date.  (calendar-default.c) */
int calendar_holiday_cmp(const void *a, const void *b);

/* A holiday's name NFC, trimmed, non-empty and under MC_HOLIDAY_NAME
 * bytes; malloc'd, NULL with err set.  (calendar-override.c) */
char *calendar_clean_name(const char *name, struct mc_err *err);

#endif
