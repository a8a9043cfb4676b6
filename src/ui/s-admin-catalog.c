/* s-admin-catalog.c — F9 Catalog: every procedure (abolished ones too),
 * one procedure's details with its documents and its versions, the
 * import of the province's catalog (its counts shown before it is
 * applied: core's dry run), abolishing or restoring a procedure, and the
 * amendment of a time limit, a fee or the documents (a new version of the
 * procedure; dossiers already received keep their own copy), and its
 * routing: the deciding body and whether this unit decides the procedure
 * or forwards it there (also an amendment, core's catalog_amend). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/catalog.h"
#include "motcua/i18n.h"
#include "motcua/vntext.h"
#include "s-admin.h"

#define PROCS_MAX 4096

struct proc_row {
	char *code, *name, *limit;
	long long fee;
	bool abolished;
};

struct st_catalog {
	struct w_list list;
	struct proc_row *rows;
	size_t n, cap;
	unsigned seen;		/* reload when another screen changed things */
	bool loaded;
	char pending[1024];	/* the file to import, once confirmed */
};

static const struct screen_ops screen_catalog;

/* The routing form's choice, in catalog_routing's order less KEEP. */
static const char *const routings[] = { N_("decided here"), N_("forwarded"), NULL };

static void
rows_free(struct st_catalog *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->rows[i].code);
		free(s->rows[i].name);
		free(s->rows[i].limit);
	}
	s->n = 0;
}

static int
collect(const struct mc_procedure *p, void *arg)
{
	struct st_catalog *s = arg;
	struct proc_row *r;

	if (s->n >= PROCS_MAX)
		return 1;
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		struct proc_row *nr = realloc(s->rows, cap * sizeof *nr);

		if (nr == NULL)
			return 1;
		s->rows = nr;
		s->cap = cap;
	}
	r = &s->rows[s->n];
	r->code = strdup(p->code);
	r->name = strdup(p->name);
	r->limit = strdup(p->time_limit);
	r->fee = p->fee;
	r->abolished = p->abolished != NULL;
	if (r->code == NULL || r->name == NULL || r->limit == NULL) {
		free(r->code);
		free(r->name);
		free(r->limit);
		return 1;
	}
	s->n++;
	return 0;
}

static void
reload(struct ui *u, struct st_catalog *s)
{
	struct mc_err err;

	rows_free(s);
	if (catalog_search(u->db, NULL, true, collect, s, &err) != 0)
		ui_error(u, "%s", err.msg);
	s->list.n = s->n;
	if (s->list.sel >= s->n)
		s->list.sel = s->n > 0 ? s->n - 1 : 0;
	s->seen = u->gen;
	s->loaded = true;
}

static void
row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	struct st_catalog *s = arg;
	const struct proc_row *r = &s->rows[i];
	char line[1024], limit[FORMAT_LEN], fee[FORMAT_LEN];

	(void)u;
	(void)sel;
	format_limit_text(r->limit, FORMAT_SCREEN, limit, sizeof limit);
	format_fee(r->fee, FORMAT_COLUMN, fee, sizeof fee);
	snprintf(line, sizeof line, "%-10s %-13s %12s %s%s", r->code, limit, fee,
	    r->abolished ? _("[abolished] ") : "", r->name);
	draw_text(y, x + 1, line, width - 1, false);
}

static void
draw(struct ui *u, void *st)
{
	struct st_catalog *s = st;
	char head[256];

	if (!s->loaded || s->seen != u->gen)
		reload(u, s);
	snprintf(head, sizeof head, "%-10s %-13s %12s %s", _("Code"), _("Time limit"),
	    _("Fee"), _("Procedure"));
	attrset(draw_attr(AT_TITLE));
	draw_text(3, 3, head, COLS - 4, false);
	attrset(A_NORMAL);
	if (s->n == 0)
		draw_text(5, 4, _("The catalog is empty: i imports the province's catalog."),
		    COLS - 8, false);
	w_list_draw(u, &s->list, 4, 2, LINES - 8, COLS - 4, row, s);
	admin_draw_mode(u, MC_ACT_CATALOG);
}

/* ---- one procedure -------------------------------------------------------- */

