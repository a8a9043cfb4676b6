/* lifecycle.c — recording the steps of a dossier after its receipt: the
 * rules of vocab.h's kinds applied to the dossier as it is now (status,
 * role, fields), what a step computes (the due date a resume moves), the
 * event and its projection, in one transaction.  The readings the counter
 * needs (find, due board, history) are lifecycle-read.c. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/citizen.h"
#include "motcua/clock.h"
#include "motcua/db.h"
#include "motcua/role.h"
#include "motcua/dossier.h"
#include "motcua/event.h"
#include "motcua/i18n.h"
#include "motcua/lifecycle.h"
#include "motcua/unit.h"
#include "motcua/vntext.h"

bool
lifecycle_allowed(const char *status, const struct mc_kind *kind)
{
	if (kind == NULL || kind->action == NULL)
		return false;
	for (size_t i = 0; i < sizeof kind->from / sizeof kind->from[0] &&
	    kind->from[i] != NULL; i++)
		if (strcmp(kind->from[i], status) == 0)
			return true;
	return false;
}

/* Why a step is refused, in words the officer can act on: the kind's own
 * explanation for this status if it has one, else the general one; the
 * status by its translated label, as the screens show it. */
static int
refuse_step(const char *code, const char *status, const struct mc_kind *kind,
    struct mc_err *err)
{
	const char *label = vocab_status_label(status);

	for (size_t i = 0; i < sizeof kind->refusals / sizeof kind->refusals[0] &&
	    kind->refusals[i].text != NULL; i++) {
		const struct mc_refusal *r = &kind->refusals[i];
		char msg[sizeof err->msg];

		if (r->status != NULL && strcmp(r->status, status) != 0)
			continue;
		vocab_fill(_(r->text), (const char *[]){code, label}, 2, msg, sizeof msg);
		return err_set(err, MC_ECONFLICT, "%s", msg);
	}
	return err_set(err, MC_ECONFLICT, _("%s is %s: the step '%s' does not apply to it"),
	    code, label, kind->name);
}

/* The facts of the dossier that the rules look at. */
struct current {
	char id[MC_UUID_LEN];
	char status[24];
	char due[MC_ISO_LEN];
	char appointment[MC_ISO_LEN];
	char paused_at[MC_ISO_LEN];
	char last[MC_ISO_LEN];		/* time of its latest event */
	char applicant[256];
	char officer[64];		/* who received it */
	/* a forward procedure's deciding body (catalog.h): where a transfer
	 * goes when it names no agency; "" for one decided here */
	char forward_to[256];
};

static int
load_current(sqlite3 *db, const char *code, struct current *c, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(c, 0, sizeof *c);
	if (db_prepare(db, "SELECT d.id, d.status, d.due, coalesce(d.appointment, d.due), "
	    "coalesce(d.paused_at, ''), (SELECT max(at) FROM event WHERE dossier = d.id), "
	    "d.applicant_name, d.officer, CASE WHEN d.routing = 'forward' THEN "
	    "coalesce(d.decided_by, '') ELSE '' END FROM dossier d WHERE d.code = ?1",
	    &st, err))
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(c->id, sizeof c->id, "%s", sqlite3_column_text(st, 0));
		snprintf(c->status, sizeof c->status, "%s", sqlite3_column_text(st, 1));
		snprintf(c->due, sizeof c->due, "%s", sqlite3_column_text(st, 2));
		snprintf(c->appointment, sizeof c->appointment, "%s", sqlite3_column_text(st, 3));
		snprintf(c->paused_at, sizeof c->paused_at, "%s", sqlite3_column_text(st, 4));
		snprintf(c->last, sizeof c->last, "%s", sqlite3_column_text(st, 5));
		snprintf(c->applicant, sizeof c->applicant, "%s", sqlite3_column_text(st, 6));
		snprintf(c->officer, sizeof c->officer, "%s", sqlite3_column_text(st, 7));
		snprintf(c->forward_to, sizeof c->forward_to, "%s", sqlite3_column_text(st, 8));
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return err_set(err, MC_ENOTFOUND,
		    _("there is no dossier %s: check the code on the slip"), code);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, _("looking up the dossier"));
	return 0;
}

