/* s-lookup.c — F3: find a dossier by its code (typed, or scanned: a
 * barcode reader types the code and Enter), ID number, phone or name
 * (without diacritics, word prefixes, any order), newest receipt first;
 * narrow by status and receipt dates; Enter opens the detail.  Each
 * result takes two lines: code, applicant, status and receipt, then the
 * procedure.
 *
 * Enter searches when the text changed since the last search; a search
 * with one hit opens it at once (a scanned code goes straight to its
 * dossier); Enter again opens the highlighted row.  The filters work on
 * what the search found, at once.  The supplement requests (Mẫu 02) the
 * citizen was given show under the dossiers, with what they asked for.
 * A search reads one screenful (lifecycle_find_page); when more match,
 * the list ends in "more…", where Enter reads the next screenful. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/dossier.h"
#include "motcua/i18n.h"
#include "motcua/vntext.h"
#include "s-life.h"

#define LOOKUP_MAX 500		/* more is not read on a screen: type more */
#define PAGE_MIN 4		/* a page read is at least this many results */
#define REQUESTS_MAX 4		/* supplement requests shown, newest first */
#define ROW_LINES 2		/* the lines of one result */
#define PAGE_ROWS ((LINES - 8) / ROW_LINES)	/* the results on the screen */

enum { LF_TEXT, LF_STATUS, LF_FROM, LF_TO, LF_COUNT };

/* TRANSLATORS: the status filter of the lookup; four fit on one line. */
static const char *const status_choices[] = {
	N_("all"), N_("open"), N_("result ready"), N_("finished"), NULL,
};

struct st_lookup {
	struct w_field f[LF_COUNT];
	int focus;
	struct mc_found *all;	/* what the search found */
	size_t nall;
	bool more;		/* more match than were read */
	struct mc_page page;	/* where the next page starts */
	size_t *hits, nhits;	/* after the filters: indexes into all */
	struct w_list list;
	char *searched;		/* the text of the last search, or NULL */
	bool unread;		/* that search was refused (a QR not read) */
	struct mc_request reqs[REQUESTS_MAX];	/* the citizen's Mẫu 02 */
	size_t nreqs;
	unsigned gen;
};

static int
collect(const struct mc_found *f, void *arg)
{
	struct st_lookup *s = arg;

	if (s->nall >= LOOKUP_MAX) {
		s->more = true;
		return 1;
	}
	s->all[s->nall++] = *f;
	return 0;
}

/* Is the list's row i the "more…" after the results? */
static bool
paging(const struct st_lookup *s)
{
	return s->more && s->nall < LOOKUP_MAX;
}

static bool
is_more_row(const struct st_lookup *s, size_t i)
{
	return paging(s) && i == s->nhits;
}

static bool
status_in(int choice, const char *status)
{
	const struct mc_status *st = vocab_status(status);
	enum mc_phase phase = st != NULL ? st->phase : MC_PHASE_FINAL;

	/* the choices are: all, then the phases in their order */
	switch (choice) {
	case 1: return phase == MC_PHASE_OPEN;
	case 2: return phase == MC_PHASE_READY;
	case 3: return phase == MC_PHASE_FINAL;
	default: return true;
	}
}

/* One date filter as "YYYY-MM-DD" ("" when empty); false if it is not a
 * date (then it says so and the filter is left out). */
static bool
filter_date(struct ui *u, struct w_field *f, char out[MC_DATE_LEN])
{
	char *v = w_field_get(f);
	bool good = v != NULL && ui_parse_date(v, out) == 0;

	if (!good) {
		out[0] = '\0';
		ui_error(u, _("'%s' is not a date: type it as DD/MM/YYYY, DDMMYYYY or "
		    "YYYY-MM-DD, or leave it empty"),
		    v != NULL ? v : "");
	}
	free(v);
	return good;
}

