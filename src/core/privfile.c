/* privfile.c — private files: created 0600, written whole, and the
 * leftovers of interrupted exports swept away (privfile.h). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "motcua/i18n.h"
#include "motcua/privfile.h"

int
privfile_new(const char *path)
{
	/* open's mode is only ever narrowed by the umask: 0600 stays 0600 */
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);

	if (fd < 0)
		return -1;
	return close(fd);
}

static int
cannot(const char *path, int e, struct mc_err *err)
{
	return err_set(err, MC_EIO, _("cannot write %s: %s"), path, strerror(e));
}

int
privfile_begin(struct privfile *pf, const char *path, struct mc_err *err)
{
	const char *slash = strrchr(path, '/');
	struct stat sb;

	memset(pf, 0, sizeof *pf);
	pf->fd = -1;
	if (strlen(path) >= sizeof pf->path)
		return cannot(path, ENAMETOOLONG, err);
	snprintf(pf->path, sizeof pf->path, "%s", path);
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		if ((pf->fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)) < 0)
			return cannot(path, errno, err);
		pf->in_place = 1;
		return pf->fd;
	}
	if (slash != NULL)
		snprintf(pf->tmp, sizeof pf->tmp, "%.*s/.%s.XXXXXX", (int)(slash - path),
		    path, slash + 1);
	else
		snprintf(pf->tmp, sizeof pf->tmp, ".%s.XXXXXX", path);
	/* mkstemp creates its file 0600 (POSIX.1-2008), whatever the umask */
	if ((pf->fd = mkstemp(pf->tmp)) < 0) {
		pf->tmp[0] = '\0';
		return cannot(path, errno, err);
	}
	return pf->fd;
}

int
privfile_commit(struct privfile *pf, struct mc_err *err)
{
	int fd = pf->fd, e;

	pf->fd = -1;
	if (pf->in_place) {
		if (close(fd) != 0)
			return cannot(pf->path, errno, err);
		return 0;
	}
	if (fsync(fd) != 0) {
		e = errno;
		close(fd);
		privfile_abort(pf);
		return cannot(pf->path, e, err);
	}
	if (close(fd) != 0) {
		e = errno;
		privfile_abort(pf);
		return cannot(pf->path, e, err);
	}
	if (rename(pf->tmp, pf->path) != 0) {
		e = errno;
		privfile_abort(pf);
		return cannot(pf->path, e, err);
	}
	pf->tmp[0] = '\0';
	return 0;
}

void
privfile_abort(struct privfile *pf)
{
	if (pf->fd >= 0)
		close(pf->fd);
	pf->fd = -1;
	if (!pf->in_place && pf->tmp[0] != '\0')
		(void)unlink(pf->tmp);
	pf->tmp[0] = '\0';
}

int
privfile_flush(const char *path, bool folder)
{
	int fd = open(path, (folder ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
	int rc, e;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	e = errno;
	if (close(fd) != 0 && rc == 0)
		return -1;
	if (rc != 0 && folder && (e == EINVAL || e == ENOTSUP))
		return 0;
	errno = e;
	return rc;
}

int
privfile_write(const char *path, const void *data, size_t len, struct mc_err *err)
{
	struct privfile pf;
	const char *s = data;
	size_t done = 0;

	if (privfile_begin(&pf, path, err) < 0)
		return -1;
	while (done < len) {
		ssize_t w = write(pf.fd, s + done, len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			int e = w < 0 ? errno : EIO;

			privfile_abort(&pf);
			return cannot(path, e, err);
		}
		done += (size_t)w;
	}
	return privfile_commit(&pf, err);
}

/* ---- the leftovers of interrupted exports -------------------------------- */

static int
ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);

	return n > t && strcmp(s + n - t, tail) == 0;
}

/* Does some process hold a lock on the open file fd (SQLite locks the
 * bundle while a transaction writes it)? */
static int
locked(int fd)
{
	struct flock l;

	memset(&l, 0, sizeof l);
	l.l_type = F_WRLCK;
	l.l_whence = SEEK_SET;
	l.l_start = 0;
	l.l_len = 0;	/* the whole file, SQLite's lock bytes at 1 GiB included */
	if (fcntl(fd, F_GETLK, &l) != 0)
		return 1;	/* cannot tell: keep it */
	return l.l_type != F_UNLCK;
}

int
privfile_sweep(const char *dir, time_t now)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int removed = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		const char *n = e->d_name;
		struct stat sb;
		int fd, busy;

		if (n[0] != '.' || !(ends_with(n, ".motcua.tmp") ||
		    ends_with(n, ".motcua.tmp-journal")))
			continue;
		fd = openat(dirfd(d), n, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK |
		    O_NOCTTY);
		if (fd < 0)
			continue;
		busy = fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
		    sb.st_uid != geteuid() || sb.st_mtime > now - PRIVFILE_STALE ||
		    locked(fd);
		close(fd);
		if (!busy && unlinkat(dirfd(d), n, 0) == 0)
			removed++;
	}
	closedir(d);
	return removed;
}
