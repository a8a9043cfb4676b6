/* s-setup.c — first start on a fresh database, in two steps: (1) the
 * unit's identity and the first officer (a supervisor) with a password;
 * (2) the procedure catalog: the sample (the default), the province's
 * from a USB stick (ui-media.c finds the files), or none.  Nothing is
 * written until step 2 is confirmed; Esc asks, then leaves, and the
 * program removes the database file it created (main.c).  A catalog
 * that fails to import leaves the unit and the officer saved and the
 * wizard on step 2, with the file and the reason, for another choice.
 * When the unit exists and only an officer is missing, step 1 alone.
 * The unit's name is its parent authority; the receiving body and the
 * place of the forms' date line are filled from it when the name field is
 * left (unit.h's defaults), until the officer types their own. */
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
#include "ui-media.h"

enum {
	SF_CODE, SF_NAME, SF_BODY, SF_PLACE, SF_ADDRESS, SF_STATION, SF_USER, SF_FULL, SF_PASS, SF_PASS2,
	SF_COUNT
};

#define FILES_MAX 16
/* the rows of step 2: the sample, the files (or the row saying there is
 * none), none */
#define ROWS_MAX (FILES_MAX + 2)
#define LIST_Y 6
#define LIST_H 8
#define NOTE_Y (LIST_Y + LIST_H + 1)

enum row_kind { ROW_SAMPLE, ROW_FILE, ROW_NOFILE, ROW_NONE };

struct st_setup {
	bool need_unit;		/* false: the unit exists, only an officer is missing */
	bool with_catalog;	/* step 2 too: the unit was missing at the start */
	bool saved;		/* the unit and the officer are written: the catalog is left */
	int step;		/* 1: the form; 2: the catalog */
	struct w_field f[SF_COUNT];
	int focus;
	/* the body and place last filled in from the name: replaced when the
	 * name changes, unless the officer typed another */
	char auto_body[256], auto_place[128];
	char user[MC_USER_LEN];	/* the officer saved, who imports the catalog */
	char *files[FILES_MAX];	/* catalog files on the media, full paths */
	size_t nfiles;
	char *rows[ROWS_MAX];	/* the texts of step 2's rows */
	struct w_list list;
	char failed[1024];	/* the last refusal: the file and why */
};

