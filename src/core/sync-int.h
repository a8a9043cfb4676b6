/* sync-int.h — what sync.c and sync-import.c share. */
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

#endif
