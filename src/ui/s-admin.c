/* s-admin.c — F9, the administration screen: a menu of eight items for a
 * supervisor (an auditor looks, read-only; an officer is refused), the
 * role's say over each change key, a scrolled text view, and the item
 * "This station". */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "motcua/db.h"
#include "motcua/event.h"
#include "motcua/i18n.h"
#include "motcua/key.h"
#include "motcua/trust.h"
#include "s-admin.h"

bool
admin_may(struct ui *u, enum mc_action a)
{
	struct mc_err err;

	if (role_check(u->officer.role, a, &err) == 0)
		return true;
	ui_error(u, "%s", err.msg);
	return false;
}

void
admin_draw_mode(struct ui *u, enum mc_action a)
{
	char line[256];

	if (role_may(u->officer.role, a))
		return;
	snprintf(line, sizeof line, _("Read only: the role %s may look here but change "
	    "nothing."), unit_role_name(u->officer.role));
	attrset(draw_attr(AT_DIM));
	draw_text(LINES - 3, 2, line, COLS - 4, false);
	attrset(A_NORMAL);
}

bool
adm_text_add(struct adm_text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return false;
	if (t->len + (size_t)n + 1 > t->cap) {
		size_t cap = (t->len + (size_t)n + 1) * 2;
		char *nb = realloc(t->buf, cap);

		if (nb == NULL)
			return false;
		t->buf = nb;
		t->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(t->buf + t->len, t->cap - t->len, fmt, ap);
	va_end(ap);
	t->len += (size_t)n;
	return true;
}

/* ---- a scrolled text view -------------------------------------------- */

#define VIEW_LINES 2000

struct st_view {
	char title[128];
	char *text;
	const char *line[VIEW_LINES];
	size_t n, top;
};

static int
view_height(void)
{
	return LINES - 6;
}

static void
view_draw(struct ui *u, void *st)
{
	struct st_view *v = st;

	(void)u;
	attrset(draw_attr(AT_TITLE));
	draw_text(2, 2, v->title, COLS - 4, false);
	attrset(A_NORMAL);
	for (int i = 0; i < view_height() && v->top + (size_t)i < v->n; i++)
		draw_text(3 + i, 2, v->line[v->top + (size_t)i], COLS - 4, false);
}

static bool
view_key(struct ui *u, void *st, int k, enum act a)
{
	struct st_view *v = st;

	(void)k;
	if (w_scroll_key(&v->top, v->n, (size_t)view_height(), a))
		return true;
	if (a == ACT_BACK) {
		ui_pop(u);
		return true;
	}
	return false;
}

static void
view_leave(struct ui *u, void *st)
{
	struct st_view *v = st;

	(void)u;
	if (v != NULL)
		free(v->text);
}

static const enum act view_hints[] = {
	ACT_HELP, ACT_UP, ACT_DOWN, ACT_PGDN, ACT_BACK, ACT_NONE,
};

static const struct screen_ops screen_view = {
	N_("Administration"), sizeof(struct st_view), NULL, view_draw, view_key,
	view_leave, view_hints, KM_ADM_VIEW, NULL,
};

void
admin_view_open(struct ui *u, const char *title, char *text)
{
	struct st_view *v;

	if (text == NULL) {
		ui_error(u, "%s", _("out of memory"));
		return;
	}
	if ((v = ui_push_new(u, &screen_view)) == NULL) {
		free(text);
		return;
	}
	snprintf(v->title, sizeof v->title, "%s", title);
	v->text = text;
	/* cut into lines in place */
	for (char *p = text; *p != '\0' && v->n < VIEW_LINES; ) {
		char *nl = strchr(p, '\n');

		v->line[v->n++] = p;
		if (nl == NULL)
			break;
		*nl = '\0';
		p = nl + 1;
	}
}

/* ---- this station ------------------------------------------------------- */

static void
size_text(long long bytes, char *buf, size_t n)
{
	if (bytes < 0)
		snprintf(buf, n, "%s", _("unknown (the file cannot be read)"));
	else if (bytes < 10 * 1024)
		snprintf(buf, n, _("%lld bytes"), bytes);
	else if (bytes < 10LL * 1024 * 1024)
		snprintf(buf, n, _("%lld KiB"), bytes / 1024);
	else
		snprintf(buf, n, _("%lld MiB"), bytes / (1024 * 1024));
}

void
admin_station_open(struct ui *u)
{
	struct adm_text t = { 0 };
	struct mc_err err;
	char id[MC_UUID_LEN], size[64], backup[4096], when[64], pub[MC_KEY_HEX], fpr[MC_FPR_LEN];
	long long mtime, alarms;
	int rc;

	if (event_station(u->db, id, &err) != 0)
		snprintf(id, sizeof id, "%s", "?");
	size_text(db_disk_size(u->db_path), size, sizeof size);
	adm_text_add(&t, "%-22s %s\n", _("Unit:"), u->unit.name);
	adm_text_add(&t, "%-22s %s\n", _("Receiving body:"), u->unit.body);
	adm_text_add(&t, "%-22s %s\n", _("Place on the forms:"), u->unit.place);
	adm_text_add(&t, "%-22s %s\n", _("Unit code:"), u->unit.code);
	adm_text_add(&t, "%-22s %s\n", _("Address:"), u->unit.address);
	adm_text_add(&t, "%-22s %s\n", _("Phone:"), u->unit.phone);
	adm_text_add(&t, "%-22s %d\n", _("Station number:"), u->unit.station);
	adm_text_add(&t, "%-22s %s\n", _("Station identity:"), id);
	if (key_public(u->db, pub, &err) == 0) {
		key_fingerprint(pub, fpr);
		adm_text_add(&t, "%-22s %s\n", _("Key fingerprint:"), fpr);
	}
	if ((alarms = trust_alarms(u->db, &err)) > 0)
		adm_text_add(&t, "%-22s %lld (%s)\n", _("CLONE ALARM:"), alarms,
		    _("see 'motcua station list' and CLONED STATIONS in the manual"));
	adm_text_add(&t, "%-22s %s\n", _("Database:"), u->db_path);
	adm_text_add(&t, "%-22s %s\n", _("Size on disk:"), size);
	rc = db_backup_latest(backup, sizeof backup, &mtime, &err);
	if (rc < 0) {
		adm_text_add(&t, "%-22s %s\n", _("Last backup:"), err.msg);
	} else if (rc == 0) {
		adm_text_add(&t, "%-22s %s\n", _("Last backup:"), _("no backup written yet"));
	} else {
		time_t tt = (time_t)mtime;
		struct tm tm;

		if (localtime_r(&tt, &tm) == NULL ||
		    strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm) == 0)
			snprintf(when, sizeof when, "?");
		char *slash = strrchr(backup, '/');

		adm_text_add(&t, "%-22s %s (%s)\n", _("Last backup:"), slash + 1, when);
		*slash = '\0';
		adm_text_add(&t, "%-22s %s\n", _("Backups folder:"), backup);
	}
	admin_view_open(u, _("This station"), t.buf);
}

