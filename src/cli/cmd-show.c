/* cmd-show.c — motcua show CODE, motcua list: reading dossiers. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "motcua/db.h"
#include "motcua/i18n.h"

/* Dossier rows as JSON objects, built by SQLite; times shown as the CLI
 * shows them everywhere ("YYYY-MM-DD HH:MM"). */
#define SHORT(col) "substr(" col ", 1, 10) || ' ' || substr(" col ", 12, 5)"
#define DOSSIER_JSON \
	"json_object('code', code, 'procedure', json_object('code', procedure_code, " \
	"'name', procedure_name, 'field', field, 'time_limit', time_limit, " \
	"'fee', fee), 'documents', json(documents), " \
	"'applicant', json_object('name', applicant_name, 'id', applicant_id, " \
	"'birth_date', birth_date, 'phone', phone, 'address', address, " \
	"'email', email), 'delivery', delivery, " \
	"'received', " SHORT("received") ", 'due', " SHORT("due") ", " \
	"'status', status, 'officer', officer)"

static void
show_text(sqlite3_stmt *st)
{
	/* TRANSLATORS: labels of `motcua show`, padded to 13 columns: keep
	 * each at most 12 columns wide. */
	const char *labels[] = {
		N_("Code"), N_("Procedure"), N_("Applicant"), N_("ID number"),
		N_("Birth date"), N_("Phone"), N_("Address"), N_("E-mail"),
		N_("Result by"), N_("Received"), N_("Due"), N_("Status"), N_("Officer"),
	};
	for (int i = 0; i < 13; i++) {
		const unsigned char *v = sqlite3_column_text(st, i);
		cli_pad(stdout, _(labels[i]), 13);
		printf("%s\n", v != NULL ? (const char *)v : "-");
	}
}

static int
run_show(struct cli_ctx *ctx, const struct cli_args *a)
{
	sqlite3_stmt *st;
	struct mc_err err;
	bool json = cli_has(a, "json");
	sqlite3 *db;
	int rc;

	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (db_prepare(db, json ? "SELECT " DOSSIER_JSON " FROM dossier WHERE code = ?1" :
	    "SELECT code, procedure_code || ' ' || procedure_name || ' (' || field || ', ' "
	    "|| time_limit || ')', applicant_name, applicant_id, birth_date, phone, "
	    "address, email, delivery, " SHORT("received") ", " SHORT("due") ", status, "
	    "officer, documents FROM dossier WHERE code = ?1", &st, &err))
		return cli_fail(&err);
	sqlite3_bind_text(st, 1, a->argv[0], -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && json) {
		printf("%s\n", sqlite3_column_text(st, 0));
	} else if (rc == SQLITE_ROW) {
		sqlite3_stmt *docs;

		show_text(st);
		printf("%s\n", _("Documents:"));
		if (db_prepare(db, "SELECT json_extract(value, '$.position'), "
		    "json_extract(value, '$.name'), json_extract(value, '$.form'), "
		    "json_extract(value, '$.quantity'), json_extract(value, '$.received'), "
		    "json_extract(value, '$.required') FROM json_each(?1)", &docs, &err)) {
			sqlite3_finalize(st);
			return cli_fail(&err);
		}
		sqlite3_bind_value(docs, 1, sqlite3_column_value(st, 13));
		while (sqlite3_step(docs) == SQLITE_ROW)
			printf("  [%s] %d. %s (%s, %d)%s\n",
			    sqlite3_column_int(docs, 4) ? "x" : " ",
			    sqlite3_column_int(docs, 0), sqlite3_column_text(docs, 1),
			    sqlite3_column_text(docs, 2), sqlite3_column_int(docs, 3),
			    sqlite3_column_int(docs, 5) ? "" : _(" optional"));
		sqlite3_finalize(docs);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return cli_fail((db_fail(db, &err, _("reading the dossier")), &err));
	return cli_error(_("there is no dossier %s: check the code on the slip"), a->argv[0]);
}

static int
run_list(struct cli_ctx *ctx, const struct cli_args *a)
{
	sqlite3_stmt *st;
	struct mc_err err;
	bool json = cli_has(a, "json"), first = true;
	sqlite3 *db;
	int rc;

	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (db_prepare(db, json ? "SELECT " DOSSIER_JSON " FROM dossier "
	    "ORDER BY received, code" :
	    "SELECT code, " SHORT("received") ", " SHORT("due") ", status, "
	    "applicant_name, procedure_name FROM dossier ORDER BY received, code", &st, &err))
		return cli_fail(&err);
	if (json)
		putchar('[');
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (json) {
			printf("%s\n%s", first ? "" : ",", sqlite3_column_text(st, 0));
			first = false;
		} else {
			printf("%s  %s  %s  %-9s  %s — %s\n", sqlite3_column_text(st, 0),
			    sqlite3_column_text(st, 1), sqlite3_column_text(st, 2),
			    sqlite3_column_text(st, 3), sqlite3_column_text(st, 4),
			    sqlite3_column_text(st, 5));
		}
	}
	if (json)
		puts("]");
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return cli_fail((db_fail(db, &err, _("reading the dossiers")), &err));
	return 0;
}

static const struct cli_form show_forms[] = {
	{.args = "CODE", .opts = {cli_group_json}, .run = run_show},
	CLI_FORM_END,
};
static const struct cli_form list_forms[] = {
	{.opts = {cli_group_json}, .run = run_list},
	CLI_FORM_END,
};

const struct cli_cmd cmd_show = { "show", N_("Show one dossier."), show_forms };
const struct cli_cmd cmd_list = {
	"list", N_("List every dossier, oldest receipt first."), list_forms,
};
