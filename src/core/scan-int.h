/* scan-int.h — what the scan module's files (scan.c, scan-page.c,
 * scan-pdf.c) share: a page as read from the scanner, the document's
 * pages as they are made ready for the PDF, and the PDF's making. */
#ifndef MOTCUA_SCAN_INT_H
#define MOTCUA_SCAN_INT_H

#include <stddef.h>

#include "motcua/error.h"
#include "motcua/scan.h"

/* A page being read: 8-bit samples, `channels` (1 or 3) a pixel, or
 * one-bit rows as SANE packs them (bits). */
struct raw {
	unsigned char *p;
	size_t len;
	int width, height, channels, bits;
	size_t stride;
};

/* The pages of a document so far, and the memory each one owns. */
struct doc {
	struct scan_page *pg;
	unsigned char **own;
	size_t n, cap;
};

void doc_free(struct doc *d);
/* raw as the document's next page: a bitmap for Lineart (or whatever
 * the scanner sent at one bit), a JPEG otherwise.  raw->p is used up,
 * whatever the outcome.  0, or -1 with err set. */
int doc_add(struct doc *d, struct raw *raw, enum scan_mode mode, double dpi,
    struct mc_err *err);

/* scan_pdf_make's contract (scan.h), inside the module: the core's
 * scan_pdf_make (scan-load.c) reaches it through the module's table. */
int scanmod_pdf_make(const struct scan_page *pages, size_t n, unsigned char **out,
    size_t *out_len, struct mc_err *err);

#endif
