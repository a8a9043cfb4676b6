/* attach-store.c — where the files to attach may come from, and where they
 * are kept (attach.h): the rule for a path a person names, and the
 * content-addressed folder beside the database, written so that a file is
 * either wholly there under its name or not at all. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "attach-int.h"
#include "motcua/attach.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/setting.h"

size_t
attach_max_bytes(sqlite3 *db)
{
	char v[16];
	long mb = 20;

	if (setting_get(db, "attach_max_mb", v, sizeof v) == 0 && atol(v) > 0)
		mb = atol(v);
	return (size_t)mb * 1024 * 1024;
}

int
attach_roots_check(const char *value, struct mc_err *err)
{
	const char *p = value;

	while (*p != '\0') {
		size_t len = strcspn(p, ":");

		if (len == 0 || p[0] != '/' || len >= PATH_MAX)
			return err_set(err, MC_EINVAL, _("each folder of attach_roots is an "
			    "absolute path (/srv/scans), separated by ':'"));
		p += len;
		if (*p == ':')
			p++;
	}
	return 0;
}

/* Is `path` (resolved) `root` itself or inside it? */
static bool
under(const char *path, const char *root)
{
	size_t n = strlen(root);

	while (n > 1 && root[n - 1] == '/')
		n--;
	if (n == 1 && root[0] == '/')
		return true;
	return strncmp(path, root, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* Is `path` (resolved) under the folder `root` once that is resolved too
 * (a root that does not exist holds nothing)? */
static bool
under_resolved(const char *path, const char *root, size_t len)
{
	char want[PATH_MAX], real[PATH_MAX];

	if (len == 0 || len >= sizeof want || root[0] != '/')
		return false;
	memcpy(want, root, len);
	want[len] = '\0';
	if (realpath(want, real) == NULL)
		return false;
	return under(path, real);
}

/* Why the rule: a file attached is kept with the dossier, carried to the
 * other stations and the province in bundles, and shown to whoever reads
 * the dossier.  A path is typed (or a script passes one), so a mistake or
 * a malicious one could make the program copy into the record a file the
 * officer never meant to file — the system's own (/etc/passwd), another
 * process's (/proc), a device that never ends (/dev/zero) or a FIFO that
 * blocks.  So only the user's own files (under $HOME), removable media
 * and the folders a supervisor lists in attach_roots are taken, and only
 * regular files; the path is judged after realpath has resolved every
 * symbolic link, so a link in $HOME to /etc/passwd is judged as
 * /etc/passwd. */
static bool
allowed(sqlite3 *db, const char *real)
{
	static const char *const media[] = {"/media", "/mnt", "/run/media"};
	static const char *const never[] = {"/proc", "/sys", "/dev"};
	const char *home = getenv("HOME");
	char roots[1024];

	for (size_t i = 0; i < sizeof never / sizeof never[0]; i++)
		if (under(real, never[i]))
			return false;
	if (home != NULL && home[0] == '/' && strcmp(home, "/") != 0 &&
	    under_resolved(real, home, strlen(home)))
		return true;
	for (size_t i = 0; i < sizeof media / sizeof media[0]; i++)
		if (under_resolved(real, media[i], strlen(media[i])))
			return true;
	if (setting_get(db, "attach_roots", roots, sizeof roots) == 0)
		for (const char *p = roots; *p != '\0';) {
			size_t len = strcspn(p, ":");

			if (under_resolved(real, p, len))
				return true;
			p += len;
			if (*p == ':')
				p++;
		}
	return false;
}

int
attach_read_fd(int fd, size_t max, uint8_t **buf, size_t *n, struct mc_err *err)
{
	size_t cap = 64 * 1024, len = 0;
	uint8_t *b = malloc(cap);

	if (b == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	for (;;) {
		ssize_t got;

		if (len == cap) {
			uint8_t *nb;

			/* one byte beyond the limit is enough to know it is over */
			if (cap > max) {
				free(b);
				return err_set(err, MC_EINVAL, _("the file is larger than %zu MB, "
				    "the most a file kept with a dossier may be (the setting "
				    "attach_max_mb): scan it at a lower resolution or in parts"),
				    max / (1024 * 1024));
			}
			cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			if ((nb = realloc(b, cap)) == NULL) {
				free(b);
				return err_set(err, MC_ENOMEM, _("out of memory"));
			}
			b = nb;
		}
		got = read(fd, b + len, cap - len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			free(b);
			return err_set(err, MC_EIO, _("the file cannot be read (%s)"),
			    strerror(errno));
		}
		if (got == 0)
			break;
		len += (size_t)got;
	}
	if (len > max) {
		free(b);
		return err_set(err, MC_EINVAL, _("the file is larger than %zu MB, the most a "
		    "file kept with a dossier may be (the setting attach_max_mb): scan it "
		    "at a lower resolution or in parts"), max / (1024 * 1024));
	}
	*buf = b;
	*n = len;
	return 0;
}

int
attach_read_path(sqlite3 *db, const char *path, size_t max, uint8_t **buf, size_t *n,
    char *base, size_t n_base, struct mc_err *err)
{
	char real[PATH_MAX];
	const char *slash = strrchr(path, '/');
	struct stat sb;
	int fd, rc;

	snprintf(base, n_base, "%s", slash != NULL ? slash + 1 : path);
	if (realpath(path, real) == NULL)
		return err_set(err, errno == ENOENT ? MC_ENOTFOUND : MC_EIO,
		    _("cannot open %s (%s): check the file's name"), path, strerror(errno));
	if (!allowed(db, real))
		return err_set(err, MC_EINVAL, _("%s is outside the user's files (it is "
		    "%s): attach only files under your home folder, on removable media, "
		    "or in a folder a supervisor lists in the setting attach_roots"),
		    path, real);
	/* not following a link the resolution did not see, and never waiting
	 * on a FIFO put there since */
	if ((fd = open(real, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)) < 0)
		return err_set(err, MC_EIO, _("cannot open %s (%s): check the file's name"),
		    path, strerror(errno));
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return err_set(err, MC_EINVAL, _("%s is not an ordinary file (a folder, a "
		    "device or a pipe): attach a PDF, JPEG, PNG or TIFF file"), path);
	}
	if ((unsigned long long)sb.st_size > max) {
		close(fd);
		return err_set(err, MC_EINVAL, _("the file is larger than %zu MB, the most a "
		    "file kept with a dossier may be (the setting attach_max_mb): scan it "
		    "at a lower resolution or in parts"), max / (1024 * 1024));
	}
	rc = attach_read_fd(fd, max, buf, n, err);
	close(fd);
	return rc;
}

/* ---- the store ------------------------------------------------------------ */

bool
attach_sha_ok(const char *sha)
{
	size_t i;

	for (i = 0; sha[i] != '\0'; i++)
		if (!((sha[i] >= '0' && sha[i] <= '9') || (sha[i] >= 'a' && sha[i] <= 'f')))
			return false;
	return i == 64;
}

int
attach_store_dir(sqlite3 *db, char *buf, size_t n, struct mc_err *err)
{
	const char *file = sqlite3_db_filename(db, "main");
	const char *slash;

	if (file == NULL || file[0] == '\0')
		return err_set(err, MC_EINVAL, _("this database is not a file: it has no "
		    "folder to keep files in"));
	slash = strrchr(file, '/');
	if (slash == NULL) {
		if ((size_t)snprintf(buf, n, "files") >= n)
			return err_set(err, MC_EINVAL, _("the database's folder has too long a "
			    "name"));
	} else if ((size_t)snprintf(buf, n, "%.*s/files", (int)(slash - file), file) >= n)
		return err_set(err, MC_EINVAL, _("the database's folder has too long a name"));
	return 0;
}

int
attach_store_path(sqlite3 *db, const char *sha256, enum attach_type t, char *buf,
    size_t n, struct mc_err *err)
{
	char dir[PATH_MAX];

	if (!attach_sha_ok(sha256))
		return err_set(err, MC_EINVAL, _("'%s' is not a SHA-256 hash"), sha256);
	if (attach_store_dir(db, dir, sizeof dir, err))
		return -1;
	if ((size_t)snprintf(buf, n, "%s/%.2s/%s.%s", dir, sha256, sha256,
	    attach_type_ext(t)) >= n)
		return err_set(err, MC_EINVAL, _("the database's folder has too long a name"));
	return 0;
}

/* The folder dir exists (made 0700 if not, and its parent synced so the
 * new entry lasts); -1 with err. */
static int
folder(const char *dir, struct mc_err *err)
{
	struct stat sb;

	if (mkdir(dir, 0700) == 0) {
		char parent[PATH_MAX];
		const char *slash = strrchr(dir, '/');

		snprintf(parent, sizeof parent, "%.*s", slash != NULL && slash != dir ?
		    (int)(slash - dir) : 1, slash != NULL ? dir : ".");
		return attach_sync_dir(parent, err);
	}
	if (errno == EEXIST && lstat(dir, &sb) == 0 && S_ISDIR(sb.st_mode))
		return 0;
	return err_set(err, MC_EIO, _("cannot make the folder %s (%s): check the disk "
	    "and the folder's permissions"), dir, strerror(errno));
}

int
attach_sync_dir(const char *dir, struct mc_err *err)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0 || fsync(fd) != 0) {
		int e = errno;

		if (fd >= 0)
			close(fd);
		return err_set(err, MC_EIO, _("cannot write to the folder %s (%s): check the "
		    "disk"), dir, strerror(e));
	}
	close(fd);
	return 0;
}

