/* scan-child.h — the scan module's calls run in a child process
 * (scan-child.c), for scan-load.c.  Internal to the core. */
#ifndef MOTCUA_SCAN_CHILD_H
#define MOTCUA_SCAN_CHILD_H

#include <stddef.h>

#include "motcua/error.h"
#include "motcua/scan.h"
#include "scan-module.h"

/* mod->pages in a child; the pages made into one PDF here (*pdf,
 * *pdf_len, malloc'd) through mod->pdf_make.  scan_document's returns
 * (scan.h). */
int scan_child_document(const struct scan_module *mod, const struct scan_request *req,
    unsigned char **pdf, size_t *pdf_len, struct mc_err *err);

/* mod->devices in a child; scan_devices' contract (scan.h). */
int scan_child_devices(const struct scan_module *mod, struct scan_device **out,
    size_t *n, struct mc_err *err);

#endif
