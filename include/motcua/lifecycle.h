/* lifecycle.h — what happens to a dossier after its receipt.
 *
 * Every step is an event on the dossier; the row in `dossier` is derived
 * from them (dossier_project).  lifecycle_record checks that the step
 * makes sense for the dossier's status now, computes what the step needs
 * (a due date moved by a pause), appends the event and re-projects, in
 * one transaction.  A step that makes no sense is refused with a message
 * and nothing changes.
 *
 * Statuses:  received → processing (handover) ⇄ transferred (transfer,
 * transfer-back); any open status → paused (pause) → back (resume);
 * open → result_ready (result) → returned (return); received → refused
 * (refuse, at the counter); open → withdrawn (withdraw); any → cancelled
 * (cancel, supervisor only).  "Open" = received, processing, transferred,
 * paused.  Final: returned, refused, withdrawn, cancelled.
 *
 * Event bodies (JSON):
 *   handover       {"to": NAME}
 *   transfer       {"agency": NAME}
 *   transfer-back  {"agency": NAME}
 *   pause          {"reason": TEXT}
 *   resume         {"paused_days": N, "due": ISO}   the new due date-time
 *   result         {"outcome": "approved"|"refused", "reason": TEXT|null}
 *   return         {"collector": NAME, "collector_id": ID|null,
 *                   "rating": "very_satisfied"|"satisfied"|"not_satisfied"|null}
 *   refuse         {"reason": TEXT}
 *   withdraw       {"reason": TEXT|null}
 *   cancel         {"reason": TEXT}
 *   apologize      {"reason": TEXT, "new_date": ISO}
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

enum mc_step {
	MC_STEP_HANDOVER, MC_STEP_TRANSFER, MC_STEP_TRANSFER_BACK, MC_STEP_PAUSE,
	MC_STEP_RESUME, MC_STEP_RESULT, MC_STEP_RETURN, MC_STEP_REFUSE,
	MC_STEP_WITHDRAW, MC_STEP_CANCEL, MC_STEP_APOLOGIZE, MC_STEP_COUNT
};

/* What a step says; which fields count depends on the step. */
struct mc_step_args {
	const char *to;		/* handover: the specialist */
	const char *agency;	/* transfer, transfer-back */
	const char *reason;	/* pause, refuse, withdraw, cancel, apologize,
				 * result refused */
	bool refused;		/* result: refused instead of approved */
	const char *collector;	/* return: NULL = the applicant */
	const char *collector_id;	/* return: ID of another collector */
	const char *rating;	/* return: very_satisfied|satisfied|not_satisfied */
	struct mc_time new_date;	/* apologize */
};

/* "handover", "transfer-back", … and back. */
const char *lifecycle_step_name(enum mc_step s);
int lifecycle_step_parse(const char *name, enum mc_step *s);

/* Record a step on the dossier with this code, at `at`, by `officer`
 * (NULL: the only active officer).  Cancel needs a supervisor. */
int lifecycle_record(sqlite3 *db, struct mc_calendar *cal, const char *code,
    enum mc_step step, const struct mc_step_args *args, const struct mc_time *at,
    const char *officer, struct mc_err *err);

/* May this step be taken on a dossier in this status?  (For the screens:
 * which actions to offer.) */
bool lifecycle_allowed(const char *status, enum mc_step step);

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
	int days;		/* due board: calendar days to the appointment
				 * (<0: late by that many days) */
};

/* Find dossiers by code (exact), ID number (12 digits), phone (10 digits)
 * or name (folded; every word a prefix of a word of the name, any order),
 * newest receipt first.  fn returns nonzero to stop. */
int lifecycle_find(sqlite3 *db, const char *text, int (*fn)(const struct mc_found *,
    void *), void *arg, struct mc_err *err);

enum mc_due_group { MC_DUE_OVERDUE, MC_DUE_TODAY, MC_DUE_SOON, MC_DUE_PAUSED };

/* The due board as of a day: overdue, due today, due within the next two
 * working days, paused; by appointment.  fn gets each row with its group. */
int lifecycle_due(sqlite3 *db, struct mc_calendar *cal, int as_of,
    int (*fn)(enum mc_due_group g, const struct mc_found *, void *), void *arg,
    struct mc_err *err);
/* The two header counts, from the same query. */
int lifecycle_due_counts(sqlite3 *db, struct mc_calendar *cal, int as_of,
    int *today, int *overdue, struct mc_err *err);

/* The dossier's events in order, for `history` and the timeline. */
struct mc_history_item {
	char at[MC_TIME_LEN];
	char officer[64];
	char kind[24];
	const char *body;	/* the event's JSON */
};
int lifecycle_history(sqlite3 *db, const char *code,
    int (*fn)(const struct mc_history_item *, void *), void *arg, struct mc_err *err);

#endif