int
attach_write_file(const char *dir, const char *path, const uint8_t *buf, size_t n,
    struct mc_err *err)
{
	char tmp[PATH_MAX];
	size_t done = 0;
	int fd;

	if ((size_t)snprintf(tmp, sizeof tmp, "%s/.new-XXXXXX", dir) >= sizeof tmp)
		return err_set(err, MC_EINVAL, _("the database's folder has too long a name"));
	/* mkstemp makes it 0600 */
	if ((fd = mkstemp(tmp)) < 0)
		return err_set(err, MC_EIO, _("cannot write in %s (%s): check the disk and "
		    "the folder's permissions"), dir, strerror(errno));
	while (done < n) {
		ssize_t w = write(fd, buf + done, n - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	if (done < n || fsync(fd) != 0 || fchmod(fd, 0600) != 0) {
		int e = errno;

		close(fd);
		unlink(tmp);
		return err_set(err, MC_EIO, _("cannot write in %s (%s): check the disk"),
		    dir, strerror(e));
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		int e = errno;

		unlink(tmp);
		return err_set(err, MC_EIO, _("cannot write in %s (%s): check the disk"),
		    dir, strerror(e));
	}
	return attach_sync_dir(dir, err);
}

int
attach_store_put(sqlite3 *db, const char *sha256, enum attach_type t, const uint8_t *buf,
    size_t n, bool *stored, struct mc_err *err)
{
	char top[PATH_MAX], sub[PATH_MAX], path[PATH_MAX], have[MC_HASH_LEN];

	*stored = false;
	if (attach_store_dir(db, top, sizeof top, err) ||
	    attach_store_path(db, sha256, t, path, sizeof path, err))
		return -1;
	if ((size_t)snprintf(sub, sizeof sub, "%s/%.2s", top, sha256) >= sizeof sub)
		return err_set(err, MC_EINVAL, _("the database's folder has too long a name"));
	if (folder(top, err) || folder(sub, err))
		return -1;
	/* the same content is kept once; a file there whose content was
	 * altered is put right */
	if (attach_hash_file(path, have, NULL) == 0 && strcmp(have, sha256) == 0)
		return 0;
	if (attach_write_file(sub, path, buf, n, err))
		return -1;
	*stored = true;
	return 0;
}

int
attach_held(sqlite3 *db, const char *sha256, enum attach_type t, long long bytes)
{
	char path[PATH_MAX];
	sqlite3_stmt *st;
	struct stat sb;
	int held = 0;

	if (!attach_sha_ok(sha256))
		return 0;
	if (db_cached(db, "SELECT length(data) FROM file_blob WHERE sha256 = ?1", &st,
	    NULL) == 0) {
		sqlite3_bind_text(st, 1, sha256, -1, SQLITE_STATIC);
		held = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) == bytes;
		db_release(db, st);
		if (held)
			return 1;
	}
	if (attach_store_path(db, sha256, t, path, sizeof path, NULL) != 0)
		return 0;
	return lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) && (long long)sb.st_size == bytes;
}

