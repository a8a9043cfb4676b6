/* s-setup.c — first start on a fresh database: the unit's identity and
 * the first officer (a supervisor) with a password, in one short form.  Nothing is
 * written until the last field is confirmed; Esc asks, then leaves, and
 * the program removes the database file it created (main.c). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "motcua/auth.h"
#include "motcua/catalog.h"
#include "motcua/demo.h"
#include "motcua/i18n.h"
#include "ui-int.h"

enum {
	SF_CODE, SF_NAME, SF_ADDRESS, SF_STATION, SF_USER, SF_FULL, SF_PASS, SF_PASS2,
	SF_SAMPLE, SF_COUNT
};

/* The sample catalog: yes by default, so that F2 works on the first
 * morning; it says plainly that it is to be replaced. */
static const char *const sample_choices[] = {
	N_("no"), N_("yes (sample data)"), NULL,
};

struct st_setup {
	bool need_unit;		/* false: the unit exists, only an officer is missing */
	struct w_field f[SF_COUNT];
	int focus;
};

static int
first_field(const struct st_setup *s)
{
	return s->need_unit ? SF_CODE : SF_USER;
}

static int
last_field(const struct st_setup *s)
{
	return s->need_unit ? SF_SAMPLE : SF_PASS2;
}

static bool
username_ok(const char *v)
{
	size_t n = strlen(v);

	if (n == 0 || n > MC_USER_LEN - 1)
		return false;
	return strspn(v, "abcdefghijklmnopqrstuvwxyz0123456789._-") == n;
}

/* Check one field; -1 with the message on the bottom line. */
static int
check(struct ui *u, struct st_setup *s, int i)
{
	char *v = w_field_get(&s->f[i]);
	int rc = 0;

	if (v == NULL)
		return -1;
	if (i == SF_CODE && !unit_code_valid(v)) {
		ui_error(u, _("the unit code '%s' is not valid: it looks like "
		    "000.17.22.H56 (QCVN 102:2016)"), v);
		rc = -1;
	} else if ((i == SF_NAME || i == SF_FULL) && strspn(v, " ") == strlen(v)) {
		ui_error(u, "%s", _("this field cannot be empty"));
		rc = -1;
	} else if (i == SF_STATION && (strlen(v) != 1 || v[0] < '1' || v[0] > '9')) {
		ui_error(u, "%s", _("the station number is 1 to 9 (each PC of the unit has "
		    "its own)"));
		rc = -1;
	} else if (i == SF_USER && !username_ok(v)) {
		ui_error(u, _("the username '%s' is not valid: use 1 to 32 lower-case letters, "
		    "digits, '.', '_' or '-'"), v);
		rc = -1;
	} else if (i == SF_PASS) {
		struct mc_err err;

		/* the rule of the setting password_kind (auth.h) */
		if (auth_policy_check(u->db, v, &err) != 0) {
			ui_error(u, "%s", err.msg);
			rc = -1;
		}
	} else if (i == SF_PASS2) {
		char *first = w_field_get(&s->f[SF_PASS]);

		if (first == NULL || strcmp(first, v) != 0) {
			ui_error(u, "%s", _("the two passwords differ: type the same one twice"));
			rc = -1;
		}
		if (first != NULL)
			sodium_memzero(first, strlen(first));
		free(first);
	}
	if (i == SF_PASS || i == SF_PASS2)
		sodium_memzero(v, strlen(v));
	free(v);
	return rc;
}

static void
finish(struct ui *u, void *arg)
{
	struct st_setup *s = arg;
	struct mc_unit unit;
	struct mc_err err;
	struct catalog_stats cs;
	char *v[SF_COUNT] = {0};
	int rc = -1;

	for (int i = 0; i < SF_COUNT; i++)
		if ((v[i] = w_field_get(&s->f[i])) == NULL)
			goto out;
	if (s->need_unit) {
		memset(&unit, 0, sizeof unit);
		snprintf(unit.code, sizeof unit.code, "%s", v[SF_CODE]);
		snprintf(unit.name, sizeof unit.name, "%s", v[SF_NAME]);
		snprintf(unit.address, sizeof unit.address, "%s", v[SF_ADDRESS]);
		unit.station = v[SF_STATION][0] - '0';
		if (unit_init(u->db, &unit, &err) != 0)
			goto fail;
		s->need_unit = false;	/* done: a retry only adds the officer */
	}
	if (auth_officer_add(u->db, NULL, v[SF_USER], v[SF_FULL], MC_ROLE_SUPERVISOR, v[SF_PASS],
	    &err) != 0)
		goto fail;
	if (s->f[SF_SAMPLE].choice == 1 &&
	    catalog_import_json(u->db, v[SF_USER], catalog_sample_json, &cs, &err) != 0)
		ui_error(u, "%s", err.msg);	/* the unit stands; import later */
	if (unit_get(u->db, &u->unit, &err) != 0 ||
	    unit_officer_get(u->db, v[SF_USER], &u->officer, &err) != 0)
		goto fail;
	rc = 0;
	goto out;
fail:
	ui_error(u, "%s", err.msg);
out:
	for (int i = 0; i < SF_COUNT; i++) {
		if (v[i] != NULL && (i == SF_PASS || i == SF_PASS2))
			sodium_memzero(v[i], strlen(v[i]));
		free(v[i]);
	}
	if (rc == 0) {
		/* the supervisor just typed their password: logged in */
		ui_session_start(u, &u->officer);	/* (officer_add is the record) */
		ui_msg(u, "%s", _("Setup done. Welcome!"));
	}
}

