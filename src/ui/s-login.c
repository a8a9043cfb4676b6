/* s-login.c — who works at this counter.
 *
 * The login, where the full-screen program starts: the active officers to
 * pick from (typing letters jumps to the first username that starts with
 * them), then the password, masked; after a supervisor's reset, a new one
 * typed twice before the main screen.  A supervisor ends a locked
 * officer's lock from here (F8: their username and password).
 *
 * The same screen is the lock's cover over a session (ui_lock: the lock
 * key, or lock_minutes without a key): it shows only the unit's name,
 * "Locked — <full name>" and a password field, nothing of the screens
 * below.  The same officer's password or a supervisor's (F8) uncovers the
 * session as it was; another officer logging in (Esc, then pick from the
 * list) ends it: every screen is popped without saving, nothing half-typed
 * is kept, and the new officer starts at the main screen.
 *
 * Passwords are core's (auth.h): checked by auth_login at date_now, which
 * records the login's events in the transaction that clears the failures
 * (and makes an old hash again), the wait after a wrong one is
 * auth_delay_ms, and what was typed is wiped once used. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "motcua/audit.h"
#include "motcua/auth.h"
#include "motcua/date.h"
#include "motcua/i18n.h"
#include "motcua/role.h"
#include "ui-int.h"

#define MAX_OFFICERS 200

enum mode {
	M_PICK,		/* the list of officers */
	M_PASSWORD,	/* the chosen officer's password */
	M_NEW,		/* a new password, twice (after a reset) */
	M_SUPER,	/* a supervisor's username and password */
};

struct st_login {
	bool cover;		/* the lock's cover over a session */
	enum mode mode;
	struct mc_officer o[MAX_OFFICERS];
	char note[MAX_OFFICERS][96];	/* "locked until …", "no password yet" */
	struct w_list list;
	char typed[MC_USER_LEN];
	struct mc_officer who;	/* the officer logging in (the cover: at first the
				 * session's) */
	/* M_PASSWORD: the password; M_NEW: the new one and again; M_SUPER:
	 * the supervisor's username and password */
	struct w_field f[2];
	int nf, focus;
	char said[256];		/* under the fields: "Wrong password." */
};

/* What was typed in a field does not outlive its use. */
static void
field_wipe(struct w_field *f)
{
	sodium_memzero(f->buf, sizeof f->buf);
	f->len = f->cur = f->scroll = 0;
}

static void
fields_wipe(struct st_login *s)
{
	for (int i = 0; i < 2; i++)
		field_wipe(&s->f[i]);
}

/* A field's value (malloc'd), or NULL with a message. */
static char *
value(struct ui *u, struct w_field *f)
{
	char *v = w_field_get(f);

	if (v == NULL)
		ui_error(u, "%s", _("out of memory"));
	return v;
}

static void
value_free(char *v)
{
	if (v != NULL)
		sodium_memzero(v, strlen(v));
	free(v);
}

static int
add(const struct mc_officer *o, void *arg)
{
	struct st_login *s = arg;

	if (o->active && s->list.n < MAX_OFFICERS)
		s->o[s->list.n++] = *o;
	return 0;
}

/* The active officers, each with the state of their login; `select` (may
 * be "") is the one highlighted. */
static void
load(struct ui *u, struct st_login *s, const char *select)
{
	struct mc_err err;
	struct mc_time now;
	struct mc_auth_state st;
	char until[MC_TIME_LEN];

	s->list.n = s->list.sel = s->list.top = 0;
	if (unit_officer_list(u->db, add, s, &err) != 0) {
		ui_error(u, "%s", err.msg);
		return;
	}
	date_now(&now);
	for (size_t i = 0; i < s->list.n; i++) {
		s->note[i][0] = '\0';
		if (strcmp(s->o[i].username, select) == 0)
			s->list.sel = i;
		if (auth_state(u->db, s->o[i].username, &now, &st, &err) != 0)
			continue;
		if (st.locked) {
			/* the time is enough: a lock lasts minutes */
			date_format_time(&st.locked_until, until);
			snprintf(s->note[i], sizeof s->note[i], _("locked until %s"),
			    strlen(until) > 11 ? until + 11 : until);
		} else if (!st.has_password) {
			snprintf(s->note[i], sizeof s->note[i], "%s", _("no password yet"));
		}
	}
}