/* ---- the store, as a stream ------------------------------------------------ */

int
attach_put_begin(sqlite3 *db, const char *sha256, enum attach_type t, struct attach_put *p,
    struct mc_err *err)
{
	char top[PATH_MAX];

	memset(p, 0, sizeof *p);
	p->fd = -1;
	if (attach_store_dir(db, top, sizeof top, err) ||
	    attach_store_path(db, sha256, t, p->path, sizeof p->path, err))
		return -1;
	if ((size_t)snprintf(p->dir, sizeof p->dir, "%s/%.2s", top, sha256) >= sizeof p->dir ||
	    (size_t)snprintf(p->tmp, sizeof p->tmp, "%s/.new-XXXXXX", p->dir) >= sizeof p->tmp)
		return err_set(err, MC_EINVAL, _("the database's folder has too long a name"));
	if (folder(top, err) || folder(p->dir, err))
		return -1;
	/* mkstemp makes it 0600 */
	if ((p->fd = mkstemp(p->tmp)) < 0) {
		p->tmp[0] = '\0';
		return err_set(err, MC_EIO, _("cannot write in %s (%s): check the disk and "
		    "the folder's permissions"), p->dir, strerror(errno));
	}
	crypto_hash_sha256_init(&p->h);
	return 0;
}

int
attach_put_write(struct attach_put *p, const void *buf, size_t n, struct mc_err *err)
{
	const uint8_t *b = buf;
	size_t done = 0;

	crypto_hash_sha256_update(&p->h, b, (unsigned long long)n);
	while (done < n) {
		ssize_t w = write(p->fd, b + done, n - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return err_set(err, MC_EIO, _("cannot write in %s (%s): check the disk"),
			    p->dir, w < 0 ? strerror(errno) : _("nothing written"));
		done += (size_t)w;
	}
	return 0;
}

void
attach_put_abort(struct attach_put *p)
{
	if (p->fd >= 0)
		close(p->fd);
	p->fd = -1;
	if (p->tmp[0] != '\0')
		(void)unlink(p->tmp);
	p->tmp[0] = '\0';
}

int
attach_put_end(struct attach_put *p, const char *sha256, struct mc_err *err)
{
	unsigned char d[crypto_hash_sha256_BYTES];
	char hex[MC_HASH_LEN];
	struct stat sb;
	int fd = p->fd;

	crypto_hash_sha256_final(&p->h, d);
	sodium_bin2hex(hex, sizeof hex, d, sizeof d);
	if (strcmp(hex, sha256) != 0) {
		attach_put_abort(p);
		return 0;
	}
	p->fd = -1;
	if (fsync(fd) != 0 || fchmod(fd, 0600) != 0) {
		int e = errno;

		close(fd);
		attach_put_abort(p);
		return err_set(err, MC_EIO, _("cannot write in %s (%s): check the disk"),
		    p->dir, strerror(e));
	}
	/* new in the store, or put over a file there (an altered one) */
	p->fresh = lstat(p->path, &sb) != 0 && errno == ENOENT;
	if (close(fd) != 0 || rename(p->tmp, p->path) != 0) {
		int e = errno;

		attach_put_abort(p);
		return err_set(err, MC_EIO, _("cannot write in %s (%s): check the disk"),
		    p->dir, strerror(e));
	}
	p->tmp[0] = '\0';
	return attach_sync_dir(p->dir, err) ? -1 : 1;
}
