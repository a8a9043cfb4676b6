/* sync.h — exchanging events by file: bundles on a USB stick.
 *
 * A bundle (*.motcua) is a small SQLite file: a `bundle` table of header
 * values and the `event` rows the receiver may lack.  Header keys:
 *   format          "motcua-bundle"
 *   format_version  "2" (1: before signatures, refused)
 *   kind            "events" | "catalog" | "calendar" | "station" (a key card)
 *   sender          station id; sender_unit, sender_number; sender_key
 *                   its public key (hex, key.h)
 *   created         ISO 8601 time
 *   vector          JSON {"<station id>": n, …}: the sender holds every event
 *                   1..n of each station (the contiguous prefix)
 *   count           number of event rows
 *   version         publications: the catalog or calendar version
 *   payload         publications: the catalog or calendar JSON
 *   format_minor    "1" when the bundle carries files (its third table,
 *                   below); absent (0) otherwise
 *   content_sha256  SHA-256 (hex) of the canonical content: every header
 *                   value but this one, "key=value\n" in key order, then
 *                   "origin\nseq\nhash\n" of every event in (origin, seq)
 *                   order, then "file SHA256 SIZE\n" of every file carried
 *                   in sha256 order.  Each event's own hash covers its body,
 *                   each file's sha256 its bytes.
 *   signature       the sender's signature over content_sha256 (key.h);
 *                   each event row also carries its origin's signature
 *                   over its hash (column sig).
 *
 * Files (format 2.1): the attachments the events name (attach.h) travel
 * in a table `file (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL,
 * body BLOB NOT NULL) STRICT`, present only when at least one file is
 * carried, and then with format_minor "1".  The minor rule: a writer
 * marks the lowest minor its content needs, so a bundle without files is
 * exactly format 2.0 and every release of format 2 reads it; a reader
 * takes every minor up to its own and names a higher one (update motcua,
 * or have the sender export --without-files).  An export carries the file
 * of every file_added event it carries that is held here, plus (option
 * files_since) the files of file_added events from a date on even if the
 * peer holds their events: for a peer that took a bundle made without
 * files.  Import keeps a carried file only if its size is the one the
 * file_added events naming it record and its bytes hash to its sha256,
 * and refuses the whole bundle for a file that fails either, or that no
 * event (in it or held here) names.  A file_added event whose file did
 * not come is taken; the file is reported missing (here and by `check`)
 * until a bundle carrying it comes.
 *
 * Import opens the file read-only and defensively, checks its schema to
 * the letter, the content hash and every event's hash and chain link,
 * then adds what is new in one transaction.  Nothing is ever half done. */
#ifndef MOTCUA_SYNC_H
#define MOTCUA_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "motcua/error.h"

#define SYNC_FORMAT_VERSION 2
#define SYNC_FORMAT_TEXT "2"
#define SYNC_FORMAT_MINOR 1		/* files */
#define SYNC_FORMAT_MINOR_TEXT "1"

/* The missing files an import names (the first SYNC_MISSING_MAX). */
#define SYNC_MISSING_MAX 8
struct sync_missing {
	char code[64];			/* the dossier's code */
	int number;			/* the file's number in its list (files CODE) */
	char sha256[65];
};

/* What an import did. */
struct sync_report {
	long long events_new;		/* events added */
	long long events_known;		/* events already held */
	long long dossiers_new;		/* dossiers that did not exist before */
	long long dossiers_touched;	/* dossiers re-projected */
	int stations;			/* stations whose events came in */
	int gaps;			/* stations whose chain still has a gap */
	char kind[16];			/* "events", "catalog", "calendar" */
	char sender[40];		/* sender station id */
	long long version;		/* publications: the version applied */
	bool held_already;		/* ... or already held: nothing done */
	long long files_new;		/* files carried and kept here */
	long long files_known;		/* files carried and held here already */
	long long files_missing;	/* files its events name, not held here */
	struct sync_missing missing[SYNC_MISSING_MAX];	/* the first of them */
};

