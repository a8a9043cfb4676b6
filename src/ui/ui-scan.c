/* ui-scan.c — the scanner as the screens see it: who may scan, whether
 * the settings' scanner takes a page at a time (the glass) or the whole
 * document (the feeder), "Scanning…" shown before the scan blocks, and a
 * failed scan's message.  The scanning itself is core's (attach.h's
 * attach_scan and attach_scan_buf); a failure never touches what the
 * officer is doing: the receipt, the dossier, go on as they were. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "motcua/i18n.h"
#include "motcua/role.h"
#include "motcua/scan.h"
#include "ui-scan.h"

bool
ui_scan_allowed(struct ui *u)
{
	if (role_may(u->officer.role, role_kind(MC_KIND_FILE)))
		return true;
	ui_error(u, "%s", _("scanning into a dossier is an officer's action: your role "
	    "may not keep files"));
	return false;
}

bool
ui_scan_one_page(struct ui *u)
{
	struct scan_request sr;
	struct mc_err err;

	/* a setting that does not read: the scan itself will say so */
	return scan_request_from_settings(u->db, &sr, &err) != 0 || sr.source != SCAN_ADF;
}

void
ui_scan_busy(struct ui *u, const char *what)
{
	ui_msg(u, _("Scanning %s… wait for the scanner, or Esc to stop"), what);
	ui_redraw(u);
}

int
ui_scan_cancel(void *arg)
{
	int delay = wgetdelay(stdscr), ch;

	(void)arg;
	/* a look, not a wait: the scan goes on between looks */
	wtimeout(stdscr, 0);
	ch = wgetch(stdscr);
	wtimeout(stdscr, delay);
	/* other keys are dropped: put back, one would stand before an Esc
	 * typed after it for the rest of the scan */
	return ch == 27;
}

void
ui_scan_failed(struct ui *u, const struct mc_err *err)
{
	struct scan_request sr;
	struct mc_err e2;

	if (err->kind != MC_ENOTFOUND) {
		/* TRANSLATORS: %s is the scanner's sentence: what went wrong
		 * and what to do */
		ui_error(u, _("Not scanned: %s"), err->msg);
		return;
	}
	/* no scanner, or not the one the settings name: where to choose it */
	if (scan_request_from_settings(u->db, &sr, &e2) == 0 && sr.device[0] != '\0')
		ui_error(u, _("Not scanned: there is no scanner '%s'. Switch it on, or choose "
		    "another in F9 Settings (scan_device) or with motcua setting set "
		    "scan_device"), sr.device);
	else
		ui_error(u, "%s", _("Not scanned: no scanner was found. Plug it in and switch "
		    "it on; choose it in F9 Settings (scan_device) or with motcua setting "
		    "set scan_device"));
}

const char *
ui_scan_pages(int pages, char *buf, size_t n)
{
	snprintf(buf, n, ngettext("%d page", "%d pages", (unsigned long)pages), pages);
	return buf;
}
