/* w-hints.c — the hint bar, the last line: the top screen's hints that
 * apply in its key state, laid out by keys_hint_page (keys.c).  Hints
 * that do not fit go to further pages; the "more" hint (ACT_MORE) at the
 * end of each page shows the next, and after the last the first.  The
 * lock key ends every session screen's hints (it applies only there),
 * unless it alone would make one page two: a screen's own keys first. */
#include "config.h"

#include <stdio.h>

#include "ui-int.h"

/* One hint at column x: the key, then its label; returns the new x. */
static int
hint(int x, enum act a, keymask m)
{
	char key[KEYS_NAME_LEN];

	keys_name(a, m, key, sizeof key);
	attrset(draw_attr(AT_KEY));
	x += draw_text(LINES - 1, x, key, COLS - x, false);
	attrset(draw_attr(AT_BAR));
	x += draw_text(LINES - 1, x, " ", COLS - x, false);
	x += draw_text(LINES - 1, x, keys_label(a, m), COLS - x, false);
	x += draw_text(LINES - 1, x, "  ", COLS - x, false);
	return x;
}

void
hints_draw(struct ui *u, const enum act *given)
{
	enum act acts[64];
	size_t from, to, pages, n = 0;
	bool lock = false;
	int x = 0;

	for (; given != NULL && given[n] != ACT_NONE && n + 2 < sizeof acts / sizeof acts[0];
	    n++) {
		acts[n] = given[n];
		lock = lock || given[n] == ACT_LOCK;
	}
	acts[n] = ACT_NONE;
	if (!lock && n > 0) {
		size_t before = keys_hint_page(acts, u->keymap, COLS, 0, &from, &to);

		acts[n] = ACT_LOCK;
		acts[n + 1] = ACT_NONE;
		if (before <= 1 && keys_hint_page(acts, u->keymap, COLS, 0, &from, &to) > 1)
			acts[n] = ACT_NONE;
	}

	move(LINES - 1, 0);
	attrset(draw_attr(AT_BAR));
	hline(' ', COLS);
	pages = keys_hint_page(acts, u->keymap, COLS, 0, &from, &to);
	if (pages > 1)
		(void)keys_hint_page(acts, u->keymap, COLS, u->hint_page % pages, &from, &to);
	for (size_t i = from; i < to; i++)
		if (keys_hint_width(acts[i], u->keymap) > 0)
			x = hint(x, acts[i], u->keymap);
	if (pages > 1)
		(void)hint(x, ACT_MORE, u->keymap);
	attrset(A_NORMAL);
}