static void
draw(struct ui *u, void *st)
{
	struct st_setup *s = st;
	int y = 3;

	/* two lines at most, broken between words (rows 3 and 4 are free) */
	draw_wrap(2, 2, s->need_unit ? _("A new database: tell motcua who you are. Esc "
	    "leaves (nothing is written).") : _("No officer yet: add the first one (a "
	    "supervisor)."), COLS - 4, 2);
	for (int i = first_field(s); i <= last_field(s); i++) {
		w_field_draw(u, &s->f[i], y + 2, 2, 24, COLS - 6, i == s->focus);
		y += 2;
	}
	if (s->focus == SF_CODE)
		draw_wrap(LINES - 4, 2, _("Agency code per QCVN 102:2016, e.g. 000.17.22.H56: "
		    "it starts every dossier code."), COLS - 4, 1);
	if (s->focus == SF_SAMPLE)
		draw_wrap(LINES - 4, 2, _("Sample data — replace it with the province's "
		    "catalog (F9 → Catalog)."), COLS - 4, 1);
}

static void
quit_setup(struct ui *u, void *arg)
{
	(void)arg;
	ui_pop(u);	/* the last screen: the program ends */
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct st_setup *s = st;

	if (a == ACT_OK) {
		w_field_commit(&s->f[s->focus]);
		if (check(u, s, s->focus) != 0)
			return true;
		if (s->focus < last_field(s)) {
			s->focus++;
			return true;
		}
		for (int i = first_field(s); i <= last_field(s); i++)
			if (check(u, s, i) != 0) {
				s->focus = i;
				return true;
			}
		ui_confirm(u, _("Save these details and start?"), finish, s);
		return true;
	}
	if ((a == ACT_UP || a == ACT_PREV) && s->focus > first_field(s)) {
		w_field_commit(&s->f[s->focus]);
		s->focus--;
		return true;
	}
	if ((a == ACT_DOWN || a == ACT_NEXT) && s->focus < last_field(s)) {
		w_field_commit(&s->f[s->focus]);
		s->focus++;
		return true;
	}
	if (a == ACT_BACK || a == ACT_QUIT) {
		/* asked first: what was typed would be lost; the program then
		 * removes the database it created (main.c) */
		ui_confirm(u, s->need_unit ? _("Leave the setup? Nothing is saved and the "
		    "new database is removed.") : _("Leave the setup? No officer is added."),
		    quit_setup, s);
		return true;
	}
	return w_field_key(u, &s->f[s->focus], k, a);
}

/* What was typed in the password fields does not outlive the screen. */
static void
leave(struct ui *u, void *st)
{
	struct st_setup *s = st;

	(void)u;
	if (s == NULL)
		return;		/* the push failed before the state was made */
	sodium_memzero(&s->f[SF_PASS], sizeof s->f[SF_PASS]);
	sodium_memzero(&s->f[SF_PASS2], sizeof s->f[SF_PASS2]);
}

static keymask
keymap(const void *st)
{
	const struct st_setup *s = st;

	return KM_SETUP | w_field_focus(&s->f[s->focus]);
}

static const enum act hints[] = {
	ACT_HELP, ACT_OK, ACT_UP, ACT_DOWN, ACT_TELEX, ACT_BACK, ACT_NONE,
};

static const struct screen_ops screen_setup = {
	N_("First start: setup"), sizeof(struct st_setup), NULL, draw, key, leave, hints,
	KM_SETUP | KF_TEXT | KF_CHOICE, keymap,
};

void
setup_open(struct ui *u, bool need_unit)
{
	struct st_setup *s;

	if ((s = ui_push_new(u, &screen_setup)) == NULL)
		return;
	s->need_unit = need_unit;
	/* TRANSLATORS: setup form labels, under 23 columns */
	w_field_init(&s->f[SF_CODE], N_("Unit code"), FK_TEXT, false);
	w_field_init(&s->f[SF_NAME], N_("Unit name"), FK_TEXT, true);
	w_field_init(&s->f[SF_ADDRESS], N_("Unit address"), FK_TEXT, true);
	w_field_init(&s->f[SF_STATION], N_("Station number (1-9)"), FK_DIGITS, false);
	w_field_init(&s->f[SF_USER], N_("Officer username"), FK_TEXT, false);
	w_field_init(&s->f[SF_FULL], N_("Officer full name"), FK_TEXT, true);
	w_field_init(&s->f[SF_PASS], N_("Password"), FK_SECRET, false);
	w_field_init(&s->f[SF_PASS2], N_("Password again"), FK_SECRET, false);
	w_field_init(&s->f[SF_SAMPLE], N_("Load sample catalog"), FK_CHOICE, false);
	s->f[SF_SAMPLE].choices = sample_choices;
	s->f[SF_SAMPLE].choice = 1;
	w_field_set(&s->f[SF_STATION], "1");
	s->focus = first_field(s);
}
