/* ui-scan.h — what F2's checklist (s-receive-docs.c) and a dossier's
 * scan (s-scan.c) share when the officer presses s (ui-scan.c). */
#ifndef MOTCUA_UI_SCAN_H
#define MOTCUA_UI_SCAN_H

#include <stdbool.h>

#include "motcua/error.h"
#include "ui-int.h"

/* May this officer keep scans (role.h's file_added)?  If not, the bottom
 * line says so and false is returned: nothing is scanned. */
bool ui_scan_allowed(struct ui *u);
/* Does the scanner of the settings give one page a scan (the glass:
 * true), or every sheet of its feeder (scan_source adf: false)?  With the
 * glass, the officer is asked for another page after each. */
bool ui_scan_one_page(struct ui *u);
/* "Scanning <what>…" on the bottom line, drawn at once: the scan that
 * follows blocks until the scanner is done. */
void ui_scan_busy(struct ui *u, const char *what);
/* A scan's cancel (attach.h's struct attach_scanner): Esc pressed since
 * the last look stops it; other keys typed meanwhile are dropped. */
int ui_scan_cancel(void *arg);
/* A scan that failed: one message saying why and what to do; for no
 * scanner at all, where it is chosen (F9's settings, motcua setting). */
void ui_scan_failed(struct ui *u, const struct mc_err *err);
/* "1 page", "3 pages" (translated), into buf. */
const char *ui_scan_pages(int pages, char *buf, size_t n);

#endif
