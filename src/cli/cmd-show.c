/* cmd-show.c — motcua show CODE, motcua list: a dossier's row (dossier_get,
 * dossier_list) as text or as JSON. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "motcua/date.h"
#include "motcua/dossier.h"
#include "motcua/format.h"
#include "motcua/i18n.h"

/* `key` (JSON text up to the value, such as ",\"name\":") and the string
 * value v (null when NULL). */
static void
put_str(const char *key, const char *v)
{
	fputs(key, stdout);
	cli_jstr(stdout, v);
}

/* One dossier as the JSON object of show --json and list --json: these
 * keys, in this order, are what scripts read. */
static void
put_dossier(const struct mc_dossier *d)
{
	char t[MC_TIME_LEN];

	put_str("{\"code\":", d->code);
	put_str(",\"procedure\":{\"code\":", d->procedure.code);
	put_str(",\"name\":", d->procedure.name);
	put_str(",\"field\":", d->procedure.field);
	put_str(",\"time_limit\":", d->procedure.time_limit);
	printf(",\"fee\":%lld},\"documents\":[", d->procedure.fee);
	for (size_t i = 0; i < d->ndocs; i++) {
		const struct mc_dossier_doc *doc = &d->docs[i];

		printf("%s{\"position\":%d", i > 0 ? "," : "", doc->position);
		put_str(",\"name\":", doc->name);
		put_str(",\"form\":", doc->form);
		printf(",\"quantity\":%d,\"required\":%s,\"received\":%s}", doc->quantity,
		    doc->required ? "true" : "false", doc->received ? "true" : "false");
	}
	put_str("],\"applicant\":{\"name\":", d->applicant.name);
	put_str(",\"id\":", d->applicant.id);
	put_str(",\"birth_date\":", d->applicant.birth_date);
	put_str(",\"phone\":", d->applicant.phone);
	put_str(",\"address\":", d->applicant.address);
	put_str(",\"email\":", d->applicant.email);
	put_str("},\"delivery\":", dossier_delivery_name(d->delivery));
	/* times as the CLI shows them everywhere: "YYYY-MM-DD HH:MM" */
	format_time(&d->received, FORMAT_SCREEN, t, sizeof t);
	put_str(",\"received\":", t);
	format_time(&d->due, FORMAT_SCREEN, t, sizeof t);
	put_str(",\"due\":", t);
	put_str(",\"status\":", d->status);
	put_str(",\"officer\":", d->officer);
	putchar('}');
}

static void
show_text(const struct mc_dossier *d)
{
	/* TRANSLATORS: labels of `motcua show`, padded to 13 columns: keep
	 * each at most 12 columns wide. */
	const char *labels[] = {
		N_("Code"), N_("Procedure"), N_("Applicant"), N_("ID number"),
		N_("Birth date"), N_("Phone"), N_("Address"), N_("E-mail"),
		N_("Result by"), N_("Received"), N_("Due"), N_("Status"), N_("Officer"),
	};
	char received[MC_TIME_LEN], due[MC_TIME_LEN];
	const char *values[13];

	values[0] = d->code;
	values[1] = NULL;	/* the procedure: printed from its parts */
	values[2] = d->applicant.name;
	values[3] = d->applicant.id;
	values[4] = d->applicant.birth_date;
	values[5] = d->applicant.phone;
	values[6] = d->applicant.address;
	values[7] = d->applicant.email;
	values[8] = dossier_delivery_name(d->delivery);
	format_time(&d->received, FORMAT_SCREEN, received, sizeof received);
	format_time(&d->due, FORMAT_SCREEN, due, sizeof due);
	values[9] = received;
	values[10] = due;
	values[11] = d->status;
	values[12] = d->officer;
	for (int i = 0; i < 13; i++) {
		cli_pad(stdout, _(labels[i]), 13);
		if (i == 1)
			printf("%s %s (%s, %s)\n", d->procedure.code, d->procedure.name,
			    d->procedure.field, d->procedure.time_limit);
		else
			printf("%s\n", values[i] != NULL ? values[i] : "-");
	}
	printf("%s\n", _("Documents:"));
	for (size_t i = 0; i < d->ndocs; i++) {
		const struct mc_dossier_doc *doc = &d->docs[i];

		printf("  [%s] %d. %s (%s, %d)%s\n", doc->received ? "x" : " ",
		    doc->position, doc->name, doc->form, doc->quantity,
		    doc->required ? "" : _(" optional"));
	}
}

static int
run_show(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_dossier d;
	struct mc_err err;
	bool json = cli_has(a, "json");
	sqlite3 *db;

	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (dossier_get(db, a->argv[0], &d, &err) != 0)
		return cli_fail(&err);
	if (json) {
		put_dossier(&d);
		putchar('\n');
	} else {
		show_text(&d);
	}
	dossier_free(&d);
	return 0;
}

/* list, one dossier: a line of text, or an element of the JSON array. */
struct list_out {
	bool json;
	bool first;
};

static int
list_one(const struct mc_dossier *d, void *arg)
{
	struct list_out *o = arg;
	char received[MC_TIME_LEN], due[MC_TIME_LEN];

	if (o->json) {
		printf("%s\n", o->first ? "" : ",");
		put_dossier(d);
		o->first = false;
		return 0;
	}
	format_time(&d->received, FORMAT_SCREEN, received, sizeof received);
	format_time(&d->due, FORMAT_SCREEN, due, sizeof due);
	printf("%s  %s  %s  %-9s  %s — %s\n", d->code, received, due, d->status,
	    d->applicant.name, d->procedure.name);
	return 0;
}

static int
run_list(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct list_out o = { cli_has(a, "json"), true };
	struct mc_err err;
	sqlite3 *db;
	int rc;

	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (o.json)
		putchar('[');
	rc = dossier_list(db, list_one, &o, &err);
	if (o.json)
		puts("]");
	return rc != 0 ? cli_fail(&err) : 0;
}

static const struct cli_form show_forms[] = {
	{.args = "CODE", .opts = {cli_group_json}, .run = run_show},
	CLI_FORM_END,
};
static const struct cli_form list_forms[] = {
	{.opts = {cli_group_json}, .run = run_list},
	CLI_FORM_END,
};

const struct cli_cmd cmd_show = {
	.name = "show",
	.summary = N_("Show one dossier."),
	.forms = show_forms,
};
const struct cli_cmd cmd_list = {
	.name = "list",
	.summary = N_("List every dossier, oldest receipt first."),
	.forms = list_forms,
};
