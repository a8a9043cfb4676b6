/* attach-int.h — what the parts of the attachments module share
 * (attach.c, attach-store.c, and check.c's and sync-files.c's parts for
 * the files: the checks of the store, and the bundles that carry files). */
#ifndef MOTCUA_ATTACH_INT_H
#define MOTCUA_ATTACH_INT_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sodium.h>
#include <sqlite3.h>

#include "motcua/attach.h"
#include "motcua/error.h"

/* Everything from fd to its end, up to max bytes (more is refused).
 * *buf malloc'd. */
int attach_read_fd(int fd, size_t max, uint8_t **buf, size_t *n, struct mc_err *err);
/* 64 lowercase hex digits? (a hash from an event: a path is made of it) */
bool attach_sha_ok(const char *sha);
/* fsync a folder, so that a name made or renamed in it lasts. */
int attach_sync_dir(const char *dir, struct mc_err *err);
/* Write buf to path by a temporary file in dir (0600), fsync'd, renamed
 * over path, dir fsync'd. */
int attach_write_file(const char *dir, const char *path, const uint8_t *buf, size_t n,
    struct mc_err *err);
/* Keep buf in the store under its hash: *stored says whether it was
 * written now (false: the same content was there). */
int attach_store_put(sqlite3 *db, const char *sha256, enum attach_type t, const uint8_t *buf,
    size_t n, bool *stored, struct mc_err *err);
/* The SHA-256 (hex) of bytes, and of a file's content (read as a stream:
 * not following a symbolic link; -1 with err, which may be NULL, if it
 * cannot be read). */
void attach_hash_buf(const uint8_t *buf, size_t n, char hex[MC_HASH_LEN]);
int attach_hash_file(const char *path, char hex[MC_HASH_LEN], struct mc_err *err);
/* The type of this name ("pdf", …); -1 if none. */
int attach_type_parse(const char *name, enum attach_type *t);

/* Is the file of this hash held here, of `bytes` bytes (a row of
 * file_blob, or a regular file in the store)?  Its content is not read:
 * check_files judges that.  1 held, 0 not. */
int attach_held(sqlite3 *db, const char *sha256, enum attach_type t, long long bytes);

/* A file written into the store as a stream (a file a bundle carries:
 * never all in memory): begun under a temporary name in its folder
 * (0600), fed in pieces and hashed as it goes, then kept under its hash
 * only if it is that hash.  attach_put_end: 1 kept (p->fresh: its name
 * was new in the store), 0 its content is not `sha256` (nothing kept),
 * -1 with err.  attach_put_abort after a failure of begin or write (or
 * to give up) removes the temporary file. */
struct attach_put {
	int fd;
	bool fresh;
	char dir[PATH_MAX], tmp[PATH_MAX], path[PATH_MAX];
	crypto_hash_sha256_state h;
};
int attach_put_begin(sqlite3 *db, const char *sha256, enum attach_type t,
    struct attach_put *p, struct mc_err *err);
int attach_put_write(struct attach_put *p, const void *buf, size_t n, struct mc_err *err);
int attach_put_end(struct attach_put *p, const char *sha256, struct mc_err *err);
void attach_put_abort(struct attach_put *p);

#endif
