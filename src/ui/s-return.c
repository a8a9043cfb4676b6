/* s-return.c — F4: hand the result back.  Type or scan the code (a
 * reader types it and Enter), or its last digits, the citizen's ID (or
 * their chip card's QR), phone or name: only dossiers with a result to
 * return are offered, several as a list to pick from; the dossier shows
 * with its status;
 * a digit gives the citizen's rating (the number before each of the
 * rating's choices, vocab.c: 1 very satisfied, 2 satisfied, 3 not
 * satisfied; 0 none); the collector is the applicant unless another person's name
 * and ID number are given; Enter, Enter records the return.  A dossier
 * whose result is not ready is refused by the core, with its message, and
 * nothing is written.  From F4 the screen is ready for the next code
 * after each return; opened from a dossier's actions, it goes back. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/i18n.h"
#include "s-life.h"

enum { RF_CODE, RF_RATING, RF_WHO, RF_NAME, RF_ID, RF_COUNT };

/* TRANSLATORS: who collects the result; two fit on one line. */
static const char *const who_choices[] = { N_("the applicant"), N_("another person"), NULL };

/* The return's fields (vocab.h), by their type: the collector is its
 * text, the collector's ID number its ID, the rating its enumeration. */
static int
return_field(enum mc_field_type type)
{
	const struct mc_kind *k = vocab_kind(MC_KIND_RETURN);
	const struct mc_field *f = vocab_field_of_type(k, type);

	return f != NULL ? (int)(f - k->fields) : -1;
}

#define PICK_MAX 50	/* dossiers to pick from; more: type more */

struct st_return {
	struct w_field f[RF_COUNT];	/* f[RF_RATING] is drawn apart */
	int focus;
	int rating;		/* 0: not asked, else 1..the rating's choices */
	struct mc_found d;
	bool have;		/* d is the dossier of the code typed */
	bool from_detail;	/* opened from a dossier: back there after */
	/* what was typed found several dossiers with a result: pick one */
	struct mc_found *pick;
	struct w_list list;
	bool more;		/* more than PICK_MAX */
	const char *want;	/* exact(): the code typed */
};

static int
last_field(const struct st_return *s)
{
	return s->f[RF_WHO].choice == 1 ? RF_ID : RF_WHO;
}

static int
collect(const struct mc_found *f, void *arg)
{
	struct st_return *s = arg;

	if (s->list.n >= PICK_MAX) {
		s->more = true;
		return 1;
	}
	s->pick[s->list.n++] = *f;
	return 0;
}

/* A dossier whose code is exactly what was typed, whatever its status. */
static int
exact(const struct mc_found *f, void *arg)
{
	struct st_return *s = arg;

	if (strcmp(f->code, s->want) != 0)
		return 0;
	s->d = *f;
	s->have = true;
	return 1;
}

static void
take(struct st_return *s, const struct mc_found *f)
{
	s->d = *f;
	s->have = true;
	s->list.n = 0;
	s->focus = RF_RATING;
	s->rating = 0;
}

/* What was typed or scanned: a code (whole, its last part), an ID number
 * or the chip card's QR, a phone or a name.  Only the dossiers with a
 * result to return are offered; the whole code of one without still
 * shows it, with its status, so the officer sees why. */
static void
look_up(struct ui *u, struct st_return *s)
{
	char *text = w_field_get(&s->f[RF_CODE]);
	struct mc_err err;
	size_t others;

	s->have = false;
	s->more = false;
	s->list.n = s->list.sel = s->list.top = 0;
	if (text == NULL) {
		ui_error(u, "%s", _("out of memory"));
		return;
	}
	if (text[strspn(text, " ")] == '\0') {
		ui_error(u, "%s", _("type or scan the code on the appointment slip"));
	} else if (lifecycle_find_returnable(u->db, text, collect, s, &others, &err) != 0) {
		w_field_set(&s->f[RF_CODE], "");	/* a bad scan: ready for the next */
		ui_error(u, "%s", err.msg);
	} else if (s->list.n == 1) {
		take(s, &s->pick[0]);
	} else if (s->list.n == 0 && others > 0) {
		s->want = text;
		if (lifecycle_find(u->db, text, exact, s, &err) == 0 && s->have) {
			s->focus = RF_RATING;
			s->rating = 0;
		} else {
			ui_error(u, ngettext("'%s': %zu dossier found, but it has no result to "
			    "return yet", "'%s': %zu dossiers found, but none has a result to "
			    "return yet", others), text, others);
		}
	} else if (s->list.n == 0) {
		ui_error(u, _("'%s': no dossier found; type the code on the slip (or its last "
		    "digits), an ID number, a phone number or a name"), text);
	}
	free(text);
}

