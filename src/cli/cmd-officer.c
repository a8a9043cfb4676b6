/* cmd-officer.c — motcua officer add|list: who works at the counter; a
 * supervisor's officer deactivate|activate|role|reset|unlock; and motcua
 * passwd, an officer changing their own password. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "cli.h"
#include "motcua/auth.h"
#include "motcua/i18n.h"
#include "motcua/role.h"
#include "motcua/unit.h"

static int
print_officer(const struct mc_officer *o, void *arg)
{
	(void)arg;
	printf("%-16s %-11s %-8s %s\n", o->username, unit_role_name(o->role),
	    o->active ? "active" : "inactive", o->full_name);
	return 0;
}

static int
run_list(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_err err;
	sqlite3 *db;

	(void)a;
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	return unit_officer_list(db, print_officer, NULL, &err) ? cli_fail(&err) : 0;
}

/* The acting officer proves who they are and must be allowed to manage
 * officers; the new officer gets a password (from --new-password-file or
 * typed twice on the terminal).  The unit's first officer (no officer at
 * all yet: init without --supervisor) needs no proof, since nobody could
 * give it, and is a supervisor whatever --role says, so that the unit has
 * someone to manage it. */
static int
run_add(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *r = cli_arg(a, "role");
	enum mc_role role = MC_ROLE_OFFICER;
	struct mc_officer me;
	struct mc_err err;
	char pw[CLI_PASSWORD_SIZE];
	enum mc_role asked = MC_ROLE_SUPERVISOR;
	long long n;
	sqlite3 *db;
	int rc;

	if (r != NULL && unit_role_parse(r, &role) != 0)
		return cli_error(_("unknown role '%s': use officer, supervisor or auditor"), r);
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if ((n = unit_officer_count(db, &err)) < 0)
		return cli_fail(&err);
	if (n == 0) {
		asked = role;
		role = MC_ROLE_SUPERVISOR;
	} else {
		if (cli_login(ctx, a, db, &me))
			return 1;
		if (role_check(me.role, MC_ACT_OFFICER, &err) != 0)
			return cli_fail(&err);
	}
	if (cli_new_password(a, "new-password-file", a->argv[0], pw, sizeof pw))
		return 1;
	rc = auth_officer_add(db, n == 0 ? NULL : me.username, a->argv[0], a->argv[1], role,
	    pw, &err);
	sodium_memzero(pw, sizeof pw);
	if (rc != 0)
		return cli_fail(&err);
	if (asked != MC_ROLE_SUPERVISOR && r != NULL)
		cli_warn(_("%s is the unit's first officer, so a supervisor, not %s"),
		    a->argv[0], r);
	else if (n == 0)
		fprintf(stderr, "motcua: %s\n", _("the unit's first officer is a supervisor"));
	printf(_("Officer %s added.\n"), a->argv[0]);
	return 0;
}

static int
set_active(struct cli_ctx *ctx, const struct cli_args *a, bool active)
{
	struct mc_officer me;
	struct mc_err err;
	sqlite3 *db;

	if ((db = cli_login_for(ctx, a, MC_ACT_OFFICER, &me)) == NULL)
		return 1;
	if (unit_officer_set_active(db, me.username, a->argv[0], active, &err) != 0)
		return cli_fail(&err);
	printf(active ? _("Officer %s activated.\n") : _("Officer %s deactivated.\n"),
	    a->argv[0]);
	return 0;
}

static int
run_deactivate(struct cli_ctx *ctx, const struct cli_args *a)
{
	return set_active(ctx, a, false);
}

static int
run_activate(struct cli_ctx *ctx, const struct cli_args *a)
{
	return set_active(ctx, a, true);
}

static int
run_role(struct cli_ctx *ctx, const struct cli_args *a)
{
	enum mc_role role;
	struct mc_officer me;
	struct mc_err err;
	sqlite3 *db;

	if (unit_role_parse(a->argv[1], &role) != 0)
		return cli_error(_("unknown role '%s': use officer, supervisor or auditor"),
		    a->argv[1]);
	if ((db = cli_login_for(ctx, a, MC_ACT_OFFICER, &me)) == NULL)
		return 1;
	if (unit_officer_set_role(db, me.username, a->argv[0], role, &err) != 0)
		return cli_fail(&err);
	printf(_("Officer %s is now %s.\n"), a->argv[0], unit_role_name(role));
	return 0;
}

