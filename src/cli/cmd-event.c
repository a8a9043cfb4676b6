/* cmd-event.c — motcua event, history, due, find: a dossier's life.  The
 * steps `event` takes, and their options, come from vocab.h's kinds. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "motcua/calendar.h"
#include "motcua/i18n.h"
#include "motcua/lifecycle.h"

/* ---- event's options, derived from the fields of the kinds (vocab.h):
 * a field is --its-name VALUE (a "_" spelt "-"), except an
 * enumeration with a default, whose other values are flags (--refused).
 * The same spelling in several kinds is one option. */

#define STEP_OPTS 32
#define OPT_BASE 256		/* getopt codes of the derived options */

struct step_opts {
	struct option longs[STEP_OPTS + 3];	/* and --at, --officer, the end */
	char names[STEP_OPTS][32];
	const char *given[STEP_OPTS];	/* the value typed, or NULL */
	int n;
};

/* A field's name as an option: "new_date" → "new-date". */
static const char *
spell(const char *name, char out[32])
{
	snprintf(out, 32, "%s", name);
	for (char *p = out; *p != '\0'; p++)
		if (*p == '_')
			*p = '-';
	return out;
}

/* The option of a field (or of one of its values, for a flag). */
static int
opt_find(const struct step_opts *o, const char *name)
{
	for (int i = 0; i < o->n; i++)
		if (strcmp(o->names[i], name) == 0)
			return i;
	return -1;
}

static void
opt_add(struct step_opts *o, const char *name, bool flag)
{
	char spelt[32];

	if (opt_find(o, spell(name, spelt)) >= 0 || o->n >= STEP_OPTS)
		return;
	snprintf(o->names[o->n], sizeof o->names[o->n], "%s", spelt);
	o->longs[o->n] = (struct option){o->names[o->n], flag ? no_argument :
	    required_argument, NULL, OPT_BASE + o->n};
	o->n++;
}

static void
opts_build(struct step_opts *o)
{
	memset(o, 0, sizeof *o);
	for (int k = 0; k < MC_KIND_COUNT; k++) {
		const struct mc_kind *kind = vocab_kind((enum mc_kind_id)k);

		for (size_t i = 0; kind->action != NULL && i < vocab_nfields(kind); i++) {
			const struct mc_field *f = &kind->fields[i];

			if (f->computed)
				continue;
			if (f->type == MC_FT_ENUM && f->first_default)
				for (int c = 1; c < MC_CHOICES_MAX && f->choices[c].value; c++)
					opt_add(o, f->choices[c].value, true);
			else
				opt_add(o, f->name, false);
		}
	}
	o->longs[o->n] = (struct option){"at", required_argument, NULL, 'a'};
	o->longs[o->n + 1] = (struct option){"officer", required_argument, NULL, 'o'};
}

/* What the options say for the fields of this kind. */
static void
opts_args(const struct step_opts *o, const struct mc_kind *k, struct mc_step_args *a)
{
	char spelt[32];

	memset(a, 0, sizeof *a);
	for (size_t i = 0; i < vocab_nfields(k); i++) {
		const struct mc_field *f = &k->fields[i];
		int j;

		if (f->computed)
			continue;
		if (f->type == MC_FT_ENUM && f->first_default) {
			for (int c = 1; c < MC_CHOICES_MAX && f->choices[c].value; c++)
				if ((j = opt_find(o, f->choices[c].value)) >= 0 &&
				    o->given[j] != NULL)
					a->v[i] = f->choices[c].value;
			continue;
		}
		if ((j = opt_find(o, spell(f->name, spelt))) >= 0)
			a->v[i] = o->given[j];
	}
}

/* A value typed for a date-time field is checked at once, whatever the
 * step (as the options are read). */
static int
opts_check(const struct step_opts *o)
{
	for (int k = 0; k < MC_KIND_COUNT; k++) {
		const struct mc_kind *kind = vocab_kind((enum mc_kind_id)k);

		for (size_t i = 0; kind->action != NULL && i < vocab_nfields(kind); i++) {
			const struct mc_field *f = &kind->fields[i];
			char spelt[32], out[64];
			struct mc_err err;
			int j;

			if (f->type != MC_FT_TIME || f->computed)
				continue;
			if ((j = opt_find(o, spell(f->name, spelt))) >= 0 && o->given[j] != NULL &&
			    lifecycle_check_value(f, o->given[j], out, sizeof out, &err) != 0)
				return cli_fail(&err);
		}
	}
	return 0;
}

static int
run_event(struct cli_ctx *ctx, int argc, char **argv)
{
	struct step_opts o;
	struct mc_step_args a;
	struct mc_calendar *cal;
	struct mc_time at;
	struct mc_err err;
	const struct mc_kind *kind;
	const char *when = NULL, *officer = ctx->officer;
	char names[256];
	sqlite3 *db;
	int c, rc;

	opts_build(&o);
	optind = 0;
	while ((c = getopt_long(argc, argv, "", o.longs, NULL)) != -1) {
		if (c >= OPT_BASE && c < OPT_BASE + o.n)
			o.given[c - OPT_BASE] = optarg != NULL ? optarg : "";
		else if (c == 'a')
			when = optarg;
		else if (c == 'o')
			officer = optarg;
		else
			return cli_usage(&cmd_event);
	}
	if (opts_check(&o) != 0)
		return 1;
	if (argc - optind != 2)
		return cli_usage(&cmd_event);
	if ((kind = vocab_kind_named(argv[optind + 1])) == NULL || kind->action == NULL)
		return cli_error(_("unknown step '%s': use %s"), argv[optind + 1],
		    vocab_step_names(names, sizeof names));
	opts_args(&o, kind, &a);
	if (cli_time(when, &at) != 0)
		return 1;
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (calendar_open(db, &cal, &err) != 0)
		return cli_fail(&err);
	rc = lifecycle_record(db, cal, argv[optind], kind, &a, &at, officer, &err);
	calendar_close(cal);
	if (rc != 0)
		return cli_fail(&err);
	printf(_("%s: %s recorded\n"), argv[optind], kind->name);
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
		cli_json_str(stdout, h->kind_name);
		printf(", \"body\": %s}", h->body);
	} else {
		printf("%s  %-10s %-13s %s\n", h->at, h->officer, h->kind_name, h->body);
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

/* JSON: open every group up to g, so that each appears, empty or not */
static void
open_groups(struct out *o, int g)
{
	while ((int)o->group < g) {
		if (o->group >= 0)
			printf("],\n ");
		o->group++;
		printf("\"%s\": [", lifecycle_due_group_name((enum mc_due_group)o->group));
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
