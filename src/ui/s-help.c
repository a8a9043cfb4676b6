/* s-help.c — F1: every action with its keys, from the action table. */
#include "config.h"

#include <stdio.h>

#include "motcua/i18n.h"
#include "ui-int.h"

static size_t
count(void)
{
	char buf[256];
	size_t n = 0;

	while (keys_help_line(n, buf, sizeof buf))
		n++;
	return n;
}

static void
row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	char buf[256];

	(void)u;
	(void)arg;
	(void)sel;
	if (keys_help_line(i, buf, sizeof buf))
		draw_text(y, x + 1, buf, width - 1, false);
}

static void
draw(struct ui *u, void *st)
{
	struct w_list *l = st;
	int h = LINES - 8;

	(void)u;
	l->n = count();
	w_list_draw(u, l, 2, 2, h, COLS - 4, row, NULL);
	draw_text(LINES - 5, 2, _("Esc then a digit = the F-key of that digit (Esc 0 = F10)."),
	    COLS - 4, false);
	draw_text(LINES - 4, 2, _("Text fields: Ctrl-T Vietnamese input on/off; Ctrl-U "
	    "clears the field."), COLS - 4, false);
	draw_text(LINES - 3, 2, _("Telex: aa=â aw=ă ee=ê oo=ô ow=ơ uw=ư dd=đ; s f r x j "
	    "= tones; z removes."), COLS - 4, false);
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	(void)u;
	if (a == ACT_HELP || a == ACT_OK) {
		ui_pop(u);
		return true;
	}
	return w_list_key(st, k, a, LINES - 8);
}

static const enum act hints[] = { ACT_BACK, ACT_UP, ACT_DOWN, ACT_NONE };

const struct screen_ops screen_help = {
	N_("Help: keys"), sizeof(struct w_list), NULL, draw, key, NULL, hints,
};
