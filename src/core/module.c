/* module.c — module_open: finding, loading and checking one of the
 * program's loadable modules (module.h).  Both loaders, pdf-load.c and
 * scan-load.c, go through it, so the lookup order and the messages are
 * the same for every module. */
#include "config.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "motcua/i18n.h"
#include "motcua/module.h"

/* The module's path (see module.h) into buf. */
static void
module_path(const char *file, const char *env_var, char *buf, size_t n)
{
	const char *env = getenv(env_var);
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
			snprintf(buf, n, "%s/%s", exe, file);
			if (access(buf, R_OK) == 0)
				return;
		}
	}
	snprintf(buf, n, "%s/%s", PKGLIBDIR, file);
}

const void *
module_open(const char *file, const char *env_var, const char *symbol, int abi,
    const struct module_what *what, struct mc_err *err)
{
	char path[PATH_MAX + 32];
	const int *table;
	const char *why;
	void *h;

	module_path(file, env_var, path, sizeof path);
	/* RTLD_NODELETE: a module once mapped stays, even one refused below.
	 * The libraries under a module (glib, fontconfig, SANE's) register
	 * destructors and keep caches that must not be unmapped while the
	 * process lives, and the leak checker can name a library's memory
	 * only while it is still there. */
	if ((h = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE)) == NULL) {
		why = dlerror();
		/* TRANSLATORS: "cannot draw the PDF: the PDF module FILE cannot be
		 * loaded (WHY); reinstall motcua, or set MOTCUA_PDF_MODULE to the
		 * file" — the first %s is what failed, the second the module's
		 * name (both translated on their own) */
		err_set(err, MC_EIO, _("%s: %s %s cannot be loaded (%s); reinstall motcua, "
		    "or set %s to the file"), what->doing, what->name, path,
		    why != NULL ? why : "dlopen", env_var);
		return NULL;
	}
	/* every module table opens with its ABI number (module.h) */
	table = dlsym(h, symbol);
	if (table == NULL || *table != abi ||
	    (what->complete != NULL && !what->complete(table))) {
		/* TRANSLATORS: "cannot draw the PDF: FILE is not the PDF module
		 * of this motcua VERSION; reinstall motcua" */
		err_set(err, MC_EIO, _("%s: %s is not %s of this motcua %s; reinstall "
		    "motcua"), what->doing, path, what->name, PACKAGE_VERSION);
		if (dlclose(h) != 0)
			(void)dlerror();	/* nothing more to say than the above */
		return NULL;
	}
	return table;
}
