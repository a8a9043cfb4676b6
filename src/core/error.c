/* error.c — filling struct mc_err. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "motcua/error.h"

int
err_set(struct mc_err *e, enum mc_errkind kind, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	e->kind = kind;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return -1;
}

void
err_clear(struct mc_err *e)
{
	if (e == NULL)
		return;
	e->kind = MC_OK;
	e->msg[0] = '\0';
}
