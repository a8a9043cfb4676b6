/* s-action.c — the actions on one dossier: a list of the steps its status
 * allows (lifecycle_allowed) and the control sheet; then the step's few
 * fields in a small form, a confirmation, and lifecycle_record.  A step
 * the core refuses leaves its message on the bottom line and the form as
 * typed; nothing is written.  After a step, back to the detail, which
 * reloads; a refusal at the counter gives Mẫu 03, an apology Mẫu 04. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/i18n.h"
#include "s-life.h"
#include "s-receive.h"

#define ITEM_SHEET MC_STEP_COUNT	/* the control sheet, after the steps */

struct st_pick {
	struct mc_found d;
	int items[MC_STEP_COUNT + 1];
	struct w_list list;
	int base;		/* the stack depth of the detail below */
};

/* TRANSLATORS: result outcomes and the form's field labels (under 14
 * columns). */
static const char *const outcome_choices[] = { N_("approved"), N_("refused"), NULL };

struct st_step {
	struct mc_found d;
	enum mc_step step;
	struct w_field f[3];
	int nf, focus;
	int base;
};

static void
recorded(struct ui *u, int base, const char *code, enum mc_step step)
{
	char done[256];

	ui_pop_to(u, base);
	life_recorded(u);
	snprintf(done, sizeof done, _("%s: %s recorded"), code, life_step_label(step));
	if (step == MC_STEP_REFUSE)
		life_slip(u, SLIP_REFUSAL, "mau03", code, _("Refusal (Mẫu 03)"), done);
	else if (step == MC_STEP_APOLOGIZE)
		life_slip(u, SLIP_APOLOGY, "mau04", code, _("Apology (Mẫu 04)"), done);
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

/* The apology's new date-time from the date and time fields. */
static int
new_date(struct ui *u, struct st_step *s, struct mc_time *t)
{
	char *d = w_field_get(&s->f[1]), *h = w_field_get(&s->f[2]);
	char iso[MC_DATE_LEN], both[64];
	int rc = -1;

	if (d == NULL || h == NULL)
		ui_error(u, "%s", _("out of memory"));
	else if (flow_parse_date(d, iso) != 0 || iso[0] == '\0')
		ui_error(u, _("'%s' is not a date: type it as DD/MM/YYYY"), d);
	else if (snprintf(both, sizeof both, "%s %s", iso, h) < 0 ||
	    date_parse_time(both, t) != 0)
		ui_error(u, _("'%s' is not a time: type it as HH:MM"), h);
	else
		rc = 0;
	free(d);
	free(h);
	return rc;
}

static void
commit(struct ui *u, void *arg)
{
	struct st_step *s = arg;
	struct mc_step_args a;
	struct mc_time now;
	struct mc_err err;
	char *v[3] = {NULL, NULL, NULL};
	int rc = -1;

	memset(&a, 0, sizeof a);
	for (int i = 0; i < s->nf; i++)
		if (s->f[i].kind != FK_CHOICE)
			v[i] = value(&s->f[i]);
	switch (s->step) {
	case MC_STEP_HANDOVER:
		a.to = v[0];
		break;
	case MC_STEP_TRANSFER:
	case MC_STEP_TRANSFER_BACK:
		a.agency = v[0];
		break;
	case MC_STEP_RESULT:
		a.refused = s->f[0].choice == 1;
		a.reason = v[1];
		break;
	case MC_STEP_APOLOGIZE:
		if (new_date(u, s, &a.new_date) != 0)
			goto out;
		a.reason = v[0];
		break;
	default:
		a.reason = v[0];
		break;
	}
	date_now(&now);
	rc = lifecycle_record(u->db, u->cal, s->d.code, s->step, &a, &now,
	    u->officer.username, &err);
	if (rc != 0)
		ui_error(u, "%s", err.msg);
out:
	for (int i = 0; i < 3; i++)
		free(v[i]);
	if (rc == 0) {
		struct mc_found d = s->d;

		recorded(u, s->base, d.code, s->step);	/* frees s */
	}
}

static void
step_draw(struct ui *u, void *st)
{
	struct st_step *s = st;
	char line[400];

	attrset(draw_attr(AT_TITLE));
	draw_text(2, 2, life_step_label(s->step), COLS - 4, false);
	attrset(A_NORMAL);
	snprintf(line, sizeof line, "%s  %s  (%s)", s->d.code, s->d.name,
	    life_status(s->d.status));
	draw_text(3, 2, line, COLS - 4, false);
	for (int i = 0; i < s->nf; i++)
		w_field_draw(u, &s->f[i], 5 + 2 * i, 2, 16, COLS - 6, i == s->focus);
	draw_text(6 + 2 * s->nf, 2, _("Enter: next field, then record. Esc: back, nothing "
	    "is written."), COLS - 4, false);
}

static bool
step_key(struct ui *u, void *st, int k, enum act a)
{
	struct st_step *s = st;

	if (a == ACT_OK || a == ACT_NEXT || a == ACT_PREV)
		w_field_commit(&s->f[s->focus]);
	if (a == ACT_OK && s->focus + 1 < s->nf) {
		s->focus++;
		return true;
	}
	if (a == ACT_OK) {
		char q[512];

		snprintf(q, sizeof q, _("%s: %s?"), s->d.code, life_step_label(s->step));
		ui_confirm(u, q, commit, s);
		return true;
	}
	if (a == ACT_NEXT || a == ACT_PREV) {
		s->focus = (s->focus + (a == ACT_NEXT ? 1 : s->nf - 1)) % s->nf;
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
	ACT_HELP, ACT_OK, ACT_NEXT, ACT_TELEX, ACT_BACK, ACT_CHOICE_NEXT, ACT_NONE,
};

static const struct screen_ops screen_step = {
	N_("Action on a dossier"), sizeof(struct st_step), NULL, step_draw, step_key, NULL,
	step_hints, KM_STEP | KF_TEXT | KF_CHOICE, step_keymap,
};

static void
step_open(struct ui *u, struct st_pick *p, enum mc_step step)
{
	struct st_step *s;

	ui_push(u, &screen_step, NULL);
	if (u->depth == 0 || u->stack[u->depth - 1].ops != &screen_step)
		return;
	s = u->stack[u->depth - 1].st;
	s->d = p->d;
	s->step = step;
	s->base = p->base;
	s->nf = 1;
	switch (step) {
	case MC_STEP_HANDOVER:
		w_field_init(&s->f[0], N_("To (officer):"), FK_TEXT, true);
		break;
	case MC_STEP_TRANSFER:
	case MC_STEP_TRANSFER_BACK:
		w_field_init(&s->f[0], N_("Agency:"), FK_TEXT, true);
		break;
	case MC_STEP_RESULT:
		w_field_init(&s->f[0], N_("Outcome:"), FK_CHOICE, false);
		s->f[0].choices = outcome_choices;
		w_field_init(&s->f[1], N_("Reason:"), FK_TEXT, true);
		s->f[1].optional = true;
		s->nf = 2;
		break;
	case MC_STEP_APOLOGIZE:
		w_field_init(&s->f[0], N_("Reason:"), FK_TEXT, true);
		w_field_init(&s->f[1], N_("New date:"), FK_DATE, false);
		w_field_init(&s->f[2], N_("Time:"), FK_TEXT, false);
		/* the time of day of the present appointment, to keep or change */
		w_field_set(&s->f[2], strlen(s->d.appointment) >= 16 ? s->d.appointment + 11 :
		    "17:00");
		s->nf = 3;
		break;
	default:
		w_field_init(&s->f[0], N_("Reason:"), FK_TEXT, true);
		s->f[0].optional = step == MC_STEP_WITHDRAW;
		break;
	}
}

/* Resume has nothing to ask: confirm and record from the list. */
static void
resume(struct ui *u, void *arg)
{
	struct st_pick *p = arg;
	struct mc_time now;
	struct mc_step_args a;
	struct mc_err err;
	char code[64];

	memset(&a, 0, sizeof a);
	date_now(&now);
	snprintf(code, sizeof code, "%s", p->d.code);
	if (lifecycle_record(u->db, u->cal, code, MC_STEP_RESUME, &a, &now,
	    u->officer.username, &err) != 0) {
		ui_error(u, "%s", err.msg);
		return;
	}
	recorded(u, p->base, code, MC_STEP_RESUME);
}

static void
pick(struct ui *u, struct st_pick *p, size_t i)
{
	int it = p->items[i];
	char q[512], code[64];

	if (it == ITEM_SHEET) {
		life_slip(u, SLIP_CONTROL, "mau05", p->d.code, _("Control sheet (Mẫu 05)"),
		    NULL);
	} else if (it == MC_STEP_RETURN) {
		snprintf(code, sizeof code, "%s", p->d.code);
		ui_pop(u);	/* the return screen stands in for the list */
		return_open(u, code);
	} else if (it == MC_STEP_RESUME) {
		snprintf(q, sizeof q, _("%s: %s?"), p->d.code, life_step_label(MC_STEP_RESUME));
		ui_confirm(u, q, resume, p);
	} else {
		step_open(u, p, (enum mc_step)it);
	}
}

static void
pick_row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	struct st_pick *p = arg;
	char line[256];

	(void)u;
	(void)sel;
	snprintf(line, sizeof line, "%zu  %s", i + 1, p->items[i] == ITEM_SHEET ?
	    _("Control sheet (Mẫu 05): preview, print") :
	    life_step_label((enum mc_step)p->items[i]));
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
	w_list_draw(u, &p->list, 4, 2, (int)p->list.n, 50, pick_row, p);
}

static bool
pick_key(struct ui *u, void *st, int k, enum act a)
{
	struct st_pick *p = st;

	if (w_list_key(&p->list, a, (int)p->list.n))
		return true;
	if (a == ACT_OK) {
		pick(u, p, p->list.sel);
		return true;
	}
	if (a == ACT_NTH && keys_digit(k) >= 1 && (size_t)keys_digit(k) <= p->list.n) {
		p->list.sel = (size_t)keys_digit(k) - 1;
		pick(u, p, p->list.sel);
		return true;
	}
	return false;
}

static const enum act pick_hints[] = {
	ACT_HELP, ACT_OK, ACT_UP, ACT_DOWN, ACT_BACK, ACT_NTH, ACT_NONE,
};

static const struct screen_ops screen_pick = {
	N_("Actions (the digit or Enter)"), sizeof(struct st_pick), NULL, pick_draw, pick_key,
	NULL, pick_hints, KM_PICK, NULL,
};

void
action_open(struct ui *u, const struct mc_found *d)
{
	struct st_pick *p;
	int base = u->depth;

	ui_push(u, &screen_pick, NULL);
	if (u->depth == 0 || u->stack[u->depth - 1].ops != &screen_pick)
		return;
	p = u->stack[u->depth - 1].st;
	p->d = *d;
	p->base = base;
	for (int s = 0; s < MC_STEP_COUNT; s++)
		if (lifecycle_allowed(d->status, (enum mc_step)s))
			p->items[p->list.n++] = s;
	p->items[p->list.n++] = ITEM_SHEET;
}
