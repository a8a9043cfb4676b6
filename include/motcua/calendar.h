/* calendar.h — working days, holidays and due dates.
 *
 * Default holidays (Labour Code 2019 art. 112) are computed for any year;
 * an official calendar imported for a year replaces that year's defaults;
 * single-date overrides (off or work, with a name) win over both.
 * Settings live in the meta table:
 *   office_hours      "07:30-11:30,13:30-17:00" (1 to 4 segments)
 *   saturday_morning  "1" if Saturday morning is a working half-day
 *   sameday_cutoff    "15:00"
 *
 * Which days work.  Monday to Friday work, Sunday does not; Saturday works
 * only with saturday_morning = "1", and then only during the first
 * office-hours segment (the morning).  A date listed as off (default
 * holiday, make-up day, official calendar, override) does not work; a
 * date listed as work does, with full office hours even on a weekend.
 *
 * Due dates (calendar_due).  The day of receipt never counts, whatever
 * day it is (Civil Code art. 147: a term starts the day after the event),
 * and a term ends at the end of its last day (art. 148), i.e. at that
 * day's closing time unless the receipt gives it an earlier clock.
 * Examples with the default hours (07:30-11:30, 13:30-17:00):
 *   "N days" / "1 day": due on the Nth working day after the day of
 *     receipt, counting the days after it one by one and skipping those
 *     that do not work.  The due clock:
 *     - received on a working day before its last closing: the receipt
 *       clock, clamped into office hours (before opening -> opening, in
 *       the lunch break -> the afternoon opening), then clamped the same
 *       way into the due day's hours (a half-day Saturday closes at the
 *       end of the morning).  Mon 09:15 + 3 days -> Thu 09:15; Mon 06:10
 *       + 1 day -> Tue 07:30; Mon 12:00 + 1 day -> Tue 13:30.
 *     - received at or after the day's last closing, or on a day that
 *       does not work: there is no clock inside the office day, so the
 *       term runs to the closing of the due day.  Mon 18:45 + 1 day ->
 *       Tue 17:00; Sat (office closed) + 5 days -> the next Fri 17:00,
 *       the same as Fri 17:30 + 5 days; Sun + 1 day -> Mon 17:00; Tue
 *       17/2/2026 (Tết) + 1 day -> Mon 23/2 17:00, the first working
 *       day after Tết.
 *     - a working Saturday (saturday_morning on) is a working day: it
 *       counts as a whole day in the count (Fri 10:00 + 1 day -> Sat
 *       10:00; Fri 14:00 + 1 day -> Sat 11:30, its closing), a receipt
 *       on its morning keeps its clock (Sat 10:00 + 1 day -> Mon 10:00)
 *       and one after its closing is due at closing (Sat 14:00 + 1 day
 *       -> Mon 17:00, as on a Saturday off).
 *     - a make-up working day (a date listed as work, e.g. Sat 10/1/2026)
 *       is a full working day: it counts, and a receipt on it is a
 *       working-day receipt (Sat 10/1/2026 09:00 + 1 day -> Mon 12/1
 *       09:00; Fri 9/1 09:00 + 1 day -> Sat 10/1 09:00).
 *   "N hours": N x 60 minutes of office hours, counted from the receipt
 *     moment, or from the next opening if the counter is closed then (a
 *     term in hours starts at its moment, art. 147(1); only office
 *     minutes count).  Mon 10:00 + 4 hours -> Mon 16:00 (across lunch);
 *     Fri 10:30 + 8 hours -> Mon 11:00 (1 h + 3 h 30 on Friday, 3 h 30
 *     on Monday); Sat or Sun + 1 hour -> Mon 08:30; Mon 19:00 + 2 hours
 *     -> Tue 09:30.  Saturday (saturday_morning on) contributes its
 *     morning only; a make-up working day its full hours.  Ending
 *     exactly at a closing time gives that closing time (Mon 07:30 + 4
 *     hours -> Mon 11:30, not 13:30).
 *   "same day": the end of office hours of the day of receipt, if that
 *     day works, the receipt is not after sameday_cutoff (15:00 itself is
 *     in time) and the office has not closed; otherwise the end of office
 *     hours of the next working day.  Mon 09:00 -> Mon 17:00; Mon 15:01
 *     -> Tue 17:00; Sat or Sun -> Mon 17:00 (the same as "1 day" then:
 *     the first day the office can act is the next working day); a
 *     working Saturday 11:00 -> Sat 11:30, 12:00 -> Mon 17:00.
 * The search for a working day gives up after ten years of days off (an
 * error naming the cause), so a runaway override cannot hang the program.
 */
#ifndef MOTCUA_CALENDAR_H
#define MOTCUA_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "motcua/date.h"
#include "motcua/error.h"

enum mc_limit_kind { MC_LIMIT_DAYS, MC_LIMIT_HOURS, MC_LIMIT_SAMEDAY };

