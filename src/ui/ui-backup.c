/* ui-backup.c — the full-screen program's backups (backup.h): the daily
 * one at the start and at the end, the header's warning of an old one,
 * and one written on demand into a folder (F7's b).  Core decides and
 * writes; this file words the outcome. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "motcua/backup.h"
#include "motcua/demo.h"
#include "motcua/i18n.h"
#include "ui-int.h"

void
ui_backup_age(struct ui *u)
{
	struct mc_time now;
	struct mc_err err;

	/* the demo keeps no backups: nothing to warn of */
	if (demo_is(u->db)) {
		u->backup_have = -1;
		return;
	}
	date_now(&now);
	u->backup_have = backup_age(u->db, &now, &u->backup_min, &err);
	u->backup_warn = backup_warn_days(u->db);
}

void
ui_backup_daily(struct ui *u, bool at_quit)
{
	struct mc_backup b;
	struct mc_time now;
	struct mc_err err;

	date_now(&now);
	if (backup_daily(u->db, at_quit, &now, &b, &err) < 0) {
		if (at_quit)
			fprintf(stderr, _("motcua: the day's backup was not written: %s\n"),
			    err.msg);
		else
			ui_error(u, _("The day's backup was not written: %s"), err.msg);
	}
	if (!at_quit)
		ui_backup_age(u);
}

void
ui_backup_begin(struct ui *u)
{
	struct mc_time now;
	struct mc_err err;

	date_now(&now);
	if (backup_daily_begin(u->db, &now, &u->backup_job, &err) < 0)
		ui_error(u, _("The day's backup was not written: %s"), err.msg);
	ui_backup_age(u);
}

void
ui_backup_step(struct ui *u)
{
	struct mc_err err;
	int rc;

	if (u->backup_job == NULL)
		return;
	if ((rc = backup_job_step(u->backup_job, NULL, &err)) == 1)
		return;
	u->backup_job = NULL;	/* done or failed: the job is freed */
	if (rc < 0)
		ui_error(u, _("The day's backup was not written: %s"), err.msg);
	ui_backup_age(u);
}

void
ui_backup_end(struct ui *u)
{
	struct mc_err err;
	int rc = 1;

	/* the screen is gone: what is left of the start's copy, then the
	 * end's own (a day's work since the newest backup) */
	while (u->backup_job != NULL && (rc = backup_job_step(u->backup_job, NULL, &err)) == 1)
		;
	if (u->backup_job != NULL) {
		u->backup_job = NULL;
		if (rc < 0)
			fprintf(stderr, _("motcua: the day's backup was not written: %s\n"),
			    err.msg);
	}
	ui_backup_daily(u, true);
}

bool
ui_backup_warning(const struct ui *u, char *buf, size_t n)
{
	int days = u->backup_warn;

	buf[0] = '\0';
	if (days == 0 || u->backup_have < 0)
		return false;
	if (u->backup_have == 0) {
		snprintf(buf, n, "%s", _("No backup yet: F7, b"));
		return true;
	}
	if (u->backup_min <= (long long)days * 24 * 60)
		return false;
	/* TRANSLATORS: the header's warning, under 35 columns; "F7, b" are the keys */
	snprintf(buf, n, _("Last backup %lld days ago: F7, b"), u->backup_min / (24 * 60));
	return true;
}

int
ui_backup_to(struct ui *u, const char *dir, char *msg, size_t n)
{
	struct mc_backup b;
	struct mc_time now;
	struct mc_err err;

	date_now(&now);
	if (backup_write(u->db, dir, &now, &b, &err) != 0) {
		snprintf(msg, n, _("Backup failed: %s"), err.msg);
		return -1;
	}
	snprintf(msg, n, _("Backup written and checked: %s (%lld bytes)"), b.path, b.size);
	/* the header's warning asked for this: a backup of now exists (on a
	 * stick, as a rule); the next start reads the backups folder again */
	u->backup_have = 1;
	u->backup_min = 0;
	return 0;
}