/* Working days from the day of a to the day of b, not counting b's day:
 * how long the clock stood still. */
static int
working_days_between(struct mc_calendar *cal, int from, int to)
{
	int n = 0;

	for (int j = from; j < to; j++)
		if (calendar_is_working_day(cal, j))
			n++;
	return n;
}

/* A moment moved forward by n working days, same clock time. */
static int
add_working_days(struct mc_calendar *cal, const struct mc_time *t, int n,
    struct mc_time *out, struct mc_err *err)
{
	*out = *t;
	while (n > 0) {
		/* the next working day strictly after this one */
		int next = calendar_next_working_day(cal, out->jdn);
		if (next < 0)
			return err_set(err, MC_EINVAL, _("no working day in the next ten "
			    "years: check the calendar overrides"));
		out->jdn = next;
		n--;
	}
	return 0;
}

/* ---- the values of a step ---------------------------------------------- */

#define VALUE_LEN 4100		/* a text field of 1000 characters, with room */

int
lifecycle_arg(struct mc_step_args *a, const struct mc_kind *k, const char *field,
    const char *value)
{
	int i = vocab_field_index(k, field);

	if (i < 0)
		return -1;
	a->v[i] = value;
	return 0;
}

/* The field's own message for a bad value, or the general one. */
static int
bad_value(const struct mc_field *f, const char *value, const char *general,
    struct mc_err *err)
{
	char msg[sizeof err->msg];

	if (f->bad == NULL)
		vocab_fill(general, (const char *[]){value, f->name}, 2, msg, sizeof msg);
	else
		vocab_fill(_(f->bad), (const char *[]){value}, 1, msg, sizeof msg);
	return err_set(err, MC_EINVAL, "%s", msg);
}

/* The field as the officer knows it: its form's label without the colon
 * ("Reason"), translated; its key only if it has no label. */
static void
field_title(const struct mc_field *f, char *buf, size_t n)
{
	size_t len;

	snprintf(buf, n, "%s", f->label != NULL ? _(f->label) : f->name);
	len = strlen(buf);
	while (len > 0 && (buf[len - 1] == ':' || buf[len - 1] == ' '))
		buf[--len] = '\0';
}

int
lifecycle_check_value(const struct mc_field *f, const char *value, char *out, size_t n,
    struct mc_err *err)
{
	out[0] = '\0';
	if (value == NULL)
		return 0;
	switch (f->type) {
	case MC_FT_TEXT: {
		char *c = vntext_clean(value, err);
		size_t len;

		if (c == NULL)
			return -1;
		if ((len = vntext_chars(c)) > f->max) {
			char title[128];

			free(c);
			field_title(f, title, sizeof title);
			return err_set(err, MC_EINVAL, _("the field '%s' is too long (%zu "
			    "characters): shorten it to %zu"), title, len, f->max);
		}
		if (strlen(c) >= n) {
			free(c);
			return err_set(err, MC_ENOMEM, _("out of memory"));
		}
		snprintf(out, n, "%s", c);
		free(c);
		return 0;
	}
	case MC_FT_ID: {
		char id[13];

		if (value[0] == '\0')
			return 0;
		if (citizen_check_id(value, 0, id, NULL, err))
			return -1;
		snprintf(out, n, "%s", id);
		return 0;
	}
	case MC_FT_TIME: {
		struct mc_time t;
		char iso[MC_ISO_LEN];

		/* typed the way both front ends take dates (date.h) */
		if (date_parse_input_time(value, &t, NULL) != 0)
			return bad_value(f, value, _("'%s' is not a date and time (%s): write "
			    "it as DD/MM/YYYY HH:MM or YYYY-MM-DD HH:MM"), err);
		date_format_iso(&t, iso);
		snprintf(out, n, "%s", iso);
		return 0;
	}
	case MC_FT_INT: {
		char *end;
		long long v = strtoll(value, &end, 10);

		if (end == value || *end != '\0')
			return bad_value(f, value, _("'%s' is not a whole number (%s)"), err);
		snprintf(out, n, "%lld", v);
		return 0;
	}
	case MC_FT_ENUM: {
		const struct mc_choice *c = vocab_choice(f, value);

		if (c == NULL)
			return bad_value(f, value, _("'%s' is not one of the values of %s"), err);
		snprintf(out, n, "%s", c->value);
		return 0;
	}
	}
	return err_set(err, MC_EINVAL, _("unknown step"));
}