/* Add `line` to the view wrapped to the screen's width, indented by
 * `lead` columns and the lines after the first by `hang`: the view itself
 * would cut a long line (a deciding body may have 200 characters). */
static void
add_wrapped(struct adm_text *t, int lead, int hang, const char *line)
{
	struct vntext_line ln[64];
	int in = lead > hang ? lead : hang;
	int width = COLS - 4 - in > 20 ? COLS - 4 - in : 20;
	size_t n = vntext_wrap(line, (size_t)width, ln, 64);

	for (size_t i = 0; i < n && i < 64; i++)
		adm_text_add(t, "%*s%.*s\n", i > 0 ? hang : lead, "", (int)ln[i].len,
		    line + ln[i].off);
}

struct versions {
	struct adm_text *t;
	int n;
};

static int
add_revision(const struct catalog_revision *r, void *arg)
{
	struct versions *vs = arg;
	char limit[FORMAT_LEN], fee[FORMAT_LEN], line[1024];

	format_limit_text(r->time_limit, FORMAT_SCREEN, limit, sizeof limit);
	format_fee(r->fee, FORMAT_SCREEN, fee, sizeof fee);
	snprintf(line, sizeof line, "%d. %.16s  %-8s %s; %s; %d %s%s%s%s%s%s%s", r->revision,
	    r->made, r->change, limit, fee, r->ndocs, _("documents"),
	    r->forward ? _("; forwarded to ") : "", r->forward ? r->decided_by : "",
	    r->abolished[0] ? _("; abolished ") : "", r->abolished,
	    r->officer[0] ? _("; by ") : "", r->officer);
	add_wrapped(vs->t, 2, 6, line);
	vs->n++;
	return 0;
}

static void
show(struct ui *u, const char *code)
{
	struct mc_procedure p;
	struct mc_err err;
	struct adm_text t = { 0 };
	struct versions vs = { &t, 0 };
	char limit[FORMAT_LEN], fee[FORMAT_LEN], line[1024];

	if (catalog_get(u->db, code, &p, &err) != 0) {
		ui_error(u, "%s", err.msg);
		return;
	}
	format_limit_text(p.time_limit, FORMAT_SCREEN, limit, sizeof limit);
	format_fee(p.fee, FORMAT_SCREEN, fee, sizeof fee);
	adm_text_add(&t, "%s  %s\n", p.code, p.name);
	adm_text_add(&t, "%-14s %s\n", _("Field:"), p.field);
	adm_text_add(&t, "%-14s %s\n", _("Time limit:"), limit);
	snprintf(line, sizeof line, "%-14s %s%s%s", _("Fee:"), fee, p.fee_note ? " — " : "",
	    p.fee_note ? p.fee_note : "");
	add_wrapped(&t, 0, 15, line);
	adm_text_add(&t, "%-14s %s\n", _("Result:"), p.result);
	/* where a dossier of it goes: the body the catalog names (this unit
	 * when none), forwarded there or decided here */
	snprintf(line, sizeof line, "%-14s %s", _("Decided by:"), p.decided_by != NULL ?
	    p.decided_by : _("this unit (the catalog names no body)"));
	add_wrapped(&t, 0, 15, line);
	adm_text_add(&t, "%-14s %s\n", _("Routing:"), _(routings[p.forward ? 1 : 0]));
	if (p.abolished != NULL)
		adm_text_add(&t, "%-14s %s\n", _("Abolished:"), p.abolished);
	adm_text_add(&t, "%s\n", _("Documents:"));
	for (size_t i = 0; i < p.ndocs; i++) {
		snprintf(line, sizeof line, "%zu. %s (%s, %d)%s", i + 1, p.docs[i].name,
		    fmt_form((int)p.docs[i].form), p.docs[i].quantity,
		    p.docs[i].required ? "" : _(" — optional"));
		add_wrapped(&t, 2, 5, line);
	}
	adm_text_add(&t, "%s\n", _("Versions (changes made at this station):"));
	if (catalog_revisions(u->db, code, add_revision, &vs, &err) != 0)
		adm_text_add(&t, "  %s\n", err.msg);
	else if (vs.n == 0)
		adm_text_add(&t, "  %s\n", _("none: as the catalog file gave it"));
	catalog_procedure_free(&p);
	admin_view_open(u, _("Procedure"), t.buf);
}

