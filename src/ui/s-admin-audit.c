/* s-admin-audit.c — F9 Audit: the station's audit events (audit.h),
 * newest first, scrolled, filtered by officer and dates (f).  A
 * supervisor's and an auditor's; it only reads. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/audit.h"
#include "motcua/date.h"
#include "motcua/i18n.h"
#include "s-admin.h"

#define AUDIT_MAX 5000

struct line {
	char at[17];		/* "2026-11-20 09:00" */
	char officer[64];
	char text[600];		/* the label and the detail */
};

struct st_audit {
	struct w_list list;
	struct line *rows;
	size_t n;
	bool more;		/* AUDIT_MAX reached: older ones left out */
	char officer[MC_USER_LEN];
	char from[MC_DATE_LEN], to[MC_DATE_LEN];
	bool loaded;
};

static int
collect(const struct audit_item *it, void *arg)
{
	struct st_audit *s = arg;
	struct line *l;

	if (s->n >= AUDIT_MAX) {
		s->more = true;
		return 1;
	}
	l = &s->rows[s->n++];
	/* "2026-11-20T09:00:00+07:00" shown as "2026-11-20 09:00" */
	snprintf(l->at, sizeof l->at, "%.10s %.5s", it->at, strlen(it->at) > 11 ? it->at + 11 :
	    "");
	snprintf(l->officer, sizeof l->officer, "%s", it->officer);
	snprintf(l->text, sizeof l->text, "%s%s%s", it->label, it->detail[0] ? ": " : "",
	    it->detail);
	return 0;
}

static void
reload(struct ui *u, struct st_audit *s)
{
	struct audit_filter f = { 0, 0, NULL };
	struct mc_err err;

	if (s->rows == NULL && (s->rows = calloc(AUDIT_MAX, sizeof *s->rows)) == NULL) {
		ui_error(u, "%s", _("out of memory"));
		return;
	}
	if (s->from[0] != '\0' && date_parse(s->from, &f.from) != 0)
		f.from = 0;
	if (s->to[0] != '\0' && date_parse(s->to, &f.to) != 0)
		f.to = 0;
	f.officer = s->officer[0] != '\0' ? s->officer : NULL;
	s->n = 0;
	s->more = false;
	if (audit_list(u->db, &f, collect, s, &err) < 0)
		ui_error(u, "%s", err.msg);
	s->list.n = s->n;
	s->list.sel = s->list.top = 0;
	s->loaded = true;
}

static void
row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	struct st_audit *s = arg;
	char line[700];

	(void)u;
	(void)sel;
	snprintf(line, sizeof line, "%-16s  %-12s %s", s->rows[i].at, s->rows[i].officer,
	    s->rows[i].text);
	draw_text(y, x + 1, line, width - 1, false);
}

static void
draw(struct ui *u, void *st)
{
	struct st_audit *s = st;
	char line[256];

	if (!s->loaded)
		reload(u, s);
	snprintf(line, sizeof line, _("Officer: %s   From: %s   To: %s   %zu events%s"),
	    s->officer[0] ? s->officer : _("all"), s->from[0] ? s->from : "—",
	    s->to[0] ? s->to : "—", s->n, s->more ? _(" (the newest only)") : "");
	draw_text(2, 2, line, COLS - 4, false);
	snprintf(line, sizeof line, "%-16s  %-12s %s", _("When"), _("Officer"), _("What"));
	attrset(draw_attr(AT_TITLE));
	draw_text(3, 3, line, COLS - 4, false);
	attrset(A_NORMAL);
	if (s->n == 0)
		draw_text(5, 4, _("No audit event matches."), COLS - 8, false);
	w_list_draw(u, &s->list, 4, 2, LINES - 7, COLS - 4, row, s);
}

/* Field 0 the officer, 1 and 2 the dates. */
static int
filter_submit(struct ui *u, struct adm_form *fm)
{
	struct st_audit *s = fm->ctx;
	char *v[3] = { 0 }, from[MC_DATE_LEN], to[MC_DATE_LEN];
	int rc = -1;

	for (int i = 0; i < 3; i++)
		if ((v[i] = adm_form_get(fm, i)) == NULL)
			goto out;
	if (ui_parse_date(v[1], from) != 0 || ui_parse_date(v[2], to) != 0) {
		ui_error(u, "%s", _("a date is not valid: type it as 20/11/2026, or leave it "
		    "empty"));
		goto out;
	}
	snprintf(s->officer, sizeof s->officer, "%s", v[0]);
	snprintf(s->from, sizeof s->from, "%s", from);
	snprintf(s->to, sizeof s->to, "%s", to);
	s->loaded = false;
	rc = 0;
out:
	for (int i = 0; i < 3; i++)
		free(v[i]);
	return rc;
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct st_audit *s = st;
	struct adm_form *fm;

	(void)k;
	if (w_list_key(&s->list, a, LINES - 7))
		return true;
	if (a == ACT_BACK) {
		ui_pop(u);
		return true;
	}
	if (a != ACT_FILTER)
		return false;
	if ((fm = adm_form_open(u, _("Which audit events: an officer's username (empty: "
	    "all), from and to a date (empty: no bound)."), filter_submit)) == NULL)
		return true;
	fm->ctx = s;
	/* TRANSLATORS: form labels, under 23 columns */
	w_field_set(&fm->f[adm_form_add(fm, N_("Officer"), FK_TEXT, false)], s->officer);
	w_field_set(&fm->f[adm_form_add(fm, N_("From (date)"), FK_DATE, false)], s->from);
	w_field_set(&fm->f[adm_form_add(fm, N_("To (date)"), FK_DATE, false)], s->to);
	for (int i = 0; i < 3; i++)
		fm->f[i].optional = true;
	return true;
}

static void
leave(struct ui *u, void *st)
{
	struct st_audit *s = st;

	(void)u;
	if (s != NULL)
		free(s->rows);
}

static const enum act hints[] = {
	ACT_HELP, ACT_FILTER, ACT_UP, ACT_DOWN, ACT_PGDN, ACT_PGUP, ACT_BACK, ACT_NONE,
};

static const struct screen_ops screen_audit = {
	N_("Audit"), sizeof(struct st_audit), NULL, draw, key, leave, hints, KM_ADM_AUDIT,
	NULL,
};

void
admin_audit_open(struct ui *u)
{
	if (!admin_may(u, MC_ACT_AUDIT))
		return;
	ui_push_new(u, &screen_audit);
}
