/* unit.c — the unit's identity (its code, its three names, address and
 * phone), this station, its officers. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/date.h"
#include "motcua/audit.h"
#include "motcua/db.h"
#include "motcua/event.h"
#include "motcua/i18n.h"
#include "motcua/role.h"
#include "motcua/unit.h"
#include "motcua/vntext.h"

static const char *const role_names[] = {"officer", "supervisor", "auditor"};

const char *
unit_role_name(enum mc_role r)
{
	return (unsigned)r < 3 ? role_names[r] : "?";
}

int
unit_role_parse(const char *s, enum mc_role *r)
{
	for (int i = 0; i < 3; i++)
		if (strcmp(s, role_names[i]) == 0) {
			*r = (enum mc_role)i;
			return 0;
		}
	return -1;
}

/* QCVN 102:2016: V1V2V3.Z1Z2.Y1Y2.MX1X2 — three digits, two, two, then a
 * letter and two digits or letters (e.g. 000.17.22.H56, 000.00.00.H01). */
bool
unit_code_valid(const char *c)
{
	static const char shape[] = "999.99.99.Aaa";

	if (strlen(c) != sizeof shape - 1)
		return false;
	for (size_t i = 0; shape[i] != '\0'; i++) {
		char k = shape[i], x = c[i];
		bool digit = x >= '0' && x <= '9', upper = x >= 'A' && x <= 'Z';

		if ((k == '9' && !digit) || (k == 'A' && !upper) ||
		    (k == 'a' && !digit && !upper) || (k == '.' && x != '.'))
			return false;
	}
	return true;
}

/* ---- the unit's names ---------------------------------------------------- */

static const char *const authority_prefixes[] = {
	"UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân ", "ỦY BAN NHÂN DÂN ",
};
/* the kinds of unit that have a Trung tâm Phục vụ hành chính công since
 * the 2025 reform, as the name writes them after the authority */
static const char *const commune_kinds[][2] = {
	{"xã ", "Xã "}, {"phường ", "Phường "}, {"đặc khu ", "Đặc khu "},
	{"thị trấn ", "Thị trấn "},
};

void
unit_default_body(const char *name, char *buf, size_t n)
{
	const char *s = name;

	for (size_t i = 0; i < sizeof authority_prefixes / sizeof authority_prefixes[0]; i++)
		if (strncmp(s, authority_prefixes[i], strlen(authority_prefixes[i])) == 0) {
			s += strlen(authority_prefixes[i]);
			break;
		}
	for (size_t i = 0; s != name && i < sizeof commune_kinds / sizeof commune_kinds[0]; i++)
		for (int c = 0; c < 2; c++) {
			size_t k = strlen(commune_kinds[i][c]);

			/* "Xã Mỹ An" is written "xã Mỹ An" inside the body's name */
			if (strncmp(s, commune_kinds[i][c], k) == 0 && s[k] != '\0') {
				snprintf(buf, n, "Trung tâm Phục vụ hành chính công %s%s",
				    commune_kinds[i][0], s + k);
				return;
			}
		}
	snprintf(buf, n, "%s", "Bộ phận Một cửa");
}

const char *
unit_default_place(const char *name)
{
	static const char *const prefixes[] = {
		"UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân ",
		"Trung tâm Phục vụ hành chính công ", "Trung tâm phục vụ hành chính công ",
		"Bộ phận Một cửa ", "Bộ phận một cửa ",
		"xã ", "Xã ", "phường ", "Phường ", "thị trấn ", "Thị trấn ",
		"đặc khu ", "Đặc khu ",
	};
	const char *s = name;
	bool again = true;

	while (again) {
		again = false;
		for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
			size_t k = strlen(prefixes[i]);

			if (strncmp(s, prefixes[i], k) == 0 && s[k] != '\0') {
				s += k;
				again = true;
			}
		}
	}
	return s;
}

/* One of the unit's texts, checked and cleaned into buf: a plain line of
 * at most max characters, not empty unless may_empty.  `what` names the
 * field in the message ("the receiving body"). */
