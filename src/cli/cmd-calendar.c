/* cmd-calendar.c — motcua calendar holidays|set|unset|import|due.
 *
 * holidays and due only read: without --db and with no database at the
 * default place they work on the defaults (Labour Code holidays, office
 * hours 07:30–11:30 and 13:30–17:00), so a due date can be checked before
 * anything is set up.  set, unset and import need the database. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "motcua/calendar.h"
#include "motcua/date.h"
#include "motcua/i18n.h"

static const char *const source_names[] = {"default", "official", "override"};

/* Reject any option (there are none) but honour "--"; returns the index
 * of the first operand, or -1 after a bad option. */
static int
no_options(int argc, char **argv)
{
	static const struct option none[] = {{NULL, 0, NULL, 0}};

	optind = 0;
	opterr = 0;
	if (getopt_long(argc, argv, "+", none, NULL) != -1)
		return -1;
	return optind;
}

/* The database for a read-only subcommand, or *db = NULL for "defaults
 * only" when no --db was given and the default database does not exist.
 * Returns 0, or 1 after printing an error. */
static int
open_optional(struct cli_ctx *ctx, sqlite3 **db)
{
	char path[4096];

	*db = NULL;
	if (ctx->db_path == NULL) {
		if (cli_db_path(ctx, path, sizeof path) == NULL)
			return 1;
		if (access(path, F_OK) != 0)
			return 0;
	}
	*db = cli_db(ctx);
	return *db == NULL ? 1 : 0;
}

static int
open_calendar(struct cli_ctx *ctx, struct mc_calendar **cal)
{
	struct mc_err err;
	sqlite3 *db;

	if (open_optional(ctx, &db))
		return 1;
	if (calendar_open(db, cal, &err) != 0)
		return cli_fail(&err);
	return 0;
}

static int
parse_year(const char *s, int *year)
{
	char *end;
	long y;

	if (strlen(s) != 4 || s[0] < '0' || s[0] > '9')
		return -1;
	y = strtol(s, &end, 10);
	if (*end != '\0' || y < 1800 || y > 2199)
		return -1;
	*year = (int)y;
	return 0;
}

static void
print_holiday(const struct mc_holiday *h)
{
	char date[MC_DATE_LEN];

	date_format(h->jdn, date);
	printf("%s  %s  %s\n", date, h->off ? "off" : "work", h->name);
}

static int
cal_holidays(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},
		{NULL, 0, NULL, 0},
	};
	struct mc_calendar *cal;
	struct mc_holiday *h;
	struct mc_err err;
	bool json = false;
	size_t n;
	int c, year;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c != 'j')
			return cli_usage(&cmd_calendar);
		json = true;
	}
	if (argc - optind != 1)
		return cli_usage(&cmd_calendar);
	if (parse_year(argv[optind], &year) != 0)
		return cli_error(_("bad year \"%s\"; give a year from 1800 to 2199, such "
		    "as 2026"), argv[optind]);
	if (open_calendar(ctx, &cal))
		return 1;
	if (calendar_holidays(cal, year, &h, &n, &err) != 0) {
		calendar_close(cal);
		return cli_fail(&err);
	}
	calendar_close(cal);
	if (json) {
		printf("[");
		for (size_t i = 0; i < n; i++) {
			char date[MC_DATE_LEN];

			date_format(h[i].jdn, date);
			printf("%s\n  {\"date\": \"%s\", \"off\": %s, \"name\": ",
			    i ? "," : "", date, h[i].off ? "true" : "false");
			cli_json_str(stdout, h[i].name);
			printf(", \"source\": \"%s\"}", source_names[h[i].source]);
		}
		printf("%s]\n", n ? "\n" : "");
	} else {
		for (size_t i = 0; i < n; i++)
			print_holiday(&h[i]);
	}
	free(h);
	return 0;
}

static int
parse_date_arg(const char *s, int *jdn)
{
	if (date_parse_input(s, jdn, NULL) != 0)
		return cli_error(_("bad date \"%s\"; give a real day as YYYY-MM-DD, "
		    "DD/MM/YYYY or DDMMYYYY, such as 2026-04-27"), s);
	return 0;
}

