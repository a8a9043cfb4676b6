/* test_unit.c — the unit identity, stations and officers. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "motcua/db.h"
#include "motcua/unit.h"
#include "tap.h"

static int
count_officer(const struct mc_officer *o, void *arg)
{
	(*(int *)arg)++;
	return 0;
}

/* The officers as one string, to see that a refusal changed nothing. */
static void
officers(sqlite3 *db, char *buf, size_t n)
{
	sqlite3_stmt *st;

	buf[0] = '\0';
	if (sqlite3_prepare_v2(db, "SELECT group_concat(username || ':' || role || ':' || "
	    "active, ',') FROM (SELECT * FROM officer ORDER BY username)", -1, &st,
	    NULL) != SQLITE_OK)
		return;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		snprintf(buf, n, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* A supervisor's administration: deactivate, reactivate, change a role;
 * refused for an officer or an auditor, for an unknown username, and when
 * it would leave no active supervisor.  Starts with lan (officer,
 * inactive) and truong (the only supervisor). */
static void
test_admin(sqlite3 *db)
{
	char before[512], after[512];
	struct mc_err err;

	ok(unit_officer_add(db, "kiem", "Lê Kiểm", MC_ROLE_AUDITOR, &err) == 0 &&
	    unit_officer_add(db, "minh", "Phạm Minh", MC_ROLE_OFFICER, &err) == 0,
	    "add an auditor and an officer");
	ok(unit_officer_set_active(db, "truong", "lan", true, &err) == 0 &&
	    unit_officer_active(db, "lan", &err) == 1, "a supervisor reactivates");
	ok(unit_officer_set_active(db, "truong", "lan", false, &err) == 0 &&
	    unit_officer_active(db, "lan", &err) == 0, "a supervisor deactivates");
	is_int(db_int(db, "SELECT count(*) FROM officer WHERE username = 'lan'", 0), 1,
	    "a deactivated officer is kept");

	officers(db, before, sizeof before);
	ok(unit_officer_set_active(db, "minh", "kiem", false, &err) != 0 &&
	    strstr(err.msg, "supervisor") != NULL, "an officer may not deactivate");
	ok(unit_officer_set_role(db, "minh", "minh", MC_ROLE_SUPERVISOR, &err) != 0,
	    "an officer may not promote themself");
	ok(unit_officer_set_active(db, "kiem", "minh", false, &err) != 0,
	    "an auditor may not deactivate");
	ok(unit_officer_set_role(db, "kiem", "minh", MC_ROLE_AUDITOR, &err) != 0,
	    "an auditor may not change a role");
	ok(unit_officer_set_role(db, "lan", "minh", MC_ROLE_AUDITOR, &err) != 0,
	    "an inactive officer may not act");
	ok(unit_officer_set_active(db, "truong", "nobody", false, &err) != 0 &&
	    err.kind == MC_ENOTFOUND && strstr(err.msg, "nobody") != NULL,
	    "deactivating an unknown officer: not found");
	ok(unit_officer_set_role(db, "truong", "nobody", MC_ROLE_OFFICER, &err) != 0 &&
	    err.kind == MC_ENOTFOUND, "a role for an unknown officer: not found");
	ok(unit_officer_set_active(db, "truong", "truong", false, &err) != 0 &&
	    err.kind == MC_ECONFLICT && strstr(err.msg, "last active supervisor") != NULL,
	    "the last supervisor may not deactivate themself");
	ok(unit_officer_set_role(db, "truong", "truong", MC_ROLE_OFFICER, &err) != 0 &&
	    err.kind == MC_ECONFLICT, "the last supervisor may not demote themself");
	officers(db, after, sizeof after);
	is_str(after, before, "the refusals changed nothing");

	ok(unit_officer_set_role(db, "truong", "truong", MC_ROLE_SUPERVISOR, &err) == 0,
	    "the last supervisor keeps the role they have");
	ok(unit_officer_set_role(db, "truong", "minh", MC_ROLE_SUPERVISOR, &err) == 0,
	    "a supervisor promotes an officer");
	ok(unit_officer_set_role(db, "truong", "truong", MC_ROLE_AUDITOR, &err) == 0,
	    "with another supervisor, one may change their own role");
	ok(unit_officer_set_active(db, "minh", "minh", false, &err) != 0 &&
	    err.kind == MC_ECONFLICT, "the new last supervisor is protected too");
	ok(unit_officer_set_role(db, "minh", "truong", MC_ROLE_SUPERVISOR, &err) == 0 &&
	    unit_officer_set_active(db, "minh", "minh", false, &err) == 0,
	    "with two supervisors, one may deactivate themself");
	officers(db, after, sizeof after);
	is_str(after, "kiem:auditor:1,lan:officer:0,minh:supervisor:0,truong:supervisor:1",
	    "the officers after the changes");
}

int
main(void)
{
	char p[] = "/tmp/motcua-test-unit.XXXXXX";
	char dbp[64];
	struct mc_unit u, got;
	struct mc_officer o;
	struct mc_err err;
	sqlite3 *db;
	int n = 0;

	ok(unit_code_valid("000.17.22.H56"), "000.17.22.H56 is a unit code");
	ok(unit_code_valid("000.00.00.H01"), "000.00.00.H01 is a unit code");
	ok(!unit_code_valid("000.17.22"), "too short");
	ok(!unit_code_valid("000.17.22.h56"), "lower-case letter");
	ok(!unit_code_valid("0a0.17.22.H56"), "letter among the digits");
	ok(!unit_code_valid("000-17-22-H56"), "dashes");

	if (mkdtemp(p) == NULL)
		return 99;
	snprintf(dbp, sizeof dbp, "%s/u.db", p);
	if (db_open(dbp, DB_CREATE, &db, &err) != 0)
		return 99;
	ok(unit_get(db, &got, &err) != 0 && err.kind == MC_ENOTFOUND,
	    "a new database has no identity");
	memset(&u, 0, sizeof u);
	snprintf(u.code, sizeof u.code, "000.17.22.H56");
	snprintf(u.name, sizeof u.name, "UBND xã Mỹ An");
	u.station = 0;
	ok(unit_init(db, &u, &err) != 0, "station 0 refused");
	u.station = 10;
	ok(unit_init(db, &u, &err) != 0, "station 10 refused");
	u.station = 2;
	ok(unit_init(db, &u, &err) == 0, "init station 2");
	ok(unit_get(db, &got, &err) == 0 && got.station == 2 &&
	    strcmp(got.code, "000.17.22.H56") == 0 && strlen(got.station_id) == 36,
	    "identity read back with a UUID");
	ok(unit_init(db, &u, &err) != 0 && err.kind == MC_ECONFLICT, "init twice refused");
	is_int(db_int(db, "SELECT count(*) FROM station", 0), 1, "one station row");

	ok(unit_officer_get(db, NULL, &o, &err) != 0, "no officer yet");
	is_int(unit_officer_count(db, &err), 0, "no active officer yet");
	is_int(unit_officer_active(db, "lan", &err), 0, "an unknown username is not active");
	ok(unit_officer_add(db, "lan", "  Nguyễn Thị   Lan ", MC_ROLE_OFFICER, &err) == 0,
	    "add an officer");
	ok(unit_officer_get(db, NULL, &o, &err) == 0 && strcmp(o.username, "lan") == 0 &&
	    strcmp(o.full_name, "Nguyễn Thị Lan") == 0, "the only officer is picked, name cleaned");
	ok(unit_officer_add(db, "lan", "Other", MC_ROLE_OFFICER, &err) != 0 &&
	    err.kind == MC_ECONFLICT, "duplicate username refused");
	ok(unit_officer_add(db, "Lan Anh", "X", MC_ROLE_OFFICER, &err) != 0,
	    "username with a space and a capital refused");
	ok(unit_officer_add(db, "anh", "   ", MC_ROLE_OFFICER, &err) != 0,
	    "empty full name refused");
	ok(unit_officer_add(db, "truong", "Trần Văn Trưởng", MC_ROLE_SUPERVISOR, &err) == 0,
	    "add a supervisor");
	ok(unit_officer_get(db, NULL, &o, &err) != 0 && strstr(err.msg, "--officer"),
	    "two officers: must say which");
	is_int(unit_officer_count(db, &err), 2, "two active officers");
	is_int(unit_officer_active(db, "lan", &err), 1, "lan is active");
	is_int(unit_officer_active(db, "truong", &err), 1, "truong is active");
	ok(unit_officer_get(db, "truong", &o, &err) == 0 && o.role == MC_ROLE_SUPERVISOR,
	    "get by username");
	ok(unit_officer_get(db, "nobody", &o, &err) != 0 && err.kind == MC_ENOTFOUND,
	    "unknown officer");
	ok(db_exec(db, "UPDATE officer SET active = 0 WHERE username = 'lan'", &err) == 0 &&
	    unit_officer_get(db, "lan", &o, &err) != 0, "inactive officer refused");
	is_int(unit_officer_count(db, &err), 1, "one active officer left");
	is_int(unit_officer_active(db, "lan", &err), 0, "lan is no longer active");
	is_int(unit_officer_active(db, "Lan", &err), 0, "usernames are exact");
	ok(unit_officer_list(db, count_officer, &n, &err) == 0 && n == 2, "list officers");
	test_admin(db);
	db_close(db);
	snprintf(dbp, sizeof dbp, "rm -rf %s", p);
	if (system(dbp) != 0)
		diag("cleanup failed");
	return tap_done();
}
