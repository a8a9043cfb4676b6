/* cmd-catalog.c — motcua catalog import|export|list: the procedure catalog.
 *
 *   motcua catalog import FILE
 *   motcua catalog export
 *   motcua catalog list [--search TEXT] [--all] [--json]
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/format.h"
#include "motcua/i18n.h"

static int
do_import(struct cli_ctx *ctx, int argc, char **argv)
{
	struct catalog_stats st;
	struct mc_err err;
	sqlite3 *db;

	if (argc != 2)
		return cli_usage(&cmd_catalog);
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (catalog_import_file(db, argv[1], &st, &err) < 0)
		return cli_fail(&err);
	printf(_("catalog imported: %d new, %d amended, %d abolished, %d unchanged\n"),
	    st.added, st.amended, st.abolished, st.unchanged);
	return 0;
}

static int
do_export(struct cli_ctx *ctx, int argc, char **argv)
{
	struct mc_err err;
	sqlite3 *db;
	char *json;
	int rc = 0;

	(void)argv;
	if (argc != 1)
		return cli_usage(&cmd_catalog);
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
do_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"search", required_argument, NULL, 's'},
		{"all", no_argument, NULL, 'a'},
		{"json", no_argument, NULL, 'j'},
		{NULL, 0, NULL, 0},
	};
	struct list_ctx lc = { 0 };
	const char *search = NULL;
	bool all = false;
	struct mc_err err;
	char *text = NULL;
	sqlite3 *db;
	int c, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 's': search = optarg; break;
		case 'a': all = true; break;
		case 'j': lc.json = true; break;
		default: return cli_usage(&cmd_catalog);
		}
	}
	if (optind != argc)
		return cli_usage(&cmd_catalog);
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

static int
run(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(&cmd_catalog);
	/* from here argv[0] is the action, as getopt expects */
	if (strcmp(argv[1], "import") == 0)
		return do_import(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "export") == 0)
		return do_export(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0)
		return do_list(ctx, argc - 1, argv + 1);
	return cli_usage(&cmd_catalog);
}

const struct cli_cmd cmd_catalog = {
	"catalog",
	"catalog import FILE | export | list [--search TEXT] [--all] [--json]",
	run,
};