/* The checked values of a step, by field; "" = not given (null). */
struct values {
	const struct mc_kind *k;
	size_t n;
	char v[MC_FIELDS_MAX][VALUE_LEN];
	bool given[MC_FIELDS_MAX];	/* by the caller (not a default) */
};

static const char *
value_of(const struct values *vs, const char *name)
{
	int i = vocab_field_index(vs->k, name);

	return i >= 0 ? vs->v[i] : "";
}

static bool
given(const struct values *vs, const char *name)
{
	int i = vocab_field_index(vs->k, name);

	return i >= 0 && vs->given[i];
}

/* The step as the officer knows it: its action's label, translated. */
static const char *
step_title(const struct mc_kind *k)
{
	return _(k->action != NULL ? k->action : k->label);
}

/* Check what the step says against its fields: each value of its type
 * and within its limits, every field it needs given, defaults filled (a
 * field left to the applicant gets `applicant`).  On error *bad (may be
 * NULL) is the index of the field at fault. */
static int
check_values(const struct mc_kind *k, const struct mc_step_args *a,
    const char *applicant, struct values *vs, int *bad, struct mc_err *err)
{
	if (bad != NULL)
		*bad = -1;
	vs->k = k;
	vs->n = vocab_nfields(k);
	for (size_t i = 0; i < vs->n; i++) {
		const struct mc_field *f = &k->fields[i];
		const char *value = a->v[i];

		vs->v[i][0] = '\0';
		vs->given[i] = false;
		if (bad != NULL)
			*bad = (int)i;
		if (f->computed) {
			if (value != NULL)
				return err_set(err, MC_EINVAL, _("the step '%s' computes its %s "
				    "itself: leave it out"), k->name, f->name);
			continue;
		}
		/* a field that goes only with another is dropped without it */
		if (f->need == MC_NEED_WITH && !given(vs, f->when))
			continue;
		if (lifecycle_check_value(f, value, vs->v[i], sizeof vs->v[i], err))
			return -1;
		vs->given[i] = vs->v[i][0] != '\0';
	}
	for (size_t i = 0; i < vs->n; i++) {
		const struct mc_field *f = &k->fields[i];
		bool needed = f->need == MC_NEED_YES ||
		    (f->need == MC_NEED_IF && strcmp(value_of(vs, f->when), f->when_value) == 0) ||
		    (f->need == MC_NEED_WITH && given(vs, f->when));

		if (vs->v[i][0] != '\0' || f->computed)
			continue;
		if (bad != NULL)
			*bad = (int)i;
		if (f->applicant)
			snprintf(vs->v[i], sizeof vs->v[i], "%s", applicant);
		else if (f->first_default)
			snprintf(vs->v[i], sizeof vs->v[i], "%s", f->choices[0].value);
		else if (needed && f->missing != NULL)
			return err_set(err, MC_EINVAL, "%s", _(f->missing));
		else if (needed)
			return err_set(err, MC_EINVAL, _("the step '%s' needs %s"),
			    step_title(k), _(f->noun));
	}
	if (bad != NULL)
		*bad = -1;
	return 0;
}

int
lifecycle_check(const struct mc_kind *kind, const struct mc_step_args *a, int *field,
    struct mc_err *err)
{
	struct values *vs;
	int rc;

