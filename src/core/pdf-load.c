/* pdf-load.c — the core's side of pdf.h: pdf_escape and pdf_buf_free,
 * which need no library, and pdf_render, which opens the PDF module
 * (motcua-pdf.so, pdf-module.h) on its first call and hands it the
 * layout.  A program that draws no PDF never loads cairo or pango.
 *
 * Where the module is looked for, first found wins:
 *   $MOTCUA_PDF_MODULE      the file itself (the tests, the benchmarks:
 *                           programs that do not live beside it)
 *   beside the program      a build tree: src/motcua-pdf.so next to
 *                           src/motcua
 *   $(pkglibdir)            once installed
 * A module that cannot be loaded is an error naming the file. */
#include "config.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "motcua/i18n.h"
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

/* The module's path (see the top of the file) into buf. */
static void
pdf_module_path(char *buf, size_t n)
{
	const char *env = getenv("MOTCUA_PDF_MODULE");
	char exe[PATH_MAX];
	ssize_t len;

	if (env != NULL && env[0] != '\0') {
		snprintf(buf, n, "%s", env);
		return;
	}
	if ((len = readlink("/proc/self/exe", exe, sizeof exe - 1)) > 0) {
		char *slash;

		exe[len] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			snprintf(buf, n, "%s/%s", exe, PDF_MODULE_FILE);
			if (access(buf, R_OK) == 0)
				return;
		}
	}
	snprintf(buf, n, "%s/%s", PKGLIBDIR, PDF_MODULE_FILE);
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
	char path[PATH_MAX + 32];
	const struct pdf_module *m;
	const char *why;
	void *h;

	if (pdf_loaded != NULL)
		return pdf_loaded;
	pdf_module_path(path, sizeof path);
	if ((h = dlopen(path, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		why = dlerror();
		err_set(err, MC_EIO, _("cannot draw the PDF: the PDF module %s cannot be "
		    "loaded (%s); reinstall motcua, or set MOTCUA_PDF_MODULE to the file"),
		    path, why != NULL ? why : "dlopen");
		return NULL;
	}
	m = dlsym(h, PDF_MODULE_SYMBOL);
	if (m == NULL || m->abi != PDF_MODULE_ABI || m->render == NULL) {
		err_set(err, MC_EIO, _("cannot draw the PDF: %s is not the PDF module of "
		    "this motcua %s; reinstall motcua"), path, PACKAGE_VERSION);
		if (dlclose(h) != 0)
			(void)dlerror();	/* nothing more to say than the above */
		return NULL;
	}
	pdf_loaded = m;
	return m;
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