static void
commit(struct ui *u, void *arg)
{
	struct st_return *s = arg;
	struct mc_step_args a;
	struct mc_time now;
	struct mc_err err;
	char *name = NULL, *id = NULL, done[256];
	/* the fields the screen fills, looked up once in the table */
	int who = return_field(MC_FT_TEXT), who_id = return_field(MC_FT_ID);
	int rating = return_field(MC_FT_ENUM);
	int rc;

	if (who < 0 || who_id < 0 || rating < 0) {
		ui_error(u, "%s", _("the return step has no collector, ID number or rating "
		    "field: nothing was recorded"));
		return;
	}
	memset(&a, 0, sizeof a);
	if (s->f[RF_WHO].choice == 1) {
		name = w_field_get(&s->f[RF_NAME]);
		id = w_field_get(&s->f[RF_ID]);
		if (name == NULL || id == NULL) {
			free(name);
			free(id);
			ui_error(u, "%s", _("out of memory"));
			return;
		}
		a.v[who] = name;
		a.v[who_id] = id[0] != '\0' ? id : NULL;
	}
	if (s->rating > 0)
		a.v[rating] = vocab_kind(MC_KIND_RETURN)->fields[rating].
		    choices[s->rating - 1].value;
	date_now(&now);
	rc = lifecycle_record(u->db, u->cal, s->d.code, vocab_kind(MC_KIND_RETURN), &a, &now,
	    u->officer.username, &err);
	free(name);
	free(id);
	if (rc != 0) {
		ui_error(u, "%s", err.msg);
		return;
	}
	snprintf(done, sizeof done, _("%s: the result was returned"), s->d.code);
	life_recorded(u);
	if (s->from_detail) {
		ui_pop(u);
	} else {	/* ready for the next one */
		w_field_set(&s->f[RF_CODE], "");
		w_field_set(&s->f[RF_NAME], "");
		w_field_set(&s->f[RF_ID], "");
		s->f[RF_WHO].choice = 0;
		s->have = false;
		s->focus = RF_CODE;
	}
	ui_msg(u, "%s", done);
}

static int
pair(int y, const char *label, const char *value)
{
	attrset(draw_attr(AT_TITLE));
	draw_text(y, 2, label, 15, true);
	attrset(A_NORMAL);
	draw_text(y, 18, value, COLS - 20, false);
	return y + 1;
}

static void
draw_rating(struct ui *u, struct st_return *s, int y)
{
	const struct mc_field *f = vocab_field_of_type(vocab_kind(MC_KIND_RETURN),
	    MC_FT_ENUM);
	int x = 18;

	if (f == NULL)		/* a return without a rating: nothing to draw */
		return;
	attrset(s->focus == RF_RATING ? draw_attr(AT_TITLE) : A_NORMAL);
	draw_text(y, 2, _("Rating:"), 15, true);
	/* each choice of the rating, after the digit that chooses it */
	for (int i = 0; i < MC_CHOICES_MAX && f->choices[i].value != NULL; i++) {
		char label[128];

		snprintf(label, sizeof label, "%d %s", i + 1, _(f->choices[i].label));
		attrset(s->rating == i + 1 ? draw_attr(AT_FOCUS) : A_NORMAL);
		x += draw_text(y, x, s->rating == i + 1 ? "[x] " : "[ ] ", 4, false);
		x += draw_text(y, x, label, COLS - x - 1, false);
		attrset(A_NORMAL);
		x += draw_text(y, x, "   ", 3, false);
	}
	if (s->focus == RF_RATING) {
		u->cursor_y = y;
		u->cursor_x = 18;
	}
}

static void
pick_row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	struct st_return *s = arg;
	const struct mc_found *d = &s->pick[i];

	(void)u;
	(void)sel;
	draw_text(y, x + 1, d->code, 26, false);
	draw_clip(y, x + 28, d->name, width - 28 - 18);
	draw_text(y, x + width - 17, d->appointment, 16, false);
}

