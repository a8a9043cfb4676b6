/* s-receive-app.c — F2, step 3: the applicant.  Fields in the order the
 * officer reads them off the card: ID number, name, date of birth, phone,
 * address, e-mail, how the result is returned.  Enter checks the field
 * and moves on; a known ID number fills in the rest from the citizen's
 * last dossier (or, for one who has only been given a supplement request,
 * from that request) and brings up their open request; the chip card's QR
 * scanned into the ID field fills the ID, name, birth date and address.
 * F8 takes every field as it is, checks them all and goes to the summary. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/citizen.h"
#include "motcua/i18n.h"
#include "motcua/setting.h"
#include "motcua/vntext.h"
#include "s-receive.h"

/* TRANSLATORS: how the result is returned; short (two fit on one line). */
static const char *const delivery_choices[] = {
	N_("at the counter"), N_("by post"), NULL,
};

bool
flow_req_here(const struct flow *fl)
{
	return fl->has_req && fl->proc.code != NULL &&
	    strcmp(fl->req.procedure, fl->proc.code) == 0;
}

/* Keep the newest open request, unless a later one is for this procedure
 * (the rows come newest first). */
static int
keep_request(const struct mc_request *r, void *arg)
{
	struct flow *fl = arg;

	if (!fl->has_req || (!flow_req_here(fl) && strcmp(r->procedure, fl->proc.code) == 0)) {
		fl->req = *r;
		fl->has_req = true;
	}
	return 0;
}

/* Fill the form from the open request: the citizen has no dossier yet. */
static void
fill_from_request(struct ui *u, struct flow *fl)
{
	const struct mc_request *r = &fl->req;
	int jdn;
	char buf[16];

	w_field_set(&fl->f[AF_NAME], r->name);
	if (r->birth_date[0] != '\0' && date_parse(r->birth_date, &jdn) == 0) {
		format_date_typed(jdn, buf, sizeof buf);
		w_field_set(&fl->f[AF_BIRTH], buf);
	} else {
		w_field_set(&fl->f[AF_BIRTH], "");
	}
	w_field_set(&fl->f[AF_PHONE], r->phone);
	w_field_set(&fl->f[AF_ADDRESS], r->address);
	w_field_set(&fl->f[AF_EMAIL], r->email);
	/* the name is on the form: the line says where it came from */
	ui_msg(u, _("Details filled in from the supplement request (Mẫu 02) of %s"), r->at);
}

/* Fill the form from the citizen's last dossier, and bring up their open
 * supplement request. */
static void
look_up(struct ui *u, struct flow *fl, const char *id)
{
	struct mc_applicant a;
	struct mc_err err;
	int rc;

	if (strcmp(fl->looked_up, id) == 0)
		return;
	snprintf(fl->looked_up, sizeof fl->looked_up, "%.12s", id);
	fl->has_req = false;
	if (dossier_open_requests(u->db, id, keep_request, fl, &err) != 0) {
		fl->has_req = false;
		ui_error(u, "%s", err.msg);
		return;
	}
	rc = dossier_last_applicant(u->db, id, &a, &err);
	if (rc < 0) {
		ui_error(u, "%s", err.msg);
		return;
	}
	if (rc > 0) {
		if (fl->has_req)
			fill_from_request(u, fl);
		return;
	}
	w_field_set(&fl->f[AF_NAME], a.name);
	if (a.birth_date != NULL) {
		int jdn;
		char buf[16];

		if (date_parse(a.birth_date, &jdn) == 0) {
			format_date_typed(jdn, buf, sizeof buf);
			w_field_set(&fl->f[AF_BIRTH], buf);
		}
	} else {
		w_field_set(&fl->f[AF_BIRTH], "");
	}
	w_field_set(&fl->f[AF_PHONE], a.phone);
	w_field_set(&fl->f[AF_ADDRESS], a.address);
	w_field_set(&fl->f[AF_EMAIL], a.email);
	fl->f[AF_DELIVERY].choice = a.delivery == MC_DELIVER_POST ? 1 : 0;
	ui_msg(u, _("Returning citizen %s: details filled in from the last dossier; check "
	    "them and press Enter"), a.name);
	dossier_applicant_free(&a);
}

