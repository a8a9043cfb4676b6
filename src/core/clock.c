/* clock.c — does the PC's clock look right? (clock.h) */
#include "config.h"

#include <stdio.h>

#include "motcua/clock.h"
#include "motcua/db.h"
#include "motcua/event.h"
#include "motcua/i18n.h"

long long
clock_minutes(const struct mc_time *a, const struct mc_time *b)
{
	return ((long long)b->jdn - a->jdn) * 1440 + (b->min - a->min);
}

int
clock_newest(sqlite3 *db, struct mc_time *t, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	t->jdn = t->min = 0;
	/* Every time is stored with the one offset +07:00, so text order is
	 * time order.  The newest of each kind's newest, each one seek in the
	 * index event_kind_at, the kinds found by skipping through it: a few
	 * dozen seeks rather than a scan of the log at every command. */
	if (db_prepare(db, "WITH RECURSIVE k(kind) AS (SELECT min(kind) FROM event "
	    "UNION ALL SELECT (SELECT min(kind) FROM event WHERE kind > k.kind) FROM k "
	    "WHERE k.kind IS NOT NULL) SELECT max((SELECT max(at) FROM event WHERE "
	    "kind = k.kind)) FROM k WHERE k.kind IS NOT NULL", &st, err))
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL &&
	    date_parse_time((const char *)sqlite3_column_text(st, 0), t) != 0)
		t->jdn = t->min = 0;	/* a time that is none: no help here */
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, _("reading the event log"));
	return 0;
}

int
clock_newest_own(sqlite3 *db, struct mc_time *t, struct mc_err *err)
{
	char at[64];

	t->jdn = t->min = 0;
	/* the mark event_append keeps: one row, not a read of every event */
	if (event_newest_own(db, at, sizeof at, err))
		return -1;
	if (at[0] != '\0' && date_parse_time(at, t) != 0)
		t->jdn = t->min = 0;
	return 0;
}

int
clock_require_at(enum mc_role r, const struct mc_time *at, struct mc_err *err)
{
	struct mc_time now;
	char when[MC_TIME_LEN], clock[MC_TIME_LEN];

	date_now(&now);
	if (clock_minutes(&now, at) <= MC_CLOCK_SLACK_MIN || role_may(r, MC_ACT_BACKDATE))
		return 0;
	date_format_time(at, when);
	date_format_time(&now, clock);
	return err_set(err, MC_EINVAL, _("the time %s is more than a day after now (%s): "
	    "give the time it really happened, or ask a supervisor, who may record it "
	    "ahead; if the PC's clock is wrong, set it (ask the technician)"), when, clock);
}

int
clock_check(sqlite3 *db, struct mc_clock *c, struct mc_err *err)
{
	int y, m, d;

	c->state = MC_CLOCK_OK;
	date_now(&c->now);
	if (clock_newest(db, &c->newest, err))
		return -1;
	date_ymd(c->now.jdn, &y, &m, &d);
	if (y < MC_CLOCK_RELEASE_YEAR)
		c->state = MC_CLOCK_BEFORE_RELEASE;
	else if (c->newest.jdn > 0 && clock_minutes(&c->now, &c->newest) > MC_CLOCK_SLACK_MIN)
		c->state = MC_CLOCK_BEHIND;
	else if (c->newest.jdn > 0 && c->now.jdn - c->newest.jdn > MC_CLOCK_AHEAD_DAYS)
		c->state = MC_CLOCK_AHEAD;
	return 0;
}

void
clock_warning(const struct mc_clock *c, bool brief, char *buf, size_t n)
{
	char now[MC_TIME_LEN], newest[MC_TIME_LEN], day[MC_DATE_LEN], last[MC_DATE_LEN];

	date_format_time(&c->now, now);
	date_format(c->now.jdn, day);
	date_format_time(&c->newest, newest);
	date_format(c->newest.jdn, last);
	switch (c->state) {
	case MC_CLOCK_OK:
		snprintf(buf, n, "%s", "");
		break;
	case MC_CLOCK_BEFORE_RELEASE:
		if (brief)
			snprintf(buf, n, _("Clock wrong? It says %s, before %d: ask the "
			    "technician"), day, MC_CLOCK_RELEASE_YEAR);
		else
			snprintf(buf, n, _("the PC's clock says %s, before this version of "
			    "motcua was made (%d): set the date and time (ask the technician)"),
			    now, MC_CLOCK_RELEASE_YEAR);
		break;
	case MC_CLOCK_BEHIND:
		if (brief)
			snprintf(buf, n, _("Clock wrong? It says %s, an event is of %s: ask "
			    "the technician"), day, last);
		else
			snprintf(buf, n, _("the PC's clock says %s, but this database holds an "
			    "event of %s: set the date and time (ask the technician)"), now,
			    newest);
		break;
	case MC_CLOCK_AHEAD:
		if (brief)
			snprintf(buf, n, _("Clock wrong? It says %s, last event %s: ask the "
			    "technician"), day, last);
		else
			snprintf(buf, n, _("the PC's clock says %s, %d days after the newest event "
			    "in this database (%s): if that date is wrong, set the date and time "
			    "(ask the technician)"), now, c->now.jdn - c->newest.jdn, newest);
		break;
	}
}
