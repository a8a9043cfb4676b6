/* s-receive-docs.c — F2, step 2: the documents handed in.  Every item
 * starts unchecked; Space toggles, `a` marks the required ones (again:
 * clears all): a document needed only in some cases is marked one by one,
 * so the slip never says it was handed in unless it was; digits jump.  With a required document missing, Enter offers the
 * supplement request (Mẫu 02) listing everything missing at once. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "motcua/i18n.h"
#include "motcua/vntext.h"
#include "s-receive.h"

void
flow_docs_spec(const struct flow *fl, char *buf, size_t n)
{
	size_t used = 0, on = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < fl->proc.ndocs; i++)
		on += fl->docs.on[i];
	if (on == 0) {
		snprintf(buf, n, "none");
		return;
	}
	if (on == fl->proc.ndocs) {
		snprintf(buf, n, "all");
		return;
	}
	for (size_t i = 0; i < fl->proc.ndocs && used + 8 < n; i++)
		if (fl->docs.on[i])
			used += (size_t)snprintf(buf + used, n - used, "%s%d", used ? "," : "",
			    fl->proc.docs[i].position);
}

size_t
flow_missing(const struct flow *fl)
{
	size_t n = 0;

	for (size_t i = 0; i < fl->proc.ndocs; i++)
		if (fl->proc.docs[i].required && !fl->docs.on[i])
			n++;
	return n;
}

/* A row's document: its name, and its condition after a dash. */
static void
doc_text(const struct mc_document *d, char *buf, size_t n)
{
	if (d->condition != NULL)
		snprintf(buf, n, "%s — %s", d->name, d->condition);
	else
		snprintf(buf, n, "%s", d->name);
}

#define ROW_LINES 3	/* a document's name takes up to three lines */

/* The columns the name has beside the check box and the form. */
static int
name_width(const struct mc_document *d, int width, const char **tail, char *buf,
    size_t n)
{
	snprintf(buf, n, "%s ×%d %s", fmt_form(d->form), d->quantity,
	    d->required ? "*" : " ");
	*tail = buf;
	return width - 10 - (int)vntext_width(buf) - 1;
}

static int
row_lines(const struct flow *fl, size_t i, int width)
{
	char text[1024], tail[96];
	const char *t;

	int n;

	doc_text(&fl->proc.docs[i], text, sizeof text);
	n = draw_wrap_lines(text, name_width(&fl->proc.docs[i], width, &t, tail,
	    sizeof tail), ROW_LINES);
	return n > 0 ? n : 1;
}

/* One document over its lines from y; returns them. */
static int
row(struct flow *fl, size_t i, int y, int x, int width, int room)
{
	const struct mc_document *d = &fl->proc.docs[i];
	char head[32], tail[96], text[1024];
	const char *t;
	int nw = name_width(d, width, &t, tail, sizeof tail), lines;

	lines = row_lines(fl, i, width);
	if (lines > room)
		lines = room;
	for (int k = 0; k < lines; k++)
		mvhline(y + k, x, ' ', width);
	snprintf(head, sizeof head, "[%s] %2zu.", fl->docs.on[i] ? "x" : " ", i + 1);
	doc_text(d, text, sizeof text);
	draw_text(y, x + 1, head, 8, false);
	(void)draw_wrap(y, x + 9, text, nw, lines);
	draw_text_right(y, x + width - 1, t);
	return lines;
}

/* The checklist from y in `height` lines: whole rows only, the selected
 * one always among them (the list scrolls by rows). */
static void
list_draw(struct flow *fl, int y, int x, int height, int width)
{
	struct w_list *l = &fl->docs.list;
	int used = 0;
	size_t i;

	if (l->n == 0)
		return;
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->sel < l->top)
		l->top = l->sel;
	/* move the top down until the selected row fits */
	for (;;) {
		int need = 0;

		for (i = l->top; i <= l->sel; i++)
			need += row_lines(fl, i, width);
		if (need <= height || l->top == l->sel)
			break;
		l->top++;
	}
	for (i = l->top; i < l->n && used < height; i++) {
		int lines = row_lines(fl, i, width);

		if (used + lines > height && i != l->top)
			break;
		attrset(i == l->sel ? draw_attr(AT_SELECT) : A_NORMAL);
		used += row(fl, i, y + used, x, width, height - used);
		attrset(A_NORMAL);
	}
	if (l->top > 0)
		mvaddstr(y, x + width - 1, "↑");
	if (i < l->n)
		mvaddstr(y + height - 1, x + width - 1, "↓");
}

