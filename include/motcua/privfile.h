/* privfile.h — files that hold personal data, born private.
 *
 * Bundles, slips and forms written with --out, report exports and every
 * temporary beside them hold citizens' names and ID numbers: they are
 * created 0600 (owner only) from the start, whatever the umask, never
 * made private afterwards with chmod.  A file written whole goes through
 * a temporary in the same folder and is renamed into place, so the name
 * given is either the old file or the whole new one, and a file that was
 * there keeps no wider mode. */
#ifndef MOTCUA_PRIVFILE_H
#define MOTCUA_PRIVFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "motcua/error.h"

/* Create `path` empty, 0600; it must not exist.  0, or -1 with errno. */
int privfile_new(const char *path);

/* A file being written: privfile_begin opens a 0600 temporary beside
 * `path` (".NAME.XXXXXX") and gives its descriptor; privfile_commit
 * flushes it to the disk and renames it to `path`; privfile_abort
 * removes it.  When `path` exists and is not a regular file (a device,
 * /dev/stdout) it is written in place: fd is the file itself and commit
 * only closes it.  -1 with err set ("cannot write PATH: why"). */
struct privfile {
	int fd;
	char path[4096], tmp[4096 + 16];
	int in_place;
};
int privfile_begin(struct privfile *pf, const char *path, struct mc_err *err);
int privfile_commit(struct privfile *pf, struct mc_err *err);
void privfile_abort(struct privfile *pf);

/* Flush a file (folder false) or a folder to the disk: 0, or -1 with
 * errno.  A folder of a file system that cannot flush folders (a FAT USB
 * stick says EINVAL) is not an error: its files were flushed. */
int privfile_flush(const char *path, bool folder);

/* The whole of data[len] into `path`, by the three calls above. */
int privfile_write(const char *path, const void *data, size_t len,
    struct mc_err *err);

/* Remove from `dir` what interrupted bundle exports left: files named
 * ".NAME.motcua.tmp" or ".NAME.motcua.tmp-journal" (the temporary of a
 * bundle motcua names itself, and SQLite's journal beside it), regular,
 * owned by this user, last written more than PRIVFILE_STALE seconds
 * before `now` and locked by no process (a live export holds SQLite's
 * lock while it writes).  Anything else is left alone.  Returns how many
 * were removed; failures to remove are not errors (the next export tries
 * again). */
#define PRIVFILE_STALE 60
int privfile_sweep(const char *dir, time_t now);

#endif