/* ---- abolish, restore ------------------------------------------------------ */

static void
abolish_yes(struct ui *u, void *arg)
{
	struct st_catalog *s = arg;
	const struct proc_row *r = &s->rows[s->list.sel];
	struct mc_err err;
	struct mc_time now;
	int rc;

	date_now(&now);
	rc = r->abolished ? catalog_restore(u->db, u->officer.username, r->code, &now, &err) :
	    catalog_abolish(u->db, u->officer.username, r->code, &now, &err);
	if (rc != 0)
		ui_error(u, "%s", err.msg);
	else
		ui_msg(u, r->abolished ? _("Procedure %s is in force again.") :
		    _("Procedure %s abolished (kept: old dossiers name it)."), r->code);
	u->gen++;
}

/* ---- amend ------------------------------------------------------------------ */

/* Field 0 the time limit, 1 the fee, then one per document (its name;
 * emptied: removed) and one empty for a new document. */
static int
amend_submit(struct ui *u, struct adm_form *fm)
{
	struct mc_procedure p;
	struct mc_document *docs = NULL, fresh = { 0, NULL, MC_FORM_ORIGINAL, 1, true, NULL };
	char *v[ADM_FIELDS] = { 0 };
	struct catalog_amend a = { 0 };
	struct mc_err err;
	struct mc_time now;
	char *end;
	int rc = -1;
	size_t nd = 0;

	if (catalog_get(u->db, fm->key, &p, &err) != 0) {
		ui_error(u, "%s", err.msg);
		return -1;
	}
	for (int i = 0; i < fm->n; i++)
		if ((v[i] = adm_form_get(fm, i)) == NULL)
			goto out;
	a.time_limit = strcmp(v[0], p.time_limit) != 0 ? v[0] : NULL;
	a.fee = strtoll(v[1], &end, 10);
	if (v[1][0] == '\0' || *end != '\0' || a.fee < 0) {
		ui_error(u, _("the fee '%s' is not a sum: type it in VND, digits only (0: free)"),
		    v[1]);
		goto out;
	}
	if (a.fee == p.fee)
		a.fee = -1;
	/* the documents shown (fields 2 to n-2), those the form had no room
	 * for (kept as they are), then the new one (field n-1) */
	if ((docs = calloc(p.ndocs + 1, sizeof *docs)) == NULL) {
		ui_error(u, "%s", _("out of memory"));
		goto out;
	}
	for (size_t i = 0; i < p.ndocs; i++) {
		int f = 2 + (int)i;

		if (f < fm->n - 1) {
			if (strspn(v[f], " ") == strlen(v[f]))
				continue;	/* emptied: removed */
			docs[nd] = p.docs[i];
			docs[nd++].name = v[f];
		} else {
			docs[nd++] = p.docs[i];
		}
	}
	if (strspn(v[fm->n - 1], " ") != strlen(v[fm->n - 1])) {
		docs[nd] = fresh;
		docs[nd++].name = v[fm->n - 1];
	}
	a.set_docs = nd != p.ndocs;
	for (size_t i = 0; !a.set_docs && i < nd; i++)
		a.set_docs = strcmp(docs[i].name, p.docs[i].name) != 0;
	a.docs = docs;
	a.ndocs = nd;
	if (!admin_may(u, MC_ACT_CATALOG))
		goto out;
	date_now(&now);
	if (catalog_amend(u->db, u->officer.username, fm->key, &a, &now, &err) != 0) {
		ui_error(u, "%s", err.msg);
		goto out;
	}
	ui_msg(u, _("Procedure %s amended: a new version; dossiers already received keep "
	    "theirs."), fm->key);
	u->gen++;
	rc = 0;
out:
	for (int i = 0; i < fm->n; i++)
		free(v[i]);
	free(docs);
	catalog_procedure_free(&p);
	return rc;
}

