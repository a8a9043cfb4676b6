/* s-receive-docs.c — F2, step 2: the documents handed in.  Every item
 * starts unchecked; Space toggles, `a` marks the required ones (again:
 * clears all): a document needed only in some cases is marked one by one,
 * so the slip never says it was handed in unless it was; digits jump.
 * With a required document missing, Enter offers the supplement request
 * (Mẫu 02) listing everything missing at once.  s scans the highlighted
 * document (and marks it handed in): from the glass a page a scan, the
 * officer asked after each page for another, as one turns the pages of a
 * document on the glass; from the feeder (scan_source adf) the whole
 * stack in one scan.  The pages are held until the receipt is recorded
 * and show beside the document (▣ and their count); a scanner that fails
 * is a message, and the receipt goes on without the scan. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/attach.h"
#include "motcua/i18n.h"
#include "motcua/vntext.h"
#include "s-receive.h"
#include "ui-scan.h"

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

int
flow_doc_pages(const struct flow *fl, size_t i)
{
	int n = 0;

	for (size_t k = 0; k < fl->nscans; k++)
		if (fl->scans[k].doc == i)
			n += fl->scans[k].pages;
	return n;
}

int
flow_scanned_pages(const struct flow *fl)
{
	int n = 0;

	for (size_t k = 0; k < fl->nscans; k++)
		n += fl->scans[k].pages;
	return n;
}

void
flow_scans_free(struct flow *fl)
{
	for (size_t k = 0; k < fl->nscans; k++)
		free(fl->scans[k].buf);
	free(fl->scans);
	fl->scans = NULL;
	fl->nscans = 0;
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

/* The columns the name of document i has beside the check box and its
 * tail: the pages scanned (▣ 2 pages), the form, the quantity, the mark
 * of a required one. */
static int
name_width(const struct flow *fl, size_t i, int width, const char **tail, char *buf,
    size_t n)
{
	const struct mc_document *d = &fl->proc.docs[i];
	int pages = flow_doc_pages(fl, i);
	char pg[48];

	if (pages > 0)
		snprintf(buf, n, "▣ %s  %s ×%d %s", ui_scan_pages(pages, pg, sizeof pg),
		    fmt_form(d->form), d->quantity, d->required ? "*" : " ");
	else
		snprintf(buf, n, "%s ×%d %s", fmt_form(d->form), d->quantity,
		    d->required ? "*" : " ");
	*tail = buf;
	return width - 10 - (int)vntext_width(buf) - 1;
}

static int
row_lines(const struct flow *fl, size_t i, int width)
{
	char text[1024], tail[128];
	const char *t;

	int n;

	doc_text(&fl->proc.docs[i], text, sizeof text);
	n = draw_wrap_lines(text, name_width(fl, i, width, &t, tail, sizeof tail),
	    ROW_LINES);
	return n > 0 ? n : 1;
}

/* One document over its lines from y; returns them. */
static int
row(struct flow *fl, size_t i, int y, int x, int width, int room)
{
	const struct mc_document *d = &fl->proc.docs[i];
	char head[32], tail[128], text[1024];
	const char *t;
	int nw = name_width(fl, i, width, &t, tail, sizeof tail), lines;

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
	if (fl->nscans > 0)
		snprintf(line, sizeof line, ngettext("Received %zu of %zu; %zu required "
		    "missing; ▣ %d page scanned. * = required", "Received %zu of %zu; %zu "
		    "required missing; ▣ %d pages scanned. * = required",
		    (unsigned long)flow_scanned_pages(fl)), on, fl->proc.ndocs,
		    flow_missing(fl), flow_scanned_pages(fl));
	else
		snprintf(line, sizeof line, _("Received %zu of %zu documents; %zu required "
		    "missing. * = required"), on, fl->proc.ndocs, flow_missing(fl));
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

/* s: the highlighted document scanned and held for the receipt; from
 * the glass, then the question of another page (whose yes comes back
 * here). */
static void
scan_doc(struct ui *u, void *arg)
{
	struct flow *fl = arg;
	size_t i = fl->docs.list.sel;
	struct flow_scan *more;
	struct mc_err err;
	char what[64], pg[48], q[512];
	uint8_t *buf;
	size_t n;
	int pages;

	if (i >= fl->proc.ndocs || !ui_scan_allowed(u))
		return;
	/* TRANSLATORS: what is being scanned, after "Scanning" */
	snprintf(what, sizeof what, _("document %zu"), i + 1);
	ui_scan_busy(u, what);
	if (attach_scan_buf(u->db, &(struct attach_scanner){.cancel = ui_scan_cancel,
	    .arg = u}, &buf, &n, &pages, &err) != 0) {
		ui_scan_failed(u, &err);
		return;
	}
	if ((more = realloc(fl->scans, (fl->nscans + 1) * sizeof *more)) == NULL) {
		free(buf);
		ui_error(u, "%s", _("out of memory"));
		return;
	}
	fl->scans = more;
	fl->scans[fl->nscans++] = (struct flow_scan){.doc = i, .buf = buf, .n = n,
	    .pages = pages};
	fl->docs.on[i] = true;	/* scanned, so handed in */
	ui_msg(u, _("Document %zu: %s scanned, kept with the dossier once it is "
	    "received"), i + 1, ui_scan_pages(flow_doc_pages(fl, i), pg, sizeof pg));
	if (!ui_scan_one_page(u))
		return;
	snprintf(q, sizeof q, _("Another page of document %zu? Put it on the scanner's "
	    "glass first."), i + 1);
	ui_confirm(u, q, scan_doc, fl);
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct flow *fl = st;

	if (a == ACT_SCAN) {
		scan_doc(u, fl);
		return true;
	}
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
	ACT_HELP, ACT_TOGGLE, ACT_ALL, ACT_SCAN, ACT_OK, ACT_BACK, ACT_NTH, ACT_NONE,
};

const struct screen_ops screen_docs = {
	N_("Receive 2/4: documents handed in"), 0, NULL, draw, key, NULL, hints, KM_DOCS, NULL,
};
