/* s-report-view.c — F6 reports: the table's columns and how each figure
 * reads, the table on screen (the field's name stays, the figures scroll
 * sideways when the terminal is narrower than all of them), the bar
 * charts of the on-time rate per field and of receipts per week, and the
 * table as plain text for the printer. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/date.h"
#include "motcua/i18n.h"
#include "motcua/strbuf.h"
#include "motcua/vntext.h"
#include "s-report.h"

#define FIELD_MIN 17	/* the name column at 80 columns: 80 - 9 × 7 */

/* TRANSLATORS: the report table's column headings: a group ("Received")
 * over short labels ("col|new": translate what follows "col|", in at most
 * 6 columns, and leave "col|" out); the third string is the full heading
 * of the CSV file. */
static const struct {
	const char *group, *shrt, *full;
} cols[RP_NCOLS] = {
	{N_("Received"), N_("col|prior"), N_("Carried over")},
	{N_("Received"), N_("col|new"), N_("Received new")},
	{N_("Received"), N_("col|total"), N_("Received in total")},
	{N_("Resolved"), N_("col|early"), N_("Resolved early")},
	{N_("Resolved"), N_("col|timely"), N_("Resolved on time")},
	{N_("Resolved"), N_("col|late"), N_("Resolved late")},
	{N_("In progress"), N_("col|within"), N_("In progress within time")},
	{N_("In progress"), N_("col|late"), N_("In progress overdue")},
	{N_("Rate"), N_("col|%"), N_("On-time rate (%)")},
	{N_("Other"), N_("col|online"), N_("Received online")},
	{N_("Other"), N_("col|guided"), N_("Guided")},
	{N_("Other"), N_("col|refus."), N_("Refused")},
	{N_("Other"), N_("col|withdr"), N_("Withdrawn")},
	{N_("Other"), N_("col|paused"), N_("Paused")},
	{N_("Other"), N_("col|stop"), N_("Stopped")},
	{N_("Satisfaction %"), N_("col|very"), N_("Very satisfied (%)")},
	{N_("Satisfaction %"), N_("col|yes"), N_("Satisfied (%)")},
	{N_("Satisfaction %"), N_("col|not"), N_("Not satisfied (%)")},
	{N_("Satisfaction %"), N_("col|rate"), N_("Satisfaction rate (%)")},
	/* the digitisation rates of Circular 01/2023 (report.h): of the new
	 * dossiers, those whose required documents all have a file by the
	 * end of the period; of the results, those with a result file */
	{N_("Digitised"), N_("col|doss."), N_("Dossiers digitised (%)")},
	{N_("Digitised"), N_("col|result"), N_("Results digitised (%)")},
};

const char *rp_col_group(int c) { return _(cols[c].group); }
/* The short label without its "col|" (kept apart from the same words
 * elsewhere: this catalog has no contexts). */
const char *
rp_col_short(int c)
{
	const char *t = _(cols[c].shrt), *bar = strchr(t, '|');

	return bar != NULL ? bar + 1 : t;
}

const char *rp_col_long(int c) { return _(cols[c].full); }

bool
rp_col_group_start(int c)
{
	return c == 0 || strcmp(cols[c].group, cols[c - 1].group) != 0;
}

/* One decimal with a point whatever the locale (the CSV is read by
 * programs; "87,5" would also need quoting). */
void
rp_fmt_pct(double v, char *buf, size_t n)
{
	long long t = llround(v * 10);

	snprintf(buf, n, "%lld.%lld", t / 10, t % 10);
}

static void
share(const struct report_row *r, int i, char *buf, size_t n)
{
	long long all = r->rating[0] + r->rating[1] + r->rating[2];

	if (all == 0)
		snprintf(buf, n, "—");
	else
		rp_fmt_pct(100.0 * (double)r->rating[i] / (double)all, buf, n);
}

void
rp_col_value(const struct report_row *r, int c, char *buf, size_t n)
{
	const long long v[] = {
		r->carried_over, r->received_new, r->carried_over + r->received_new,
		r->resolved_early, r->resolved_on_time, r->resolved_late,
		r->in_progress_within, r->in_progress_overdue, 0,
		r->received_online, r->guided, r->refused, r->withdrawn, r->paused,
		r->stopped,
	};

	if (c == 8 || c >= 18) {
		bool has = c == 8 ? r->has_rate : c == 18 ? r->has_satisfaction :
		    c == 19 ? r->has_digitised : r->has_results_digitised;
		double rate = c == 8 ? r->on_time_rate : c == 18 ? r->satisfaction_rate :
		    c == 19 ? r->digitised_rate : r->results_digitised_rate;

		if (has)
			rp_fmt_pct(rate, buf, n);
		else
			snprintf(buf, n, "—");
	} else if (c >= 15) {
		share(r, c - 15, buf, n);
	} else {
		snprintf(buf, n, "%lld", v[c]);
	}
}

