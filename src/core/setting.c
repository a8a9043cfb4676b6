/* setting.c — named settings with defaults and checks, in meta. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "motcua/calendar.h"
#include "motcua/attach.h"
#include "motcua/audit.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/print.h"
#include "motcua/role.h"
#include "motcua/setting.h"

static const struct mc_setting_info settings[] = {
	{"lang", "vi", N_("language of the program: vi or en")},
	{"tone_style", "old", N_("Telex tone placement: old (hòa) or new (hoà)")},
	{"input_method", "telex", N_("built-in Vietnamese input: telex or vni")},
	{"office_hours", "07:30-11:30,13:30-17:00", N_("office hours, as HH:MM-HH:MM,…")},
	{"saturday_morning", "0", N_("1 if Saturday morning is a working half-day")},
	{"sameday_cutoff", "15:00", N_("same-day procedures received later are due the "
	    "next working day")},
	{"print_command", "lp", N_("command that prints a slip (the file is its last "
	    "argument)")},
	{"print_backend", "command", N_("how slips are printed: command (print_command), "
	    "file or escpos (to print_device)")},
	{"print_device", "/dev/usb/lp0", N_("file or device that the file and escpos "
	    "back ends write to")},
	{"escpos_codepage", "52", N_("ESC/POS code page, the n of ESC t n: 52 is WPC1258 "
	    "on Epson")},
	{"paper_width", "80", N_("receipt paper width in mm: 58 (32 columns) or 80 (48 "
	    "columns)")},
	{"escpos_qr", "0", N_("1 to print the dossier code's QR on ESC/POS receipts")},
	{"password_kind", "password", N_("what officers log in with: password (at least "
	    "8 characters) or pin (at least 6 digits)")},
	{"colleague_steps", "handover,result,return", N_("steps an officer may record "
	    "on a colleague's dossier, separated by commas (empty: none)")},
	{"lock_minutes", "5", N_("minutes without a key before the screen locks, 0 to "
	    "240 (0: never)")},
	{"aggregate_units", "0", N_("1 if this station gathers the dossiers of several "
	    "units (a province); 0: it takes bundles of its own unit only")},
	{"require_phone", "0", N_("1 if a receipt needs the citizen's phone number; 0: "
	    "the slip leaves a dotted line for it")},
	{"require_address", "1", N_("1 if a receipt needs the citizen's address; 0: the "
	    "slip leaves a dotted line for it")},
	{"logbook_book", "year", N_("how long a book of the logbook lasts: year (01/2026) "
	    "or month (01/2026-11); each station numbers its receipts from 1 in each book")},
	{"form_set", "2025", N_("which forms the slips are: 2025 (Circular 03/2025/TT-VPCP, "
	    "forms 1 to 7) or 2018 (Circular 01/2018/TT-VPCP, Mẫu 01 to 05)")},
	{"print_format", "pdf", N_("what the command back end prints a form as: pdf (A4, "
	    "for lp and CUPS) or text")},
	{"backup_daily", "7", N_("how many days keep their newest backup in the backups "
	    "folder, 1 to 366")},
	{"backup_weekly", "4", N_("how many weeks (Monday to Sunday) keep their newest "
	    "backup, 0 to 520")},
	{"backup_monthly", "12", N_("how many months keep their newest backup, 0 to 600")},
	{"backup_warn_days", "2", N_("the screen warns when the newest backup is older "
	    "than this many days, 0 to 365 (0: never)")},
	{"attach_max_mb", "20", N_("the largest file kept with a dossier, in MB (1 to "
	    "500)")},
	{"attach_roots", "", N_("folders besides the home folder and removable media "
	    "that files may be attached from, separated by ':'")},
	{"attach_blobs", "0", N_("1 to keep attached files in the database instead of "
	    "the files folder beside it")},
	{"scan_device", "", N_("the scanner, by its SANE name (test:0 is SANE's test "
	    "scanner); empty: the first one found")},
	{"scan_resolution", "200", N_("scan resolution in dots per inch, 75 to 600")},
	{"scan_mode", "gray", N_("how pages are scanned: gray, color or lineart (black "
	    "and white)")},
	{"scan_source", "flatbed", N_("where the pages are: flatbed (one page on the "
	    "glass) or adf (the document feeder, until it is empty)")},
	{NULL, NULL, NULL},
};

const struct mc_setting_info *
setting_all(void)
{
	return settings;
}

static const struct mc_setting_info *
find(const char *name)
{
	for (const struct mc_setting_info *s = settings; s->name != NULL; s++)
		if (strcmp(s->name, name) == 0)
			return s;
	return NULL;
}

int
setting_get(sqlite3 *db, const char *name, char *buf, size_t n)
{
	const struct mc_setting_info *s = find(name);

	if (s == NULL)
		return -1;
	if (db == NULL || db_meta_get(db, name, buf, n) != 0)
		snprintf(buf, n, "%s", s->dflt);
	return 0;
}

/* Is a 0 | 1 setting on?  An unknown name is off. */
static bool
setting_on(sqlite3 *db, const char *name)
{
	char v[8];

	return setting_get(db, name, v, sizeof v) == 0 && strcmp(v, "1") == 0;
}

