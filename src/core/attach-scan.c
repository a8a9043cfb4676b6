/* attach-scan.c — a document scanned straight into a dossier (attach.h's
 * attach_scan): the scanner's settings (scan.h), the device if one is
 * named, one scan into a private temporary beside the files store, then
 * that file attached with the source "scan" like any other, and the
 * temporary removed.  A scanner that fails leaves the dossier as it was.
 * attach_scan_buf is the same scan for a dossier not yet recorded (F2's
 * checklist): the pages come back in memory, to be attached with
 * attach_add_buf once the receipt is in. */
#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "motcua/attach.h"
#include "motcua/i18n.h"
#include "motcua/scan.h"

/* One scan as the settings (and sc, when not NULL) say into a temporary
 * in the files folder; its path into tmp.  The number of pages, or -1
 * with err (nothing left behind). */
static int
scan_to_temp(sqlite3 *db, const struct attach_scanner *sc, char *tmp, size_t n,
    struct mc_err *err)
{
	const char *device = sc != NULL ? sc->device : NULL;
	struct scan_request sr;
	char dir[4096];

	if (scan_request_from_settings(db, &sr, err) != 0 ||
	    attach_store_dir(db, dir, sizeof dir, err) != 0)
		return -1;
	if (device != NULL) {
		if (strlen(device) >= sizeof sr.device)
			return err_set(err, MC_EINVAL, _("'%s' is not a scanner's name: SANE "
			    "names one like test:0 or genesys:libusb:001:004 (see motcua "
			    "setting list, scan_device)"), device);
		snprintf(sr.device, sizeof sr.device, "%s", device);
	}
	if (sc != NULL) {
		sr.cancel = sc->cancel;
		sr.arg = sc->arg;
	}
	/* the temporary lives where the file will be kept (the same disk)
	 * and goes whatever happens: the store keeps its own copy */
	if (access(dir, F_OK) != 0 && mkdir(dir, 0700) != 0)
		return err_set(err, MC_EIO, _("cannot make the files folder %s: check the "
		    "folder of the database"), dir);
	if ((size_t)snprintf(tmp, n, "%s/.scan-%ld.pdf", dir, (long)getpid()) >= n)
		return err_set(err, MC_EINVAL, _("the path %s is too long"), dir);
	return scan_document(&sr, tmp, err) < 0 ? -1 : 0;
}

int
attach_scan(sqlite3 *db, const struct attach_req *r, const struct attach_scanner *sc,
    struct attach_out *out, struct mc_err *err)
{
	struct attach_req scanned = *r;
	char tmp[4096 + 64];
	int fd, rc;

	scanned.source = ATTACH_SOURCE_SCAN;
	scanned.name = NULL;
	if (scan_to_temp(db, sc, tmp, sizeof tmp, err) != 0)
		return -1;
	if ((fd = open(tmp, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		(void)unlink(tmp);
		return err_set(err, MC_EIO, _("the scanned pages could not be read back from "
		    "%s: try again"), tmp);
	}
	rc = attach_add_fd(db, &scanned, fd, out, err);
	(void)close(fd);
	(void)unlink(tmp);
	return rc;
}

int
attach_scan_buf(sqlite3 *db, const struct attach_scanner *sc, uint8_t **buf, size_t *n,
    int *pages,
    struct mc_err *err)
{
	char tmp[4096 + 64];
	enum attach_type t;
	struct stat sb;
	size_t got = 0;
	uint8_t *b = NULL;
	int fd;

	*buf = NULL;
	*n = 0;
	*pages = 0;
	if (scan_to_temp(db, sc, tmp, sizeof tmp, err) != 0)
		return -1;
	fd = open(tmp, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	(void)unlink(tmp);	/* the open file is all we need now */
	if (fd < 0 || fstat(fd, &sb) != 0 || sb.st_size <= 0) {
		if (fd >= 0)
			(void)close(fd);
		return err_set(err, MC_EIO, _("the scanned pages could not be read back from "
		    "%s: try again"), tmp);
	}
	if ((size_t)sb.st_size > attach_max_bytes(db)) {
		(void)close(fd);
		return err_set(err, MC_EINVAL, _("the scanned pages are larger than the "
		    "setting attach_max_mb allows: scan fewer pages at a time or at a lower "
		    "resolution"));
	}
	if ((b = malloc((size_t)sb.st_size)) == NULL) {
		(void)close(fd);
		return err_set(err, MC_ENOMEM, _("out of memory"));
	}
	while (got < (size_t)sb.st_size) {
		ssize_t r = read(fd, b + got, (size_t)sb.st_size - got);

		if (r <= 0)
			break;
		got += (size_t)r;
	}
	(void)close(fd);
	/* checked now as attach_add_buf will check it, so the page count
	 * shown is the file's own */
	if (got != (size_t)sb.st_size) {
		free(b);
		return err_set(err, MC_EIO, _("the scanned pages could not be read back from "
		    "%s: try again"), tmp);
	}
	if (attach_detect(b, got, &t, pages, err) != 0) {
		free(b);
		return -1;
	}
	*buf = b;
	*n = got;
	return 0;
}
