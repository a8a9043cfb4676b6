/* s-action.c — the actions on one dossier: every step of vocab.h's kinds,
 * always in the table's order and each under its own letter (the kind's
 * key: the same whatever the status, so that the fingers learn it), then
 * the control sheet (p).  A step the status does not allow
 * (lifecycle_allowed) or the officer's role may not record (role.h; on a
 * colleague's dossier those of colleague_steps) is dimmed, with why; its
 * letter says why instead of acting.  A step's fields (the kind's, as the
 * table gives them) are a small form: ↑/↓, Tab and Enter go from field to
 * field, and the core's own check (lifecycle_check) runs before the
 * confirmation, so that a missing reason is said at its field; then
 * lifecycle_record.  A step with nothing to ask is confirmed from the
 * list; the return has its own screen (F4).  A step the core refuses
 * leaves its message on the bottom line and the form as typed; nothing is
 * written.  After a step, back to the detail, which
 * reloads; a step whose kind gives the citizen a form (a refusal at the
 * counter: Mẫu 03, an apology: Mẫu 04) shows and saves it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/dossier.h"
#include "motcua/i18n.h"
#include "motcua/role.h"
#include "s-life.h"

#define ITEM_SHEET MC_KIND_COUNT	/* the control sheet, after the steps */
#define SHEET_KEY 'p'		/* its letter, as on the detail */
#define STEP_WIDGETS (2 * MC_FIELDS_MAX)	/* a date-time takes two */

struct st_pick {
	struct mc_found d;
	int items[MC_KIND_COUNT + 1];
	char why[MC_KIND_COUNT + 1][160];	/* "" offered; else why not */
	struct w_list list;
	int base;		/* the stack depth of the detail below */
};

struct st_step {
	struct mc_found d;
	const struct mc_kind *kind;
	struct w_field f[STEP_WIDGETS];
	int field[STEP_WIDGETS];	/* the kind's field each widget is for */
	const char *choices[MC_FIELDS_MAX][MC_CHOICES_MAX + 1];
	int nf, focus;
	int base;
};

static void
recorded(struct ui *u, int base, const char *code, const struct mc_kind *k)
{
	char done[256], prefix[16];

	ui_pop_to(u, base);
	life_recorded(u);
	snprintf(done, sizeof done, _("%s: %s recorded"), code, life_step_label(k));
	/* Mẫu N is form N - 1 (slip.h), saved as "mau0N-<code>" */
	snprintf(prefix, sizeof prefix, "mau%02d", (int)k->slip + 1);
	if (k->form)
		life_slip(u, k->slip, prefix, code, life_form_title(u, k->slip,
		    k->form_title), done);
	else
		ui_msg(u, "%s", done);
}

/* A field's value, NULL when empty (malloc'd; "" never comes back). */
static char *
value(struct w_field *f)
{
	char *v = w_field_get(f);

	if (v != NULL && v[strspn(v, " ")] == '\0') {
		free(v);
		return NULL;
	}
	return v;
}

/* A date-time from its date and time widgets, as "YYYY-MM-DD HH:MM"
 * (malloc'd) in *out, NULL when the date is empty (the core says whether
 * the field is needed).  0, or -1 with the message on the bottom line. */
static int
date_time(struct ui *u, struct w_field *date, struct w_field *time, char **out)
{
	char *d = w_field_get(date), *h = w_field_get(time);
	char iso[MC_DATE_LEN], both[64];
	struct mc_time t;
	int rc = -1;

	*out = NULL;
	if (d == NULL || h == NULL)
		ui_error(u, "%s", _("out of memory"));
	else if (d[strspn(d, " ")] == '\0')
		rc = 0;
	else if (ui_parse_date(d, iso) != 0 || iso[0] == '\0')
		ui_error(u, _("'%s' is not a date: type it as DD/MM/YYYY, DDMMYYYY "
		    "or YYYY-MM-DD"), d);
	else if (snprintf(both, sizeof both, "%s %s", iso, h) < 0 ||
	    date_parse_time(both, &t) != 0)
		ui_error(u, _("'%s' is not a time: type it as HH:MM"), h);
	else if ((*out = strdup(both)) == NULL)
		ui_error(u, "%s", _("out of memory"));
	else
		rc = 0;
	free(d);
	free(h);
	return rc;
}

