/* report-int.h — what report.c, report-agg.c and report-digit.c share:
 * the summary's rows by name, the figures read from the maintained
 * counts, and the days a dossier counts as digitised from. */
#ifndef MOTCUA_REPORT_INT_H
#define MOTCUA_REPORT_INT_H

#include <sqlite3.h>

#include "motcua/error.h"
#include "motcua/report.h"

/* The row of s named `field`, added (zeroed) if it has none; NULL when
 * out of memory (err set). */
struct report_row *report_row_for(struct report_summary *s, const char *field,
    struct mc_err *err);

/* Add every figure of r to t. */
void report_row_add(struct report_row *t, const struct report_row *r);

/* The figures of [s, e) (ISO dates: e is the day after the period) from
 * report_agg, by field into `fields` and by deciding body into `bodies`
 * (an empty body is the unit's, `unit`), every figure but guided; and the
 * ratings per officer into fields->officers. */
int report_agg_figures(sqlite3 *db, const char *s, const char *e, const char *unit,
    struct report_summary *fields, struct report_summary *bodies, struct mc_err *err);

/* The days a dossier's required documents (docs) and its result
 * (result) count as digitised from (report.h; report-digit.c), "" when
 * they do not (yet).  0, or -1 with err. */
int report_digit_days(sqlite3 *db, const char *id, char docs[11], char result[11],
    struct mc_err *err);

#endif
