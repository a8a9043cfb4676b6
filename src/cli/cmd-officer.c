/* cmd-officer.c — motcua officer add|list: who works at the counter. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "motcua/i18n.h"
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

static int
run_add(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *r = cli_arg(a, "role");
	enum mc_role role = MC_ROLE_OFFICER;
	struct mc_err err;
	sqlite3 *db;

	if (r != NULL && unit_role_parse(r, &role) != 0)
		return cli_error(_("unknown role '%s': use officer, supervisor or auditor"), r);
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (unit_officer_add(db, a->argv[0], a->argv[1], role, &err) != 0)
		return cli_fail(&err);
	printf(_("Officer %s added.\n"), a->argv[0]);
	return 0;
}

static const struct cli_opt add_opts[] = {
	{"role", "officer|supervisor|auditor", N_("what the officer may do (default: "
	    "officer)"), 0, 0},
	CLI_OPT_END,
};

static const struct cli_form forms[] = {
	{.word = "add", .args = "USER \"Full name\"", .opts = {add_opts}, .run = run_add},
	{.word = "list", .run = run_list},
	CLI_FORM_END,
};

const struct cli_cmd cmd_officer = {
	.name = "officer",
	.summary = N_("Add an officer, or list them."),
	.forms = forms,
};
