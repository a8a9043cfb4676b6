/* cmd-officer.c — motcua officer add|list. */
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
run(struct cli_ctx *ctx, int argc, char **argv)
{
	struct mc_err err;
	enum mc_role role = MC_ROLE_OFFICER;
	sqlite3 *db;

	if (argc >= 2 && strcmp(argv[1], "list") == 0 && argc == 2) {
		if ((db = cli_db(ctx)) == NULL)
			return 1;
		return unit_officer_list(db, print_officer, NULL, &err) ? cli_fail(&err) : 0;
	}
	if (argc >= 4 && strcmp(argv[1], "add") == 0) {
		if (argc == 6 && strcmp(argv[4], "--role") == 0) {
			if (unit_role_parse(argv[5], &role) != 0)
				return cli_error(_("unknown role '%s': use officer, supervisor "
				    "or auditor"), argv[5]);
		} else if (argc != 4) {
			return cli_usage(&cmd_officer);
		}
		if ((db = cli_db(ctx)) == NULL)
			return 1;
		if (unit_officer_add(db, argv[2], argv[3], role, &err) != 0)
			return cli_fail(&err);
		printf(_("Officer %s added.\n"), argv[2]);
		return 0;
	}
	return cli_usage(&cmd_officer);
}

const struct cli_cmd cmd_officer = {
	"officer",
	"officer add USER \"Full name\" [--role officer|supervisor|auditor] | officer list",
	run,
};
