/* cmd-officer.c — motcua officer add|list: who works at the counter; and
 * motcua passwd, an officer changing their own password. */
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

/* With --password-file the acting officer proves who they are and must be
 * allowed to manage officers, and the new officer gets a password (from
 * --new-password-file or the terminal).  Without it, as before passwords
 * existed: anyone adds, and --new-password-file alone still sets one. */
static int
run_add(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *r = cli_arg(a, "role");
	bool login = cli_has(a, "password-file"), with_pw;
	enum mc_role role = MC_ROLE_OFFICER;
	struct mc_officer me;
	struct mc_err err;
	char pw[CLI_PASSWORD_SIZE];
	sqlite3 *db;
	int rc;

	if (r != NULL && unit_role_parse(r, &role) != 0)
		return cli_error(_("unknown role '%s': use officer, supervisor or auditor"), r);
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (login) {
		if (cli_login(ctx, a, db, &me))
			return 1;
		if (role_check(me.role, MC_ACT_OFFICER, &err) != 0)
			return cli_fail(&err);
	}
	with_pw = login || cli_has(a, "new-password-file");
	if (with_pw && cli_new_password(a, "new-password-file", a->argv[0], pw, sizeof pw))
		return 1;
	rc = auth_officer_add(db, a->argv[0], a->argv[1], role, with_pw ? pw : NULL, &err);
	sodium_memzero(pw, sizeof pw);
	if (rc != 0)
		return cli_fail(&err);
	printf(_("Officer %s added.\n"), a->argv[0]);
	return 0;
}

/* motcua passwd: the current password checked, then the new one set (its
 * policy is auth_set's).  A wrong current password changes nothing but
 * its count. */
static int
run_passwd(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_officer me;
	struct mc_err err;
	char pw[CLI_PASSWORD_SIZE];
	sqlite3 *db;
	int rc;

	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (cli_login(ctx, a, db, &me))
		return 1;
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
	CLI_FORM_END,
};

const struct cli_cmd cmd_officer = {
	.name = "officer",
	.summary = N_("Add an officer, or list them."),
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
