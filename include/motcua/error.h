/* error.h — how core code reports a failure to its caller.
 *
 * Core functions never print.  A failing function fills a struct mc_err
 * with one translated sentence that says what went wrong and what to do,
 * and returns -1.  The caller (CLI or UI) decides how to show it. */
#ifndef MOTCUA_ERROR_H
#define MOTCUA_ERROR_H

#include <stddef.h>

enum mc_errkind {
	MC_OK = 0,
	MC_EINVAL,	/* bad input from the user or a file */
	MC_ENOTFOUND,	/* a thing named does not exist */
	MC_ECONFLICT,	/* it exists already, or the state forbids it */
	MC_ESTORE,	/* the database failed (disk full, locked, corrupt) */
	MC_EIO,		/* a file could not be read or written */
	MC_ENOMEM
};

struct mc_err {
	enum mc_errkind kind;
	char msg[512];
};

#if defined(__GNUC__)
#define MC_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define MC_PRINTF(a, b)
#endif

/* Set the error (first one wins is NOT the rule: the last call overwrites).
 * Always returns -1 so that "return err_set(...)" reads naturally. */
int err_set(struct mc_err *e, enum mc_errkind kind, const char *fmt, ...)
	MC_PRINTF(3, 4);
void err_clear(struct mc_err *e);

#endif
