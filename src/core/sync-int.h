/* sync-int.h — what sync.c, sync-bundle.c and sync-import.c share. */
#ifndef MOTCUA_SYNC_INT_H
#define MOTCUA_SYNC_INT_H

#include <stdbool.h>

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

/* ---- an import's signatures, checked on a second core (sync-verify.c) ----- */

#include "motcua/key.h"

struct sync_sigs;

/* A worker for the checks (NULL when memory runs out). */
struct sync_sigs *sync_sigs_start(void);
/* An event's signature to check: its origin and number name it, `order`
 * is its place in the bundle (the first failing one is the one kept). */
void sync_sigs_add(struct sync_sigs *s, const char *pub, enum key_domain d,
    const char *text, const char *sig, const char *origin, long long seq,
    long long order);
/* Every check given so far done: true if all held, else false with the
 * first failing event's origin, number and order.  Safe to call again. */
bool sync_sigs_wait(struct sync_sigs *s, char origin[MC_UUID_LEN], long long *seq,
    long long *order);
void sync_sigs_free(struct sync_sigs *s);

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
	struct sync_files *files;	/* the files to carry (sync-files.c), or NULL */
};

/* ---- the files a bundle carries (sync-files.c) ----------------------------- */

struct sync_file {
	char sha256[MC_HASH_LEN];
	int type;			/* enum attach_type */
	long long bytes;
};
struct sync_files {
	struct sync_file *v;
	size_t n, cap;
	long long absent, altered;	/* named, not held / not carried as altered */
	long long carried;
};

/* The files an export carries: those of the file_added events after the
 * vector `known` (JSON), and with `since` (YYYY-MM-DD, or NULL) those
 * recorded from that day on; those not held here counted in absent.
 * 0, or -1 with err (f freed by sync_files_free either way). */
int sync_files_list(sqlite3 *db, const char *known, const char *since,
    struct sync_files *f, struct mc_err *err);
void sync_files_free(struct sync_files *f);

/* The files an export made --without-files leaves owed.  The sender
 * keeps, per peer (meta `files_owed:<station id>`), the first day of the
 * files the peer got events of but not bodies; its next export to that
 * peer with files carries the files from that day on (as --files-since
 * would) and the debt is cleared.  An export for no peer (every event)
 * leaves the debt with every peer known.  sync_files_owe: after such an
 * export written (in the caller's transaction); sync_files_owed: the day
 * owed to peer_id into since ("" and 0 when none, else 1);
 * sync_files_paid: after an export to peer_id with files. */
int sync_files_owe(sqlite3 *db, const char *peer_id, const char *known,
    struct mc_err *err);
int sync_files_owed(sqlite3 *db, const char *peer_id, char *since, size_t n);
int sync_files_paid(sqlite3 *db, const char *peer_id, struct mc_err *err);
/* The file table of a bundle being written. */
extern const char sync_file_table_sql[];
/* Write f's files into the bundle b (its file table made), streaming
 * each, and feed the content hash with those carried (an altered one is
 * left out and counted).  0, or -1 with err. */
int sync_files_write(sqlite3 *db, sqlite3 *b, struct sync_files *f, struct sync_hash *h,
    struct mc_err *err);

int sync_self_header(sqlite3 *db, struct sync_header *hd, struct mc_err *err);
/* Write header and the rows of `events` (9 event columns, or NULL). */
int sync_write_bundle(sqlite3 *db, const char *path, const struct sync_header *hd,
    sqlite3_stmt *events, long long *count, sync_progress_fn progress, void *arg,
    struct mc_err *err);

/* ---- a bundle being read (sync-bundle.c) ---------------------------------- */

/* The header keys a bundle may have, in key order (the content hash takes
 * them in this order). */
extern const char *const sync_header_keys[15];
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
	bool has_files;			/* it has a file table (format 2.1) */
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
/* Feed the content hash with the bundle's files ("file SHA SIZE\n" in
 * sha256 order), checking each row's shape (a sha256, a size above 0
 * that is its body's length).  0, or -1 with err. */
int sync_bundle_hash_files(const struct bundle *bd, struct sync_hash *h,
    struct mc_err *err);
/* Take in the bundle's files (inside the import's transaction, its
 * events projected): each named by a file_added event held here now, of
 * the size they record, its bytes hashing to its sha256, kept in the
 * store (or file_blob, setting attach_blobs); then count in r the files
 * the bundle's events name that are still not held.  The names of the
 * files it put in the store go into *placed (malloc'd, n_placed), for
 * the caller to remove if the transaction is rolled back
 * (sync_files_unplace).  0, or -1 with err (the whole bundle refused). */
int sync_files_take(sqlite3 *db, struct bundle *bd, struct sync_report *r,
    char ***placed, size_t *n_placed, struct mc_err *err);
void sync_files_unplace(char **placed, size_t n, bool remove);
/* Re-project each dossier with events after rowid `base` once (the
 * import's transaction; sync-project.c), counting them in r; `path`
 * names the bundle in a conflict's message.  0, or -1 with err. */
int sync_project_touched(sqlite3 *db, const char *path, long long base,
    struct sync_report *r, struct mc_err *err);

#endif
