/* syncrule.h — an imported bundle checked by the rules local work obeys.
 *
 * A bundle's hashes say only that its content is what its writer wrote;
 * these checks say that what it wrote could have been recorded here:
 *
 * The header (syncrule_header): every value bounded in length and of its
 * type — sender a lower-case UUID, sender_number one digit 1–9,
 * sender_unit an agency code (unit.h), created a real ISO 8601 time as
 * motcua writes it, count digits, vector a JSON object of station ids to
 * positive whole numbers, version digits.  A bundle that claims to come
 * from this station may bring back only what this station holds (its own
 * bundle back again); a publication claiming it is refused.  A sender of
 * another unit may relay this unit's events (the province sends a commune
 * what its other stations recorded), but a dossier of another unit is
 * refused by its receipt's code (c) unless the setting aggregate_units is
 * 1 (a station that gathers several units: a province).
 *
 * Each new event (syncrule_event, for every event of the bundle that this
 * station does not hold yet, in the bundle's (origin, seq) order):
 *   (a) its origin is a station id and not this station's (a new event
 *       of this station's own chain can only be a forgery);
 *   (b) its time is a real time as motcua writes it, not before the
 *       dossier's receipt, at most a day after the bundle was made;
 *   (c) its kind is known (vocab.h's steps, the receipt, the guidance, or
 *       an audit kind, audit.h) and its body holds its kind's fields and
 *       nothing else, each of its type and within its limits
 *       (lifecycle_check_value); a receipt's code is of this unit (when
 *       this station aggregates units: of the sender's unit when the
 *       sender recorded it, else of any unit) and of the sending station's
 *       number when that station recorded it;
 *   (d) its step is allowed from the dossier's status at its time
 *       (lifecycle_allowed): the status is projected, as dossier_project
 *       does, from every event of the dossier this station holds and
 *       every event of the dossier in the bundle, in the order
 *       (at, origin, seq), up to the event checked.  Events of one dossier
 *       from several stations interleave in time, and the bundle lists
 *       them by station, so the bundle is read once beforehand
 *       (syncrule_header's `bundle`) for its dossier events.  Two
 *       stations may work on one dossier at once, each as its own view
 *       allows (a bundle does not say which of the other's events a
 *       station held when it recorded a step): a step is allowed when it
 *       follows from the receipt, every earlier step of its own station
 *       and the other stations' steps up to some moment before it.  So a
 *       resume never paused, the return of a result never recorded, a
 *       step after its own station closed the dossier are refused; a
 *       step after another station closed it, unseen, is not.  A step whose receipt is neither held nor in the
 *       bundle (a gap in a chain) waits: it is checked with the receipt,
 *       which is refused if a step held after it does not follow;
 *   (e) its officer is known at its origin: named by an officer_add audit
 *       event (its username) or a keys_upgrade audit event (its officers)
 *       of that station.  The first officer_add of a station names its
 *       own writer (the unit's first officer enrolls themselves).  When
 *       this station takes one unit only (aggregate_units 0), whose
 *       dossiers are all its unit's, an officer named so by any station,
 *       or an officer of this station's own list, is known too (a copy
 *       made by init --from-copy names its officers in its original's
 *       chain).
 * Using the bundle's own events as context before each is checked is
 * sound because a bundle is taken whole or not at all: if any of them is
 * refused, so is the bundle, and nothing it said is kept.
 *
 * Every refusal is an MC_EINVAL whose message names the file, the event
 * ("event 12 of station 2") and the cause, and ends "nothing was changed". */
#ifndef MOTCUA_SYNCRULE_H
#define MOTCUA_SYNCRULE_H

#include <stddef.h>
#include <sqlite3.h>

#include "motcua/error.h"
#include "motcua/event.h"

/* What the checks of one bundle keep between its events. */
struct syncrule_ctx;

/* Check the bundle's header: n keys and their values (a NULL value is an
 * absent key), as read from the file at `path` (for the messages), into
 * station db.  `bundle` is the bundle's own database, its schema already
 * checked (its events are read for their dossiers and officers), or NULL
 * (then only the events given to syncrule_event are known).  On success
 * *ctx gets the context for syncrule_event; free it with syncrule_free.
 * Returns 0, or -1 with err (and *ctx NULL).
 *
 * With a bundle, its new events are not held in memory: the caller adds
 * them to db's event table (unchecked, inside its transaction, which it
 * rolls back on any refusal), says from which rowid on with
 * syncrule_base, and only then checks each with syncrule_event; a
 * dossier's timeline for (d) is then one indexed read of db. */
int syncrule_header(sqlite3 *db, const char *path, const char *const *keys,
    const char *const *vals, size_t n, sqlite3 *bundle, struct syncrule_ctx **ctx,
    struct mc_err *err);

/* The bundle's new events are db's event rows with rowid > base (read
 * as max(rowid) inside the caller's transaction before it added them);
 * those at or below it were held before the import. */
void syncrule_base(struct syncrule_ctx *ctx, long long base);

/* Check one event of the bundle that db did not hold before the import
 * (one it holds, the same by its hash, needs no check and must not be
 * given).  Call in the bundle's (origin, seq) order.  Returns 0, or -1
 * with err. */
int syncrule_event(sqlite3 *db, struct syncrule_ctx *ctx, const struct mc_event *e,
    struct mc_err *err);

void syncrule_free(struct syncrule_ctx *ctx);

#endif
