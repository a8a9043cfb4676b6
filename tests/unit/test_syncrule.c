/* test_syncrule.c — the rules an imported bundle obeys (syncrule.h): a
 * header accepted, each of its values refused when not of its type; the
 * genuine events of station A accepted at station R, and each forged
 * variant of one refused with a message naming the event and the cause:
 * origin, time, kind, body, lifecycle step, officer, unit. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/calendar.h"
#include "motcua/db.h"
#include "motcua/setting.h"
#include "motcua/syncrule.h"
#include "station.h"
#include "tap.h"

#define CREATED "2026-11-30T17:00:00+07:00"

static sqlite3 *A, *R;
static char idA[MC_UUID_LEN], idR[MC_UUID_LEN];

/* The header of a bundle from A, one value replaced (key NULL: none). */
static const char *keys[] = {"content_sha256", "count", "created", "format",
    "format_version", "kind", "payload", "sender", "sender_number", "sender_unit",
    "vector", "version"};
#define NK (sizeof keys / sizeof keys[0])

static int
header(sqlite3 *db, const char *key, const char *value, struct syncrule_ctx **ctx,
    struct mc_err *err)
{
	/* the vector: held here and given (no gap), unless a test says */
	const char *vals[NK] = {"0", "5", CREATED, "motcua-bundle", "1", "events", NULL, idA,
	    "1", UNIT_CODE, "{}", NULL};

	for (size_t i = 0; key != NULL && i < NK; i++)
		if (strcmp(keys[i], key) == 0)
			vals[i] = value;
	err_clear(err);
	return syncrule_header(db, "x.motcua", keys, vals, NK, NULL, ctx, err);
}

static void
header_refused(const char *key, const char *value, const char *needle)
{
	struct syncrule_ctx *ctx = NULL;
	struct mc_err err;

	ok(header(R, key, value, &ctx, &err) == -1 && ctx == NULL &&
	    strstr(err.msg, needle) != NULL && strstr(err.msg, "nothing was changed") != NULL,
	    "header %s '%s': refused (%s)", key, value != NULL ? value : "(absent)", err.msg);
}

/* A's events, as its bundle would carry them. */
struct row {
	char *v[8];		/* origin, at, officer, dossier, kind, body, prev, hash */
	long long seq;
};
static struct row rows[64];
static size_t nrows;

static void
load(void)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(A, "SELECT origin, at, officer, dossier, kind, body, prev, hash, "
	    "seq FROM event ORDER BY origin, seq", -1, &st, NULL) != SQLITE_OK)
		bail("A's events", sqlite3_errmsg(A));
	while (sqlite3_step(st) == SQLITE_ROW && nrows < 64) {
		for (int i = 0; i < 8; i++)
			rows[nrows].v[i] = strdup((const char *)sqlite3_column_text(st, i));
		rows[nrows++].seq = sqlite3_column_int64(st, 8);
	}
	sqlite3_finalize(st);
}

static struct mc_event
ev(const struct row *r)
{
	struct mc_event e = {r->v[0], r->seq, r->v[1], r->v[2], r->v[3], r->v[4], r->v[5],
	    r->v[6]};
	return e;
}

/* A's events up to (not with) row `upto` given to a fresh context; then
 * `e`.  0 or -1 with err. */
static int
after(size_t upto, const struct mc_event *e, struct mc_err *err)
{
	struct syncrule_ctx *ctx;
	int rc = 0;

	if (header(R, NULL, NULL, &ctx, err) != 0)
		return -1;
	for (size_t i = 0; i < upto && rc == 0; i++) {
		struct mc_event x = ev(&rows[i]);

		rc = syncrule_event(R, ctx, &x, err);
	}
	if (rc == 0)
		rc = syncrule_event(R, ctx, e, err);
	syncrule_free(ctx);
	return rc;
}

/* The row of kind k (its first), or bail. */
static size_t
row_of(const char *kind)
{
	for (size_t i = 0; i < nrows; i++)
		if (strcmp(rows[i].v[4], kind) == 0)
			return i;
	bail("no event of kind", kind);
}

/* e, as row `base` with a field replaced, must be refused after the rows
 * before `upto`, naming the cause. */