int
setting_check_required(sqlite3 *db, const char *field, const char *value,
    struct mc_err *err)
{
	/* blank as the receipt sees it: vntext_clean trims the spaces */
	if (value != NULL && value[strspn(value, " \t")] != '\0')
		return 0;
	if (strcmp(field, "phone") == 0 && setting_on(db, "require_phone"))
		return err_set(err, MC_EINVAL, _("the citizen's phone number is required "
		    "at this counter: ask for it (a mobile of 10 digits or a landline of "
		    "11)"));
	if (strcmp(field, "address") == 0 && setting_on(db, "require_address"))
		return err_set(err, MC_EINVAL, _("the citizen's address is required at "
		    "this counter: type it as on the ID card or where they live now"));
	return 0;
}

/* A whole number from lo to hi, written as plain digits ("05" is not). */
static bool
whole_in(const char *v, int lo, int hi)
{
	size_t n = strlen(v);
	int x = 0;

	if (n == 0 || n > 3 || strspn(v, "0123456789") != n || (n > 1 && v[0] == '0'))
		return false;
	for (size_t i = 0; i < n; i++)
		x = x * 10 + (v[i] - '0');
	return x >= lo && x <= hi;
}

/* A scanner's name: up to 127 bytes, no control characters (SANE names
 * have spaces and colons: "airscan:e0:Canon MF240"). */
static bool
device_name(const char *v)
{
	size_t n = strlen(v);

	if (n > 127)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
			return false;
	return true;
}

static bool
one_of(const char *v, const char *a, const char *b)
{
	return strcmp(v, a) == 0 || strcmp(v, b) == 0;
}

int
setting_set(sqlite3 *db, const char *acting, const char *name, const char *value,
    struct mc_err *err)
{
	struct db_tx tx;
	const struct mc_setting_info *s = find(name);
	struct mc_calendar *cal;
	struct mc_officer me;