/* Go to another step of the screen, its fields empty. */
static void
to_mode(struct st_login *s, enum mode m)
{
	fields_wipe(s);
	s->mode = m;
	s->focus = 0;
	s->nf = 0;
	s->said[0] = '\0';
	/* TRANSLATORS: login labels, under 23 columns */
	switch (m) {
	case M_PICK:
		s->typed[0] = '\0';
		break;
	case M_PASSWORD:
		w_field_init(&s->f[0], N_("Password"), FK_SECRET, false);
		s->nf = 1;
		break;
	case M_NEW:
		w_field_init(&s->f[0], N_("New password"), FK_SECRET, false);
		w_field_init(&s->f[1], N_("Password again"), FK_SECRET, false);
		s->nf = 2;
		break;
	case M_SUPER:
		w_field_init(&s->f[0], N_("Supervisor username"), FK_TEXT, false);
		w_field_init(&s->f[1], N_("Supervisor password"), FK_SECRET, false);
		s->nf = 2;
		break;
	}
}

/* The cover's first step: the session's officer types their password. */
static void
cover_start(struct ui *u, struct st_login *s)
{
	s->who = u->officer;
	to_mode(s, M_PASSWORD);
}

/* Back from a step: the list on the login; the session's officer on the
 * cover. */
static void
step_back(struct ui *u, struct st_login *s)
{
	if (s->cover && (s->mode == M_PICK || s->mode == M_SUPER)) {
		cover_start(u, s);
		return;
	}
	to_mode(s, M_PICK);
	load(u, s, s->who.username);
}

/* A try refused by auth_login: a wrong password (counted) is said on the
 * screen, and keys wait auth_delay_ms; a lock, no password yet, an
 * inactive officer: core's message. */
static void
refused(struct ui *u, struct st_login *s, const struct mc_auth_state *before,
    const struct mc_auth_state *after, const struct mc_err *err)
{
	field_wipe(&s->f[s->nf - 1]);
	if (err->kind == MC_EINVAL && after->failures > before->failures) {
		/* (core recorded the failure as an audit event) */
		snprintf(s->said, sizeof s->said, "%s", after->locked ?
		    _("Wrong password. Locked: a supervisor can unlock (F8).") :
		    _("Wrong password."));
		u->hold_until = ui_clock_ms() + auth_delay_ms(after->failures);
	} else {
		s->said[0] = '\0';
	}
	ui_error(u, "%s", err->msg);
}

/* Check `username`'s password (the field `f`): 0 if right, with st; the n
 * events `notes` are then recorded with it (auth_login), unless
 * st->must_change. */
static int
verify(struct ui *u, struct st_login *s, const char *username, struct w_field *f,
    const struct mc_auth_note *notes, size_t n, struct mc_auth_state *st)
{
	struct mc_auth_state before;
	struct mc_time now;
	struct mc_err err;
	char *pw;
	int rc;

	if ((pw = value(u, f)) == NULL)
		return -1;
	date_now(&now);
	if (auth_state(u->db, username, &now, &before, &err) != 0) {
		value_free(pw);
		field_wipe(f);
		ui_error(u, "%s", err.msg);
		return -1;
	}
	rc = auth_login(u->db, username, pw, &now, notes, n, st, &err);
	value_free(pw);
	if (rc != 0)
		refused(u, s, &before, st, &err);
	return rc;
}

/* Record what the screen saw (audit_note): a failure to record is said,
 * and stops nothing — the officer at the counter goes on. */
static void
note(struct ui *u, const char *kind, const char *officer, const char *detail)
{
	struct mc_err err;

	if (audit_note(u->db, kind, officer, detail, &err) != 0)
		ui_error(u, "%s", err.msg);
}

/* The events of s->who's login (n of them, into at most 2 notes): on the
 * cover, the same officer's "unlock", or the session officer's "logout"
 * then the new one's "login"; on the login, "login". */
static size_t
login_notes(struct ui *u, struct st_login *s, struct mc_auth_note *notes)
{
	size_t n = 0;

	if (s->cover && strcmp(s->who.username, u->officer.username) == 0) {
		notes[n++] = (struct mc_auth_note){"unlock", s->who.username, NULL};
		return n;
	}
	if (s->cover)
		notes[n++] = (struct mc_auth_note){"logout", u->officer.username,
		    s->who.username};
	notes[n++] = (struct mc_auth_note){"login", s->who.username, NULL};
	return n;
}