/* A temporary password (from --new-password-file or typed twice), which
 * the officer must change at the next login. */
static int
run_reset(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_officer me;
	struct mc_err err;
	char pw[CLI_PASSWORD_SIZE];
	sqlite3 *db;
	int rc;

	if ((db = cli_login_for(ctx, a, MC_ACT_OFFICER, &me)) == NULL)
		return 1;
	if (cli_new_password(a, "new-password-file", a->argv[0], pw, sizeof pw))
		return 1;
	rc = auth_reset(db, me.username, a->argv[0], pw, &err);
	sodium_memzero(pw, sizeof pw);
	if (rc != 0)
		return cli_fail(&err);
	printf(_("Password of %s reset: they must set a new one at their next login.\n"),
	    a->argv[0]);
	return 0;
}

static int
run_unlock(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_officer me;
	struct mc_err err;
	sqlite3 *db;

	if ((db = cli_login_for(ctx, a, MC_ACT_OFFICER, &me)) == NULL)
		return 1;
	if (auth_unlock(db, me.username, a->argv[0], &err) != 0)
		return cli_fail(&err);
	printf(_("Officer %s unlocked.\n"), a->argv[0]);
	return 0;
}

/* motcua passwd: the current password checked (a reset one too: this is
 * how it is replaced), then the new one set (its policy is auth_set's).  A
 * wrong current password changes nothing but its count.  An officer who
 * has no password at all (one from a database made before passwords, such
 * as the demo's) sets a first one without: there is none to prove. */
static int
run_passwd(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_auth_state st;
	struct mc_officer me;
	struct mc_time now;
	struct mc_err err;
	char pw[CLI_PASSWORD_SIZE];
	sqlite3 *db;
	int rc;

	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (unit_officer_get(db, ctx->officer, &me, &err) != 0)
		return cli_fail(&err);
	date_now(&now);
	if (auth_state(db, me.username, &now, &st, &err) != 0)
		return cli_fail(&err);
	if (!st.has_password) {
		if (cli_has(a, "password-file"))
			return cli_error(_("%s has no password yet: leave out --password-file "
			    "and give the first one with --new-password-file"), me.username);
	} else if (cli_login_passwd(ctx, a, db, &me)) {
		return 1;
	}
	if (cli_new_password(a, "new-password-file", me.username, pw, sizeof pw))
		return 1;
	rc = auth_set(db, me.username, pw, &err);
	sodium_memzero(pw, sizeof pw);
	if (rc != 0)
		return cli_fail(&err);
	printf(_("Password of %s changed.\n"), me.username);
	return 0;
}

static const struct cli_opt add_opts[] = {
	{"role", "officer|supervisor|auditor", N_("what the officer may do (default: "
	    "officer)"), 0, 0},
	CLI_OPT_END,
};

static const struct cli_form forms[] = {
	{.word = "add", .args = "USER \"Full name\"",
	    .opts = {add_opts, cli_group_password, cli_group_new_password}, .run = run_add},
	{.word = "list", .run = run_list},
	{.word = "deactivate", .args = "USER", .opts = {cli_group_password},
	    .run = run_deactivate},
	{.word = "activate", .args = "USER", .opts = {cli_group_password},
	    .run = run_activate},
	{.word = "role", .args = "USER officer|supervisor|auditor",
	    .opts = {cli_group_password}, .run = run_role},
	{.word = "reset", .args = "USER",
	    .opts = {cli_group_password, cli_group_new_password}, .run = run_reset},
	{.word = "unlock", .args = "USER", .opts = {cli_group_password},
	    .run = run_unlock},
	CLI_FORM_END,
};

const struct cli_cmd cmd_officer = {
	.name = "officer",
	.summary = N_("Add an officer, list them; a supervisor deactivates or "
	    "reactivates one, changes a role, resets a password or ends a lock."),
	.forms = forms,
};

static const struct cli_form passwd_forms[] = {
	{.opts = {cli_group_password, cli_group_new_password}, .run = run_passwd},
	CLI_FORM_END,
};

const struct cli_cmd cmd_passwd = {
	.name = "passwd",
	.summary = N_("Change your own password (the officer of --officer)."),
	.forms = passwd_forms,
};
