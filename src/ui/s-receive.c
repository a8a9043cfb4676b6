/* s-receive.c — F2, step 1: pick the procedure.  The catalog is loaded
 * into memory once per visit and filtered at every key, best match first
 * (the rule is catalog_index_filter's: the name's words, initials "dkks",
 * code or field; among equals the procedures this station uses most).
 * The search takes Telex like any text field: "khai tuwr" is "khai tử". */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/i18n.h"
#include "motcua/vntext.h"
#include "s-receive.h"

static void
refilter(struct flow *fl)
{
	char *q = w_field_get(&fl->search);

	fl->nhits = catalog_index_filter(fl->idx, q != NULL ? q : "", fl->hits, fl->idx->n);
	free(q);
	fl->list.n = fl->nhits;
	fl->list.sel = fl->list.top = 0;
}

static void
row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	struct flow *fl = arg;
	const struct catalog_entry *e = &fl->idx->e[fl->hits[i]];
	char limit[64], fee[64];
	int name_w = width - 10 - 13 - 12;

	(void)u;
	(void)sel;
	format_limit_text(e->time_limit, FORMAT_SCREEN, limit, sizeof limit);
	format_fee(e->fee, FORMAT_SCREEN, fee, sizeof fee);
	draw_text(y, x + 1, e->code, 9, false);
	draw_clip(y, x + 10, e->name, name_w - 1);
	draw_text(y, x + 10 + name_w, limit, 12, false);
	draw_text_right(y, x + width - 1, fee);
}

static void
draw(struct ui *u, void *st)
{
	struct flow *fl = st;
	char count[128];

	w_field_draw(u, &fl->search, 2, 1, 10, 50, true);
	snprintf(count, sizeof count, _("%zu of %zu procedures"), fl->nhits, fl->idx->n);
	draw_text_right(2, COLS - 1, count);
	attrset(draw_attr(AT_TITLE));
	mvhline(3, 0, ' ', COLS);
	/* TRANSLATORS: column heading of the procedure code, 8 columns at most */
	draw_text(3, 1, _("Proc. no"), 9, false);
	draw_text(3, 10, _("Procedure"), 30, false);
	draw_text(3, COLS - 24, _("Time limit"), 12, false);
	draw_text_right(3, COLS - 1, _("Fee"));
	attrset(A_NORMAL);
	if (fl->idx->n == 0)
		draw_text(5, 2, _("The catalog is empty: import the province's catalog "
		    "(motcua catalog import FILE)."), COLS - 4, false);
	else if (fl->nhits == 0)
		draw_text(5, 2, _("No procedure matches: type less, or part of the code."),
		    COLS - 4, false);
	/* the rows end 3 lines above the messages: there the highlighted
	 * procedure's whole name, when its column had to leave words out */
	w_list_draw(u, &fl->list, 4, 0, LINES - 10, COLS, row, fl);
	if (fl->nhits > 0 && fl->list.sel < fl->nhits) {
		const char *name = fl->idx->e[fl->hits[fl->list.sel]].name;

		if ((int)vntext_width(name) > COLS - 10 - 13 - 12 - 1)
			draw_wrap(LINES - 5, 10, name, COLS - 11, 2);
	}
}

static void
pick(struct ui *u, struct flow *fl)
{
	const struct catalog_entry *e;
	struct mc_err err;

	if (fl->nhits == 0) {
		ui_error(u, "%s", _("no procedure is chosen: type part of its name or code"));
		return;
	}
	e = &fl->idx->e[fl->hits[fl->list.sel]];
	if (fl->proc.code == NULL || strcmp(fl->proc.code, e->code) != 0) {
		/* another procedure: its own document list, all unchecked */
		if (fl->proc.code != NULL)
			catalog_procedure_free(&fl->proc);
		w_check_free(&fl->docs);
		flow_scans_free(fl);	/* they were the other's documents */
		memset(&fl->proc, 0, sizeof fl->proc);
		if (catalog_get(u->db, e->code, &fl->proc, &err) != 0) {
			memset(&fl->proc, 0, sizeof fl->proc);
			ui_error(u, "%s", err.msg);
			return;
		}
		if (w_check_init(&fl->docs, fl->proc.ndocs) != 0) {
			ui_error(u, "%s", _("out of memory"));
			return;
		}
	}
	ui_push(u, &screen_docs, fl);
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct flow *fl = st;

	if (a == ACT_OK) {
		pick(u, fl);
		return true;
	}
	if (w_list_key(&fl->list, a, LINES - 7))
		return true;
	if (w_field_key(u, &fl->search, k, a)) {
		refilter(fl);
		return true;
	}
	return false;
}

static void
leave(struct ui *u, void *st)
{
	struct flow *fl = st;

	(void)u;
	free(fl->hits);
	if (fl->proc.code != NULL)
		catalog_procedure_free(&fl->proc);
	w_check_free(&fl->docs);
	flow_scans_free(fl);
	free(fl);
}

static const enum act hints[] = {
	ACT_HELP, ACT_OK, ACT_UP, ACT_DOWN, ACT_BACK, ACT_NONE,
};

static const struct screen_ops screen_procedure = {
	N_("Receive 1/4: procedure (type to search)"), 0, NULL, draw, key, leave, hints,
	KM_PROCEDURE | KF_TEXT, NULL,
};

void
receive_open(struct ui *u)
{
	struct flow *fl = calloc(1, sizeof *fl);
	struct mc_err err;

	if (fl == NULL) {
		ui_error(u, "%s", _("out of memory"));
		return;
	}
	/* loaded once a session, again only after the catalog or the use
	 * counts changed */
	if ((fl->idx = catalog_picker_get(u->db, &u->picker, &err)) == NULL) {
		ui_error(u, "%s", err.msg);
		free(fl);
		return;
	}
	if ((fl->hits = calloc(fl->idx->n + 1, sizeof *fl->hits)) == NULL) {
		free(fl);
		ui_error(u, "%s", _("out of memory"));
		return;
	}
	fl->base = u->depth;
	/* TRANSLATORS: label of the procedure search field (under 10 columns) */
	w_field_init(&fl->search, N_("Search:"), FK_TEXT, true);
	refilter(fl);
	ui_push(u, &screen_procedure, fl);
}
