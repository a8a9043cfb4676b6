/* province.h — the province: every commune's bundles in PostgreSQL, and
 * the province-wide figures computed there.
 *
 * The province office runs motcua like a station: its own database (the
 * "province store", --db as for every command; `motcua init` makes it)
 * trusts the communes' stations as any station does (`motcua station
 * trust CARD --fingerprint FP`, trust.h).  province_load takes a bundle
 * into that store with sync_import — the very checks of a station's
 * import: hashes, chains, signatures, trust, content rules — and then
 * copies what the PostgreSQL database lacks of the store (the new
 * events, the re-projected dossiers with their report counts) in ONE
 * PostgreSQL transaction.  The store's event log is the high mark: the
 * database remembers (table feed) the store's event rowid up to which
 * it holds everything, so a failure between the two commits is repaired
 * by the next load, and loading a bundle twice changes nothing.
 *
 * The figures (province_report) are report.h's, by the same
 * definitions: each dossier's counts are the station's own keys
 * (report-agg.c) of that one dossier, made by the same code from the
 * same projection, summed by PostgreSQL per commune, field or procedure.
 * A commune's row equals its stations' `motcua report summary` total for
 * the same period.
 *
 * libpq is in the module motcua-pg.so (province-int.h), loaded on the
 * first province_open: the station program does not link it. */
#ifndef MOTCUA_PROVINCE_H
#define MOTCUA_PROVINCE_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "motcua/error.h"
#include "motcua/report.h"
#include "motcua/sync.h"

struct province;

/* Connect to the province database (a libpq connection string, or a
 * postgresql:// URI); *out freed with province_close. */
int province_open(const char *conninfo, struct province **out, struct mc_err *err);
void province_close(struct province *p);

/* Bring the database's schema to this motcua's (schema-pg/ steps, table
 * schema_version), in one transaction: *applied steps applied now (0: it
 * was up to date already), *version the version it is at. */
int province_init(struct province *p, int *applied, int *version, struct mc_err *err);
/* The schema version the database is at (0: never initialised), or -1. */
int province_version(struct province *p, struct mc_err *err);
/* 0 when the database is at this motcua's version; else err says to run
 * `province init`. */
int province_ready(struct province *p, struct mc_err *err);

/* What one load did. */
struct province_load {
	struct sync_report sync;	/* the store's import */
	long long events;		/* events added to the database */
	long long dossiers;		/* dossiers written to the database */
	int communes;			/* communes those belong to */
};

/* Load the bundle at `path` (a file; a directory: every *.motcua in it,
 * in name order, each on its own, fn told of each) as `acting` (allowed
 * to import, role.h) from the store db into p.  A bundle the store
 * refuses changes nothing in either.  fn (may be NULL) gets each file's
 * outcome: r, or r NULL and err; its nonzero return stops. */
int province_load(struct province *p, sqlite3 *db, const char *acting, const char *path,
    int (*fn)(const char *file, const struct province_load *r, const struct mc_err *err,
    void *arg), void *arg, struct mc_err *err);
/* Copy to p what it lacks of the store db (province_load does after each
 * import); r's events, dossiers and communes. */
int province_push(struct province *p, sqlite3 *db, struct province_load *r,
    struct mc_err *err);

/* What the rows of a report are. */
enum province_by {
	PROVINCE_BY_COMMUNE,	/* the commune's unit code; name its name */
	PROVINCE_BY_FIELD,	/* the procedure's field */
	PROVINCE_BY_PROCEDURE,	/* the procedure's code; name its name */
};

struct province_row {
	char key[256];		/* the unit code, field or procedure code */
	char name[512];		/* the commune's or procedure's name ("" unknown) */
	struct report_row r;	/* report.h's figures; r.field is key */
};

struct province_report {
	int from, to;		/* JDNs */
	enum province_by by;
	struct province_row *rows;	/* communes and procedures by code,
					 * fields in Vietnamese order */
	size_t nrows;
	struct report_row total;	/* the province */
};

/* The figures of [from, to] (report.h's definitions), computed by
 * PostgreSQL; free with province_report_free. */
int province_report(struct province *p, int from, int to, enum province_by by,
    struct province_report *out, struct mc_err *err);
void province_report_free(struct province_report *r);

/* The communes with the most dossiers overdue at the end of day `at`
 * (in progress, past their due date-time, as report.h's
 * in_progress_overdue of a period ending that day), most first, at most
 * limit; each row's r holds its figures of that day. */
int province_late(struct province *p, int at, int limit, struct province_report *out,
    struct mc_err *err);

#endif
