/* cmd-unit.c — motcua unit show | set: the unit's names after the 2025
 * reform (the parent authority, the receiving body, the place of the
 * forms' date line), its address and phone; a supervisor changes them
 * (unit.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "motcua/i18n.h"
#include "motcua/unit.h"

static int
run_show(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_unit u;
	struct mc_err err;
	sqlite3 *db;

	(void)a;
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (unit_get(db, &u, &err) != 0)
		return cli_fail(&err);
	/* the first words are the format: scripts read "body:" */
	printf("code: %s\n", u.code);
	printf("parent: %s\n", u.name);
	printf("body: %s\n", u.body);
	printf("place: %s\n", u.place);
	printf("address: %s\n", u.address);
	printf("phone: %s\n", u.phone);
	printf("station: %d\n", u.station);
	return 0;
}

static int
run_set(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_unit_change c = {
		.name = cli_arg(a, "parent"), .body = cli_arg(a, "body"),
		.place = cli_arg(a, "place"), .address = cli_arg(a, "address"),
		.phone = cli_arg(a, "phone"),
	};
	struct mc_officer me;
	struct mc_unit u;
	struct mc_err err;
	sqlite3 *db;

	if (c.name == NULL && c.body == NULL && c.place == NULL && c.address == NULL &&
	    c.phone == NULL) {
		cli_error(_("say what to change: --parent, --body, --place, --address or "
		    "--phone"));
		return EXIT_USAGE;
	}
	if ((db = cli_db(ctx)) == NULL || cli_login(ctx, a, db, &me))
		return 1;
	if (unit_set(db, me.username, &c, &err) != 0 || unit_get(db, &u, &err) != 0)
		return cli_fail(&err);
	printf(_("The unit is now: %s; %s; place %s.\n"), u.name, u.body, u.place);
	return 0;
}

static const struct cli_opt set_opts[] = {
	{"parent", "NAME", N_("the parent authority, such as \"UBND xã Phước Long\" (the "
	    "unit's name)"), 0, 0},
	{"body", "NAME", N_("the receiving body, such as \"Trung tâm Phục vụ hành chính "
	    "công xã Phước Long\""), 0, 0},
	{"place", "NAME", N_("the place of the forms' date line, such as \"Phước Long\""),
	    0, 0},
	{"address", "A", N_("the unit's address"), 0, 0},
	{"phone", "P", N_("the unit's phone, printed on the supplement request"), 0, 0},
	CLI_OPT_END,
};

static const struct cli_form forms[] = {
	{.word = "show", .run = run_show},
	{.word = "set", .opts = {set_opts, cli_group_password}, .run = run_set},
	CLI_FORM_END,
};

const struct cli_cmd cmd_unit = {
	.name = "unit",
	.summary = N_("The unit's names, address and phone: show them; a supervisor "
	    "changes them."),
	.forms = forms,
};
