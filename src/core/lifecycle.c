/* lifecycle.c — the steps of a dossier after its receipt: rules, events,
 * and the readings the counter needs (find, due board, history). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/citizen.h"
#include "motcua/db.h"
#include "motcua/dossier.h"
#include "motcua/event.h"
#include "motcua/i18n.h"
#include "motcua/lifecycle.h"
#include "motcua/unit.h"
#include "motcua/vntext.h"

static const char *const step_names[MC_STEP_COUNT] = {
	"handover", "transfer", "transfer-back", "pause", "resume", "result", "return",
	"refuse", "withdraw", "cancel", "apologize",
};

const char *
lifecycle_step_name(enum mc_step s)
{
	return (unsigned)s < MC_STEP_COUNT ? step_names[s] : "?";
}

int
lifecycle_step_parse(const char *name, enum mc_step *s)
{
	for (int i = 0; i < MC_STEP_COUNT; i++)
		if (strcmp(name, step_names[i]) == 0) {
			*s = (enum mc_step)i;
			return 0;
		}
	return -1;
}

static bool
is(const char *status, const char *a, const char *b, const char *c)
{
	return strcmp(status, a) == 0 || (b != NULL && strcmp(status, b) == 0) ||
	    (c != NULL && strcmp(status, c) == 0);
}

bool
lifecycle_allowed(const char *status, enum mc_step step)
{
	bool open = is(status, "received", "processing", "transferred") ||
	    strcmp(status, "paused") == 0;

	switch (step) {
	case MC_STEP_HANDOVER:
	case MC_STEP_TRANSFER:
		return is(status, "received", "processing", NULL);
	case MC_STEP_TRANSFER_BACK:
		return strcmp(status, "transferred") == 0;
	case MC_STEP_PAUSE:
	case MC_STEP_RESULT:
		return is(status, "received", "processing", "transferred");
	case MC_STEP_RESUME:
		return strcmp(status, "paused") == 0;
	case MC_STEP_RETURN:
		return strcmp(status, "result_ready") == 0;
	case MC_STEP_REFUSE:
		return strcmp(status, "received") == 0;
	case MC_STEP_WITHDRAW:
	case MC_STEP_APOLOGIZE:
		return open;
	case MC_STEP_CANCEL:
		return strcmp(status, "cancelled") != 0;
	case MC_STEP_COUNT:
		break;
	}
	return false;
}

/* Why a step is refused, in words the officer can act on. */
static int
refuse_step(const char *code, const char *status, enum mc_step step, struct mc_err *err)
{
	if (step == MC_STEP_RETURN)
		return err_set(err, MC_ECONFLICT, _("the result of %s is not ready (it is "
		    "%s): record the result before returning it"), code, status);
	if (step == MC_STEP_RESULT && strcmp(status, "paused") == 0)
		return err_set(err, MC_ECONFLICT, _("%s is paused waiting for the citizen: "
		    "record the resume first"), code);
	if (step == MC_STEP_REFUSE)
		return err_set(err, MC_ECONFLICT, _("%s can be refused at the counter only "
		    "before it is handed on (it is %s): withdraw it or record a refused "
		    "result instead"), code, status);
	return err_set(err, MC_ECONFLICT, _("%s is %s: the step '%s' does not apply to it"),
	    code, status, lifecycle_step_name(step));
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
};

