/* cmd-check.c — motcua check [--rebuild]: is the store sound?  Checking
 * only reads; --rebuild rewrites the dossier table, so it is done by an
 * officer who proves who they are (--password-file or the terminal). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "motcua/check.h"
#include "motcua/dossier.h"
#include "motcua/i18n.h"

/* One problem SQLite's integrity check found. */
static int
integrity_problem(const char *problem, void *arg)
{
	(void)arg;
	printf(_("integrity: %s\n"), problem);
	return 0;
}

static int
run(struct cli_ctx *ctx, const struct cli_args *a)
{
	bool rebuild = cli_has(a, "rebuild");
	struct mc_officer me;
	struct mc_err err;
	sqlite3 *db;
	long long bad, total, differ, found;
	int problems = 0;

	if (!rebuild && cli_has(a, "password-file")) {
		cli_error(_("--password-file goes with --rebuild: checking alone needs no "
		    "password"));
		return EXIT_USAGE;
	}
	if ((db = cli_db(ctx)) == NULL || (rebuild && cli_login(ctx, a, db, &me)))
		return 1;

	/* SQLite's own check of every page and index */
	if ((found = check_integrity(db, integrity_problem, NULL, &err)) < 0)
		return cli_fail(&err);
	if (found > 0)
		problems++;
	else
		printf("%s\n", _("integrity: ok"));

	if (check_events(db, &total, &bad, &err) != 0)
		return cli_fail(&err);
	if (bad > 0) {
		printf(_("events: %lld fail their hash or chain check\n"), bad);
		problems++;
	} else {
		printf(_("events: %lld, every hash and chain link is sound\n"), total);
	}

	if (rebuild) {
		if (dossier_rebuild(db, me.username, &total, &differ, &err) != 0)
			return cli_fail(&err);
		if (differ == 0) {
			printf(_("dossiers: %lld rebuilt from events, identical\n"), total);
		} else {
			printf(_("dossiers: %lld rebuilt from events; %lld differed from their "
			    "events and now follow them\n"), total, differ);
			if (problems == 0)
				return cli_error(_("the dossier table did not match the events "
				    "and has been repaired from them: run 'motcua check' again "
				    "to confirm"));
		}
	}
	if (problems > 0)
		return cli_error(_("the database has problems (see above): restore it from "
		    "a backup, or ask for help"));
	return 0;
}

static const struct cli_opt check_opts[] = {
	{"rebuild", NULL, N_("also rebuild the dossier table from the events, and "
	    "compare"), 0, 0},
	CLI_OPT_END,
};

static const struct cli_form forms[] = {
	{.opts = {check_opts, cli_group_password}, .run = run},
	CLI_FORM_END,
};

const struct cli_cmd cmd_check = {
	.name = "check",
	.summary = N_("Check that the database is sound."),
	.forms = forms,
};
