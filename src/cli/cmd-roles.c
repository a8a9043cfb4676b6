/* cmd-roles.c — motcua roles: who may do what, from core's one table
 * (role.h).  The man page's ROLES section is this output, checked by
 * tests/cli/roles.sh. */
#include "config.h"

#include <stdio.h>

#include "cli.h"
#include "motcua/i18n.h"
#include "motcua/role.h"
#include "motcua/vntext.h"

/* s, then spaces to `cols` display columns ("có" is two columns, three
 * bytes: printf's %-11s would count bytes) */
static void
cell(const char *s, size_t cols)
{
	size_t w = vntext_width(s);

	fputs(s, stdout);
	for (; w < cols; w++)
		putchar(' ');
}

static int
run(struct cli_ctx *ctx, const struct cli_args *a)
{
	static const enum mc_role order[] = {
		MC_ROLE_OFFICER, MC_ROLE_SUPERVISOR, MC_ROLE_AUDITOR,
	};
	char what[160];

	(void)ctx;
	(void)a;
	cell(_("action"), 14);
	for (size_t r = 0; r < sizeof order / sizeof order[0]; r++) {
		putchar(' ');
		cell(unit_role_name(order[r]), 11);
	}
	printf(" %s\n", _("what it is"));
	for (int i = 0; i < MC_ACT_COUNT; i++) {
		cell(role_action_name((enum mc_action)i), 14);
		for (size_t r = 0; r < sizeof order / sizeof order[0]; r++) {
			putchar(' ');
			cell(role_may(order[r], (enum mc_action)i) ? _("yes") : "-", 11);
		}
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
