/* cmd-backup.c — motcua backup [--out FILE|DIR] and motcua backup --list
 * (backup.h).
 *
 * Without --out the backup goes to this station's backups folder, on the
 * PC, like the daily ones (and the rotation follows): no password, as for
 * `check`, since nothing leaves the PC.  With --out it goes where the
 * officer says, a USB stick as a rule: the citizens' data leave the PC,
 * so, as for `export`, an officer or a supervisor proves who they are (an
 * auditor reads but carries no copy away). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "motcua/backup.h"
#include "motcua/i18n.h"

static int
run_write(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *out = cli_arg(a, "out");
	struct mc_backup b;
	struct mc_officer me;
	struct mc_time now;
	struct mc_err err;
	sqlite3 *db;

	if (out != NULL && out[0] == '\0') {
		cli_error(_("--out needs a file or a folder"));
		return cli_usage(a);
	}
	db = out != NULL ? cli_login_for(ctx, a, MC_ACT_EXPORT, &me) : cli_db(ctx);
	if (db == NULL)
		return 1;
	date_now(&now);
	if (backup_write(db, out, &now, &b, &err) != 0)
		return cli_fail(&err);
	printf(_("backup written and checked: %s (%lld bytes)\n"), b.path, b.size);
	return 0;
}

struct list_out {
	int bad;
};

static int
list_row(const struct mc_backup *b, void *arg)
{
	struct list_out *lo = arg;
	char when[MC_TIME_LEN];

	date_format_time(&b->at, when);
	printf("%s  %s  %12lld  %s\n", b->name, when, b->size,
	    b->ok ? _("checked OK") : _("DAMAGED"));
	if (!b->ok)
		lo->bad++;
	return 0;
}

static int
run_list(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct list_out lo = {0};
	struct mc_err err;
	char dir[4096];
	sqlite3 *db;
	int n;

	(void)a;
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (backup_dir(dir, sizeof dir, &err) != 0)
		return cli_fail(&err);
	printf(_("backups folder: %s\n"), dir);
	if ((n = backup_list(db, true, list_row, &lo, &err)) < 0)
		return cli_fail(&err);
	if (n == 0)
		printf("%s\n", _("no backup of this station yet: 'motcua backup' writes one"));
	if (lo.bad > 0)
		return cli_error(_("%d backups are damaged (see above): do not restore from "
		    "them; write a new one with 'motcua backup'"), lo.bad);
	return 0;
}

/* --out and --list exclude each other: "[--out FILE|DIR|--list]" */
static const struct cli_opt backup_opts[] = {
	{"out", "FILE|DIR", N_("write it there (a USB stick's folder, or a new file) "
	    "instead of the backups folder"), CLI_OR_NEXT, 0},
	{"list", NULL, N_("show this station's backups instead: file, time, size, and "
	    "whether each passes its check"), 0, 0},
	CLI_OPT_END,
};

static int
run(struct cli_ctx *ctx, const struct cli_args *a)
{
	return cli_has(a, "list") ? run_list(ctx, a) : run_write(ctx, a);
}

static const struct cli_form forms[] = {
	{.opts = {backup_opts, cli_group_password}, .run = run},
	CLI_FORM_END,
};

const struct cli_cmd cmd_backup = {
	.name = "backup",
	.summary = N_("Write a checked backup of the database, or list the backups."),
	.forms = forms,
};
