/* s-scan.c — s on a dossier's view: scan more into the dossier (a late
 * page, a document not scanned at the counter, the result when it comes
 * back: results are digitised too).  The list is the dossier's documents
 * as its receipt recorded them, each with the pages already kept, and
 * last the result; its letter, or ↑/↓ and Enter, scans into that one
 * (attach.h's attach_scan: a file_added event at once).  From the glass
 * it is a page a scan and the officer is asked for another after each;
 * from the feeder (scan_source adf) the whole stack in one scan.  A
 * scanner that fails is a message; the dossier is as it was.  The list
 * stays open for the next document; Esc goes back to the view, which
 * lists the files. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/attach.h"
#include "motcua/dossier.h"
#include "motcua/i18n.h"
#include "motcua/vntext.h"
#include "s-life.h"
#include "ui-scan.h"

struct st_scan {
	char code[64];
	char name[256];		/* the applicant's, under the title */
	struct mc_dossier d;	/* its documents */
	bool have;
	int *pages;		/* kept so far: [0, ndocs) the documents, [ndocs]
				 * the result */
	struct w_list list;	/* the documents, then the result */
};

static int
count_pages(const struct attach_item *it, void *arg)
{
	struct st_scan *s = arg;

	if (it->result)
		s->pages[s->d.ndocs] += it->pages;
	else if (it->document >= 1 && (size_t)it->document <= s->d.ndocs)
		s->pages[it->document - 1] += it->pages;
	return 0;
}

/* The pages kept for each item, read again (after every scan). */
static void
count(struct ui *u, struct st_scan *s)
{
	struct mc_err err;

	memset(s->pages, 0, (s->d.ndocs + 1) * sizeof *s->pages);
	if (attach_list(u->db, s->code, count_pages, s, &err) < 0)
		ui_error(u, "%s", err.msg);
}

/* Item i's letter ('a', 'b', … in the list's order; ' ' past 'z'). */
static int
item_key(size_t i)
{
	return i < 26 ? 'a' + (int)i : ' ';
}

static void
row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	struct st_scan *s = arg;
	char head[16], line[600], pg[48], tail[64];
	int tw;

	(void)u;
	(void)sel;
	if (s->pages[i] > 0)
		snprintf(tail, sizeof tail, "▣ %s", ui_scan_pages(s->pages[i], pg, sizeof pg));
	else
		/* TRANSLATORS: a document of which nothing is scanned yet */
		snprintf(tail, sizeof tail, "%s", _("not scanned"));
	tw = (int)vntext_width(tail);
	snprintf(head, sizeof head, "%c", item_key(i));
	draw_text(y, x + 1, head, 2, false);
	if (i < s->d.ndocs)
		snprintf(line, sizeof line, "%zu. %s", i + 1, s->d.docs[i].name);
	else
		snprintf(line, sizeof line, "%s", _("The result (returned to the citizen)"));
	draw_clip(y, x + 4, line, width - 4 - tw - 3);
	draw_text_right(y, x + width - 1, tail);
}

static void
draw(struct ui *u, void *st)
{
	struct st_scan *s = st;
	char line[400];
	int h;

	snprintf(line, sizeof line, "%s  %s", s->code, s->name);
	draw_text(2, 2, line, COLS - 4, false);
	if (!s->have)
		return;
	h = LINES - 10;
	w_list_draw(u, &s->list, 4, 1, (int)s->list.n < h ? (int)s->list.n : h, COLS - 2,
	    row, s);
	attrset(draw_attr(AT_DIM));
	draw_wrap(LINES - 5, 2, ui_scan_one_page(u) ? _("The scanner's glass: one page "
	    "a scan, then you are asked for the next.") : _("The scanner's feeder: put "
	    "every page of the document in, then scan."), COLS - 4, 1);
	attrset(A_NORMAL);
}

/* Scan into the highlighted item; from the glass, then the question of
 * another page (whose yes comes back here). */
static void
scan_item(struct ui *u, void *arg)
{
	struct st_scan *s = arg;
	size_t i = s->list.sel;
	bool result = i == s->d.ndocs;
	struct attach_req r = {.acting = u->officer.username, .code = s->code,
	    .document = result ? 0 : (int)i + 1, .result = result,
	    .source = ATTACH_SOURCE_SCAN};
	struct attach_out out;
	struct mc_err err;
	char what[64], pg[48], q[512];

	if (!s->have || i >= s->list.n || !ui_scan_allowed(u))
		return;
	if (result)
		snprintf(what, sizeof what, "%s", _("the result"));
	else
		snprintf(what, sizeof what, _("document %zu"), i + 1);
	ui_scan_busy(u, what);
	if (attach_scan(u->db, &r, &(struct attach_scanner){.cancel = ui_scan_cancel,
	    .arg = u}, &out, &err) != 0) {
		ui_scan_failed(u, &err);
		return;
	}
	life_recorded(u);	/* the view below lists the file */
	count(u, s);
	/* TRANSLATORS: "Scanned document 2: 1 page, kept as file 3 of
	 * <code>" */
	ui_msg(u, _("Scanned %s: %s, kept as file %d of %s"), what,
	    ui_scan_pages(out.pages, pg, sizeof pg), out.number, s->code);
	if (!ui_scan_one_page(u))
		return;
	snprintf(q, sizeof q, _("Another page of %s? Put it on the scanner's glass first."),
	    what);
	ui_confirm(u, q, scan_item, s);
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct st_scan *s = st;

	if (!s->have)
		return false;
	if (w_list_key(&s->list, a, LINES - 10))
		return true;
	if (a == ACT_OK) {
		scan_item(u, s);
		return true;
	}
	/* a letter (Caps Lock on is the same letter) */
	if (k >= 'A' && k <= 'Z')
		k += 'a' - 'A';
	if (a == ACT_NTH || (a == ACT_NONE && k >= 'a' && k <= 'z'))
		for (size_t i = 0; i < s->list.n; i++)
			if (item_key(i) == k) {
				s->list.sel = i;
				scan_item(u, s);
				return true;
			}
	return false;
}

static void
leave(struct ui *u, void *st)
{
	struct st_scan *s = st;

	(void)u;
	if (s->have)
		dossier_free(&s->d);
	free(s->pages);
}

static const enum act hints[] = {
	ACT_HELP, ACT_OK, ACT_UP, ACT_DOWN, ACT_BACK, ACT_NTH, ACT_NONE,
};

static const struct screen_ops screen_scan = {
	N_("Scan (the letter or Enter)"), sizeof(struct st_scan), NULL,
	draw, key, leave, hints, KM_PICK, NULL,
};

void
scan_open(struct ui *u, const char *code, const char *name)
{
	struct st_scan *s;
	struct mc_err err;

	if (!ui_scan_allowed(u) || (s = ui_push_new(u, &screen_scan)) == NULL)
		return;
	snprintf(s->code, sizeof s->code, "%s", code);
	snprintf(s->name, sizeof s->name, "%s", name);
	if (dossier_get(u->db, code, &s->d, &err) != 0) {
		ui_error(u, "%s", err.msg);
		return;
	}
	s->have = true;
	if ((s->pages = calloc(s->d.ndocs + 1, sizeof *s->pages)) == NULL) {
		dossier_free(&s->d);
		s->have = false;
		ui_error(u, "%s", _("out of memory"));
		return;
	}
	s->list.n = s->d.ndocs + 1;
	count(u, s);
}
