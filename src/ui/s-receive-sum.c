/* s-receive-sum.c — F2, step 4: the summary, and the commit.  Enter asks
 * for confirmation, then records the receipt in one transaction
 * (dossier_receive), renders the appointment slip and saves it to the
 * slips folder at once; only then is it shown and offered for printing.
 * On the guidance path the same step records a "guide" event and gives
 * the supplement request (Mẫu 02) instead: no dossier is created.  `p`
 * records without the question and prints at once (the returning
 * citizen's fast path).  A citizen's open supplement request is shown
 * with each document it asked for, brought now or still missing.  The
 * pages scanned at the checklist are attached to the new dossier right
 * after its receipt (each a file_added event of its own, attach.h): a
 * scan that cannot be kept says so, and the receipt stands. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/attach.h"
#include "motcua/i18n.h"
#include "motcua/slip.h"
#include "s-receive.h"
#include "ui-scan.h"

/* The applicant's values, malloc'd (NULL for an empty optional field). */
struct values {
	char *v[AF_COUNT];
	char birth[MC_DATE_LEN];
};

static void
values_free(struct values *x)
{
	for (int i = 0; i < AF_COUNT; i++)
		free(x->v[i]);
}

static int
values_get(struct flow *fl, struct values *x)
{
	memset(x, 0, sizeof *x);
	for (int i = 0; i < AF_COUNT; i++) {
		if ((x->v[i] = w_field_get(&fl->f[i])) == NULL) {
			values_free(x);
			return -1;
		}
		if (x->v[i][0] == '\0' && i != AF_ID && i != AF_NAME) {
			free(x->v[i]);
			x->v[i] = NULL;
		}
	}
	if (x->v[AF_BIRTH] != NULL && ui_parse_date(x->v[AF_BIRTH], x->birth) != 0)
		x->birth[0] = '\0';
	return 0;
}

static void
fill_receipt(struct ui *u, struct flow *fl, struct values *x, struct mc_receipt *r,
    char *docs, size_t ndocs)
{
	memset(r, 0, sizeof *r);
	flow_docs_spec(fl, docs, ndocs);
	r->procedure = fl->proc.code;
	r->docs = docs;
	r->applicant.id = x->v[AF_ID];
	r->applicant.name = x->v[AF_NAME];
	r->applicant.birth_date = x->birth[0] != '\0' ? x->birth : NULL;
	r->applicant.phone = x->v[AF_PHONE];
	r->applicant.address = x->v[AF_ADDRESS];
	r->applicant.email = x->v[AF_EMAIL];
	r->applicant.delivery = fl->f[AF_DELIVERY].choice == 1 ? MC_DELIVER_POST :
	    MC_DELIVER_COUNTER;
	r->officer = u->officer.username;
	date_now(&r->at);
}

/* After p: print the slip ui_slip_show opened (the one screen over the
 * flow's base), as its own p would; a failure says so on the bottom line
 * and the slip stays open to print again. */
static void
print_shown(struct ui *u, int base, bool print)
{
	if (print && u->depth == base + 1)
		u->stack[base].ops->key(u, u->stack[base].st, 'p', ACT_PRINT);
}

/* The scans held by the flow attached to the dossier just received, in
 * the order scanned.  The pages kept; *failed the pages not kept and err
 * the first reason. */
static int
keep_scans(struct ui *u, struct flow *fl, const char *code, int *failed,
    struct mc_err *err)
{
	int kept = 0;

	*failed = 0;
	for (size_t k = 0; k < fl->nscans; k++) {
		const struct flow_scan *sc = &fl->scans[k];
		struct attach_req r = {.acting = u->officer.username, .code = code,
		    .document = (int)sc->doc + 1, .source = ATTACH_SOURCE_SCAN};
		struct mc_err e;

		if (attach_add_buf(u->db, &r, sc->buf, sc->n, NULL, &e) == 0) {
			kept += sc->pages;
		} else {
			if (*failed == 0)
				*err = e;
			*failed += sc->pages;
		}
	}
	return kept;
}