/* s->who proved who they are: on the login, the session starts; on the
 * cover, the same officer's session is uncovered, another's replaces it.
 * `noted`: the login's events are recorded already (auth_login). */
static void
logged_in(struct ui *u, struct st_login *s, bool noted)
{
	struct mc_officer who = s->who;
	struct mc_auth_note notes[2];
	size_t n = login_notes(u, s, notes);

	for (size_t i = 0; !noted && i < n; i++)
		note(u, notes[i].kind, notes[i].officer, notes[i].detail);
	if (s->cover && strcmp(who.username, u->officer.username) == 0) {
		ui_unlock(u);
		return;
	}
	ui_session_start(u, &who);	/* frees the cover (s) */
	ui_msg(u, _("Welcome, %s."), who.full_name);
}

static void
submit_password(struct ui *u, struct st_login *s)
{
	struct mc_auth_state st;
	struct mc_auth_note notes[2];
	size_t n = login_notes(u, s, notes);

	if (verify(u, s, s->who.username, &s->f[0], notes, n, &st) != 0)
		return;
	if (st.must_change) {
		to_mode(s, M_NEW);
		ui_msg(u, "%s", _("A supervisor reset your password: set a new one, typed "
		    "twice."));
		return;
	}
	logged_in(u, s, true);
}

static void
submit_new(struct ui *u, struct st_login *s)
{
	struct mc_err err;
	char *a = value(u, &s->f[0]), *b = value(u, &s->f[1]);
	int rc = -1;

	if (a == NULL || b == NULL)
		goto out;
	if (auth_policy_check(u->db, a, &err) != 0) {
		ui_error(u, "%s", err.msg);
		to_mode(s, M_NEW);
	} else if (s->focus == 0) {
		s->focus = 1;
	} else if (strcmp(a, b) != 0) {
		ui_error(u, "%s", _("the two passwords differ: type the same one twice"));
		field_wipe(&s->f[1]);
	} else if (auth_set(u->db, s->who.username, a, &err) != 0) {
		ui_error(u, "%s", err.msg);
		to_mode(s, M_NEW);
	} else {
		rc = 0;
	}
out:
	value_free(a);
	value_free(b);
	if (rc == 0)
		logged_in(u, s, false);
}

static void
submit_super(struct ui *u, struct st_login *s)
{
	struct mc_auth_state st;
	struct mc_officer sup;
	struct mc_err err;
	char *name = value(u, &s->f[0]), user[MC_USER_LEN];

	if (name == NULL)
		return;
	snprintf(user, sizeof user, "%s", name);
	free(name);
	if (s->focus == 0) {
		if (user[0] != '\0')
			s->focus = 1;
		return;
	}
	if (verify(u, s, user, &s->f[1], NULL, 0, &st) != 0)
		return;
	field_wipe(&s->f[1]);
	if (unit_officer_get(u->db, user, &sup, &err) != 0 ||
	    role_check(sup.role, MC_ACT_OFFICER, &err) != 0) {
		ui_error(u, "%s", err.msg);
		return;
	}
	if (st.must_change) {
		ui_error(u, _("%s must first set a new password: log in as %s"), user, user);
		return;
	}
	if (s->cover) {
		note(u, "unlock", u->officer.username, user);
		ui_unlock(u);
		ui_msg(u, _("Unlocked by the supervisor %s."), user);
		return;
	}
	if (auth_unlock(u->db, user, s->who.username, &err) != 0) {
		ui_error(u, "%s", err.msg);
		return;
	}
	step_back(u, s);	/* (core recorded the unlock) */
	ui_msg(u, _("%s is unlocked: they can log in now."), s->who.username);
}

/* F8: a supervisor unlocks the chosen officer (the login) or the screen
 * (the cover). */
static void
unlock_key(struct ui *u, struct st_login *s)
{
	if (!s->cover) {
		if (s->mode == M_PICK && s->list.n > 0)
			s->who = s->o[s->list.sel];
		if (s->who.username[0] == '\0')
			return;
		struct mc_auth_state st;
		struct mc_time now;
		struct mc_err err;

		date_now(&now);
		if (auth_state(u->db, s->who.username, &now, &st, &err) != 0) {
			ui_error(u, "%s", err.msg);
			return;
		}
		if (!st.locked) {
			ui_error(u, _("%s is not locked: nothing to unlock"), s->who.username);
			return;
		}
	}
	to_mode(s, M_SUPER);
}

