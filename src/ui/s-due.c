/* s-due.c — F5: the due board as of today (lifecycle_due): overdue, due
 * today, due in the next two working days, paused; by appointment, each
 * with its working days left or late.  A heading row starts each group
 * that has dossiers; Enter on a dossier opens its detail.  Under the list,
 * the highlighted dossier's phone (to call the citizen about it), name
 * and procedure in full.  The board reloads after a step recorded above
 * it.  It reads a screenful at a time (lifecycle_due_page), the next as
 * the highlight comes near the end; the groups' counts are counted apart
 * (lifecycle_due_groups). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/i18n.h"
#include "s-life.h"

#define DUE_MAX 2000

struct due_row {
	enum mc_due_group g;
	bool heading;
	struct mc_found d;
};

struct st_due {
	struct due_row *rows;
	size_t n;
	int count[4];		/* rows of each group read so far */
	int total[4];		/* rows of each group on the board */
	struct mc_page page;	/* where the next screenful starts */
	bool more;		/* DUE_MAX rows read and more on the board */
	struct w_list list;
	unsigned gen;
	bool loaded;
};

/* TRANSLATORS: the groups of the due board */
static const char *const group_labels[] = {
	N_("Overdue"), N_("Due today"), N_("Due in the next two working days"), N_("Paused"),
};

static int
add(enum mc_due_group g, const struct mc_found *f, void *arg)
{
	struct st_due *s = arg;

	/* a heading before the first of a group (the core gives them in
	 * group order) */
	if (s->n + 2 > DUE_MAX) {
		s->more = true;
		s->page.more = false;	/* no more pages read */
		return 1;
	}
	if (s->count[g] == 0) {
		s->rows[s->n].g = g;
		s->rows[s->n++].heading = true;
	}
	s->count[g]++;
	s->rows[s->n].g = g;
	s->rows[s->n].heading = false;
	s->rows[s->n++].d = *f;
	return 0;
}

/* The next screenful of the board, after the rows read. */
static void
load_more(struct ui *u, struct st_due *s)
{
	struct mc_time now;
	struct mc_err err;

	date_now(&now);
	s->page.limit = LINES > 9 + 4 ? (size_t)(LINES - 9) : 4;
	if (lifecycle_due_page(u->db, u->cal, now.jdn, &s->page, add, s, &err) != 0) {
		s->page.more = false;
		ui_error(u, "%s", err.msg);
	}
	s->list.n = s->n;
}

static void
load(struct ui *u, struct st_due *s)
{
	struct mc_time now;
	struct mc_err err;

	s->gen = u->gen;
	s->loaded = true;
	s->n = 0;
	s->more = false;
	memset(s->count, 0, sizeof s->count);
	memset(s->total, 0, sizeof s->total);
	memset(&s->page, 0, sizeof s->page);
	date_now(&now);
	if (lifecycle_due_groups(u->db, u->cal, now.jdn, s->total, &err) != 0)
		ui_error(u, "%s", err.msg);
	load_more(u, s);
	/* on a dossier, not on a heading */
	if (s->list.sel >= s->n || (s->n > 1 && s->rows[s->list.sel].heading))
		s->list.sel = s->n > 1 ? 1 : 0;
}

static void
row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	struct st_due *s = arg;
	const struct due_row *r = &s->rows[i];
	char days[64], head[128];

	(void)u;
	(void)sel;
	if (r->heading) {
		attrset(draw_attr(r->g == MC_DUE_OVERDUE ? AT_WARN : AT_TITLE));
		snprintf(head, sizeof head, "%s (%d)", _(group_labels[r->g]), s->total[r->g]);
		draw_text(y, x + 1, head, width - 2, false);
		attrset(sel ? draw_attr(AT_SELECT) : A_NORMAL);
		return;
	}
	life_days(r->g, r->d.days, days, sizeof days);
	draw_text(y, x + 3, r->d.code, 26, false);
	draw_clip(y, x + 30, r->d.name, width - 30 - 34);
	draw_text(y, x + width - 33, r->d.appointment, 16, false);
	draw_text_right(y, x + width - 1, days);
}

static void
draw(struct ui *u, void *st)
{
	struct st_due *s = st;
	char line[256], today[MC_DATE_LEN];
	struct mc_time now;

	if (!s->loaded || s->gen != u->gen)
		load(u, s);
	date_now(&now);
	date_format(now.jdn, today);
	snprintf(line, sizeof line, _("As of %s:  overdue %d, due today %d, next two working "
	    "days %d, paused %d"), today, s->total[MC_DUE_OVERDUE], s->total[MC_DUE_TODAY],
	    s->total[MC_DUE_SOON], s->total[MC_DUE_PAUSED]);
	draw_text(2, 1, line, COLS - 2, false);
	attrset(draw_attr(AT_TITLE));
	mvhline(3, 0, ' ', COLS);
	draw_text(3, 3, _("Code"), 26, false);
	draw_text(3, 30, _("Applicant"), 20, false);
	draw_text(3, COLS - 33, _("Appointment"), 16, false);
	draw_text_right(3, COLS - 1, _("Days"));
	attrset(A_NORMAL);
	if (s->n == 0)
		draw_text(5, 2, _("Nothing is overdue, due soon or paused."), COLS - 4, false);
	if (s->more)
		draw_text(LINES - 3, 2, _("(more not shown)"), COLS - 4, false);
	w_list_draw(u, &s->list, 4, 0, LINES - 9, COLS, row, s);
	if (s->n > 0 && !s->rows[s->list.sel].heading) {
		const struct mc_found *d = &s->rows[s->list.sel].d;
		char pane[1024];

		/* TRANSLATORS: under the due board: the highlighted dossier's
		 * phone, applicant and procedure */
		snprintf(pane, sizeof pane, _("Phone: %s · %s · %s"),
		    d->phone[0] != '\0' ? d->phone : _("(none)"), d->name, d->procedure);
		draw_wrap(LINES - 5, 2, pane, COLS - 4, 2);
	}
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct st_due *s = st;

	(void)k;
	/* near the end of what was read: the next screenful first */
	if (s->page.more && (a == ACT_DOWN || a == ACT_PGDN) &&
	    s->list.sel + (size_t)(LINES - 9) >= s->n)
		load_more(u, s);
	while (s->page.more && a == ACT_LAST)
		load_more(u, s);	/* the end: all of it (up to DUE_MAX) */
	if (w_list_key(&s->list, a, LINES - 9))
		return true;
	if (a == ACT_OK) {
		if (s->n == 0 || s->rows[s->list.sel].heading)
			ui_error(u, "%s", _("choose a dossier (↑ ↓), then Enter"));
		else
			detail_open(u, s->rows[s->list.sel].d.code);
		return true;
	}
	return false;
}

static void
leave(struct ui *u, void *st)
{
	struct st_due *s = st;

	(void)u;
	free(s->rows);
}

static const enum act hints[] = {
	ACT_HELP, ACT_OK, ACT_UP, ACT_DOWN, ACT_BACK, ACT_NONE,
};

static const struct screen_ops screen_due = {
	N_("Due board"), sizeof(struct st_due), NULL, draw, key, leave, hints, KM_DUE, NULL,
};

void
due_open(struct ui *u)
{
	struct st_due *s;

	if ((s = ui_push_new(u, &screen_due)) == NULL)
		return;
	if ((s->rows = calloc(DUE_MAX, sizeof *s->rows)) == NULL) {
		ui_pop(u);
		ui_error(u, "%s", _("out of memory"));
		return;
	}
	load(u, s);
}
