/* scan-load.c — the core's side of scan.h: scan_request_from_settings,
 * which needs no library but SQLite, and scan_devices, scan_document and
 * scan_pdf_make, which open the scan module (motcua-scan.so,
 * scan-module.h) on their first call and hand it the work.  A program
 * that scans nothing never loads SANE, libjpeg or cairo.
 *
 * module_open (module.h) finds and checks the module:
 * $MOTCUA_SCAN_MODULE, beside the program, then $(pkglibdir).  A module
 * that cannot be loaded is an error naming the file.  The module's SANE
 * calls run in a child process (scan-child.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "motcua/i18n.h"
#include "motcua/module.h"
#include "motcua/privfile.h"
#include "motcua/scan.h"
#include "motcua/setting.h"
#include "scan-child.h"
#include "scan-module.h"

/* A table of the right ABI with its functions set. */
static int
scan_module_complete(const void *table)
{
	const struct scan_module *m = table;

	return m->devices != NULL && m->pages != NULL && m->pdf_make != NULL;
}

/* The module, loaded once per process and never unloaded (SANE's dll
 * backend and the libraries under it keep state between sessions).  A
 * process-wide pointer rather than a context's member: the dynamic
 * loader's handle is process-wide itself.  The program scans from one
 * thread. */
static const struct scan_module *scan_loaded;

static const struct scan_module *
scan_module_get(struct mc_err *err)
{
	struct module_what what = {_("cannot scan"), _("the scan module"),
	    scan_module_complete};

	if (scan_loaded == NULL)
		scan_loaded = module_open(SCAN_MODULE_FILE, "MOTCUA_SCAN_MODULE",
		    SCAN_MODULE_SYMBOL, SCAN_MODULE_ABI, &what, err);
	return scan_loaded;
}

int
scan_devices(struct scan_device **out, size_t *n, struct mc_err *err)
{
	const struct scan_module *m;

	*out = NULL;
	*n = 0;
	if ((m = scan_module_get(err)) == NULL)
		return -1;
	return scan_child_devices(m, out, n, err);
}

int
scan_document(const struct scan_request *req, const char *path, struct mc_err *err)
{
	const struct scan_module *m;
	unsigned char *pdf = NULL;
	size_t pdf_len = 0;
	int rc;

	if ((m = scan_module_get(err)) == NULL)
		return -1;
	if ((rc = scan_child_document(m, req, &pdf, &pdf_len, err)) < 0)
		return rc;
	/* the whole PDF or nothing: through a temporary, renamed into place */
	if (privfile_write(path, pdf, pdf_len, err) != 0)
		rc = -1;
	free(pdf);
	return rc;
}

int
scan_pdf_make(const struct scan_page *pages, size_t n, unsigned char **out,
    size_t *out_len, struct mc_err *err)
{
	const struct scan_module *m;

	*out = NULL;
	*out_len = 0;
	if ((m = scan_module_get(err)) == NULL)
		return -1;
	return m->pdf_make(pages, n, out, out_len, err);
}

/* ---- settings -------------------------------------------------------------- */

int
scan_request_from_settings(sqlite3 *db, struct scan_request *req, struct mc_err *err)
{
	char v[128];

	memset(req, 0, sizeof *req);
	if (setting_get(db, "scan_device", req->device, sizeof req->device) != 0 ||
	    setting_get(db, "scan_resolution", v, sizeof v) != 0)
		return err_set(err, MC_EINVAL, _("the scan settings are missing"));
	req->resolution = atoi(v);
	if (req->resolution < 75 || req->resolution > 600)
		return err_set(err, MC_EINVAL, _("'%s' is not a value for %s: %s"), v,
		    "scan_resolution", _("scan resolution in dots per inch, 75 to 600"));
	if (setting_get(db, "scan_mode", v, sizeof v) != 0)
		return err_set(err, MC_EINVAL, _("the scan settings are missing"));
	if (strcmp(v, "gray") == 0)
		req->mode = SCAN_GRAY;
	else if (strcmp(v, "color") == 0)
		req->mode = SCAN_COLOR;
	else if (strcmp(v, "lineart") == 0)
		req->mode = SCAN_LINEART;
	else
		return err_set(err, MC_EINVAL, _("'%s' is not a value for %s: %s"), v,
		    "scan_mode", _("how pages are scanned: gray, color or lineart (black "
		    "and white)"));
	if (setting_get(db, "scan_source", v, sizeof v) != 0)
		return err_set(err, MC_EINVAL, _("the scan settings are missing"));
	if (strcmp(v, "flatbed") == 0)
		req->source = SCAN_FLATBED;
	else if (strcmp(v, "adf") == 0)
		req->source = SCAN_ADF;
	else
		return err_set(err, MC_EINVAL, _("'%s' is not a value for %s: %s"), v,
		    "scan_source", _("where the pages are: flatbed (one page on the glass) or "
		    "adf (the document feeder, until it is empty)"));
	return 0;
}
