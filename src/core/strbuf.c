/* strbuf.c — taking the bytes out of a sqlite3_str (strbuf.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "motcua/i18n.h"
#include "motcua/strbuf.h"

char *
strbuf_finish(sqlite3_str *s, size_t *len, struct mc_err *err)
{
	int rc = s != NULL ? sqlite3_str_errcode(s) : SQLITE_NOMEM;
	size_t n = rc == SQLITE_OK ? (size_t)sqlite3_str_length(s) : 0;
	char *text = s != NULL ? sqlite3_str_finish(s) : NULL;
	char *r = NULL;

	if (rc == SQLITE_OK && (r = malloc(n + 1)) != NULL) {
		if (n > 0)
			memcpy(r, text, n);
		r[n] = '\0';
		if (len != NULL)
			*len = n;
	}
	sqlite3_free(text);
	if (r == NULL)
		err_set(err, MC_ENOMEM, _("out of memory"));
	return r;
}
