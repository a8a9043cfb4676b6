/* cmd-publish.c — motcua publish catalog|calendar --out FILE [--version N]
 *
 * Writes a publication bundle (sync.h): the catalog or the holiday
 * calendar of this database, with a version number, for other stations to
 * take in with "motcua import FILE".  What goes in it and which version
 * it gets are core's rules (publish.h); this file reads the options and
 * says what was written. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "motcua/i18n.h"
#include "motcua/publish.h"

static int
run(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"out", required_argument, NULL, 'o'},
		{"version", required_argument, NULL, 'v'},
		{NULL, 0, NULL, 0},
	};
	const char *out = NULL, *vtext = NULL, *kind;
	char written[4096];
	long long version = 0;
	struct mc_err err;
	sqlite3 *db;
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'o')
			out = optarg;
		else if (c == 'v')
			vtext = optarg;
		else
			return cli_usage(&cmd_publish);
	}
	if (argc - optind != 1 || out == NULL || out[0] == '\0')
		return cli_usage(&cmd_publish);
	kind = argv[optind];
	if (strcmp(kind, "catalog") != 0 && strcmp(kind, "calendar") != 0)
		return cli_usage(&cmd_publish);
	if (vtext != NULL && publish_version_parse(vtext, &version) < 0)
		return cli_error(_("bad version \"%s\"; give a whole number from 1 up, "
		    "such as 3"), vtext);
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (vtext == NULL && publish_version_next(db, kind, &version, &err) < 0)
		return cli_fail(&err);
	if (publish_write(db, kind, version, out, written, sizeof written, &err) < 0)
		return cli_fail(&err);
	if (strcmp(kind, "calendar") == 0)
		printf(_("Published calendar version %lld to %s.\n"), version, written);
	else
		printf(_("Published catalog version %lld to %s.\n"), version, written);
	return 0;
}

const struct cli_cmd cmd_publish = {
	"publish",
	"publish catalog|calendar --out FILE [--version N]",
	run,
};
