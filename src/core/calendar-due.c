/* calendar-due.c — due dates: when a dossier received at a given moment
 * under a time limit is due (the rules are in calendar.h), and the one
 * line that says why (the days that did not count). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "calendar-int.h"
#include "motcua/calendar.h"
#include "motcua/i18n.h"

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

/* The receipt day itself never counts (Civil Code art. 147: a term starts
 * the day after the event); the term is the next n working days, whatever
 * the receipt day was.  The clock of the due day keeps the receipt's place
 * in the office day: a receipt while the office's day is still ahead or
 * under way keeps its clock (moved into office hours); a receipt once the
 * day's office hours are over, or on a day that does not work, has no such
 * clock, and its term runs to the end of the due day (art. 148: a term ends
 * at the end of its last day), i.e. that day's closing time. */
static int
due_days(struct mc_calendar *cal, const struct mc_time *from, int n,
    struct mc_time *due, struct mc_err *err)
{
	int day = from->jdn, clock = -1;	/* -1: the due day's closing */
	int nseg = calendar_day_segments(cal, day), dseg;

	if (nseg > 0 && from->min < cal->seg[nseg - 1][1])
		clock = clamp_clock(cal, nseg, from->min);
	for (int i = 0; i < n; i++)
		if (next_working(cal, day, &day, err))
			return -1;
	dseg = calendar_day_segments(cal, day);
	due->jdn = day;
	due->min = clock < 0 ? cal->seg[dseg - 1][1] : clamp_clock(cal, dseg, clock);
	return 0;
}

static int
due_hours(struct mc_calendar *cal, const struct mc_time *from, int n,
    struct mc_time *due, struct mc_err *err)
{
	int left = n * 60;
	int day = from->jdn, pos = from->min;

	for (;;) {
		int nseg = calendar_day_segments(cal, day);

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
	int nseg = calendar_day_segments(cal, day);

	if (nseg > 0 && from->min <= cal->cutoff && from->min <= cal->seg[nseg - 1][1]) {
		due->jdn = day;
		due->min = cal->seg[nseg - 1][1];
		return 0;
	}
	if (next_working(cal, day, &day, err))
		return -1;
	due->jdn = day;
	due->min = cal->seg[calendar_day_segments(cal, day) - 1][1];
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
		if (!calendar_is_working_day(cal, from->jdn))
			reason_add(buf, n, &used, "%s", _("; received on a day off, due at "
			    "closing time"));
		break;
	case MC_LIMIT_HOURS:
		reason_add(buf, n, &used, ngettext("%d office hour", "%d office hours",
		    (unsigned long)limit->n), limit->n);
		if (!calendar_is_working_day(cal, from->jdn))
			reason_add(buf, n, &used, "%s", _("; received on a day off, counted "
			    "from the next opening"));
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

