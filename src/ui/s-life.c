/* s-life.c — labels and small helpers shared by the lookup, return, due
 * board and detail screens (s-life.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/i18n.h"
#include "s-life.h"

const char *
life_status(const char *status)
{
	return vocab_status_label(status);
}

const char *
life_step_label(const struct mc_kind *k)
{
	return k != NULL && k->action != NULL ? _(k->action) : "";
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
life_event_text(const struct mc_history_item *h, char *buf, size_t n)
{
	char more[512] = "";

	snprintf(buf, n, "%s", h->kind != NULL ? _(h->kind->label) : h->kind_name);
	for (size_t i = 0; i < h->nvalues; i++)
		add(more, sizeof more, h->values[i].line);
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
	char name[128];

	snprintf(name, sizeof name, "%s-%s", prefix, code);
	ui_slip_show(u, form, code, name, title, done != NULL ? done : title, true);
}

void
life_days(enum mc_due_group g, int days, char *buf, size_t n)
{
	if (g == MC_DUE_PAUSED)
		snprintf(buf, n, "%s", _(vocab_status_paused()->label));
	else if (days < 0)
		snprintf(buf, n, ngettext("%d day late", "%d days late",
		    (unsigned long)-days), -days);
	else if (days == 0)
		snprintf(buf, n, "%s", g == MC_DUE_OVERDUE ? _("late") : _("due today"));
	else
		snprintf(buf, n, ngettext("%d day left", "%d days left", (unsigned long)days),
		    days);
}

/* The 2018 set numbers the control sheet Mẫu 05 and has no stop notice;
 * the 2025 set's control sheet is its form 6, the stop notice form 5
 * (slip.h), which the 2018 set borrows. */
const char *
life_form_title(struct ui *u, enum slip_form form, const char *fallback)
{
	bool y2025 = slip_form_set(u->db) == SLIP_SET_2025;

	if (form == SLIP_CONTROL)
		return y2025 ? _("Control sheet (Mẫu 06)") : _("Control sheet (Mẫu 05)");
	if (form == SLIP_STOP)
		return y2025 ? _("Stop notice (Mẫu 05)") :
		    _("Stop notice (Mẫu 05 of Circular 03/2025)");
	return fallback != NULL ? _(fallback) : "";
}

const char *
life_sheet_item(struct ui *u)
{
	return slip_form_set(u->db) == SLIP_SET_2025 ?
	    _("Control sheet (Mẫu 06): preview, print") :
	    _("Control sheet (Mẫu 05): preview, print");
}

const char *
life_detail_keys(struct ui *u)
{
	return slip_form_set(u->db) == SLIP_SET_2025 ?
	    _("Enter: actions    p: control sheet (Mẫu 06)    Esc: back") :
	    _("Enter: actions    p: control sheet (Mẫu 05)    Esc: back");
}