static void
commit(struct ui *u, void *arg)
{
	struct flow *fl = arg;
	struct values x;
	struct mc_receipt r;
	struct mc_receipt_out out;
	struct mc_err err;
	char docs[512], done[512], name[64], pg[48];
	int base = fl->base, rc, kept = 0, lost = 0, held = flow_scanned_pages(fl);
	bool guide = fl->guide, print = fl->print;

	if (values_get(fl, &x) != 0) {
		ui_error(u, "%s", _("out of memory"));
		return;
	}
	fill_receipt(u, fl, &x, &r, docs, sizeof docs);
	memset(&out, 0, sizeof out);
	if (fl->guide)
		rc = dossier_guide(u->db, &r, &out, &err);
	else
		rc = dossier_receive(u->db, u->cal, &r, &out, &err);
	values_free(&x);
	if (rc != 0) {
		ui_error(u, "%s", err.msg);
		return;
	}
	/* the receipt is in: now its scans (no dossier on the guidance path:
	 * they go with the flow) */
	if (!guide && fl->nscans > 0)
		kept = keep_scans(u, fl, out.code, &lost, &err);
	/* recorded: the flow is over (fl is freed), whatever happens to the slip */
	ui_pop_to(u, base);
	ui_count_due(u);
	if (guide) {
		snprintf(name, sizeof name, "guide-%.36s", out.id);
		ui_slip_show(u, SLIP_SUPPLEMENT, out.id, name, _("Supplement request (Mẫu 02)"),
		    held > 0 ? _("Guidance recorded (no dossier: the scanned pages were not "
		    "kept)") : _("Guidance recorded"), false);
		print_shown(u, base, print);
		return;
	}
	{
		char due[MC_TIME_LEN];

		date_format_time(&out.due, due);
		if (kept > 0)
			snprintf(done, sizeof done, _("Dossier %s received, due %s, with %s "
			    "scanned"), out.code, due, ui_scan_pages(kept, pg, sizeof pg));
		else
			snprintf(done, sizeof done, _("Dossier %s received, due %s"), out.code,
			    due);
	}
	ui_slip_show(u, SLIP_RECEIPT, out.code, out.code, _("Appointment slip (Mẫu 01)"), done,
	    false);
	print_shown(u, base, print);
	if (lost > 0) {
		/* the receipt stands: the pages can be scanned again from F3 */
		ui_error(u, _("Dossier %s received, but %s scanned were not kept (%.200s): "
		    "scan them again from F3"), out.code, ui_scan_pages(lost, pg, sizeof pg),
		    err.msg);
		return;
	}
	if (out.warnings.n > 0 && !u->msg_error) {
		char m[sizeof u->msg];

		snprintf(m, sizeof m, "%.300s — %.200s", u->msg, out.warnings.msg[0]);
		ui_msg(u, "%s", m);
	}
}

static void
enter(struct ui *u, void *st)
{
	struct flow *fl = st;
	struct mc_limit lim;
	struct mc_err err;

	fl->reason[0] = '\0';
	date_now(&fl->at);
	fl->due = fl->at;
	if (fl->guide)
		return;
	if (calendar_limit_parse(fl->proc.time_limit, &lim, &err) != 0 ||
	    calendar_due(u->cal, &fl->at, &lim, &fl->due, &err) != 0) {
		snprintf(fl->reason, sizeof fl->reason, "%.250s", err.msg);
		fl->due.jdn = 0;
		return;
	}
	calendar_due_reason(u->cal, &fl->at, &lim, &fl->due, fl->reason, sizeof fl->reason);
}

/* "Label: value", the value word wrapped over up to `lines` lines;
 * returns the next line. */
static int
pair_n(int y, const char *label, const char *value, int lines)
{
	attrset(draw_attr(AT_TITLE));
	draw_text(y, 2, label, 16, true);
	attrset(A_NORMAL);
	lines = draw_wrap(y, 19, value != NULL && value[0] != '\0' ? value : "—",
	    COLS - 21, lines);
	return y + (lines > 0 ? lines : 1);
}

static int
pair(int y, const char *label, const char *value)
{
	return pair_n(y, label, value, 1);
}

/* The open supplement request: when and by whom, and for this procedure
 * each document it asked for, brought now or still missing; from row y,
 * above row end.  Returns the next row. */
static int
draw_request(const struct flow *fl, int y, int end)
{
	char line[1024];

	if (!fl->has_req || y >= end)
		return y;
	if (!flow_req_here(fl)) {
		snprintf(line, sizeof line, _("%s by %s, for another procedure (%s)"),
		    fl->req.at, fl->req.officer, fl->req.procedure);
		attrset(draw_attr(AT_WARN));
		y = pair(y, _("Mẫu 02 given"), line);
		attrset(A_NORMAL);
		return y;
	}
	snprintf(line, sizeof line, _("%s by %s asked for:"), fl->req.at, fl->req.officer);
	attrset(draw_attr(AT_WARN));
	y = pair(y, _("Mẫu 02 given"), line);
	attrset(A_NORMAL);
	for (size_t i = 0; i < fl->proc.ndocs && y < end; i++) {
		const struct mc_document *d = &fl->proc.docs[i];

		if (!dossier_request_asked(&fl->req, d->position))
			continue;
		snprintf(line, sizeof line, fl->docs.on[i] ? _("%d. %s — brought now") :
		    _("%d. %s — still missing"), d->position, d->name);
		y += draw_wrap(y, 19, line, COLS - 21, end - y >= 2 ? 2 : 1);
	}
	return y;
}

