/* scan.h — scanning paper documents into one PDF, through SANE.
 *
 * SANE (libsane) is the only way motcua reaches a scanner: a flatbed
 * gives one page, a document feeder (ADF) gives pages until it reports
 * that it is empty.  The pages become ONE PDF, each page the scanned
 * image at its real size (its pixels divided by the resolution); Gray
 * and Color pages are embedded as JPEG, Lineart pages losslessly at one
 * bit a pixel.  The file is written 0600 through a temporary beside it
 * and renamed into place (privfile.h): the path named is the whole PDF
 * or nothing — a failed or cancelled scan leaves no partial file.
 *
 * Each call below is one SANE session: sane_init at its start, sane_exit
 * at its end, so a scanner plugged in meanwhile is seen by the next call.
 * SANE reads its configuration from $SANE_CONFIG_DIR when that is set
 * (the tests use a private one that names only SANE's `test` backend).
 * The SANE calls run in a child process (scan-child.c): a scanner that
 * sends nothing for SCAN_SILENCE_MS is given up as not answering, and
 * a backend that hangs or crashes never takes the program with it.
 *
 * This module knows nothing of dossiers: it produces a file; the caller
 * keeps it.  Core code: nothing here writes to the terminal. */
#ifndef MOTCUA_SCAN_H
#define MOTCUA_SCAN_H

#include <stddef.h>
#include <sqlite3.h>

#include "motcua/error.h"

/* One scanner, as SANE names and describes it (for a settings picker). */
struct scan_device {
	char name[128];		/* what scan_device and --device take: "test:0" */
	char vendor[64];
	char model[64];
	char type[64];		/* "flatbed scanner", "virtual device" … */
};

/* The scanners SANE finds now, into *out (malloc'd, free() it; NULL when
 * none) and *n.  0, or -1 with err set. */
int scan_devices(struct scan_device **out, size_t *n, struct mc_err *err);

enum scan_mode { SCAN_GRAY, SCAN_COLOR, SCAN_LINEART };
enum scan_source { SCAN_FLATBED, SCAN_ADF };

/* The most pages one scan takes from a feeder: a safety net against a
 * feeder that never says it is empty. */
#define SCAN_MAX_PAGES 100

/* How long a scanner may send nothing before it is given up as not
 * answering: a flatbed's lamp can take half a minute to warm up. */
#define SCAN_SILENCE_MS 90000

/* scan_document's return when the cancel callback stopped it. */
#define SCAN_CANCELLED (-2)

struct scan_request {
	char device[128];	/* SANE name; empty: the first scanner found */
	int resolution;		/* dots per inch, 75 to 600 */
	enum scan_mode mode;
	enum scan_source source;
	int max_pages;		/* 0: SCAN_MAX_PAGES */
	int silence_ms;		/* 0: SCAN_SILENCE_MS */
	/* Asked as the data comes and at least ten times a second while
	 * the scanner is silent: nonzero stops the scan (the UI's Esc).
	 * May be NULL. */
	int (*cancel)(void *arg);
	/* Told as the data comes: the page being scanned (from 1) and its
	 * bytes so far.  May be NULL. */
	void (*progress)(void *arg, int page, size_t bytes);
	void *arg;
};

/* A request filled from the settings scan_device, scan_resolution,
 * scan_mode and scan_source (setting.h), no callbacks.  0, or -1 with
 * err set when a stored value is not one the settings allow. */
int scan_request_from_settings(sqlite3 *db, struct scan_request *req,
    struct mc_err *err);

/* Scan a document as `req` says and write it to `path` as one PDF.
 * Returns the number of pages (1 for a flatbed); -1 with err set (one
 * sentence saying what to do: no such scanner, scanner busy, paper
 * jammed, cover open, no paper in the feeder, no answer …);
 * SCAN_CANCELLED with err set when req->cancel asked.  On any failure
 * `path` is left as it was. */
int scan_document(const struct scan_request *req, const char *path, struct mc_err *err);

/* ---- the PDF (scan-pdf.c: the only cairo code of the module) ---- */

/* A scanned page as it goes into the PDF: a JPEG (jpeg, jpeg_len; the
 * image's size is width × height pixels), or, when jpeg is NULL, a
 * bitmap at one bit a pixel (bits, `stride` bytes a row, the first pixel
 * the most significant bit of each byte, 1 = black, as SANE gives it). */
struct scan_page {
	int width, height;
	double dpi;
	const unsigned char *jpeg;
	size_t jpeg_len;
	const unsigned char *bits;
	size_t stride;
};

/* The pages as one PDF in memory (*out, *out_len, malloc'd), each page
 * width/dpi × height/dpi inches.  0, or -1 with err set. */
int scan_pdf_make(const struct scan_page *pages, size_t n, unsigned char **out,
    size_t *out_len, struct mc_err *err);

#endif
