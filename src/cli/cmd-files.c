/* cmd-files.c — motcua files CODE [--json]: the files kept with a dossier,
 * as core's attach_list gives them. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>

#include "cli.h"
#include "motcua/attach.h"
#include "motcua/i18n.h"

struct out {
	bool as_json;
	int n;
};

static int
one(const struct attach_item *it, void *arg)
{
	struct out *o = arg;

	if (o->as_json) {
		printf("%s{\"number\": %d, \"document\": ", o->n++ ? ",\n " : "", it->number);
		if (it->document > 0)
			printf("%d", it->document);
		else
			printf("null");
		printf(", \"document_name\": ");
		if (it->doc_name != NULL)
			cli_jstr(stdout, it->doc_name);
		else
			printf("null");
		printf(", \"result\": %s, \"type\": ", it->result ? "true" : "false");
		cli_jstr(stdout, it->type);
		printf(", \"pages\": %d, \"bytes\": %lld, \"sha256\": ", it->pages, it->bytes);
		cli_jstr(stdout, it->sha256);
		printf(", \"source\": ");
		cli_jstr(stdout, it->source);
		printf(", \"name\": ");
		cli_jstr(stdout, it->name);
		printf(", \"at\": ");
		cli_jstr(stdout, it->at);
		printf(", \"by\": ");
		cli_jstr(stdout, it->officer);
		putchar('}');
		return 0;
	}
	o->n++;
	/* one file on two lines: what it is, then where it comes from */
	printf("%d. ", it->number);
	if (it->document > 0)
		printf(_("document %d (%s)"), it->document, it->doc_name != NULL ?
		    it->doc_name : "");
	else
		printf("%s", _("the dossier as a whole"));
	if (it->result)
		printf(" — %s", _("the result"));
	printf(ngettext(": %s, %d page, %lld bytes\n", ": %s, %d pages, %lld bytes\n",
	    (unsigned long)it->pages), it->type, it->pages, it->bytes);
	printf(_("   %s, %s by %s (%s), sha256 %s\n"), it->name, it->at, it->officer,
	    it->source, it->sha256);
	return 0;
}

static int
run(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct out o = {.as_json = cli_has(a, "json")};
	struct mc_err err;
	sqlite3 *db;
	int rc;

	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (o.as_json)
		putchar('[');
	rc = attach_list(db, a->argv[0], one, &o, &err);
	if (rc != 0)
		return cli_fail(&err);
	if (o.as_json)
		puts("]");
	else if (o.n == 0)
		printf(_("%s: no files yet (motcua attach %s FILE keeps one)\n"), a->argv[0],
		    a->argv[0]);
	return 0;
}

static const struct cli_form forms[] = {
	{.args = "CODE", .opts = {cli_group_json}, .run = run},
	CLI_FORM_END,
};

const struct cli_cmd cmd_files = {
	.name = "files",
	.summary = N_("List the files kept with a dossier."),
	.forms = forms,
};
