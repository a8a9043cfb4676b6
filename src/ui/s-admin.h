/* s-admin.h — what the F9 administration screens share (s-admin*.c): the
 * role's say over changes, a text view, a form of fields, the choice of a
 * file to import, and each item's screen. */
#ifndef MOTCUA_S_ADMIN_H
#define MOTCUA_S_ADMIN_H

#include <stdbool.h>
#include <stddef.h>

#include "motcua/role.h"
#include "ui-int.h"

/* May the officer on duty do a (a change)?  If not, the bottom line says
 * why (core's role_check) and false is returned. */
bool admin_may(struct ui *u, enum mc_action a);
/* "read only: an auditor changes nothing" under the title, or nothing. */
void admin_draw_mode(struct ui *u, enum mc_action a);

/* A growing text: appends printf-style to *buf (malloc'd, NUL-ended);
 * false when memory ran out (the text so far stays). */
struct adm_text {
	char *buf;
	size_t len, cap;
};
bool adm_text_add(struct adm_text *t, const char *fmt, ...) MC_PRINTF(2, 3);

/* A scrolled text view: its lines taken over (freed at the end). */
void admin_view_open(struct ui *u, const char *title, char *text);

/* A form of up to ADM_FIELDS fields; Enter on the last (or any field,
 * when all are filled) calls submit, which returns 0 to close the form, or
 * -1 to stay (having said why).  ctx and key/num carry what the form is
 * about (an officer's username, a procedure's code, a day). */
#define ADM_FIELDS 24
struct adm_form {
	char intro[512];		/* translated, one or two lines */
	struct w_field f[ADM_FIELDS];
	int n, focus, top;
	int (*submit)(struct ui *u, struct adm_form *fm);
	char key[128];
	long num;
	void *ctx;
};
/* Open an empty form; add fields with adm_form_add (their index). */
struct adm_form *adm_form_open(struct ui *u, const char *intro,
    int (*submit)(struct ui *u, struct adm_form *fm));
int adm_form_add(struct adm_form *fm, const char *label, enum field_kind kind, bool vn);
/* The value of field i (malloc'd, "" when empty, NULL out of memory);
 * secret values are to be wiped with adm_wipe. */
char *adm_form_get(struct adm_form *fm, int i);
void adm_wipe(char *s);

/* Choose a file to import: a path typed, or one of the *.json files at
 * the top of the media F7 finds.  `done` gets the path chosen. */
void adm_import_open(struct ui *u, const char *title, const char *what,
    void (*done)(struct ui *u, const char *path));

/* The eight items. */
void admin_officers_open(struct ui *u);
void admin_catalog_open(struct ui *u);
void admin_holidays_open(struct ui *u);
void admin_settings_open(struct ui *u);
void admin_station_open(struct ui *u);
void admin_audit_open(struct ui *u);
void admin_unit_open(struct ui *u);
/* s-admin-doctor.c: core's checks of this PC (doctor.h) */
void admin_doctor_open(struct ui *u);

#endif