static int
unit_text(const char *v, size_t max, bool may_empty, const char *what, char *buf,
    size_t n, struct mc_err *err)
{
	char *clean;

	if (vntext_check_plain(v, max, err) != 0) {
		char why[sizeof err->msg];

		if (err->kind == MC_ENOMEM)
			return -1;
		snprintf(why, sizeof why, "%s", err->msg);
		/* TRANSLATORS: %1$s the field ("the receiving body"), %2$s why
		 * ("is 130 characters long, more than the 120 allowed") */
		return err_set(err, MC_EINVAL, _("%s %s"), what, why);
	}
	if ((clean = vntext_clean(v, err)) == NULL)
		return -1;
	if (clean[0] == '\0' && !may_empty) {
		free(clean);
		return err_set(err, MC_EINVAL, _("%s is empty: give it a value"), what);
	}
	if (strlen(clean) >= n) {
		free(clean);
		return err_set(err, MC_EINVAL, _("%s is too long"), what);
	}
	snprintf(buf, n, "%s", clean);
	free(clean);
	return 0;
}

/* The names, address and phone of u checked and cleaned into out; the
 * body and place default from the name when empty. */
static int
unit_names_check(const struct mc_unit *u, struct mc_unit *out, struct mc_err *err)
{
	if (unit_text(u->name, MC_UNIT_NAME_MAX, false, _("the parent authority (unit name)"),
	    out->name, sizeof out->name, err) ||
	    unit_text(u->body, MC_UNIT_NAME_MAX, true, _("the receiving body"), out->body,
	    sizeof out->body, err) ||
	    unit_text(u->place, MC_UNIT_PLACE_MAX, true, _("the place of the date line"),
	    out->place, sizeof out->place, err) ||
	    unit_text(u->address, 250, true, _("the unit's address"), out->address,
	    sizeof out->address, err) ||
	    unit_text(u->phone, MC_UNIT_PHONE_MAX, true, _("the unit's phone"), out->phone,
	    sizeof out->phone, err))
		return -1;
	if (out->body[0] == '\0')
		unit_default_body(out->name, out->body, sizeof out->body);
	if (out->place[0] == '\0')
		snprintf(out->place, sizeof out->place, "%s", unit_default_place(out->name));
	return 0;
}

/* Store the names, address and phone of u (checked) in meta. */
static int
unit_names_put(sqlite3 *db, const struct mc_unit *u, struct mc_err *err)
{
	return db_meta_set(db, "unit_name", u->name, err) ||
	    db_meta_set(db, "unit_body", u->body, err) ||
	    db_meta_set(db, "unit_place", u->place, err) ||
	    db_meta_set(db, "unit_address", u->address, err) ||
	    db_meta_set(db, "unit_phone", u->phone, err) ? -1 : 0;
}

static void
now_iso(char buf[MC_ISO_LEN])
{
	struct mc_time t;

	date_now(&t);
	date_format_iso(&t, buf);
}

int
unit_init(sqlite3 *db, const struct mc_unit *given, struct mc_err *err)
{
	struct mc_unit names, *u = &names;
	struct db_tx tx;
	char id[MC_UUID_LEN], iso[MC_ISO_LEN], num[4];
	sqlite3_stmt *st;
	int rc;

	if (!unit_code_valid(given->code))
		return err_set(err, MC_EINVAL,
		    _("the unit code '%s' is not valid: it looks like 000.17.22.H56 "
		    "(QCVN 102:2016)"), given->code);
	if (given->station < 1 || given->station > 9)
		return err_set(err, MC_EINVAL,
		    _("the station number must be 1 to 9 (each PC of the unit has its own)"));
	if (given->name[0] == '\0')
		return err_set(err, MC_EINVAL, _("the unit name is empty: give --unit-name"));
	memset(&names, 0, sizeof names);
	snprintf(names.code, sizeof names.code, "%s", given->code);
	names.station = given->station;
	if (unit_names_check(given, &names, err))
		return -1;
	if (event_uuid(id, err))
		return -1;
	now_iso(iso);
	if (db_tx_begin(db, &tx, err))
		return -1;
	if (db_int(db, "SELECT count(*) FROM station WHERE self = 1", 0) > 0) {
		db_tx_rollback(&tx);
		return err_set(err, MC_ECONFLICT,
		    _("this database is already set up: use another --db path for a new one"));
	}
	snprintf(num, sizeof num, "%d", u->station);
	if (db_meta_set(db, "unit_code", u->code, err) || unit_names_put(db, u, err) ||
	    db_meta_set(db, "station_id", id, err) ||
	    db_meta_set(db, "station_number", num, err))
		goto fail;
	if (db_prepare(db, "INSERT INTO station(id, number, unit, self, created) "
	    "VALUES (?1, ?2, ?3, 1, ?4)", &st, err))
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, u->station);
	sqlite3_bind_text(st, 3, u->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, iso, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("recording the station"));
		goto fail;
	}
	return db_tx_commit(&tx, err);
