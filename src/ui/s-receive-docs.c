/* s-receive-docs.c — F2, step 2: the documents handed in.  Every item
 * starts unchecked; Space toggles, `a` marks all (again: clears all),
 * digits jump.  With a required document missing, Enter offers the
 * supplement request (Mẫu 02) listing everything missing at once. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "motcua/i18n.h"
#include "motcua/vntext.h"
#include "s-receive.h"

void
flow_docs_spec(const struct flow *fl, char *buf, size_t n)
{
	size_t used = 0, on = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < fl->proc.ndocs; i++)
		on += fl->docs.on[i];
	if (on == 0) {
		snprintf(buf, n, "none");
		return;
	}
	if (on == fl->proc.ndocs) {
		snprintf(buf, n, "all");
		return;
	}
	for (size_t i = 0; i < fl->proc.ndocs && used + 8 < n; i++)
		if (fl->docs.on[i])
			used += (size_t)snprintf(buf + used, n - used, "%s%d", used ? "," : "",
			    fl->proc.docs[i].position);
}

size_t
flow_missing(const struct flow *fl)
{
	size_t n = 0;

	for (size_t i = 0; i < fl->proc.ndocs; i++)
		if (fl->proc.docs[i].required && !fl->docs.on[i])
			n++;
	return n;
}

static void
row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	struct flow *fl = arg;
	const struct mc_document *d = &fl->proc.docs[i];
	char head[16], tail[96];
	int tw;

	(void)u;
	(void)sel;
	snprintf(head, sizeof head, "[%s] %2zu.", fl->docs.on[i] ? "x" : " ", i + 1);
	snprintf(tail, sizeof tail, "%s ×%d %s", fmt_form(d->form), d->quantity,
	    d->required ? "*" : " ");
	tw = (int)vntext_width(tail);
	draw_text(y, x + 1, head, 8, false);
	draw_text(y, x + 9, d->name, width - 10 - tw - 1, false);
	draw_text_right(y, x + width - 1, tail);
}

static void
draw(struct ui *u, void *st)
{
	struct flow *fl = st;
	char line[512], fee[64], limit[64];
	size_t on = 0;

	format_fee(fl->proc.fee, FORMAT_SCREEN, fee, sizeof fee);
	format_limit_text(fl->proc.time_limit, FORMAT_SCREEN, limit, sizeof limit);
	snprintf(line, sizeof line, "%s  %s", fl->proc.code, fl->proc.name);
	attrset(draw_attr(AT_TITLE));
	draw_text(2, 1, line, COLS - 2, false);
	attrset(A_NORMAL);
	snprintf(line, sizeof line, "%s: %s   %s: %s", _("Time limit"), limit, _("Fee"), fee);
	draw_text(3, 1, line, COLS - 2, false);
	w_list_draw(u, &fl->docs.list, 5, 0, LINES - 10, COLS, row, fl);
	for (size_t i = 0; i < fl->proc.ndocs; i++)
		on += fl->docs.on[i];
	snprintf(line, sizeof line, _("Received %zu of %zu documents; %zu required missing. "
	    "* = required"), on, fl->proc.ndocs, flow_missing(fl));
	draw_text(LINES - 4, 1, line, COLS - 2, false);
}

static void
to_applicant(struct ui *u, void *arg)
{
	struct flow *fl = arg;

	fl->guide = flow_missing(fl) > 0;
	ui_push(u, &screen_applicant, fl);
}

static void
next(struct ui *u, struct flow *fl)
{
	char text[1024];
	size_t used, k = 0;

	if (flow_missing(fl) == 0) {
		to_applicant(u, fl);
		return;
	}
	used = (size_t)snprintf(text, sizeof text, "%s\n",
	    _("Required documents are missing:"));
	for (size_t i = 0; i < fl->proc.ndocs && used < sizeof text - 80; i++) {
		if (!fl->proc.docs[i].required || fl->docs.on[i])
			continue;
		if (++k > 5) {
			used += (size_t)snprintf(text + used, sizeof text - used, "…\n");
			break;
		}
		used += (size_t)snprintf(text + used, sizeof text - used, "%d. %.60s\n",
		    fl->proc.docs[i].position, fl->proc.docs[i].name);
	}
	snprintf(text + used, sizeof text - used, "%s", _("Give the citizen the supplement "
	    "request (Mẫu 02) listing all of them? No dossier is created."));
	ui_confirm(u, text, to_applicant, fl);
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct flow *fl = st;

	if (a == ACT_OK) {
		next(u, fl);
		return true;
	}
	return w_check_key(&fl->docs, k, a, LINES - 10);
}

static const enum act hints[] = {
	ACT_HELP, ACT_TOGGLE, ACT_ALL, ACT_OK, ACT_BACK, ACT_NTH, ACT_NONE,
};

const struct screen_ops screen_docs = {
	N_("Receive 2/4: documents handed in"), 0, NULL, draw, key, NULL, hints, KM_DOCS, NULL,
};
