/* w-check.c — a checklist: ACT_TOGGLE (Space) toggles the highlighted
 * item, ACT_ALL (`a`) marks all (pressed again, clears all), ACT_NTH (the
 * digits) jumps to an item (two digits typed in a row make a two-digit
 * number when the list is that long). */
#include "config.h"

#include <stdlib.h>

#include "ui-int.h"

int
w_check_init(struct w_check *c, size_t n)
{
	c->list.n = n;
	c->list.sel = c->list.top = 0;
	c->last_digit = -1;
	c->on = calloc(n + 1, sizeof *c->on);
	return c->on != NULL ? 0 : -1;
}

void
w_check_free(struct w_check *c)
{
	free(c->on);
	c->on = NULL;
}

bool
w_check_key(struct w_check *c, int k, enum act a, int height)
{
	size_t n = c->list.n;

	if (a == ACT_NTH) {
		int d = keys_digit(k), two = c->last_digit * 10 + d;

		if (c->last_digit > 0 && two >= 1 && (size_t)two <= n) {
			c->list.sel = (size_t)two - 1;
			c->last_digit = -1;
		} else if (d >= 1 && (size_t)d <= n) {
			c->list.sel = (size_t)d - 1;
			c->last_digit = d;
		} else {
			c->last_digit = -1;
		}
		return true;
	}
	c->last_digit = -1;
	if (n == 0)
		return false;
	if (a == ACT_TOGGLE) {
		c->on[c->list.sel] = !c->on[c->list.sel];
		if (!c->on[c->list.sel])
			return true;
		if (c->list.sel + 1 < n)	/* on to the next, as on paper */
			c->list.sel++;
		return true;
	}
	if (a == ACT_ALL) {
		bool all = true;

		for (size_t i = 0; i < n; i++)
			all = all && c->on[i];
		for (size_t i = 0; i < n; i++)
			c->on[i] = !all;
		return true;
	}
	return w_list_key(&c->list, a, height);
}
