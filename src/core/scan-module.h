/* scan-module.h — the boundary between the core and motcua-scan.so, the
 * loadable module that holds every call to SANE, libjpeg and cairo made
 * for scanning (scan.c, scan-page.c, scan-pdf.c).
 *
 * The program does not link those libraries: libsane alone pulls libxml2,
 * ICU, libstdc++, libusb and libudev, and loading them costs more than the
 * rest of the program's start, while most sessions scan nothing.
 * scan-load.c opens the module with module_open (module.h) on the first
 * scan_devices, scan_document or scan_pdf_make, and keeps it for the life
 * of the process; scan-child.c runs its SANE calls in a child process.  Internal: the module and the loader include this
 * header, nothing else does. */
#ifndef MOTCUA_SCAN_MODULE_H
#define MOTCUA_SCAN_MODULE_H

#include <stddef.h>

#include "motcua/scan.h"

/* Raised whenever struct scan_module, struct scan_device, struct
 * scan_request, struct scan_page or struct mc_err change: the loader
 * refuses a module built against another layout (an older motcua-scan.so
 * left in $(pkglibdir), say). */
#define SCAN_MODULE_ABI 2

/* The file's name: $(pkglibdir)/motcua-scan.so once installed, beside the
 * program (src/) in a build tree. */
#define SCAN_MODULE_FILE "motcua-scan.so"

/* How the module hands a scan's outcome over (struct scan_module). */
typedef void (*scan_done_fn)(void *arg, int rc, const struct scan_page *pages, size_t n,
    const struct mc_err *err);

/* The one symbol the module exports, named SCAN_MODULE_SYMBOL. */
struct scan_module {
	int abi;	/* SCAN_MODULE_ABI; first, as module.h requires */
	/* scan_devices' contract (scan.h) */
	int (*devices)(struct scan_device **out, size_t *n, struct mc_err *err);
	/* The pages of a document, scanned as req says.  done(arg, rc, pages,
	 * n, err) is called exactly once, as soon as the outcome is known and
	 * before the SANE session is shut down: rc is the number of pages n,
	 * -1 with err set, or SCAN_CANCELLED; the pages live only during the
	 * call.  Returns rc.  The core runs this in a child process
	 * (scan-child.c), which hands the pages over from done() and may be
	 * killed once it has: SANE's shutting down can hang in a backend,
	 * and must not hold the counter's program.  The module touches no
	 * file of the program. */
	int (*pages)(const struct scan_request *req, scan_done_fn done, void *arg,
	    struct mc_err *err);
	/* scan_pdf_make's */
	int (*pdf_make)(const struct scan_page *pages, size_t n, unsigned char **out,
	    size_t *out_len, struct mc_err *err);
};
#define SCAN_MODULE_SYMBOL "motcua_scan_module"

#endif