static void
draw(struct ui *u, void *st)
{
	struct flow *fl = st;
	char line[512], fee[64], limit[64];
	size_t on = 0;
	int tl;

	format_fee(fl->proc.fee, FORMAT_SCREEN, fee, sizeof fee);
	format_limit_text(fl->proc.time_limit, FORMAT_SCREEN, limit, sizeof limit);
	snprintf(line, sizeof line, "%s  %s", fl->proc.code, fl->proc.name);
	attrset(draw_attr(AT_TITLE));
	tl = draw_wrap(2, 1, line, COLS - 2, 2);	/* a long name: two lines */
	attrset(A_NORMAL);
	snprintf(line, sizeof line, "%s: %s   %s: %s", _("Time limit"), limit, _("Fee"), fee);
	draw_wrap(2 + tl, 1, line, COLS - 2, 1);
	list_draw(fl, 4 + tl, 0, LINES - 9 - tl, COLS);
	for (size_t i = 0; i < fl->proc.ndocs; i++)
		on += fl->docs.on[i];
	snprintf(line, sizeof line, _("Received %zu of %zu documents; %zu required missing. "
	    "* = required"), on, fl->proc.ndocs, flow_missing(fl));
	draw_wrap(LINES - 4, 1, line, COLS - 2, 1);
}

static void
to_applicant(struct ui *u, void *arg)
{
	struct flow *fl = arg;

	fl->guide = flow_missing(fl) > 0;
	ui_push(u, &screen_applicant, fl);
}

static void
next(struct ui *u, struct flow *fl)
{
	char text[2048];
	size_t used, k = 0;

	if (flow_missing(fl) == 0) {
		to_applicant(u, fl);
		return;
	}
	used = (size_t)snprintf(text, sizeof text, "%s\n",
	    _("Required documents are missing:"));
	for (size_t i = 0; i < fl->proc.ndocs && used < sizeof text - 400; i++) {
		if (!fl->proc.docs[i].required || fl->docs.on[i])
			continue;
		if (++k > 5) {
			used += (size_t)snprintf(text + used, sizeof text - used, "…\n");
			break;
		}
		used += (size_t)snprintf(text + used, sizeof text - used, "%d. %s\n",
		    fl->proc.docs[i].position, fl->proc.docs[i].name);
	}
	snprintf(text + used, sizeof text - used, "%s", _("Give the citizen the supplement "
	    "request (Mẫu 02) listing all of them? No dossier is created."));
	ui_confirm(u, text, to_applicant, fl);
}

/* `a`: every required document marked, or, when they all are already,
 * every mark cleared. */
static void
mark_required(struct flow *fl)
{
	bool all = true;

	for (size_t i = 0; i < fl->proc.ndocs; i++)
		all = all && (!fl->proc.docs[i].required || fl->docs.on[i]);
	for (size_t i = 0; i < fl->proc.ndocs; i++)
		fl->docs.on[i] = all ? false : fl->docs.on[i] || fl->proc.docs[i].required;
	fl->docs.last_digit = -1;
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct flow *fl = st;

	if (a == ACT_OK) {
		next(u, fl);
		return true;
	}
	if (a == ACT_ALL) {
		mark_required(fl);
		return true;
	}
	return w_check_key(&fl->docs, k, a, LINES - 10);
}

static const enum act hints[] = {
	ACT_HELP, ACT_TOGGLE, ACT_ALL, ACT_OK, ACT_BACK, ACT_NTH, ACT_NONE,
};

const struct screen_ops screen_docs = {
	N_("Receive 2/4: documents handed in"), 0, NULL, draw, key, NULL, hints, KM_DOCS, NULL,
};
