/* pdf-module.h — the boundary between the core and motcua-pdf.so, the
 * loadable module that holds every call to cairo, pango and their ~40
 * shared libraries (pdf.c; the scanned pages' drawing joins it later).
 *
 * The program does not link those libraries: loading them costs more than
 * the rest of its start (the dynamic loader's relocations, the libraries'
 * constructors), and most sessions draw no PDF.  pdf-load.c opens the
 * module with dlopen on the first pdf_render and keeps it for the life of
 * the process.  Internal: the module and the loader include this header,
 * nothing else does. */
#ifndef MOTCUA_PDF_MODULE_H
#define MOTCUA_PDF_MODULE_H

#include "motcua/pdf.h"

/* Raised whenever struct pdf_module, struct pdf_buf or struct mc_err
 * change: the loader refuses a module built against another layout (an
 * older motcua-pdf.so left in $(pkglibdir), say). */
#define PDF_MODULE_ABI 1

/* The file's name: $(pkglibdir)/motcua-pdf.so once installed, beside the
 * program (src/) in a build tree. */
#define PDF_MODULE_FILE "motcua-pdf.so"

/* The one symbol the module exports, named PDF_MODULE_SYMBOL. */
struct pdf_module {
	int abi;	/* PDF_MODULE_ABI */
	/* pdf_render's contract (pdf.h) */
	int (*render)(const char *layout, const char *name, struct pdf_buf *out,
	    struct mc_err *err);
};
#define PDF_MODULE_SYMBOL "motcua_pdf_module"

#endif
