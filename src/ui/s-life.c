/* s-life.c — labels and small helpers shared by the lookup, return, due
 * board and detail screens (s-life.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/i18n.h"
#include "s-life.h"

/* TRANSLATORS: dossier statuses, shown in lists: keep them short. */
static const struct {
	const char *status, *label;
} statuses[] = {
	{"received", N_("received")}, {"processing", N_("processing")},
	{"transferred", N_("transferred")}, {"paused", N_("paused")},
	{"result_ready", N_("result ready")}, {"returned", N_("returned")},
	{"refused", N_("refused")}, {"withdrawn", N_("withdrawn")},
	{"cancelled", N_("cancelled")},
};

const char *
life_status(const char *status)
{
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		if (strcmp(statuses[i].status, status) == 0)
			return _(statuses[i].label);
	return status;
}

/* TRANSLATORS: the actions on a dossier, in the detail's action list. */
static const char *const step_labels[MC_STEP_COUNT] = {
	[MC_STEP_HANDOVER] = N_("Hand over to a specialist"),
	[MC_STEP_TRANSFER] = N_("Transfer to an agency"),
	[MC_STEP_TRANSFER_BACK] = N_("Transferred back"),
	[MC_STEP_PAUSE] = N_("Pause"),
	[MC_STEP_RESUME] = N_("Resume"),
	[MC_STEP_RESULT] = N_("Result"),
	[MC_STEP_RETURN] = N_("Return the result"),
	[MC_STEP_REFUSE] = N_("Refuse at the counter (Mẫu 03)"),
	[MC_STEP_WITHDRAW] = N_("Withdraw"),
	[MC_STEP_CANCEL] = N_("Cancel (supervisor)"),
	[MC_STEP_APOLOGIZE] = N_("Apologize, new date (Mẫu 04)"),
};

const char *
life_step_label(enum mc_step s)
{
	return s < MC_STEP_COUNT ? _(step_labels[s]) : "";
}

/* TRANSLATORS: events in a dossier's timeline; "%s" is what the event
 * says (a name, an agency, a reason). */
static const char *
kind_label(const char *kind)
{
	static const struct {
		const char *kind, *label;
	} kinds[] = {
		{"receive", N_("Received")}, {"handover", N_("Handed over")},
		{"transfer", N_("Transferred")}, {"transfer-back", N_("Transferred back")},
		{"pause", N_("Paused")}, {"resume", N_("Resumed")},
		{"result", N_("Result")}, {"return", N_("Returned")},
		{"refuse", N_("Refused at the counter")}, {"withdraw", N_("Withdrawn")},
		{"cancel", N_("Cancelled")}, {"apologize", N_("Apology")},
	};

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].kind, kind) == 0)
			return _(kinds[i].label);
	return kind;
}

static const char *
rating_label(const char *r)
{
	if (strcmp(r, "very_satisfied") == 0)
		return _("very satisfied");
	if (strcmp(r, "satisfied") == 0)
		return _("satisfied");
	if (strcmp(r, "not_satisfied") == 0)
		return _("not satisfied");
	return r;
}

/* Append ", text" (or "text" first) to buf. */
static void
add(char *buf, size_t n, const char *text)
{
	size_t len = strlen(buf);

	if (text == NULL || text[0] == '\0' || len + 3 >= n)
		return;
	snprintf(buf + len, n - len, "%s%s", len > 0 ? ", " : "", text);
}

