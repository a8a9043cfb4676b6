/* s-report.c — F6: the figures of a period (report_summary): 1 this
 * month, 2 last month, 3 this quarter, 4 this year (each up to today),
 * 5 dates typed in.  Three views, Tab from one to the next: the table per
 * field and in total, the on-time rate per field as bars, and the
 * receipts per week as bars.  i shows the page of indicators instead
 * (s-report-ind.c), Tab or i again goes back to the views.  s writes the table as a CSV file into the
 * reports folder beside the database, p prints it.  Nothing here writes
 * to the database.
 *
 * Receipts per week: report_weeks, one read of the counts core keeps. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/date.h"
#include "motcua/i18n.h"
#include "motcua/vntext.h"
#include "s-report.h"

#define BODY_Y 5	/* first row of a view */

/* TRANSLATORS: the periods of the report screen, after their digit keys
 * 1 to 5 on one 80-column line: keep them short */
static const char *const period_labels[RP_COUNT] = {
	N_("This month"), N_("Last month"), N_("This quarter"), N_("This year"),
	N_("From–to"),
};

static const char *const view_labels[RV_COUNT] = {
	N_("Table"), N_("On-time rate"), N_("Per week"),
};

static int
body_h(void)
{
	return LINES - 3 - BODY_Y;	/* the legend is the last row of the body */
}

static void
unload(struct st_report *s)
{
	if (s->loaded)
		report_summary_free(&s->sum);
	s->loaded = false;
	free(s->weeks);
	s->weeks = NULL;
	s->nweeks = 0;
	s->weeks_loaded = false;
}

static void
load(struct ui *u, struct st_report *s)
{
	struct mc_err err;

	unload(s);
	s->gen = u->gen;
	s->top = 0;
	memset(&s->sum, 0, sizeof s->sum);
	if (report_summary(u->db, s->from, s->to, &s->sum, &err) != 0) {
		ui_error(u, "%s", err.msg);
		return;
	}
	s->loaded = true;
}

/* Receipts per week, from core in one read (report_weeks). */
static void
load_weeks(struct ui *u, struct st_report *s)
{
	struct report_week *w;
	struct mc_err err;
	size_t n;

	s->weeks_loaded = true;
	if (report_weeks(u->db, s->from, s->to, &w, &n, &err) != 0) {
		ui_error(u, "%s", err.msg);
		return;
	}
	if ((s->weeks = calloc(n + 1, sizeof *s->weeks)) == NULL) {
		free(w);
		ui_error(u, "%s", _("out of memory"));
		return;
	}
	for (size_t i = 0; i < n; i++) {
		s->weeks[i].from = w[i].from;
		s->weeks[i].to = w[i].to;
		s->weeks[i].received = w[i].received;
	}
	s->nweeks = n;
	free(w);
}

/* The dates of a period as of today; the current month, quarter and
 * year end today (the figures are as of the end of the period: a day to
 * come would count dossiers as overdue that are not yet). */
static void
period_dates(enum rp_period p, int today, int *from, int *to)
{
	int y, m, d;

	date_ymd(today, &y, &m, &d);
	*to = today;
	switch (p) {
	case RP_LAST_MONTH:
		if (--m == 0) {
			m = 12;
			y--;
		}
		*from = date_jdn(y, m, 1);
		*to = date_jdn(y, m, date_days_in_month(y, m));
		break;
	case RP_QUARTER:
		*from = date_jdn(y, (m - 1) / 3 * 3 + 1, 1);
		break;
	case RP_YEAR:
		*from = date_jdn(y, 1, 1);
		break;
	default:
		*from = date_jdn(y, m, 1);
		break;
	}
}

static void
choose(struct ui *u, struct st_report *s, enum rp_period p)
{
	struct mc_time now;
	char a[MC_DATE_LEN], b[MC_DATE_LEN];

	if (p == RP_CUSTOM) {
		/* the fields start from the dates shown; Enter applies them */
		int y, m, d;

		date_ymd(s->from, &y, &m, &d);
		snprintf(a, sizeof a, "%02d/%02d/%04d", d, m, y);
		date_ymd(s->to, &y, &m, &d);
		snprintf(b, sizeof b, "%02d/%02d/%04d", d, m, y);
		w_field_set(&s->f[0], a);
		w_field_set(&s->f[1], b);
		s->editing = true;
		s->focus = 0;
		return;
	}
	date_now(&now);
	s->period = p;
	period_dates(p, now.jdn, &s->from, &s->to);
	load(u, s);
}