fail:
	db_tx_rollback(&tx);
	return -1;
}

int
unit_get(sqlite3 *db, struct mc_unit *u, struct mc_err *err)
{
	char num[8];

	memset(u, 0, sizeof *u);
	if (db_meta_get(db, "station_id", u->station_id, sizeof u->station_id) != 0)
		return err_set(err, MC_ENOTFOUND,
		    _("this database is not set up yet: run 'motcua init' first"));
	db_meta_get(db, "unit_code", u->code, sizeof u->code);
	db_meta_get(db, "unit_name", u->name, sizeof u->name);
	db_meta_get(db, "unit_address", u->address, sizeof u->address);
	db_meta_get(db, "unit_phone", u->phone, sizeof u->phone);
	/* a database from before the 2025 reform: the defaults (unit.h) */
	if (db_meta_get(db, "unit_body", u->body, sizeof u->body) != 0 || u->body[0] == '\0')
		unit_default_body(u->name, u->body, sizeof u->body);
	if (db_meta_get(db, "unit_place", u->place, sizeof u->place) != 0 ||
	    u->place[0] == '\0')
		snprintf(u->place, sizeof u->place, "%s", unit_default_place(u->name));
	db_meta_get(db, "station_number", num, sizeof num);
	u->station = num[0] - '0';
	return 0;
}

int
unit_set(sqlite3 *db, const char *acting, const struct mc_unit_change *c,
    struct mc_err *err)
{
	struct mc_unit old, want, names;
	struct mc_officer me;
	struct db_tx tx;

	if (role_require(db, acting, MC_ACT_SETTING, &me, err) || unit_get(db, &old, err))
		return -1;
	want = old;
	if (c->name != NULL)
		snprintf(want.name, sizeof want.name, "%s", c->name);
	if (c->body != NULL)
		snprintf(want.body, sizeof want.body, "%s", c->body);
	if (c->place != NULL)
		snprintf(want.place, sizeof want.place, "%s", c->place);
	if (c->address != NULL)
		snprintf(want.address, sizeof want.address, "%s", c->address);
	if (c->phone != NULL)
		snprintf(want.phone, sizeof want.phone, "%s", c->phone);
	/* an empty body or place given is refused, not defaulted: unit_text
	 * says which is empty (the defaults are for init and old databases) */
	if ((c->body != NULL && unit_text(c->body, MC_UNIT_NAME_MAX, false,
	    _("the receiving body"), names.body, sizeof names.body, err)) ||
	    (c->place != NULL && unit_text(c->place, MC_UNIT_PLACE_MAX, false,
	    _("the place of the date line"), names.place, sizeof names.place, err)))
		return -1;
	memset(&names, 0, sizeof names);
	if (unit_names_check(&want, &names, err))
		return -1;
	if (db_tx_begin(db, &tx, err))
		return -1;
	if (unit_names_put(db, &names, err) ||
	    audit_record(db, "unit", me.username, NULL, err, "name", names.name, "body",
	    names.body, "place", names.place, "address", names.address, "phone",
	    names.phone, (char *)NULL)) {
		db_tx_rollback(&tx);
		return -1;
	}
	return db_tx_commit(&tx, err);
}

