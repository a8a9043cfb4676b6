/* s-due.c — F5: the due board as of today (lifecycle_due): overdue, due
 * today, due in the next two working days, paused; by appointment, each
 * with its working days left or late.  A heading row starts each group
 * that has dossiers; Enter on a dossier opens its detail.  Under the list,
 * the highlighted dossier's phone (to call the citizen about it), name
 * and procedure in full.  The board reloads after a step recorded above
 * it.  It reads a screenful at a time (lifecycle_due_page), the next as
 * the highlight comes near the end; the groups' counts are counted apart
 * (lifecycle_due_groups).  It holds only a window of the rows read, a few
 * screenfuls around the highlight: going back above the window reads the
 * board again from its start (the rows before it counted, not kept), so
 * the memory stays a few hundred KB however long the board is. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/i18n.h"
#include "s-life.h"

#define DUE_MAX 2000	/* rows of the board the list reaches (End) */
#define WINDOW_MIN 256	/* rows held at least (about 250 KB) */

struct due_row {
	enum mc_due_group g;
	bool heading;
	struct mc_found d;
};

struct st_due {
	struct due_row *rows;	/* the window: rows base … base + n - 1 */
	size_t base, n, cap;
	size_t read;		/* rows of the board given so far (the list's n) */
	size_t keep;		/* while reading: the first row to keep */
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

/* Row `i` of the board (0 … read - 1), or NULL outside the window. */
static struct due_row *
at(struct st_due *s, size_t i)
{
	return i >= s->base && i < s->base + s->n ? &s->rows[i - s->base] : NULL;
}

/* One more row of the board: kept when it falls in the window. */
static void
put(struct st_due *s, enum mc_due_group g, bool heading, const struct mc_found *f)
{
	if (s->read >= s->keep && s->n < s->cap) {
		struct due_row *r = &s->rows[s->n++];

		if (s->n == 1)
			s->base = s->read;
		r->g = g;
		r->heading = heading;
		if (f != NULL)
			r->d = *f;
	}
	s->read++;
}

static int
add(enum mc_due_group g, const struct mc_found *f, void *arg)
{
	struct st_due *s = arg;

	/* a heading before the first of a group (the core gives them in
	 * group order) */
	if (s->read + 2 > DUE_MAX) {
		s->more = true;
		s->page.more = false;	/* no more pages read */
		return 1;
	}
	if (s->count[g] == 0)
		put(s, g, true, NULL);
	s->count[g]++;
	put(s, g, false, f);
	return 0;
}

/* Room for `rows` more rows at the window's end: the rows above `from`
 * let go, the window made larger only when a screen needs it. */
static int
room(struct st_due *s, size_t from, size_t rows)
{
	size_t drop = from > s->base ? from - s->base : 0;

	if (s->n + rows <= s->cap)
		return 0;
	if (drop > s->n)
		drop = s->n;
	memmove(s->rows, s->rows + drop, (s->n - drop) * sizeof *s->rows);
	s->n -= drop;
	s->base += drop;
	if (s->n + rows > s->cap) {
		size_t cap = s->n + rows;
		struct due_row *r = realloc(s->rows, cap * sizeof *r);

		if (r == NULL)
			return -1;
		s->rows = r;
		s->cap = cap;
	}
	return 0;
}

/* The next screenful of the board, after the rows read; the window keeps
 * what lies from `from` on. */
static void
load_more(struct ui *u, struct st_due *s, size_t from)
{
	struct mc_time now;
	struct mc_err err;

	date_now(&now);
	s->page.limit = LINES > 9 + 4 ? (size_t)(LINES - 9) : 4;
	/* a page's rows and up to four headings */
	if (room(s, from, s->page.limit + 4) != 0) {
		s->page.more = false;
		ui_error(u, "%s", _("out of memory"));
		return;
	}
	if (s->n == 0)
		s->base = s->read;
	s->keep = s->base;
	if (lifecycle_due_page(u->db, u->cal, now.jdn, &s->page, add, s, &err) != 0) {
		s->page.more = false;
		ui_error(u, "%s", err.msg);
	}
	s->list.n = s->read;
}

/* Read the board from its start again, keeping rows from `first` on, up
 * to row `last` at least (or the end of what was read before). */
static void
reread(struct ui *u, struct st_due *s, size_t first, size_t last)
{
	struct mc_time now;
	struct mc_err err;
	size_t was = s->read;

	s->n = s->read = 0;
	s->base = s->keep = first;
	s->more = false;
	memset(s->count, 0, sizeof s->count);
	memset(&s->page, 0, sizeof s->page);
	date_now(&now);
	/* the rows before the window in one go (counted, not kept), then
	 * screenfuls until `last` */
	s->page.limit = first > 0 ? first : 1;
	if (first > 0 && lifecycle_due_page(u->db, u->cal, now.jdn, &s->page, add, s,
	    &err) != 0) {
		s->page.more = false;
		ui_error(u, "%s", err.msg);
	}
	if (first == 0 || s->page.more)
		do
			load_more(u, s, first);
		while (s->page.more && s->read <= last && s->read < was);
	s->list.n = s->read;
}

/* The rows a draw may show, from the highlight a screenful either way, in
 * the window. */
static void
window_fit(struct ui *u, struct st_due *s)
{
	size_t h = LINES > 9 + 1 ? (size_t)(LINES - 9) : 1;
	size_t sel = s->list.sel, top = s->list.top;
	size_t lo = sel + 1 > h ? sel + 1 - h : 0, hi = (top > sel ? top : sel) + h;

	if (top < lo)
		lo = top;
	if (s->read == 0)
		return;
	if (hi > s->read)
		hi = s->read;
	if (lo < s->base || (s->n == 0 && lo < s->read))
		reread(u, s, lo, hi);
	while (s->page.more && hi > s->base + s->n && s->base + s->n == s->read)
		load_more(u, s, lo);
}

static void
load(struct ui *u, struct st_due *s)
{
	const struct due_row *r;
	struct mc_time now;
	struct mc_err err;

	s->gen = u->gen;
	s->loaded = true;
	s->n = s->base = s->read = s->keep = 0;
	s->more = false;
	memset(s->count, 0, sizeof s->count);
	memset(s->total, 0, sizeof s->total);
	memset(&s->page, 0, sizeof s->page);
	date_now(&now);
	if (lifecycle_due_groups(u->db, u->cal, now.jdn, s->total, &err) != 0)
		ui_error(u, "%s", err.msg);
	load_more(u, s, 0);
	/* on a dossier, not on a heading (the first page is all in the window) */
	r = at(s, s->list.sel);
	if (s->list.sel >= s->read || (s->read > 1 && (r == NULL || r->heading)))
		s->list.sel = s->read > 1 ? 1 : 0;
}

static void
row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	struct st_due *s = arg;
	const struct due_row *r = at(s, i);
	char days[64], head[128];