/* Enter on the date fields: both must be dates, in order. */
static void
apply_custom(struct ui *u, struct st_report *s)
{
	char *v[2] = {w_field_get(&s->f[0]), w_field_get(&s->f[1])};
	char iso[2][MC_DATE_LEN];
	int jdn[2] = {0, 0}, bad = -1;

	for (int i = 0; i < 2; i++)
		if (v[i] == NULL || ui_parse_date(v[i], iso[i]) != 0 || iso[i][0] == '\0' ||
		    date_parse(iso[i], &jdn[i]) != 0) {
			bad = i;
			break;
		}
	if (bad >= 0) {
		ui_error(u, _("'%s' is not a date: type it as DD/MM/YYYY, DDMMYYYY or "
		    "YYYY-MM-DD"),
		    v[bad] != NULL ? v[bad] : "");
		s->focus = bad;
	} else if (jdn[1] < jdn[0]) {
		ui_error(u, "%s", _("the end of the period comes before its start"));
		s->focus = 1;
	} else {
		s->editing = false;
		s->period = RP_CUSTOM;
		s->from = jdn[0];
		s->to = jdn[1];
		load(u, s);
	}
	free(v[0]);
	free(v[1]);
}

static void
draw(struct ui *u, void *st)
{
	struct st_report *s = st;
	char line[256], view[64], from[MC_DATE_LEN], to[MC_DATE_LEN];
	int x = 1, vw;

	if (s->loaded && s->gen != u->gen)
		load(u, s);	/* not while on this screen, but cheap to keep right */
	if (s->view == RV_WEEKS && s->loaded && !s->weeks_loaded)
		load_weeks(u, s);
	for (int p = 0; p < RP_COUNT; p++) {
		snprintf(line, sizeof line, "%d %s", p + 1, _(period_labels[p]));
		attrset(p == (int)s->period ? draw_attr(AT_SELECT) : A_NORMAL);
		x += draw_text(2, x, line, COLS - x - 1, false);
		attrset(A_NORMAL);
		x += draw_text(2, x, "  ", COLS - x - 1, false);
	}
	if (s->indic)
		snprintf(view, sizeof view, "%s", _("Indicators"));
	else
		snprintf(view, sizeof view, "%s %d/%d", _(view_labels[s->view]),
		    s->view + 1, RV_COUNT);
	vw = (int)vntext_width(view);
	draw_text_right(3, COLS - 1, view);
	if (s->editing) {
		w_field_draw(u, &s->f[0], 3, 1, 12, 26, s->focus == 0);
		w_field_draw(u, &s->f[1], 3, 29, 6, 20, s->focus == 1);
	} else {
		date_format(s->from, from);
		date_format(s->to, to);
		snprintf(line, sizeof line, _("%s to %s, as of the end of the last day"),
		    from, to);
		draw_text(3, 1, line, COLS - vw - 4, false);
	}
	if (s->loaded) {
		if (s->indic)
			rp_draw_ind(s, BODY_Y - 1, body_h() + 1);
		else if (s->view == RV_TABLE)
			rp_draw_table(s, BODY_Y - 1, body_h() + 1);
		else if (s->view == RV_RATE)
			rp_draw_rate(s, BODY_Y, body_h());
		else
			rp_draw_weeks(s, BODY_Y, body_h());
	}
	/* TRANSLATORS: the report screen's own keys, one 80-column line */
	draw_text(LINES - 3, 1, s->editing ? _("Enter: next date, then show  Tab: other "
	    "date  Esc: cancel") : _("1-5 period  Tab view  ← → columns  ↑ ↓ rows  i indicators"
	    "  s CSV  p print"), COLS - 2, false);
}

static void
scroll_rows(struct st_report *s, enum act a)
{
	(void)w_scroll_key(&s->top, rp_view_rows(s), (size_t)body_h() - 2, a);
}

/* "reports/report-….csv" of a path: the message line is one line, and
 * the folder is always beside the database. */