static const struct report_row *
row_at(const struct st_report *s, size_t i)
{
	return i < s->sum.nfields ? &s->sum.fields[i] : &s->sum.total;
}

static const char *
row_name(const struct report_row *r)
{
	return r->field[0] != '\0' ? r->field : _("Total");
}

size_t
rp_view_rows(const struct st_report *s)
{
	if (!s->loaded)
		return 0;
	if (s->indic)
		return rp_ind_rows(s);
	return s->view == RV_WEEKS ? s->nweeks : s->sum.nfields + 1;
}

/* How many columns of figures fit beside a name column of at least
 * FIELD_MIN, and the name column's width. */
static int
fit(int width, int *fw)
{
	int vc = (width - FIELD_MIN) / RP_COLW;

	if (vc > RP_NCOLS)
		vc = RP_NCOLS;
	if (vc < 1)
		vc = 1;
	*fw = width - vc * RP_COLW;
	return vc;
}

void
rp_draw_table(struct st_report *s, int y0, int h)
{
	int fw, vc = fit(COLS, &fw);
	char v[32];

	if (s->col > RP_NCOLS - vc)
		s->col = RP_NCOLS - vc;
	if (s->col < 0)
		s->col = 0;
	attrset(draw_attr(AT_TITLE));
	mvhline(y0, 0, ' ', COLS);
	mvhline(y0 + 1, 0, ' ', COLS);
	draw_text(y0 + 1, 1, _("Field"), fw - 2, false);
	for (int i = 0; i < vc; i++) {
		int c = s->col + i, x = fw + i * RP_COLW, span = 0;

		if (i == 0 || rp_col_group_start(c)) {
			while (c + span < s->col + vc && (span == 0 ||
			    !rp_col_group_start(c + span)))
				span++;
			draw_text(y0, x + 1, rp_col_group(c), span * RP_COLW - 1, false);
		}
		draw_text_right(y0 + 1, x + RP_COLW, rp_col_short(c));
	}
	/* more figures to the left or right: ← → */
	if (s->col > 0)
		draw_text(y0, fw - 2, "◀", 1, false);
	if (s->col + vc < RP_NCOLS)
		draw_text(y0, COLS - 1, "▶", 1, false);
	attrset(A_NORMAL);
	for (int y = 0; y < h - 2 && s->top + (size_t)y < rp_view_rows(s); y++) {
		size_t i = s->top + (size_t)y;
		const struct report_row *r = row_at(s, i);

		attrset(i == s->sum.nfields ? draw_attr(AT_TITLE) : A_NORMAL);
		draw_clip(y0 + 2 + y, 1, row_name(r), fw - 2);
		for (int j = 0; j < vc; j++) {
			rp_col_value(r, s->col + j, v, sizeof v);
			draw_text_right(y0 + 2 + y, fw + (j + 1) * RP_COLW, v);
		}
	}
	attrset(A_NORMAL);
}

/* A bar of `fill` blocks out of `width`. */
static void
bar(int y, int x, int fill, int width)
{
	move(y, x);
	for (int i = 0; i < width; i++)
		addstr(i < fill ? "█" : "░");
}

void
rp_draw_rate(struct st_report *s, int y0, int h)
{
	int nw = COLS / 4, bw = COLS - nw - 24;
	char tail[64], pct[32];

	attrset(draw_attr(AT_TITLE));
	draw_text(y0, 1, _("On-time rate per field (resolved early or on time, of all "
	    "resolved)"), COLS - 2, false);
	attrset(A_NORMAL);
	for (int y = 0; y < h - 1 && s->top + (size_t)y < rp_view_rows(s); y++) {
		size_t i = s->top + (size_t)y;
		const struct report_row *r = row_at(s, i);
		long long res = r->resolved_early + r->resolved_on_time + r->resolved_late;

		attrset(i == s->sum.nfields ? draw_attr(AT_TITLE) : A_NORMAL);
		draw_clip(y0 + 1 + y, 1, row_name(r), nw - 2);
		attrset(A_NORMAL);
		if (!r->has_rate) {
			bar(y0 + 1 + y, nw, 0, bw);
			snprintf(tail, sizeof tail, "%s", _("— nothing resolved"));
		} else {
			bar(y0 + 1 + y, nw, (int)lround(r->on_time_rate * bw / 100.0), bw);
			rp_fmt_pct(r->on_time_rate, pct, sizeof pct);
			snprintf(tail, sizeof tail, "%6s%%  %lld/%lld", pct,
			    r->resolved_early + r->resolved_on_time, res);
		}
		draw_text(y0 + 1 + y, nw + bw + 1, tail, COLS - nw - bw - 2, false);
	}
}