/* A chip card's QR scanned into the ID field: the card's ID, name, birth
 * date and address, over what the citizen's last dossier says (the card
 * is newer); the phone, e-mail and delivery still come from that
 * dossier.  A scan that does not read fills nothing.  0 if filled. */
static int
scan_card(struct ui *u, struct flow *fl, const char *text)
{
	struct mc_cccd_qr q;
	struct mc_warnings w = {0};
	struct mc_err err;
	char birth[16];

	if (citizen_parse_cccd_qr(text, &q, &w, &err) != 0) {
		w_field_set(&fl->f[AF_ID], "");
		ui_error(u, "%s", err.msg);
		return -1;
	}
	look_up(u, fl, q.id);
	w_field_set(&fl->f[AF_ID], q.id);
	w_field_set(&fl->f[AF_NAME], q.name);
	format_date_typed(q.birth_jdn, birth, sizeof birth);
	w_field_set(&fl->f[AF_BIRTH], birth);
	w_field_set(&fl->f[AF_ADDRESS], q.address);
	if (w.n > 0)
		ui_msg(u, "%s", w.msg[0]);
	else
		ui_msg(u, _("Read from the chip card: %s %s; check the phone and press "
		    "Enter"), q.female ? _("Ms") : _("Mr"), q.name);
	return 0;
}

int
flow_check_field(struct ui *u, struct flow *fl, int i)
{
	struct mc_warnings w = {0};
	struct mc_err err;
	char *v = w_field_get(&fl->f[i]), out[16];
	int rc = 0, jdn = 0;

	if (v == NULL) {
		ui_error(u, "%s", _("out of memory"));
		return -1;
	}
	switch (i) {
	case AF_ID:
		{
			char *b = w_field_get(&fl->f[AF_BIRTH]);
			if (b != NULL && b[0] != '\0' &&
			    citizen_check_birth(b, &jdn, NULL, NULL) != 0)
				jdn = 0;
			free(b);
		}
		if (citizen_check_id(v, jdn, out, &w, &err) != 0) {
			ui_error(u, "%s", err.msg);
			rc = -1;
		} else {
			w_field_set(&fl->f[AF_ID], out);
			if (w.n > 0)
				ui_msg(u, "%s", w.msg[0]);
			look_up(u, fl, out);
		}
		break;
	case AF_NAME:
		if (strspn(v, " ") == strlen(v)) {
			ui_error(u, "%s", _("the applicant's name is empty: type it as on the ID "
			    "card"));
			rc = -1;
		}
		break;
	case AF_BIRTH:
		if (v[0] == '\0')
			break;
		if (citizen_check_birth(v, &jdn, NULL, &err) != 0) {
			ui_error(u, "%s", err.msg);
			rc = -1;
		} else {
			char *id = w_field_get(&fl->f[AF_ID]);
			/* the century digit of the ID against the birth year */
			if (id != NULL && citizen_check_id(id, jdn, out, &w, &err) == 0 && w.n > 0)
				ui_msg(u, "%s", w.msg[0]);
			free(id);
		}
		break;
	case AF_PHONE:
		/* a receipt checks require_phone; a supplement request does not */
		if (!fl->guide && setting_check_required(u->db, "phone", v, &err) != 0) {
			ui_error(u, "%s", err.msg);
			rc = -1;
		} else if (v[0] == '\0') {
			ui_msg(u, "%s", _("no phone number: the office cannot call the citizen"));
		} else if (citizen_check_phone(v, out, &err) != 0) {
			ui_error(u, "%s", err.msg);
			rc = -1;
		}
		break;
	case AF_ADDRESS:
		if (!fl->guide && setting_check_required(u->db, "address", v, &err) != 0) {
			ui_error(u, "%s", err.msg);
			rc = -1;
		}
		break;
	case AF_EMAIL:
		if (v[0] != '\0' && citizen_check_email(v, &err) != 0) {
			ui_error(u, "%s", err.msg);
			rc = -1;
		}
		break;
	default:
		break;
	}
	free(v);
	return rc;
}