static void
refused(size_t upto, const struct mc_event *e, const char *needle, const char *what)
{
	struct mc_err err;
	char ev_name[64];

	snprintf(ev_name, sizeof ev_name, "event %lld of station 1: ", e->seq);
	ok(after(upto, e, &err) == -1 && strstr(err.msg, needle) != NULL &&
	    strstr(err.msg, ev_name) != NULL && strstr(err.msg, "nothing was changed") != NULL,
	    "%s: refused (%s)", what, err.msg);
}

/* json_set(body, path, value) as text. */
static char *
edit(const char *body, const char *path, const char *json)
{
	static char out[8][4096];
	static int k;
	sqlite3_stmt *st;

	k = (k + 1) % 8;
	if (sqlite3_prepare_v2(R, "SELECT json_set(?1, ?2, json(?3))", -1, &st, NULL) !=
	    SQLITE_OK)
		bail("edit", sqlite3_errmsg(R));
	sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, json, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW)
		bail("edit", sqlite3_errmsg(R));
	snprintf(out[k], sizeof out[k], "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out[k];
}

static void
test_header(void)
{
	struct syncrule_ctx *ctx = NULL;
	struct mc_err err;
	char upper[MC_UUID_LEN], big[400];

	ok(header(R, NULL, NULL, &ctx, &err) == 0 && ctx != NULL, "a genuine header: taken (%s)",
	    err.msg);
	syncrule_free(ctx);
	header_refused("sender", "not-a-station", "its sender 'not-a-station' is not a station id");
	snprintf(upper, sizeof upper, "%s", idA);
	for (char *p = upper; *p; p++)
		if (*p >= 'a' && *p <= 'f')
			*p = (char)(*p - 'a' + 'A');
	header_refused("sender", upper, "is not a station id");
	header_refused("sender", NULL, "its sender '' is not a station id");
	header_refused("sender_number", "hai", "its sender_number 'hai' is not a station number");
	header_refused("sender_number", "0", "is not a station number");
	header_refused("sender_number", "10", "is not a station number");
	header_refused("sender_number", " 1", "is not a station number");
	header_refused("sender_unit", "Xã Giả", "its sender_unit 'Xã Giả' is not a unit code");
	header_refused("created", "zzzz", "its time of making 'zzzz' is not a real time");
	header_refused("created", "2026-02-30T17:00:00+07:00", "is not a real time");
	header_refused("created", "2026-11-30 17:00", "is not a real time");
	header_refused("count", "năm", "its count 'năm' is not a number of events");
	header_refused("count", "05", "is not a number of events");
	header_refused("count", "-5", "is not a number of events");
	header_refused("vector", "[1]", "its vector is not a list of stations");
	header_refused("vector", "{\"x\":1}", "its vector is not a list of stations");
	snprintf(big, sizeof big, "{\"%s\":0}", idA);
	header_refused("vector", big, "its vector is not a list of stations");
	snprintf(big, sizeof big, "{\"%s\":1.5}", idA);
	header_refused("vector", big, "its vector is not a list of stations");
	header_refused("version", "999999999999", "its version '999999999999' is not a version");
	header_refused("version", "x", "is not a version number");
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	header_refused("format", big, "its header's format is too long (399 bytes)");
	/* this station's own identity: a publication is refused; a bundle of
	 * events may come back (its own), but brings nothing new */
	{
		const char *vals[NK] = {"0", "0", CREATED, "motcua-bundle", "1", "catalog", "{}",
		    idR, "2", UNIT_CODE, "{}", "3"};

		ok(syncrule_header(R, "p.motcua", keys, vals, NK, NULL, &ctx, &err) == -1 &&
		    strstr(err.msg, "claims to be a publication of this station") != NULL,
		    "a publication claiming this station: refused (%s)", err.msg);
		vals[5] = "events";
		vals[6] = vals[11] = NULL;
		ok(syncrule_header(R, "o.motcua", keys, vals, NK, NULL, &ctx, &err) == 0,
		    "this station's own bundle back: its header taken");
		{
			struct mc_event e = ev(&rows[0]);

			ok(syncrule_event(R, ctx, &e, &err) == -1 && strstr(err.msg,
			    "claims to come from this station, which does not hold this event"),
			    "but an event it does not hold: refused (%s)", err.msg);
		}
		syncrule_free(ctx);
	}
}

