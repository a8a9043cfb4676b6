/* cmd-init.c — motcua init: a new database with a fresh station identity. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/demo.h"
#include "motcua/sync.h"
#include "motcua/i18n.h"
#include "motcua/unit.h"
#include "motcua/vntext.h"

static int
run(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"unit-code", required_argument, NULL, 'c'},
		{"unit-name", required_argument, NULL, 'n'},
		{"unit-address", required_argument, NULL, 'a'},
		{"station", required_argument, NULL, 's'},
		{"sample-catalog", no_argument, NULL, 'S'},
		{"from-copy", required_argument, NULL, 'F'},
		{NULL, 0, NULL, 0},
	};
	const char *code = NULL, *name = NULL, *address = "", *station = NULL;
	const char *copy = NULL;
	bool sample = false;
	struct mc_unit u;
	struct mc_err err;
	struct catalog_stats cs;
	char path[4096], *end;
	struct stat sb;
	long num;
	int c;
	char *clean;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'c': code = optarg; break;
		case 'n': name = optarg; break;
		case 'a': address = optarg; break;
		case 's': station = optarg; break;
		case 'S': sample = true; break;
		case 'F': copy = optarg; break;
		default: return cli_usage(&cmd_init);
		}
	}
	if (copy != NULL) {
		/* a restored or copied database: same data, a new station */
		if (optind != argc || station == NULL || code != NULL || name != NULL || sample)
			return cli_usage(&cmd_init);
		num = strtol(station, &end, 10);
		if (*end != '\0')
			num = 0;
		if (cli_db_path(ctx, path, sizeof path) == NULL)
			return 1;
		if (sync_init_from_copy(copy, path, (int)num, &err) != 0)
			return cli_fail(&err);
		printf(_("Created %s from %s as a new station %ld: it will never speak as the "
		    "original.\n"), path, copy, num);
		return 0;
	}
	if (optind != argc || code == NULL || name == NULL || station == NULL)
		return cli_usage(&cmd_init);
	num = strtol(station, &end, 10);
	if (*end != '\0' || num < 1 || num > 9)
		return cli_error(_("the station number '%s' is not valid: give 1 to 9 (each "
		    "PC of the unit has its own)"), station);
	if (!unit_code_valid(code))
		return cli_error(_("the unit code '%s' is not valid: it looks like "
		    "000.17.22.H56 (QCVN 102:2016)"), code);
	memset(&u, 0, sizeof u);
	snprintf(u.code, sizeof u.code, "%s", code);
	u.station = (int)num;
	if ((clean = vntext_clean(name, &err)) == NULL)
		return cli_fail(&err);
	snprintf(u.name, sizeof u.name, "%s", clean);
	free(clean);
	if ((clean = vntext_clean(address, &err)) == NULL)
		return cli_fail(&err);
	snprintf(u.address, sizeof u.address, "%s", clean);
	free(clean);
	if (u.name[0] == '\0')
		return cli_error(_("the unit name is empty: give --unit-name"));

	if (cli_db_path(ctx, path, sizeof path) == NULL)
		return 1;
	if (stat(path, &sb) == 0)
		return cli_error(_("%s already exists: motcua init makes a new database; "
		    "choose another path with --db"), path);
	if (db_open(path, DB_CREATE, &ctx->db, &err) != 0)
		return cli_fail(&err);
	if (unit_init(ctx->db, &u, &err) != 0 ||
	    (sample && catalog_import_json(ctx->db, catalog_sample_json, &cs, &err) != 0)) {
		/* nothing of value in a half-made database: remove it */
		db_close(ctx->db);
		ctx->db = NULL;
		unlink(path);
		return cli_fail(&err);
	}
	printf(_("Created %s for %s (%s), station %d.\n"), path, u.name, u.code, u.station);
	if (sample)
		printf(_("Sample catalog: %d procedures (sample data: check them against the "
		    "province's catalog).\n"), cs.added);
	return 0;
}

const struct cli_cmd cmd_init = {
	"init",
	"init --unit-code CODE --unit-name NAME --station N [--unit-address A] "
	"[--sample-catalog] | init --from-copy FILE --station N",
	run,
};
