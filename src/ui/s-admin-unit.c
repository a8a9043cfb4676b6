/* s-admin-unit.c — F9 → The unit: a supervisor's form of the unit's
 * names after the 2025 reform (the parent authority, the receiving body,
 * the place of the forms' date line), its address and phone, saved by
 * unit_set (unit.h), which checks the role and each value. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "motcua/i18n.h"
#include "s-admin.h"

enum { UF_NAME, UF_BODY, UF_PLACE, UF_ADDRESS, UF_PHONE, UF_COUNT };

static int
unit_submit(struct ui *u, struct adm_form *fm)
{
	char *v[UF_COUNT] = {0};
	struct mc_unit_change c;
	struct mc_err err;
	int rc = -1;

	for (int i = 0; i < UF_COUNT; i++)
		if ((v[i] = adm_form_get(fm, i)) == NULL) {
			ui_error(u, "%s", _("out of memory"));
			goto out;
		}
	if (!admin_may(u, MC_ACT_SETTING))
		goto out;
	c = (struct mc_unit_change){
		.name = v[UF_NAME], .body = v[UF_BODY], .place = v[UF_PLACE],
		.address = v[UF_ADDRESS], .phone = v[UF_PHONE],
	};
	/* a refusal keeps the form as typed, with the reason */
	if (unit_set(u->db, u->officer.username, &c, &err) != 0 ||
	    unit_get(u->db, &u->unit, &err) != 0) {
		ui_error(u, "%s", err.msg);
		goto out;
	}
	ui_msg(u, _("The unit is now: %s; %s; place %s."), u->unit.name, u->unit.body,
	    u->unit.place);
	rc = 0;
out:
	for (int i = 0; i < UF_COUNT; i++)
		free(v[i]);
	return rc;
}

void
admin_unit_open(struct ui *u)
{
	struct adm_form *fm;
	struct mc_unit now;
	struct mc_err err;

	if (!admin_may(u, MC_ACT_SETTING))
		return;
	if (unit_get(u->db, &now, &err) != 0) {
		ui_error(u, "%s", err.msg);
		return;
	}
	if ((fm = adm_form_open(u, _("The unit as the forms name it: the parent authority "
	    "heads them, the receiving body receives, the place dates them."),
	    unit_submit)) == NULL)
		return;
	/* TRANSLATORS: the unit form's labels, under 23 columns */
	w_field_set(&fm->f[adm_form_add(fm, N_("Unit name"), FK_TEXT, true)], now.name);
	w_field_set(&fm->f[adm_form_add(fm, N_("Receiving body"), FK_TEXT, true)], now.body);
	w_field_set(&fm->f[adm_form_add(fm, N_("Place on the forms"), FK_TEXT, true)],
	    now.place);
	w_field_set(&fm->f[adm_form_add(fm, N_("Unit address"), FK_TEXT, true)], now.address);
	w_field_set(&fm->f[adm_form_add(fm, N_("Unit phone"), FK_TEXT, false)], now.phone);
	fm->f[UF_ADDRESS].optional = true;
	fm->f[UF_PHONE].optional = true;
	/* each shown from its start */
	for (int i = 0; i < UF_COUNT; i++)
		fm->f[i].cur = fm->f[i].scroll = 0;
}
