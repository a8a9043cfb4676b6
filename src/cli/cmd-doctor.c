/* cmd-doctor.c — motcua doctor: core's checks of this PC (doctor.h), one
 * a line, each OK or what to do, wrapped to 80 columns under its name;
 * exit 0 when all are OK, 1 otherwise.  No password: it only reads, and
 * it is what the technician runs when nothing else works. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>

#include "cli.h"
#include "motcua/db.h"
#include "motcua/doctor.h"
#include "motcua/i18n.h"
#include "motcua/vntext.h"

#define LINE_COLS 80

/* The colours terminfo gives the terminal env->term: 0 when it has none
 * or terminfo does not know it. */
static int
term_colors(const char *term)
{
	int e = 0, n;

	if (term == NULL || setupterm((char *)term, 1, &e) != OK)
		return 0;
	n = tigetnum("colors");
	del_curterm(cur_term);
	return n > 0 ? n : 0;
}

/* One item: its name in `col` columns, then the text word wrapped in the
 * rest of `width`, each further line under the first. */
static void
print_item(const struct doctor_item *it, size_t col, size_t width)
{
	struct vntext_line l[16];
	char text[sizeof it->advice + 16];
	size_t n;

	if (it->ok && it->advice[0] != '\0')
		snprintf(text, sizeof text, "OK — %s", it->advice);
	else if (it->ok)
		snprintf(text, sizeof text, "OK");
	else
		snprintf(text, sizeof text, "%s", it->advice);
	cli_pad(stdout, it->name, col);
	n = vntext_wrap(text, width > col + 20 ? width - col : 20, l, sizeof l / sizeof l[0]);
	for (size_t i = 0; i < n && i < sizeof l / sizeof l[0]; i++)
		printf("%*s%.*s\n", i == 0 ? 0 : (int)col, "", (int)l[i].len, text + l[i].off);
}

static int
run(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct doctor_report *r;
	struct doctor_env env;
	struct mc_err err, open_err;
	char path[4096];
	size_t col = 0, width;
	sqlite3 *db = NULL;

	(void)a;
	if (cli_db_path(ctx, path, sizeof path) == NULL)
		return 1;
	doctor_env_process(&env);
	env.colors = term_colors(env.term);
	env.db_path = path;
	/* opened here rather than by cli_db: a database that cannot be opened
	 * is one of the findings, and the other checks still run */
	if (db_open(path, 0, &db, &open_err) == 0) {
		ctx->db = db;
		cli_apply_lang(ctx, db);
	} else {
		db = NULL;
	}
	if ((r = malloc(sizeof *r)) == NULL)
		return cli_error("%s", _("out of memory"));
	if (doctor_run(db, db != NULL ? NULL : &open_err, &env, r, &err) != 0) {
		free(r);
		return cli_fail(&err);
	}
	for (size_t i = 0; i < r->n; i++)
		if (vntext_width(r->item[i].name) + 2 > col)
			col = vntext_width(r->item[i].name) + 2;
	/* 80 columns, or the terminal's when it is narrower */
	width = env.cols >= 40 && env.cols < LINE_COLS ? (size_t)env.cols : LINE_COLS;
	for (size_t i = 0; i < r->n; i++)
		print_item(&r->item[i], col, width);
	if (r->failed > 0) {
		size_t failed = r->failed, total = r->n;

		free(r);
		return cli_error(ngettext("%zu of %zu checks needs attention: see above",
		    "%zu of %zu checks need attention: see above", failed), failed, total);
	}
	free(r);
	return 0;
}

static const struct cli_form forms[] = {
	{.run = run},
	CLI_FORM_END,
};

const struct cli_cmd cmd_doctor = {
	.name = "doctor",
	.summary = N_("Check this PC: terminal, locale, console font, colours, printer, "
	    "scanner, clock, disk space, database, backups, keys."),
	.forms = forms,
};
