/* cmd-receive.c — motcua receive: record a dossier handed in at the counter. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "motcua/calendar.h"
#include "motcua/dossier.h"
#include "motcua/i18n.h"

static int
run(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_RECEIPT_OPTIONS,
		{"post", no_argument, NULL, 'P'},
		{"at", required_argument, NULL, 'A'},
		{NULL, 0, NULL, 0},
	};
	struct mc_receipt r;
	struct mc_receipt_out out;
	struct mc_calendar *cal;
	struct mc_err err;
	const char *at = NULL;
	char due[MC_TIME_LEN];
	sqlite3 *db;
	int c, rc;

	memset(&r, 0, sizeof r);
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (cli_receipt_opt(c, optarg, &r))
			continue;
		if (c == 'P')
			r.applicant.delivery = MC_DELIVER_POST;
		else if (c == 'A')
			at = optarg;
		else
			return cli_usage(&cmd_receive);
	}
	if (optind != argc || r.procedure == NULL || r.applicant.name == NULL ||
	    r.applicant.id == NULL)
		return cli_usage(&cmd_receive);
	if (cli_time(at, &r.at) != 0)
		return 1;
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	r.officer = ctx->officer;
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

const struct cli_cmd cmd_receive = {
	"receive",
	"receive --procedure CODE --name NAME --id NUMBER [--birth YYYY-MM-DD] "
	"[--phone P] [--address A] [--email E] [--post] [--docs all|none|1,3] "
	"[--at \"YYYY-MM-DD HH:MM\"]",
	run,
};
