/* s-report-ind.c — F6's page of indicators (the key i): the figures the
 * province scores under Decision 766/QĐ-TTg, as report_summary gives
 * them: the on-time rate, the satisfaction rate overall and per officer,
 * the new dossiers by channel, the stopped, refused and withdrawn ones,
 * the digitisation rates of the dossiers and of the results, each with
 * what it counts, and the figures per deciding body.  Each entry is a
 * text on the left, word wrapped, with an optional figure on the right
 * of its first line; the page scrolls by lines with ↑ ↓. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "motcua/i18n.h"
#include "motcua/vntext.h"
#include "s-report.h"

#define CELL 10		/* columns of one figure in the per-body table */

/* Where the lines go: counted only (draw false), or drawn from line
 * `top` into rows y0 .. y0 + h - 1. */
struct ind_out {
	bool draw;
	int y0, h, width;
	size_t top, line;
};

/* One entry: `left` from column `indent`, wrapped beside `right` (may be
 * NULL), which is drawn right-aligned on the entry's first line. */
static void
put(struct ind_out *o, int indent, attr_t at, const char *left, const char *right)
{
	int rw = right != NULL ? (int)vntext_width(right) : 0;
	int w = o->width - indent - (rw > 0 ? rw + 2 : 0);
	struct vntext_line l[16];
	size_t n = vntext_wrap(left, (size_t)(w > 8 ? w : 8), l, 16);

	if (n == 0)
		n = 1;	/* an empty text still takes its line */
	if (n > 16)
		n = 16;
	for (size_t i = 0; i < n; o->line++, i++) {
		int y = o->y0 + (int)(o->line - o->top);
		char buf[1024];
		size_t len;

		if (!o->draw || o->line < o->top || y >= o->y0 + o->h)
			continue;
		len = left[0] != '\0' && l[i].len < sizeof buf ? l[i].len : 0;
		memcpy(buf, left + (len > 0 ? l[i].off : 0), len);
		buf[len] = '\0';
		attrset(at);
		draw_text(y, 1 + indent, buf, w > 8 ? w : 8, false);
		if (i == 0 && rw > 0)
			draw_text_right(y, 1 + o->width, right);
		attrset(A_NORMAL);
	}
}

/* "87.5 %", or "—" without a rate. */
static void
pct(bool has, double v, char *buf, size_t n)
{
	char p[32];

	if (!has) {
		snprintf(buf, n, "—");
		return;
	}
	rp_fmt_pct(v, p, sizeof p);
	snprintf(buf, n, "%s %%", p);
}

/* a, b, c each right-aligned in CELL columns (display width). */
static void
cells(char *buf, size_t n, const char *a, const char *b, const char *c)
{
	const char *v[3] = {a, b, c};
	size_t at = 0;

	buf[0] = '\0';
	for (int i = 0; i < 3 && at < n; i++) {
		int pad = CELL - (int)vntext_width(v[i]);
		int k = snprintf(buf + at, n - at, "%*s%s", pad > 0 ? pad : 1, "", v[i]);

		if (k < 0)
			return;
		at += (size_t)k;
	}
}

static void
page(const struct st_report *s, struct ind_out *o)
{
	const struct report_row *t = &s->sum.total;
	long long resolved = t->resolved_early + t->resolved_on_time + t->resolved_late;
	long long counter = t->received_new - t->received_online - t->received_post;
	attr_t title = draw_attr(AT_TITLE), dim = draw_attr(AT_DIM);
	char v[96], text[512], a[32], b[40];

	put(o, 0, title, _("Indicators scored by the province (Decision 766/QĐ-TTg)"),
	    NULL);
	pct(t->has_rate, t->on_time_rate, v, sizeof v);
	put(o, 0, A_NORMAL, _("Results on time"), v);
	snprintf(text, sizeof text, _("%lld of %lld dossiers resolved early or on time"),
	    t->resolved_early + t->resolved_on_time, resolved);
	put(o, 2, dim, text, NULL);

	pct(t->has_satisfaction, t->satisfaction_rate, v, sizeof v);
	put(o, 0, A_NORMAL, _("Citizens satisfied"), v);
	snprintf(text, sizeof text, _("%lld of %lld rated returns: satisfied or very "
	    "satisfied"), t->pleased, t->rated);
	put(o, 2, dim, text, NULL);
	for (size_t i = 0; i < s->sum.nofficers; i++) {
		const struct report_officer_rating *r = &s->sum.officers[i];
		char who[400];

		snprintf(who, sizeof who, "%s (%s)", r->full_name[0] != '\0' ? r->full_name :
		    r->officer, r->officer);
		rp_fmt_pct(r->satisfaction_rate, a, sizeof a);
		snprintf(v, sizeof v, "%lld/%lld %8s %%", r->pleased, r->rated, a);
		put(o, 2, A_NORMAL, who, v);
	}

	snprintf(text, sizeof text, _("New dossiers by channel: at the counter %lld · by "
	    "post %lld · online %lld"), counter, t->received_post, t->received_online);
	put(o, 0, A_NORMAL, text, NULL);
	snprintf(text, sizeof text, _("Stopped %lld · refused at the counter %lld · "
	    "withdrawn %lld"), t->stopped, t->refused, t->withdrawn);
	put(o, 0, A_NORMAL, text, NULL);

	/* Circular 01/2023's two rates, as report.h defines them */
	pct(t->has_digitised, t->digitised_rate, v, sizeof v);
	put(o, 0, A_NORMAL, _("Dossiers digitised"), v);
	snprintf(text, sizeof text, _("%lld of %lld new dossiers: every required document "
	    "digitised by the end of the period"), t->digitised, t->received_new);
	put(o, 2, dim, text, NULL);
	pct(t->has_results_digitised, t->results_digitised_rate, v, sizeof v);
	put(o, 0, A_NORMAL, _("Results digitised"), v);
	snprintf(text, sizeof text, _("%lld of %lld results of the period: the result "
	    "digitised by its end"), t->results_digitised, resolved);
	put(o, 2, dim, text, NULL);

	/* TRANSLATORS: the headings of three figures per deciding body, each
	 * in at most 9 columns */
	cells(v, sizeof v, _("new"), _("resolved"), _("on time"));
	put(o, 0, title, _("By deciding body"), v);
	for (size_t i = 0; i < s->sum.nbodies; i++) {
		const struct report_row *r = &s->sum.bodies[i];
		char n1[24], n2[24];

		snprintf(n1, sizeof n1, "%lld", r->received_new);
		snprintf(n2, sizeof n2, "%lld", r->resolved_early + r->resolved_on_time +
		    r->resolved_late);
		pct(r->has_rate, r->on_time_rate, b, sizeof b);
		cells(v, sizeof v, n1, n2, b);
		put(o, 2, A_NORMAL, r->field, v);
	}
}

size_t
rp_ind_rows(const struct st_report *s)
{
	struct ind_out o = {false, 0, 0, COLS - 2, 0, 0};

	if (!s->loaded)
		return 0;
	page(s, &o);
	return o.line;
}

void
rp_draw_ind(struct st_report *s, int y0, int h)
{
	struct ind_out o = {true, y0, h, COLS - 2, s->top, 0};

	page(s, &o);
}
