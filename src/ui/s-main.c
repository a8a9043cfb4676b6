/* s-main.c — the main screen: the counter's functions, each on its F-key.
 * Those the officer's role may not do (role.h) are dimmed, and their key
 * says why. */
#include "config.h"

#include <stdio.h>

#include "motcua/i18n.h"
#include "motcua/role.h"
#include "ui-int.h"

static const enum act items[] = {
	ACT_HELP, ACT_RECEIVE, ACT_LOOKUP, ACT_RETURN, ACT_DUE, ACT_REPORTS,
	ACT_SYNC, ACT_ADMIN, ACT_QUIT,
};
#define NITEMS (sizeof items / sizeof items[0])

/* TRANSLATORS: menu labels of the main screen; keep each under 30
 * columns (the screen is 80 columns wide). */
static const char *const labels[] = {
	N_("Help"), N_("Receive a dossier"), N_("Look up a dossier"), N_("Return results"),
	N_("Due board"), N_("Reports"), N_("Sync by file"), N_("Administration"), N_("Quit"),
};

/* The highlighted row lives in the screen's state: a static would be a
 * global, and the stack owns its screens' state. */
struct st_main {
	struct w_list list;
};

/* The action of the role table (role.h) a function is for; -1 when every
 * role may open it (lookup, reports: reading; F9 says itself who may). */
static int
item_action(enum act a)
{
	switch (a) {
	case ACT_RECEIVE: return (int)role_kind(MC_KIND_RECEIVE);
	case ACT_RETURN: return (int)role_kind(MC_KIND_RETURN);
	case ACT_SYNC: return MC_ACT_EXPORT;	/* the roles that export also import */
	default: return -1;
	}
}

/* 0 if the officer's role may use the function; else -1 and err says who
 * may. */
static int
item_check(const struct ui *u, enum act a, struct mc_err *err)
{
	int k = item_action(a);

	return k < 0 ? 0 : role_check(u->officer.role, (enum mc_action)k, err);
}

static void
activate(struct ui *u, size_t i)
{
	struct mc_err err;

	if (item_check(u, items[i], &err) != 0) {
		ui_error(u, "%s", err.msg);
		return;
	}
	switch (items[i]) {
	case ACT_HELP:
		ui_push(u, &screen_help, NULL);
		break;
	case ACT_RECEIVE:
		receive_open(u);
		break;
	case ACT_LOOKUP:
		lookup_open(u);
		break;
	case ACT_RETURN:
		return_open(u, NULL);
		break;
	case ACT_DUE:
		due_open(u);
		break;
	case ACT_REPORTS:
		report_open(u);
		break;
	case ACT_SYNC:
		sync_open(u);
		break;
	case ACT_ADMIN:
		admin_open(u);
		break;
	case ACT_QUIT:
		ui_pop(u);
		break;
	default:
		break;
	}
}

static void
row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	char line[128], key[KEYS_NAME_LEN];
	struct mc_err err;
	bool may = item_check(u, items[i], &err) == 0;

	(void)arg;
	snprintf(line, sizeof line, "%-5s %s", keys_name(items[i], KM_MAIN, key, sizeof key),
	    _(labels[i]));
	if (!may && !sel)
		attrset(draw_attr(AT_DIM));
	draw_text(y, x + 1, line, width - 1, false);
	if (!may && !sel)
		attrset(A_NORMAL);
}

static void
draw(struct ui *u, void *st)
{
	struct st_main *m = st;

	attrset(draw_attr(AT_TITLE));
	draw_text(3, 4, _("motcua — one-stop reception counter"), COLS - 8, false);
	attrset(A_NORMAL);
	m->list.n = NITEMS;
	w_list_draw(u, &m->list, 5, 4, (int)NITEMS, 40, row, NULL);
	draw_text(6 + (int)NITEMS, 4, _("Esc then a digit works as the F-key of that digit "
	    "(Esc 0 = F10)."), COLS - 8, false);
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct st_main *m = st;

	(void)k;
	if (w_list_key(&m->list, a, (int)NITEMS))
		return true;
	if (a == ACT_OK) {
		activate(u, m->list.sel);
		return true;
	}
	for (size_t i = 0; i < NITEMS; i++) {
		if (a != ACT_NONE && items[i] == a) {
			m->list.sel = i;
			activate(u, i);
			return true;
		}
	}
	return a == ACT_BACK;	/* nothing behind the main screen */
}

static const enum act hints[] = {
	ACT_HELP, ACT_RECEIVE, ACT_LOOKUP, ACT_TELEX, ACT_QUIT, ACT_NONE,
};

const struct screen_ops screen_main = {
	N_("Main menu"), sizeof(struct st_main), NULL, draw, key, NULL, hints, KM_MAIN, NULL,
};
