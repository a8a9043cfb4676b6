/* lifecycle.h — what happens to a dossier after its receipt.
 *
 * Every step is an event on the dossier; the row in `dossier` is derived
 * from them (dossier_project).  lifecycle_record checks that the step
 * makes sense for the dossier's status now, computes what the step needs
 * (a due date moved by a pause), appends the event and re-projects, in
 * one transaction.  A step that makes no sense is refused with a message
 * and nothing changes.
 *
 * The statuses, the steps, which step applies from which status and the
 * shape of each step's body are the tables of vocab.h.
 *
 * `due` is the promised date-time moved by pauses: it decides early / on
 * time / late.  `appointment` is what the citizen was last told (an
 * apology's new date, else `due`). */
#ifndef MOTCUA_LIFECYCLE_H
#define MOTCUA_LIFECYCLE_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "motcua/calendar.h"
#include "motcua/date.h"
#include "motcua/error.h"
#include "motcua/vocab.h"

/* What a step says: one text per field of its kind, in the kind's order
 * (kind->fields[i]), as typed; NULL or "" is not given.  A field the core
 * computes is never given.  Times are read by date_parse_input_time
 * (date.h): DD/MM/YYYY HH:MM, DDMMYYYY HH:MM or YYYY-MM-DD HH:MM. */
struct mc_step_args {
	const char *v[MC_FIELDS_MAX];
};

/* Set the value of k's field of this name; -1 if k has no such field. */
int lifecycle_arg(struct mc_step_args *a, const struct mc_kind *k, const char *field,
    const char *value);

/* Record a step of this kind on the dossier with this code, at `at`, by
 * `officer` (NULL: the only active officer).  The kind's role, statuses
 * and fields (vocab.h) decide; a field over its limit or not of its type
 * is refused with a message, and nothing is written. */
int lifecycle_record(sqlite3 *db, struct mc_calendar *cal, const char *code,
    const struct mc_kind *kind, const struct mc_step_args *args,
    const struct mc_time *at, const char *officer, struct mc_err *err);

/* Check a step's values as lifecycle_record does, before anything is
 * asked or written (a form checks them before its confirmation): each of
 * its type and within its limits, every field the kind needs given (a
 * field the applicant stands in for may be empty).  0, or -1 with the
 * message and *field (may be NULL) the index in the kind's fields of the
 * one at fault (-1 if none is). */
int lifecycle_check(const struct mc_kind *kind, const struct mc_step_args *args,
    int *field, struct mc_err *err);

/* May this step be taken on a dossier in this status?  (For the screens:
 * which actions to offer.)  False for a kind that is not a step. */
bool lifecycle_allowed(const char *status, const struct mc_kind *kind);

/* Check one value as the field wants it (for a front end that checks
 * before it asks for more); out gets the value as it would be stored. */
int lifecycle_check_value(const struct mc_field *f, const char *value, char *out,
    size_t n, struct mc_err *err);

/* ---- reading ----------------------------------------------------------- */

/* One dossier found by find or listed by the due board. */
struct mc_found {
	char code[64];
	char name[256];
	char id_number[16];
	char procedure[512];
	char status[24];
	char received[MC_TIME_LEN];
	char appointment[MC_TIME_LEN];
	int appointment_jdn;	/* the appointment's day (0: none) */
	char phone[40];		/* the applicant's, as stored ("" if none) */
	int days;		/* due board: calendar days to the appointment
				 * (<0: late by that many days) */
};

/* Find dossiers by code (exact), the last part of a code ("1001" or
 * "261130-1001": the digits after a "-"), ID number (12 digits, or the
 * chip card's QR as scanned: citizen.h; a QR that does not read is an
 * error), phone (10 digits) or name (folded; every word a prefix of a
 * word of the name, any order), newest receipt first.  fn returns
 * nonzero to stop. */
int lifecycle_find(sqlite3 *db, const char *text, int (*fn)(const struct mc_found *,
    void *), void *arg, struct mc_err *err);