static void
draw(struct ui *u, void *st)
{
	struct st_return *s = st;
	char line[400];
	int y = 4;

	w_field_draw(u, &s->f[RF_CODE], 2, 2, 16, 50, s->focus == RF_CODE);
	if (!s->have && s->list.n > 0) {
		char head[256];

		snprintf(head, sizeof head, s->more ? _("More than %zu dossiers with a result "
		    "to return: type more of the code or the name.") : _("%zu dossiers with a "
		    "result to return: ↑/↓ and Enter to pick one."), s->list.n);
		draw_wrap(4, 2, head, COLS - 4, 2);
		w_list_draw(u, &s->list, 6, 0, LINES - 8, COLS, pick_row, s);
		return;
	}
	if (!s->have) {
		draw_wrap(4, 2, _("Type or scan the dossier code (its last digits will do), or "
		    "type the citizen's ID number, phone number or name, then Enter."), COLS - 4, 2);
		return;
	}
	y = pair(y, _("Status"), life_status(s->d.status));
	snprintf(line, sizeof line, "%s  (%s %s)", s->d.name, _("ID"), s->d.id_number);
	y = pair(y, _("Applicant"), line);
	y = pair(y, _("Procedure"), s->d.procedure);
	y = pair(y, _("Appointment"), s->d.appointment);
	if (!lifecycle_allowed(s->d.status, vocab_kind(MC_KIND_RETURN))) {
		attrset(draw_attr(AT_WARN));
		draw_text(y, 18, _("There is no result to return: the return will be "
		    "refused."), COLS - 20, false);
		attrset(A_NORMAL);
	}
	draw_rating(u, s, 10);
	w_field_draw(u, &s->f[RF_WHO], 12, 2, 16, COLS - 4, s->focus == RF_WHO);
	if (s->f[RF_WHO].choice == 1) {
		w_field_draw(u, &s->f[RF_NAME], 13, 2, 16, COLS - 4, s->focus == RF_NAME);
		w_field_draw(u, &s->f[RF_ID], 14, 2, 16, 30, s->focus == RF_ID);
	}
	draw_wrap(16, 2, _("A digit: the rating. Tab: who collects. Enter: record the "
	    "return. Esc: nothing is written."), COLS - 4, 2);
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct st_return *s = st;

	if (a == ACT_OK || a == ACT_NEXT || a == ACT_PREV)
		w_field_commit(&s->f[s->focus]);
	if (a == ACT_OK && s->focus == RF_CODE) {
		if (!s->have && s->list.n > 1)
			take(s, &s->pick[s->list.sel]);		/* the one picked */
		else
			look_up(u, s);
		return true;
	}
	if (!s->have && s->list.n > 1 && w_list_key(&s->list, a, LINES - 8))
		return true;
	if (a == ACT_OK && (s->focus == RF_WHO || s->focus == RF_NAME) &&
	    s->focus < last_field(s)) {
		s->focus++;
		return true;
	}
	if (a == ACT_OK) {
		char q[512];

		snprintf(q, sizeof q, _("%s: record the return of the result?"), s->d.code);
		ui_confirm(u, q, commit, s);
		return true;
	}
	if ((a == ACT_NEXT || a == ACT_PREV) && s->have) {
		int n = last_field(s) + 1;

		s->focus = (s->focus + (a == ACT_NEXT ? 1 : n - 1)) % n;
		return true;
	}
	if (s->focus == RF_RATING) {
		if (a == ACT_RATE) {
			const struct mc_field *f = vocab_field_of_type(
			    vocab_kind(MC_KIND_RETURN), MC_FT_ENUM);
			int d = keys_digit(k);

			/* the key row may reach further than the table's choices */
			if (f != NULL && d >= 0 && (size_t)d <= vocab_nchoices(f))
				s->rating = d;
		}
		return a == ACT_RATE;
	}
	if (w_field_key(u, &s->f[s->focus], k, a)) {
		if (s->focus == RF_CODE) {	/* another code: look it up again */
			s->have = false;
			s->list.n = 0;
		}
		return true;
	}
	return false;
}

/* The rating is no field: its digits are a map of their own. */
static keymask
keymap(const void *st)
{
	const struct st_return *s = st;

	return s->focus == RF_RATING ? KM_RATING : KM_RETURN | w_field_focus(&s->f[s->focus]);
}

/* the rating's and the choice's keys show while they have the focus (at
 * the end: a second page in Vietnamese) */
static const enum act hints[] = {
	ACT_HELP, ACT_OK, ACT_NEXT, ACT_TELEX, ACT_BACK, ACT_RATE, ACT_CHOICE_NEXT, ACT_NONE,
};

static void
leave(struct ui *u, void *st)
{
	struct st_return *s = st;

	(void)u;
	free(s->pick);
}

static const struct screen_ops screen_return = {
	N_("Return results"), sizeof(struct st_return), NULL, draw, key, leave, hints,
	KM_RETURN | KM_RATING | KF_TEXT | KF_CHOICE, keymap,
};

void
return_open(struct ui *u, const char *code)
{
	struct st_return *s;

	if ((s = ui_push_new(u, &screen_return)) == NULL)
		return;
	if ((s->pick = calloc(PICK_MAX, sizeof *s->pick)) == NULL) {
		ui_pop(u);
		ui_error(u, "%s", _("out of memory"));
		return;
	}
	/* TRANSLATORS: labels of the return screen's fields, under 15 columns */
	/* Telex too: a code's lone letters ("H56") stay as typed */
	w_field_init(&s->f[RF_CODE], N_("Dossier code:"), FK_TEXT, true);
	s->f[RF_CODE].scan = true;	/* a chip card's QR finds by its ID */
	w_field_init(&s->f[RF_RATING], N_("Rating:"), FK_TEXT, false);
	w_field_init(&s->f[RF_WHO], N_("Collected by:"), FK_CHOICE, false);
	s->f[RF_WHO].choices = who_choices;
	w_field_init(&s->f[RF_NAME], N_("Name:"), FK_TEXT, true);
	w_field_init(&s->f[RF_ID], N_("ID number:"), FK_DIGITS, false);
	if (code != NULL) {
		s->from_detail = true;
		w_field_set(&s->f[RF_CODE], code);
		look_up(u, s);
	}
}
