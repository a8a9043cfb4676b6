/* cmd-catalog.c — motcua catalog import|export|list: the procedure catalog.
 *
 *   motcua catalog import FILE [--password-file FILE]
 *   motcua catalog export
 *   motcua catalog list [--search TEXT] [--all] [--json]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/format.h"
#include "motcua/i18n.h"

static int
do_import(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct catalog_stats st;
	struct mc_officer me;
	struct mc_err err;
	sqlite3 *db;

	if ((db = cli_db(ctx)) == NULL || cli_login(ctx, a, db, &me))
		return 1;
	if (catalog_import_file(db, me.username, a->argv[0], &st, &err) < 0)
		return cli_fail(&err);
	printf(_("catalog imported: %d new, %d amended, %d abolished, %d unchanged\n"),
	    st.added, st.amended, st.abolished, st.unchanged);
	return 0;
}

static int
do_export(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_err err;
	sqlite3 *db;
	char *json;
	int rc = 0;

	(void)a;
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if ((json = catalog_export_json(db, &err)) == NULL)
		return cli_fail(&err);
	if (fputs(json, stdout) == EOF || fflush(stdout) == EOF)
		rc = cli_error(_("cannot write the catalog: check the disk"));
	free(json);
	return rc;
}

struct list_ctx {
	bool json;
	int n;
	bool failed;
};

static int
print_one(const struct mc_procedure *p, void *arg)
{
	struct list_ctx *lc = arg;
	char limit[64], fee[32];

	if (lc->json) {
		char *s = catalog_procedure_json(p, 2);

		if (s == NULL) {
			lc->failed = true;
			return 1;
		}
		printf("%s  %s", lc->n == 0 ? "" : ",\n", s);
		free(s);
	} else {
		/* fixed-width columns first, so the long names never break
		 * the alignment */
		format_limit_text(p->time_limit, FORMAT_SCREEN, limit, sizeof limit);
		format_fee(p->fee, FORMAT_COLUMN, fee, sizeof fee);
		printf("%-10s  ", p->code);
		cli_pad(stdout, limit, 12);
		printf("  %11s  %s (%s)%s%s\n", fee,
		    p->name, p->field, p->abolished != NULL ? "  " : "",
		    p->abolished != NULL ? _("[abolished]") : "");
	}
	lc->n++;
	return 0;
}

static int
do_list(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct list_ctx lc = { 0 };
	const char *search = cli_arg(a, "search");
	bool all = cli_has(a, "all");
	struct mc_err err;
	char *text = NULL;
	sqlite3 *db;
	int rc;

	lc.json = cli_has(a, "json");
	if (search != NULL && (text = cli_text(search, "--search")) == NULL)
		return 1;
	if ((db = cli_db(ctx)) == NULL) {
		free(text);
		return 1;
	}
	if (lc.json)
		fputs("[\n", stdout);
	rc = catalog_search(db, text, all, print_one, &lc, &err);
	free(text);
	if (rc < 0)
		return cli_fail(&err);
	if (lc.failed)
		return cli_error(_("out of memory"));
	if (lc.json)
		fputs(lc.n > 0 ? "\n]\n" : "]\n", stdout);
	if (fflush(stdout) == EOF)
		return cli_error(_("cannot write the list"));
	return 0;
}

static const struct cli_opt list_opts[] = {
	{"search", "TEXT", N_("only the procedures whose code, name or field holds every "
	    "word of TEXT"), 0, 0},
	{"all", NULL, N_("abolished procedures too"), 0, 0},
	CLI_OPT_END,
};

static const struct cli_form forms[] = {
	{.word = "import", .args = "FILE", .opts = {cli_group_password}, .run = do_import},
	{.word = "export", .run = do_export},
	{.word = "list", .opts = {list_opts, cli_group_json}, .run = do_list},
	CLI_FORM_END,
};

const struct cli_cmd cmd_catalog = {
	.name = "catalog",
	.summary = N_("Import, export or list the catalog of procedures."),
	.forms = forms,
};
