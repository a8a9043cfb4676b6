/* strbuf.h — the one growable buffer: SQLite's sqlite3_str (≥ 3.37).
 *
 * Build text or bytes with sqlite3_str_new(NULL) and sqlite3_str_append
 * (which copies NUL bytes too: ESC/POS output has them), appendall,
 * appendchar, appendf.  An allocation failure is remembered by the
 * sqlite3_str and reported once, by sqlite3_str_errcode or at the end by
 * strbuf_finish.  What sqlite3_str_finish returns must be released with
 * sqlite3_free, not free: strbuf_finish hands the caller a malloc'd copy
 * instead, for the many callers that free() what core returns. */
#ifndef MOTCUA_STRBUF_H
#define MOTCUA_STRBUF_H

#include <stddef.h>
#include <sqlite3.h>

#include "motcua/error.h"

/* Finish s (always: s is gone afterwards) and return its bytes, NUL-
 * terminated, in memory from malloc; *len (may be NULL) gets their count.
 * An empty buffer gives "" (not NULL).  NULL with err set if memory ran
 * out at any point. */
char *strbuf_finish(sqlite3_str *s, size_t *len, struct mc_err *err);

#endif
