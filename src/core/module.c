/* module.c — module_open: finding, loading and checking one of the
 * program's loadable modules (module.h).  Both loaders, pdf-load.c and
 * scan-load.c, go through it, so the lookup order and the messages are
 * the same for every module. */
#include "config.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "motcua/i18n.h"
#include "motcua/module.h"

/* The folder of the running program (links resolved) into buf; false
 * when /proc/self/exe cannot say. */
static bool
module_exe_dir(char *buf, size_t n)
{
	ssize_t len;
	char *slash;

	if (n < 2 || (len = readlink("/proc/self/exe", buf, n - 1)) <= 0)
		return false;
	buf[len] = '\0';
	if ((slash = strrchr(buf, '/')) == NULL)
		return false;
	if (slash == buf)
		slash[1] = '\0';	/* a program in / */
	else
		*slash = '\0';
	return true;
}

/* The path from folder `from` to `to`, both absolute, into buf, by their
 * names alone ("/usr/bin", "/usr/share/motcua": "../share/motcua"). */
static void
module_relative(const char *from, const char *to, char *buf, size_t n)
{
	size_t common = 0, i = 0, k = 0;

	/* the longest common run of whole folder names */
	for (;;) {
		bool fe = from[i] == '\0' || from[i] == '/';
		bool te = to[i] == '\0' || to[i] == '/';

		if (fe && te)
			common = i;
		if (from[i] == '\0' || to[i] == '\0' || from[i] != to[i])
			break;
		i++;
	}
	buf[0] = '\0';
	/* one ".." for each name left in `from` */
	for (i = common; from[i] != '\0'; i++)
		if (from[i] != '/' && (i == 0 || from[i - 1] == '/'))
			k += (size_t)snprintf(buf + k, k < n ? n - k : 0, "../");
	while (to[common] == '/')
		common++;
	snprintf(buf + (k < n ? k : n - 1), k < n ? n - k : 1, "%s", to + common);
}

bool
module_installed(const char *configured, char *buf, size_t n)
{
	char exe[PATH_MAX], rel[PATH_MAX], path[2 * PATH_MAX + 2], real[PATH_MAX];

	snprintf(buf, n, "%s", configured);
	if (!module_exe_dir(exe, sizeof exe))
		return false;
	module_relative(BINDIR, configured, rel, sizeof rel);
	snprintf(path, sizeof path, "%s/%s", exe, rel);
	if (realpath(path, real) == NULL)
		return false;
	snprintf(buf, n, "%s", real);
	return true;
}

bool
module_datadir(char *buf, size_t n)
{
	const char *env = getenv("MOTCUA_DATADIR");

	if (env != NULL && env[0] != '\0') {
		snprintf(buf, n, "%s", env);
		return true;
	}
	/* a build tree's program has no data folder: an older installation's
	 * under PKGDATADIR is not its own */
	return module_installed(PKGDATADIR, buf, n);
}

/* The module's path (see module.h) into buf. */
static void
module_path(const char *file, const char *env_var, char *buf, size_t n)
{
	const char *env = getenv(env_var);
	char exe[PATH_MAX], dir[PATH_MAX];

	if (env != NULL && env[0] != '\0') {
		snprintf(buf, n, "%s", env);
		return;
	}
	if (module_exe_dir(exe, sizeof exe)) {
		snprintf(buf, n, "%s/%s", exe, file);
		if (access(buf, R_OK) == 0)
			return;
	}
	(void)module_installed(PKGLIBDIR, dir, sizeof dir);	/* else PKGLIBDIR */
	snprintf(buf, n, "%s/%s", dir, file);
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