/* The form's values as the step's arguments (v[] holds what was
 * malloc'd, for the caller to free).  0, or -1 with the message on the
 * bottom line and the focus on the widget at fault. */
static int
gather(struct ui *u, struct st_step *s, struct mc_step_args *a, char *v[STEP_WIDGETS])
{
	memset(a, 0, sizeof *a);
	for (int i = 0; i < s->nf; i++) {
		const struct mc_field *f = &s->kind->fields[s->field[i]];

		if (f->type == MC_FT_ENUM) {
			a->v[s->field[i]] = f->choices[s->f[i].choice].value;
			continue;
		}
		if (f->type == MC_FT_TIME) {
			/* its date widget, then its time widget */
			if (date_time(u, &s->f[i], &s->f[i + 1], &v[i]) != 0) {
				s->focus = i;
				return -1;
			}
			a->v[s->field[i]] = v[i];
			i++;
			continue;
		}
		a->v[s->field[i]] = v[i] = value(&s->f[i]);
	}
	return 0;
}

static void
commit(struct ui *u, void *arg)
{
	struct st_step *s = arg;
	struct mc_step_args a;
	struct mc_time now;
	struct mc_err err;
	char *v[STEP_WIDGETS] = {NULL};
	int rc = -1;

	if (gather(u, s, &a, v) == 0) {
		date_now(&now);
		rc = lifecycle_record(u->db, u->cal, s->d.code, s->kind, &a, &now,
		    u->officer.username, &err);
		if (rc != 0)
			ui_error(u, "%s", err.msg);
	}
	for (int i = 0; i < STEP_WIDGETS; i++)
		free(v[i]);
	if (rc == 0) {
		struct mc_found d = s->d;

		recorded(u, s->base, d.code, s->kind);	/* frees s */
	}
}

/* Before the confirmation: the form's values as the core checks them.
 * 0 good; -1 with the message on the bottom line and the focus on the
 * first widget of the field at fault. */
static int
precheck(struct ui *u, struct st_step *s)
{
	struct mc_step_args a;
	struct mc_err err;
	char *v[STEP_WIDGETS] = {NULL};
	int rc, field = -1;

	if ((rc = gather(u, s, &a, v)) == 0 &&
	    (rc = lifecycle_check(s->kind, &a, &field, &err)) != 0) {
		ui_error(u, "%s", err.msg);
		for (int i = s->nf - 1; i >= 0; i--)
			if (s->field[i] == field)
				s->focus = i;
	}
	for (int i = 0; i < STEP_WIDGETS; i++)
		free(v[i]);
	return rc;
}

static void
step_draw(struct ui *u, void *st)
{
	struct st_step *s = st;
	char line[400];

	attrset(draw_attr(AT_TITLE));
	draw_text(2, 2, life_step_label(s->kind), COLS - 4, false);
	attrset(A_NORMAL);
	snprintf(line, sizeof line, "%s  %s  (%s)", s->d.code, s->d.name,
	    life_status(s->d.status));
	draw_text(3, 2, line, COLS - 4, false);
	for (int i = 0; i < s->nf; i++)
		w_field_draw(u, &s->f[i], 5 + 2 * i, 2, 16, COLS - 6, i == s->focus);
	draw_wrap(6 + 2 * s->nf, 2, _("Enter: next field, then record. ↑ ↓: another "
	    "field. Esc: back, nothing is written."), COLS - 4, 2);
}

