/* s-detail.c — one dossier: who (with the phone to call them on), what,
 * its status (and how many days it is overdue) and dates, and its
 * whole history as a timeline (lifecycle_history).  Enter lists the
 * actions its status and the officer's role allow (s-action.c); p shows the control sheet
 * (Mẫu 05 in 2018, 06 in 2025); s scans more into it (s-scan.c).  Above
 * the history, its files (attach_list): the document each is of, its
 * pages and when it was kept, the last few when there are many.  It
 * reloads after any step recorded above it. */
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

#define HIST_MAX 200
#define FILES_SHOWN 3	/* the files' rows above the history, at most */

/* One file of the dossier as the view shows it. */
struct file_row {
	int number;
	char what[300];		/* "2. Tờ khai …", "the result" */
	int pages;
	char at[MC_TIME_LEN + 8];
};

struct st_detail {
	char code[64];
	struct mc_found d;
	bool have;		/* d was loaded */
	char *lines[HIST_MAX];
	size_t nlines;
	struct w_list list;
	unsigned gen;
	char receiver[64];	/* the officer of the receipt (the
					 * first event): whose dossier it is */
	char body[512];		/* where it is decided, as the receipt kept it */
	struct file_row files[FILES_SHOWN];	/* the last ones kept */
	int nfiles;		/* all of them */
};

struct hist {
	struct ui *u;
	struct st_detail *s;
};

static int
add_event(const struct mc_history_item *h, void *arg)
{
	struct hist *x = arg;
	char what[1024], line[1200];

	if (x->s->nlines >= HIST_MAX)
		return 1;
	if (x->s->nlines == 0)
		snprintf(x->s->receiver, sizeof x->s->receiver, "%s", h->officer);
	life_event_text(h, what, sizeof what);
	snprintf(line, sizeof line, "%s  %-8s %s", h->at, h->officer, what);
	if ((x->s->lines[x->s->nlines] = strdup(line)) == NULL)
		return 1;
	x->s->nlines++;
	return 0;
}

static void
clear_lines(struct st_detail *s)
{
	for (size_t i = 0; i < s->nlines; i++)
		free(s->lines[i]);
	s->nlines = 0;
}

/* "Sở Tư pháp tỉnh … (forwarded)", "UBND xã … (decided here)": the
 * deciding body the receipt kept (catalog.h), this unit's name when the
 * catalog named none. */
static void
where(struct ui *u, struct st_detail *s)
{
	struct mc_dossier d;
	struct mc_err err;

	s->body[0] = '\0';
	if (dossier_get(u->db, s->code, &d, &err) != 0)
		return;
	snprintf(s->body, sizeof s->body, d.procedure.forward ? _("%s (forwarded)") :
	    _("%s (decided here)"), d.procedure.decided_by != NULL ?
	    d.procedure.decided_by : u->unit.name);
	dossier_free(&d);
}

/* Each file into the ring of the last FILES_SHOWN. */
static int
add_file(const struct attach_item *it, void *arg)
{
	struct st_detail *s = arg;
	struct file_row *f = &s->files[s->nfiles++ % FILES_SHOWN];

	f->number = it->number;
	f->pages = it->pages;
	if (it->result)
		snprintf(f->what, sizeof f->what, "%s", _("The result"));
	else if (it->document > 0)
		snprintf(f->what, sizeof f->what, "%d. %s", it->document,
		    it->doc_name != NULL ? it->doc_name : "");
	else
		snprintf(f->what, sizeof f->what, "%s", _("The dossier as a whole"));
	format_time_text(it->at, FORMAT_SCREEN, f->at, sizeof f->at);
	return 0;
}

/* The rows the files take: a heading, and a row a file shown. */
static int
files_lines(const struct st_detail *s)
{
	return 1 + (s->nfiles < FILES_SHOWN ? s->nfiles : FILES_SHOWN);
}

static void
load(struct ui *u, struct st_detail *s)
{
	struct hist x = {u, s};
	struct mc_err err;

	s->gen = u->gen;
	clear_lines(s);
	s->receiver[0] = '\0';
	s->have = life_get(u, s->code, &s->d) == 0;
	if (!s->have)
		return;
	where(u, s);
	s->nfiles = 0;
	if (attach_list(u->db, s->code, add_file, s, &err) < 0)
		ui_error(u, "%s", err.msg);
	if (lifecycle_history(u->db, s->code, add_event, &x, &err) != 0)
		ui_error(u, "%s", err.msg);
	s->list.n = s->nlines;
	s->list.sel = s->nlines > 0 ? s->nlines - 1 : 0;	/* the latest */
}

static int
pair(int y, int x, const char *label, const char *value, int width)
{
	attrset(draw_attr(AT_TITLE));
	draw_text(y, x, label, 13, true);
	attrset(A_NORMAL);
	draw_wrap(y, x + 14, value, width - 14, 1);	/* never cut in a word */
	return y + 1;
}

/* The files from row y: a heading with their number, then the last
 * FILES_SHOWN, oldest first ("  3  2. Tờ khai …   ▣ 2 pages  2026-11-20
 * 09:30").  Returns the next row. */