	if (field != NULL)
		*field = -1;
	if (kind == NULL || kind->action == NULL)
		return err_set(err, MC_EINVAL, _("unknown step"));
	if ((vs = malloc(sizeof *vs)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	/* the applicant stands in for an empty field of theirs when it is
	 * recorded; here nothing is kept */
	rc = check_values(kind, a, "", vs, field, err);
	free(vs);
	return rc;
}

/* What a kind computes or checks beyond its fields' own rules. */
static int
step_rules(struct mc_calendar *cal, const char *code, const struct current *c,
    const struct mc_time *at, struct values *vs, struct mc_err *err)
{
	switch (vs->k->id) {
	case MC_KIND_RESUME: {
		struct mc_time paused, due, moved;
		char iso[MC_ISO_LEN];
		int days = vocab_field_index(vs->k, "paused_days");
		int due_at = vocab_field_index(vs->k, "due");
		int n;

		/* the fields it computes are the table's (vocab.c) */
		if (days < 0 || due_at < 0)
			return err_set(err, MC_EINVAL, _("the step '%s' has no field for "
			    "the days paused or the new due date"), vs->k->name);
		if (date_parse_time(c->paused_at, &paused) || date_parse_time(c->due, &due))
			return err_set(err, MC_EINVAL, _("the pause of %s has no readable time: "
			    "run 'motcua check --rebuild'"), code);
		/* the clock stood still from the day of the pause up to the
		 * day of the resume: the due date moves by those working days */
		n = working_days_between(cal, paused.jdn, at->jdn);
		if (add_working_days(cal, &due, n, &moved, err))
			return -1;
		date_format_iso(&moved, iso);
		snprintf(vs->v[days], VALUE_LEN, "%d", n);
		snprintf(vs->v[due_at], VALUE_LEN, "%s", iso);
		return 0;
	}
	case MC_KIND_APOLOGIZE: {
		const char *nd = value_of(vs, "new_date");
		struct mc_time t;

		if (date_parse_time(nd, &t) != 0 || date_cmp(&t, at) <= 0)
			return err_set(err, MC_EINVAL, _("the new date must be after the time of "
			    "the apology: give a date in the future"));
		if (strcmp(nd, c->appointment) <= 0)
			return err_set(err, MC_EINVAL, _("the new date must be later than the "
			    "date already promised to the citizen"));
		return 0;
	}
	default:
		return 0;
	}
}

/* The body of the event: every field of the kind in the table's order,
 * null when not given; built by SQLite so that quoting is never ours. */
static char *
make_body(sqlite3 *db, const struct values *vs, struct mc_err *err)
{
	sqlite3_str *sql = sqlite3_str_new(db);
	sqlite3_stmt *st;
	char *text;

	sqlite3_str_appendall(sql, "SELECT json_object(");
	for (size_t i = 0; i < vs->n; i++)
		sqlite3_str_appendf(sql, vs->k->fields[i].type == MC_FT_INT ?
		    "%s%Q, CAST(?%d AS INTEGER)" : "%s%Q, ?%d", i ? ", " : "",
		    vs->k->fields[i].name, (int)i + 1);
	sqlite3_str_appendall(sql, ")");
	if ((text = sqlite3_str_finish(sql)) == NULL) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		return NULL;
	}
	if (db_prepare(db, text, &st, err)) {
		sqlite3_free(text);
		return NULL;
	}
	sqlite3_free(text);
	for (size_t i = 0; i < vs->n; i++)
		if (vs->v[i][0] != '\0')
			sqlite3_bind_text(st, (int)i + 1, vs->v[i], -1, SQLITE_STATIC);
	return db_step_text(db, st, _("recording the step"), err);
}

/* ---- recording --------------------------------------------------------- */

/* A colleague's dossier (another officer received it): may `off` record
 * this step on it (role_colleague_may, the setting colleague_steps)?
 * 0 yes; -1 with err saying why not. */
static int
colleague_refused(sqlite3 *db, const char *code, const struct current *c,
    const struct mc_officer *off, const struct mc_kind *kind, struct mc_err *err)
{
	int may = role_colleague_may(db, off->role, kind->id, err);

	if (may < 0)
		return -1;
	if (may)
		return 0;
	/* TRANSLATORS: the dossier code, the officer who received it, the
	 * step's label ("Withdrawn"); colleague_steps is the setting's name */
	return err_set(err, MC_EINVAL, _("%s was received by %s: an officer records "
	    "“%s” only on dossiers they received (the setting colleague_steps says "
	    "which steps are shared); ask %s or a supervisor"), code, c->officer,
	    _(kind->label), c->officer);
}

int
lifecycle_record(sqlite3 *db, struct mc_calendar *cal, const char *code,
    const struct mc_kind *kind, const struct mc_step_args *a, const struct mc_time *at,
    const char *officer, struct mc_err *err)
{
	struct db_tx tx;
	struct current c;
	struct mc_officer off;
	struct values *vs = NULL;
	struct mc_step_args targs;
	char iso[MC_ISO_LEN], *body = NULL;
	int rc = -1;

	if (kind == NULL || kind->action == NULL)
		return err_set(err, MC_EINVAL, _("unknown step"));
	if (unit_officer_get(db, officer, &off, err))
		return -1;
	/* the kind's own sentence says why a lesser role may not; the role
	 * table (role.h) is the rule, as for every other action */
	if (!role_may(off.role, role_kind(kind->id))) {
		if (kind->role_refusal != NULL && off.role != MC_ROLE_AUDITOR)
			return err_set(err, MC_EINVAL, "%s", _(kind->role_refusal));
		return role_check(off.role, role_kind(kind->id), err);
	}
	/* a step more than a day ahead of the clock is a supervisor's */
	if (clock_require_at(off.role, at, err))
		return -1;
	if ((vs = malloc(sizeof *vs)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	if (db_tx_begin(db, &tx, err)) {
		free(vs);
		return -1;
	}
	if (load_current(db, code, &c, err))
		goto done;
	if (!lifecycle_allowed(c.status, kind)) {
		refuse_step(code, c.status, kind, err);
		goto done;
	}
	if (strcmp(c.officer, off.username) != 0 && colleague_refused(db, code, &c, &off, kind,
	    err))
		goto done;
	/* a transfer that names no agency goes to the body that decides a
	 * forward procedure (the catalog's decided_by, kept by the receipt) */
	if (kind->id == MC_KIND_TRANSFER && c.forward_to[0] != '\0') {
		int at_agency = vocab_field_index(kind, "agency");

		if (at_agency >= 0 && (a->v[at_agency] == NULL ||
		    a->v[at_agency][0] == '\0')) {
			targs = *a;
			targs.v[at_agency] = c.forward_to;
			a = &targs;
		}
	}
	if (check_values(kind, a, c.applicant, vs, NULL, err) ||
	    step_rules(cal, code, &c, at, vs, err) ||
	    (body = make_body(db, vs, err)) == NULL)
		goto done;
	/* history is a line: nothing may happen before what already happened */
	date_format_iso(at, iso);
	if (strcmp(iso, c.last) < 0) {
		struct mc_time last;
		char shown[MC_TIME_LEN] = "", when[MC_TIME_LEN];

		if (date_parse_time(c.last, &last) == 0)
			date_format_time(&last, shown);
		date_format_time(at, when);
		err_set(err, MC_EINVAL, _("the time %s is before the dossier's last step "
		    "(%s): check the date and time"), when, shown);
		goto done;
	}
	if (event_append(db, c.id, kind->name, at, off.username, body, err) ||
	    dossier_project(db, c.id, err))
		goto done;
	rc = db_tx_commit(&tx, err);
done:
	if (rc != 0)
		db_tx_rollback(&tx);
	sqlite3_free(body);
	free(vs);
	return rc;
}
