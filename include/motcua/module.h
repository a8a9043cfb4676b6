/* module.h — opening one of motcua's loadable modules (motcua-pdf.so,
 * motcua-scan.so): the shared objects that hold the calls to libraries
 * too heavy to load at every start (cairo and pango; SANE, libjpeg).
 *
 * A module exports one table, named by its boundary header (pdf-module.h,
 * scan-module.h), whose first member is an int: the ABI number that
 * header defines.  Where the file is looked for, first found wins:
 *   $ENV_VAR                the file itself (the tests, the benchmarks:
 *                           programs that do not live beside it)
 *   beside the program      a build tree: src/motcua-X.so next to
 *                           src/motcua
 *   $(pkglibdir)            once installed (module_installed: under
 *                           the root the program runs from)
 * The module is loaded for the life of the process and never unloaded
 * (the libraries under it keep caches, and a second use should not pay
 * the first one's start).  Core code: nothing here writes to the
 * terminal. */
#ifndef MOTCUA_MODULE_H
#define MOTCUA_MODULE_H

#include <stdbool.h>
#include <stddef.h>

#include "motcua/error.h"

/* What the messages say about a module, both translated by the caller:
 * `doing` the clause for what failed ("cannot draw the PDF"), `name`
 * the module as a noun phrase ("the PDF module").  `complete`, when not
 * NULL, says whether a table of the right ABI has every function set. */
struct module_what {
	const char *doing;
	const char *name;
	int (*complete)(const void *table);
};

/* The table `symbol` of the module `file` (looked for as above, `env_var`
 * first), loaded on this first call.  NULL with err set (MC_EIO, one
 * sentence naming the file and saying what to do) when the file cannot
 * be loaded, or is not this motcua's module: no such symbol, another ABI
 * number than `abi`, or a table `what->complete` refuses. */
const void *module_open(const char *file, const char *env_var, const char *symbol, int abi,
    const struct module_what *what, struct mc_err *err);

/* Where the installation's copy of `configured` is — an absolute folder
 * fixed by configure (PKGLIBDIR, PKGDATADIR, LOCALEDIR) — into buf.  The
 * relocation rule (doc/HACKING.md): it is where `configured` is from
 * $(bindir), taken from the program's own folder: ../share/motcua
 * beside a program in /usr/bin, so that a tree staged by
 * `make install DESTDIR=...`, installed with another prefix=, or
 * unpacked by `dpkg -x` runs as it is, with its own files.  True (buf
 * that folder, links resolved) when it exists; false otherwise (a build
 * tree, a program copied elsewhere), buf then `configured` itself. */
bool module_installed(const char *configured, char *buf, size_t n);

/* The data folder (the forms' templates, the sample catalog, the
 * calendars) into buf: $MOTCUA_DATADIR if set (the tests: the source
 * tree's data/), else the installation's $(pkgdatadir) as above.  False
 * when there is none (a build tree's program without MOTCUA_DATADIR: it
 * has its templates built in). */
bool module_datadir(char *buf, size_t n);

#endif