static void
amend_open(struct ui *u, const char *code)
{
	struct mc_procedure p;
	struct mc_err err;
	struct adm_form *fm;
	char intro[512], fee[32];

	if (catalog_get(u->db, code, &p, &err) != 0) {
		ui_error(u, "%s", err.msg);
		return;
	}
	snprintf(intro, sizeof intro, _("Amend %s: the time limit (\"3 days\", \"8 hours\", "
	    "\"same day\"), the fee in VND, the documents (empty one to remove it; the last "
	    "line adds one)."), p.code);
	if ((fm = adm_form_open(u, intro, amend_submit)) != NULL) {
		snprintf(fm->key, sizeof fm->key, "%s", p.code);
		/* TRANSLATORS: form labels, under 23 columns */
		w_field_set(&fm->f[adm_form_add(fm, N_("Time limit"), FK_TEXT, false)],
		    p.time_limit);
		snprintf(fee, sizeof fee, "%lld", p.fee);
		w_field_set(&fm->f[adm_form_add(fm, N_("Fee (VND)"), FK_DIGITS, false)], fee);
		for (size_t i = 0; i < p.ndocs && fm->n < ADM_FIELDS - 1; i++)
			w_field_set(&fm->f[adm_form_add(fm, N_("Document"), FK_TEXT, true)],
			    p.docs[i].name);
		adm_form_add(fm, N_("New document"), FK_TEXT, true);
		fm->f[fm->n - 1].optional = true;
	}
	catalog_procedure_free(&p);
}

/* ---- routing --------------------------------------------------------------- */

/* Field 0 the deciding body (empty: none named), 1 the routing.  Only
 * what changed goes to core, which checks the result (a forward names
 * its body) and makes it a new version. */
static int
route_submit(struct ui *u, struct adm_form *fm)
{
	struct mc_procedure p;
	struct catalog_amend a = { .fee = -1 };
	struct mc_err err;
	struct mc_time now;
	char *body = NULL;
	bool forward = fm->f[1].choice == 1;
	int rc = -1;

	if (catalog_get(u->db, fm->key, &p, &err) != 0) {
		ui_error(u, "%s", err.msg);
		return -1;
	}
	if ((body = adm_form_get(fm, 0)) == NULL) {
		ui_error(u, "%s", _("out of memory"));
		goto out;
	}
	if (strcmp(body, p.decided_by != NULL ? p.decided_by : "") != 0)
		a.decided_by = body;
	if (forward != p.forward)
		a.routing = forward ? CATALOG_ROUTING_FORWARD : CATALOG_ROUTING_DECIDE;
	if (a.decided_by == NULL && a.routing == CATALOG_ROUTING_KEEP) {
		ui_error(u, _("nothing changed: %s stays as it is (Esc leaves the form)"),
		    fm->key);
		goto out;
	}
	if (!admin_may(u, MC_ACT_CATALOG))
		goto out;
	date_now(&now);
	if (catalog_amend(u->db, u->officer.username, fm->key, &a, &now, &err) != 0) {
		ui_error(u, "%s", err.msg);
		goto out;
	}
	if (forward)
		ui_msg(u, _("Procedure %s is now forwarded to %s: a new version; dossiers "
		    "already received keep theirs."), fm->key, body);
	else
		ui_msg(u, _("Procedure %s is now decided here: a new version; dossiers "
		    "already received keep theirs."), fm->key);
	u->gen++;
	rc = 0;
out:
	free(body);
	catalog_procedure_free(&p);
	return rc;
}

static void
route_open(struct ui *u, const char *code)
{
	struct mc_procedure p;
	struct mc_err err;
	struct adm_form *fm;
	char intro[512];

	if (catalog_get(u->db, code, &p, &err) != 0) {
		ui_error(u, "%s", err.msg);
		return;
	}
	snprintf(intro, sizeof intro, _("The body that decides %s (empty: this unit), "
	    "and whether it is decided here or forwarded there (Space, ← →). Enter "
	    "saves, Esc cancels."),
	    p.code);
	if ((fm = adm_form_open(u, intro, route_submit)) != NULL) {
		snprintf(fm->key, sizeof fm->key, "%s", p.code);
		/* TRANSLATORS: form labels, under 23 columns */
		w_field_set(&fm->f[adm_form_add(fm, N_("Deciding body"), FK_TEXT, true)],
		    p.decided_by != NULL ? p.decided_by : "");
		fm->f[0].optional = true;
		adm_form_add(fm, N_("Routing"), FK_CHOICE, false);
		fm->f[1].choices = routings;
		fm->f[1].choice = p.forward ? 1 : 0;
	}
	catalog_procedure_free(&p);
}

