/* dossier.h — receiving a dossier, and the projection of its events.
 *
 * A receipt is one transaction: the "receive" event (which carries the
 * procedure as it is today, the documents handed in, the applicant and the
 * promised due date-time) and the dossier row projected from it.  The
 * dossier table is only ever written by the projection (dossier-project.c):
 * dossier_project from the events, or for a receipt, which has every value
 * of its one event in hand, the same row from those values
 * (dossier_project_receipt); check projects from the events and compares. */
#ifndef MOTCUA_DOSSIER_H
#define MOTCUA_DOSSIER_H

#include <stdbool.h>
#include <sqlite3.h>

#include "motcua/calendar.h"
#include "motcua/citizen.h"
#include "motcua/date.h"
#include "motcua/error.h"
#include "motcua/event.h"

#define MC_CODE_LEN 64

/* The high-water mark of a day's codes at a station: meta key
 * MC_CODE_HIGH_KEY followed by the code without its last three digits
 * ("code_high:000.17.22.H56-261111-1"), the value the last number issued
 * ("5" after ...-1005).  A receipt writes it in its own transaction and
 * numbers from the greater of it and the codes held, so a code is never
 * issued twice, even when a receipt has been deleted; check_codes reports
 * the numbers below it that no dossier holds. */
#define MC_CODE_HIGH_KEY "code_high:"

enum mc_delivery { MC_DELIVER_COUNTER, MC_DELIVER_POST };
/* How the dossier reached the counter: handed in (the default), by post,
 * or online and recorded by the officer (schema 012). */
enum mc_channel { MC_CHANNEL_DIRECT, MC_CHANNEL_POST, MC_CHANNEL_ONLINE };
/* "direct", "post", "online"; dossier_channel_parse: 0, or -1 for a word
 * that is none of them. */
const char *dossier_channel_name(enum mc_channel c);
int dossier_channel_parse(const char *s, enum mc_channel *out);

struct mc_applicant {
	const char *name;
	const char *id;		/* CCCD, 12 digits */
	const char *birth_date;	/* YYYY-MM-DD or NULL */
	const char *phone;	/* or NULL */
	const char *address;	/* or NULL */
	const char *email;	/* or NULL */
	enum mc_delivery delivery;
};

struct mc_receipt {
	const char *procedure;	/* catalog code */
	const char *docs;	/* "all", or received positions "1,3"; NULL = all */
	struct mc_applicant applicant;
	struct mc_time at;	/* when received */
	const char *officer;	/* username, must be an active officer */
	enum mc_channel channel;	/* zero: handed in at the counter */
};

struct mc_receipt_out {
	char id[MC_UUID_LEN];
	char code[MC_CODE_LEN];
	struct mc_time due;
	struct mc_warnings warnings;
};

/* Validate and record a receipt.  All or nothing: on error nothing is
 * written and err says what to correct. */
int dossier_receive(sqlite3 *db, struct mc_calendar *cal, const struct mc_receipt *r,
    struct mc_receipt_out *out, struct mc_err *err);

/* Guidance instead of a receipt: a required document was missing, the
 * citizen got the supplement request (Mẫu 02) listing every missing item,
 * and no dossier was created.  Recorded as a "guide" event (counted as
 * "guided, not received"); `out->id` names it (for its slip), `out->code`
 * is empty.  Refused if nothing required is missing. */
int dossier_guide(sqlite3 *db, const struct mc_receipt *r, struct mc_receipt_out *out,
    struct mc_err *err);

/* The applicant of this ID number's most recent dossier (a returning
 * citizen).  Strings are malloc'd; free with dossier_applicant_free.
 * Returns 0 if found, 1 if the ID number is unknown, -1 on error. */
int dossier_last_applicant(sqlite3 *db, const char *id_number, struct mc_applicant *a,
    struct mc_err *err);
void dossier_applicant_free(struct mc_applicant *a);

/* Re-derive one dossier's row from its events (inside the caller's
 * transaction). */
int dossier_project(sqlite3 *db, const char *id, struct mc_err *err);

/* Drop and re-derive every dossier row in one transaction.  *differ gets
 * how many dossiers' rows differ from what the table held before (0 =
 * identical; a row missing, extra or changed counts once).  `acting` must
 * be allowed to (role_require, MC_ACT_REBUILD); the rebuild is an audit
 * event. */
int dossier_rebuild(sqlite3 *db, const char *acting, long long *total, long long *differ,
    struct mc_err *err);

/* The id of the dossier with this code; MC_ENOTFOUND if none. */
int dossier_find_code(sqlite3 *db, const char *code, char id[MC_UUID_LEN],
    struct mc_err *err);

/* ---- reading (dossier-read.c) ------------------------------------------ */

