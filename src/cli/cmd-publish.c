/* cmd-publish.c — motcua publish catalog|calendar --out FILE [--version N]
 *     [--password-file FILE]
 *
 * Writes a publication bundle (sync.h): the catalog or the holiday
 * calendar of this database, with a version number, for other stations to
 * take in with "motcua import FILE".  What goes in it and which version
 * it gets are core's rules (publish.h); this file reads the options and
 * says what was written. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "motcua/i18n.h"
#include "motcua/publish.h"

static int
run(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *out = cli_arg(a, "out"), *vtext = cli_arg(a, "version"), *kind = a->word;
	char written[4096];
	long long version = 0;
	struct mc_officer me;
	struct mc_err err;
	sqlite3 *db;

	if (out[0] == '\0')
		return cli_usage(a);
	if (vtext != NULL && publish_version_parse(vtext, &version) < 0)
		return cli_error(_("bad version \"%s\"; give a whole number from 1 up, "
		    "such as 3"), vtext);
	if ((db = cli_db(ctx)) == NULL || cli_login(ctx, a, db, &me))
		return 1;
	if (vtext == NULL && publish_version_next(db, kind, &version, &err) < 0)
		return cli_fail(&err);
	if (publish_write(db, me.username, kind, version, out, written, sizeof written, &err) < 0)
		return cli_fail(&err);
	if (strcmp(kind, "calendar") == 0)
		printf(_("Published calendar version %lld to %s.\n"), version, written);
	else
		printf(_("Published catalog version %lld to %s.\n"), version, written);
	return 0;
}

static const struct cli_opt publish_opts[] = {
	{"out", "FILE", N_("the bundle to write (it must not exist yet)"), CLI_REQUIRED, 0},
	{"version", "N", N_("the version to publish (default: see motcua(1))"), 0, 0},
	CLI_OPT_END,
};

static const struct cli_form forms[] = {
	{.word = "catalog|calendar", .opts = {publish_opts, cli_group_password}, .run = run},
	CLI_FORM_END,
};

const struct cli_cmd cmd_publish = {
	.name = "publish",
	.summary = N_("Write the catalog or the calendar as a publication for the other "
	    "stations."),
	.forms = forms,
};
