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
	db_close(db);
	snprintf(dbp, sizeof dbp, "rm -rf %s", p);
	if (system(dbp) != 0)
		diag("cleanup failed");
	return tap_done();
}
