/* cmd-roles.c — motcua roles: who may do what, from core's one table
 * (role.h).  The man page's ROLES section is this output, checked by
 * tests/cli/roles.sh. */
#include "config.h"

#include <stdio.h>

#include "cli.h"
#include "motcua/i18n.h"
#include "motcua/role.h"

static int
run(struct cli_ctx *ctx, const struct cli_args *a)
{
	static const enum mc_role order[] = {
		MC_ROLE_OFFICER, MC_ROLE_SUPERVISOR, MC_ROLE_AUDITOR,
	};
	char what[160];

	(void)ctx;
	(void)a;
	printf("%-14s", _("action"));
	for (size_t r = 0; r < sizeof order / sizeof order[0]; r++)
		printf(" %-11s", unit_role_name(order[r]));
	printf(" %s\n", _("what it is"));
	for (int i = 0; i < MC_ACT_COUNT; i++) {
		printf("%-14s", role_action_name((enum mc_action)i));
		for (size_t r = 0; r < sizeof order / sizeof order[0]; r++)
			printf(" %-11s", role_may(order[r], (enum mc_action)i) ? _("yes") : "-");
		printf(" %s\n", role_action_label((enum mc_action)i, what, sizeof what));
	}
	return 0;
}

static const struct cli_form forms[] = {
	{.run = run},
	CLI_FORM_END,
};

const struct cli_cmd cmd_roles = {
	.name = "roles",
	.summary = N_("Show which role may do what."),
	.forms = forms,
};
