/* s-life.h — what the screens after the receipt share: F3 lookup, F4
 * return, F5 due board, the dossier's detail and its actions.  They all
 * read and write through the lifecycle core (motcua/lifecycle.h); after a
 * step is recorded, u->gen changes and every screen on the stack reloads
 * what it shows the next time it is drawn. */
#ifndef MOTCUA_S_LIFE_H
#define MOTCUA_S_LIFE_H

#include "motcua/lifecycle.h"
#include "motcua/slip.h"
#include "ui-int.h"

/* The translated label of a status (vocab.h), or its name if unknown. */
const char *life_status(const char *status);
/* The translated label of a step, as offered in the action list. */
const char *life_step_label(const struct mc_kind *k);
/* One line of the timeline: what the event says, in words. */
void life_event_text(const struct mc_history_item *h, char *buf, size_t n);
/* The dossier with exactly this code: 0 found, 1 none (a message is on
 * the bottom line), -1 error (likewise). */
int life_get(struct ui *u, const char *code, struct mc_found *out);
/* After a step was recorded: the header counts, and the screens below
 * reload. */
void life_recorded(struct ui *u);
/* Render a form of the dossier (Mẫu 03, 04, 05), save it to the slips
 * folder as "<prefix>-<code>" and show it; `done` (may be NULL) leads the
 * message. */
void life_slip(struct ui *u, enum slip_form form, const char *prefix, const char *code,
    const char *title, const char *done);
/* The title of a dossier's form as the form set (slip_form_set) numbers
 * it: the control sheet is Mẫu 05 in 2018 and Mẫu 06 in 2025, the stop
 * notice Mẫu 05 of 2025 in both sets; any other form `fallback`
 * (translated here).  sheet: the same for the control sheet's item in the
 * actions ("…: preview, print") and the detail's line of keys. */
const char *life_form_title(struct ui *u, enum slip_form form, const char *fallback);
const char *life_sheet_item(struct ui *u);
const char *life_detail_keys(struct ui *u);
/* The actions allowed for the dossier's status and the officer's role,
 * on a colleague's dossier (`receiver` another officer) only those that
 * colleague_steps allows; then the step's form (s-action.c). */
void action_open(struct ui *u, const struct mc_found *d, const char *receiver);
/* s on a dossier's view: its documents and its result, each scanned
 * into it by its letter (s-scan.c); name is the applicant's. */
void scan_open(struct ui *u, const char *code, const char *name);
/* "3 days late", "due today", "2 days left" for the due board. */
void life_days(enum mc_due_group g, int days, char *buf, size_t n);

#endif