/* ---- import --------------------------------------------------------------- */

static void
import_yes(struct ui *u, void *arg)
{
	struct st_catalog *s = arg;
	struct catalog_stats st;
	struct mc_err err;

	if (catalog_import_file(u->db, u->officer.username, s->pending, &st, &err) != 0)
		ui_error(u, "%s", err.msg);
	else
		ui_msg(u, _("Catalog imported: %d new, %d amended, %d abolished, %d unchanged."),
		    st.added, st.amended, st.abolished, st.unchanged);
	u->gen++;
}

static void
import_chosen(struct ui *u, const char *path)
{
	struct catalog_stats st;
	struct mc_err err;
	struct st_catalog *s;
	char q[1024];

	/* the file chooser is gone: the catalog list is on top again */
	if (u->depth < 1 || u->stack[u->depth - 1].ops != &screen_catalog ||
	    !admin_may(u, MC_ACT_CATALOG))
		return;
	s = u->stack[u->depth - 1].st;
	/* core's dry run: the counts applying the file would give */
	if (catalog_import_preview(u->db, u->officer.username, path, &st, &err) != 0) {
		ui_error(u, "%s", err.msg);
		return;
	}
	snprintf(s->pending, sizeof s->pending, "%s", path);
	snprintf(q, sizeof q, _("%d new, %d amended, %d abolished, %d unchanged.\nApply "
	    "the catalog %s?"), st.added, st.amended, st.abolished, st.unchanged, path);
	ui_confirm(u, q, import_yes, s);
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct st_catalog *s = st;
	const struct proc_row *r = s->n > 0 ? &s->rows[s->list.sel] : NULL;
	char q[512];

	(void)k;
	if (w_list_key(&s->list, a, LINES - 8))
		return true;
	switch (a) {
	case ACT_BACK:
		ui_pop(u);
		return true;
	case ACT_OK:
		if (r != NULL)
			show(u, r->code);
		return true;
	case ACT_IMPORT:
		if (admin_may(u, MC_ACT_CATALOG))
			adm_import_open(u, _("Import the province's catalog"), _("The catalog "
			    "file (JSON, doc/catalog-format.md): its counts are shown before "
			    "anything is changed."), import_chosen);
		return true;
	case ACT_ABOLISH:
		if (r == NULL || !admin_may(u, MC_ACT_CATALOG))
			return true;
		snprintf(q, sizeof q, r->abolished ? _("Put %s back in force?") :
		    _("Abolish %s? It stays in the catalog for the dossiers that name it."),
		    r->code);
		ui_confirm(u, q, abolish_yes, s);
		return true;
	case ACT_AMEND:
		if (r != NULL && admin_may(u, MC_ACT_CATALOG))
			amend_open(u, r->code);
		return true;
	case ACT_ROUTE:
		if (r != NULL && admin_may(u, MC_ACT_CATALOG))
			route_open(u, r->code);
		return true;
	default:
		return false;
	}
}

static void
leave(struct ui *u, void *st)
{
	struct st_catalog *s = st;

	(void)u;
	if (s == NULL)
		return;
	rows_free(s);
	free(s->rows);
}

static const enum act hints[] = {
	ACT_HELP, ACT_OK, ACT_IMPORT, ACT_ABOLISH, ACT_AMEND, ACT_ROUTE, ACT_BACK, ACT_UP,
	ACT_DOWN, ACT_NONE,
};

static const struct screen_ops screen_catalog = {
	N_("Catalog"), sizeof(struct st_catalog), NULL, draw, key, leave, hints,
	KM_ADM_CATALOG, NULL,
};

void
admin_catalog_open(struct ui *u)
{
	ui_push_new(u, &screen_catalog);
}