static void
draw(struct ui *u, void *st)
{
	struct flow *fl = st;
	struct values x;
	char line[1024], fee[64];
	int y = 2, max = LINES - 4;
	size_t shown = 0;

	if (values_get(fl, &x) != 0)
		return;
	snprintf(line, sizeof line, "%s  %s", fl->proc.code, fl->proc.name);
	y = pair_n(y, _("Procedure"), line, 2);
	/* where it goes: the deciding body (this unit when the catalog
	 * names none), forwarded to it or decided here */
	snprintf(line, sizeof line, fl->proc.forward ? _("%s (forwarded)") :
	    _("%s (decided here)"), fl->proc.decided_by != NULL ? fl->proc.decided_by :
	    u->unit.name);
	y = pair_n(y, _("Decided by"), line, 2);
	format_fee(fl->proc.fee, FORMAT_SCREEN, fee, sizeof fee);
	if (fl->proc.fee_note != NULL && fl->proc.fee > 0)
		snprintf(line, sizeof line, "%s (%s)", fee, fl->proc.fee_note);
	else
		snprintf(line, sizeof line, "%s", fee);
	y = pair_n(y, _("Fee"), line, 2);
	y = pair(y, fl->guide ? _("Missing") : _("Documents"), NULL) - 1;
	for (size_t i = 0; i < fl->proc.ndocs && y < max - 6; i++) {
		const struct mc_document *d = &fl->proc.docs[i];
		bool want = fl->guide ? (d->required && !fl->docs.on[i]) : fl->docs.on[i];

		if (!want)
			continue;
		if (!fl->guide && flow_doc_pages(fl, i) > 0) {
			char pg[48];

			/* TRANSLATORS: a document on the summary: its number,
			 * name, form and quantity, and the pages scanned */
			snprintf(line, sizeof line, _("%d. %s (%s ×%d), ▣ %s scanned"),
			    d->position, d->name, fmt_form(d->form), d->quantity,
			    ui_scan_pages(flow_doc_pages(fl, i), pg, sizeof pg));
		} else {
			snprintf(line, sizeof line, "%d. %s (%s ×%d)", d->position, d->name,
			    fmt_form(d->form), d->quantity);
		}
		/* up to three lines a document, whole words */
		y += draw_wrap(y, 19, line, COLS - 21, y + 3 < max - 6 ? 3 : 1);
		shown++;
	}
	if (shown == 0)
		draw_text(y++, 19, _("(none)"), COLS - 21, false);
	y = draw_request(fl, y, max - 6);
	snprintf(line, sizeof line, "%s  (%s %s)", x.v[AF_NAME], _("ID"), x.v[AF_ID]);
	y = pair(y, _("Applicant"), line);
	if (x.birth[0] != '\0')
		y = pair(y, _("Date of birth"), x.birth);
	snprintf(line, sizeof line, "%s%s%s", x.v[AF_PHONE] ? x.v[AF_PHONE] : "—",
	    x.v[AF_EMAIL] ? "  " : "", x.v[AF_EMAIL] ? x.v[AF_EMAIL] : "");
	y = pair(y, _("Phone, e-mail"), line);
	y = pair(y, _("Address"), x.v[AF_ADDRESS]);
	y = pair(y, _("Result returned"), fl->f[AF_DELIVERY].choice == 1 ? _("by post") :
	    _("at the counter"));
	values_free(&x);
	if (fl->guide) {
		attrset(draw_attr(AT_WARN));
		draw_wrap(y + 1, 2, _("Enter: record the guidance and give the supplement "
		    "request (Mẫu 02). No dossier is created."), COLS - 4, 2);
		attrset(A_NORMAL);
		return;
	}
	if (fl->due.jdn > 0) {
		char due[MC_TIME_LEN];

		date_format_time(&fl->due, due);
		attrset(draw_attr(AT_WARN));
		y = pair(y, _("Due"), due);
		attrset(A_NORMAL);
	}
	draw_wrap(y, 19, fl->reason, COLS - 21, 3);
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct flow *fl = st;

	(void)k;
	if (a == ACT_PRINT) {
		fl->print = true;
		commit(u, fl);
		return true;
	}
	if (a != ACT_OK)
		return false;
	fl->print = false;
	if (fl->guide)
		ui_confirm(u, _("Record the guidance and print the supplement request "
		    "(Mẫu 02)?"), commit, fl);
	else
		ui_confirm(u, _("Receive this dossier? It is recorded at once."), commit, fl);
	return true;
}

static const enum act hints[] = { ACT_HELP, ACT_OK, ACT_PRINT, ACT_BACK, ACT_NONE };

const struct screen_ops screen_summary = {
	N_("Receive 4/4: summary"), 0, enter, draw, key, NULL, hints, KM_SUMMARY, NULL,
};
