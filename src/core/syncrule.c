/* syncrule.c — the rules local work obeys, applied to an imported bundle:
 * its header typed and bounded, each new event's origin, time, kind,
 * body, lifecycle step and officer (syncrule.h says which and why). */
#include "config.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/audit.h"
#include "motcua/citizen.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/lifecycle.h"
#include "motcua/setting.h"
#include "motcua/syncrule.h"
#include "motcua/unit.h"
#include "motcua/vntext.h"
#include "motcua/vocab.h"
#include "syncrule-int.h"

#define refuse syncrule_refuse
#define iso_time syncrule_iso_time

/* ---- small checks ---------------------------------------------------------- */

static bool
is_uuid(const char *s)
{
	if (s == NULL || strlen(s) != 36)
		return false;
	for (int i = 0; i < 36; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? s[i] != '-' : !((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	}
	return true;
}

/* Plain digits, no sign, no leading zero, at most `max` of them. */
static bool
is_digits(const char *s, size_t max)
{
	size_t n = s != NULL ? strlen(s) : 0;

	return n > 0 && n <= max && strspn(s, "0123456789") == n && (n == 1 || s[0] != '0');
}

bool
syncrule_iso_time(const char *s, struct mc_time *t)
{
	char again[MC_ISO_LEN];

	if (s == NULL || date_parse_time(s, t) != 0)
		return false;
	date_format_iso(t, again);
	return strcmp(again, s) == 0;
}

static long long
minutes(const struct mc_time *t)
{
	return (long long)t->jdn * DAY_MINUTES + t->min;
}

bool
syncrule_username(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	return n > 0 && n < MC_USER_LEN &&
	    strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789._-") == n;
}

int
syncrule_grow(void **p, size_t *cap, size_t n, size_t size)
{
	void *q;
	size_t c;

	if (n < *cap)
		return 0;
	c = *cap ? *cap * 2 : 64;
	if ((q = realloc(*p, c * size)) == NULL)
		return -1;
	*p = q;
	*cap = c;
	return 0;
}

/* ---- messages -------------------------------------------------------------- */

static int
refuse_header(const char *path, struct mc_err *err, const char *fmt, ...)
    MC_PRINTF(3, 4);
static int
refuse_header(const char *path, struct mc_err *err, const char *fmt, ...)
{
	char why[sizeof err->msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	return err_set(err, MC_EINVAL, _("%s was not imported: %s; nothing was changed"),
	    path, why);
}

void
syncrule_station_name(sqlite3 *db, const struct syncrule_ctx *c, const char *origin, char *buf,
    size_t n)
{
	sqlite3_stmt *st;

	if (strcmp(origin, c->sender) == 0) {
		snprintf(buf, n, "%d", c->sender_number);
		return;
	}
	snprintf(buf, n, "%.8s", origin);
	if (sqlite3_prepare_v2(db, "SELECT number FROM station WHERE id = ?1 UNION ALL "
	    "SELECT number FROM peer WHERE station = ?1", -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, n, "%d", sqlite3_column_int(st, 0));
	db_release(db, st);
}

int
syncrule_refuse(sqlite3 *db, const struct syncrule_ctx *c, const struct mc_event *e,
    struct mc_err *err, const char *fmt, ...)
{
	char why[sizeof err->msg], who[16];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	syncrule_station_name(db, c, e->origin, who, sizeof who);
	/* TRANSLATORS: the file, the event's number, the station's, the cause */
	return err_set(err, MC_EINVAL, _("%s was not imported: event %lld of station %s: "
	    "%s; nothing was changed"), c->path, e->seq, who, why);
}

/* ---- the header ------------------------------------------------------------ */

static const char *
val_of(const char *const *keys, const char *const *vals, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(keys[i], key) == 0)
			return vals[i];
	return NULL;
}

/* The vector: {"<station id>": n ≥ 1, …}. */
static bool
vector_ok(sqlite3 *db, const char *v)
{
	sqlite3_stmt *st;
	bool good;

	if (sqlite3_prepare_v2(db, "SELECT json_valid(?1) AND json_type(?1) = 'object' AND "
	    "NOT EXISTS (SELECT 1 FROM json_each(?1) WHERE type <> 'integer' OR value < 1 OR "
	    "key NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-"
	    "[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-"
	    "[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]"
	    "[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')", -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, v, -1, SQLITE_STATIC);
	good = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
	db_release(db, st);
	return good;
}

static int
check_header(sqlite3 *db, const char *path, const char *const *keys,
    const char *const *vals, size_t n, struct syncrule_ctx *c, struct mc_err *err)
{
	const char *kind = val_of(keys, vals, n, "kind");
	const char *v;
	char buf[16];

	for (size_t i = 0; i < n; i++) {
		size_t max = strcmp(keys[i], "vector") == 0 ? VECTOR_MAX :
		    strcmp(keys[i], "payload") == 0 ? PAYLOAD_MAX : VALUE_MAX;

		if (vals[i] != NULL && strlen(vals[i]) > max)
			return refuse_header(path, err, _("its header's %s is too long (%zu "
			    "bytes)"), keys[i], strlen(vals[i]));
	}
	if ((v = val_of(keys, vals, n, "sender")) == NULL || !is_uuid(v))
		return refuse_header(path, err, _("its sender '%s' is not a station id"),
		    v != NULL ? v : "");
	snprintf(c->sender, sizeof c->sender, "%s", v);
	v = val_of(keys, vals, n, "sender_number");
	if (v == NULL || strlen(v) != 1 || v[0] < '1' || v[0] > '9')
		return refuse_header(path, err, _("its sender_number '%s' is not a station "
		    "number (1 to 9)"), v != NULL ? v : "");
	c->sender_number = v[0] - '0';
	if ((v = val_of(keys, vals, n, "sender_unit")) == NULL || !unit_code_valid(v))
		return refuse_header(path, err, _("its sender_unit '%s' is not a unit code "
		    "(like 000.17.22.H56)"), v != NULL ? v : "");
	snprintf(c->sender_unit, sizeof c->sender_unit, "%s", v);
	if (!iso_time(v = val_of(keys, vals, n, "created"), &c->created))
		return refuse_header(path, err, _("its time of making '%s' is not a real "
		    "time"), v != NULL ? v : "");
	if (!is_digits(v = val_of(keys, vals, n, "count"), 9))
		return refuse_header(path, err, _("its count '%s' is not a number of events"),
		    v != NULL ? v : "");
	if ((v = val_of(keys, vals, n, "vector")) != NULL && !vector_ok(db, v))
		return refuse_header(path, err, _("its vector is not a list of stations and "
		    "their numbers of events"));
	c->vector = v;
	if ((v = val_of(keys, vals, n, "version")) != NULL && !is_digits(v, 9))
		return refuse_header(path, err, _("its version '%s' is not a version number"),
		    v);
	/* who we are, and what we take */
	if (db_meta_get(db, "station_id", c->self, sizeof c->self) != 0 ||
	    db_meta_get(db, "unit_code", c->unit, sizeof c->unit) != 0)
		return err_set(err, MC_EINVAL, _("this database has no station identity: run "
		    "'motcua init' first"));
	if (setting_get(db, "aggregate_units", buf, sizeof buf) != 0)
		return err_set(err, MC_EINVAL, _("unknown setting"));
	c->aggregate = strcmp(buf, "1") == 0;
	c->from_self = strcmp(c->sender, c->self) == 0;
	if (kind == NULL || strcmp(kind, "events") != 0) {
		/* publications: the publisher's trust is signatures' matter;
		 * one made here needs no import */
		if (c->from_self)
			return refuse_header(path, err, _("it claims to be a publication of "
			    "this station"));
		return 0;
	}
	/* a sender of another unit may relay this unit's events (the province
	 * to a commune): its receipts' codes say whose dossiers they are */
	if (c->from_self && strcmp(c->sender_unit, c->unit) != 0)
		return refuse_header(path, err, _("it claims to come from this station, "
		    "of another unit"));
	return 0;
}

/* ---- the bundle read beforehand -------------------------------------------- */

int
syncrule_dev_cmp(const void *a, const void *b)
{
	const struct dev *x = a, *y = b;
	int r;

	if ((r = strcmp(x->dossier, y->dossier)) != 0 || (r = strcmp(x->at, y->at)) != 0 ||
	    (r = strcmp(x->origin, y->origin)) != 0)
		return r;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
add_named(struct syncrule_ctx *c, const char *origin, long long seq, const char *user,
    bool add)
{
	struct named *m;

	if (!syncrule_username(user) || strlen(origin) >= MC_UUID_LEN)
		return 0;	/* such an event is refused in its turn */
	if (syncrule_grow((void **)&c->named, &c->capnamed, c->nnamed, sizeof *c->named))
		return -1;
	m = &c->named[c->nnamed++];
	snprintf(m->origin, sizeof m->origin, "%s", origin);
	snprintf(m->user, sizeof m->user, "%s", user);
	m->seq = seq;
	m->add = add;
	return 0;
}

void
syncrule_dev_set(struct dev *d, const char *dossier, const char *origin, long long seq,
    const char *at, const char *kind)
{
	snprintf(d->dossier, sizeof d->dossier, "%s", dossier);
	snprintf(d->origin, sizeof d->origin, "%s", origin);
	snprintf(d->at, sizeof d->at, "%s", at);
	snprintf(d->kind, sizeof d->kind, "%s", kind);
	d->seq = seq;
	d->held = false;
}

/* The officers the bundle names (its dossier events are read from db,
 * once the caller has added them: syncrule_base).  Unchecked yet: each
 * event is checked in its turn, and one refused refuses them all. */
static int
read_bundle(sqlite3 *b, struct syncrule_ctx *c, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	c->bundle = b;
	if (sqlite3_prepare_v2(b, "SELECT 1 FROM event WHERE origin = ?1 AND seq = ?2", -1,
	    &c->in_bundle, NULL) != SQLITE_OK)
		return refuse_header(c->path, err, _("its events cannot be read"));
	if (sqlite3_prepare_v2(b, "SELECT e.origin, e.seq, json_extract(e.body, "
	    "'$.username'), 1 FROM event e WHERE e.dossier = '' AND e.kind = 'officer_add' "
	    "AND json_valid(e.body) AND json_type(e.body) = 'object' AND "
	    "json_type(e.body, '$.username') = 'text' UNION ALL "
	    "SELECT e.origin, e.seq, j.value, 0 FROM event e, json_each(e.body, '$.officers') "
	    "j WHERE e.dossier = '' AND e.kind = '" KEYS_UPGRADE "' AND json_valid(e.body) "
	    "AND json_type(e.body) = 'object' AND json_type(e.body, '$.officers') = 'array' "
	    "AND j.type = 'text'", -1, &st, NULL) != SQLITE_OK)
		return refuse_header(c->path, err, _("its events cannot be read"));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (sqlite3_column_type(st, 0) == SQLITE_TEXT &&
		    add_named(c, (const char *)sqlite3_column_text(st, 0),
		    sqlite3_column_int64(st, 1), (const char *)sqlite3_column_text(st, 2),
		    sqlite3_column_int(st, 3) == 1)) {
			sqlite3_finalize(st);
			return err_set(err, MC_ENOMEM, _("out of memory"));
		}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return refuse_header(c->path, err, _("its events cannot be read"));
	return 0;
}

/* Is every station's chain here, with the bundle's, whole from its first
 * event (no gap)?  Each station's events in the bundle are consecutive
 * (the importer checks it); those held may have holes the bundle fills. */
static int
find_gap(sqlite3 *db, sqlite3 *b, struct syncrule_ctx *c, struct mc_err *err)
{
	sqlite3_stmt *held, *part = NULL, *out = NULL;
	int rc;

	if (db_cached(db, "SELECT origin, count(*), max(seq) FROM event GROUP BY origin",
	    &held, err))
		return -1;
	if (b != NULL && (sqlite3_prepare_v2(b, "SELECT min(seq), max(seq) FROM event WHERE "
	    "origin = ?1", -1, &part, NULL) != SQLITE_OK ||
	    db_cached(db, "SELECT count(*) FROM event WHERE origin = ?1 AND (seq < ?2 OR "
	    "seq > ?3)", &out, err))) {
		db_release(db, held);
		db_release(db, part);
		return b != NULL && part == NULL ? refuse_header(c->path, err,
		    _("its events cannot be read")) : -1;
	}
	while (!c->gap && (rc = sqlite3_step(held)) == SQLITE_ROW) {
		long long n = sqlite3_column_int64(held, 1), top = sqlite3_column_int64(held, 2);
		long long lo = 0, hi = 0;

		if (part != NULL) {
			sqlite3_reset(part);
			sqlite3_bind_value(part, 1, sqlite3_column_value(held, 0));
			if (sqlite3_step(part) == SQLITE_ROW &&
			    sqlite3_column_type(part, 0) != SQLITE_NULL) {
				lo = sqlite3_column_int64(part, 0);
				hi = sqlite3_column_int64(part, 1);
			}
		}
		if (lo == 0) {
			c->gap = n != top;
		} else {
			/* held: exactly 1 .. lo-1 and hi+1 .. top around the bundle's */
			sqlite3_reset(out);
			sqlite3_bind_value(out, 1, sqlite3_column_value(held, 0));
			sqlite3_bind_int64(out, 2, lo);
			sqlite3_bind_int64(out, 3, hi);
			c->gap = sqlite3_step(out) != SQLITE_ROW || sqlite3_column_int64(out, 0) !=
			    lo - 1 + (top > hi ? top - hi : 0);
		}
	}
	db_release(db, held);
	db_release(db, part);
	db_release(db, out);
	part = out = NULL;
	if (!c->gap && b != NULL) {
		/* a station new here whose events in the bundle start past 1 */
		if (sqlite3_prepare_v2(b, "SELECT origin FROM event GROUP BY origin HAVING "
		    "min(seq) > 1", -1, &part, NULL) != SQLITE_OK)
			return refuse_header(c->path, err, _("its events cannot be read"));
		if (db_cached(db, "SELECT 1 FROM event WHERE origin = ?1 LIMIT 1", &out, err)) {
			db_release(db, part);
			return -1;
		}
		while (!c->gap && sqlite3_step(part) == SQLITE_ROW) {
			sqlite3_reset(out);
			sqlite3_bind_value(out, 1, sqlite3_column_value(part, 0));
			c->gap = sqlite3_step(out) != SQLITE_ROW;
		}
		db_release(db, part);
		db_release(db, out);
	}
	part = out = NULL;
	if (!c->gap && c->vector != NULL) {
		/* what the sender held and neither this station nor the bundle
		 * has: events of a station the bundle's steps may follow */
		if (db_cached(db, "SELECT key, value, (SELECT coalesce(max(seq), 0) FROM event "
		    "WHERE origin = key) FROM json_each(?1)", &part, err))
			return -1;
		sqlite3_bind_text(part, 1, c->vector, -1, SQLITE_STATIC);
		if (b != NULL && sqlite3_prepare_v2(b, "SELECT coalesce(max(seq), 0) FROM event "
		    "WHERE origin = ?1", -1, &out, NULL) != SQLITE_OK) {
			db_release(db, part);
			return refuse_header(c->path, err, _("its events cannot be read"));
		}
		while (!c->gap && sqlite3_step(part) == SQLITE_ROW) {
			long long top = sqlite3_column_int64(part, 2);

			if (out != NULL) {
				sqlite3_reset(out);
				sqlite3_bind_value(out, 1, sqlite3_column_value(part, 0));
				if (sqlite3_step(out) == SQLITE_ROW && sqlite3_column_int64(out, 0) > top)
					top = sqlite3_column_int64(out, 0);
			}
			c->gap = top < sqlite3_column_int64(part, 1);
		}
		db_release(db, part);
		db_release(db, out);
	}
	return 0;
}

int
syncrule_header(sqlite3 *db, const char *path, const char *const *keys,
    const char *const *vals, size_t n, sqlite3 *bundle, struct syncrule_ctx **ctx,
    struct mc_err *err)
{
	struct syncrule_ctx *c = calloc(1, sizeof *c);

	*ctx = NULL;
	if (c == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	snprintf(c->path, sizeof c->path, "%s", path);
	if (check_header(db, path, keys, vals, n, c, err) ||
	    (bundle != NULL && read_bundle(bundle, c, err)) ||
	    find_gap(db, bundle, c, err)) {
		syncrule_free(c);
		return -1;
	}
	c->vector = NULL;	/* the caller's */
	*ctx = c;
	return 0;
}

void
syncrule_base(struct syncrule_ctx *c, long long base)
{
	c->base = base;
}

void
syncrule_free(struct syncrule_ctx *c)
{
	if (c == NULL)
		return;
	sqlite3_finalize(c->in_bundle);
	free(c->added);
	free(c->named);
	free(c);
}

/* ---- (e) the officer ------------------------------------------------------- */

/* Named by an officer_add or keys_upgrade held here: of `origin` (NULL: of
 * any station), before `seq` of it when seq > 0.  1, 0, or -1. */
static int
named_held(sqlite3 *db, const char *origin, const char *user, long long seq,
    struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_cached(db, "SELECT 1 FROM event WHERE dossier = '' AND (?1 IS NULL OR "
	    "origin = ?1) AND (?3 = 0 OR seq < ?3) AND ((kind = 'officer_add' AND "
	    "json_extract(body, '$.username') = ?2) OR (kind = '" KEYS_UPGRADE "' AND "
	    "EXISTS (SELECT 1 FROM json_each(body, '$.officers') WHERE value = ?2))) LIMIT 1",
	    &st, err))
		return -1;
	if (origin != NULL)
		sqlite3_bind_text(st, 1, origin, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, seq);
	rc = sqlite3_step(st);
	db_release(db, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the event log"));
	return rc == SQLITE_ROW;
}

/* Named so in the bundle (or by an event checked already). */
static bool
named_here(const struct syncrule_ctx *c, const char *origin, const char *user)
{
	for (size_t i = 0; i < c->nnamed; i++)
		if ((origin == NULL || strcmp(c->named[i].origin, origin) == 0) &&
		    strcmp(c->named[i].user, user) == 0)
			return true;
	return false;
}

/* Has `origin` an officer_add before `seq` (held or in the bundle)? */
static int
added_before(sqlite3 *db, const struct syncrule_ctx *c, const char *origin, long long seq,
    struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	for (size_t i = 0; i < c->nnamed; i++)
		if (c->named[i].add && c->named[i].seq < seq &&
		    strcmp(c->named[i].origin, origin) == 0)
			return 1;
	if (db_cached(db, "SELECT 1 FROM event WHERE origin = ?1 AND seq < ?2 AND "
	    "dossier = '' AND kind = 'officer_add' LIMIT 1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, seq);
	rc = sqlite3_step(st);
	db_release(db, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the event log"));
	return rc == SQLITE_ROW;
}

static int
check_officer(sqlite3 *db, struct syncrule_ctx *c, const struct mc_event *e,
    struct mc_err *err)
{
	int k;

	if (!syncrule_username(e->officer))
		return refuse(db, c, e, err, _("its officer '%s' is not a username"),
		    e->officer);
	/* "-" is the program itself (role.h): the audit events it records on
	 * its own (a new key, the signing at the upgrade), and what a unit
	 * being set up records before its first officer */
	if (strcmp(e->officer, "-") == 0 && e->dossier[0] == '\0') {
		if (strcmp(e->kind, "keys_new") == 0 || strcmp(e->kind, "keys_upgrade") == 0)
			return 0;
		if ((k = added_before(db, c, e->origin, e->seq, err)) < 0)
			return -1;
		if (k == 0)
			return 0;
	}
	for (size_t i = 0; i < c->nknown; i++)
		if (strcmp(c->known[i].origin, e->origin) == 0 &&
		    strcmp(c->known[i].user, e->officer) == 0)
			return 0;
	k = named_here(c, e->origin, e->officer) ? 1 :
	    named_held(db, e->origin, e->officer, 0, err);
	if (k == 0 && !c->aggregate) {
		/* one unit: its stations' officers, and this station's list */
		k = named_here(c, NULL, e->officer) ? 1 :
		    named_held(db, NULL, e->officer, 0, err);
		if (k == 0) {
			sqlite3_stmt *st;

			if (db_cached(db, "SELECT 1 FROM officer WHERE username = ?1", &st, err))
				return -1;
			sqlite3_bind_text(st, 1, e->officer, -1, SQLITE_STATIC);
			k = sqlite3_step(st) == SQLITE_ROW;
			db_release(db, st);
		}
	}
	/* the unit's first officer, enrolling themselves at init */
	if (k == 0 && strcmp(e->kind, "officer_add") == 0) {
		sqlite3_stmt *st;
		bool self = false;

		if (db_cached(db, "SELECT json_extract(?1, '$.username') = ?2", &st, err))
			return -1;
		sqlite3_bind_text(st, 1, e->body, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, e->officer, -1, SQLITE_STATIC);
		self = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
		db_release(db, st);
		if (self && (k = added_before(db, c, e->origin, e->seq, err)) >= 0)
			k = !k;
	}
	if (k < 0)
		return -1;
	/* (while a chain has a gap, the officer_add may be among the events
	 * missing) */
	if (k == 0 && !c->gap)
		return refuse(db, c, e, err, _("its officer '%s' is not known at that "
		    "station (no officer_add of them)"), e->officer);
	snprintf(c->known[c->nextknown].origin, sizeof c->known[0].origin, "%s", e->origin);
	snprintf(c->known[c->nextknown].user, sizeof c->known[0].user, "%s", e->officer);
	c->nextknown = (c->nextknown + 1) % (sizeof c->known / sizeof c->known[0]);
	if (c->nknown < sizeof c->known / sizeof c->known[0])
		c->nknown++;
	return 0;
}

/* ---- the event ------------------------------------------------------------- */

/* Remember a checked event that no bundle holds (no bundle given): its
 * dossier's timeline and the officers it names count for the next.  (A
 * bundle's dossier events are in db already, its officers in c->named.) */
static int
remember(sqlite3 *db, struct syncrule_ctx *c, const struct mc_event *e, struct mc_err *err)
{
	bool found = false;

	if (e->dossier[0] != '\0') {
		if (c->bundle != NULL)
			return 0;
		if (syncrule_grow((void **)&c->added, &c->capadded, c->nadded, sizeof *c->added))
			return err_set(err, MC_ENOMEM, _("out of memory"));
		syncrule_dev_set(&c->added[c->nadded++], e->dossier, e->origin, e->seq, e->at,
		    e->kind);
		return 0;
	}
	for (size_t i = 0; i < c->nnamed && !found; i++)
		found = c->named[i].seq == e->seq && strcmp(c->named[i].origin, e->origin) == 0;
	if (!found && (strcmp(e->kind, "officer_add") == 0 ||
	    strcmp(e->kind, KEYS_UPGRADE) == 0)) {
		sqlite3_stmt *st;
		int rc;

		if (db_cached(db, "SELECT json_extract(?1, '$.username') WHERE ?2 UNION ALL "
		    "SELECT value FROM json_each(?1, '$.officers') WHERE NOT ?2", &st, err))
			return -1;
		sqlite3_bind_text(st, 1, e->body, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, strcmp(e->kind, "officer_add") == 0);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			if (add_named(c, e->origin, e->seq, (const char *)sqlite3_column_text(st,
			    0), strcmp(e->kind, "officer_add") == 0)) {
				db_release(db, st);
				return err_set(err, MC_ENOMEM, _("out of memory"));
			}
		db_release(db, st);
		if (rc != SQLITE_DONE)
			return db_fail(db, err, _("reading an event"));
	}
	return 0;
}

int
syncrule_event(sqlite3 *db, struct syncrule_ctx *c, const struct mc_event *e,
    struct mc_err *err)
{
	const struct mc_kind *k = vocab_kind_named(e->kind);
	struct mc_time at;
	int r;

	/* (a) the origin */
	if (!is_uuid(e->origin))
		return refuse(db, c, e, err, _("its station '%s' is not a station id"),
		    e->origin);
	if (strcmp(e->origin, c->self) == 0)
		return refuse(db, c, e, err, _("it claims to be this station's own, and this "
		    "station never recorded it"));
	if (c->from_self)
		return refuse(db, c, e, err, _("the file claims to come from this station, "
		    "which does not hold this event"));
	/* (b) the time, as the bundle's making bounds it */
	if (!iso_time(e->at, &at))
		return refuse(db, c, e, err, _("its time '%s' is not a real time"), e->at);
	if (minutes(&at) > minutes(&c->created) + DAY_MINUTES)
		return refuse(db, c, e, err, _("its time %s is more than a day after the file "
		    "was made"), e->at);
	/* (c) the kind and its body */
	if (e->dossier[0] == '\0') {
		if (!audit_is_kind(e->kind) && strcmp(e->kind, KEYS_UPGRADE) != 0)
			return refuse(db, c, e, err, _("its kind '%s' is not one motcua records"),
			    e->kind);
		if (syncrule_audit_body(db, c, e, err))
			return -1;
	} else {
		if (k == NULL)
			return refuse(db, c, e, err, _("its kind '%s' is not one motcua records"),
			    e->kind);
		if (!is_uuid(e->dossier))
			return refuse(db, c, e, err, _("its dossier '%s' is not a dossier id"),
			    e->dossier);
		r = k->id == MC_KIND_RECEIVE ? syncrule_receive_body(db, c, e, err) :
		    k->id == MC_KIND_GUIDE ? syncrule_guide_body(db, c, e, err) :
		    syncrule_step_body(db, c, e, k, err);
		/* (d) the step, from the dossier's status then */
		if (r || syncrule_check_step(db, c, e, k, err))
			return -1;
	}
	/* (e) the officer */
	if (check_officer(db, c, e, err))
		return -1;
	return remember(db, c, e, err);
}