/* Enter on the list: the officer's password next. */
static void
choose(struct ui *u, struct st_login *s)
{
	(void)u;
	if (s->list.n == 0)
		return;
	s->who = s->o[s->list.sel];
	to_mode(s, M_PASSWORD);
}

/* A letter on the list: the first username that starts with what was
 * typed (usernames are ASCII). */
static bool
jump(struct st_login *s, int k)
{
	size_t n = strlen(s->typed);

	if (!keys_is_text(k) || k > 126)
		return false;
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

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct st_login *s = st;

	if (a == ACT_QUIT) {
		if (!s->cover)
			ui_pop(u);	/* nobody logged in: the program ends */
		return true;
	}
	if (a == ACT_UNLOCK) {
		unlock_key(u, s);
		return true;
	}
	if (a == ACT_BACK) {
		if (!s->cover && s->mode == M_PICK)
			ui_pop(u);
		else
			step_back(u, s);
		return true;
	}
	if (s->mode == M_PICK) {
		if (a == ACT_OK) {
			choose(u, s);
			return true;
		}
		if (w_list_key(&s->list, a, LINES - 10)) {
			s->typed[0] = '\0';
			return true;
		}
		return a == ACT_NONE ? jump(s, k) || s->cover : s->cover;
	}
	if (a == ACT_OK) {
		w_field_commit(&s->f[s->focus]);
		if (s->mode == M_PASSWORD)
			submit_password(u, s);
		else if (s->mode == M_NEW)
			submit_new(u, s);
		else
			submit_super(u, s);
		return true;
	}
	if ((a == ACT_UP || a == ACT_DOWN) && s->nf > 1) {
		s->focus = a == ACT_UP ? 0 : 1;
		return true;
	}
	/* on the cover no key goes past it (no help screen under it) */
	return w_field_key(u, &s->f[s->focus], k, a) || s->cover;
}

static void
row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	struct st_login *s = arg;
	char line[600];

	(void)u;
	(void)sel;
	snprintf(line, sizeof line, "%-16s %-32s %s", s->o[i].username, s->o[i].full_name,
	    s->note[i]);
	draw_text(y, x + 1, line, width - 2, false);
}

static void
draw_fields(struct ui *u, struct st_login *s, int y)
{
	char line[400];

	if (s->mode == M_SUPER)
		snprintf(line, sizeof line, "%s", s->cover ?
		    _("A supervisor unlocks this screen:") : "");
	else
		snprintf(line, sizeof line, "%s (%s)", s->who.full_name, s->who.username);
	if (s->mode == M_SUPER && !s->cover)
		snprintf(line, sizeof line, _("A supervisor ends the lock of %s (%s):"),
		    s->who.full_name, s->who.username);
	draw_text(y, 4, line, COLS - 8, false);
	for (int i = 0; i < s->nf; i++)
		w_field_draw(u, &s->f[i], y + 2 + 2 * i, 4, 24, COLS - 10, i == s->focus);
	if (s->said[0] != '\0') {
		attrset(draw_attr(AT_ERROR));
		draw_text(y + 2 + 2 * s->nf, 4, s->said, COLS - 8, false);
		attrset(A_NORMAL);
	}
	/* keys typed during the wait after a wrong password are dropped */
	if (u->hold_until > ui_clock_ms())
		draw_text(y + 3 + 2 * s->nf, 4, _("Wait a moment…"), COLS - 8, false);
}

static void
draw(struct ui *u, void *st)
{
	struct st_login *s = st;

	if (s->mode == M_PICK) {
		draw_text(3, 4, _("Who is working at this counter? Choose and press Enter."),
		    COLS - 8, false);
		w_list_draw(u, &s->list, 5, 4, LINES - 10, COLS - 8, row, s);
		return;
	}
	draw_text(3, 4, s->mode == M_NEW ? _("Set your new password (typed twice).") :
	    _("Type the password and press Enter."), COLS - 8, false);
	draw_fields(u, s, 5);
}