static int
cal_set(struct cli_ctx *ctx, int argc, char **argv)
{
	struct mc_holiday h = {0};
	struct mc_err err;
	sqlite3 *db;
	char *name;
	int i = no_options(argc, argv);

	if (i < 0 || argc - i != 3)
		return cli_usage(&cmd_calendar);
	if (parse_date_arg(argv[i], &h.jdn))
		return 1;
	if (strcmp(argv[i + 1], "off") == 0)
		h.off = true;
	else if (strcmp(argv[i + 1], "work") != 0)
		return cli_error(_("\"%s\" is neither off nor work; say off for a day "
		    "off or work for a working day"), argv[i + 1]);
	if ((name = cli_text(argv[i + 2], _("holiday name"))) == NULL)
		return 1;
	if ((db = cli_db(ctx)) == NULL) {
		free(name);
		return 1;
	}
	if (calendar_set(db, h.jdn, h.off, name, &err) != 0) {
		free(name);
		return cli_fail(&err);
	}
	snprintf(h.name, sizeof h.name, "%s", name);
	free(name);
	print_holiday(&h);
	return 0;
}

static int
cal_unset(struct cli_ctx *ctx, int argc, char **argv)
{
	struct mc_err err;
	sqlite3 *db;
	int jdn;
	int i = no_options(argc, argv);

	if (i < 0 || argc - i != 1)
		return cli_usage(&cmd_calendar);
	if (parse_date_arg(argv[i], &jdn))
		return 1;
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (calendar_unset(db, jdn, &err) != 0)
		return cli_fail(&err);
	printf(_("Removed the override on %s.\n"), argv[i]);
	return 0;
}

static int
cal_import(struct cli_ctx *ctx, int argc, char **argv)
{
	int years[MC_CALENDAR_MAX_YEARS];
	struct mc_err err;
	sqlite3 *db;
	int n;
	int i = no_options(argc, argv);

	if (i < 0 || argc - i != 1)
		return cli_usage(&cmd_calendar);
	/* A missing file is reported before the database is looked for. */
	if (access(argv[i], R_OK) != 0)
		return cli_error(_("cannot read %s; check the file name"), argv[i]);
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	n = calendar_import_file(db, argv[i], years, MC_CALENDAR_MAX_YEARS, &err);
	if (n < 0)
		return cli_fail(&err);
	printf("%s", _("Imported the official calendar of"));
	for (int k = 0; k < n; k++)
		printf("%s %d", k ? "," : "", years[k]);
	printf(".\n");
	return 0;
}

static int
cal_due(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"from", required_argument, NULL, 'f'},
		{"limit", required_argument, NULL, 'l'},
		{NULL, 0, NULL, 0},
	};
	const char *from = NULL, *limit = NULL;
	struct mc_calendar *cal;
	struct mc_limit lim;
	struct mc_time t, due;
	struct mc_err err;
	char buf[MC_TIME_LEN];
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'f')
			from = optarg;
		else if (c == 'l')
			limit = optarg;
		else
			return cli_usage(&cmd_calendar);
	}
	if (optind != argc || limit == NULL)
		return cli_usage(&cmd_calendar);
	if (from == NULL)
		date_now(&t);
	else if (date_parse_input_time(from, &t, NULL) != 0)
		return cli_error(_("bad time \"%s\"; give it as \"YYYY-MM-DD HH:MM\", "
		    "\"DD/MM/YYYY HH:MM\" or \"DDMMYYYY HH:MM\", such as "
		    "\"2026-04-24 09:30\""), from);
	if (calendar_limit_parse(limit, &lim, &err) != 0)
		return cli_fail(&err);
	if (open_calendar(ctx, &cal))
		return 1;
	rc = calendar_due(cal, &t, &lim, &due, &err);
	calendar_close(cal);
	if (rc != 0)
		return cli_fail(&err);
	date_format_time(&due, buf);
	printf("%s\n", buf);
	return 0;
}

static int
run(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(struct cli_ctx *, int, char **);
	} subs[] = {
		{"holidays", cal_holidays},
		{"set", cal_set},
		{"unset", cal_unset},
		{"import", cal_import},
		{"due", cal_due},
	};

	if (argc < 2)
		return cli_usage(&cmd_calendar);
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].fn(ctx, argc - 1, argv + 1);
	return cli_usage(&cmd_calendar);
}

const struct cli_cmd cmd_calendar = {
	"calendar",
	"calendar holidays YEAR [--json] | calendar set DATE off|work NAME | "
	"calendar unset DATE | calendar import FILE | "
	"calendar due [--from \"YYYY-MM-DD HH:MM\"] --limit \"3 days\"",
	run,
};
