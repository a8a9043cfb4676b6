/* dossier-int.h — what the receipt (dossier.c) takes from the intake
 * checks (dossier-intake.c); inside core only. */
#ifndef MOTCUA_DOSSIER_INT_H
#define MOTCUA_DOSSIER_INT_H

#include <stdbool.h>

#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/dossier.h"
#include "motcua/unit.h"

/* The applicant's text fields after cleaning, owned by the receipt. */
struct clean_applicant {
	char *name, *address, *email;
	char id[13], phone[MC_PHONE_LEN], birth[MC_DATE_LEN];
};

/* What a receipt and a guidance share: the checked facts of the intake. */
struct intake {
	struct mc_procedure p;
	struct clean_applicant a;
	struct mc_officer off;
	struct mc_unit u;
	struct mc_limit lim;
	bool *received;		/* [p.ndocs] */
};

/* Check a receipt's officer, procedure (in force that day), applicant and
 * document list; in is filled (free it with intake_free, even on error). */
int intake_check(sqlite3 *db, const struct mc_receipt *r, struct intake *in,
    struct mc_warnings *w, struct mc_err *err);
void intake_free(struct intake *in);
/* Refuse a receipt without the phone or address when the office requires
 * them (the settings require_phone, require_address: setting.h); both
 * front ends meet the rule here. */
int intake_required(sqlite3 *db, const struct clean_applicant *a, struct mc_err *err);
/* Refuse an incomplete dossier, naming every missing required document
 * at once (the citizen is never asked twice). */
int intake_complete(const struct mc_procedure *p, const bool *received,
    struct mc_err *err);

/* A receipt's row as the projection of its receive event would make it
 * (dossier-project.c's projectors[MC_KIND_RECEIVE] and logbook_project),
 * from the values the receipt has in hand: NULL or "" where the event's
 * body holds null.  The event is already appended. */
struct receipt_row {
	const char *id, *code, *station, *officer;
	const struct mc_procedure *p;
	const struct clean_applicant *a;
	const char *documents;	/* the body's documents array, as JSON */
	const char *delivery, *received, *due, *channel;	/* ISO times; names */
	const char *book;
	long long book_no;	/* 0: none */
};
/* Write that row, its name words, its use count and its report counts, as
 * dossier_project would for a dossier whose only event is its receipt:
 * without reading back the event or the row (check and `check --rebuild`
 * project from the events and compare). */
int dossier_project_receipt(sqlite3 *db, const struct receipt_row *r, struct mc_err *err);

/* dossier_receive for the demo's made-up history (demo.c), whose receipts
 * are dated in the past by design: every rule but the one that a date
 * before today is a supervisor's. */
int dossier_receive_history(sqlite3 *db, struct mc_calendar *cal,
    const struct mc_receipt *r, struct mc_receipt_out *out, struct mc_err *err);
/* dossier_guide for the same history: a guidance dated in the past. */
int dossier_guide_history(sqlite3 *db, const struct mc_receipt *r,
    struct mc_receipt_out *out, struct mc_err *err);

#endif
