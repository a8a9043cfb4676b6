/* s-admin-officers.c — F9 Officers: the list (username, name, role,
 * active, locked) and a supervisor's changes: add an officer with an
 * initial password, deactivate or reactivate, reset a password (to be
 * changed at the next login), change a role, end a lock.  Core checks the
 * rules (auth.h, unit.h); this screen asks and shows. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/auth.h"
#include "motcua/i18n.h"
#include "s-admin.h"

#define OFFICERS_MAX 256

struct row {
	struct mc_officer o;
	bool locked, must_change;
};

struct st_officers {
	struct w_list list;
	struct row rows[OFFICERS_MAX];
	size_t n;
};

/* The roles in enum order, for the choice fields. */
static const char *const roles[] = { N_("officer"), N_("supervisor"), N_("auditor"),
	NULL };

static int
collect(const struct mc_officer *o, void *arg)
{
	struct st_officers *s = arg;

	if (s->n >= OFFICERS_MAX)
		return 1;
	s->rows[s->n++].o = *o;
	return 0;
}

static void
reload(struct ui *u, struct st_officers *s)
{
	struct mc_err err;
	struct mc_time now;

	s->n = 0;
	if (unit_officer_list(u->db, collect, s, &err) != 0)
		ui_error(u, "%s", err.msg);
	date_now(&now);
	for (size_t i = 0; i < s->n; i++) {
		struct mc_auth_state as;

		if (auth_state(u->db, s->rows[i].o.username, &now, &as, &err) == 0) {
			s->rows[i].locked = as.locked;
			s->rows[i].must_change = as.must_change;
		}
	}
	s->list.n = s->n;
	if (s->list.sel >= s->n)
		s->list.sel = s->n > 0 ? s->n - 1 : 0;
}

static void
row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	struct st_officers *s = arg;
	const struct row *r = &s->rows[i];
	char line[512], name[64];

	(void)u;
	(void)sel;
	/* the name cut to 28 columns (by bytes here: draw_text cuts the line) */
	snprintf(name, sizeof name, "%s", r->o.full_name);
	snprintf(line, sizeof line, "%-14s %-11s %-9s %-7s %-11s %s", r->o.username,
	    _(roles[r->o.role]), r->o.active ? _("active") : _("inactive"),
	    r->locked ? _("locked") : "", r->must_change ? _("must change") : "", name);
	draw_text(y, x + 1, line, width - 1, false);
}

static void
draw(struct ui *u, void *st)
{
	struct st_officers *s = st;
	char head[256];

	snprintf(head, sizeof head, "%-14s %-11s %-9s %-7s %-11s %s", _("Username"), _("Role"),
	    _("Status"), _("Lock"), _("Password"), _("Full name"));
	attrset(draw_attr(AT_TITLE));
	draw_text(3, 3, head, COLS - 4, false);
	attrset(A_NORMAL);
	w_list_draw(u, &s->list, 4, 2, LINES - 8, COLS - 4, row, s);
	admin_draw_mode(u, MC_ACT_OFFICER);
}

static const struct mc_officer *
selected(struct st_officers *s)
{
	return s->n > 0 ? &s->rows[s->list.sel].o : NULL;
}

/* ---- the forms ---------------------------------------------------------- */

enum { AF_USER, AF_NAME, AF_ROLE, AF_PASS, AF_PASS2 };

/* The two passwords typed: the same, and core's policy.  0 or -1 (said). */
static int
two_passwords(struct ui *u, const char *a, const char *b)
{
	struct mc_err err;

	if (strcmp(a, b) != 0) {
		ui_error(u, "%s", _("the two passwords differ: type the same one twice"));
		return -1;
	}
	if (auth_policy_check(u->db, a, &err) != 0) {
		ui_error(u, "%s", err.msg);
		return -1;
	}
	return 0;
}

static int
add_submit(struct ui *u, struct adm_form *fm)
{
	char *user = adm_form_get(fm, AF_USER), *name = adm_form_get(fm, AF_NAME);
	char *p1 = adm_form_get(fm, AF_PASS), *p2 = adm_form_get(fm, AF_PASS2);
	struct mc_err err;
	int rc = -1;

	if (user == NULL || name == NULL || p1 == NULL || p2 == NULL)
		ui_error(u, "%s", _("out of memory"));
	else if (two_passwords(u, p1, p2) == 0) {
		if (!admin_may(u, MC_ACT_OFFICER))
			;
		else if (auth_officer_add(u->db, u->officer.username, user, name,
		    (enum mc_role)fm->f[AF_ROLE].choice, p1, &err) != 0)
			ui_error(u, "%s", err.msg);
		else {
			ui_msg(u, _("Officer %s added, with the password typed."), user);
			rc = 0;
		}
	}
	free(user);
	free(name);
	adm_wipe(p1);
	adm_wipe(p2);
	return rc;
}

static int
reset_submit(struct ui *u, struct adm_form *fm)
{
	char *p1 = adm_form_get(fm, 0), *p2 = adm_form_get(fm, 1);
	struct mc_err err;
	int rc = -1;

	if (p1 == NULL || p2 == NULL)
		ui_error(u, "%s", _("out of memory"));
	else if (two_passwords(u, p1, p2) == 0) {
		if (auth_reset(u->db, u->officer.username, fm->key, p1, &err) != 0)
			ui_error(u, "%s", err.msg);
		else {
			ui_msg(u, _("Password of %s reset: they must change it at the next "
			    "login."), fm->key);
			rc = 0;
		}
	}
	adm_wipe(p1);
	adm_wipe(p2);
	return rc;
}