	if (role_require(db, acting, MC_ACT_SETTING, &me, err))
		return -1;
	if (s == NULL)
		return err_set(err, MC_EINVAL,
		    _("there is no setting '%s': see 'motcua setting list'"), name);
	if ((strcmp(name, "lang") == 0 && !one_of(value, "vi", "en")) ||
	    (strcmp(name, "tone_style") == 0 && !one_of(value, "old", "new")) ||
	    (strcmp(name, "input_method") == 0 && !one_of(value, "telex", "vni")) ||
	    (strcmp(name, "saturday_morning") == 0 && !one_of(value, "0", "1")) ||
	    (strcmp(name, "print_command") == 0 && value[0] == '\0') ||
	    (strcmp(name, "print_backend") == 0 && !one_of(value, "command", "file") &&
	    strcmp(value, "escpos") != 0) ||
	    (strcmp(name, "print_device") == 0 && value[0] == '\0') ||
	    (strcmp(name, "paper_width") == 0 && !one_of(value, "58", "80")) ||
	    (strcmp(name, "escpos_qr") == 0 && !one_of(value, "0", "1")) ||
	    (strcmp(name, "password_kind") == 0 && !one_of(value, "password", "pin")) ||
	    (strcmp(name, "lock_minutes") == 0 && !whole_in(value, 0, 240)) ||
	    (strcmp(name, "aggregate_units") == 0 && !one_of(value, "0", "1")) ||
	    (strcmp(name, "require_phone") == 0 && !one_of(value, "0", "1")) ||
	    (strcmp(name, "require_address") == 0 && !one_of(value, "0", "1")) ||
	    (strcmp(name, "logbook_book") == 0 && !one_of(value, "year", "month")) ||
	    (strcmp(name, "form_set") == 0 && !one_of(value, "2025", "2018")) ||
	    (strcmp(name, "print_format") == 0 && !one_of(value, "pdf", "text")) ||
	    (strcmp(name, "backup_daily") == 0 && !whole_in(value, 1, 366)) ||
	    (strcmp(name, "backup_weekly") == 0 && !whole_in(value, 0, 520)) ||
	    (strcmp(name, "backup_monthly") == 0 && !whole_in(value, 0, 600)) ||
	    (strcmp(name, "backup_warn_days") == 0 && !whole_in(value, 0, 365)) ||
	    (strcmp(name, "attach_max_mb") == 0 && !whole_in(value, 1, 500)) ||
	    (strcmp(name, "attach_blobs") == 0 && !one_of(value, "0", "1")) ||
	    (strcmp(name, "scan_device") == 0 && !device_name(value)) ||
	    (strcmp(name, "scan_resolution") == 0 && !whole_in(value, 75, 600)) ||
	    (strcmp(name, "scan_mode") == 0 && !one_of(value, "gray", "color") &&
	    strcmp(value, "lineart") != 0) ||
	    (strcmp(name, "scan_source") == 0 && !one_of(value, "flatbed", "adf")))
		return err_set(err, MC_EINVAL, _("'%s' is not a value for %s: %s"), value,
		    name, _(s->help));
	if (strcmp(name, "escpos_codepage") == 0 && print_codepage_check(value, err) != 0) {
		char why[sizeof err->msg];

		snprintf(why, sizeof why, "%s", err->msg);
		return err_set(err, MC_EINVAL, _("'%s' is not a value for %s (%s)"), value,
		    name, why);
	}
	if (strcmp(name, "attach_roots") == 0 && attach_roots_check(value, err) != 0) {
		char why[sizeof err->msg];

		snprintf(why, sizeof why, "%s", err->msg);
		return err_set(err, MC_EINVAL, _("'%s' is not a value for %s (%s)"), value,
		    name, why);
	}
	if (strcmp(name, "colleague_steps") == 0 && role_steps_check(value, err) != 0) {
		char why[sizeof err->msg];

		snprintf(why, sizeof why, "%s", err->msg);
		return err_set(err, MC_EINVAL, _("'%s' is not a value for %s (%s)"), value,
		    name, why);
	}
	if (db_tx_begin(db, &tx, err))
		return -1;
	if (db_meta_set(db, name, value, err) ||
	    audit_record(db, "setting", me.username, NULL, err, "name", name, "value", value,
	    (char *)NULL))
		goto fail;
	/* the calendar's own parser is the check of its settings */
	if (calendar_open(db, &cal, err) != 0) {
		char why[sizeof err->msg];

		snprintf(why, sizeof why, "%s", err->msg);
		err_set(err, MC_EINVAL, _("'%s' is not a value for %s (%s)"), value, name, why);
		goto fail;
	}
	calendar_close(cal);
	return db_tx_commit(&tx, err);
fail:
	db_tx_rollback(&tx);
	return -1;
}

int
setting_unset(sqlite3 *db, const char *acting, const char *name, struct mc_err *err)
{
	const struct mc_setting_info *s = find(name);
	struct mc_officer me;
	struct db_tx tx;
	sqlite3_stmt *st;
	int rc;

	if (role_require(db, acting, MC_ACT_SETTING, &me, err))
		return -1;
	if (s == NULL)
		return err_set(err, MC_EINVAL,
		    _("there is no setting '%s': see 'motcua setting list'"), name);
	if (db_tx_begin(db, &tx, err))
		return -1;
	if (db_prepare(db, "DELETE FROM meta WHERE key = ?1", &st, err))
		goto fail;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("resetting the setting"));
		goto fail;
	}
	/* the record says what the setting is now: its default */
	if (audit_record(db, "setting", me.username, NULL, err, "name", name, "value",
	    s->dflt, (char *)NULL))
		goto fail;
	return db_tx_commit(&tx, err);
fail:
	db_tx_rollback(&tx);
	return -1;
}
