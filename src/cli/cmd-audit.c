/* cmd-audit.c — motcua audit [--from DATE] [--to DATE] [--officer USER]
 * [--json]: the station's audit events, newest first. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "motcua/audit.h"
#include "motcua/i18n.h"

struct out {
	bool as_json;
	long long n;
};

static int
item(const struct audit_item *it, void *arg)
{
	struct out *o = arg;

	if (!o->as_json) {
		/* "2026-11-21T09:30:00+07:00" → "2026-11-21 09:30" */
		printf("%.10s %.5s  %-12s %s%s%s\n", it->at, it->at + 11, it->officer, it->label,
		    it->detail[0] != '\0' ? ": " : "", it->detail);
		o->n++;
		return 0;
	}
	fputs(o->n++ > 0 ? ",\n  {" : "\n  {", stdout);
	fputs("\"at\": ", stdout);
	cli_jstr(stdout, it->at);
	fputs(", \"officer\": ", stdout);
	cli_jstr(stdout, it->officer);
	fputs(", \"kind\": ", stdout);
	cli_jstr(stdout, it->kind);
	fputs(", \"label\": ", stdout);
	cli_jstr(stdout, it->label);
	fputs(", \"detail\": ", stdout);
	cli_jstr(stdout, it->detail);
	fputs(", \"station\": ", stdout);
	cli_jstr(stdout, it->origin);
	printf(", \"seq\": %lld}", it->seq);
	return 0;
}

static int
run(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct audit_filter f = {0, 0, NULL};
	struct out o = {cli_has(a, "json"), 0};
	const char *from = cli_arg(a, "from"), *to = cli_arg(a, "to");
	struct mc_err err;
	sqlite3 *db;

	/* --officer here names whose events to list; before the command it is
	 * the program's option, which a command that only reads takes the
	 * same way */
	f.officer = cli_arg(a, "officer") != NULL ? cli_arg(a, "officer") : ctx->officer;
	if ((from != NULL && cli_read_day(from, &f.from, &err) != 0) ||
	    (to != NULL && cli_read_day(to, &f.to, &err) != 0)) {
		cli_fail(&err);
		return EXIT_USAGE;
	}
	if (f.from > 0 && f.to > 0 && f.to < f.from) {
		cli_error(_("--to is before --from: give the earlier date first"));
		return EXIT_USAGE;
	}
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (o.as_json)
		fputs("[", stdout);
	if (audit_list(db, &f, item, &o, &err) != 0)
		return cli_fail(&err);
	if (o.as_json)
		fputs(o.n > 0 ? "\n]\n" : "]\n", stdout);
	else if (o.n == 0)
		printf("%s\n", _("no audit events in that period"));
	return 0;
}

static const struct cli_opt audit_opts[] = {
	{"from", "DATE", N_("the first day (DD/MM/YYYY, DDMMYYYY or YYYY-MM-DD)"), 0, 0},
	{"to", "DATE", N_("the last day"), 0, 0},
	{"officer", "USER", N_("only what this officer did"), 0, 0},
	CLI_OPT_END,
};

static const struct cli_form forms[] = {
	{.opts = {audit_opts, cli_group_json}, .run = run},
	CLI_FORM_END,
};

const struct cli_cmd cmd_audit = {
	.name = "audit",
	.summary = N_("List the audit events: logins, officers, settings, catalog, "
	    "calendar, bundles."),
	.forms = forms,
};