static void
refilter(struct ui *u, struct st_lookup *s)
{
	char from[MC_DATE_LEN], to[MC_DATE_LEN];

	filter_date(u, &s->f[LF_FROM], from);
	filter_date(u, &s->f[LF_TO], to);
	s->nhits = 0;
	for (size_t i = 0; i < s->nall; i++) {
		const struct mc_found *d = &s->all[i];

		if (!status_in(s->f[LF_STATUS].choice, d->status))
			continue;
		/* received is "YYYY-MM-DD HH:MM": its first 10 bytes compare */
		if (from[0] != '\0' && strncmp(d->received, from, 10) < 0)
			continue;
		if (to[0] != '\0' && strncmp(d->received, to, 10) > 0)
			continue;
		s->hits[s->nhits++] = i;
	}
	/* "more…" after them, while the next page can be read */
	s->list.n = s->nhits + (paging(s) ? 1 : 0);
	if (s->list.sel >= s->nhits)
		s->list.sel = s->list.top = 0;
}

static int
collect_request(const struct mc_request *r, void *arg)
{
	struct st_lookup *s = arg;

	s->reqs[s->nreqs++] = *r;
	return s->nreqs >= REQUESTS_MAX;
}

/* The next screenful of the search, after what was read. */
static int
search_more(struct ui *u, struct st_lookup *s, const char *text)
{
	struct mc_err err;
	size_t room = LOOKUP_MAX - s->nall;

	s->page.limit = PAGE_ROWS > PAGE_MIN ? (size_t)PAGE_ROWS : PAGE_MIN;
	if (room == 0)
		return 0;	/* LOOKUP_MAX read: the count says "more than" */
	if (s->page.limit > room)
		s->page.limit = room;
	if (lifecycle_find_page(u->db, text, &s->page, collect, s, &err) != 0) {
		s->nhits = s->list.n = 0;
		s->unread = true;
		ui_error(u, "%s", err.msg);
		return -1;
	}
	/* at LOOKUP_MAX read, no more pages: "more than" says the rest */
	s->more = s->page.more;
	refilter(u, s);
	return 0;
}

static int
search(struct ui *u, struct st_lookup *s, const char *text)
{
	struct mc_err err;

	s->nreqs = 0;
	if (dossier_requests(u->db, text, collect_request, s, &err) != 0) {
		s->nreqs = 0;
		ui_error(u, "%s", err.msg);
	}
	s->nall = 0;
	s->more = false;
	s->unread = false;
	s->gen = u->gen;
	s->list.sel = s->list.top = 0;
	memset(&s->page, 0, sizeof s->page);
	return search_more(u, s, text);
}

static void
row(struct st_lookup *s, size_t i, int y, int x, int width, bool sel)
{
	const struct mc_found *d;

	if (is_more_row(s, i)) {
		/* TRANSLATORS: the last row of the lookup's list when more
		 * dossiers match than were read; Enter reads the next ones */
		draw_text(y, x + 1, _("more… (Enter shows the next)"), width - 2, false);
		return;
	}
	d = &s->all[s->hits[i]];

	draw_text(y, x + 1, d->code, 26, false);
	draw_clip(y, x + 28, d->name, width - 28 - 31);
	draw_text(y, x + width - 30, life_status(d->status), 13, false);
	draw_text(y, x + width - 16, d->received, 16, false);
	if (!sel)
		attrset(draw_attr(AT_DIM));
	draw_clip(y + 1, x + 3, d->procedure, width - 5);
}

/* The results from line y, ROW_LINES lines each, scrolled to keep the
 * highlighted one on the screen (as w_list_draw does with one line). */
static void
rows_draw(struct st_lookup *s, int y, int rows)
{
	struct w_list *l = &s->list;

	if (l->n == 0)
		l->sel = l->top = 0;
	else if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->sel < l->top)
		l->top = l->sel;
	if (rows > 0 && l->sel >= l->top + (size_t)rows)
		l->top = l->sel - (size_t)rows + 1;
	for (int i = 0; i < rows && l->top + (size_t)i < l->n; i++) {
		size_t idx = l->top + (size_t)i;
		int at = y + ROW_LINES * i;

		attrset(idx == l->sel ? draw_attr(AT_SELECT) : A_NORMAL);
		for (int j = 0; j < ROW_LINES; j++)
			mvhline(at + j, 0, ' ', COLS);
		row(s, idx, at, 0, COLS, idx == l->sel);
		attrset(A_NORMAL);
	}
	if (l->top > 0)
		mvaddstr(y, COLS - 1, "↑");
	if (rows > 0 && l->top + (size_t)rows < l->n)
		mvaddstr(y + ROW_LINES * rows - 1, COLS - 1, "↓");
}

