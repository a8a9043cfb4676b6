/* unit.h — who we are: the unit (agency), this station, its officers.
 *
 * A unit (a commune's one-stop counter) has an agency code after QCVN
 * 102:2016/BTTTT ("000.17.22.H56") that starts every dossier code.  A unit
 * may have several stations (PCs), numbered 1–9; each has a random
 * identity made at init, which names its events. */
#ifndef MOTCUA_UNIT_H
#define MOTCUA_UNIT_H

#include <stdbool.h>
#include <sqlite3.h>

#include "motcua/error.h"

#define MC_USER_LEN 33

struct mc_unit {
	char code[32];
	char name[256];
	char address[256];
	int station;		/* 1..9 */
	char station_id[37];
};

enum mc_role { MC_ROLE_OFFICER, MC_ROLE_SUPERVISOR, MC_ROLE_AUDITOR };

struct mc_officer {
	char username[MC_USER_LEN];
	char full_name[256];
	enum mc_role role;
	bool active;
};

/* Is this a well-formed agency code ("000.17.22.H56")? */
bool unit_code_valid(const char *code);

/* Give a new (empty, migrated) database its identity.  Refused if it
 * already has one. */
int unit_init(sqlite3 *db, const struct mc_unit *u, struct mc_err *err);
/* Read the identity; MC_ENOTFOUND if the database was never initialised. */
int unit_get(sqlite3 *db, struct mc_unit *u, struct mc_err *err);

int unit_officer_add(sqlite3 *db, const char *username, const char *full_name,
    enum mc_role role, struct mc_err *err);
/* Officers in username order; fn returns nonzero to stop. */
int unit_officer_list(sqlite3 *db, int (*fn)(const struct mc_officer *, void *),
    void *arg, struct mc_err *err);
/* The active officer `username`; with NULL, the only active officer if
 * there is exactly one.  Otherwise an error saying what to do. */
int unit_officer_get(sqlite3 *db, const char *username, struct mc_officer *o,
    struct mc_err *err);

/* How many officers are active (may record events); -1 on error. */
long long unit_officer_count(sqlite3 *db, struct mc_err *err);
/* Is `username` an active officer?  1 yes, 0 no (unknown or no longer
 * active), -1 on error. */
int unit_officer_active(sqlite3 *db, const char *username, struct mc_err *err);

/* A supervisor's administration of officers.  `acting` must be active and
 * allowed to manage officers (role_check, MC_ACT_OFFICER).  An officer is
 * never deleted (events name them): unit_officer_set_active deactivates
 * (active false: may no longer log in or record events) or reactivates.
 * Neither call may leave the unit without an active supervisor: the last
 * one can be neither deactivated nor given another role.  An unknown
 * username is MC_ENOTFOUND; every refusal changes nothing. */
int unit_officer_set_active(sqlite3 *db, const char *acting, const char *username,
    bool active, struct mc_err *err);
int unit_officer_set_role(sqlite3 *db, const char *acting, const char *username,
    enum mc_role role, struct mc_err *err);

const char *unit_role_name(enum mc_role r);
int unit_role_parse(const char *s, enum mc_role *r);

#endif