static bool
step_key(struct ui *u, void *st, int k, enum act a)
{
	struct st_step *s = st;

	if (a == ACT_OK || a == ACT_NEXT || a == ACT_PREV || a == ACT_UP || a == ACT_DOWN)
		w_field_commit(&s->f[s->focus]);
	if (a == ACT_OK && s->focus + 1 < s->nf) {
		s->focus++;
		return true;
	}
	if (a == ACT_OK) {
		char q[512];

		if (precheck(u, s) != 0)
			return true;
		snprintf(q, sizeof q, _("%s: %s?"), s->d.code, life_step_label(s->kind));
		ui_confirm(u, q, commit, s);
		return true;
	}
	if (a == ACT_NEXT || a == ACT_PREV) {
		s->focus = (s->focus + (a == ACT_NEXT ? 1 : s->nf - 1)) % s->nf;
		return true;
	}
	/* as in F2: the arrows stop at the first and the last field */
	if (a == ACT_UP || a == ACT_DOWN) {
		if (a == ACT_UP && s->focus > 0)
			s->focus--;
		else if (a == ACT_DOWN && s->focus + 1 < s->nf)
			s->focus++;
		return true;
	}
	return w_field_key(u, &s->f[s->focus], k, a);
}

static keymask
step_keymap(const void *st)
{
	const struct st_step *s = st;

	return KM_STEP | w_field_focus(&s->f[s->focus]);
}

/* a choice's keys show while it has the focus (at the end: a second
 * page in Vietnamese) */
static const enum act step_hints[] = {
	ACT_HELP, ACT_OK, ACT_UP, ACT_DOWN, ACT_TELEX, ACT_BACK, ACT_CHOICE_NEXT, ACT_NONE,
};

static const struct screen_ops screen_step = {
	N_("Action on a dossier"), sizeof(struct st_step), NULL, step_draw, step_key, NULL,
	step_hints, KM_STEP | KF_TEXT | KF_CHOICE, step_keymap,
};

/* How many fields of the kind a form asks (the core computes the rest). */
static int
asked(const struct mc_kind *k)
{
	int n = 0;

	for (size_t i = 0; i < vocab_nfields(k); i++)
		n += !k->fields[i].computed;
	return n;
}

/* The widgets of one field of the kind, from widget s->nf on. */
static void
add_field(struct st_step *s, int fi)
{
	const struct mc_field *f = &s->kind->fields[fi];
	struct w_field *w = &s->f[s->nf];

	s->field[s->nf++] = fi;
	switch (f->type) {
	case MC_FT_TEXT:
		w_field_init(w, f->label, FK_TEXT, true);
		w->optional = f->need != MC_NEED_YES;
		break;
	case MC_FT_ID:
	case MC_FT_INT:
		w_field_init(w, f->label, FK_DIGITS, false);
		break;
	case MC_FT_ENUM:
		w_field_init(w, f->label, FK_CHOICE, false);
		for (int c = 0; c < MC_CHOICES_MAX && f->choices[c].value != NULL; c++)
			s->choices[fi][c] = f->choices[c].label;
		w->choices = s->choices[fi];
		break;
	case MC_FT_TIME:
		w_field_init(w, f->label, FK_DATE, false);
		/* TRANSLATORS: the time of day of a date-time field (under 14
		 * columns) */
		w_field_init(&s->f[s->nf], N_("Time:"), FK_TEXT, false);
		/* the time of day of the present appointment, to keep or change */
		w_field_set(&s->f[s->nf], strlen(s->d.appointment) >= 16 ?
		    s->d.appointment + 11 : "17:00");
		s->field[s->nf++] = fi;
		break;
	}
}

/* The first hand-off of a procedure received here for another body
 * (catalog.h's forward) is proposed with that body: the transfer's agency
 * starts as the deciding body the receipt kept, to keep or change. */
static void
propose_agency(struct ui *u, struct st_step *s)
{
	struct mc_dossier d;
	struct mc_err err;
	int at = vocab_field_index(s->kind, "agency");

	if (at < 0 || dossier_get(u->db, s->d.code, &d, &err) != 0)
		return;	/* the form opens empty, as for any other procedure */
	for (int i = 0; i < s->nf; i++)
		if (s->field[i] == at && d.procedure.forward && d.procedure.decided_by != NULL)
			w_field_set(&s->f[i], d.procedure.decided_by);
	dossier_free(&d);
}