static int
load_current(sqlite3 *db, const char *code, struct current *c, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(c, 0, sizeof *c);
	if (db_prepare(db, "SELECT d.id, d.status, d.due, coalesce(d.appointment, d.due), "
	    "coalesce(d.paused_at, ''), (SELECT max(at) FROM event WHERE dossier = d.id), "
	    "d.applicant_name FROM dossier d WHERE d.code = ?1", &st, err))
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

/* Text arguments: NFC, trimmed; "" counts as absent. */
static char *
clean_arg(const char *s, struct mc_err *err, bool *bad)
{
	char *c;

	if (s == NULL)
		return NULL;
	if ((c = vntext_clean(s, err)) == NULL) {
		*bad = true;
		return NULL;
	}
	if (c[0] == '\0') {
		free(c);
		return NULL;
	}
	return c;
}

static int
need(const char *value, const char *what, enum mc_step step, struct mc_err *err)
{
	if (value != NULL)
		return 0;
	return err_set(err, MC_EINVAL, _("the step '%s' needs %s"),
	    lifecycle_step_name(step), what);
}

/* The body of the event, built by SQLite so that quoting is never ours. */
static char *
make_body(sqlite3 *db, const char *sql, const char *const *vals, int nvals,
    struct mc_err *err)
{
	sqlite3_stmt *st;
	char *body = NULL;

	if (db_prepare(db, sql, &st, err))
		return NULL;
	for (int i = 0; i < nvals; i++)
		if (vals[i] != NULL)
			sqlite3_bind_text(st, i + 1, vals[i], -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		body = sqlite3_mprintf("%s", sqlite3_column_text(st, 0));
	else
		db_fail(db, err, _("recording the step"));
	sqlite3_finalize(st);
	return body;
}

static const char *const ratings[] = {"very_satisfied", "satisfied", "not_satisfied"};

int
lifecycle_record(sqlite3 *db, struct mc_calendar *cal, const char *code,
    enum mc_step step, const struct mc_step_args *a, const struct mc_time *at,
    const char *officer, struct mc_err *err)
{
	struct db_tx tx;
	struct current c;
	struct mc_officer off;
	char iso[MC_ISO_LEN], extra[MC_ISO_LEN] = "", days[16] = "";
	char *to = NULL, *agency = NULL, *reason = NULL, *collector = NULL, *body = NULL;
	char cid[13] = "";
	const char *rating = NULL;
	bool bad = false;
	int rc = -1;

	if ((unsigned)step >= MC_STEP_COUNT)
		return err_set(err, MC_EINVAL, _("unknown step"));
	if (unit_officer_get(db, officer, &off, err))
		return -1;
	if (step == MC_STEP_CANCEL && off.role != MC_ROLE_SUPERVISOR)
		return err_set(err, MC_EINVAL, _("only a supervisor may cancel a dossier "
		    "entered in error: ask the supervisor to do it"));
	if (db_tx_begin(db, &tx, err))
		return -1;
	if (load_current(db, code, &c, err))
		goto done;
	if (!lifecycle_allowed(c.status, step)) {
		refuse_step(code, c.status, step, err);
		goto done;
	}
	to = clean_arg(a->to, err, &bad);
	agency = clean_arg(a->agency, err, &bad);
	reason = clean_arg(a->reason, err, &bad);
	collector = clean_arg(a->collector, err, &bad);
	if (bad)
		goto done;

	switch (step) {
	case MC_STEP_HANDOVER:
		if (need(to, _("the person it is handed to"), step, err))
			goto done;
		body = make_body(db, "SELECT json_object('to', ?1)",
		    (const char *[]){to}, 1, err);
		break;
	case MC_STEP_TRANSFER:
	case MC_STEP_TRANSFER_BACK:
		if (step == MC_STEP_TRANSFER &&
		    need(agency, _("the agency"), step, err))
			goto done;
		body = make_body(db, "SELECT json_object('agency', ?1)",
		    (const char *[]){agency}, 1, err);
		break;
	case MC_STEP_PAUSE:
	case MC_STEP_REFUSE:
	case MC_STEP_CANCEL:
		if (need(reason, _("a reason"), step, err))
			goto done;
		/* fall through */
	case MC_STEP_WITHDRAW:
		body = make_body(db, "SELECT json_object('reason', ?1)",
		    (const char *[]){reason}, 1, err);
		break;
	case MC_STEP_RESUME: {
		struct mc_time paused, due, moved;
		int n;

		if (date_parse_time(c.paused_at, &paused) || date_parse_time(c.due, &due)) {
			err_set(err, MC_EINVAL, _("the pause of %s has no readable time: run "
			    "'motcua check --rebuild'"), code);
			goto done;
		}
		/* the clock stood still from the day of the pause up to the
		 * day of the resume: the due date moves by those working days */
		n = working_days_between(cal, paused.jdn, at->jdn);
		if (add_working_days(cal, &due, n, &moved, err))
			goto done;
		date_format_iso(&moved, extra);
		snprintf(days, sizeof days, "%d", n);
		body = make_body(db, "SELECT json_object('paused_days', CAST(?1 AS INTEGER), "
		    "'due', ?2)", (const char *[]){days, extra}, 2, err);
		break;
	}
	case MC_STEP_RESULT:
		if (a->refused && need(reason, _("the reason of the refusal"),
		    step, err))
			goto done;
		body = make_body(db, "SELECT json_object('outcome', ?1, 'reason', ?2)",
		    (const char *[]){a->refused ? "refused" : "approved", reason}, 2, err);
		break;
	case MC_STEP_RETURN:
		if (a->rating != NULL) {
			for (size_t i = 0; i < 3; i++)
				if (strcmp(a->rating, ratings[i]) == 0)
					rating = ratings[i];
			if (rating == NULL) {
				err_set(err, MC_EINVAL, _("the rating '%s' is not one of "
				    "very_satisfied, satisfied, not_satisfied"), a->rating);
				goto done;
			}
		}
		if (collector != NULL) {
			/* someone else collects: who, with their ID number */
			if (a->collector_id == NULL) {
				err_set(err, MC_EINVAL, _("a collector other than the applicant "
				    "must show an ID: give the collector's ID number"));
				goto done;
			}
			if (citizen_check_id(a->collector_id, 0, cid, NULL, err))
				goto done;
		}
		body = make_body(db, "SELECT json_object('collector', ?1, 'collector_id', ?2, "
		    "'rating', ?3)", (const char *[]){collector != NULL ? collector :
		    c.applicant, cid[0] ? cid : NULL, rating}, 3, err);
		break;
	case MC_STEP_APOLOGIZE: {
		if (need(reason, _("a reason"), step, err))
			goto done;
		date_format_iso(&a->new_date, extra);
		if (a->new_date.jdn == 0 || date_cmp(&a->new_date, at) <= 0) {
			err_set(err, MC_EINVAL, _("the new date must be after the time of the "
			    "apology: give a date in the future"));
			goto done;
		}
		if (strcmp(extra, c.appointment) <= 0) {
			err_set(err, MC_EINVAL, _("the new date must be later than the date "
			    "already promised to the citizen"));
			goto done;
		}
		body = make_body(db, "SELECT json_object('reason', ?1, 'new_date', ?2)",
		    (const char *[]){reason, extra}, 2, err);
		break;
	}
	case MC_STEP_COUNT:
		break;
	}
	if (body == NULL)
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
	if (event_append(db, c.id, lifecycle_step_name(step), at, off.username, body, err) ||
	    dossier_project(db, c.id, err))
		goto done;
	rc = db_tx_commit(&tx, err);
done:
	if (rc != 0)
		db_tx_rollback(&tx);
	sqlite3_free(body);
	free(to);
	free(agency);
	free(reason);
	free(collector);
	return rc;
}
