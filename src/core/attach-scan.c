/* attach-scan.c — a document scanned straight into a dossier (attach.h's
 * attach_scan): the scanner's settings (scan.h), the device if one is
 * named, one scan into a private temporary beside the files store, then
 * that file attached with the source "scan" like any other, and the
 * temporary removed.  A scanner that fails leaves the dossier as it was. */
#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "motcua/attach.h"
#include "motcua/i18n.h"
#include "motcua/scan.h"

int
attach_scan(sqlite3 *db, const struct attach_req *r, const char *device,
    struct attach_out *out, struct mc_err *err)
{
	struct attach_req scanned = *r;
	struct scan_request sr;
	char dir[4096], tmp[4096 + 64];
	int fd, rc;

	scanned.source = ATTACH_SOURCE_SCAN;
	scanned.name = NULL;
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
	/* the temporary lives where the file will be kept (the same disk)
	 * and goes whatever happens: the store keeps its own copy */
	if (access(dir, F_OK) != 0 && mkdir(dir, 0700) != 0)
		return err_set(err, MC_EIO, _("cannot make the files folder %s: check the "
		    "folder of the database"), dir);
	if ((size_t)snprintf(tmp, sizeof tmp, "%s/.scan-%ld.pdf", dir, (long)getpid()) >=
	    sizeof tmp)
		return err_set(err, MC_EINVAL, _("the path %s is too long"), dir);
	if ((rc = scan_document(&sr, tmp, err)) < 0)
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
