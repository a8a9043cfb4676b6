/* w-list.c — a scrolling list whose rows the caller draws. */
#include "config.h"

#include "ui-int.h"

void
w_list_draw(struct ui *u, struct w_list *l, int y, int x, int height, int width,
    w_list_row_fn row, void *arg)
{
	if (l->n == 0)
		l->sel = l->top = 0;
	else if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->sel < l->top)
		l->top = l->sel;
	if (height > 0 && l->sel >= l->top + (size_t)height)
		l->top = l->sel - (size_t)height + 1;
	for (int i = 0; i < height && l->top + (size_t)i < l->n; i++) {
		size_t idx = l->top + (size_t)i;

		attrset(idx == l->sel ? draw_attr(AT_SELECT) : A_NORMAL);
		mvhline(y + i, x, ' ', width);
		row(u, arg, idx, y + i, x, width, idx == l->sel);
		attrset(A_NORMAL);
	}
	/* a mark when there is more above or below */
	if (l->top > 0)
		mvaddstr(y, x + width - 1, "↑");
	if (height > 0 && l->top + (size_t)height < l->n)
		mvaddstr(y + height - 1, x + width - 1, "↓");
}

bool
w_list_key(struct w_list *l, enum act a, int height)
{
	size_t page = height > 1 ? (size_t)height - 1 : 1;

	if (l->n == 0)
		return a == ACT_UP || a == ACT_DOWN || a == ACT_PGUP || a == ACT_PGDN;
	if (a == ACT_UP) {
		if (l->sel > 0)
			l->sel--;
	} else if (a == ACT_DOWN) {
		if (l->sel + 1 < l->n)
			l->sel++;
	} else if (a == ACT_PGUP) {
		l->sel = l->sel > page ? l->sel - page : 0;
	} else if (a == ACT_PGDN) {
		l->sel = l->sel + page < l->n ? l->sel + page : l->n - 1;
	} else if (a == ACT_FIRST) {
		l->sel = 0;
	} else if (a == ACT_LAST) {
		l->sel = l->n - 1;
	} else {
		return false;
	}
	return true;
}

bool
w_scroll_key(size_t *top, size_t rows, size_t page, enum act a)
{
	size_t last = rows > page ? rows - page : 0;

	if (a == ACT_UP && *top > 0)
		(*top)--;
	else if (a == ACT_DOWN && *top < last)
		(*top)++;
	else if (a == ACT_PGUP)
		*top = *top > page ? *top - page : 0;
	else if (a == ACT_PGDN)
		*top = *top + page < last ? *top + page : last;
	else if (a == ACT_FIRST)
		*top = 0;
	else if (a == ACT_LAST)
		*top = last;
	else
		return a == ACT_UP || a == ACT_DOWN;
	return true;
}
