/* role.h — who may do what: one table of roles × actions.
 *
 * The roles are unit.h's enum mc_role: an officer works the counter, a
 * supervisor also runs the unit (catalog, calendar, settings, officers),
 * an auditor reads everything and changes nothing.  An action is either
 * recording an event of a kind (vocab.h: the receipt, the guidance, each
 * lifecycle step; the kind's .role says who) or one of the other things a
 * person does with the program, below.  role_may answers from one table;
 * every writer that enforces roles, the screens that offer only what a role
 * may do, and the man page's matrix read it.
 *
 * A module of its own rather than part of unit (the store of officers) or
 * auth (passwords): the table is pure data that lifecycle, catalog,
 * calendar, setting and the front ends all read, and none of them needs
 * to know how an officer proves who they are. */
#ifndef MOTCUA_ROLE_H
#define MOTCUA_ROLE_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "motcua/error.h"
#include "motcua/unit.h"
#include "motcua/vocab.h"

#define MC_ROLE_COUNT 3

/* 0 … MC_KIND_COUNT-1: recording an event of that kind (role_kind). */
enum mc_action {
	MC_ACT_CATALOG = MC_KIND_COUNT,	/* import, amend, abolish, restore procedures */
	MC_ACT_CALENDAR,	/* days off and working days, official calendars */
	MC_ACT_SETTING,		/* motcua setting set / unset */
	MC_ACT_OFFICER,		/* add, deactivate, change a role, reset, unlock */
	MC_ACT_PUBLISH,		/* publications of the catalog and calendar */
	MC_ACT_IMPORT,		/* another station's events bundle */
	MC_ACT_EXPORT,		/* this station's events bundle */
	MC_ACT_RESTORE,		/* the database from a backup */
	MC_ACT_READ,		/* dossiers, their history, lists, the due board */
	MC_ACT_REPORT,		/* the period figures, the logbook, the officers' day */
	MC_ACT_AUDIT,		/* the audit view */
	MC_ACT_BACKDATE,	/* a receipt dated before today */
	MC_ACT_REBUILD,		/* the dossiers rebuilt from the log (check --rebuild) */
	MC_ACT_TRUST,		/* trust or revoke another station's key */
	MC_ACT_COUNT
};

/* The action of recording an event of kind k. */
static inline enum mc_action
role_kind(enum mc_kind_id k)
{
	return (enum mc_action)k;
}

/* May an officer of role r do a?  False for an unknown role or action. */
bool role_may(enum mc_role r, enum mc_action a);
/* 0 if r may do a; else -1 and err (MC_EINVAL) says who may. */
int role_check(enum mc_role r, enum mc_action a, struct mc_err *err);

/* The acting officer proves allowed: `acting` (NULL: the only active
 * officer) is an active officer whose role may do a.  o (may be NULL)
 * gets the officer.  0, or -1 with err saying who may.  A unit that has
 * no active officer yet is being set up: then acting NULL may do
 * anything, and *o is the setup ("-", a supervisor).  Every core writer
 * calls this (or role_require_kind) first, so that no front end can do
 * what the role does not allow. */
int role_require(sqlite3 *db, const char *acting, enum mc_action a,
    struct mc_officer *o, struct mc_err *err);

/* The action's name, for the man page's matrix and tests ("handover",
 * "catalog"); the kind's name for a kind.  NULL if a is out of range. */
const char *role_action_name(enum mc_action a);
/* What it is, translated, to follow "may not" ("change the catalog",
 * "record “Handed over”").  Returns buf. */
char *role_action_label(enum mc_action a, char *buf, size_t n);
/* The action of this name; -1 if none. */
int role_action_parse(const char *name, enum mc_action *a);

/* Acting on a colleague's dossier (one another officer received or was
 * handed): the setting colleague_steps lists the steps an officer may
 * record there (default "handover,result,return"; withdraw and the rest
 * only on their own).  A supervisor may do on any dossier what the role
 * allows; an auditor nothing.  1 may, 0 may not, -1 on error. */
int role_colleague_may(sqlite3 *db, enum mc_role r, enum mc_kind_id k,
    struct mc_err *err);
/* The check of colleague_steps: names of lifecycle steps separated by
 * commas, or empty for none.  0 or -1 with err. */
int role_steps_check(const char *value, struct mc_err *err);

#endif
