/* setting.h — the station's settings, kept in the meta table.
 *
 * Each setting has a name, a default and a check; setting_set refuses a
 * value its check does not accept and leaves the old one in place.
 *   lang              vi | en                 language of the program
 *   tone_style        old | new               Telex tone placement (hòa / hoà)
 *   input_method      telex | vni             the built-in Vietnamese input
 *   office_hours      "07:30-11:30,13:30-17:00"
 *   saturday_morning  0 | 1                   Saturday morning is worked
 *   sameday_cutoff    "15:00"                 same-day procedures
 *   print_command     "lp"                    command that prints a slip
 *   print_backend     command | file | escpos how slips are printed (print.h)
 *   print_device      "/dev/usb/lp0"          where file and escpos write
 *   escpos_codepage   "52"                    ESC t n (52 = WPC1258 on Epson)
 *   paper_width       58 | 80                 receipt paper, mm (32/48 columns)
 *   escpos_qr         0 | 1                   QR of the dossier code on receipts
 *   password_kind     password | pin          8+ characters, or 6+ digits (auth.h)
 *   colleague_steps   "handover,result,return"  steps an officer may record on
 *                                             a colleague's dossier (role.h)
 *   lock_minutes      0 … 240, "5"            idle minutes before the screen
 *                                             locks (0: never)
 *   aggregate_units   0 | 1                   takes bundles of other units too
 *                                             (a province; syncrule.h)
 *   require_phone     0 | 1, "0"              a receipt needs the phone number
 *   require_address   0 | 1, "1"              a receipt needs the address
 *                                             (both checked by the receipt,
 *                                             dossier.h, and by F2's form:
 *                                             setting_check_required; an
 *                                             empty optional one is a dotted
 *                                             line on the slip)
 *   logbook_book      year | month, "year"    how long a book of the logbook
 *                                             lasts (logbook.h); a change
 *                                             starts the next receipt's book
 *   print_format      pdf | text, "pdf"       what print_backend command
 *                                             sends a form as (slip.h)
 *   backup_daily      1 … 366, "7"            days, weeks and months that keep
 *   backup_weekly     0 … 520, "4"            their newest backup in the
 *   backup_monthly    0 … 600, "12"           backups folder (backup.h)
 *   backup_warn_days  0 … 365, "2"            the header warns of an older
 *                                             newest backup (0: never)
 *   attach_max_mb     1 … 500, "20"           the largest file kept with a
 *                                             dossier (attach.h)
 *   attach_roots      "/srv/scans:…", ""      folders files may be attached
 *                                             from, besides $HOME and media
 *   attach_blobs      0 | 1, "0"              keep the files in the database
 *   scan_device       "" (the first found)    the scanner's SANE name (scan.h)
 *   scan_resolution   75 … 600, "200"         dots per inch
 *   scan_mode         gray | color | lineart, "gray"
 *   scan_source       flatbed | adf, "flatbed"  one page, or the feeder's
 *                                             pages until it is empty
 */
#ifndef MOTCUA_SETTING_H
#define MOTCUA_SETTING_H

#include <stddef.h>
#include <sqlite3.h>

#include "motcua/error.h"

struct mc_setting_info {
	const char *name;
	const char *dflt;
	const char *help;	/* translatable, one line */
};

/* The known settings, NULL-terminated. */
const struct mc_setting_info *setting_all(void);

/* Current value (the default when unset); -1 if the name is unknown. */
int setting_get(sqlite3 *db, const char *name, char *buf, size_t n);
/* `acting` (a supervisor: role_require, MC_ACT_SETTING) checks and
 * stores a value, with its audit event (one transaction). */
int setting_set(sqlite3 *db, const char *acting, const char *name, const char *value,
    struct mc_err *err);
/* Back to the default, likewise. */
int setting_unset(sqlite3 *db, const char *acting, const char *name, struct mc_err *err);
/* The citizen's `field`, "phone" or "address", given as `value` (NULL,
 * empty or blank: not given): -1 with the message that asks for it when
 * this counter requires it (require_phone, require_address), else 0.
 * The receipt and F2's applicant form both check here. */
int setting_check_required(sqlite3 *db, const char *field, const char *value,
    struct mc_err *err);

#endif
