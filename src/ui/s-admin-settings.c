/* s-admin-settings.c — F9 Settings: every setting (setting_all) with its
 * current value and its meaning in a line; Enter edits one (core checks
 * the value: its message is shown when it refuses), d puts it back to its
 * default. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/i18n.h"
#include "motcua/setting.h"
#include "s-admin.h"

struct st_settings {
	struct w_list list;
	size_t n;
};

static const struct mc_setting_info *
nth(size_t i)
{
	return &setting_all()[i];
}

static void
row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	const struct mc_setting_info *si = nth(i);
	char value[256], line[512];

	(void)arg;
	(void)sel;
	if (setting_get(u->db, si->name, value, sizeof value) != 0)
		snprintf(value, sizeof value, "?");
	snprintf(line, sizeof line, "%-18s %s%s", si->name, value,
	    strcmp(value, si->dflt) == 0 ? "" : _("  (changed)"));
	draw_text(y, x + 1, line, width - 1, false);
}

static void
draw(struct ui *u, void *st)
{
	struct st_settings *s = st;
	const struct mc_setting_info *si = nth(s->list.sel);
	char line[512];

	w_list_draw(u, &s->list, 3, 2, LINES - 9, COLS - 4, row, NULL);
	attrset(draw_attr(AT_TITLE));
	draw_text(LINES - 5, 2, _(si->help), COLS - 4, false);
	attrset(A_NORMAL);
	snprintf(line, sizeof line, _("Default: %s"), si->dflt[0] ? si->dflt : _("(empty)"));
	draw_text(LINES - 4, 2, line, COLS - 4, false);
	admin_draw_mode(u, MC_ACT_SETTING);
}

static int
edit_submit(struct ui *u, struct adm_form *fm)
{
	char *v = adm_form_get(fm, 0);
	struct mc_err err;
	int rc = -1;

	if (v == NULL)
		return -1;
	if (!admin_may(u, MC_ACT_SETTING))
		;
	else if (setting_set(u->db, u->officer.username, fm->key, v, &err) != 0)
		ui_error(u, "%s", err.msg);	/* the form stays, the value typed too */
	else {
		ui_msg(u, _("%s = %s"), fm->key, v);
		rc = 0;
	}
	free(v);
	return rc;
}

static void
unset_yes(struct ui *u, void *arg)
{
	const struct mc_setting_info *si = arg;
	struct mc_err err;

	if (setting_unset(u->db, u->officer.username, si->name, &err) != 0)
		ui_error(u, "%s", err.msg);
	else
		ui_msg(u, _("%s is back to its default (%s)."), si->name, si->dflt);
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct st_settings *s = st;
	const struct mc_setting_info *si = nth(s->list.sel);
	struct adm_form *fm;
	char intro[512], value[256];

	(void)k;
	if (w_list_key(&s->list, a, LINES - 9))
		return true;
	switch (a) {
	case ACT_BACK:
		ui_pop(u);
		return true;
	case ACT_OK:
		if (!admin_may(u, MC_ACT_SETTING))
			return true;
		snprintf(intro, sizeof intro, "%s: %s", si->name, _(si->help));
		if ((fm = adm_form_open(u, intro, edit_submit)) == NULL)
			return true;
		snprintf(fm->key, sizeof fm->key, "%s", si->name);
		if (setting_get(u->db, si->name, value, sizeof value) != 0)
			value[0] = '\0';
		/* TRANSLATORS: form label, under 23 columns */
		w_field_set(&fm->f[adm_form_add(fm, N_("Value"), FK_TEXT, false)], value);
		fm->f[0].optional = true;
		return true;
	case ACT_DEFAULT:
		if (!admin_may(u, MC_ACT_SETTING))
			return true;
		snprintf(intro, sizeof intro, _("Put %s back to its default (%s)?"), si->name,
		    si->dflt[0] ? si->dflt : _("(empty)"));
		ui_confirm(u, intro, unset_yes, (void *)si);
		return true;
	default:
		return false;
	}
}

static const enum act hints[] = {
	ACT_HELP, ACT_OK, ACT_DEFAULT, ACT_UP, ACT_DOWN, ACT_BACK, ACT_NONE,
};

static const struct screen_ops screen_settings = {
	N_("Settings"), sizeof(struct st_settings), NULL, draw, key, NULL, hints,
	KM_ADM_SETTINGS, NULL,
};

void
admin_settings_open(struct ui *u)
{
	struct st_settings *s = ui_push_new(u, &screen_settings);

	if (s == NULL)
		return;
	while (setting_all()[s->n].name != NULL)
		s->n++;
	s->list.n = s->n;
}
