/* main.c — parses the global options and picks a front end: a subcommand
 * (src/cli) or the full-screen program (src/ui). */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "motcua/db.h"
#include "motcua/demo.h"
#include "motcua/i18n.h"
#include "motcua/unit.h"
#include "ui/ui.h"

static const struct cli_cmd *const commands[] = {
	&cmd_init, &cmd_officer, &cmd_catalog, &cmd_calendar, &cmd_receive,
	&cmd_guide, &cmd_slip, &cmd_event, &cmd_history, &cmd_due, &cmd_find,
	&cmd_show, &cmd_list, &cmd_check, &cmd_text, &cmd_setting, &cmd_publish,
	&cmd_export, &cmd_import, &cmd_peers, &cmd_report,
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void
usage(FILE *f)
{
	fprintf(f, "%s motcua [--db PATH] [--lang vi|en] [--officer USER] [--demo]\n"
	    "       motcua [--db PATH] [--lang vi|en] [--officer USER] COMMAND ...\n\n%s\n",
	    _("usage:"), _("Commands:"));
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  motcua %s\n", commands[i]->usage);
	fprintf(f, "\n%s\n", _("Without a command, motcua opens the full-screen program. "
	    "See motcua(1)."));
}

/* Messages: --lang wins, then $LANGUAGE, then the database's `lang`
 * setting (cli_apply_lang, once the database is open), else Vietnamese.  A build tree
 * has its own catalogue (locale/ beside src/), used before installing. */
static void
setup_language(const char *lang)
{
	char exe[4096], dir[4200];
	ssize_t n;
	const char *localedir = getenv("MOTCUA_LOCALEDIR");

	if (setlocale(LC_ALL, "") == NULL || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_ALL, "C.UTF-8");	/* wide characters need UTF-8 */
	if (lang != NULL)
		setenv("LANGUAGE", lang, 1);
	else if (getenv("LANGUAGE") == NULL || getenv("LANGUAGE")[0] == '\0')
		setenv("LANGUAGE", "vi", 1);
	if (localedir == NULL &&
	    (n = readlink("/proc/self/exe", exe, sizeof exe - 1)) > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash != NULL) {
			*slash = '\0';
			snprintf(dir, sizeof dir, "%s/../locale/vi/LC_MESSAGES/motcua.mo", exe);
			if (access(dir, R_OK) == 0) {
				snprintf(dir, sizeof dir, "%s/../locale", exe);
				localedir = dir;
			}
		}
	}
	bindtextdomain(PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}

/* Global option with a value: "--db PATH" or "--db=PATH". */
static int
opt_value(int argc, char **argv, int *i, const char *name, const char **val)
{
	size_t n = strlen(name);

	if (strncmp(argv[*i], name, n) != 0)
		return 0;
	if (argv[*i][n] == '=') {
		*val = argv[*i] + n + 1;
		return 1;
	}
	if (argv[*i][n] != '\0')
		return 0;
	if (*i + 1 >= argc) {
		cli_error(_("%s needs a value"), name);
		return -1;
	}
	*val = argv[++*i];
	return 1;
}

static int
run_demo(struct cli_ctx *ctx)
{
	char path[4096];
	struct mc_err err;
	sqlite3 *db;
	int rc;

	if (ctx->db_path != NULL)
		snprintf(path, sizeof path, "%s", ctx->db_path);
	else if (db_default_path("demo.db", path, sizeof path, &err) != 0)
		return cli_fail(&err);
	if (demo_open(path, &db, &err) != 0)
		return cli_fail(&err);
	cli_apply_lang(ctx, db);
	/* the demo's own officer, unless --officer names another or --db
	 * pointed at a database that has no such officer */
	rc = ui_run(db, path, ctx->officer != NULL ? ctx->officer :
	    unit_officer_active(db, "demo", &err) > 0 ? "demo" : NULL);
	db_close(db);
	return rc;
}

int
main(int argc, char **argv)
{
	struct cli_ctx ctx = {0};
	int demo = 0, i, rc;

	/* the language is needed before any message, so look for it first */
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			ctx.lang = argv[i + 1];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			ctx.lang = argv[i] + 7;
		if ((strcmp(argv[i], "--lang") == 0 || strcmp(argv[i], "--db") == 0 ||
		    strcmp(argv[i], "--officer") == 0) && i + 1 < argc)
			i++;	/* skip the option's value */
	}
	if (ctx.lang != NULL && strcmp(ctx.lang, "vi") != 0 && strcmp(ctx.lang, "en") != 0) {
		setup_language(NULL);
		cli_error(_("unknown language '%s': use --lang vi or --lang en"), ctx.lang);
		return EXIT_USAGE;
	}
	ctx.lang_fixed = ctx.lang != NULL ||
	    (getenv("LANGUAGE") != NULL && getenv("LANGUAGE")[0] != '\0');
	setup_language(ctx.lang);

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *v;
		int r;

		if ((r = opt_value(argc, argv, &i, "--db", &ctx.db_path)) != 0 ||
		    (r = opt_value(argc, argv, &i, "--officer", &ctx.officer)) != 0 ||
		    (r = opt_value(argc, argv, &i, "--lang", &v)) != 0) {
			if (r < 0)
				return EXIT_USAGE;
		} else if (strcmp(argv[i], "--demo") == 0) {
			demo = 1;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(argv[i], "--version") == 0 || strcmp(argv[i], "-V") == 0) {
			printf("motcua %s\n", PACKAGE_VERSION);
			return 0;
		} else {
			cli_error(_("unknown option '%s': see 'motcua --help'"), argv[i]);
			return EXIT_USAGE;
		}
	}
	if (ctx.db_path != NULL && ctx.db_path[0] == '\0') {
		cli_error(_("--db needs a file path"));
		return EXIT_USAGE;
	}
	if (demo) {
		if (i < argc) {
			cli_error(_("--demo opens the program; it takes no command"));
			return EXIT_USAGE;
		}
		return run_demo(&ctx);
	}
	if (i >= argc) {
		/* the full-screen program creates a missing database and runs
		 * its setup; quitting the setup leaves it empty, to set up
		 * next time */
		char path[4096];
		struct mc_err err;
		sqlite3 *db;

		if (cli_db_path(&ctx, path, sizeof path) == NULL)
			return 1;
		if (db_open(path, DB_CREATE, &db, &err) != 0)
			return cli_fail(&err);
		cli_apply_lang(&ctx, db);
		rc = ui_run(db, path, ctx.officer);
		db_close(db);
		return rc;
	}
	for (size_t k = 0; k < NCOMMANDS; k++) {
		if (strcmp(argv[i], commands[k]->name) == 0) {
			rc = commands[k]->run(&ctx, argc - i, argv + i);
			db_close(ctx.db);
			return rc;
		}
	}
	if (strcmp(argv[i], "help") == 0) {
		usage(stdout);
		return 0;
	}
	cli_error(_("unknown command '%s': see 'motcua --help'"), argv[i]);
	return EXIT_USAGE;
}
