/* vocab.h — the words of the domain, as data: the statuses a dossier can
 * be in, and the kinds of event that make up its life.
 *
 * Everything that needs to know a status or the shape of an event body
 * reads these two tables: the lifecycle rules (which step applies from
 * which status, who may record it, what its body holds and how each
 * field is checked), the projection (the status a step leads to), the
 * reports and the due board (which statuses are open, which paused, what
 * each counts as in the period's figures; the ratings), the
 * screens (labels, the actions offered, the form of a step, the timeline)
 * and the command line (`event` and its options, derived from the
 * fields).  Adding an event kind is a row here (and its enum value), its
 * projector (dossier-project.c) and its translations.
 *
 * An event body is a JSON object holding every field of its kind, in the
 * table's order, absent ones as null (lifecycle_record builds it):
 *   handover       {"to": NAME}
 *   transfer       {"agency": NAME}
 *   transfer-back  {"agency": NAME|null}
 *   pause          {"reason": TEXT}
 *   resume         {"paused_days": N, "due": ISO}   the new due date-time
 *   result         {"outcome": "approved"|"refused", "reason": TEXT|null}
 *   return         {"collector": NAME, "collector_id": ID|null,
 *                   "rating": "very_satisfied"|"satisfied"|"not_satisfied"|null}
 *   refuse         {"reason": TEXT}
 *   withdraw       {"reason": TEXT|null}
 *   cancel         {"reason": TEXT}
 *   apologize      {"reason": TEXT, "new_date": ISO}
 *   stop           {"reason": TEXT, "ground": TEXT|null}  dừng giải quyết
 *   file_added     attach.h's body (the file's sha256, type, pages …):
 *                  written by attach_add, changes nothing of the row
 * The receipt and the guidance are written by dossier_receive and
 * dossier_guide (dossier.h); the table lists of their bodies only what the
 * timeline shows and the reports read (the guidance's procedure's field). */
#ifndef MOTCUA_VOCAB_H
#define MOTCUA_VOCAB_H

#include <stdbool.h>
#include <stddef.h>

#include "motcua/slip.h"
#include "motcua/unit.h"

/* ---- statuses ----------------------------------------------------------- */

enum mc_phase {
	MC_PHASE_OPEN,		/* being worked on: the clock runs (or stands, paused) */
	MC_PHASE_READY,		/* the result waits for the citizen */
	MC_PHASE_FINAL,		/* nothing more will happen (but a cancel) */
};

/* What the period's figures (report.h) make of a dossier in a status.
 * Each is a bit, so that a query can ask for several at once. */
enum mc_report {
	MC_REPORT_COUNTED = 1 << 0,	/* received, then counted by its times:
					 * resolved once its result is ready,
					 * else carried over, in progress */
	MC_REPORT_WITHDRAWN = 1 << 1,	/* received, then withdrawn: ended
					 * without a result */
	MC_REPORT_REFUSED = 1 << 2,	/* refused at the counter: never
					 * received, counted only as refused */
	MC_REPORT_VOID = 1 << 3,	/* entered in error: counted nowhere,
					 * not even as an officer's receipt */
	MC_REPORT_STOPPED = 1 << 4,	/* received, then its resolution
					 * stopped (dừng giải quyết): ended
					 * without a result, counted apart */
};
/* the statuses of a dossier the figures never count as received */
#define MC_REPORT_UNRECEIVED (MC_REPORT_REFUSED | MC_REPORT_VOID)

struct mc_status {
	const char *name;	/* as stored in dossier.status */
	const char *label;	/* N_(): short, for lists */
	enum mc_phase phase;
	enum mc_report report;	/* exactly one bit */
	bool paused;		/* waiting for the citizen: the due board's own
				 * group, not "due"; the clock stands still */
	const char *note;	/* the logbook's note (Vietnamese, as the
				 * register writes it), or NULL */
};

/* Every status, in the order of the life of a dossier. */
extern const struct mc_status mc_statuses[];
extern const size_t mc_nstatuses;

/* The status of this name, or NULL. */
const struct mc_status *vocab_status(const char *name);
/* The translated label of a status; the name itself if unknown. */
const char *vocab_status_label(const char *name);
/* The status a paused dossier has (the one marked paused). */
const struct mc_status *vocab_status_paused(void);
/* A SQL list of the names of the statuses in this phase, "('a', 'b')";
 * running (not paused) ones only if `running`.  Returns buf. */
char *vocab_status_sql(enum mc_phase phase, bool running, char *buf, size_t n);
/* The same list of the statuses whose report role is one of the bits of
 * `reports` (enum mc_report).  Returns buf. */
char *vocab_report_sql(unsigned reports, char *buf, size_t n);

/* ---- event kinds -------------------------------------------------------- */

enum mc_kind_id {
	MC_KIND_RECEIVE, MC_KIND_GUIDE,
	/* the steps after the receipt (lifecycle_record) */
	MC_KIND_HANDOVER, MC_KIND_TRANSFER, MC_KIND_TRANSFER_BACK, MC_KIND_PAUSE,
	MC_KIND_RESUME, MC_KIND_RESULT, MC_KIND_RETURN, MC_KIND_REFUSE,
	MC_KIND_WITHDRAW, MC_KIND_CANCEL, MC_KIND_APOLOGIZE, MC_KIND_STOP,
	/* a file kept with the dossier (attach.h): not a step */
	MC_KIND_FILE,
	MC_KIND_COUNT
};

