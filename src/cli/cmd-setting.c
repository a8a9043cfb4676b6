/* cmd-setting.c — motcua setting list | get NAME | set NAME VALUE | unset NAME. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "motcua/i18n.h"
#include "motcua/setting.h"

static int
run(struct cli_ctx *ctx, int argc, char **argv)
{
	struct mc_err err;
	char value[512];
	sqlite3 *db;

	if (argc < 2)
		return cli_usage(&cmd_setting);
	if (strcmp(argv[1], "list") == 0 && argc == 2) {
		if ((db = cli_db(ctx)) == NULL)
			return 1;
		for (const struct mc_setting_info *s = setting_all(); s->name != NULL; s++) {
			setting_get(db, s->name, value, sizeof value);
			printf("%-17s %-26s # %s\n", s->name, value, _(s->help));
		}
		return 0;
	}
	if (strcmp(argv[1], "get") == 0 && argc == 3) {
		if ((db = cli_db(ctx)) == NULL)
			return 1;
		if (setting_get(db, argv[2], value, sizeof value) != 0)
			return cli_error(_("there is no setting '%s': see 'motcua setting list'"),
			    argv[2]);
		printf("%s\n", value);
		return 0;
	}
	if (strcmp(argv[1], "set") == 0 && argc == 4) {
		if ((db = cli_db(ctx)) == NULL)
			return 1;
		return setting_set(db, argv[2], argv[3], &err) ? cli_fail(&err) : 0;
	}
	if (strcmp(argv[1], "unset") == 0 && argc == 3) {
		if ((db = cli_db(ctx)) == NULL)
			return 1;
		return setting_unset(db, argv[2], &err) ? cli_fail(&err) : 0;
	}
	return cli_usage(&cmd_setting);
}

const struct cli_cmd cmd_setting = {
	"setting",
	"setting list | get NAME | set NAME VALUE | unset NAME",
	run,
};
