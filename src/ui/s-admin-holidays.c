/* s-admin-holidays.c — F9 Holidays: a year at a glance (a line per
 * month, a cell per day: days off, weekends, working days swapped in),
 * the cursor on a day with its name, and a supervisor's changes: a day
 * off or a working day with its name, clearing that override, importing
 * an official calendar file.  The calendar's rules are core's
 * (calendar.h); after a change the program's calendar is read again, so
 * due dates computed from now on see it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/date.h"
#include "motcua/i18n.h"
#include "s-admin.h"

struct st_year {
	int jdn;		/* the cursor */
	int year;		/* of `hol` */
	struct mc_holiday *hol;
	size_t n;
	bool loaded;
};

static const struct screen_ops screen_year;

static void
load(struct ui *u, struct st_year *s)
{
	struct mc_err err;
	int y, m, d;

	date_ymd(s->jdn, &y, &m, &d);
	free(s->hol);
	s->hol = NULL;
	s->n = 0;
	s->year = y;
	s->loaded = true;
	if (calendar_holidays(u->cal, y, &s->hol, &s->n, &err) != 0)
		ui_error(u, "%s", err.msg);
}

/* The special day at jdn, or NULL. */
static const struct mc_holiday *
special(const struct st_year *s, int jdn)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->hol[i].jdn == jdn)
			return &s->hol[i];
	return NULL;
}

/* After a change: the program's calendar read again, the year too. */
static void
calendar_reread(struct ui *u, struct st_year *s)
{
	struct mc_calendar *cal;
	struct mc_err err;

	if (calendar_open(u->db, &cal, &err) != 0) {
		ui_error(u, "%s", err.msg);
		return;
	}
	calendar_close(u->cal);
	u->cal = cal;
	ui_count_due(u);
	load(u, s);
}