#define MC_FIELDS_MAX 4		/* fields of one body */
#define MC_CHOICES_MAX 4	/* values of one enumeration */

enum mc_field_type {
	MC_FT_TEXT,	/* free text: NFC, trimmed, at most `max` characters */
	MC_FT_ID,	/* a citizen's ID number (CCCD, 12 digits) */
	MC_FT_TIME,	/* a date-time, read by date.h's date_parse_input_time
			 * (as typed on either front end), stored ISO 8601 */
	MC_FT_INT,	/* an integer */
	MC_FT_ENUM,	/* one of `choices` */
};

enum mc_need {
	MC_NEED_NO,	/* optional: null when not given */
	MC_NEED_YES,	/* required */
	MC_NEED_IF,	/* required when field `when` has value `when_value`,
			 * optional otherwise */
	MC_NEED_WITH,	/* required when field `when` is given, dropped
			 * (null) when it is not */
};

struct mc_choice {
	const char *value;	/* as stored */
	const char *label;	/* N_() */
	bool refuses;		/* the result refuses the request: Mẫu 03
				 * answers it, as it answers the refuse step */
	bool pleased;		/* a rating that counts as satisfied in the
				 * satisfaction rate (report.h) */
};

struct mc_field {
	const char *name;	/* the body's key; a path for a nested one
				 * ("procedure.field": "$.procedure.field") */
	enum mc_field_type type;
	enum mc_need need;
	const char *when, *when_value;	/* MC_NEED_IF, MC_NEED_WITH */
	bool computed;		/* the core computes it (resume): never asked */
	bool applicant;		/* not given: the dossier's applicant */
	size_t max;		/* MC_FT_TEXT: at most this many characters */
	struct mc_choice choices[MC_CHOICES_MAX];	/* MC_FT_ENUM; value NULL ends */
	bool first_default;	/* MC_FT_ENUM: not given = the first choice */
	const char *label;	/* N_(): the form's label ("Reason:") */
	const char *noun;	/* N_(): "the step 'x' needs <noun>" ("a reason") */
	/* N_() templates, each with one %s (the value): */
	const char *missing;	/* instead of "needs <noun>" (no %s) */
	const char *bad;	/* the value is not of the type (%s the value) */
	const char *phrase;	/* in the timeline (%s the value); NULL: the
				 * value alone */
	bool hidden;		/* not in the timeline */
	/* the command line's option for it (`motcua event`): */
	const char *help;	/* N_(): what it is, for --help */
	const char *value;	/* its value in the synopsis ("NAME"); NULL: by
				 * type (TEXT, ID, N, "YYYY-MM-DD HH:MM", the
				 * choices) */
};

/* A step refused from a status, explained: the template gets the code,
 * then the status (each %s in turn). */
struct mc_refusal {
	const char *status;	/* NULL: any status */
	const char *text;	/* N_() */
};

struct mc_kind {
	enum mc_kind_id id;
	const char *name;	/* as stored in event.kind ("transfer-back") */
	const char *label;	/* N_(): the timeline ("Handed over") */
	const char *action;	/* N_(): the action list; NULL: not a step
				 * (written by the receipt or the guidance) */
	char key;		/* a step's letter in the action list, the same
				 * whatever the status (a lowercase ASCII
				 * letter, one per step, never 'p'); 0: none */
	enum mc_role role;	/* the least role that may record it */
	const char *role_refusal;	/* N_(): why a lesser role may not */
	const char *from[10];	/* the statuses it applies to, NULL ends */
	const char *to;		/* the status it leads to; NULL: unchanged */
	bool back;		/* leads back to the status before the pause */
	struct mc_field fields[MC_FIELDS_MAX];	/* name NULL ends */
	struct mc_refusal refusals[2];	/* text NULL ends; else the generic one */
	bool form;		/* the citizen gets a form after it: */
	enum slip_form slip;	/* which one */
	const char *form_title;	/* N_() */
};

/* The kind with this id (< MC_KIND_COUNT). */
const struct mc_kind *vocab_kind(enum mc_kind_id id);
/* The kind of this name, or NULL. */
const struct mc_kind *vocab_kind_named(const char *name);
/* The step whose key is this letter, or NULL. */
const struct mc_kind *vocab_kind_keyed(int key);
/* How many fields the kind's body has. */
size_t vocab_nfields(const struct mc_kind *k);
/* The index of the field of this name in k, or -1. */
int vocab_field_index(const struct mc_kind *k, const char *name);
/* The first field of k of this type, or NULL. */
const struct mc_field *vocab_field_of_type(const struct mc_kind *k,
    enum mc_field_type type);
/* The choice of this value of an enumeration, or NULL. */
const struct mc_choice *vocab_choice(const struct mc_field *f, const char *value);
/* How many choices an enumeration has. */
size_t vocab_nchoices(const struct mc_field *f);
/* The JSON path of a field in its kind's body ("$.reason").  Returns buf. */
char *vocab_path(const struct mc_field *f, char *buf, size_t n);
/* The names of the steps, "a, b, … or z" (" or " translated). */
char *vocab_step_names(char *buf, size_t n);

/* Fill a translated template: each "%s" (or "%N$s") in turn gets the next
 * of args (a template from a table cannot be a printf format).  Returns
 * buf. */
char *vocab_fill(const char *tmpl, const char *const *args, int nargs, char *buf,
    size_t n);

#endif
