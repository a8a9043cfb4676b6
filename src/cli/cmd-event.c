/* cmd-event.c — motcua event, history, due, find: a dossier's life. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "motcua/calendar.h"
#include "motcua/i18n.h"
#include "motcua/lifecycle.h"

static int
run_event(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"to", required_argument, NULL, 't'},
		{"agency", required_argument, NULL, 'g'},
		{"reason", required_argument, NULL, 'r'},
		{"refused", no_argument, NULL, 'R'},
		{"collector", required_argument, NULL, 'c'},
		{"collector-id", required_argument, NULL, 'i'},
		{"rating", required_argument, NULL, 's'},
		{"new-date", required_argument, NULL, 'n'},
		{"at", required_argument, NULL, 'a'},
		{"officer", required_argument, NULL, 'o'},
		{NULL, 0, NULL, 0},
	};
	struct mc_step_args a;
	struct mc_calendar *cal;
	struct mc_time at;
	struct mc_err err;
	enum mc_step step;
	const char *when = NULL, *officer = ctx->officer;
	sqlite3 *db;
	int c, rc;

	memset(&a, 0, sizeof a);
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 't': a.to = optarg; break;
		case 'g': a.agency = optarg; break;
		case 'r': a.reason = optarg; break;
		case 'R': a.refused = true; break;
		case 'c': a.collector = optarg; break;
		case 'i': a.collector_id = optarg; break;
		case 's': a.rating = optarg; break;
		case 'n':
			if (date_parse_input_time(optarg, &a.new_date, &err) != 0)
				return cli_fail(&err);
			break;
		case 'a': when = optarg; break;
		case 'o': officer = optarg; break;
		default: return cli_usage(&cmd_event);
		}
	}
	if (argc - optind != 2)
		return cli_usage(&cmd_event);
	if (lifecycle_step_parse(argv[optind + 1], &step) != 0)
		return cli_error(_("unknown step '%s': use handover, transfer, transfer-back, "
		    "pause, resume, result, return, refuse, withdraw, cancel or apologize"),
		    argv[optind + 1]);
	if (cli_time(when, &at) != 0)
		return 1;
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (calendar_open(db, &cal, &err) != 0)
		return cli_fail(&err);
	rc = lifecycle_record(db, cal, argv[optind], step, &a, &at, officer, &err);
	calendar_close(cal);
	if (rc != 0)
		return cli_fail(&err);
	printf(_("%s: %s recorded\n"), argv[optind], lifecycle_step_name(step));
	return 0;
}

/* --json alone, and `nargs` positional arguments */
static int
json_args(int argc, char **argv, bool *json, const char **as_of, int nargs)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},
		{"as-of", required_argument, NULL, 'a'},
		{NULL, 0, NULL, 0},
	};
	int c;

	*json = false;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'j')
			*json = true;
		else if (c == 'a' && as_of != NULL)
			*as_of = optarg;
		else
			return -1;
	}
	return argc - optind == nargs ? 0 : -1;
}

struct out {
	bool json;
	int n;
	int group;		/* due board: the group printed last, -1 none */
};

static int
print_history(const struct mc_history_item *h, void *arg)
{
	struct out *o = arg;

	if (o->json) {
		printf("%s{\"at\": ", o->n++ ? ",\n " : "");
		cli_json_str(stdout, h->at);
		printf(", \"officer\": ");
		cli_json_str(stdout, h->officer);
		printf(", \"kind\": ");
		cli_json_str(stdout, h->kind);
		printf(", \"body\": %s}", h->body);
	} else {
		printf("%s  %-10s %-13s %s\n", h->at, h->officer, h->kind, h->body);
	}
	return 0;
}

static int
run_history(struct cli_ctx *ctx, int argc, char **argv)
{
	struct out o = {0};
	struct mc_err err;
	sqlite3 *db;
	int rc;

	if (json_args(argc, argv, &o.json, NULL, 1) != 0)
		return cli_usage(&cmd_history);
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (o.json)
		putchar('[');
	rc = lifecycle_history(db, argv[optind], print_history, &o, &err);
	if (o.json && rc == 0)
		puts("]");
	return rc != 0 ? cli_fail(&err) : 0;
}

