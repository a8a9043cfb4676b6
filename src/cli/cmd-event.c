/* cmd-event.c — motcua event, history, due, find: a dossier's life.  The
 * steps `event` takes, and their options, come from vocab.h's kinds. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "motcua/calendar.h"
#include "motcua/i18n.h"
#include "motcua/lifecycle.h"

/* ---- event's options, made from the fields of the kinds (vocab.h): a
 * field is --its-name VALUE (a "_" spelt "-"), except an enumeration with
 * a default, whose other values are flags (--refused).  The same spelling
 * in several kinds is one option, described by the first field that has
 * it.  Made once, before the command line is read (cmd_event.prepare). */

#define STEP_OPTS 32

static struct cli_opt event_opts[STEP_OPTS + 1];	/* ended by a zero row */
static char opt_names[STEP_OPTS][32];
static char opt_values[STEP_OPTS][96];

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

/* Its value in the synopsis when the field names none: by type. */
static const char *
value_of(const struct mc_field *f, char *buf, size_t n)
{
	size_t used = 0;

	if (f->value != NULL)
		return f->value;
	switch (f->type) {
	case MC_FT_ID: return "ID";
	case MC_FT_INT: return "N";
	case MC_FT_TIME: return "\"YYYY-MM-DD HH:MM\"";
	case MC_FT_ENUM:
		buf[0] = '\0';
		for (int c = 0; c < MC_CHOICES_MAX && f->choices[c].value != NULL; c++)
			used += (size_t)snprintf(buf + used, used < n ? n - used : 0, "%s%s",
			    c > 0 ? "|" : "", f->choices[c].value);
		return buf;
	default: return "TEXT";
	}
}

static void
opt_add(int *n, const char *name, const char *value, const char *help)
{
	char spelt[32];

	spell(name, spelt);
	for (int i = 0; i < *n; i++)
		if (strcmp(opt_names[i], spelt) == 0)
			return;
	if (*n >= STEP_OPTS)
		return;
	snprintf(opt_names[*n], sizeof opt_names[*n], "%s", spelt);
	if (value != NULL)
		snprintf(opt_values[*n], sizeof opt_values[*n], "%s", value);
	event_opts[*n] = (struct cli_opt){opt_names[*n], value != NULL ? opt_values[*n] :
	    NULL, help, 0, 0};
	(*n)++;
}

static void
prepare_event(void)
{
	char buf[96];
	int n = 0;

	if (event_opts[0].name != NULL)
		return;
	for (int k = 0; k < MC_KIND_COUNT; k++) {
		const struct mc_kind *kind = vocab_kind((enum mc_kind_id)k);

		for (size_t i = 0; kind->action != NULL && i < vocab_nfields(kind); i++) {
			const struct mc_field *f = &kind->fields[i];

			if (f->computed)
				continue;
			if (f->type == MC_FT_ENUM && f->first_default)
				for (int c = 1; c < MC_CHOICES_MAX && f->choices[c].value; c++)
					opt_add(&n, f->choices[c].value, NULL, f->help);
			else
				opt_add(&n, f->name, value_of(f, buf, sizeof buf), f->help);
		}
	}
}

/* What the options say for the fields of this kind. */
static void
step_args(const struct cli_args *a, const struct mc_kind *k, struct mc_step_args *sa)
{
	char spelt[32];

	memset(sa, 0, sizeof *sa);
	for (size_t i = 0; i < vocab_nfields(k); i++) {
		const struct mc_field *f = &k->fields[i];

		if (f->computed)
			continue;
		if (f->type == MC_FT_ENUM && f->first_default) {
			for (int c = 1; c < MC_CHOICES_MAX && f->choices[c].value; c++)
				if (cli_has(a, f->choices[c].value))
					sa->v[i] = f->choices[c].value;
			continue;
		}
		sa->v[i] = cli_arg(a, spell(f->name, spelt));
	}
}

/* A value typed for a date-time field is checked at once, whatever the
 * step, before the step's name. */
static int
check_times(const struct cli_args *a)
{
	for (int k = 0; k < MC_KIND_COUNT; k++) {
		const struct mc_kind *kind = vocab_kind((enum mc_kind_id)k);

		for (size_t i = 0; kind->action != NULL && i < vocab_nfields(kind); i++) {
			const struct mc_field *f = &kind->fields[i];
			char spelt[32], out[64];
			const char *v;
			struct mc_err err;

			if (f->type != MC_FT_TIME || f->computed)
				continue;
			v = cli_arg(a, spell(f->name, spelt));
			if (v != NULL && lifecycle_check_value(f, v, out, sizeof out, &err) != 0)
				return cli_fail(&err);
		}
	}
	return 0;
}

static int
run_event(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_step_args sa;
	struct mc_calendar *cal;
	struct mc_time at;
	struct mc_officer me;
	struct mc_err err;
	const struct mc_kind *kind;
	char names[256];
	sqlite3 *db;
	int rc;

	if (check_times(a) != 0)
		return 1;
	if ((kind = vocab_kind_named(a->argv[1])) == NULL || kind->action == NULL)
		return cli_error(_("unknown step '%s': use %s"), a->argv[1],
		    vocab_step_names(names, sizeof names));
	step_args(a, kind, &sa);
	if (cli_time(cli_arg(a, "at"), &at) != 0)
		return 1;
	if ((db = cli_db(ctx)) == NULL || cli_login(ctx, a, db, &me))
		return 1;
	if (calendar_open(db, &cal, &err) != 0)
		return cli_fail(&err);
	rc = lifecycle_record(db, cal, a->argv[0], kind, &sa, &at, me.username, &err);
	calendar_close(cal);
	if (rc != 0)
		return cli_fail(&err);
	printf(_("%s: %s recorded\n"), a->argv[0], kind->name);
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
		cli_jstr(stdout, h->kind_name);
		printf(", \"body\": %s}", h->body);
	} else {
		printf("%s  %-10s %-13s %s\n", h->at, h->officer, h->kind_name, h->body);
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
		if (cli_read_day(as_of, &day, &err) != 0)
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

static const struct cli_opt as_of_opt[] = {
	{"as-of", "YYYY-MM-DD", N_("the day the board is for (default: today)"), 0, 0},
	CLI_OPT_END,
};

static const struct cli_form event_forms[] = {
	{.args = "CODE KIND", .opts = {event_opts, cli_group_at, cli_group_password},
	    .run = run_event},
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
	.name = "event",
	.summary = N_("Record a step in a dossier's life."),
	.forms = event_forms,
	.prepare = prepare_event,
};
const struct cli_cmd cmd_history = {
	.name = "history",
	.summary = N_("A dossier's events, in order."),
	.forms = history_forms,
};
const struct cli_cmd cmd_due = {
	.name = "due",
	.summary = N_("The due board: overdue, due today, due soon, paused."),
	.forms = due_forms,
};
const struct cli_cmd cmd_find = {
	.name = "find",
	.summary = N_("Find dossiers by code, ID number, phone or name."),
	.forms = find_forms,
};