/* The supplement requests found, under the list: when, by whom, to
 * whom, for what and what was missing.  Returns the rows they take. */
static int
draw_requests(const struct st_lookup *s)
{
	char text[4096];
	int y, rows = 0, avail = LINES - 8 - 4;	/* the list keeps 4 rows */

	if (s->nreqs == 0 || avail < 2)
		return 0;
	/* as many rows as they take (each at most 3), from the bottom up */
	for (size_t i = 0; i < s->nreqs; i++)
		rows += 3;
	if (rows + 1 > avail)
		rows = avail - 1;
	y = LINES - 2 - rows - 1;
	attrset(draw_attr(AT_TITLE));
	mvhline(y, 0, ' ', COLS);
	draw_text(y++, 1, _("Supplement requests (Mẫu 02) given"), COLS - 2, false);
	attrset(A_NORMAL);
	for (size_t i = 0; i < s->nreqs && y < LINES - 2; i++) {
		const struct mc_request *r = &s->reqs[i];

		snprintf(text, sizeof text, r->open ? _("%s by %s: %s (ID %s), %s %s; missing: "
		    "%s") : _("%s by %s: %s (ID %s), %s %s; missing: %s (since received)"),
		    r->at, r->officer, r->name, r->id_number, r->procedure, r->procedure_name,
		    r->missing_text);
		y += draw_wrap(y, 2, text, COLS - 3, LINES - 2 - y < 3 ? LINES - 2 - y : 3);
	}
	return rows + 1;
}

static void
draw(struct ui *u, void *st)
{
	struct st_lookup *s = st;
	char count[128];
	int pane;

	if (s->searched != NULL && s->gen != u->gen)
		search(u, s, s->searched);	/* a step was recorded meanwhile */
	w_field_draw(u, &s->f[LF_TEXT], 2, 1, 12, 62, s->focus == LF_TEXT);
	w_field_draw(u, &s->f[LF_STATUS], 3, 1, 12, COLS - 2, s->focus == LF_STATUS);
	w_field_draw(u, &s->f[LF_FROM], 4, 1, 12, 24, s->focus == LF_FROM);
	w_field_draw(u, &s->f[LF_TO], 4, 27, 6, 18, s->focus == LF_TO);
	if (s->searched != NULL) {
		/* while more match than were read the total is unknown:
		 * say how many were read and that more follow */
		if (s->more && s->nhits == s->nall)
			snprintf(count, sizeof count, _("%zu found, more follow"), s->nhits);
		else if (s->more)
			snprintf(count, sizeof count, _("%zu of the first %zu found, more follow"),
			    s->nhits, s->nall);
		else
			snprintf(count, sizeof count, _("%zu of %zu found"), s->nhits, s->nall);
		draw_text_right(4, COLS - 1, count);
	}
	attrset(draw_attr(AT_TITLE));
	mvhline(5, 0, ' ', COLS);
	draw_text(5, 1, _("Code"), 26, false);
	draw_text(5, 28, _("Applicant"), 20, false);
	draw_text(5, COLS - 30, _("Status"), 13, false);
	draw_text(5, COLS - 16, _("Received"), 15, false);
	attrset(A_NORMAL);
	if (s->searched == NULL)
		draw_wrap(7, 2, _("Type or scan a dossier code, or type an ID number, a phone "
		    "number or a name (without diacritics is fine), then press Enter."),
		    COLS - 4, 3);
	else if (s->unread) {
		/* the search box shows a long scan's end only: the whole of
		 * what was scanned, word wrapped, beside the message why */
		draw_text(7, 2, _("What was scanned:"), COLS - 4, false);
		draw_wrap(8, 4, s->searched, COLS - 6, 4);
	} else if (s->nhits == 0 && !s->more)
		draw_text(7, 2, s->nall > 0 ? _("Nothing found with these filters.") :
		    _("No dossier found."), COLS - 4, false);
	pane = draw_requests(s);
	rows_draw(s, 6, (LINES - 8 - pane) / ROW_LINES);
}