static void
draw(struct ui *u, void *st)
{
	struct st_year *s = st;
	int y, m, d, wd;
	char line[256], date[MC_DATE_LEN];
	const struct mc_holiday *h;
	/* TRANSLATORS: weekday names, Monday first (date_weekday 0 = Monday) */
	static const char *const days[] = { N_("Monday"), N_("Tuesday"), N_("Wednesday"),
		N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday") };

	date_ymd(s->jdn, &y, &m, &d);
	if (!s->loaded || s->year != y)
		load(u, s);
	snprintf(line, sizeof line, _("Year %d"), y);
	attrset(draw_attr(AT_TITLE));
	draw_text(2, 2, line, 12, false);
	attrset(A_NORMAL);
	for (int day = 1; day <= 31; day++)
		if (day == 1 || day % 5 == 0) {
			snprintf(line, sizeof line, "%d", day);
			draw_text(3, 6 + 2 * (day - 1), line, 3, false);
		}
	for (int mon = 1; mon <= 12; mon++) {
		snprintf(line, sizeof line, "%02d", mon);
		draw_text(3 + mon, 2, line, 3, false);
		for (int day = 1; day <= date_days_in_month(y, mon); day++) {
			int j = date_jdn(y, mon, day);
			const char *c = calendar_is_working_day(u->cal, j) ?
			    (special(s, j) != NULL ? "+" : ".") :
			    (special(s, j) != NULL ? "#" : "-");

			if (j == s->jdn)
				attrset(draw_attr(AT_SELECT));
			else if (c[0] == '#')
				attrset(draw_attr(AT_WARN));
			draw_text(3 + mon, 6 + 2 * (day - 1), c, 1, false);
			attrset(A_NORMAL);
		}
	}
	draw_text(17, 2, _(". working day   - weekend   # day off   + working day swapped in"),
	    COLS - 4, false);
	date_format(s->jdn, date);
	wd = date_weekday(s->jdn);
	h = special(s, s->jdn);
	snprintf(line, sizeof line, "%s %s: %s%s%s%s", _(days[wd]), date,
	    calendar_is_working_day(u->cal, s->jdn) ? _("working day") : _("day off"),
	    h != NULL ? " — " : "", h != NULL ? h->name : "",
	    h != NULL && h->source == MC_HOL_OVERRIDE ? _(" (set here)") :
	    h != NULL && h->source == MC_HOL_OFFICIAL ? _(" (official calendar)") : "");
	attrset(draw_attr(AT_TITLE));
	draw_text(19, 2, line, COLS - 4, false);
	attrset(A_NORMAL);
	admin_draw_mode(u, MC_ACT_CALENDAR);
}

/* Move the cursor by months, the day kept when the month has it. */
static void
by_months(struct st_year *s, int n)
{
	int y, m, d;

	date_ymd(s->jdn, &y, &m, &d);
	m += n;
	while (m < 1) {
		m += 12;
		y--;
	}
	while (m > 12) {
		m -= 12;
		y++;
	}
	if (y < 1900 || y > 2199)
		return;
	if (d > date_days_in_month(y, m))
		d = date_days_in_month(y, m);
	s->jdn = date_jdn(y, m, d);
}

static int
set_submit(struct ui *u, struct adm_form *fm)
{
	char *name = adm_form_get(fm, 0);
	struct mc_err err;
	int rc = -1;

	if (name == NULL)
		return -1;
	if (!admin_may(u, MC_ACT_CALENDAR))
		;
	else if (calendar_set(u->db, u->officer.username, (int)fm->num / 2, fm->num % 2 == 1, name, &err) != 0)
		ui_error(u, "%s", err.msg);
	else {
		ui_msg(u, "%s", fm->num % 2 == 1 ? _("Day off saved.") : _("Working day saved."));
		rc = 0;
	}
	free(name);
	if (rc == 0 && fm->ctx != NULL)
		calendar_reread(u, fm->ctx);
	return rc;
}

static void
unset_yes(struct ui *u, void *arg)
{
	struct st_year *s = arg;
	struct mc_err err;

	if (calendar_unset(u->db, u->officer.username, s->jdn, &err) != 0)
		ui_error(u, "%s", err.msg);
	else
		ui_msg(u, "%s", _("The day is back to the official calendar."));
	calendar_reread(u, s);
}

static void
import_chosen(struct ui *u, const char *path)
{
	int years[MC_CALENDAR_MAX_YEARS];
	struct mc_err err;
	int n;
	char list[256] = "";

	if (u->depth < 1 || u->stack[u->depth - 1].ops != &screen_year ||
	    !admin_may(u, MC_ACT_CALENDAR))
		return;
	if ((n = calendar_import_file(u->db, u->officer.username, path, years, MC_CALENDAR_MAX_YEARS, &err)) < 0) {
		ui_error(u, "%s", err.msg);
		return;
	}
	for (int i = 0; i < n && strlen(list) + 8 < sizeof list; i++)
		snprintf(list + strlen(list), sizeof list - strlen(list), "%s%d", i ? ", " : "",
		    years[i]);
	ui_msg(u, _("Official calendar imported: %s."), list);
	calendar_reread(u, u->stack[u->depth - 1].st);
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct st_year *s = st;
	const struct mc_holiday *h = special(s, s->jdn);
	struct adm_form *fm;
	char intro[256], date[MC_DATE_LEN];

	(void)k;
	switch (a) {
	case ACT_LEFT:
		s->jdn--;
		return true;
	case ACT_RIGHT:
		s->jdn++;
		return true;
	case ACT_UP:
		by_months(s, -1);
		return true;
	case ACT_DOWN:
		by_months(s, 1);
		return true;
	case ACT_PGUP:
		by_months(s, -12);
		return true;
	case ACT_PGDN:
		by_months(s, 12);
		return true;
	case ACT_BACK:
		ui_pop(u);
		return true;
	case ACT_DAY_OFF:
	case ACT_WORKDAY:
		if (!admin_may(u, MC_ACT_CALENDAR))
			return true;
		date_format(s->jdn, date);
		snprintf(intro, sizeof intro, a == ACT_DAY_OFF ? _("%s becomes a day off: its "
		    "name (\"Nghỉ bù\", \"Tết\" ...).") : _("%s becomes a working day: its name "
		    "(\"Làm bù\" ...)."), date);
		if ((fm = adm_form_open(u, intro, set_submit)) == NULL)
			return true;
		/* the day and what it becomes, in one number */
		fm->num = (long)s->jdn * 2 + (a == ACT_DAY_OFF ? 1 : 0);
		fm->ctx = s;
		/* TRANSLATORS: form label, under 23 columns */
		w_field_set(&fm->f[adm_form_add(fm, N_("Name of the day"), FK_TEXT, true)],
		    h != NULL ? h->name : "");
		return true;
	case ACT_UNSET:
		if (!admin_may(u, MC_ACT_CALENDAR))
			return true;
		if (h == NULL || h->source != MC_HOL_OVERRIDE) {
			ui_error(u, "%s", _("this day was not set here: nothing to clear"));
			return true;
		}
		date_format(s->jdn, date);
		snprintf(intro, sizeof intro, _("Clear what was set on %s (%s)?"), date, h->name);
		ui_confirm(u, intro, unset_yes, s);
		return true;
	case ACT_IMPORT:
		if (admin_may(u, MC_ACT_CALENDAR))
			adm_import_open(u, _("Import an official calendar"), _("The calendar file "
			    "(JSON, doc/calendar-format.md): each year in it replaces that year's "
			    "official calendar; the days set here stay."), import_chosen);
		return true;
	default:
		return false;
	}
}

static void
leave(struct ui *u, void *st)
{
	struct st_year *s = st;

	(void)u;
	if (s != NULL)
		free(s->hol);
}

static const enum act hints[] = {
	ACT_HELP, ACT_DAY_OFF, ACT_WORKDAY, ACT_UNSET, ACT_IMPORT, ACT_PGDN, ACT_BACK,
	ACT_LEFT, ACT_RIGHT, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_NONE,
};

static const struct screen_ops screen_year = {
	N_("Holidays"), sizeof(struct st_year), NULL, draw, key, leave, hints,
	KM_ADM_YEAR, NULL,
};

void
admin_holidays_open(struct ui *u)
{
	struct st_year *s = ui_push_new(u, &screen_year);
	struct mc_time now;

	if (s == NULL)
		return;
	date_now(&now);
	s->jdn = now.jdn;
}
