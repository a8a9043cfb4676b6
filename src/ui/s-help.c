/* s-help.c — F1: the keys of the screen it was opened from, then those
 * that work on every screen, all from the action table (keys.c). */
#include "config.h"

#include <stdio.h>

#include "motcua/i18n.h"
#include "ui-int.h"

struct st_help {
	struct w_list list;
	keymask maps;		/* the key maps and focus states of the screen */
	const char *title;	/* its title, translated (NULL: none) */
};

/* The screen below: the one whose keys are shown. */
static void
enter(struct ui *u, void *st)
{
	struct st_help *h = st;
	char buf[256];

	if (u->depth >= 2) {
		const struct screen_ops *below = u->stack[u->depth - 2].ops;

		h->maps = below->maps;
		h->title = below->title != NULL ? _(below->title) : NULL;
	}
	while (keys_help_line(h->maps, h->title, h->list.n, buf, sizeof buf))
		h->list.n++;
}

static void
row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	struct st_help *h = arg;
	char buf[256];

	(void)u;
	(void)sel;
	if (keys_help_line(h->maps, h->title, i, buf, sizeof buf))
		draw_text(y, x + 1, buf, width - 1, false);
}

static void
draw(struct ui *u, void *st)
{
	struct st_help *h = st;
	char line[256], telex[KEYS_NAME_LEN], clear[KEYS_NAME_LEN];

	w_list_draw(u, &h->list, 2, 2, LINES - 8, COLS - 4, row, h);
	draw_text(LINES - 5, 2, _("Esc then a digit = the F-key of that digit (Esc 0 = F10)."),
	    COLS - 4, false);
	/* the two keys of a text field most asked for, from the table */
	keys_name(ACT_TELEX, KM_MAPS | KF_ALL, telex, sizeof telex);
	keys_name(ACT_CLEAR, KM_MAPS | KF_ALL, clear, sizeof clear);
	snprintf(line, sizeof line, _("Text fields: %s Vietnamese input on/off; %s clears the "
	    "field."), telex, clear);
	draw_text(LINES - 4, 2, line, COLS - 4, false);
	draw_text(LINES - 3, 2, _("Telex: aa=â aw=ă ee=ê oo=ô ow=ơ uw=ư dd=đ; s f r x j "
	    "= tones; z removes."), COLS - 4, false);
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct st_help *h = st;

	(void)k;
	if (a == ACT_HELP || a == ACT_OK) {
		ui_pop(u);
		return true;
	}
	return w_list_key(&h->list, a, LINES - 8);
}

static const enum act hints[] = { ACT_BACK, ACT_UP, ACT_DOWN, ACT_NONE };

const struct screen_ops screen_help = {
	N_("Help: keys"), sizeof(struct st_help), enter, draw, key, NULL, hints, KM_HELP, NULL,
};
