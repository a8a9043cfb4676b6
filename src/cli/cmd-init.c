/* cmd-init.c — motcua init: a new database with a fresh station identity. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "cli.h"
#include "motcua/auth.h"
#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/demo.h"
#include "motcua/sync.h"
#include "motcua/i18n.h"
#include "motcua/unit.h"
#include "motcua/vntext.h"

static int
run(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *code = cli_arg(a, "unit-code"), *name = cli_arg(a, "unit-name");
	const char *address = cli_arg(a, "unit-address"), *station = cli_arg(a, "station");
	const char *parent = cli_arg(a, "unit-parent"), *body = cli_arg(a, "unit-body");
	const char *place = cli_arg(a, "unit-place");
	const char *sup = cli_arg(a, "supervisor"), *sup_name = cli_arg2(a, "supervisor");
	bool sample = cli_has(a, "sample-catalog");
	char pw[CLI_PASSWORD_SIZE];
	int rc;
	struct mc_unit u;
	struct mc_err err;
	struct catalog_stats cs;
	char path[4096], *end;
	struct stat sb;
	long num;
	char *clean;

	if (address == NULL)
		address = "";
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
	/* --unit-parent names the unit (unit.h); a --unit-name other than it
	 * is then the receiving body, unless --unit-body says otherwise */
	if (parent != NULL) {
		if (body == NULL && strcmp(parent, u.name) != 0)
			snprintf(u.body, sizeof u.body, "%s", u.name);
		snprintf(u.name, sizeof u.name, "%s", parent);
	}
	if (body != NULL)
		snprintf(u.body, sizeof u.body, "%s", body);
	if (place != NULL)
		snprintf(u.place, sizeof u.place, "%s", place);
	/* given but empty: refused, not defaulted */
	if ((parent != NULL && strspn(parent, " ") == strlen(parent)) ||
	    (body != NULL && strspn(body, " ") == strlen(body)) ||
	    (place != NULL && strspn(place, " ") == strlen(place)))
		return cli_error(_("--unit-parent, --unit-body and --unit-place cannot be "
		    "empty: leave one out for its default"));

	if (cli_db_path(ctx, path, sizeof path) == NULL)
		return 1;
	if (stat(path, &sb) == 0)
		return cli_error(_("%s already exists: motcua init makes a new database; "
		    "choose another path with --db"), path);
	if (sup == NULL && cli_has(a, "password-file")) {
		cli_error(_("--password-file goes with --supervisor USER \"Full name\" in "
		    "motcua init"));
		return EXIT_USAGE;
	}
	/* the password before the database: a refused file makes none */
	if (sup != NULL && cli_new_password(a, "password-file", sup, pw, sizeof pw))
		return 1;
	if (db_open(path, DB_CREATE, &ctx->db, &err) != 0) {
		sodium_memzero(pw, sizeof pw);
		return cli_fail(&err);
	}
	rc = unit_init(ctx->db, &u, &err) != 0 ||
	    (sup != NULL && auth_officer_add(ctx->db, NULL, sup, sup_name, MC_ROLE_SUPERVISOR, pw,
	    &err) != 0) ||
	    (sample && catalog_import_json(ctx->db, sup, catalog_sample_json, &cs, &err) != 0);
	sodium_memzero(pw, sizeof pw);
	if (rc) {
		/* nothing of value in a half-made database: remove it */
		db_close(ctx->db);
		ctx->db = NULL;
		unlink(path);
		return cli_fail(&err);
	}
	printf(_("Created %s for %s (%s), station %d.\n"), path, u.name, u.code, u.station);
	if (unit_get(ctx->db, &u, &err) == 0)
		printf(_("Receiving body: %s; place on the forms: %s.\n"), u.body, u.place);
	if (sup != NULL)
		printf(_("Supervisor %s added, with a password.\n"), sup);
	if (sample)
		printf(_("Sample catalog: %d procedures (sample data: check them against the "
		    "province's catalog).\n"), cs.added);
	return 0;
}

/* a restored or copied database: same data, a new station */
static int
run_copy(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *station = cli_arg(a, "station"), *copy = cli_arg(a, "from-copy");
	struct mc_err err;
	char path[4096], *end;
	long num;

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

static const struct cli_opt unit_opts[] = {
	{"unit-code", "CODE", N_("the unit's code (QCVN 102:2016), such as 000.17.22.H56"),
	    CLI_REQUIRED, 0},
	{"unit-name", "NAME", N_("the unit's name, such as \"UBND xã Mỹ An\""),
	    CLI_REQUIRED, 0},
	CLI_OPT_END,
};
static const struct cli_opt station_opt[] = {
	{"station", "N", N_("this PC's number in the unit, 1 to 9"), CLI_REQUIRED, 0},
	CLI_OPT_END,
};
static const struct cli_opt more_opts[] = {
	{"unit-parent", "NAME", N_("the parent authority (cơ quan chủ quản), such as "
	    "\"UBND xã Phước Long\"; default: the --unit-name"), 0, 0},
	{"unit-body", "NAME", N_("the receiving body, such as \"Trung tâm Phục vụ hành "
	    "chính công xã Phước Long\"; default: that for a commune, ward or special "
	    "zone, else \"Bộ phận Một cửa\""), 0, 0},
	{"unit-place", "NAME", N_("the place of the forms' date line, such as \"Phước "
	    "Long\"; default: the name without \"UBND\", \"xã\", \"phường\" …"), 0, 0},
	{"unit-address", "A", N_("the unit's address"), 0, 0},
	{"sample-catalog", NULL, N_("load the sample catalog (29 procedures)"), 0, 0},
	CLI_OPT_END,
};
static const struct cli_opt supervisor_opt[] = {
	{"supervisor", "USER \"Full name\"", N_("make the first officer, a supervisor, "
	    "with the password of --password-file (or asked on the terminal)"),
	    CLI_TWO_WORDS, 0},
	CLI_OPT_END,
};
static const struct cli_opt copy_opt[] = {
	{"from-copy", "FILE", N_("make the database from a copy of another, as a new "
	    "station"), CLI_REQUIRED, 0},
	CLI_OPT_END,
};

static const struct cli_form forms[] = {
	{.opts = {unit_opts, station_opt, more_opts, supervisor_opt, cli_group_password},
	    .run = run},
	{.key = "from-copy", .opts = {copy_opt, station_opt}, .run = run_copy},
	CLI_FORM_END,
};

const struct cli_cmd cmd_init = {
	.name = "init",
	.summary = N_("Create a new database for the unit, or one from a copy."),
	.forms = forms,
};