static int
role_submit(struct ui *u, struct adm_form *fm)
{
	struct mc_err err;
	enum mc_role r = (enum mc_role)fm->f[0].choice;

	if (unit_officer_set_role(u->db, u->officer.username, fm->key, r, &err) != 0) {
		ui_error(u, "%s", err.msg);
		return -1;
	}
	ui_msg(u, _("%s is now %s."), fm->key, _(roles[r]));
	return 0;
}

static void
set_active(struct ui *u, void *arg)
{
	struct st_officers *s = arg;
	const struct mc_officer *o = selected(s);
	struct mc_err err;

	if (o == NULL)
		return;
	if (unit_officer_set_active(u->db, u->officer.username, o->username, !o->active,
	    &err) != 0)
		ui_error(u, "%s", err.msg);
	else
		ui_msg(u, o->active ? _("Officer %s deactivated (kept: events name them).") :
		    _("Officer %s activated again."), o->username);
	reload(u, s);
}

static void
unlock(struct ui *u, void *arg)
{
	struct st_officers *s = arg;
	const struct mc_officer *o = selected(s);
	struct mc_err err;

	if (o == NULL)
		return;
	if (auth_unlock(u->db, u->officer.username, o->username, &err) != 0)
		ui_error(u, "%s", err.msg);
	else
		ui_msg(u, _("Officer %s unlocked."), o->username);
	reload(u, s);
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct st_officers *s = st;
	const struct mc_officer *o = selected(s);
	struct adm_form *fm;
	char q[512];

	(void)k;
	if (w_list_key(&s->list, a, LINES - 8))
		return true;
	switch (a) {
	case ACT_BACK:
		ui_pop(u);
		return true;
	case ACT_ADD:
	case ACT_ACTIVE:
	case ACT_PASSWORD:
	case ACT_ROLE:
	case ACT_UNLOCK:
		break;
	default:
		return false;
	}
	if (!admin_may(u, MC_ACT_OFFICER))
		return true;
	if (a != ACT_ADD && o == NULL) {
		ui_error(u, "%s", _("no officer yet: a adds one"));
		return true;
	}
	switch (a) {
	case ACT_ADD:
		fm = adm_form_open(u, _("A new officer: the username they log in with, "
		    "the full name, the role and a first password (typed twice)."),
		    add_submit);
		if (fm == NULL)
			break;
		/* TRANSLATORS: form labels, under 23 columns */
		adm_form_add(fm, N_("Username"), FK_TEXT, false);
		adm_form_add(fm, N_("Full name"), FK_TEXT, true);
		adm_form_add(fm, N_("Role"), FK_CHOICE, false);
		fm->f[AF_ROLE].choices = roles;
		adm_form_add(fm, N_("Password"), FK_SECRET, false);
		adm_form_add(fm, N_("Password again"), FK_SECRET, false);
		break;
	case ACT_ACTIVE:
		snprintf(q, sizeof q, o->active ? _("Deactivate %s (%s)? They can no longer log "
		    "in; their dossiers and events stay.") : _("Activate %s (%s) again?"),
		    o->username, o->full_name);
		ui_confirm(u, q, set_active, s);
		break;
	case ACT_PASSWORD:
		snprintf(q, sizeof q, _("A temporary password for %s (%s), typed twice: they "
		    "must set their own at the next login."), o->username, o->full_name);
		if ((fm = adm_form_open(u, q, reset_submit)) == NULL)
			break;
		snprintf(fm->key, sizeof fm->key, "%s", o->username);
		adm_form_add(fm, N_("Temporary password"), FK_SECRET, false);
		adm_form_add(fm, N_("Password again"), FK_SECRET, false);
		break;
	case ACT_ROLE:
		if ((fm = adm_form_open(u, _("The new role (Space or ← → to choose, "
		    "Enter to save)."), role_submit)) == NULL)
			break;
		snprintf(fm->key, sizeof fm->key, "%s", o->username);
		adm_form_add(fm, N_("Role"), FK_CHOICE, false);
		fm->f[0].choices = roles;
		fm->f[0].choice = (int)o->role;
		break;
	case ACT_UNLOCK:
		snprintf(q, sizeof q, _("Unlock %s (%s)?"), o->username, o->full_name);
		ui_confirm(u, q, unlock, s);
		break;
	default:
		break;
	}
	return true;
}

/* After a form closes, the list shows what changed. */
static void
draw_reload(struct ui *u, void *st)
{
	struct st_officers *s = st;

	reload(u, s);
	draw(u, s);
}

static const enum act hints[] = {
	ACT_HELP, ACT_ADD, ACT_ACTIVE, ACT_PASSWORD, ACT_ROLE, ACT_UNLOCK, ACT_BACK,
	ACT_UP, ACT_DOWN, ACT_NONE,
};

static const struct screen_ops screen_officers = {
	N_("Officers"), sizeof(struct st_officers), NULL, draw_reload, key, NULL, hints,
	KM_ADM_OFFICERS, NULL,
};

void
admin_officers_open(struct ui *u)
{
	struct st_officers *s = ui_push_new(u, &screen_officers);

	if (s != NULL)
		reload(u, s);
}
