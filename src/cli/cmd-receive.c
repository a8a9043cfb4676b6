/* cmd-receive.c — motcua receive: record a dossier handed in at the counter. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "motcua/calendar.h"
#include "motcua/dossier.h"
#include "motcua/i18n.h"

static int
run(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_receipt r;
	struct mc_receipt_out out;
	struct mc_calendar *cal;
	struct mc_officer me;
	struct mc_err err;
	const char *at = cli_arg(a, "at");
	char due[MC_TIME_LEN];
	sqlite3 *db;
	int rc;

	memset(&r, 0, sizeof r);
	cli_receipt(a, &r);
	if (cli_has(a, "post"))
		r.applicant.delivery = MC_DELIVER_POST;
	if (cli_arg(a, "channel") != NULL &&
	    dossier_channel_parse(cli_arg(a, "channel"), &r.channel) != 0)
		return cli_error(_("unknown channel '%s': use direct (handed in), post or "
		    "online"), cli_arg(a, "channel"));
	if (cli_time(at, &r.at) != 0)
		return 1;
	if ((db = cli_db(ctx)) == NULL || cli_login(ctx, a, db, &me))
		return 1;
	r.officer = me.username;
	if (calendar_open(db, &cal, &err) != 0)
		return cli_fail(&err);
	rc = dossier_receive(db, cal, &r, &out, &err);
	calendar_close(cal);
	for (int i = 0; i < out.warnings.n; i++)
		cli_warn("%s", out.warnings.msg[i]);
	if (rc != 0)
		return cli_fail(&err);
	date_format_time(&out.due, due);
	/* code, then due date-time: one value a line, for scripts */
	printf("%s\n%s\n", out.code, due);
	return 0;
}

static const struct cli_opt receive_opts[] = {
	{"post", NULL, N_("the result is to be sent by post"), 0, 0},
	{"channel", "direct|post|online", N_("how the dossier came: handed in (the "
	    "default), by post, or online (recorded by the officer)"), 0, 0},
	CLI_OPT_END,
};

static const struct cli_form forms[] = {
	{.opts = {cli_group_receipt, receive_opts, cli_group_at, cli_group_password},
	    .run = run},
	CLI_FORM_END,
};

const struct cli_cmd cmd_receive = {
	.name = "receive",
	.summary = N_("Record a dossier handed in at the counter."),
	.forms = forms,
};