	(void)u;
	(void)sel;
	if (r == NULL)
		return;		/* (window_fit keeps what is drawn in the window) */
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
	if (s->read == 0)
		draw_text(5, 2, _("Nothing is overdue, due soon or paused."), COLS - 4, false);
	if (s->more)
		draw_text(LINES - 3, 2, _("(more not shown)"), COLS - 4, false);
	window_fit(u, s);
	w_list_draw(u, &s->list, 4, 0, LINES - 9, COLS, row, s);
	if (at(s, s->list.sel) != NULL && !at(s, s->list.sel)->heading) {
		const struct mc_found *d = &at(s, s->list.sel)->d;
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
	    s->list.sel + (size_t)(LINES - 9) >= s->read)
		load_more(u, s, s->list.top);
	/* the end: all of it (up to DUE_MAX), the window keeping the last
	 * two screenfuls */
	while (s->page.more && a == ACT_LAST) {
		size_t h = (size_t)(LINES - 9);

		load_more(u, s, s->read > h ? s->read - h : 0);
	}
	if (w_list_key(&s->list, a, LINES - 9)) {
		window_fit(u, s);
		return true;
	}
	if (a == ACT_OK) {
		window_fit(u, s);
		if (at(s, s->list.sel) == NULL || at(s, s->list.sel)->heading)
			ui_error(u, "%s", _("choose a dossier (↑ ↓), then Enter"));
		else
			detail_open(u, at(s, s->list.sel)->d.code);
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
	s->cap = WINDOW_MIN;
	if ((s->rows = calloc(s->cap, sizeof *s->rows)) == NULL) {
		ui_pop(u);
		ui_error(u, "%s", _("out of memory"));
		return;
	}
	load(u, s);
}
