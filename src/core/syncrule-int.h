/* syncrule-int.h — what syncrule.c (the header, the events' origin, time,
 * step and officer) and syncrule-body.c (the events' bodies) share. */
#ifndef MOTCUA_SYNCRULE_INT_H
#define MOTCUA_SYNCRULE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "motcua/date.h"
#include "motcua/error.h"
#include "motcua/event.h"
#include "motcua/syncrule.h"
#include "motcua/unit.h"
#include "motcua/vocab.h"

#define DAY_MINUTES (24 * 60)
#define VALUE_MAX 256			/* a header value but these: */
#define VECTOR_MAX (1 << 20)		/* the vector: 1 MB (some 20,000 stations) */
#define PAYLOAD_MAX (64 << 20)		/* a publication's JSON */
#define AUDIT_VALUE_MAX 4096		/* a value of an audit body (a file path) */
#define DOCS_MAX 500			/* documents of one receipt */
#define KEYS_UPGRADE "keys_upgrade"	/* the upgrade to signed events: its
					 * body's "officers" are that station's */

/* A dossier event of the bundle, or one checked already. */
struct dev {
	char dossier[MC_UUID_LEN];
	char origin[MC_UUID_LEN];
	long long seq;
	char at[MC_ISO_LEN];
	char kind[24];
	bool held;		/* held here only, not in the bundle */
};

/* An officer named by an officer_add or keys_upgrade of a station. */
struct named {
	char origin[MC_UUID_LEN];
	long long seq;
	char user[MC_USER_LEN];
	bool add;		/* officer_add (not keys_upgrade) */
};

struct syncrule_ctx {
	char path[512];
	char self[MC_UUID_LEN];
	char unit[32];			/* this station's unit */
	char sender[MC_UUID_LEN];
	char sender_unit[32];
	int sender_number;
	struct mc_time created;
	bool aggregate;			/* setting aggregate_units */
	bool from_self;			/* the header claims this station */
	const char *vector;		/* the header's (while syncrule_header runs) */
	bool gap;			/* a chain here, with the bundle's, has a
					 * gap: steps and officers that may follow
					 * from the events missing are let in */
	struct dev *dev;		/* the bundle's, sorted (dev_cmp) */
	size_t ndev, capdev;
	struct dev *added;		/* checked here, not in the bundle read */
	size_t nadded, capadded;
	struct named *named;
	size_t nnamed, capnamed;
	struct { char origin[MC_UUID_LEN], user[MC_USER_LEN]; } known[16];
	size_t nknown, nextknown;	/* a small cache of officers found */
};

/* The event refused: "<path> was not imported: event N of station S:
 * <why>; nothing was changed".  Returns -1. */
int syncrule_refuse(sqlite3 *db, const struct syncrule_ctx *c, const struct mc_event *e,
    struct mc_err *err, const char *fmt, ...) MC_PRINTF(5, 6);

/* A time exactly as motcua stores it (date_format_iso). */
bool syncrule_iso_time(const char *s, struct mc_time *t);
/* The shape of a username (unit.c's rule: 1–32 of a–z, 0–9, '.', '_', '-'). */
bool syncrule_username(const char *s);

/* The body of an event of each sort, checked (syncrule.h's (c)). */
int syncrule_receive_body(sqlite3 *db, const struct syncrule_ctx *c,
    const struct mc_event *e, struct mc_err *err);
int syncrule_guide_body(sqlite3 *db, const struct syncrule_ctx *c,
    const struct mc_event *e, struct mc_err *err);
int syncrule_step_body(sqlite3 *db, const struct syncrule_ctx *c,
    const struct mc_event *e, const struct mc_kind *k, struct mc_err *err);
int syncrule_audit_body(sqlite3 *db, const struct syncrule_ctx *c,
    const struct mc_event *e, struct mc_err *err);

#endif