/* ---- the menu ----------------------------------------------------------- */

/* TRANSLATORS: the items of the administration menu (F9), under 30
 * columns */
static const char *const items[] = {
	N_("Officers"), N_("Catalog"), N_("Holidays"), N_("Settings"), N_("This station"),
	N_("Audit"), N_("The unit"), N_("Check this PC"),
};
#define NITEMS (sizeof items / sizeof items[0])

struct st_admin {
	struct w_list list;
};

static void
activate(struct ui *u, size_t i)
{
	static void (*const open[])(struct ui *) = {
		admin_officers_open, admin_catalog_open, admin_holidays_open,
		admin_settings_open, admin_station_open, admin_audit_open, admin_unit_open,
		admin_doctor_open,
	};

	if (i < NITEMS)
		open[i](u);
}

static void
row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	char line[128];

	(void)u;
	(void)arg;
	(void)sel;
	snprintf(line, sizeof line, "%zu  %s", i + 1, _(items[i]));
	draw_text(y, x + 1, line, width - 1, false);
}

static void
draw(struct ui *u, void *st)
{
	struct st_admin *m = st;
	char line[256];

	snprintf(line, sizeof line, _("Administration of %s, by %s (%s)."), u->unit.name,
	    u->officer.username, unit_role_name(u->officer.role));
	draw_text(3, 4, line, COLS - 8, false);
	m->list.n = NITEMS;
	w_list_draw(u, &m->list, 5, 4, (int)NITEMS, 40, row, NULL);
	admin_draw_mode(u, MC_ACT_OFFICER);
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct st_admin *m = st;

	if (w_list_key(&m->list, a, (int)NITEMS))
		return true;
	if (a == ACT_OK) {
		activate(u, m->list.sel);
		return true;
	}
	if (a == ACT_NTH) {
		int d = keys_digit(k);

		if (d >= 1 && (size_t)d <= NITEMS) {
			m->list.sel = (size_t)d - 1;
			activate(u, m->list.sel);
		}
		return true;
	}
	if (a == ACT_BACK) {
		ui_pop(u);
		return true;
	}
	return false;
}

static const enum act hints[] = {
	ACT_HELP, ACT_OK, ACT_NTH, ACT_UP, ACT_DOWN, ACT_BACK, ACT_NONE,
};

static const struct screen_ops screen_admin = {
	N_("Administration"), sizeof(struct st_admin), NULL, draw, key, NULL, hints,
	KM_ADMIN, NULL,
};

void
admin_open(struct ui *u)
{
	/* a supervisor's screen that an auditor may look at */
	if (!role_may(u->officer.role, MC_ACT_OFFICER) &&
	    !role_may(u->officer.role, MC_ACT_AUDIT)) {
		ui_error(u, _("Administration (F9) is for a supervisor or an auditor: %s is "
		    "%s"), u->officer.username, unit_role_name(u->officer.role));
		return;
	}
	ui_push_new(u, &screen_admin);
}
