/* cmd-restore.c — motcua restore FILE: the database brought back from a
 * backup under a new station identity (restore.h).
 *
 * A supervisor proves who they are against the current database, as for
 * any supervisor's command; when there is none, or it cannot be opened
 * (the reason for most restores), against the officers of the backup
 * itself, since those are the officers the restored station will have.
 * The current database is never deleted: it is kept beside, renamed. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/restore.h"

static void
report(const struct mc_restore *r)
{
	printf(_("restored from %s (SHA-256 %s): %lld dossiers, %lld events\n"), r->file,
	    r->sha256, r->dossiers, r->events);
	if (r->aside[0] != '\0')
		printf(_("the database it replaces is kept as %s\n"), r->aside);
	printf(_("this PC is now station %d of %s, key %s; it was station %d, key %s, "
	    "revoked from now on\n"), r->new_number, r->unit, r->new_fingerprint, r->old_number,
	    r->old_fingerprint);
	cli_wrap(stdout, _("Next: import the latest bundle of every other station of the "
	    "unit ('motcua import FILE'): it brings back what this PC recorded after the "
	    "backup and sent them. Then export a bundle for each of them; their supervisor "
	    "trusts this PC's new key with it ('motcua station trust FILE --fingerprint FP', "
	    "comparing the key shown by 'motcua station show' here)."));
}

static int
run(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *file = a->argv[0];
	struct restore_job *job;
	struct mc_restore r;
	struct mc_officer me;
	struct mc_time now;
	struct mc_err err;
	struct stat sb;
	char path[4096];
	sqlite3 *cur = NULL;

	if (cli_db_path(ctx, path, sizeof path) == NULL)
		return 1;
	if (stat(path, &sb) == 0) {
		if (db_open(path, 0, &cur, &err) != 0) {
			cli_warn(_("the current database cannot be opened (%s): it will be kept "
			    "aside, and a supervisor of the backup logs in"), err.msg);
			cur = NULL;
		} else {
			cli_apply_lang(ctx, cur);
		}
	}
	if (restore_open(file, path, cur, &job, &err) != 0) {
		db_close(cur);
		return cli_fail(&err);
	}
	if (cli_login(ctx, a, cur != NULL ? cur : restore_db(job), &me) != 0)
		goto fail;
	if (role_check(me.role, MC_ACT_RESTORE, &err) != 0) {
		cli_fail(&err);
		goto fail;
	}
	date_now(&now);
	if (restore_commit(job, &cur, me.username, &now, &r, &err) != 0) {
		db_close(cur);
		return cli_fail(&err);
	}
	report(&r);
	return 0;
fail:
	restore_abort(job);
	db_close(cur);
	return 1;
}

static const struct cli_form forms[] = {
	{.args = "FILE", .opts = {cli_group_password}, .run = run},
	CLI_FORM_END,
};

const struct cli_cmd cmd_restore = {
	.name = "restore",
	.summary = N_("Bring the database back from a backup, as a new station (supervisor)."),
	.forms = forms,
};