static void
test_events(void)
{
	size_t rcv = row_of("receive"), pause = row_of("pause"), result = row_of("result");
	size_t cancel = row_of("cancel");
	struct mc_err err;
	struct mc_event e;
	char other[MC_UUID_LEN];

	ok(after(nrows - 1, (struct mc_event[]){ev(&rows[nrows - 1])}, &err) == 0,
	    "A's %zu genuine events, one after the other: taken (%s)", nrows, err.msg);

	/* (a) the origin */
	e = ev(&rows[rcv]);
	e.origin = "A";
	ok(after(rcv, &e, &err) == -1 && strstr(err.msg, "its station 'A' is not a station id"),
	    "an origin that is no station id: refused (%s)", err.msg);
	e.origin = idR;
	ok(after(rcv, &e, &err) == -1 && strstr(err.msg, "claims to be this station's own"),
	    "an event claiming this station as its origin: refused (%s)", err.msg);

	/* (b) the time */
	e = ev(&rows[rcv + 1]);
	e.at = "zzzz";
	refused(rcv + 1, &e, "its time 'zzzz' is not a real time", "the time zzzz");
	e.at = "2026-11-16 10:00";
	refused(rcv + 1, &e, "is not a real time", "a time not as motcua writes it");
	e.at = "2026-12-02T09:00:00+07:00";
	refused(rcv + 1, &e, "more than a day after the file was made", "a time after the bundle");
	e.at = "2026-12-01T16:00:00+07:00";
	ok(after(rcv + 1, &e, &err) == 0, "within a day after the bundle: taken (%s)", err.msg);
	e.at = "2026-11-16T08:00:00+07:00";
	refused(rcv + 1, &e, "before the dossier's receipt", "a step before the receipt");

	/* (c) the kind and the body */
	e = ev(&rows[rcv + 1]);
	e.kind = "teleport";
	refused(rcv + 1, &e, "its kind 'teleport' is not one motcua records", "an unknown kind");
	e = ev(&rows[0]);
	e.kind = "erase_all";
	refused(0, &e, "its kind 'erase_all' is not one motcua records", "an unknown audit kind");
	e = ev(&rows[0]);
	e.body = "{\"file\":[1,2]}";
	refused(0, &e, "its body is not one of an audit event", "an audit body not of strings");
	e = ev(&rows[cancel]);
	e.body = edit(e.body, "$.reason", "null");
	refused(cancel, &e, "its reason is missing", "a cancel without its reason");
	e.body = edit(rows[cancel].v[5], "$.evil", "1");
	refused(cancel, &e, "its body has a field 'evil' that a 'cancel' has not", "an extra field");
	e.body = "[1]";
	refused(cancel, &e, "its body is not that of a 'cancel'", "a body that is no object");
	{
		char *longer = malloc(1200 + 3);

		memset(longer + 1, 'x', 1200);
		longer[0] = '"';
		longer[1201] = '"';
		longer[1202] = '\0';
		e.body = edit(rows[cancel].v[5], "$.reason", longer);
		refused(cancel, &e, "the field 'Reason' is too long (1200 characters): shorten "
		    "it to 1000", "a reason over its limit");
		free(longer);
	}
	e = ev(&rows[pause + 1]);	/* the resume */
	e.body = edit(e.body, "$.paused_days", "\"two\"");
	refused(pause + 1, &e, "its paused_days is not of its type", "a number that is text");
	e.body = edit(rows[pause + 1].v[5], "$.due", "\"zzzz\"");
	refused(pause + 1, &e, "its due 'zzzz' is not a real time", "a due date that is no time");
	e = ev(&rows[result]);
	e.body = edit(e.body, "$.outcome", "\"maybe\"");
	refused(result, &e, "the outcome 'maybe' is not one of approved, refused",
	    "an outcome not of its choices");
	e = ev(&rows[rcv]);
	e.body = edit(e.body, "$.code", "\"000.17.22.H57-261116-1001\"");
	refused(rcv, &e, "is of another unit than 000.17.22.H56", "a receipt of another unit");
	e.body = edit(rows[rcv].v[5], "$.code", "\"000.17.22.H56-261116-2001\"");
	refused(rcv, &e, "is not of station 1, which recorded it", "a code of another station");
	e.body = edit(rows[rcv].v[5], "$.code", "\"HS-1\"");
	refused(rcv, &e, "its dossier code 'HS-1' is not a code", "a code of no shape");
	e.body = edit(rows[rcv].v[5], "$.applicant.id", "\"12345\"");
	refused(rcv, &e, "12345", "an ID number of five digits");
	e.body = edit(rows[rcv].v[5], "$.applicant.spouse", "\"x\"");
	refused(rcv, &e, "its body has a field 'spouse' that a 'receive' has not",
	    "an applicant's extra field");
	e.body = edit(rows[rcv].v[5], "$.received", "\"2026-11-15T09:00:00+07:00\"");
	refused(rcv, &e, "is not the event's time", "a receipt time not the event's");

	/* (d) the step from the dossier's status */
	e = ev(&rows[pause + 1]);
	refused(pause, &e, "the step 'resume' does not apply to a dossier that is",
	    "a resume with no pause");
	e = ev(&rows[row_of("return")]);
	refused(result, &e, "the step 'return' does not apply to a dossier that is",
	    "a return before the result");
	e = ev(&rows[rcv + 1]);
	e.at = rows[nrows - 1].v[1];
	e.seq = rows[nrows - 1].seq + 1;
	refused(nrows, &e, "does not apply to a dossier that is cancelled",
	    "a step after its own station cancelled the dossier");
	e = ev(&rows[rcv]);
	e.seq = rows[nrows - 1].seq + 1;
	refused(nrows, &e, "the dossier already has events before it", "a second receipt");
	e = ev(&rows[rcv + 1]);
	e.dossier = "0b7c9f1e-2a44-4c7e-9d51-3f0a8e6b2c11";
	refused(nrows, &e, "its dossier's receipt is neither held here nor in the file",
	    "a step of a dossier never received");

	/* a gap: the sender held events neither here nor given (its vector):
	 * a step that may follow from them is let in, to be checked with
	 * them (the chain's link) */
	{
		struct syncrule_ctx *ctx;
		char vector[128];
		struct mc_event x;
		int rc = 0;

		snprintf(vector, sizeof vector, "{\"%s\":99}", idA);
		if (header(R, "vector", vector, &ctx, &err) != 0)
			bail("header", err.msg);
		for (size_t i = 0; i < pause && rc == 0; i++) {
			x = ev(&rows[i]);
			rc = syncrule_event(R, ctx, &x, &err);
		}
		x = ev(&rows[pause + 1]);
		ok(rc == 0 && syncrule_event(R, ctx, &x, &err) == 0, "while events the sender "
		    "held are missing, a resume that may follow from them: let in (%s)", err.msg);
		x.at = "zzzz";
		ok(syncrule_event(R, ctx, &x, &err) == -1 && strstr(err.msg, "not a real time"),
		    "but its time is still a time (%s)", err.msg);
		syncrule_free(ctx);
	}

	/* (e) the officer */
	e = ev(&rows[cancel]);
	e.officer = "ke_gia";
	refused(cancel, &e, "its officer 'ke_gia' is not known at that station",
	    "an unknown officer cancelling");
	e.officer = "Kẻ Giả";
	refused(cancel, &e, "its officer 'Kẻ Giả' is not a username", "an officer of no shape");
	/* "-" is the program itself: its own audit events only (a copy's new
	 * key, the upgrade's signing), never a dossier's step, and nothing
	 * else once the station has an officer */
	e.officer = "-";
	refused(cancel, &e, "its officer '-' is not known at that station",
	    "the program cancelling a dossier");
	e.dossier = "";
	e.kind = "keys_new";
	e.body = "{\"fingerprint\":\"0A1B-2C3D-4E5F-6071\"}";
	ok(after(cancel, &e, &err) == 0, "the program's own keys_new: taken (%s)", err.msg);
	e.kind = "setting";
	e.body = "{\"name\":\"lock_minutes\",\"value\":\"0\"}";
	ok(after(cancel, &e, &err) == 0, "the program's setting while the station has no "
	    "officer yet (its set-up): taken (%s)", err.msg);
	/* named by a keys_upgrade of A held here: known */
	if (event_uuid(other, &err) != 0)
		bail("uuid", err.msg);
	{
		char sql[512];

		/* the columns named: sig (schema 2) takes its default '' */
		snprintf(sql, sizeof sql, "INSERT INTO event(origin, seq, at, officer, dossier, "
		    "kind, body, prev, hash) VALUES ('%s', 1, '" CREATED "', "
		    "'truong', '', 'keys_upgrade', '{\"officers\":[\"ke_gia\"]}', '', '%s')", idA,
		    other);
		if (sqlite3_exec(R, sql, NULL, NULL, NULL) != SQLITE_OK)
			bail("keys_upgrade", sqlite3_errmsg(R));
	}
	e = ev(&rows[cancel]);
	e.officer = "ke_gia";
	ok(after(cancel, &e, &err) == 0, "an officer a keys_upgrade of that station lists: "
	    "taken (%s)", err.msg);
	/* once the station has added an officer, the program sets nothing */
	if (event_uuid(other, &err) != 0)
		bail("uuid", err.msg);
	{
		char sql[512];

		snprintf(sql, sizeof sql, "INSERT INTO event(origin, seq, at, officer, dossier, "
		    "kind, body, prev, hash) VALUES ('%s', 2, '" CREATED "', "
		    "'truong', '', 'officer_add', '{\"username\":\"thu\"}', '', '%s')", idA,
		    other);
		if (sqlite3_exec(R, sql, NULL, NULL, NULL) != SQLITE_OK)
			bail("officer_add", sqlite3_errmsg(R));
	}
	e = ev(&rows[cancel]);
	e.officer = "-";
	e.dossier = "";
	e.kind = "setting";
	e.body = "{\"name\":\"lock_minutes\",\"value\":\"0\"}";
	refused(cancel, &e, "its officer '-' is not known at that station",
	    "the program changing a setting after the station's first officer");
	e.kind = "keys_new";
	e.body = "{\"fingerprint\":\"0A1B-2C3D-4E5F-6071\"}";
	ok(after(cancel, &e, &err) == 0, "but its own keys_new still: taken (%s)", err.msg);
	/* a station that aggregates units knows only what the station named */
	if (setting_set(R, "truong", "aggregate_units", "1", &err) != 0)
		bail("aggregate_units", err.msg);
	e = ev(&rows[0]);
	refused(0, &e, "its officer 'truong' is not known at that station",
	    "aggregating units: an officer only of this station's list");
	e = ev(&rows[rcv]);
	e.body = edit(e.body, "$.code", "\"000.17.22.H57-261116-1001\"");
	refused(0, &e, "is of another unit than 000.17.22.H56",
	    "aggregating units: a receipt of the sender's of another unit than its header");
	if (setting_set(R, "truong", "aggregate_units", "0", &err) != 0)
		bail("aggregate_units", err.msg);
	ok(setting_set(R, "truong", "aggregate_units", "yes", &err) == -1,
	    "aggregate_units takes 0 or 1 only (%s)", err.msg);
}

