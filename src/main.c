/* main.c — holds the table of subcommands, reads the command line with it
 * (cli_parse) and picks a front end: a subcommand (src/cli) or the
 * full-screen program (src/ui). */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "motcua/db.h"
#include "motcua/demo.h"
#include "motcua/i18n.h"
#include "motcua/module.h"
#include "motcua/unit.h"
#include "ui/ui.h"

static const struct cli_cmd cmd_help;

/* Every subcommand, in the order `motcua --help` lists them. */
static const struct cli_cmd *const commands[] = {
	&cmd_init, &cmd_officer, &cmd_passwd, &cmd_catalog, &cmd_calendar, &cmd_receive,
	&cmd_guide, &cmd_slip, &cmd_event, &cmd_history, &cmd_due, &cmd_find,
	&cmd_show, &cmd_list, &cmd_attach, &cmd_scan, &cmd_files, &cmd_file, &cmd_check, &cmd_text, &cmd_setting, &cmd_publish,
	&cmd_export, &cmd_import, &cmd_peers, &cmd_report, &cmd_audit, &cmd_roles, &cmd_station, &cmd_unit, &cmd_backup, &cmd_restore, &cmd_doctor, &cmd_province, &cmd_help, NULL,
};

/* The options only the program takes, before any command (--help and the
 * global options are cli.c's). */
static const struct cli_opt top_opts[] = {
	{"version", NULL, N_("print the version and exit"), 0, 'V'},
	CLI_OPT_END,
};

static void
usage(FILE *f)
{
	cli_synopsis_program(f, top_opts);
	fprintf(f, "\n%s\n", _("Commands:"));
	cli_synopsis_list(f, commands);
	fprintf(f, "\n%s\n", _("Options:"));
	cli_help_globals(f, top_opts);
	fputc('\n', f);
	cli_wrap(f, _("--db, --lang and --officer may stand before or after the command."));
	cli_wrap(f, _("motcua help COMMAND shows what a command's options do."));
	cli_wrap(f, _("Without a command, motcua opens the full-screen program. See motcua(1)."));
}

/* motcua help [COMMAND] */
static int
run_help(struct cli_ctx *ctx, const struct cli_args *a)
{
	(void)ctx;
	if (a->argc == 0) {
		usage(stdout);
		return 0;
	}
	for (size_t k = 0; commands[k] != NULL; k++) {
		if (strcmp(commands[k]->name, a->argv[0]) == 0) {
			cli_help(stdout, commands[k]);
			return 0;
		}
	}
	cli_error(_("unknown command '%s': see 'motcua --help'"), a->argv[0]);
	return EXIT_USAGE;
}

static const struct cli_form help_forms[] = {
	{.args = "[COMMAND]", .run = run_help},
	CLI_FORM_END,
};
static const struct cli_cmd cmd_help = {
	.name = "help",
	.summary = N_("Show the commands, or what one command takes."),
	.forms = help_forms,
};

/* Messages: --lang wins, then $LANGUAGE, then the database's `lang`
 * setting (cli_apply_lang, once the database is open), else Vietnamese.  A build tree
 * has its own catalogue (locale/ beside src/), used before installing; an
 * installed program uses its installation's (module.h). */
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
	if (localedir == NULL) {
		/* the installation's, under the root the program runs from */
		(void)module_installed(LOCALEDIR, dir, sizeof dir);
		localedir = dir;
	}
	bindtextdomain(PACKAGE, localedir);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
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
	/* logged in as the demo's own officer, unless --officer names another
	 * (then the login asks the password) or --db pointed at a database
	 * that is not the demo's */
	if (ctx->officer == NULL && demo_is(db))
		rc = ui_run(db, path, "demo", true);
	else
		rc = ui_run(db, path, ctx->officer, false);
	db_close(db);
	return rc;
}

/* The full-screen program: it creates a missing database and runs its
 * setup; leaving the setup before the unit is saved removes the file it
 * created (and SQLite's companions), so no empty database is left. */
static int
run_ui(struct cli_ctx *ctx)
{
	char path[4096], side[4096 + 16];
	struct mc_err err;
	struct mc_unit unit;
	struct stat sb;
	sqlite3 *db;
	bool created, unset;
	int rc;

	if (cli_db_path(ctx, path, sizeof path) == NULL)
		return 1;
	created = stat(path, &sb) != 0 && errno == ENOENT;
	if (db_open(path, DB_CREATE, &db, &err) != 0)
		return cli_fail(&err);
	cli_apply_lang(ctx, db);
	rc = ui_run(db, path, ctx->officer, false);
	unset = created && unit_get(db, &unit, &err) != 0;
	db_close(db);
	if (unset) {
		static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };

		for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
			snprintf(side, sizeof side, "%s%s", path, suffix[i]);
			if (unlink(side) != 0 && errno != ENOENT)
				fprintf(stderr, "motcua: %s: %s\n", side, strerror(errno));
		}
	}
	return rc;
}

/* The command line read (cli_parse) in the right language. */
static int
dispatch(struct cli_ctx *ctx, const struct cli_args *a)
{
	int rc;

	if (a->error != 0 && a->cmd == NULL)
		return cli_parse_report(a);
	if (a->help) {
		if (a->cmd != NULL)
			cli_help(stdout, a->cmd);
		else
			usage(stdout);
		return 0;
	}
	if (a->cmd == NULL && cli_has(a, "version")) {
		printf("motcua %s\n", PACKAGE_VERSION);
		return 0;
	}
	if (ctx->db_path != NULL && ctx->db_path[0] == '\0') {
		cli_error(_("--db needs a file path"));
		return EXIT_USAGE;
	}
	if (cli_has(a, "demo")) {
		if (a->cmd != NULL) {
			cli_error(_("--demo opens the program; it takes no command"));
			return EXIT_USAGE;
		}
		return run_demo(ctx);
	}
	if (a->error != 0)
		return cli_parse_report(a);
	if (a->cmd == NULL)
		return run_ui(ctx);
	rc = a->form->run(ctx, a);
	db_close(ctx->db);
	return rc;
}

int
main(int argc, char **argv)
{
	struct cli_ctx ctx = {0};
	struct cli_args a;
	int rc;

	db_library_init();	/* before anything starts SQLite (db.h) */
	/* read everything first, printing nothing: --lang, wherever it
	 * stands, chooses the language of every message */
	if (cli_parse(argc, argv, commands, top_opts, &ctx, &a) != 0) {
		setup_language(NULL);
		return cli_error(_("out of memory"));
	}
	if (ctx.lang != NULL && strcmp(ctx.lang, "vi") != 0 && strcmp(ctx.lang, "en") != 0) {
		setup_language(NULL);
		cli_error(_("unknown language '%s': use --lang vi or --lang en"), ctx.lang);
		cli_args_free(&a);
		return EXIT_USAGE;
	}
	ctx.lang_fixed = ctx.lang != NULL ||
	    (getenv("LANGUAGE") != NULL && getenv("LANGUAGE")[0] != '\0');
	setup_language(ctx.lang);
	rc = dispatch(&ctx, &a);
	cli_args_free(&a);
	return rc;
}
