/* publish.h — publications: this database's catalog or holiday calendar,
 * with a version number, written as a bundle (sync_publish) for the other
 * stations of the unit to take in (sync_import).
 *
 * The version rule, both halves:
 *   - a new publication gets the version given (--version), else for a
 *     catalog the catalog version held, for a calendar the calendar
 *     version held + 1 (publish_version_next); after a calendar is
 *     published the publisher holds at least that version, so the next
 *     one gets a higher number;
 *   - a station applies a publication unless the version it holds is
 *     newer, or when forced (publish_applies).  The same version again is
 *     applied, and changes nothing.
 *
 * Kinds are "catalog" and "calendar"; the version held is the meta value
 * catalog_version or calendar_version. */
#ifndef MOTCUA_PUBLISH_H
#define MOTCUA_PUBLISH_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "motcua/error.h"

/* A version number: a decimal integer from 1 to 2^53 (a JSON number that
 * every reader keeps exact).  Returns 0, or -1 if s is not one. */
int publish_version_parse(const char *s, long long *v);

/* The version a new publication of `kind` gets when none is given.
 * Refused, with what to do, if this database holds no version to start
 * from. */
int publish_version_next(sqlite3 *db, const char *kind, long long *version,
    struct mc_err *err);

/* Is a publication of `version` applied where `held` is held (the meta
 * value; NULL when none is held)? */
bool publish_applies(const char *held, long long version, bool force);

/* The payload of a publication (malloc'd JSON):
 *   catalog   catalog_export_json, its version set to `version` when that
 *             is not the version held, so the bundle and the catalog it
 *             carries never disagree;
 *   calendar  an official-calendar file (doc/calendar-format.md) holding,
 *             for every year with an official calendar or a supervisor's
 *             override, the effective special days of that year.
 * NULL after filling err (MC_ENOTFOUND: nothing to publish). */
char *publish_payload(sqlite3 *db, const char *kind, long long version,
    struct mc_err *err);

/* Make the publication: its payload, the bundle at `path` (a file that
 * must not exist yet; the name written goes to out, size n), and for a
 * calendar the version now held; `acting` must be allowed to publish
 * (role_require, MC_ACT_PUBLISH), and the publication is an audit event. */
int publish_write(sqlite3 *db, const char *acting, const char *kind, long long version,
    const char *path, char *out, size_t n, struct mc_err *err);

#endif