void
rp_draw_weeks(struct st_report *s, int y0, int h)
{
	int bw = COLS - 34;
	long long max = 0;
	char label[64], n[32];

	attrset(draw_attr(AT_TITLE));
	draw_text(y0, 1, _("Dossiers received per week"), COLS - 2, false);
	attrset(A_NORMAL);
	for (size_t i = 0; i < s->nweeks; i++)
		if (s->weeks[i].received > max)
			max = s->weeks[i].received;
	for (int y = 0; y < h - 1 && s->top + (size_t)y < s->nweeks; y++) {
		const struct rp_week *w = &s->weeks[s->top + (size_t)y];
		int d1, m1, y1, d2, m2, y2;

		date_ymd(w->from, &y1, &m1, &d1);
		date_ymd(w->to, &y2, &m2, &d2);
		if (w->from == w->to)
			snprintf(label, sizeof label, "%02d/%02d", d1, m1);
		else
			snprintf(label, sizeof label, "%02d/%02d–%02d/%02d", d1, m1, d2, m2);
		draw_text(y0 + 1 + y, 1, label, 20, false);
		bar(y0 + 1 + y, 16, max > 0 ? (int)(w->received * bw / max) : 0, bw);
		snprintf(n, sizeof n, "%lld", w->received);
		draw_text_right(y0 + 1 + y, COLS - 2, n);
	}
}

/* ---- the table as text (sqlite3_str, strbuf.h) -------------------------- */

/* s in exactly w display columns: cut by characters, or padded; right:
 * the padding goes first. */
static void
sb_cell(sqlite3_str *b, const char *s, int w, bool right)
{
	size_t used, len = vntext_fit(s, strlen(s), (size_t)w, &used);
	int pad = w - (int)used;

	if (right)
		sqlite3_str_appendchar(b, pad, ' ');
	sqlite3_str_append(b, s, (int)len);
	if (!right)
		sqlite3_str_appendchar(b, pad, ' ');
}

char *
rp_table_text(struct ui *u, const struct st_report *s, int width)
{
	sqlite3_str *b = sqlite3_str_new(NULL);
	char from[MC_DATE_LEN], to[MC_DATE_LEN], v[32];
	int fw, vc = fit(width, &fw);

	date_format(s->from, from);
	date_format(s->to, to);
	sqlite3_str_appendf(b, "%s\n", u->unit.name);
	sqlite3_str_appendf(b, _("Dossiers from %s to %s (figures as of the end of %s)"), from, to, to);
	sqlite3_str_appendf(b, "\n");
	for (int c0 = 0; c0 < RP_NCOLS; c0 += vc) {
		int n = RP_NCOLS - c0 < vc ? RP_NCOLS - c0 : vc;

		sqlite3_str_appendf(b, "\n");
		sb_cell(b, "", fw, false);
		for (int c = c0, span; c < c0 + n; c += span) {
			for (span = 1; c + span < c0 + n && !rp_col_group_start(c + span);
			    span++)
				;
			sqlite3_str_appendf(b, " ");
			sb_cell(b, rp_col_group(c), span * RP_COLW - 1, false);
		}
		sqlite3_str_appendf(b, "\n");
		sb_cell(b, _("Field"), fw, false);
		for (int c = c0; c < c0 + n; c++)
			sb_cell(b, rp_col_short(c), RP_COLW, true);
		sqlite3_str_appendf(b, "\n");
		for (size_t i = 0; i <= s->sum.nfields; i++) {
			const struct report_row *r = row_at(s, i);

			sb_cell(b, row_name(r), fw - 1, false);
			sqlite3_str_appendf(b, " ");
			for (int c = c0; c < c0 + n; c++) {
				rp_col_value(r, c, v, sizeof v);
				sb_cell(b, v, RP_COLW, true);
			}
			sqlite3_str_appendf(b, "\n");
		}
	}
	return strbuf_finish(b, NULL, NULL);
}