static void
enter_key(struct ui *u, struct st_lookup *s)
{
	char *text = w_field_get(&s->f[LF_TEXT]);

	if (text == NULL) {
		ui_error(u, "%s", _("out of memory"));
		return;
	}
	if (text[strspn(text, " ")] == '\0') {
		free(text);
		ui_error(u, "%s", _("type a dossier code, an ID number, a phone number or a "
		    "name"));
		return;
	}
	/* the same text again after a refusal: searched again, so that the
	 * message why shows again */
	if (s->searched == NULL || strcmp(text, s->searched) != 0 || s->unread) {
		free(s->searched);
		s->searched = text;
		/* a single dossier opens at once, unless requests are shown too */
		if (search(u, s, text) == 0 && s->nhits == 1 && !s->more && s->nreqs == 0)
			detail_open(u, s->all[s->hits[0]].code);
		return;
	}
	free(text);
	if (is_more_row(s, s->list.sel)) {
		size_t first = s->nhits;

		/* the next screenful, the highlight on its first */
		if (search_more(u, s, s->searched) == 0 && s->nhits > first)
			s->list.sel = first;
		return;
	}
	if (s->nhits > 0 && s->list.sel < s->nhits)
		detail_open(u, s->all[s->hits[s->list.sel]].code);
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct st_lookup *s = st;

	if (a == ACT_OK) {
		w_field_commit(&s->f[s->focus]);
		if (s->focus == LF_FROM || s->focus == LF_TO)
			refilter(u, s);
		enter_key(u, s);
		return true;
	}
	if (a == ACT_NEXT || a == ACT_PREV) {
		w_field_commit(&s->f[s->focus]);
		s->focus = (s->focus + (a == ACT_NEXT ? 1 : LF_COUNT - 1)) % LF_COUNT;
		refilter(u, s);
		return true;
	}
	if (w_list_key(&s->list, a, PAGE_ROWS))
		return true;
	if (w_field_key(u, &s->f[s->focus], k, a)) {
		if (s->focus == LF_STATUS)
			refilter(u, s);
		return true;
	}
	return false;
}

static void
leave(struct ui *u, void *st)
{
	struct st_lookup *s = st;

	(void)u;
	free(s->all);
	free(s->hits);
	free(s->searched);
}

static keymask
keymap(const void *st)
{
	const struct st_lookup *s = st;

	return KM_LOOKUP | w_field_focus(&s->f[s->focus]);
}

/* a choice's keys show while it has the focus (at the end: a second
 * page in Vietnamese) */
static const enum act hints[] = {
	ACT_HELP, ACT_OK, ACT_NEXT, ACT_TELEX, ACT_BACK, ACT_CHOICE_NEXT, ACT_NONE,
};

static const struct screen_ops screen_lookup = {
	N_("Look up a dossier"), sizeof(struct st_lookup), NULL, draw, key, leave, hints,
	KM_LOOKUP | KF_TEXT | KF_CHOICE, keymap,
};

void
lookup_open(struct ui *u)
{
	struct st_lookup *s;

	if ((s = ui_push_new(u, &screen_lookup)) == NULL)
		return;
	s->all = calloc(LOOKUP_MAX, sizeof *s->all);
	s->hits = calloc(LOOKUP_MAX, sizeof *s->hits);
	if (s->all == NULL || s->hits == NULL) {
		ui_pop(u);
		ui_error(u, "%s", _("out of memory"));
		return;
	}
	/* TRANSLATORS: labels of the lookup's fields, under 12 columns */
	w_field_init(&s->f[LF_TEXT], N_("Find:"), FK_TEXT, true);
	s->f[LF_TEXT].scan = true;	/* a chip card's QR finds by its ID */
	w_field_init(&s->f[LF_STATUS], N_("Status:"), FK_CHOICE, false);
	s->f[LF_STATUS].choices = status_choices;
	w_field_init(&s->f[LF_FROM], N_("From:"), FK_DATE, false);
	w_field_init(&s->f[LF_TO], N_("To:"), FK_DATE, false);
	s->f[LF_FROM].optional = s->f[LF_TO].optional = true;
}
