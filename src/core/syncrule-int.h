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
	sqlite3 *bundle;		/* the bundle's database, or NULL */
	sqlite3_stmt *in_bundle;	/* (origin, seq) in the bundle? */
	long long base;			/* with a bundle: its new events are db's
					 * event rows with rowid > base */
	struct dev *added;		/* checked here, without a bundle */
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

/* "2": the station's number if it is known here, else its id's start. */
void syncrule_station_name(sqlite3 *db, const struct syncrule_ctx *c, const char *origin,
    char *buf, size_t n);
/* Room for n+1 items of `size` in *p (capacity *cap); -1 out of memory. */
int syncrule_grow(void **p, size_t *cap, size_t n, size_t size);
/* Dossier events in projection order: dossier, at, origin, seq. */
int syncrule_dev_cmp(const void *a, const void *b);
void syncrule_dev_set(struct dev *d, const char *dossier, const char *origin,
    long long seq, const char *at, const char *kind);
/* Is d the event e (origin, seq)? */
bool syncrule_same_event(const struct dev *d, const struct mc_event *e);
/* (d): the step (or receipt) e of kind k from its dossier's status. */
int syncrule_check_step(sqlite3 *db, const struct syncrule_ctx *c,
    const struct mc_event *e, const struct mc_kind *k, struct mc_err *err);

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
