/* calendar-override.c — a supervisor's overrides: one date made a day off
 * or a working day, with a name, stored in the holiday table (each change
 * one transaction).  They win over official calendars and defaults. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "calendar-int.h"
#include "motcua/calendar.h"
#include "motcua/audit.h"
#include "motcua/db.h"
#include "motcua/role.h"
#include "motcua/i18n.h"
#include "motcua/vntext.h"

char *
calendar_clean_name(const char *name, struct mc_err *err)
{
	char *s;

	if (name == NULL)
		name = "";
	s = vntext_clean(name, err);
	if (s == NULL)
		return NULL;
	if (s[0] == '\0') {
		free(s);
		err_set(err, MC_EINVAL, _("the holiday name is empty; give a name such as "
		    "\"Nghỉ bù Quốc khánh\""));
		return NULL;
	}
	if (strlen(s) >= MC_HOLIDAY_NAME) {
		free(s);
		err_set(err, MC_EINVAL, _("the holiday name is too long; keep it under %d "
		    "bytes"), MC_HOLIDAY_NAME);
		return NULL;
	}
	return s;
}

static int
check_jdn(int jdn, char date[MC_DATE_LEN], struct mc_err *err)
{
	int y, m, d;

	date_ymd(jdn, &y, &m, &d);
	if (!date_valid(y, m, d))
		return err_set(err, MC_EINVAL, _("the date is out of range; give a date "
		    "between 1800 and 2199"));
	date_format(jdn, date);
	return 0;
}

int
calendar_set(sqlite3 *db, const char *acting, int jdn, bool off, const char *name,
    struct mc_err *err)
{
	struct mc_officer me;
	struct db_tx tx;
	char date[MC_DATE_LEN];
	sqlite3_stmt *st;
	char *clean;
	int rc;

	if (role_require(db, acting, MC_ACT_CALENDAR, &me, err) || check_jdn(jdn, date, err))
		return -1;
	clean = calendar_clean_name(name, err);
	if (clean == NULL)
		return -1;
	if (db_tx_begin(db, &tx, err)) {
		free(clean);
		return -1;
	}
	if (db_prepare(db, "INSERT INTO holiday(date, off, name) VALUES (?1, ?2, ?3) "
	    "ON CONFLICT(date) DO UPDATE SET off = excluded.off, name = excluded.name",
	    &st, err))
		goto fail;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, off);
	sqlite3_bind_text(st, 3, clean, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("saving the holiday"));
		goto fail;
	}
	if (audit_record(db, "calendar_set", me.username, NULL, err, "date", date, "day",
	    off ? "off" : "work", "name", clean, (char *)NULL))
		goto fail;
	free(clean);
	return db_tx_commit(&tx, err);
fail:
	free(clean);
	db_tx_rollback(&tx);
	return -1;
}

int
calendar_unset(sqlite3 *db, const char *acting, int jdn, struct mc_err *err)
{
	struct mc_officer me;
	struct db_tx tx;
	char date[MC_DATE_LEN];
	sqlite3_stmt *st;
	int rc;

	if (role_require(db, acting, MC_ACT_CALENDAR, &me, err) ||
	    check_jdn(jdn, date, err) || db_tx_begin(db, &tx, err))
		return -1;
	if (db_prepare(db, "DELETE FROM holiday WHERE date = ?1", &st, err))
		goto fail;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("removing the holiday"));
		goto fail;
	}
	if (sqlite3_changes(db) == 0) {
		err_set(err, MC_ENOTFOUND, _("%s has no override to remove; \"motcua "
		    "calendar holidays %.4s\" lists the year's days"), date, date);
		goto fail;
	}
	if (audit_record(db, "calendar_unset", me.username, NULL, err, "date", date,
	    (char *)NULL))
		goto fail;
	return db_tx_commit(&tx, err);
fail:
	db_tx_rollback(&tx);
	return -1;
}