static int
draw_files(const struct st_detail *s, int y)
{
	char line[128], pg[48];
	int shown = s->nfiles < FILES_SHOWN ? s->nfiles : FILES_SHOWN;

	attrset(draw_attr(AT_TITLE));
	mvhline(y, 0, ' ', COLS);
	if (s->nfiles == 0)
		snprintf(line, sizeof line, "%s", _("Files: none scanned yet (s scans)"));
	else if (s->nfiles > FILES_SHOWN)
		snprintf(line, sizeof line, _("Files: %d, the last %d (motcua files lists "
		    "all)"), s->nfiles, FILES_SHOWN);
	else
		snprintf(line, sizeof line, _("Files: %d"), s->nfiles);
	draw_text(y++, 1, line, COLS - 2, false);
	attrset(A_NORMAL);
	for (int k = 0; k < shown; k++) {
		const struct file_row *f = &s->files[(s->nfiles - shown + k) % FILES_SHOWN];
		char head[16];
		int tw;

		snprintf(line, sizeof line, "▣ %s  %s", ui_scan_pages(f->pages, pg,
		    sizeof pg), f->at);
		tw = (int)vntext_width(line);
		snprintf(head, sizeof head, "%3d", f->number);
		draw_text(y, 0, head, 3, false);
		draw_clip(y, 5, f->what, COLS - 5 - tw - 3);
		draw_text_right(y++, COLS - 1, line);
	}
	return y;
}

static void
draw(struct ui *u, void *st)
{
	struct st_detail *s = st;
	char line[400], status[128];
	struct mc_time now;
	int late, y;

	if (s->gen != u->gen)
		load(u, s);
	if (!s->have) {
		draw_text(3, 2, _("This dossier cannot be shown. Esc goes back."), COLS - 4,
		    false);
		return;
	}
	pair(2, 1, _("Code"), s->d.code, 44);
	date_now(&now);
	late = lifecycle_days_late(&s->d, now.jdn);
	if (late > 0)
		/* TRANSLATORS: a dossier's status, then how late it is */
		snprintf(status, sizeof status, ngettext("%s, overdue %d day",
		    "%s, overdue %d days", (unsigned long)late), life_status(s->d.status),
		    late);
	else
		snprintf(status, sizeof status, "%s", life_status(s->d.status));
	attrset(draw_attr(late > 0 ? AT_ERROR : AT_WARN));
	draw_text_right(2, COLS - 1, status);
	attrset(A_NORMAL);
	snprintf(line, sizeof line, "%s  (%s %s)", s->d.name, _("ID"), s->d.id_number);
	pair(3, 1, _("Applicant"), line, COLS - 2);
	/* TRANSLATORS: the applicant's phone not given at the receipt */
	pair(4, 1, _("Phone"), s->d.phone[0] != '\0' ? s->d.phone : _("(none)"), COLS - 2);
	pair(5, 1, _("Procedure"), s->d.procedure, COLS - 2);
	pair(6, 1, _("Received"), s->d.received, 32);
	pair(6, 34, _("Appointment"), s->d.appointment, COLS - 35);
	/* TRANSLATORS: under 13 columns (the detail's labels) */
	pair(7, 1, _("Decided at"), s->body, COLS - 2);
	y = draw_files(s, 8);
	attrset(draw_attr(AT_TITLE));
	mvhline(y, 0, ' ', COLS);
	draw_text(y, 1, _("History"), COLS - 2, false);
	attrset(A_NORMAL);
	/* an entry takes up to three lines, word wrapped */
	draw_wrapped_list(&s->list, y + 1, 0, LINES - 12 - files_lines(s), COLS, s->lines, 3);
	attrset(draw_attr(AT_DIM));
	draw_wrap(LINES - 3, 1, life_detail_keys(u), COLS - 2, 1);
	attrset(A_NORMAL);
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct st_detail *s = st;

	(void)k;
	if (w_list_key(&s->list, a, LINES - 11 - files_lines(s)))
		return true;
	if (!s->have)
		return false;
	if (a == ACT_SCAN) {
		scan_open(u, s->d.code, s->d.name);
		return true;
	}
	if (a == ACT_OK) {
		action_open(u, &s->d, s->receiver);
		return true;
	}
	if (a == ACT_PRINT) {
		life_slip(u, SLIP_CONTROL, "mau05", s->d.code,
		    life_form_title(u, SLIP_CONTROL, NULL), NULL);
		return true;
	}
	return false;
}

static void
leave(struct ui *u, void *st)
{
	(void)u;
	clear_lines(st);
}

static const enum act hints[] = {
	ACT_HELP, ACT_OK, ACT_PRINT, ACT_SCAN, ACT_UP, ACT_DOWN, ACT_BACK, ACT_NONE,
};

static const struct screen_ops screen_detail = {
	N_("Dossier"), sizeof(struct st_detail), NULL, draw, key, leave, hints, KM_DETAIL, NULL,
};

void
detail_open(struct ui *u, const char *code)
{
	struct st_detail *s;

	if ((s = ui_push_new(u, &screen_detail)) == NULL)
		return;
	snprintf(s->code, sizeof s->code, "%s", code);
	load(u, s);
}