static void
found_json(const struct mc_found *f, bool with_days)
{
	printf("{\"code\": ");
	cli_json_str(stdout, f->code);
	printf(", \"name\": ");
	cli_json_str(stdout, f->name);
	printf(", \"id\": ");
	cli_json_str(stdout, f->id_number);
	printf(", \"procedure\": ");
	cli_json_str(stdout, f->procedure);
	printf(", \"status\": ");
	cli_json_str(stdout, f->status);
	printf(", \"received\": ");
	cli_json_str(stdout, f->received);
	printf(", \"appointment\": ");
	cli_json_str(stdout, f->appointment);
	if (with_days)
		printf(", \"days\": %d", f->days);
	putchar('}');
}

static int
print_found(const struct mc_found *f, void *arg)
{
	struct out *o = arg;

	if (o->json) {
		printf("%s", o->n++ ? ",\n " : "");
		found_json(f, false);
	} else {
		printf("%s  %s  %-12s %s — %s\n", f->code, f->received, f->status, f->name,
		    f->procedure);
		o->n++;
	}
	return 0;
}

static int
run_find(struct cli_ctx *ctx, int argc, char **argv)
{
	struct out o = {0};
	struct mc_err err;
	sqlite3 *db;
	char *text;
	int rc;

	if (json_args(argc, argv, &o.json, NULL, 1) != 0)
		return cli_usage(&cmd_find);
	if ((text = cli_text(argv[optind], _("search text"))) == NULL)
		return 1;
	if ((db = cli_db(ctx)) == NULL) {
		free(text);
		return 1;
	}
	if (o.json)
		putchar('[');
	rc = lifecycle_find(db, text, print_found, &o, &err);
	free(text);
	if (rc != 0)
		return cli_fail(&err);
	if (o.json)
		puts("]");
	else if (o.n == 0)
		fprintf(stderr, "%s\n", _("nothing found"));
	return 0;
}

static const char *const group_names[] = {"overdue", "today", "soon", "paused"};

/* JSON: open every group up to g, so that each appears, empty or not */
static void
open_groups(struct out *o, int g)
{
	while ((int)o->group < g) {
		if (o->group >= 0)
			printf("],\n ");
		o->group++;
		printf("\"%s\": [", group_names[o->group]);
		o->n = 0;
	}
}

static int
print_due(enum mc_due_group g, const struct mc_found *f, void *arg)
{
	static const char *const titles[] = {N_("Overdue"), N_("Due today"),
	    N_("Due in the next two working days"), N_("Paused")};
	struct out *o = arg;

	if (o->json) {
		open_groups(o, (int)g);
		printf("%s", o->n++ ? ",\n  " : "");
		found_json(f, true);
		return 0;
	}
	if ((int)g != o->group) {
		printf("%s%s:\n", o->group >= 0 ? "\n" : "", _(titles[g]));
		o->group = (int)g;
	}
	printf("  %s  %s  %+4d  %-11s %s — %s\n", f->code, f->appointment, f->days,
	    f->status, f->name, f->procedure);
	return 0;
}

static int
run_due(struct cli_ctx *ctx, int argc, char **argv)
{
	struct out o = {.group = -1};
	struct mc_calendar *cal;
	struct mc_err err;
	struct mc_time now;
	const char *as_of = NULL;
	sqlite3 *db;
	int day, rc;

	if (json_args(argc, argv, &o.json, &as_of, 0) != 0)
		return cli_usage(&cmd_due);
	if (as_of != NULL) {
		if (date_parse_input(as_of, &day, &err) != 0)
			return cli_fail(&err);
	} else {
		date_now(&now);
		day = now.jdn;
	}
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (calendar_open(db, &cal, &err) != 0)
		return cli_fail(&err);
	if (o.json)
		putchar('{');
	rc = lifecycle_due(db, cal, day, print_due, &o, &err);
	calendar_close(cal);
	if (rc != 0)
		return cli_fail(&err);
	if (o.json) {
		open_groups(&o, MC_DUE_PAUSED);
		puts("]}");
	} else if (o.group < 0) {
		printf("%s\n", _("Nothing is due."));
	}
	return 0;
}

const struct cli_cmd cmd_event = {
	"event",
	"event CODE KIND [--to NAME] [--agency NAME] [--reason TEXT] [--refused] "
	"[--collector NAME --collector-id ID] [--rating very_satisfied|satisfied|"
	"not_satisfied] [--new-date \"YYYY-MM-DD HH:MM\"] [--at \"YYYY-MM-DD HH:MM\"] "
	"[--officer USER]",
	run_event,
};
const struct cli_cmd cmd_history = { "history", "history CODE [--json]", run_history };
const struct cli_cmd cmd_due = { "due", "due [--json] [--as-of YYYY-MM-DD]", run_due };
const struct cli_cmd cmd_find = { "find", "find TEXT [--json]", run_find };
