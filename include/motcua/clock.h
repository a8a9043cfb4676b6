/* clock.h — does the PC's clock look right?
 *
 * Low-end PCs lose their clock when the CMOS battery dies, and a clock set
 * wrong dates every receipt and due date wrongly (DESIGN.md).  The program
 * cannot know the true time, but it can see a clock that disagrees with
 * what the database holds.  The clock looks wrong when it says:
 *
 *  - a year before MC_CLOCK_RELEASE_YEAR, the year this version was made
 *    (a reset battery's clock goes back to the BIOS's date, years ago);
 *  - a time more than MC_CLOCK_SLACK_MIN minutes (a day) before the newest
 *    event of any station in the database: events may legitimately be a
 *    little ahead of this PC (an --at up to a day ahead is an officer's,
 *    an imported event may be a day after its bundle, another station's
 *    clock may be a little fast), but not more;
 *  - a date more than MC_CLOCK_AHEAD_DAYS days after the newest event, when
 *    there is one: longer than any office's closure (Tết is about ten
 *    days), so a clock set a year ahead by mistake is seen, and an idle
 *    station's warning ends with its first new event.
 *
 * Every command prints the warning on stderr and every screen shows it
 * (clock_warning); the rules of dates themselves (a receipt before this
 * station's newest event, an --at more than a day from now) are the
 * writers' (dossier.c, lifecycle.c: MC_ACT_BACKDATE). */
#ifndef MOTCUA_CLOCK_H
#define MOTCUA_CLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "motcua/date.h"
#include "motcua/error.h"
#include "motcua/role.h"

#define MC_CLOCK_RELEASE_YEAR 2026
#define MC_CLOCK_SLACK_MIN (24 * 60)
#define MC_CLOCK_AHEAD_DAYS 60

enum mc_clock_state {
	MC_CLOCK_OK,
	MC_CLOCK_BEFORE_RELEASE,	/* before MC_CLOCK_RELEASE_YEAR */
	MC_CLOCK_BEHIND,		/* well before the newest event */
	MC_CLOCK_AHEAD,			/* long after the newest event */
};

struct mc_clock {
	enum mc_clock_state state;
	struct mc_time now;		/* what the clock says (date_now) */
	struct mc_time newest;		/* the newest event's time; jdn 0: none */
};

/* Minutes from a to b (negative when b is before a). */
long long clock_minutes(const struct mc_time *a, const struct mc_time *b);

/* The newest event's time in the database, of any station (jdn 0 if there
 * is none).  0 or -1. */
int clock_newest(sqlite3 *db, struct mc_time *t, struct mc_err *err);

/* The newest time of this station's own events (jdn 0 if none). */
int clock_newest_own(sqlite3 *db, struct mc_time *t, struct mc_err *err);

/* May an officer of role r record an event (a receipt, a step) dated at?
 * A time more than MC_CLOCK_SLACK_MIN minutes (a day) ahead of the clock
 * is a supervisor's (MC_ACT_BACKDATE).  0, or -1 with err saying what to
 * do. */
int clock_require_at(enum mc_role r, const struct mc_time *at, struct mc_err *err);

/* Look at the clock against the database.  0 (c->state says) or -1. */
int clock_check(sqlite3 *db, struct mc_clock *c, struct mc_err *err);

/* The warning, translated, saying what the clock says, what disagrees and
 * what to do; "" when c->state is MC_CLOCK_OK.  `brief`: a shorter form for
 * a line of the screen. */
void clock_warning(const struct mc_clock *c, bool brief, char *buf, size_t n);

#endif