/* The cover: the unit's name on the top line, who locked it, the field;
 * nothing of the session's screens. */
static void
cover_draw(struct ui *u, void *st)
{
	struct st_login *s = st;
	char line[400], f8[KEYS_NAME_LEN], esc[KEYS_NAME_LEN];

	attrset(draw_attr(AT_BAR));
	mvhline(0, 0, ' ', COLS);
	draw_text(0, 1, u->unit.name[0] ? u->unit.name : "motcua", COLS - 2, false);
	attrset(draw_attr(AT_TITLE));
	/* TRANSLATORS: the lock's cover; %s is the officer's full name */
	snprintf(line, sizeof line, _("Locked — %s"), u->officer.full_name);
	draw_text(2, 4, line, COLS - 8, false);
	attrset(A_NORMAL);
	keys_name(ACT_UNLOCK, KM_OFFICER, f8, sizeof f8);
	keys_name(ACT_BACK, KM_OFFICER, esc, sizeof esc);
	if (s->mode == M_PICK) {
		draw_text(4, 4, _("Another officer logs in: choose and press Enter (this "
		    "session then ends, nothing unsaved is kept)."), COLS - 8, false);
		w_list_draw(u, &s->list, 6, 4, LINES - 11, COLS - 8, row, s);
		return;
	}
	if (s->mode == M_PASSWORD && strcmp(s->who.username, u->officer.username) == 0) {
		snprintf(line, sizeof line, _("The password unlocks. %s: a supervisor "
		    "unlocks. %s: another officer logs in."), f8, esc);
		draw_wrap(4, 4, line, COLS - 8, 2);
	}
	draw_fields(u, s, 7);
}

static keymask
keymap(const void *st)
{
	const struct st_login *s = st;

	return s->mode == M_PICK ? KM_OFFICER : KM_OFFICER | w_field_focus(&s->f[s->focus]);
}

static void
leave(struct ui *u, void *st)
{
	(void)u;
	if (st != NULL)
		fields_wipe(st);
}

static const enum act hints[] = {
	ACT_HELP, ACT_OK, ACT_UP, ACT_DOWN, ACT_UNLOCK, ACT_BACK, ACT_QUIT, ACT_NONE,
};
static const enum act cover_hints[] = { ACT_OK, ACT_UNLOCK, ACT_BACK, ACT_NONE };

static const struct screen_ops screen_login = {
	N_("Log in"), sizeof(struct st_login), NULL, draw, key, leave, hints,
	KM_OFFICER | KF_TEXT, keymap,
};

/* Pushed by nobody: ui.c draws it and gives it the keys while u->cover is
 * set, over the stack as it stands. */
const struct screen_ops screen_cover = {
	NULL, 0, NULL, cover_draw, key, NULL, cover_hints, KM_OFFICER | KF_TEXT, keymap,
};

void
login_open(struct ui *u)
{
	struct st_login *s;

	if ((s = ui_push_new(u, &screen_login)) == NULL)
		return;
	to_mode(s, M_PICK);
	load(u, s, u->preselect);
}

void
ui_lock(struct ui *u, bool idle)
{
	struct st_login *s;

	if (!u->session || u->cover != NULL)
		return;
	if ((s = calloc(1, sizeof *s)) == NULL) {
		ui_error(u, "%s", _("out of memory"));
		return;
	}
	s->cover = true;
	cover_start(u, s);
	note(u, "lock", u->officer.username, idle ? "idle" : "key");
	u->cover = s;
	/* a question or a message may name a citizen: it waits, hidden */
	u->covered_modal = u->modal;
	u->covered_modal_on = u->modal_on;
	u->modal_on = false;
	u->msg[0] = '\0';
}

/* The cover goes, what it hid stays hidden (another officer's session). */
void
ui_cover_free(struct ui *u)
{
	if (u->cover == NULL)
		return;
	fields_wipe(u->cover);
	free(u->cover);
	u->cover = NULL;
	u->covered_modal_on = false;
	u->msg[0] = '\0';
}

void
ui_unlock(struct ui *u)
{
	bool modal_on = u->covered_modal_on;

	ui_cover_free(u);
	u->modal_on = modal_on;
	if (modal_on)
		u->modal = u->covered_modal;
	u->last_key = ui_clock_ms();
}