static bool
username_valid(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > MC_USER_LEN - 1)
		return false;
	for (const char *p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '.' || *p == '_' || *p == '-'))
			return false;
	return true;
}

int
unit_officer_add(sqlite3 *db, const char *username, const char *full_name,
    enum mc_role role, struct mc_err *err)
{
	struct db_tx tx;
	char iso[MC_ISO_LEN], *name;
	sqlite3_stmt *st;
	int rc;

	if (!username_valid(username))
		return err_set(err, MC_EINVAL,
		    _("the username '%s' is not valid: use 1 to 32 lower-case letters, "
		    "digits, '.', '_' or '-'"), username);
	if ((name = vntext_clean(full_name, err)) == NULL)
		return -1;
	if (name[0] == '\0') {
		free(name);
		return err_set(err, MC_EINVAL, _("the officer's full name is empty"));
	}
	now_iso(iso);
	if (db_tx_begin(db, &tx, err)) {
		free(name);
		return -1;
	}
	if (db_prepare(db, "INSERT INTO officer(username, full_name, role, active, created) "
	    "VALUES (?1, ?2, ?3, 1, ?4)", &st, err)) {
		db_tx_rollback(&tx);
		free(name);
		return -1;
	}
	sqlite3_bind_text(st, 1, username, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, unit_role_name(role), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, iso, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	free(name);
	if (rc != SQLITE_DONE) {
		/* the error is read before the rollback, which would reset it */
		if (rc == SQLITE_CONSTRAINT)
			err_set(err, MC_ECONFLICT, _("there is already an officer '%s': "
			    "choose another username"), username);
		else
			db_fail(db, err, _("adding the officer"));
		db_tx_rollback(&tx);
		return -1;
	}
	return db_tx_commit(&tx, err);
}

static void
officer_row(sqlite3_stmt *st, struct mc_officer *o)
{
	snprintf(o->username, sizeof o->username, "%s", sqlite3_column_text(st, 0));
	snprintf(o->full_name, sizeof o->full_name, "%s", sqlite3_column_text(st, 1));
	if (unit_role_parse((const char *)sqlite3_column_text(st, 2), &o->role) != 0)
		o->role = MC_ROLE_OFFICER;
	o->active = sqlite3_column_int(st, 3) != 0;
}

int
unit_officer_list(sqlite3 *db, int (*fn)(const struct mc_officer *, void *),
    void *arg, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT username, full_name, role, active FROM officer "
	    "ORDER BY username", &st, err))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mc_officer o;

		officer_row(st, &o);
		if (fn(&o, arg) != 0)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the officers"));
	return 0;
}

/* The officer `username` whatever their state; MC_ENOTFOUND if unknown. */
static int
officer_any(sqlite3 *db, const char *username, struct mc_officer *o,
    struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_cached(db, "SELECT username, full_name, role, active FROM officer "
	    "WHERE username = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, username, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		officer_row(st, o);
	db_release(db, st);
	if (rc == SQLITE_DONE)
		return err_set(err, MC_ENOTFOUND,
		    _("there is no officer '%s': see 'motcua officer list'"), username);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, _("reading the officers"));
	return 0;
}

int
unit_officer_get(sqlite3 *db, const char *username, struct mc_officer *o,
    struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc, count = 0;

	if (username == NULL) {
		if (db_prepare(db, "SELECT username, full_name, role, active FROM officer "
		    "WHERE active = 1 LIMIT 2", &st, err))
			return -1;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			if (count++ == 0)
				officer_row(st, o);
		sqlite3_finalize(st);
		if (count == 1)
			return 0;
		if (count == 0)
			return err_set(err, MC_ENOTFOUND,
			    _("there is no officer yet: add one with 'motcua officer add'"));
		return err_set(err, MC_EINVAL,
		    _("say which officer is on duty with --officer USER"));
	}
	if (officer_any(db, username, o, err) != 0)
		return -1;
	if (!o->active)
		return err_set(err, MC_EINVAL,
		    _("the officer '%s' is no longer active: choose another"), username);
	return 0;
}

