/* lifecycle-int.h — what the readers of lifecycle-read.c and
 * lifecycle-page.c share: the columns of a found row and their reading. */
#ifndef MOTCUA_LIFECYCLE_INT_H
#define MOTCUA_LIFECYCLE_INT_H

#include <sqlite3.h>

#include "motcua/lifecycle.h"

/* The columns lifecycle_found_row reads, in its order (columns 0 to 7). */
#define FOUND_COLUMNS "d.code, d.applicant_name, d.applicant_id, " \
	"d.procedure_code || ' ' || d.procedure_name, d.status, d.received, " \
	"coalesce(d.appointment, d.due), d.phone"

void lifecycle_found_row(sqlite3_stmt *st, struct mc_found *f);

/* Name search by folded words (every word a prefix of a word of the
 * name), newest receipt first, a page at a time (lifecycle-page.c).  pg
 * NULL: the first 500, as lifecycle_find gives them. */
int lifecycle_find_names(sqlite3 *db, char *const *words, int nw, struct mc_page *pg,
    int (*fn)(const struct mc_found *, void *), void *arg, struct mc_err *err);

#endif
