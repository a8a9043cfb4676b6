/* cmd-attach.c — motcua attach CODE FILE: keep a file scanned elsewhere (a
 * PDF, JPEG, PNG or TIFF) with a dossier, as an officer's action.  Core
 * (attach.h) checks the file, the dossier and the officer's role. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "motcua/attach.h"
#include "motcua/i18n.h"

/* --document N: a position, 1 or more. */
static int
read_position(const char *v, int *n)
{
	char *end;
	long x;

	if (v == NULL) {
		*n = 0;
		return 0;
	}
	x = strtol(v, &end, 10);
	if (v[0] < '0' || v[0] > '9' || *end != '\0' || x < 1 || x > 1000)
		return -1;
	*n = (int)x;
	return 0;
}

static int
run(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct attach_req r = {.code = a->argv[0], .result = cli_has(a, "result"),
	    .source = ATTACH_SOURCE_ATTACH};
	struct attach_out out;
	struct mc_officer me;
	struct mc_err err;
	sqlite3 *db;

	if (read_position(cli_arg(a, "document"), &r.document) != 0)
		return cli_error(_("--document takes a document's number in the dossier's "
		    "list (1, 2, …; see motcua show %s), not '%s'"), a->argv[0],
		    cli_arg(a, "document"));
	if ((db = cli_db(ctx)) == NULL || cli_login(ctx, a, db, &me))
		return 1;
	r.acting = me.username;
	if (attach_add_path(db, &r, a->argv[1], &out, &err) != 0)
		return cli_fail(&err);
	printf(ngettext("%s: file %d attached (%s, %d page, %lld bytes, sha256 %s)\n",
	    "%s: file %d attached (%s, %d pages, %lld bytes, sha256 %s)\n",
	    (unsigned long)out.pages), a->argv[0], out.number, attach_type_name(out.type),
	    out.pages, out.bytes, out.sha256);
	return 0;
}

static const struct cli_opt attach_opts[] = {
	{"document", "N", N_("the document of the dossier it is (its number in the "
	    "dossier's list); without it, the dossier as a whole"), 0, 0},
	{"result", NULL, N_("it is the result returned to the citizen"), 0, 0},
	CLI_OPT_END,
};

static const struct cli_form forms[] = {
	{.args = "CODE FILE", .opts = {attach_opts, cli_group_password}, .run = run},
	CLI_FORM_END,
};

const struct cli_cmd cmd_attach = {
	.name = "attach",
	.summary = N_("Keep a PDF, JPEG, PNG or TIFF file with a dossier."),
	.forms = forms,
};