long long
unit_officer_count(sqlite3 *db, struct mc_err *err)
{
	sqlite3_stmt *st;
	long long n = 0;
	int rc;

	if (db_prepare(db, "SELECT count(*) FROM officer WHERE active = 1", &st, err))
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, _("reading the officers"));
	return n;
}

int
unit_officer_active(sqlite3 *db, const char *username, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc, active = 0;

	if (db_prepare(db, "SELECT active FROM officer WHERE username = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, username, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		active = sqlite3_column_int(st, 0) != 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the officers"));
	return active;
}


/* How many active supervisors there are; -1 on error. */
static long long
supervisor_count(sqlite3 *db, struct mc_err *err)
{
	sqlite3_stmt *st;
	long long n = 0;
	int rc;

	if (db_prepare(db, "SELECT count(*) FROM officer WHERE active = 1 AND role = ?1",
	    &st, err))
		return -1;
	sqlite3_bind_text(st, 1, unit_role_name(MC_ROLE_SUPERVISOR), -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, _("reading the officers"));
	return n;
}

/* Set the officer's active flag and role (the checks done). */
static int
officer_put(sqlite3 *db, const char *username, bool active, enum mc_role role,
    struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "UPDATE officer SET active = ?2, role = ?3 WHERE username = ?1",
	    &st, err))
		return -1;
	sqlite3_bind_text(st, 1, username, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, active);
	sqlite3_bind_text(st, 3, unit_role_name(role), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE || sqlite3_changes(db) != 1)
		return db_fail(db, err, _("changing the officer"));
	return 0;
}

/* One transaction: the acting officer may manage officers, `username`
 * exists, the change does not remove the last active supervisor, and the
 * change; or nothing.  active or role -1: keep the stored one. */
static int
officer_admin(sqlite3 *db, const char *acting, const char *username, int active,
    int role, struct mc_err *err)
{
	struct mc_officer me, o;
	struct db_tx tx;
	long long n;
	bool a;
	enum mc_role r;

	if (db_tx_begin(db, &tx, err))
		return -1;
	if (unit_officer_get(db, acting, &me, err) ||
	    role_check(me.role, MC_ACT_OFFICER, err) ||
	    officer_any(db, username, &o, err))
		goto fail;
	a = active < 0 ? o.active : active != 0;
	r = role < 0 ? o.role : (enum mc_role)role;
	if (o.active && o.role == MC_ROLE_SUPERVISOR && !(a && r == MC_ROLE_SUPERVISOR)) {
		if ((n = supervisor_count(db, err)) < 0)
			goto fail;
		if (n <= 1) {
			err_set(err, MC_ECONFLICT, _("'%s' is the last active supervisor: "
			    "make another officer supervisor first"), username);
			goto fail;
		}
	}
	if (officer_put(db, username, a, r, err))
		goto fail;
	if (a != o.active && audit_record(db, a ? "officer_activate" : "officer_deactivate",
	    me.username, NULL, err, "username", username, (char *)NULL))
		goto fail;
	if (r != o.role && audit_record(db, "officer_role", me.username, NULL, err,
	    "username", username, "role", unit_role_name(r), (char *)NULL))
		goto fail;
	return db_tx_commit(&tx, err);
fail:
	db_tx_rollback(&tx);
	return -1;
}

int
unit_officer_set_active(sqlite3 *db, const char *acting, const char *username,
    bool active, struct mc_err *err)
{
	return officer_admin(db, acting, username, active, -1, err);
}

int
unit_officer_set_role(sqlite3 *db, const char *acting, const char *username,
    enum mc_role role, struct mc_err *err)
{
	if ((unsigned)role >= MC_ROLE_COUNT)
		return err_set(err, MC_EINVAL,
		    _("unknown role: use officer, supervisor or auditor"));
	return officer_admin(db, acting, username, -1, (int)role, err);
}