/* Where a list read a page at a time stands (the name search, the due
 * board): zero it, set limit, and each call gives the next page of at
 * most limit rows (0: all that are left) and sets more when rows follow
 * it.  The rest is the reader's own: where the next page starts. */
struct mc_page {
	size_t limit;		/* rows per page */
	bool more;		/* rows follow the page just given */
	/* private */
	bool name;		/* a name search: by key; else by count */
	size_t given;		/* rows given so far (by count) */
	int group;		/* the due board: 0 on the clock, 1 paused */
	char key[MC_TIME_LEN + 32];	/* the last row's time ("" before the first) */
	char status[24];	/* and its status (the due board) */
	long long row;		/* and its row number */
};
/* lifecycle_find a page at a time: the same rows in the same order (a
 * name: newest receipt first, equal times the later row first), however
 * many match; a page of a name costs about the same whatever its words. */
int lifecycle_find_page(sqlite3 *db, const char *text, struct mc_page *pg,
    int (*fn)(const struct mc_found *, void *), void *arg, struct mc_err *err);
/* The same search, keeping only the dossiers with a result to return
 * (the return step is allowed from their status); `others` gets how many
 * it found that have none, so a screen can tell "nothing found" from
 * "found, but nothing to return". */
int lifecycle_find_returnable(sqlite3 *db, const char *text,
    int (*fn)(const struct mc_found *, void *), void *arg, size_t *others,
    struct mc_err *err);

/* How many days a dossier is overdue as of a day, as the due board
 * counts it: open, not paused, its appointment before that day: the
 * calendar days since the appointment's; 0 when it is not overdue. */
int lifecycle_days_late(const struct mc_found *f, int as_of);

enum mc_due_group { MC_DUE_OVERDUE, MC_DUE_TODAY, MC_DUE_SOON, MC_DUE_PAUSED };

/* The due board as of a day: overdue, due today, due within the next two
 * working days, paused; by appointment.  fn gets each row with its group. */
int lifecycle_due(sqlite3 *db, struct mc_calendar *cal, int as_of,
    int (*fn)(enum mc_due_group g, const struct mc_found *, void *), void *arg,
    struct mc_err *err);
/* The due board a page at a time: the rows lifecycle_due gives, in its
 * order (equal appointments by status, then in the order of their rows),
 * read from an index in that order. */
int lifecycle_due_page(sqlite3 *db, struct mc_calendar *cal, int as_of,
    struct mc_page *pg, int (*fn)(enum mc_due_group g, const struct mc_found *, void *),
    void *arg, struct mc_err *err);
/* How many rows of the board each group has (count[MC_DUE_OVERDUE] …
 * count[MC_DUE_PAUSED]), counted in the index. */
int lifecycle_due_groups(sqlite3 *db, struct mc_calendar *cal, int as_of, int count[4],
    struct mc_err *err);
/* The two header counts, from the same query. */
int lifecycle_due_counts(sqlite3 *db, struct mc_calendar *cal, int as_of,
    int *today, int *overdue, struct mc_err *err);

/* The "overdue", "today", "soon", "paused" of a group (JSON keys). */
const char *lifecycle_due_group_name(enum mc_due_group g);

/* One field of an event, decoded. */
struct mc_history_value {
	const struct mc_field *field;	/* into the kind's table */
	char raw[3072];		/* as stored (a number as its digits) */
	char text[3072];	/* ready to show: a choice's label, a time
				 * "YYYY-MM-DD HH:MM" */
	char line[3200];	/* as the timeline says it ("collected by …");
				 * "" for a field the timeline leaves out */
};

/* The dossier's events in order, for `history` and the timeline. */
struct mc_history_item {
	char at[MC_TIME_LEN];
	char officer[64];
	char kind_name[24];
	const struct mc_kind *kind;	/* NULL: a kind this version does not know */
	struct mc_history_value values[MC_FIELDS_MAX];	/* the fields given */
	size_t nvalues;
	const char *body;	/* the event's JSON, as stored */
};
int lifecycle_history(sqlite3 *db, const char *code,
    int (*fn)(const struct mc_history_item *, void *), void *arg, struct mc_err *err);

#endif