/* One document of the procedure, as the receipt recorded it. */
struct mc_dossier_doc {
	int position;		/* 1, 2, … as in the catalog */
	char *name;
	char *form;		/* catalog_form_name: "original", "copy", … */
	int quantity;
	bool required;
	bool received;		/* handed in at the counter */
};

/* A dossier as the projection holds it.  Strings are malloc'd, NULL where
 * the row has none; a time whose jdn is 0 is absent.  `status` is the
 * status's name ("received", "processing", …): a front end asks the
 * vocabulary for its label.  Free with dossier_free. */
struct mc_dossier {
	char id[MC_UUID_LEN];
	char code[MC_CODE_LEN];
	char *station;		/* the receiving station's id */
	char *officer;		/* the receiving officer's username */
	struct {
		char *code, *name, *field;
		char *time_limit;	/* as the catalog wrote it: "3 days" */
		long long fee;		/* VND */
		char *decided_by;	/* the deciding body; NULL: not named */
		bool forward;		/* sent on to it (catalog.h) */
	} procedure;		/* as it was on the day of receipt */
	struct mc_dossier_doc *docs;
	size_t ndocs;
	struct {
		char *name, *id, *birth_date, *phone, *address, *email;
	} applicant;
	enum mc_delivery delivery;
	struct mc_time received;
	struct mc_time due;	/* the promised date-time, moved by pauses */
	struct mc_time appointment;	/* what the citizen was last told */
	struct mc_time updated;	/* the time of the last event applied */
	char status[24];
	char *handler;		/* handed over to */
	char *agency;		/* transferred to */
	char *paused_from;	/* the status before a pause */
	struct mc_time paused_at;
	int paused_days;	/* working days paused so far */
	char *result;		/* "approved" | "refused" */
	char *result_reason;
	struct mc_time result_at;
	struct mc_time returned_at;
	char *collector, *collector_id;
	char *rating;		/* very_satisfied | satisfied | not_satisfied */
	char *closed_reason;	/* refuse, withdraw, cancel */
	struct mc_time closed_at;
	int apologies;		/* apology letters sent (Mẫu 04) */
};

/* The dossier with this code.  MC_ENOTFOUND (with a message saying what to
 * do) if there is none; d needs dossier_free only after a 0 return. */
int dossier_get(sqlite3 *db, const char *code, struct mc_dossier *d, struct mc_err *err);
/* Every dossier, by receipt time then code.  fn returns nonzero to stop;
 * the dossier it gets is freed when it returns. */
int dossier_list(sqlite3 *db, int (*fn)(const struct mc_dossier *, void *), void *arg,
    struct mc_err *err);
void dossier_free(struct mc_dossier *d);
/* "counter" or "post", as the projection stores it. */
const char *dossier_delivery_name(enum mc_delivery d);

/* ---- supplement requests (dossier-request.c) --------------------------- */

#define MC_REQUEST_DOCS 32	/* missing documents kept per request */

/* A supplement request (Mẫu 02) given at the counter: a "guide" event,
 * read back so that a returning citizen is not asked twice.  It is open
 * while no dossier of this ID number for this procedure has been received
 * since and no later request for the same procedure replaced it. */
struct mc_request {
	char id[MC_UUID_LEN];	/* the guidance's id: its slip (SLIP_SUPPLEMENT) */
	char at[MC_TIME_LEN];	/* when given, "YYYY-MM-DD HH:MM" */
	char officer[64];	/* who gave it (username) */
	char name[256];		/* the applicant, as on the request ("" where */
	char id_number[16];	/* the request has none) */
	char birth_date[MC_DATE_LEN];	/* YYYY-MM-DD */
	char phone[16], email[256], address[512];
	char procedure[32];	/* catalog code */
	char procedure_name[512];
	int missing[MC_REQUEST_DOCS];	/* positions of the documents asked for */
	size_t nmissing;
	char missing_text[2048];	/* "2. Giấy chứng sinh; 4. …", whole names */
	bool open;
};

/* The supplement requests of a citizen, newest first: by ID number (12
 * digits), phone (10 digits from 0) or name (folded; every word a prefix
 * of a word of the name, any order), as lifecycle_find finds dossiers.
 * fn returns nonzero to stop. */
int dossier_requests(sqlite3 *db, const char *text,
    int (*fn)(const struct mc_request *, void *), void *arg, struct mc_err *err);
/* The open requests of this ID number, newest first (the counter's
 * "what was asked last time"). */
int dossier_open_requests(sqlite3 *db, const char *id_number,
    int (*fn)(const struct mc_request *, void *), void *arg, struct mc_err *err);
/* Was the document at this position asked for by r? */
bool dossier_request_asked(const struct mc_request *r, int position);

#endif
