/* role.c — the table of roles × actions (role.h) and the setting for
 * acting on a colleague's dossier. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "motcua/i18n.h"
#include "motcua/role.h"
#include "motcua/setting.h"

#define O (1u << MC_ROLE_OFFICER)
#define S (1u << MC_ROLE_SUPERVISOR)
#define A (1u << MC_ROLE_AUDITOR)

/* The actions that are not event kinds: who may, and what it is.  Where
 * the issue names no role (import, export) the choice is the one the
 * counter's work needs: carrying bundles between stations is daily work,
 * so an officer exports and imports events (each verified, and projected
 * by the same rules as the station's own).  A bundle that is a publication
 * changes the catalog or the calendar: its content goes through their
 * imports, which are a supervisor's, so an officer's import of one is
 * refused there.  An auditor changes nothing, and both write an audit
 * event, so an auditor does neither. */
static const struct {
	const char *name;
	unsigned roles;
	const char *label;	/* N_() */
} others[MC_ACT_COUNT - MC_KIND_COUNT] = {
	[MC_ACT_CATALOG - MC_KIND_COUNT] = {"catalog", S, N_("change the catalog")},
	[MC_ACT_CALENDAR - MC_KIND_COUNT] = {"calendar", S, N_("change the calendar")},
	[MC_ACT_SETTING - MC_KIND_COUNT] = {"setting", S, N_("change a setting")},
	[MC_ACT_OFFICER - MC_KIND_COUNT] = {"officer", S,
	    N_("manage officers and their passwords")},
	[MC_ACT_PUBLISH - MC_KIND_COUNT] = {"publish", S, N_("publish the catalog or "
	    "the calendar")},
	[MC_ACT_IMPORT - MC_KIND_COUNT] = {"import", O | S, N_("import another station's "
	    "events")},
	[MC_ACT_EXPORT - MC_KIND_COUNT] = {"export", O | S, N_("export this station's "
	    "events")},
	[MC_ACT_RESTORE - MC_KIND_COUNT] = {"restore", S, N_("restore the database from "
	    "a backup")},
	[MC_ACT_READ - MC_KIND_COUNT] = {"read", O | S | A, N_("read dossiers")},
	[MC_ACT_REPORT - MC_KIND_COUNT] = {"report", O | S | A, N_("run reports")},
	[MC_ACT_AUDIT - MC_KIND_COUNT] = {"audit", S | A, N_("see the audit")},
	[MC_ACT_BACKDATE - MC_KIND_COUNT] = {"backdate", S, N_("record a receipt dated "
	    "before today")},
	[MC_ACT_REBUILD - MC_KIND_COUNT] = {"rebuild", S, N_("rebuild the dossiers from "
	    "the log")},
	[MC_ACT_TRUST - MC_KIND_COUNT] = {"trust", S, N_("trust or revoke another "
	    "station's key")},
};

/* Who may record an event of a kind: vocab's .role is the least role,
 * MC_ROLE_OFFICER meaning an officer or a supervisor; an auditor records
 * nothing. */
static unsigned
kind_roles(enum mc_kind_id k)
{
	return vocab_kind(k)->role == MC_ROLE_SUPERVISOR ? S : O | S;
}

static unsigned
roles_of(enum mc_action a)
{
	if ((unsigned)a < MC_KIND_COUNT)
		return kind_roles((enum mc_kind_id)a);
	if ((unsigned)a < MC_ACT_COUNT)
		return others[a - MC_KIND_COUNT].roles;
	return 0;
}

bool
role_may(enum mc_role r, enum mc_action a)
{
	return (unsigned)r < MC_ROLE_COUNT && (roles_of(a) & (1u << r)) != 0;
}

