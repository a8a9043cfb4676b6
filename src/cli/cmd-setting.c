/* cmd-setting.c — motcua setting list | get NAME | set NAME VALUE | unset NAME. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "motcua/i18n.h"
#include "motcua/setting.h"

static int
run_list(struct cli_ctx *ctx, const struct cli_args *a)
{
	char value[512];
	sqlite3 *db;

	(void)a;
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	for (const struct mc_setting_info *s = setting_all(); s->name != NULL; s++) {
		setting_get(db, s->name, value, sizeof value);
		printf("%-17s %-26s # %s\n", s->name, value, _(s->help));
	}
	return 0;
}

static int
run_get(struct cli_ctx *ctx, const struct cli_args *a)
{
	char value[512];
	sqlite3 *db;

	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (setting_get(db, a->argv[0], value, sizeof value) != 0)
		return cli_error(_("there is no setting '%s': see 'motcua setting list'"),
		    a->argv[0]);
	printf("%s\n", value);
	return 0;
}

static int
run_set(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_officer me;
	struct mc_err err;
	sqlite3 *db;

	if ((db = cli_db(ctx)) == NULL || cli_login(ctx, a, db, &me))
		return 1;
	return setting_set(db, me.username, a->argv[0], a->argv[1], &err) ? cli_fail(&err) : 0;
}

static int
run_unset(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_officer me;
	struct mc_err err;
	sqlite3 *db;

	if ((db = cli_db(ctx)) == NULL || cli_login(ctx, a, db, &me))
		return 1;
	return setting_unset(db, me.username, a->argv[0], &err) ? cli_fail(&err) : 0;
}

static const struct cli_form forms[] = {
	{.word = "list", .run = run_list},
	{.word = "get", .args = "NAME", .run = run_get},
	{.word = "set", .args = "NAME VALUE", .opts = {cli_group_password}, .run = run_set},
	{.word = "unset", .args = "NAME", .opts = {cli_group_password}, .run = run_unset},
	CLI_FORM_END,
};

const struct cli_cmd cmd_setting = {
	.name = "setting",
	.summary = N_("The station's settings: list, read, change, reset."),
	.forms = forms,
};
