/* s-officer.c — choose the officer on duty at start (when there are
 * several and --officer named none).  Typing letters jumps to the first
 * username that starts with them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/i18n.h"
#include "ui-int.h"

#define MAX_OFFICERS 200

struct st_officer {
	struct mc_officer o[MAX_OFFICERS];
	struct w_list list;
	char typed[MC_USER_LEN];
};

static int
add(const struct mc_officer *o, void *arg)
{
	struct st_officer *s = arg;

	if (o->active && s->list.n < MAX_OFFICERS)
		s->o[s->list.n++] = *o;
	return 0;
}

static void
row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	struct st_officer *s = arg;
	char line[400];

	(void)u;
	(void)sel;
	snprintf(line, sizeof line, "%-16s %s", s->o[i].username, s->o[i].full_name);
	draw_text(y, x + 1, line, width - 2, false);
}

static void
draw(struct ui *u, void *st)
{
	struct st_officer *s = st;

	draw_text(3, 4, _("Who is on duty at this counter? Choose and press Enter."),
	    COLS - 8, false);
	w_list_draw(u, &s->list, 5, 4, LINES - 9, COLS - 8, row, s);
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct st_officer *s = st;
	size_t n;

	if (a == ACT_OK && s->list.n > 0) {
		u->officer = s->o[s->list.sel];
		ui_ready(u);
		return true;
	}
	if (a == ACT_BACK || a == ACT_QUIT) {
		ui_pop(u);	/* nobody chosen: the program ends */
		return true;
	}
	if (w_list_key(&s->list, a, LINES - 9)) {
		s->typed[0] = '\0';
		return true;
	}
	if (a != ACT_NONE || !keys_is_text(k) || k > 126)
		return false;	/* usernames are ASCII */
	n = strlen(s->typed);
	if (n + 1 < sizeof s->typed) {
		s->typed[n] = (char)k;
		s->typed[n + 1] = '\0';
	}
	for (size_t i = 0; i < s->list.n; i++)
		if (strncmp(s->o[i].username, s->typed, strlen(s->typed)) == 0) {
			s->list.sel = i;
			return true;
		}
	s->typed[0] = '\0';
	return true;
}

static const enum act hints[] = { ACT_HELP, ACT_OK, ACT_UP, ACT_DOWN, ACT_BACK, ACT_NONE };

static const struct screen_ops screen_officer = {
	N_("Officer on duty"), sizeof(struct st_officer), NULL, draw, key, NULL, hints,
	KM_OFFICER, NULL,
};

void
officer_open(struct ui *u)
{
	struct st_officer *s;
	struct mc_err err;

	if ((s = ui_push_new(u, &screen_officer)) == NULL)
		return;
	if (unit_officer_list(u->db, add, s, &err) != 0)
		ui_error(u, "%s", err.msg);
}