int
main(void)
{
	struct mc_calendar *cal;
	struct mc_err err;
	char code[MC_CODE_LEN];

	test_dir_make("syncrule");
	A = station_new("a.db", 1);
	R = station_new("r.db", 2);
	station_id(A, idA);
	station_id(R, idR);
	if (calendar_open(A, &cal, &err))
		bail("calendar", err.msg);
	/* A's dossier, each event recorded at its time (the stations were set
	 * up at tap.h's start of the story, 1 November) */
	tap_now("2026-11-16 09:00");
	receive(A, cal, "1.001022", "2026-11-16 09:00", code);
	tap_now("2026-11-16 10:00");
	step(A, cal, code, MC_KIND_HANDOVER, "2026-11-16 10:00", NULL);
	tap_now("2026-11-17 09:00");
	step(A, cal, code, MC_KIND_PAUSE, "2026-11-17 09:00", NULL);
	tap_now("2026-11-18 09:00");
	step(A, cal, code, MC_KIND_RESUME, "2026-11-18 09:00", NULL);
	tap_now("2026-11-19 09:00");
	step(A, cal, code, MC_KIND_RESULT, "2026-11-19 09:00", NULL);
	tap_now("2026-11-20 09:00");
	step(A, cal, code, MC_KIND_RETURN, "2026-11-20 09:00", NULL);
	tap_now("2026-11-21 09:00");
	step(A, cal, code, MC_KIND_CANCEL, "2026-11-21 09:00", NULL);
	calendar_close(cal);
	load();
	is_int((long long)nrows, 8, "A's chain: the catalog's import, a receipt, six steps");
	test_header();
	test_events();
	for (size_t i = 0; i < nrows; i++)
		for (int k = 0; k < 8; k++)
			free(rows[i].v[k]);
	db_close(A);
	db_close(R);
	test_dir_remove();
	return tap_done();
}
