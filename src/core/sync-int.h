/* sync-int.h — what sync.c, sync-bundle.c and sync-import.c share. */
#ifndef MOTCUA_SYNC_INT_H
#define MOTCUA_SYNC_INT_H

#include <sodium.h>
#include <sqlite3.h>

#include "motcua/date.h"
#include "motcua/event.h"
#include "motcua/sync.h"

struct sync_hash {
	crypto_hash_sha256_state st;
};

void sync_hash_init(struct sync_hash *h);
void sync_hash_text(struct sync_hash *h, const char *s);
void sync_hash_header(struct sync_hash *h, const char *key, const char *value);
void sync_hash_event(struct sync_hash *h, const char *origin, long long seq,
    const char *hash);
void sync_hash_final(struct sync_hash *h, char out[MC_HASH_LEN]);

/* The header values a bundle is written with (NULL = absent). */
struct sync_header {
	const char *kind;
	char sender[MC_UUID_LEN];
	char sender_unit[32];
	char sender_number[8];
	char created[MC_ISO_LEN];
	const char *vector;
	const char *version;
	const char *payload;
};

int sync_self_header(sqlite3 *db, struct sync_header *hd, struct mc_err *err);
/* Write header and the rows of `events` (9 event columns, or NULL). */
int sync_write_bundle(sqlite3 *db, const char *path, const struct sync_header *hd,
    sqlite3_stmt *events, long long *count, sync_progress_fn progress, void *arg,
    struct mc_err *err);

/* ---- a bundle being read (sync-bundle.c) ---------------------------------- */

/* The header keys a bundle may have, in key order (the content hash takes
 * them in this order). */
extern const char *const sync_header_keys[14];
#define NKEYS (sizeof sync_header_keys / sizeof sync_header_keys[0])

struct syncrule_ctx;

struct bundle {
	sqlite3 *b;
	const char *path;
	char *val[NKEYS];	/* by sync_header_keys index; NULL if absent */
	/* a clone alarm found (alarm_seq > 0): recorded after the rollback */
	char alarm_origin[MC_UUID_LEN];
	long long alarm_seq;
	char alarm_held[MC_HASH_LEN], alarm_other[MC_HASH_LEN];
	char *alarm_event;
	struct syncrule_ctx *rules;	/* [syncrule] from syncrule_header */
};

/* Open the bundle file at path (read-only, immutable, defensive: a file
 * from a stick is hostile until proven otherwise) after checking that it
 * is a whole SQLite file with exactly a bundle's two tables, and read its
 * header: every key known, none twice, the required ones present, format
 * 2.  On failure err says why ("PATH was not imported: ...") and
 * sync_bundle_close still frees what was opened. */
int sync_bundle_open(struct bundle *bd, const char *path, struct mc_err *err);
void sync_bundle_close(struct bundle *bd);
/* A header value, or NULL when absent. */
const char *sync_bundle_value(const struct bundle *bd, const char *key);
/* err: "PATH was not imported: WHY; nothing was changed".  -1. */
int sync_bundle_bad(const struct bundle *bd, struct mc_err *err, const char *why);
/* Feed the header to the content hash (all but the hash and signature). */
void sync_bundle_hash_header(const struct bundle *bd, struct sync_hash *h);
/* Re-project each dossier with events after rowid `base` once (the
 * import's transaction; sync-project.c), counting them in r; `path`
 * names the bundle in a conflict's message.  0, or -1 with err. */
int sync_project_touched(sqlite3 *db, const char *path, long long base,
    struct sync_report *r, struct mc_err *err);

#endif
