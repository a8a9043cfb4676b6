/* cmd-scan.c — motcua scan CODE [--document N] [--device DEV]: scan a
 * document at the counter straight into a dossier, as an officer's
 * action.  Core (attach.h's attach_scan) reaches the scanner through SANE
 * and keeps the pages as one PDF, like a file attached. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "motcua/attach.h"
#include "motcua/i18n.h"

static int
run(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct attach_req r = {.code = a->argv[0], .result = cli_has(a, "result"),
	    .source = ATTACH_SOURCE_SCAN};
	const char *doc = cli_arg(a, "document");
	struct attach_out out;
	struct mc_officer me;
	struct mc_err err;
	sqlite3 *db;

	if (doc != NULL) {
		char *end;
		long x = strtol(doc, &end, 10);

		if (doc[0] < '0' || doc[0] > '9' || *end != '\0' || x < 1 || x > 1000)
			return cli_error(_("--document takes a document's number in the "
			    "dossier's list (1, 2, …; see motcua show %s), not '%s'"),
			    a->argv[0], doc);
		r.document = (int)x;
	}
	if ((db = cli_db(ctx)) == NULL || cli_login(ctx, a, db, &me))
		return 1;
	r.acting = me.username;
	if (attach_scan(db, &r, &(struct attach_scanner){.device = cli_arg(a, "device")},
	    &out, &err) != 0)
		return cli_fail(&err);
	printf(ngettext("%s: file %d scanned (%s, %d page, %lld bytes, sha256 %s)\n",
	    "%s: file %d scanned (%s, %d pages, %lld bytes, sha256 %s)\n",
	    (unsigned long)out.pages), a->argv[0], out.number, attach_type_name(out.type),
	    out.pages, out.bytes, out.sha256);
	return 0;
}

static const struct cli_opt scan_opts[] = {
	{"document", "N", N_("the document of the dossier it is (its number in the "
	    "dossier's list); without it, the dossier as a whole"), 0, 0},
	{"device", "DEV", N_("the scanner, by its SANE name (test:0 is SANE's test "
	    "scanner), instead of the setting scan_device"), 0, 0},
	{"result", NULL, N_("it is the result returned to the citizen"), 0, 0},
	CLI_OPT_END,
};

static const struct cli_form forms[] = {
	{.args = "CODE", .opts = {scan_opts, cli_group_password}, .run = run},
	CLI_FORM_END,
};

const struct cli_cmd cmd_scan = {
	.name = "scan",
	.summary = N_("Scan a document into a dossier (one PDF of its pages)."),
	.forms = forms,
};
