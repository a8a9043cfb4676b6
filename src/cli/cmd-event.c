/* cmd-event.c — motcua event, history, due, find: a dossier's life. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "motcua/calendar.h"
#include "motcua/i18n.h"
#include "motcua/lifecycle.h"

static int
run_event(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_step_args sa;
	struct mc_calendar *cal;
	struct mc_time at;
	struct mc_err err;
	enum mc_step step;
	const char *when = cli_arg(a, "at"), *nd = cli_arg(a, "new-date");
	sqlite3 *db;
	int rc;

	memset(&sa, 0, sizeof sa);
	sa.to = cli_arg(a, "to");
	sa.agency = cli_arg(a, "agency");
	sa.reason = cli_arg(a, "reason");
	sa.refused = cli_has(a, "refused");
	sa.collector = cli_arg(a, "collector");
	sa.collector_id = cli_arg(a, "collector-id");
	sa.rating = cli_arg(a, "rating");
	if (nd != NULL && cli_read_time(nd, &sa.new_date) != 0)
		return cli_error(_("the new date '%s' is not valid: write it as "
		    "\"YYYY-MM-DD HH:MM\""), nd);
	if (lifecycle_step_parse(a->argv[1], &step) != 0)
		return cli_error(_("unknown step '%s': use handover, transfer, transfer-back, "
		    "pause, resume, result, return, refuse, withdraw, cancel or apologize"),
		    a->argv[1]);
	if (cli_time(when, &at) != 0)
		return 1;
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (calendar_open(db, &cal, &err) != 0)
		return cli_fail(&err);
	rc = lifecycle_record(db, cal, a->argv[0], step, &sa, &at, ctx->officer, &err);
	calendar_close(cal);
	if (rc != 0)
		return cli_fail(&err);
	printf(_("%s: %s recorded\n"), a->argv[0], lifecycle_step_name(step));
	return 0;
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
		cli_jstr(stdout, h->at);
		printf(", \"officer\": ");
		cli_jstr(stdout, h->officer);
		printf(", \"kind\": ");
		cli_jstr(stdout, h->kind);
		printf(", \"body\": %s}", h->body);
	} else {
		printf("%s  %-10s %-13s %s\n", h->at, h->officer, h->kind, h->body);
	}
	return 0;
}

static int
run_history(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct out o = {.json = cli_has(a, "json")};
	struct mc_err err;
	sqlite3 *db;
	int rc;

	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (o.json)
		putchar('[');
	rc = lifecycle_history(db, a->argv[0], print_history, &o, &err);
	if (o.json && rc == 0)
		puts("]");
	return rc != 0 ? cli_fail(&err) : 0;
}

static void
found_json(const struct mc_found *f, bool with_days)
{
	printf("{\"code\": ");
	cli_jstr(stdout, f->code);
	printf(", \"name\": ");
	cli_jstr(stdout, f->name);
	printf(", \"id\": ");
	cli_jstr(stdout, f->id_number);
	printf(", \"procedure\": ");
	cli_jstr(stdout, f->procedure);
	printf(", \"status\": ");
	cli_jstr(stdout, f->status);
	printf(", \"received\": ");
	cli_jstr(stdout, f->received);
	printf(", \"appointment\": ");
	cli_jstr(stdout, f->appointment);
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
run_find(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct out o = {.json = cli_has(a, "json")};
	struct mc_err err;
	sqlite3 *db;
	char *text;
	int rc;

	if ((text = cli_text(a->argv[0], _("search text"))) == NULL)
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
run_due(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct out o = {.json = cli_has(a, "json"), .group = -1};
	struct mc_calendar *cal;
	struct mc_err err;
	struct mc_time now;
	const char *as_of = cli_arg(a, "as-of");
	sqlite3 *db;
	int day, rc;

	if (as_of != NULL) {
		if (cli_read_day(as_of, &day) != 0)
			return cli_error(_("the date '%s' is not valid: write it as YYYY-MM-DD"),
			    as_of);
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

static const struct cli_opt event_opts[] = {
	{"to", "NAME", N_("handover: the specialist who takes the dossier"), 0, 0},
	{"agency", "NAME", N_("transfer: the agency it goes to"), 0, 0},
	{"reason", "TEXT", N_("why (pause, refuse, withdraw, cancel, apologize)"), 0, 0},
	{"refused", NULL, N_("result: the agency refused the request"), 0, 0},
	{"collector", "NAME", N_("return: who collects the result, if not the applicant"),
	    0, 0},
	{"collector-id", "ID", N_("return: the collector's ID number"), 0, 0},
	{"rating", "very_satisfied|satisfied|not_satisfied", N_("return: the citizen's "
	    "rating"), 0, 0},
	{"new-date", "\"YYYY-MM-DD HH:MM\"", N_("apologize: the new appointment"), 0, 0},
	CLI_OPT_END,
};
static const struct cli_opt as_of_opt[] = {
	{"as-of", "YYYY-MM-DD", N_("the day the board is for (default: today)"), 0, 0},
	CLI_OPT_END,
};

static const struct cli_form event_forms[] = {
	{.args = "CODE KIND", .opts = {event_opts, cli_group_at}, .run = run_event},
	CLI_FORM_END,
};
static const struct cli_form history_forms[] = {
	{.args = "CODE", .opts = {cli_group_json}, .run = run_history},
	CLI_FORM_END,
};
static const struct cli_form due_forms[] = {
	{.opts = {cli_group_json, as_of_opt}, .run = run_due},
	CLI_FORM_END,
};
static const struct cli_form find_forms[] = {
	{.args = "TEXT", .opts = {cli_group_json}, .run = run_find},
	CLI_FORM_END,
};

const struct cli_cmd cmd_event = {
	"event", N_("Record a step in a dossier's life."), event_forms,
};
const struct cli_cmd cmd_history = {
	"history", N_("A dossier's events, in order."), history_forms,
};
const struct cli_cmd cmd_due = {
	"due", N_("The due board: overdue, due today, due soon, paused."), due_forms,
};
const struct cli_cmd cmd_find = {
	"find", N_("Find dossiers by code, ID number, phone or name."), find_forms,
};