static int
first_field(const struct st_setup *s)
{
	return s->need_unit ? SF_CODE : SF_USER;
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
	} else if ((i == SF_NAME || i == SF_BODY || i == SF_PLACE || i == SF_FULL) &&
	    strspn(v, " ") == strlen(v)) {
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

/* ---- step 2: the rows ---------------------------------------------------- */

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/* What row i of step 2 is; *file the index into s->files for ROW_FILE. */
static enum row_kind
row_kind(const struct st_setup *s, size_t i, size_t *file)
{
	size_t nusb = s->nfiles > 0 ? s->nfiles : 1;

	if (i == 0)
		return ROW_SAMPLE;
	if (i > nusb)
		return ROW_NONE;
	if (s->nfiles == 0)
		return ROW_NOFILE;
	*file = i - 1;
	return ROW_FILE;
}

static void
rows_free(struct st_setup *s)
{
	for (size_t i = 0; i < s->list.n; i++) {
		free(s->rows[i]);
		s->rows[i] = NULL;
	}
	s->list.n = 0;
}

/* A row's text, malloc'd (NULL when memory ran out: drawn empty). */
static char *
row_text(const struct st_setup *s, size_t i)
{
	char buf[1200], medium[512];
	size_t file = 0;

	switch (row_kind(s, i, &file)) {
	case ROW_SAMPLE:
		return strdup(_("The sample catalog (sample data — replace it with the "
		    "province's catalog, F9 → Catalog)"));
	case ROW_FILE:
		/* the stick's name: the folder the file is in */
		snprintf(medium, sizeof medium, "%s", s->files[file]);
		*strrchr(medium, '/') = '\0';
		snprintf(buf, sizeof buf, _("The province's catalog from the USB stick: %s "
		    "(on %s)"), base_name(s->files[file]), base_name(medium));
		return strdup(buf);
	case ROW_NOFILE:
		return strdup(_("The province's catalog from a USB stick: no catalog file "
		    "found"));
	case ROW_NONE:
		break;
	}
	return strdup(_("No catalog for now (import it later: F9 → Catalog)"));
}

/* Look at the media again; the file chosen stays chosen if still there,
 * else the first file found when the officer was on the USB rows. */
static void
rescan(struct st_setup *s)
{
	char keep[1024] = "";
	size_t file = 0, sel = s->list.sel;
	enum row_kind was = s->list.n > 0 ? row_kind(s, sel, &file) : ROW_SAMPLE;

	if (was == ROW_FILE)
		snprintf(keep, sizeof keep, "%s", s->files[file]);
	rows_free(s);
	media_free(s->files, s->nfiles);
	s->nfiles = media_catalogs(s->files, FILES_MAX);
	s->list.n = 2 + (s->nfiles > 0 ? s->nfiles : 1);
	for (size_t i = 0; i < s->list.n; i++)
		s->rows[i] = row_text(s, i);
	if (was == ROW_NONE)
		s->list.sel = s->list.n - 1;
	else if (was == ROW_FILE || was == ROW_NOFILE)
		s->list.sel = 1;
	for (size_t i = 0; i < s->nfiles; i++)
		if (strcmp(s->files[i], keep) == 0)
			s->list.sel = 1 + i;
}

/* ---- saving ----------------------------------------------------------------- */

/* The unit (when missing) and the officer: 0, or -1 with the message. */
static int
save_identity(struct ui *u, struct st_setup *s)
{
	struct mc_unit unit;
	struct mc_err err;
	char *v[SF_COUNT] = {0};
	int rc = -1;

	for (int i = 0; i < SF_COUNT; i++)
		if ((v[i] = w_field_get(&s->f[i])) == NULL)
			goto out;
	if (s->need_unit) {
		memset(&unit, 0, sizeof unit);
		snprintf(unit.code, sizeof unit.code, "%s", v[SF_CODE]);
		snprintf(unit.name, sizeof unit.name, "%s", v[SF_NAME]);
		snprintf(unit.body, sizeof unit.body, "%s", v[SF_BODY]);
		snprintf(unit.place, sizeof unit.place, "%s", v[SF_PLACE]);
		snprintf(unit.address, sizeof unit.address, "%s", v[SF_ADDRESS]);
		unit.station = v[SF_STATION][0] - '0';
		if (unit_init(u->db, &unit, &err) != 0)
			goto fail;
		s->need_unit = false;	/* done: a retry only adds the officer */
	}
	if (auth_officer_add(u->db, NULL, v[SF_USER], v[SF_FULL], MC_ROLE_SUPERVISOR, v[SF_PASS],
	    &err) != 0)
		goto fail;
	snprintf(s->user, sizeof s->user, "%s", v[SF_USER]);
	s->saved = true;
	/* the password is kept as a hash now: not in memory any longer */
	sodium_memzero(&s->f[SF_PASS], sizeof s->f[SF_PASS]);
	sodium_memzero(&s->f[SF_PASS2], sizeof s->f[SF_PASS2]);
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
	return rc;
}

/* Logged in as the officer saved, on the main screen, with `done` (the
 * setup screen is gone afterwards). */
static void
start_session(struct ui *u, struct st_setup *s, const char *done)
{
	struct mc_err err;
	char msg[600];

	snprintf(msg, sizeof msg, "%s", done);
	if (unit_get(u->db, &u->unit, &err) != 0 ||
	    unit_officer_get(u->db, s->user, &u->officer, &err) != 0) {
		ui_error(u, "%s", err.msg);
		return;
	}
	/* the supervisor just typed their password: logged in */
	ui_session_start(u, &u->officer);	/* (officer_add is the record) */
	ui_msg(u, "%s", msg);
}

/* The catalog of row `sel`, imported as the officer saved; on success the
 * session starts, on a refusal the reason stays on step 2. */
static void
import_catalog(struct ui *u, struct st_setup *s)
{
	struct catalog_stats cs;
	struct mc_err err;
	size_t file = 0;
	char done[600];
	int n;

	s->failed[0] = '\0';
	switch (row_kind(s, s->list.sel, &file)) {
	case ROW_SAMPLE:
		if (catalog_import_json(u->db, s->user, catalog_sample_json, &cs, &err) != 0) {
			snprintf(s->failed, sizeof s->failed, "%s", err.msg);
			beep();
			return;
		}
		n = cs.added + cs.amended + cs.unchanged;
		snprintf(done, sizeof done, _("Setup done: the sample catalog's %d "
		    "procedures are loaded. Welcome!"), n);
		break;
	case ROW_FILE:
		if (catalog_import_file(u->db, s->user, s->files[file], &cs, &err) != 0) {
			/* TRANSLATORS: %1$s a file's name, %2$s why it was refused */
			snprintf(s->failed, sizeof s->failed, _("%s was not imported: %s"),
			    base_name(s->files[file]), err.msg);
			beep();
			rescan(s);	/* the stick may have changed meanwhile */
			return;
		}
		n = cs.added + cs.amended + cs.unchanged;
		snprintf(done, sizeof done, _("Setup done: %d procedures imported from %s. "
		    "Welcome!"), n, base_name(s->files[file]));
		break;
	case ROW_NOFILE:
		return;		/* not a catalog: Enter looks again (key) */
	case ROW_NONE:
	default:
		snprintf(done, sizeof done, "%s", _("Setup done, without a catalog (F9 → "
		    "Catalog imports it). Welcome!"));
		break;
	}
	start_session(u, s, done);
}

static void
finish(struct ui *u, void *arg)
{
	struct st_setup *s = arg;

	if (!s->saved && save_identity(u, s) != 0)
		return;
	if (s->step == 1)
		start_session(u, s, _("Setup done. Welcome!"));
	else
		import_catalog(u, s);
}

/* ---- the screen -------------------------------------------------------------- */

static void
draw_form(struct ui *u, struct st_setup *s)
{
	int y = 3;

	/* two lines at most, broken between words (rows 3 and 4 are free) */
	draw_wrap(2, 2, s->need_unit ? _("A new database: tell motcua who you are. Esc "
	    "leaves (nothing is written).") : _("No officer yet: add the first one (a "
	    "supervisor)."), COLS - 4, 2);
	/* eleven fields a line each on a new database (rows 5 to 15), the
	 * officer's four a line apart */
	for (int i = first_field(s); i < SF_COUNT; i++) {
		w_field_draw(u, &s->f[i], y + 2, 2, 24, COLS - 6, i == s->focus);
		y += s->need_unit ? 1 : 2;
	}
	/* under the last field, two lines, broken between words */
	if (s->focus == SF_CODE)
		draw_wrap(LINES - 4, 2, _("Agency code per QCVN 102:2016, e.g. 000.17.22.H56: "
		    "it starts every dossier code."), COLS - 4, 2);
	if (s->focus == SF_NAME)
		draw_wrap(LINES - 4, 2, _("The parent authority, e.g. UBND xã Phước Long: the "
		    "forms' first header line."), COLS - 4, 2);
	if (s->focus == SF_BODY)
		draw_wrap(LINES - 4, 2, _("The body that receives dossiers, e.g. Trung tâm "
		    "Phục vụ hành chính công xã Phước Long, or Bộ phận Một cửa."), COLS - 4, 2);
	if (s->focus == SF_PLACE)
		draw_wrap(LINES - 4, 2, _("The place before the forms' date, as Phước Long in "
		    "\"Phước Long, ngày 30 tháng 11 năm 2026\"."), COLS - 4, 2);
	if (s->focus == SF_PASS2 && s->with_catalog)
		draw_wrap(LINES - 4, 2, _("Enter: on to the procedure catalog (step 2 of 2)."),
		    COLS - 4, 2);
}

/* Step 2's rows as choices, "(•)" on the chosen one, each text wrapped
 * under itself over up to two lines; from list.top, which moves so that
 * the chosen row is shown. */
static void
draw_rows(struct st_setup *s, int y, int height, int width)
{
	int used = 0;
	size_t i;

	if (s->list.sel < s->list.top)
		s->list.top = s->list.sel;
	for (;;) {
		int need = 0;

		for (i = s->list.top; i <= s->list.sel; i++)
			need += draw_wrap_lines(s->rows[i], width - 5, 2);
		if (need <= height || s->list.top == s->list.sel)
			break;
		s->list.top++;
	}
	for (i = s->list.top; i < s->list.n && used < height; i++) {
		int lines = draw_wrap_lines(s->rows[i], width - 5, 2);

		if (lines < 1)
			lines = 1;
		if (used + lines > height)
			break;
		attrset(i == s->list.sel ? draw_attr(AT_SELECT) : A_NORMAL);
		mvaddstr(y + used, 2, i == s->list.sel ? "(•)" : "( )");
		draw_wrap(y + used, 6, s->rows[i], width - 5, lines);
		attrset(A_NORMAL);
		used += lines;
	}
	if (s->list.top > 0)
		mvaddstr(y, 2 + width - 1, "↑");
	if (i < s->list.n)
		mvaddstr(y + height - 1, 2 + width - 1, "↓");
}

static void
draw_catalog(struct st_setup *s)
{
	size_t file = 0;
	char line[1100];

	attrset(draw_attr(AT_TITLE));
	draw_wrap(2, 2, _("Step 2 of 2: the procedure catalog. Choose with ↑ ↓, then "
	    "Enter."), COLS - 4, 1);
	attrset(A_NORMAL);
	draw_wrap(3, 2, _("F2 receives the procedures of the catalog. The province's "
	    "catalog is a .json file at the top of a USB stick."), COLS - 4, 2);
	draw_rows(s, LIST_Y, LIST_H, COLS - 4);
	if (s->failed[0] != '\0') {
		attrset(draw_attr(AT_ERROR));
		draw_wrap(NOTE_Y, 2, s->failed, COLS - 4, LINES - 3 - NOTE_Y);
		attrset(A_NORMAL);
		return;
	}
	switch (row_kind(s, s->list.sel, &file)) {
	case ROW_FILE:
		snprintf(line, sizeof line, _("File: %s"), s->files[file]);
		draw_wrap(NOTE_Y, 2, line, COLS - 4, 3);
		break;
	case ROW_NOFILE:
		draw_wrap(NOTE_Y, 2, _("No USB stick with a catalog file was found: plug in "
		    "the stick with the province's catalog (a .json file) and press Enter to "
		    "look again, or choose the sample catalog."), COLS - 4, 4);
		break;
	case ROW_SAMPLE:
	case ROW_NONE:
		break;
	}
}

static void
draw(struct ui *u, void *st)
{
	struct st_setup *s = st;

	if (s->step == 1)
		draw_form(u, s);
	else
		draw_catalog(s);
}

static void
quit_setup(struct ui *u, void *arg)
{
	(void)arg;
	ui_pop(u);	/* the last screen: the program ends */
}

static void
no_catalog(struct ui *u, void *arg)
{
	struct st_setup *s = arg;

	s->list.sel = s->list.n - 1;	/* the row "no catalog" */
	import_catalog(u, s);
}

/* The body and place from the name just left: each replaced when empty
 * or still what was filled in before. */
static void
fill_from_name(struct st_setup *s)
{
	char *name = w_field_get(&s->f[SF_NAME]), *body = w_field_get(&s->f[SF_BODY]);
	char *place = w_field_get(&s->f[SF_PLACE]);

	if (name != NULL && body != NULL && place != NULL && name[0] != '\0') {
		if (body[0] == '\0' || strcmp(body, s->auto_body) == 0) {
			unit_default_body(name, s->auto_body, sizeof s->auto_body);
			w_field_set(&s->f[SF_BODY], s->auto_body);
			/* shown from its start: a long body is wider than the
			 * field (the cursor goes to its end with End) */
			s->f[SF_BODY].cur = s->f[SF_BODY].scroll = 0;
		}
		if (place[0] == '\0' || strcmp(place, s->auto_place) == 0) {
			snprintf(s->auto_place, sizeof s->auto_place, "%s",
			    unit_default_place(name));
			w_field_set(&s->f[SF_PLACE], s->auto_place);
		}
	}
	free(name);
	free(body);
	free(place);
}

/* Leave the field with the focus for field i. */
static void
focus_to(struct st_setup *s, int i)
{
	w_field_commit(&s->f[s->focus]);
	if (s->focus == SF_NAME)
		fill_from_name(s);
	s->focus = i;
}

static bool
key_form(struct ui *u, struct st_setup *s, int k, enum act a)
{
	if (a == ACT_OK) {
		w_field_commit(&s->f[s->focus]);
		if (check(u, s, s->focus) != 0)
			return true;
		if (s->focus < SF_COUNT - 1) {
			focus_to(s, s->focus + 1);
			return true;
		}
		for (int i = first_field(s); i < SF_COUNT; i++)
			if (check(u, s, i) != 0) {
				s->focus = i;
				return true;
			}
		if (s->with_catalog) {
			s->step = 2;	/* nothing written yet */
			rescan(s);
		} else {
			ui_confirm(u, _("Save these details and start?"), finish, s);
		}
		return true;
	}
	if ((a == ACT_UP || a == ACT_PREV) && s->focus > first_field(s)) {
		focus_to(s, s->focus - 1);
		return true;
	}
	if ((a == ACT_DOWN || a == ACT_NEXT) && s->focus < SF_COUNT - 1) {
		focus_to(s, s->focus + 1);
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

static bool
key_catalog(struct ui *u, struct st_setup *s, enum act a)
{
	size_t file = 0;

	if (w_list_key(&s->list, a, LIST_H)) {
		s->failed[0] = '\0';
		return true;
	}
	if (a == ACT_OK && row_kind(s, s->list.sel, &file) == ROW_NOFILE) {
		rescan(s);
		if (s->nfiles == 0)
			ui_error(u, "%s", _("Still no catalog file on the USB stick."));
		else
			ui_msg(u, "%s", _("Catalog files found on the USB stick: choose one, "
			    "then Enter."));
		return true;
	}
	if (a == ACT_OK) {
		if (s->saved)
			import_catalog(u, s);
		else
			ui_confirm(u, _("Save these details and start?"), finish, s);
		return true;
	}
	if (a == ACT_BACK && !s->saved) {
		s->step = 1;	/* the form again, as it was typed */
		s->failed[0] = '\0';
		return true;
	}
	if (a == ACT_BACK) {
		ui_confirm(u, _("Start without a catalog? The unit and the officer are "
		    "saved; F9 → Catalog imports it later."), no_catalog, s);
		return true;
	}
	if (a == ACT_QUIT) {
		ui_confirm(u, s->saved ? _("Quit? The unit and the officer are saved: the "
		    "next start asks for the password.") : _("Leave the setup? Nothing is "
		    "saved and the new database is removed."), quit_setup, s);
		return true;
	}
	return false;
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct st_setup *s = st;

	return s->step == 1 ? key_form(u, s, k, a) : key_catalog(u, s, a);
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
	rows_free(s);
	media_free(s->files, s->nfiles);
	s->nfiles = 0;
}

static keymask
keymap(const void *st)
{
	const struct st_setup *s = st;

	if (s->step == 2)
		return KM_SETUP;	/* a list: no field has the focus */
	return KM_SETUP | w_field_focus(&s->f[s->focus]);
}

static const enum act hints[] = {
	ACT_HELP, ACT_OK, ACT_UP, ACT_DOWN, ACT_TELEX, ACT_BACK, ACT_NONE,
};

static const struct screen_ops screen_setup = {
	N_("First start: setup"), sizeof(struct st_setup), NULL, draw, key, leave, hints,
	KM_SETUP | KF_TEXT, keymap,
};

void
setup_open(struct ui *u, bool need_unit)
{
	struct st_setup *s;

	if ((s = ui_push_new(u, &screen_setup)) == NULL)
		return;
	s->need_unit = need_unit;
	s->with_catalog = need_unit;
	s->step = 1;
	/* TRANSLATORS: setup form labels, under 23 columns */
	w_field_init(&s->f[SF_CODE], N_("Unit code"), FK_TEXT, false);
	w_field_init(&s->f[SF_NAME], N_("Unit name"), FK_TEXT, true);
	w_field_init(&s->f[SF_BODY], N_("Receiving body"), FK_TEXT, true);
	w_field_init(&s->f[SF_PLACE], N_("Place on the forms"), FK_TEXT, true);
	w_field_init(&s->f[SF_ADDRESS], N_("Unit address"), FK_TEXT, true);
	w_field_init(&s->f[SF_STATION], N_("Station number (1-9)"), FK_DIGITS, false);
	w_field_init(&s->f[SF_USER], N_("Officer username"), FK_TEXT, false);
	w_field_init(&s->f[SF_FULL], N_("Officer full name"), FK_TEXT, true);
	w_field_init(&s->f[SF_PASS], N_("Password"), FK_SECRET, false);
	w_field_init(&s->f[SF_PASS2], N_("Password again"), FK_SECRET, false);
	w_field_set(&s->f[SF_STATION], "1");
	s->focus = first_field(s);
}
