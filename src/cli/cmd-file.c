/* cmd-file.c — motcua file CODE N --out FILE: a copy of a dossier's file N,
 * its hash checked against its event as it is copied (attach_fetch). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "motcua/attach.h"
#include "motcua/i18n.h"

static int
run(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_err err;
	const char *out = cli_arg(a, "out");
	char *end;
	long n = strtol(a->argv[1], &end, 10);
	sqlite3 *db;

	if (a->argv[1][0] < '0' || a->argv[1][0] > '9' || *end != '\0' || n < 1 ||
	    n > 1000000)
		return cli_error(_("'%s' is not a file's number: see motcua files %s"),
		    a->argv[1], a->argv[0]);
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (attach_fetch(db, a->argv[0], (int)n, out, cli_has(a, "force"), &err) != 0)
		return cli_fail(&err);
	printf(_("%s: file %ld written to %s\n"), a->argv[0], n, out);
	return 0;
}

static const struct cli_opt file_opts[] = {
	{"out", "FILE", N_("where to write the copy"), CLI_REQUIRED, 0},
	{"force", NULL, N_("replace FILE if it exists"), 0, 0},
	CLI_OPT_END,
};

static const struct cli_form forms[] = {
	{.args = "CODE N", .opts = {file_opts}, .run = run},
	CLI_FORM_END,
};

const struct cli_cmd cmd_file = {
	.name = "file",
	.summary = N_("Copy a file kept with a dossier out of the store."),
	.forms = forms,
};