void
life_event_text(sqlite3 *db, const struct mc_history_item *h, char *buf, size_t n)
{
	/* the body's fields by name; those an event does not have are NULL */
	static const char *const sql = "SELECT json_extract(?1, '$.to'), "
	    "json_extract(?1, '$.agency'), json_extract(?1, '$.outcome'), "
	    "json_extract(?1, '$.reason'), json_extract(?1, '$.collector'), "
	    "json_extract(?1, '$.collector_id'), json_extract(?1, '$.rating'), "
	    "substr(replace(json_extract(?1, '$.new_date'), 'T', ' '), 1, 16), "
	    "substr(replace(json_extract(?1, '$.due'), 'T', ' '), 1, 16)";
	sqlite3_stmt *st = NULL;
	char more[512] = "", tmp[320];

	snprintf(buf, n, "%s", kind_label(h->kind));
	if (h->body == NULL || sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, h->body, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *v[9];

		for (int i = 0; i < 9; i++)
			v[i] = (const char *)sqlite3_column_text(st, i);
		add(more, sizeof more, v[0]);
		add(more, sizeof more, v[1]);
		if (v[2] != NULL)
			add(more, sizeof more, strcmp(v[2], "refused") == 0 ? _("refused") :
			    _("approved"));
		add(more, sizeof more, v[3]);
		if (v[4] != NULL) {
			snprintf(tmp, sizeof tmp, _("collected by %s"), v[4]);
			add(more, sizeof more, tmp);
		}
		add(more, sizeof more, v[5]);
		if (v[6] != NULL)
			add(more, sizeof more, rating_label(v[6]));
		if (v[7] != NULL) {
			snprintf(tmp, sizeof tmp, _("new date %s"), v[7]);
			add(more, sizeof more, tmp);
		}
		if (v[8] != NULL) {
			snprintf(tmp, sizeof tmp, _("due %s"), v[8]);
			add(more, sizeof more, tmp);
		}
	}
	sqlite3_finalize(st);
	if (more[0] != '\0') {
		size_t len = strlen(buf);

		snprintf(buf + len, n - len, ": %s", more);
	}
}

struct get {
	const char *code;
	struct mc_found *out;
	bool found;
};

static int
get_one(const struct mc_found *f, void *arg)
{
	struct get *g = arg;

	if (strcmp(f->code, g->code) != 0)
		return 0;
	*g->out = *f;
	g->found = true;
	return 1;
}

int
life_get(struct ui *u, const char *code, struct mc_found *out)
{
	struct get g = {code, out, false};
	struct mc_err err;

	if (lifecycle_find(u->db, code, get_one, &g, &err) != 0) {
		ui_error(u, "%s", err.msg);
		return -1;
	}
	if (!g.found) {
		ui_error(u, _("no dossier with the code '%s'"), code);
		return 1;
	}
	return 0;
}

void
life_recorded(struct ui *u)
{
	u->gen++;
	ui_count_due(u);
}

void
life_slip(struct ui *u, enum slip_form form, const char *prefix, const char *code,
    const char *title, const char *done)
{
	struct mc_err err;
	char name[128], path[4096] = "", *text;
	const char *lead = done != NULL ? done : title;

	snprintf(name, sizeof name, "%s-%s", prefix, code);
	if ((text = slip_render(u->db, u->db_path, form, code, &err)) == NULL) {
		ui_error(u, _("%s, but the form could not be made: %s"), lead, err.msg);
		return;
	}
	if (slip_save(u->db_path, name, text, path, sizeof path, &err) != 0) {
		slip_open(u, title, name, text, "");
		ui_error(u, _("%s, but the form was not saved: %s"), lead, err.msg);
		return;
	}
	slip_open(u, title, name, text, path);
	ui_msg(u, _("%s. Form saved: %s"), lead,
	    strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path);
}

void
life_days(enum mc_due_group g, int days, char *buf, size_t n)
{
	if (g == MC_DUE_PAUSED)
		snprintf(buf, n, "%s", _("paused"));
	else if (days < 0)
		snprintf(buf, n, ngettext("%d day late", "%d days late",
		    (unsigned long)-days), -days);
	else if (days == 0)
		snprintf(buf, n, "%s", g == MC_DUE_OVERDUE ? _("late") : _("due today"));
	else
		snprintf(buf, n, ngettext("%d day left", "%d days left", (unsigned long)days),
		    days);
}
