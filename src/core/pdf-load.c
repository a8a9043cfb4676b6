/* pdf-load.c — the core's side of pdf.h: pdf_escape and pdf_buf_free,
 * which need no library, and pdf_render, which opens the PDF module
 * (motcua-pdf.so, pdf-module.h) on its first call and hands it the
 * layout.  A program that draws no PDF never loads cairo or pango.
 *
 * module_open (module.h) finds and checks it: $MOTCUA_PDF_MODULE,
 * beside the program, then $(pkglibdir).  A module that cannot be loaded
 * is an error naming the file. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "motcua/i18n.h"
#include "motcua/module.h"
#include "motcua/pdf.h"
#include "pdf-module.h"

void
pdf_buf_free(struct pdf_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = 0;
}

char *
pdf_escape(const char *s)
{
	size_t n = 0;
	char *out, *o;

	for (const char *p = s; *p != '\0'; p++)
		n += *p == '&' ? 5 : *p == '<' || *p == '>' ? 4 : *p == '"' || *p == '\'' ||
		    *p == '|' ? 6 : 1;
	if ((out = o = malloc(n + 1)) == NULL)
		return NULL;
	for (const char *p = s; *p != '\0'; p++) {
		const char *r = *p == '&' ? "&amp;" : *p == '<' ? "&lt;" : *p == '>' ? "&gt;" :
		    *p == '"' ? "&quot;" : *p == '\'' ? "&apos;" : *p == '|' ? "&#124;" : NULL;

		if (r != NULL) {
			memcpy(o, r, strlen(r));
			o += strlen(r);
		} else {
			*o++ = *p == '\n' || *p == '\t' || *p == '\r' ? ' ' : *p;
		}
	}
	*o = '\0';
	return out;
}

/* A table of the right ABI with its function set. */
static int
pdf_module_complete(const void *table)
{
	return ((const struct pdf_module *)table)->render != NULL;
}

/* The module, loaded once per process and never unloaded (pango and
 * fontconfig keep caches that outlive any one PDF, and the second PDF of
 * a session should not pay the first one's start).  A process-wide
 * pointer rather than a context's member: the dynamic loader's handle is
 * process-wide itself.  The program draws PDFs from one thread. */
static const struct pdf_module *pdf_loaded;

static const struct pdf_module *
pdf_module_get(struct mc_err *err)
{
	struct module_what what = {_("cannot draw the PDF"), _("the PDF module"),
	    pdf_module_complete};

	if (pdf_loaded == NULL)
		pdf_loaded = module_open(PDF_MODULE_FILE, "MOTCUA_PDF_MODULE",
		    PDF_MODULE_SYMBOL, PDF_MODULE_ABI, &what, err);
	return pdf_loaded;
}

int
pdf_render(const char *layout, const char *name, struct pdf_buf *out, struct mc_err *err)
{
	const struct pdf_module *m;

	out->p = NULL;
	out->len = 0;
	if ((m = pdf_module_get(err)) == NULL)
		return -1;
	return m->render(layout, name, out, err);
}