static void
step_open(struct ui *u, struct st_pick *p, const struct mc_kind *k)
{
	struct st_step *s;

	if ((s = ui_push_new(u, &screen_step)) == NULL)
		return;
	s->d = p->d;
	s->kind = k;
	s->base = p->base;
	s->nf = 0;
	for (size_t i = 0; i < vocab_nfields(k); i++)
		if (!k->fields[i].computed)
			add_field(s, (int)i);
	if (k->id == MC_KIND_TRANSFER)
		propose_agency(u, s);
}

/* A step with nothing to ask: confirm and record from the list. */
static void
record_bare(struct ui *u, void *arg)
{
	struct st_pick *p = arg;
	const struct mc_kind *k = vocab_kind((enum mc_kind_id)p->items[p->list.sel]);
	struct mc_time now;
	struct mc_step_args a;
	struct mc_err err;
	char code[64];

	memset(&a, 0, sizeof a);
	date_now(&now);
	snprintf(code, sizeof code, "%s", p->d.code);
	if (lifecycle_record(u->db, u->cal, code, k, &a, &now, u->officer.username,
	    &err) != 0) {
		ui_error(u, "%s", err.msg);
		return;
	}
	recorded(u, p->base, code, k);
}

/* The label of item i of the list. */
static const char *
item_label(struct ui *u, const struct st_pick *p, size_t i)
{
	return p->items[i] == ITEM_SHEET ? life_sheet_item(u) :
	    life_step_label(vocab_kind((enum mc_kind_id)p->items[i]));
}

static int
item_key(const struct st_pick *p, size_t i)
{
	return p->items[i] == ITEM_SHEET ? SHEET_KEY :
	    vocab_kind((enum mc_kind_id)p->items[i])->key;
}

static void
pick(struct ui *u, struct st_pick *p, size_t i)
{
	int it = p->items[i];
	const struct mc_kind *k = vocab_kind((enum mc_kind_id)it);
	char q[512], code[64];

	p->list.sel = i;
	if (p->why[i][0] != '\0') {
		/* TRANSLATORS: a step that is not offered, and why */
		ui_error(u, _("%s: %s"), item_label(u, p, i), p->why[i]);
	} else if (it == ITEM_SHEET) {
		life_slip(u, SLIP_CONTROL, "mau05", p->d.code,
		    life_form_title(u, SLIP_CONTROL, NULL), NULL);
	} else if (it == MC_KIND_RETURN) {
		snprintf(code, sizeof code, "%s", p->d.code);
		ui_pop(u);	/* the return screen stands in for the list */
		return_open(u, code);
	} else if (asked(k) == 0) {
		snprintf(q, sizeof q, _("%s: %s?"), p->d.code, life_step_label(k));
		ui_confirm(u, q, record_bare, p);
	} else {
		step_open(u, p, k);
	}
}

static void
pick_row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	struct st_pick *p = arg;
	char line[512];

	(void)u;
	if (p->why[i][0] == '\0')
		snprintf(line, sizeof line, "%c  %s", item_key(p, i), item_label(u, p, i));
	else
		snprintf(line, sizeof line, "%c  %s  (%s)", item_key(p, i), item_label(u, p, i),
		    p->why[i]);
	/* not offered: dimmed, unless it is the highlighted row */
	if (p->why[i][0] != '\0' && !sel)
		attrset(draw_attr(AT_DIM));
	draw_text(y, x + 1, line, width - 2, false);
}

static void
pick_draw(struct ui *u, void *st)
{
	struct st_pick *p = st;
	char line[400];

	snprintf(line, sizeof line, "%s  %s  (%s)", p->d.code, p->d.name,
	    life_status(p->d.status));
	draw_text(2, 2, line, COLS - 4, false);
	w_list_draw(u, &p->list, 4, 2, (int)p->list.n, COLS - 4, pick_row, p);
	attrset(draw_attr(AT_DIM));
	draw_wrap(5 + (int)p->list.n, 2, _("Each action keeps its letter whatever the "
	    "status; a dimmed one is not offered here, and says why."), COLS - 4, 2);
	attrset(A_NORMAL);
}

