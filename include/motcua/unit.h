/* unit.h — who we are: the unit (agency), this station, its officers.
 *
 * A unit (a commune's one-stop counter) has an agency code after QCVN
 * 102:2016/BTTTT ("000.17.22.H56") that starts every dossier code.  A unit
 * may have several stations (PCs), numbered 1–9; each has a random
 * identity made at init, which names its events.
 *
 * Since the 2025 reform (Decree 118/2025/NĐ-CP) a unit is named three
 * ways, each where it belongs on the forms:
 *   name    the parent authority (cơ quan chủ quản), "UBND xã Phước Long":
 *           meta unit_name, as before the reform, so that everything that
 *           showed the unit's name shows the same; the forms' first
 *           header line, in capitals;
 *   body    the receiving body, "Trung tâm Phục vụ hành chính công xã
 *           Phước Long" or "Bộ phận Một cửa": meta unit_body; the forms'
 *           second header line and the body text that names who receives;
 *   place   the short place name of the date line, "Phước Long" ("Phước
 *           Long, ngày … tháng … năm …"): meta unit_place.
 * A database made before the reform has no unit_body or unit_place: they
 * read as unit_default_body and unit_default_place of the name until a
 * supervisor sets them (unit_set), so an upgrade needs no step of its own
 * and the forms of an old database change only in their header. */
#ifndef MOTCUA_UNIT_H
#define MOTCUA_UNIT_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "motcua/error.h"

#define MC_USER_LEN 33
/* The longest names a unit may be given, in characters: the parent and
 * the body wrap inside the forms' header column; the place stays on the
 * date line. */
#define MC_UNIT_NAME_MAX 120
#define MC_UNIT_PLACE_MAX 40
#define MC_UNIT_PHONE_MAX 40

struct mc_unit {
	char code[32];
	char name[256];		/* the parent authority (meta unit_name) */
	char body[256];		/* the receiving body (meta unit_body) */
	char place[128];	/* the date line's place (meta unit_place) */
	char address[256];
	char phone[64];		/* meta unit_phone, "" when unset */
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

/* The receiving body a parent authority has by default: "UBND xã Phước
 * Long" → "Trung tâm Phục vụ hành chính công xã Phước Long" (a commune,
 * ward or special zone: "xã", "phường", "đặc khu", "thị trấn" after
 * "UBND" or "Ủy ban nhân dân"), any other name → "Bộ phận Một cửa". */
void unit_default_body(const char *name, char *buf, size_t n);
/* The place a name gives by default: the name without "UBND", "xã",
 * "phường", … ("UBND xã Mỹ An" → "Mỹ An"); a pointer into name. */
const char *unit_default_place(const char *name);

/* Give a new (empty, migrated) database its identity.  Refused if it
 * already has one.  An empty body or place is its default (above); the
 * names are checked as unit_set checks them. */
int unit_init(sqlite3 *db, const struct mc_unit *u, struct mc_err *err);
/* Read the identity; MC_ENOTFOUND if the database was never initialised. */
int unit_get(sqlite3 *db, struct mc_unit *u, struct mc_err *err);

/* A supervisor's change of the unit's names, address and phone: each
 * field NULL keeps the stored value.  `acting` must be allowed to change
 * settings (role_check, MC_ACT_SETTING).  The name, body and place may
 * not be empty and are at most MC_UNIT_NAME_MAX, MC_UNIT_NAME_MAX and
 * MC_UNIT_PLACE_MAX characters, one plain line each; the phone at most
 * MC_UNIT_PHONE_MAX.  Recorded as the audit event "unit" with the values
 * after the change, which travels in the bundles like any audit event (so
 * a province sees each commune's body).  A refusal changes nothing. */
struct mc_unit_change {
	const char *name, *body, *place, *address, *phone;
};
int unit_set(sqlite3 *db, const char *acting, const struct mc_unit_change *c,
    struct mc_err *err);

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