int
role_check(enum mc_role r, enum mc_action a, struct mc_err *err)
{
	char what[160], who[64] = "";
	unsigned roles = roles_of(a);

	if (role_may(r, a))
		return 0;
	for (int i = 0; i < MC_ROLE_COUNT; i++)
		if (roles & (1u << i))
			snprintf(who + strlen(who), sizeof who - strlen(who), "%s%s",
			    who[0] != '\0' ? ", " : "", unit_role_name((enum mc_role)i));
	role_action_label(a, what, sizeof what);
	/* TRANSLATORS: the role, what it may not do, the roles that may
	 * (the words officer, supervisor, auditor as --role takes them) */
	return err_set(err, MC_EINVAL, _("the role '%s' may not %s: ask an officer whose "
	    "role may (%s)"), unit_role_name(r), what, who);
}

int
role_require(sqlite3 *db, const char *acting, enum mc_action a, struct mc_officer *o,
    struct mc_err *err)
{
	struct mc_officer me;
	long long n;

	if (o == NULL)
		o = &me;
	/* a unit being set up (init, the first-start setup) has nobody to act
	 * yet: what it does then is the setup, as the first supervisor will */
	if (acting == NULL && (n = unit_officer_count(db, err)) <= 0) {
		if (n < 0)
			return -1;
		memset(o, 0, sizeof *o);
		snprintf(o->username, sizeof o->username, "%s", "-");
		o->role = MC_ROLE_SUPERVISOR;
		o->active = true;
		return 0;
	}
	if (unit_officer_get(db, acting, o, err))
		return -1;
	return role_check(o->role, a, err);
}

const char *
role_action_name(enum mc_action a)
{
	if ((unsigned)a < MC_KIND_COUNT)
		return vocab_kind((enum mc_kind_id)a)->name;
	if ((unsigned)a < MC_ACT_COUNT)
		return others[a - MC_KIND_COUNT].name;
	return NULL;
}

char *
role_action_label(enum mc_action a, char *buf, size_t n)
{
	if ((unsigned)a < MC_KIND_COUNT)
		/* TRANSLATORS: %s is an event's label in the timeline ("Handed over") */
		snprintf(buf, n, _("record “%s”"), _(vocab_kind((enum mc_kind_id)a)->label));
	else if ((unsigned)a < MC_ACT_COUNT)
		snprintf(buf, n, "%s", _(others[a - MC_KIND_COUNT].label));
	else
		snprintf(buf, n, "?");
	return buf;
}

int
role_action_parse(const char *name, enum mc_action *a)
{
	for (int i = 0; i < MC_ACT_COUNT; i++)
		if (strcmp(role_action_name((enum mc_action)i), name) == 0) {
			*a = (enum mc_action)i;
			return 0;
		}
	return -1;
}

/* Is `name` one of the comma-separated words of `list`? */
static bool
listed(const char *list, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = list; *p != '\0'; p += strcspn(p, ",")) {
		if (*p == ',')
			p++;
		if (strncmp(p, name, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return true;
	}
	return false;
}

int
role_colleague_may(sqlite3 *db, enum mc_role r, enum mc_kind_id k, struct mc_err *err)
{
	char list[256];

	if (!role_may(r, role_kind(k)))
		return 0;
	if (r == MC_ROLE_SUPERVISOR)
		return 1;
	if (setting_get(db, "colleague_steps", list, sizeof list) != 0)
		return err_set(err, MC_ESTORE,
		    _("there is no setting '%s': see 'motcua setting list'"), "colleague_steps");
	return listed(list, vocab_kind(k)->name);
}

int
role_steps_check(const char *value, struct mc_err *err)
{
	const char *p = value;

	while (*p != '\0') {
		size_t n = strcspn(p, ",");
		char name[32];
		const struct mc_kind *k;

		snprintf(name, sizeof name, "%.*s", (int)(n < sizeof name ? n : sizeof name - 1),
		    p);
		k = vocab_kind_named(name);
		if (n == 0 || n >= sizeof name || k == NULL || k->action == NULL)
			return err_set(err, MC_EINVAL,
			    _("'%.*s' is not a step: colleague_steps lists steps such as "
			    "handover,result,return, separated by commas (empty: none)"),
			    (int)n, p);
		p += n;
		if (*p == ',' && *++p == '\0')
			return err_set(err, MC_EINVAL,
			    _("colleague_steps ends with a comma: name a step after it"));
	}
	return 0;
}