/* ↑ and ↓ pass over the rows not offered; 1 if moved. */
static int
step_over(struct st_pick *p, enum act a)
{
	size_t i = p->list.sel;

	while (a == ACT_UP ? i > 0 : i + 1 < p->list.n) {
		i = a == ACT_UP ? i - 1 : i + 1;
		if (p->why[i][0] == '\0') {
			p->list.sel = i;
			return 1;
		}
	}
	return 0;
}

static bool
pick_key(struct ui *u, void *st, int k, enum act a)
{
	struct st_pick *p = st;

	if (a == ACT_UP || a == ACT_DOWN) {
		step_over(p, a);
		return true;
	}
	if (w_list_key(&p->list, a, (int)p->list.n))
		return true;
	if (a == ACT_OK) {
		pick(u, p, p->list.sel);
		return true;
	}
	/* a letter (Caps Lock on is the same letter) */
	if (k >= 'A' && k <= 'Z')
		k += 'a' - 'A';
	if (a == ACT_NTH || (a == ACT_NONE && k >= 'a' && k <= 'z')) {
		for (size_t i = 0; i < p->list.n; i++)
			if (item_key(p, i) == k) {
				pick(u, p, i);
				return true;
			}
	}
	return false;
}

static const enum act pick_hints[] = {
	ACT_HELP, ACT_OK, ACT_UP, ACT_DOWN, ACT_BACK, ACT_NTH, ACT_NONE,
};

static const struct screen_ops screen_pick = {
	N_("Actions (the letter or Enter)"), sizeof(struct st_pick), NULL, pick_draw,
	pick_key, NULL, pick_hints, KM_PICK, NULL,
};

/* May the officer record kind k on this dossier?  1 yes; 0 no, with why
 * (a few words) in `why`. */
static int
may_record(struct ui *u, enum mc_kind_id k, bool colleague, const char **why)
{
	struct mc_err err;
	int rc;

	if (!role_may(u->officer.role, role_kind(k))) {
		*why = _("not for your role");
		return 0;
	}
	if (!colleague)
		return 1;
	if ((rc = role_colleague_may(u->db, u->officer.role, k, &err)) < 0) {
		ui_error(u, "%s", err.msg);
		*why = _("not for your role");
		return 0;
	}
	*why = _("only on your own dossiers");
	return rc;
}

void
action_open(struct ui *u, const struct mc_found *d, const char *receiver)
{
	struct st_pick *p;
	int base = u->depth;
	bool colleague = receiver != NULL && receiver[0] != '\0' &&
	    strcmp(receiver, u->officer.username) != 0;
	bool chosen = false;

	if ((p = ui_push_new(u, &screen_pick)) == NULL)
		return;
	p->d = *d;
	p->base = base;
	/* every step, offered or not, in the table's order: a row and a
	 * letter that stay where they are */
	for (int k = 0; k < MC_KIND_COUNT; k++) {
		const struct mc_kind *kind = vocab_kind((enum mc_kind_id)k);
		const char *why;
		size_t i = p->list.n;

		if (kind->action == NULL || kind->key == 0)
			continue;
		p->items[p->list.n++] = k;
		if (!lifecycle_allowed(d->status, kind))
			/* TRANSLATORS: why a step is not offered: %s is the
			 * dossier's status ("received") */
			snprintf(p->why[i], sizeof p->why[i], _("not when %s"),
			    life_status(d->status));
		else if (!may_record(u, (enum mc_kind_id)k, colleague, &why))
			snprintf(p->why[i], sizeof p->why[i], "%s", why);
		/* the highlight starts on the first step offered */
		if (p->why[i][0] == '\0' && !chosen) {
			p->list.sel = i;
			chosen = true;
		}
	}
	if (!chosen)
		p->list.sel = p->list.n;
	p->items[p->list.n++] = ITEM_SHEET;
}