static const char *
tail(const char *path)
{
	const char *p = path + strlen(path);
	int slashes = 0;

	while (p > path && (p[-1] != '/' || ++slashes < 2))
		p--;
	return p;
}

static bool
edit_key(struct ui *u, struct st_report *s, int k, enum act a)
{
	if (a == ACT_BACK) {
		s->editing = false;	/* the period shown stays */
		return true;
	}
	if (a == ACT_NEXT || a == ACT_PREV || (a == ACT_OK && s->focus == 0)) {
		w_field_commit(&s->f[s->focus]);
		s->focus = !s->focus;
		return true;
	}
	if (a == ACT_OK) {
		w_field_commit(&s->f[s->focus]);
		apply_custom(u, s);
		return true;
	}
	/* digits are dates here, not periods (the keys of KM_DATES); F1 still
	 * opens the help */
	return w_field_key(u, &s->f[s->focus], k, a);
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct st_report *s = st;
	char path[PATH_MAX * 2];
	struct mc_err err;

	if (s->editing)
		return edit_key(u, s, k, a);
	if (a == ACT_PERIOD && keys_digit(k) >= 1 && keys_digit(k) <= RP_COUNT) {
		choose(u, s, (enum rp_period)(keys_digit(k) - 1));
	} else if (a == ACT_INDICATORS) {
		s->indic = !s->indic;
		s->top = 0;
	} else if (s->indic && (a == ACT_NEXT || a == ACT_PREV)) {
		s->indic = false;	/* back to the view left */
		s->top = 0;
	} else if (a == ACT_NEXT || a == ACT_PREV) {
		s->view = (s->view + (a == ACT_NEXT ? 1 : RV_COUNT - 1)) % RV_COUNT;
		s->top = 0;
	} else if (a == ACT_LEFT || a == ACT_RIGHT) {
		s->col += a == ACT_RIGHT ? 1 : -1;	/* kept in range when drawn */
		if (s->col < 0)
			s->col = 0;
	} else if (a == ACT_UP || a == ACT_DOWN || a == ACT_PGUP || a == ACT_PGDN ||
	    a == ACT_FIRST || a == ACT_LAST) {
		scroll_rows(s, a);
	} else if (!s->loaded && (a == ACT_SAVE || a == ACT_PRINT)) {
		ui_error(u, "%s", _("no figures to write: choose a period first (1-5)"));
	} else if (a == ACT_SAVE) {
		if (rp_export_csv(u, s, path, sizeof path, &err) != 0)
			ui_error(u, "%s", err.msg);
		else
			ui_msg(u, _("Written beside the database: %s"), tail(path));
	} else if (a == ACT_PRINT) {
		if (rp_print(u, s, path, sizeof path, &err) != 0)
			ui_error(u, "%s", err.msg);	/* core says "printing failed" */
		else
			ui_msg(u, _("Sent to the printer: %s"), tail(path));
	} else {
		return false;
	}
	return true;
}

static void
enter(struct ui *u, void *st)
{
	struct st_report *s = st;

	w_field_init(&s->f[0], N_("From:"), FK_DATE, false);
	w_field_init(&s->f[1], N_("To:"), FK_DATE, false);
	choose(u, s, RP_MONTH);
}

static void
leave(struct ui *u, void *st)
{
	(void)u;
	unload(st);
}

/* Typing the dates of a period is a mode of its own. */
static keymask
keymap(const void *st)
{
	const struct st_report *s = st;

	return s->editing ? KM_DATES | KF_TEXT : KM_REPORT;
}

/* the periods and the columns on the second page, where 80 columns do not
 * hold them all; i (the indicators) is on the screen's own line of keys */
static const enum act hints[] = {
	ACT_HELP, ACT_NEXT, ACT_SAVE, ACT_PRINT, ACT_UP, ACT_DOWN, ACT_BACK, ACT_PERIOD,
	ACT_LEFT, ACT_RIGHT, ACT_NONE,
};

static const struct screen_ops screen_report = {
	N_("Reports"), sizeof(struct st_report), enter, draw, key, leave, hints,
	KM_REPORT | KM_DATES | KF_TEXT, keymap,
};

void
report_open(struct ui *u)
{
	ui_push(u, &screen_report, NULL);
}