static void
init_fields(struct flow *fl)
{
	/* TRANSLATORS: form labels of the applicant, under 17 columns */
	w_field_init(&fl->f[AF_ID], N_("ID number"), FK_DIGITS, false);
	fl->f[AF_ID].scan = true;	/* the chip card's QR */
	w_field_init(&fl->f[AF_NAME], N_("Full name"), FK_TEXT, true);
	w_field_init(&fl->f[AF_BIRTH], N_("Date of birth"), FK_DATE, false);
	w_field_init(&fl->f[AF_PHONE], N_("Phone"), FK_DIGITS, false);
	w_field_init(&fl->f[AF_ADDRESS], N_("Address"), FK_TEXT, true);
	w_field_init(&fl->f[AF_EMAIL], N_("E-mail"), FK_TEXT, false);
	w_field_init(&fl->f[AF_DELIVERY], N_("Result returned"), FK_CHOICE, false);
	fl->f[AF_BIRTH].optional = fl->f[AF_EMAIL].optional = true;
	fl->f[AF_DELIVERY].choices = delivery_choices;
}

static void
enter(struct ui *u, void *st)
{
	struct flow *fl = st;
	struct mc_err err;

	if (fl->f[AF_ID].label == NULL)
		init_fields(fl);
	/* the phone and the address are marked "(optional)" where this
	 * counter does not require them (require_phone, require_address), or
	 * on a supplement request */
	fl->f[AF_PHONE].optional = fl->guide ||
	    setting_check_required(u->db, "phone", NULL, &err) == 0;
	fl->f[AF_ADDRESS].optional = fl->guide ||
	    setting_check_required(u->db, "address", NULL, &err) == 0;
}

static void
draw(struct ui *u, void *st)
{
	struct flow *fl = st;
	char line[512];

	snprintf(line, sizeof line, "%s  %s", fl->proc.code, fl->proc.name);
	attrset(draw_attr(AT_TITLE));
	draw_wrap(2, 1, line, COLS - 2, 1);	/* whole words; step 2 shows it all */
	attrset(A_NORMAL);
	if (fl->guide) {
		attrset(draw_attr(AT_WARN));
		draw_wrap(3, 1, _("Documents are missing: these details go on the supplement "
		    "request (Mẫu 02)."), COLS - 2, 2);
		attrset(A_NORMAL);
	}
	for (int i = 0; i < AF_COUNT; i++) {
		/* an optional field leaves room on its right for "(optional)" */
		w_field_draw(u, &fl->f[i], 5 + 2 * i, 2, 18, fl->f[i].optional ?
		    COLS - 6 - (int)vntext_width(_("(optional)")) : COLS - 4, i == fl->focus);
		if (fl->f[i].optional) {
			const char *o = _("(optional)");
			int w = (int)vntext_width(o);

			draw_text(5 + 2 * i, COLS - 1 - w, o, w, false);
		}
	}
	if (fl->has_req) {
		char req[1024], pos[160] = "";
		size_t used = 0;

		/* the numbers only: the summary lists the names in full */
		for (size_t i = 0; i < fl->req.nmissing && used + 8 < sizeof pos; i++)
			used += (size_t)snprintf(pos + used, sizeof pos - used, "%s%d",
			    i > 0 ? ", " : "", fl->req.missing[i]);
		if (flow_req_here(fl))
			snprintf(req, sizeof req, _("Supplement request (Mẫu 02) of %s by %s asked "
			    "for documents %s: the summary says which are brought now."),
			    fl->req.at, fl->req.officer, pos);
		else
			snprintf(req, sizeof req, _("Open supplement request (Mẫu 02) of %s by %s "
			    "for another procedure, %s, asked for documents %s."), fl->req.at,
			    fl->req.officer, fl->req.procedure, pos);
		attrset(draw_attr(AT_WARN));
		draw_wrap(4 + 2 * AF_COUNT, 2, req, COLS - 4, LINES - 4 - (4 + 2 * AF_COUNT));
		attrset(A_NORMAL);
	}
	draw_wrap(LINES - 4, 2, fl->focus == AF_DELIVERY ? _("Space or ←/→ changes the "
	    "choice; Enter goes on to the summary.") : _("Enter: next field.  ↑/↓: move "
	    "between fields.  Ctrl-T: Vietnamese input on/off."), COLS - 4, 2);
}

