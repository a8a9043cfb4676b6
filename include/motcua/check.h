/* check.h — is the store sound?  What `motcua check` reports.
 *
 * Checks that only read: SQLite's own check of every page and index;
 * every event's hash and chain link (event_verify, and check_log which
 * says which event and also finds the gaps); every dossier row against a
 * fresh projection of its events (check_dossiers); and the day's dossier
 * codes against their high-water marks (check_codes).  The repair,
 * `check --rebuild`, re-deriving the dossier rows, is dossier_rebuild.
 *
 * What a gap means depends on whose chain it is: this station numbers its
 * own events 1, 2, 3, … in one transaction each, so a gap in its own chain
 * (or a chain that ends below the mark event_append keeps, event.h) is a
 * deleted event; another station's events come by file, so a gap there is
 * only events not yet received, and no problem. */
#ifndef MOTCUA_CHECK_H
#define MOTCUA_CHECK_H

#include <stdbool.h>
#include <sqlite3.h>

#include "motcua/attach.h"
#include "motcua/error.h"

/* SQLite's integrity check.  fn gets each problem it finds, as SQLite
 * words it ("row 3 missing from index dossier_phone"); fn returns nonzero
 * to stop.  Returns the number of problems (0: sound), -1 on error. */
long long check_integrity(sqlite3 *db, int (*fn)(const char *problem, void *),
    void *arg, struct mc_err *err);

/* The event log: *total events held, *bad of them failing their hash or
 * chain check.  Returns 0 or -1. */
int check_events(sqlite3 *db, long long *total, long long *bad, struct mc_err *err);

/* What check_log, check_dossiers and check_codes find. */
enum check_kind {
	CHECK_EDITED,		/* event `first`: its content does not match its hash */
	CHECK_LINK,		/* event `first`: its link is not the hash of the one before */
	CHECK_OWN_GAP,		/* our own chain lacks events first..last: deleted */
	CHECK_OWN_TAIL,		/* our own chain ends before first..last, which it had */
	CHECK_PEER_GAP,		/* another station's chain lacks first..last: not yet
				 * received (no problem: the next bundle brings them) */
	CHECK_DOSSIER_CHANGED,	/* the row of `code` differs from its events */
	CHECK_DOSSIER_MISSING,	/* no row for `code`, which its events make */
	CHECK_DOSSIER_EXTRA,	/* a row for `code`, which no event makes */
	CHECK_CODE_MISSING,	/* `code` was issued (below the day's mark); no row holds it */
	CHECK_SIGNATURE,	/* event `first`: its signature fails its station's key */
	CHECK_UNSIGNED,		/* event `first` of our own chain carries no signature */
	CHECK_USES,		/* the use count of procedure `code` at `station`
				 * (`first`) differs from its dossiers (`last`) */
};

struct check_finding {
	enum check_kind kind;
	const char *station;	/* the chain's station id (events) */
	int number;		/* that station's number at its unit; 0 if unknown */
	const char *unit;	/* its unit's code when not ours, else NULL */
	long long first, last;	/* the events concerned (first == last: one) */
	const char *code;	/* the dossier's code (dossiers, codes) */
};

/* Is a finding of this kind a problem (all but CHECK_PEER_GAP)? */
bool check_is_problem(enum check_kind k);

/* Each check calls fn for each finding, in order (fn returns nonzero to
 * stop), and returns the number of problems among them (0: sound), or -1
 * on error.
 *
 * check_log: every chain, event by event (hash, link, gaps, and our own
 * chain's end against its mark).  check_dossiers: every dossier row
 * against what its events make of it now, projected into temporary tables
 * that are dropped again (the database is not written).  check_codes:
 * every day's dossier codes of this unit's stations up to the number the
 * day's mark says was issued (dossier.h). */
long long check_log(sqlite3 *db, int (*fn)(const struct check_finding *, void *),
    void *arg, struct mc_err *err);
long long check_dossiers(sqlite3 *db, int (*fn)(const struct check_finding *, void *),
    void *arg, struct mc_err *err);
long long check_codes(sqlite3 *db, int (*fn)(const struct check_finding *, void *),
    void *arg, struct mc_err *err);

/* What check_signatures counted. */
struct check_sigs {
	long long good;		/* signed by their stations' keys */
	long long unsigned_;	/* of other stations, held from before signed sync */
	long long unknown;	/* of stations whose key is not known here */
};

/* check_signatures: every event's signature against its station's key
 * (this station's own, or the one trusted for it here; trust.h).  A
 * signature that fails, or an event of our own chain with none (this
 * station signs all it records), is a problem; *sums counts the rest. */
long long check_signatures(sqlite3 *db, int (*fn)(const struct check_finding *, void *),
    void *arg, struct check_sigs *sums, struct mc_err *err);

/* check_files: every file the dossiers' file_added events name (attach.h)
 * against the store beside the database (or file_blob): fn gets each one
 * missing, or whose content's hash is not the event's.  *total gets how
 * many files the events name.  Returns the number of problems, or -1. */
long long check_files(sqlite3 *db, int (*fn)(const struct attach_finding *, void *),
    void *arg, long long *total, struct mc_err *err);

#endif