/* A processing time limit: "3 days", "8 hours", "same day". */
struct mc_limit {
	enum mc_limit_kind kind;
	int n;			/* 1..MC_LIMIT_MAX; unused for same day */
};

#define MC_LIMIT_MAX 999

/* Accepts "N days", "1 day", "N hours", "1 hour", "same day" (ASCII case
 * and surrounding spaces ignored) and the Vietnamese "N ngày [làm việc]",
 * "N giờ [làm việc]", "trong ngày".  N is 1..MC_LIMIT_MAX. */
int calendar_limit_parse(const char *s, struct mc_limit *out, struct mc_err *err);
/* Its canonical text ("3 days", "1 day", "8 hours", "same day") is
 * format_limit(l, FORMAT_DATA, …) (format.h), beside the other spellings. */

enum mc_holiday_source {
	MC_HOL_DEFAULT,		/* computed from the Labour Code */
	MC_HOL_OFFICIAL,	/* from an imported official calendar */
	MC_HOL_OVERRIDE		/* set by a supervisor for one date */
};

#define MC_HOLIDAY_NAME 128	/* bytes, with the NUL */

struct mc_holiday {
	int jdn;
	bool off;		/* true: day off; false: a working day swapped in */
	char name[MC_HOLIDAY_NAME];
	enum mc_holiday_source source;
};

/* Default holidays of a year, with make-up days, sorted by date.
 * Fills at most `max` entries and returns how many there are (never more
 * than MC_DEFAULT_HOLIDAYS_MAX).
 *
 * 1/1; Tết (the last day of the lunar year and lunar 1/1 to 4/1); lunar
 * 10/3; 30/4; 1/5; 1/9 and 2/9.  Each holiday on a Saturday or Sunday
 * gives a make-up day ("Nghỉ bù …") on the first Monday-to-Friday after it
 * that is neither a holiday nor an earlier make-up day, i.e. after the
 * holiday block.  Two holidays on one date (lunar 10/3 can meet 30/4) make
 * one day off, named after both, with at most one make-up day. */
#define MC_DEFAULT_HOLIDAYS_MAX 32
size_t calendar_default_holidays(int year, struct mc_holiday *out, size_t max);

/* The calendar of one database: settings and holidays, read once at open
 * (the tables are small); defaults are computed and cached per year. */
struct mc_calendar;

/* db may be NULL: default settings and default holidays only. */
int calendar_open(sqlite3 *db, struct mc_calendar **out, struct mc_err *err);
void calendar_close(struct mc_calendar *cal);

bool calendar_is_working_day(struct mc_calendar *cal, int jdn);
/* The first working day after jdn, or -1 if none within ten years. */
int calendar_next_working_day(struct mc_calendar *cal, int jdn);
/* Name of the holiday (or swapped working day) on that date, or NULL (a
 * plain weekday or weekend is NULL).  Valid until the next call on cal. */
const char *calendar_holiday_name(struct mc_calendar *cal, int jdn);

/* Due moment of a dossier received at `from` under `limit` (rules above). */
int calendar_due(struct mc_calendar *cal, const struct mc_time *from,
    const struct mc_limit *limit, struct mc_time *due, struct mc_err *err);

/* Why the due date is what it is, in one translated line for the
 * officer and the slip: "3 working days; skipping Saturday, Sunday, Tết
 * Nguyên đán 16/02–20/02".  Written into buf (truncated to n). */
void calendar_due_reason(struct mc_calendar *cal, const struct mc_time *from,
    const struct mc_limit *limit, const struct mc_time *due, char *buf, size_t n);

/* The effective holidays of a year (days off and swapped-in working days,
 * after official calendar and overrides), sorted; *out is malloc'd (NULL
 * when *n is 0); the caller frees it. */
int calendar_holidays(struct mc_calendar *cal, int year, struct mc_holiday **out,
    size_t *n, struct mc_err *err);

/* Supervisor overrides and official calendars (each one transaction, with
 * its audit event).  `acting` must be allowed to change the calendar
 * (role_require, MC_ACT_CALENDAR).  Names are NFC-normalised and trimmed;
 * at most MC_HOLIDAY_NAME - 1 bytes.  calendar_unset of a date without an
 * override fails (MC_ENOTFOUND). */
int calendar_set(sqlite3 *db, const char *acting, int jdn, bool off, const char *name,
    struct mc_err *err);
int calendar_unset(sqlite3 *db, const char *acting, int jdn, struct mc_err *err);

/* Import an official calendar file (format: doc/calendar-format.md).  The
 * whole file is checked first; any fault names the entry and field and
 * changes nothing.  Each year in the file replaces that year's official
 * calendar (overrides stay).  The years imported go to years[0..max-1]
 * (years may be NULL); returns how many years, or -1. */
#define MC_CALENDAR_MAX_YEARS 50
int calendar_import_file(sqlite3 *db, const char *acting, const char *path, int *years,
    size_t max, struct mc_err *err);
int calendar_import_json(sqlite3 *db, const char *acting, const char *json, int *years,
    size_t max, struct mc_err *err);

#endif