/* Progress for large files: called now and then with done/total events. */
typedef void (*sync_progress_fn)(long long done, long long total, void *arg);

/* Write a bundle of the events `peer` is not known to hold (peer NULL:
 * every event).  `path` is a file or a directory (then the file is named
 * <unit>-<station number>-<YYYYMMDD-HHMM>.motcua); written to a temporary
 * name in the same folder, fsynced, renamed.  The path written goes to
 * out (size n); *count gets the number of events.  `acting` must be
 * allowed to export (role_require, MC_ACT_EXPORT); the export is then an
 * audit event (in the next bundle). */
int sync_export(sqlite3 *db, const char *acting, const char *peer, const char *path,
    char *out, size_t n, long long *count, sync_progress_fn progress, void *arg,
    struct mc_err *err);

/* What to carry besides the events (sync_export carries the files of its
 * events: {false, NULL}). */
struct sync_export_opt {
	bool without_files;		/* no file at all (format 2.0) */
	const char *files_since;	/* a date (date_parse_input): also the
					 * files of file_added events from that
					 * day on, whatever the peer holds; NULL */
};
/* What an export wrote. */
struct sync_export_res {
	long long events;
	long long files;		/* files carried */
	long long files_absent;		/* named, not held here: not carried */
	long long files_altered;	/* held here but not what their event
					 * says (see `check`): not carried */
};
/* sync_export with those choices. */
int sync_export_with(sqlite3 *db, const char *acting, const char *peer, const char *path,
    const struct sync_export_opt *opt, char *out, size_t n, struct sync_export_res *res,
    sync_progress_fn progress, void *arg, struct mc_err *err);

/* Import one bundle (events or a publication), as `acting` (allowed to
 * import: MC_ACT_IMPORT; a publication also goes through the catalog's
 * or calendar's own check of the role), recorded as an audit event in
 * the same transaction.  force: apply a publication even if older than
 * the one held. */
int sync_import(sqlite3 *db, const char *acting, const char *path, bool force,
    struct sync_report *r, sync_progress_fn progress, void *arg, struct mc_err *err);

/* Trust the station that signed the bundle at path, after checking that
 * its key's fingerprint is fpr (as typed: any case, dashes or not), as
 * `acting` (a supervisor); t gets what was trusted.  A bundle of another
 * kind or a different key is refused, with nothing changed. */
struct trust_item;
int sync_trust_file(sqlite3 *db, const char *acting, const char *path, const char *fpr,
    struct trust_item *t, struct mc_err *err);

/* Write this station's key card at path: a bundle of kind "station"
 * with no events, signed, for other stations to trust this one by
 * (sync_trust_file) without carrying any personal data.  Changes nothing
 * in the database. */
int sync_card(sqlite3 *db, const char *path, char *out, size_t n, struct mc_err *err);

/* Write a publication bundle (kind "catalog" or "calendar") carrying
 * payload JSON with a version number. */
int sync_publish(sqlite3 *db, const char *kind, long long version, const char *payload,
    const char *path, char *out, size_t n, struct mc_err *err);

/* Our version vector as JSON (malloc'd). */
char *sync_vector(sqlite3 *db, struct mc_err *err);

/* Known stations: id, unit, number, what each is known to hold (vector
 * JSON, NULL if never heard of), when we last heard from it (ISO or NULL),
 * whether it is this station. */
struct sync_peer {
	char id[40];
	char unit[32];
	int number;
	bool self;
	long long events;		/* events of that station we hold */
	char heard[32];
	char *vector;			/* malloc'd JSON or NULL */
};
int sync_peers(sqlite3 *db, int (*fn)(const struct sync_peer *, void *), void *arg,
    struct mc_err *err);

/* Make a copy of a database (a backup, another PC's file) into a new
 * database at `dest` with a new station identity and number, so the copy
 * never speaks as the original. */
int sync_init_from_copy(const char *src, const char *dest, int station,
    struct mc_err *err);

#endif
