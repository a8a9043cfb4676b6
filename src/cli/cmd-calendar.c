/* cmd-calendar.c — motcua calendar holidays|set|unset|import|due.
 *
 * holidays and due only read: without --db and with no database at the
 * default place they work on the defaults (Labour Code holidays, office
 * hours 07:30–11:30 and 13:30–17:00), so a due date can be checked before
 * anything is set up.  set, unset and import need the database and the
 * acting officer's password. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "motcua/calendar.h"
#include "motcua/date.h"
#include "motcua/i18n.h"

static const char *const source_names[] = {"default", "official", "override"};

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
cal_holidays(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_calendar *cal;
	struct mc_holiday *h;
	struct mc_err err;
	bool json = cli_has(a, "json");
	size_t n;
	int year;

	if (parse_year(a->argv[0], &year) != 0)
		return cli_error(_("bad year \"%s\"; give a year from 1800 to 2199, such "
		    "as 2026"), a->argv[0]);
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
			cli_jstr(stdout, h[i].name);
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
	if (cli_read_day(s, jdn, NULL) != 0)
		return cli_error(_("bad date \"%s\"; give a real day as YYYY-MM-DD, "
		    "DD/MM/YYYY or DDMMYYYY, such as 2026-04-27"), s);
	return 0;
}

static int
cal_set(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_holiday h = {0};
	struct mc_officer me;
	struct mc_err err;
	sqlite3 *db;
	char *name;

	if (parse_date_arg(a->argv[0], &h.jdn))
		return 1;
	if (strcmp(a->argv[1], "off") == 0)
		h.off = true;
	else if (strcmp(a->argv[1], "work") != 0)
		return cli_error(_("\"%s\" is neither off nor work; say off for a day "
		    "off or work for a working day"), a->argv[1]);
	if ((name = cli_text(a->argv[2], _("holiday name"))) == NULL)
		return 1;
	if ((db = cli_db(ctx)) == NULL || cli_login(ctx, a, db, &me)) {
		free(name);
		return 1;
	}
	if (calendar_set(db, me.username, h.jdn, h.off, name, &err) != 0) {
		free(name);
		return cli_fail(&err);
	}
	snprintf(h.name, sizeof h.name, "%s", name);
	free(name);
	print_holiday(&h);
	return 0;
}

static int
cal_unset(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_officer me;
	struct mc_err err;
	sqlite3 *db;
	int jdn;

	if (parse_date_arg(a->argv[0], &jdn))
		return 1;
	if ((db = cli_db(ctx)) == NULL || cli_login(ctx, a, db, &me))
		return 1;
	if (calendar_unset(db, me.username, jdn, &err) != 0)
		return cli_fail(&err);
	printf(_("Removed the override on %s.\n"), a->argv[0]);
	return 0;
}

static int
cal_import(struct cli_ctx *ctx, const struct cli_args *a)
{
	int years[MC_CALENDAR_MAX_YEARS];
	struct mc_officer me;
	struct mc_err err;
	sqlite3 *db;
	int n;

	/* A missing file is reported before the database is looked for. */
	if (access(a->argv[0], R_OK) != 0)
		return cli_error(_("cannot read %s; check the file name"), a->argv[0]);
	if ((db = cli_db(ctx)) == NULL || cli_login(ctx, a, db, &me))
		return 1;
	n = calendar_import_file(db, me.username, a->argv[0], years, MC_CALENDAR_MAX_YEARS, &err);
	if (n < 0)
		return cli_fail(&err);
	printf("%s", _("Imported the official calendar of"));
	for (int k = 0; k < n; k++)
		printf("%s %d", k ? "," : "", years[k]);
	printf(".\n");
	return 0;
}

static int
cal_due(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *from = cli_arg(a, "from"), *limit = cli_arg(a, "limit");
	struct mc_calendar *cal;
	struct mc_limit lim;
	struct mc_time t, due;
	struct mc_err err;
	char buf[MC_TIME_LEN];
	int rc;

	if (from == NULL)
		date_now(&t);
	else if (cli_read_time(from, &t, NULL) != 0)
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

static const struct cli_opt due_opts[] = {
	{"from", "\"YYYY-MM-DD HH:MM\"", N_("when the dossier is received (default: now)"),
	    0, 0},
	{"limit", "LIMIT", N_("the time limit: \"3 days\", \"8 hours\", \"same day\""),
	    CLI_REQUIRED, 0},
	CLI_OPT_END,
};

static const struct cli_form forms[] = {
	{.word = "holidays", .args = "YEAR", .opts = {cli_group_json}, .run = cal_holidays},
	{.word = "set", .args = "DATE off|work NAME", .opts = {cli_group_password},
	    .run = cal_set},
	{.word = "unset", .args = "DATE", .opts = {cli_group_password}, .run = cal_unset},
	{.word = "import", .args = "FILE", .opts = {cli_group_password}, .run = cal_import},
	{.word = "due", .opts = {due_opts}, .run = cal_due},
	CLI_FORM_END,
};

const struct cli_cmd cmd_calendar = {
	.name = "calendar",
	.summary = N_("The holidays and working days, and when a time limit ends."),
	.forms = forms,
};