static void
move_focus(struct flow *fl, int to)
{
	w_field_commit(&fl->f[fl->focus]);
	if (to >= 0 && to < AF_COUNT)
		fl->focus = to;
}

/* Check every field, from the one with the focus (a new ID number is
 * looked up before the others are checked), and go to the summary; the
 * first field in error takes the focus. */
static void
to_summary(struct ui *u, struct flow *fl)
{
	w_field_commit(&fl->f[fl->focus]);
	if (flow_check_field(u, fl, fl->focus) != 0)
		return;
	for (int i = 0; i < AF_COUNT; i++) {
		char msg[sizeof u->msg];

		memcpy(msg, u->msg, sizeof msg);
		if (flow_check_field(u, fl, i) != 0) {
			fl->focus = i;
			return;
		}
		memcpy(u->msg, msg, sizeof msg);
	}
	ui_push(u, &screen_summary, fl);
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct flow *fl = st;

	if (a == ACT_FINISH) {
		to_summary(u, fl);
		return true;
	}
	if (a == ACT_OK) {
		w_field_commit(&fl->f[fl->focus]);
		if (fl->focus == AF_ID) {
			char *v = w_field_get(&fl->f[AF_ID]);
			int rc = v != NULL && citizen_is_cccd_qr(v) ? scan_card(u, fl, v) : 1;

			free(v);
			if (rc < 0)
				return true;
			if (rc == 0) {	/* on to what the card does not say */
				move_focus(fl, AF_PHONE);
				return true;
			}
		}
		if (flow_check_field(u, fl, fl->focus) != 0)
			return true;
		if (fl->focus + 1 < AF_COUNT) {
			move_focus(fl, fl->focus + 1);
			return true;
		}
		/* every field once more before the summary */
		for (int i = 0; i < AF_COUNT; i++) {
			char msg[sizeof u->msg];

			memcpy(msg, u->msg, sizeof msg);
			if (flow_check_field(u, fl, i) != 0) {
				fl->focus = i;
				return true;
			}
			memcpy(u->msg, msg, sizeof msg);
		}
		ui_push(u, &screen_summary, fl);
		return true;
	}
	if (a == ACT_UP || a == ACT_PREV) {
		move_focus(fl, fl->focus - 1);
		return true;
	}
	if (a == ACT_DOWN || a == ACT_NEXT) {
		move_focus(fl, fl->focus + 1);
		return true;
	}
	return w_field_key(u, &fl->f[fl->focus], k, a);
}

static keymask
keymap(const void *st)
{
	const struct flow *fl = st;

	return KM_APPLICANT | w_field_focus(&fl->f[fl->focus]);
}

static const enum act hints[] = {
	ACT_HELP, ACT_OK, ACT_FINISH, ACT_UP, ACT_DOWN, ACT_TELEX, ACT_BACK, ACT_NONE,
};

const struct screen_ops screen_applicant = {
	N_("Receive 3/4: applicant"), 0, enter, draw, key, NULL, hints,
	KM_APPLICANT | KF_TEXT | KF_CHOICE, keymap,
};
