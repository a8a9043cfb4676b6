/* doctor.h — is this PC ready for the counter?  What `motcua doctor` and
 * F9 → "Check this PC" show: one list of checks, each OK or one sentence
 * saying what to do, for the technician who comes once, and for the
 * officer on the telephone to them months later.
 *
 * The checks, in the order shown:
 *   terminal size    at least DOCTOR_MIN_COLS × DOCTOR_MIN_ROWS
 *   locale           the one the environment asks for is UTF-8 (the
 *                    program itself falls back to C.UTF-8: main.c; what
 *                    it starts, lp among them, does not)
 *   console font     on the bare Linux console (TERM=linux) only: the
 *                    console can show Vietnamese only with console-setup's
 *                    codeset "Vietnamese"; face Fixed, sizes 8x13, 8x15,
 *                    8x16 or 8x18, is the one every release of it makes
 *                    whole for that codeset (its README.fonts), so the
 *                    check asks for it (/etc/default/console-setup; the
 *                    Lat15, Uni1, Uni2 and Uni3 codesets lack ơ, ư and the
 *                    letters with two marks).  It reads the file: a font
 *                    loaded by hand is not seen
 *   colours          the terminal shows at least 8 colours
 *   printer          print_backend command: the program exists and, for lp
 *                    or lpr (CUPS), the queue it names (-d, -P) or the
 *                    default one is known to `lpstat -p -d` and enabled;
 *                    file and escpos: print_device can be written
 *   receipt code page  escpos only: escpos_codepage is one this system
 *                    can write (print_codepage_encoding)
 *   scanner          when scan_device is set: opened through the scan
 *                    module and closed, no page scanned, in a child
 *                    process given DOCTOR_SCAN_MS (a SANE backend may
 *                    block for ever on a scanner that does not answer)
 *   clock            clock_check against the newest event
 *   disk space       the database's folder and the backups folder: at
 *                    least env->min_free_mb MiB free, and the backups
 *                    folder room for one more copy of the database
 *   database         PRAGMA quick_check: every page and row, not the
 *                    indexes against their tables (integrity_check, which
 *                    `motcua check` runs, takes minutes on a million
 *                    dossiers; quick_check reads each page once)
 *   schema version   what the file holds against what this program knows
 *   last backup      backup_age against backup_warn_days (0: not judged)
 *   stations and keys  this station's key, the keys trusted and revoked,
 *                    and no clone alarm held (trust.h)
 *
 * Everything a check reads from outside the database comes in struct
 * doctor_env, so a test gives the terminal, the locale and the programs
 * of its choosing; doctor_env_process fills one from this process.  Core
 * code: nothing here writes to the terminal. */
#ifndef MOTCUA_DOCTOR_H
#define MOTCUA_DOCTOR_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "motcua/date.h"
#include "motcua/error.h"

#define DOCTOR_MIN_COLS 80
#define DOCTOR_MIN_ROWS 24
/* free MiB below which a folder is called full (MOTCUA_DOCTOR_MIN_FREE_MB) */
#define DOCTOR_MIN_FREE_MB 200
/* how long the scanner and lpstat may take to answer */
#define DOCTOR_SCAN_MS 8000
#define DOCTOR_LPSTAT_MS 5000
#define DOCTOR_MAX 16

struct doctor_env {
	int cols, rows;			/* the terminal's size; 0: not known (no terminal) */
	const char *term;		/* $TERM; NULL: not set */
	const char *locale_var;		/* which variable set the locale: "LC_ALL=C" */
	const char *codeset;		/* the codeset of the locale the environment
					 * asks for; NULL: that locale is not installed */
	int colors;			/* colours the terminal shows (terminfo's
					 * colors); 0 or less: none */
	const char *console_setup;	/* /etc/default/console-setup */
	const char *path;		/* $PATH, to find the print command */
	const char *lpstat;		/* the lpstat program; NULL: look it up on path */
	const char *db_path;		/* the database's file */
	long long min_free_mb;
	int scan_ms, lpstat_ms;		/* the time limits */
	struct mc_time now;
	/* strings behind the pointers (doctor_env_process) */
	char buf_locale[160], buf_codeset[64], buf_lpstat[4096];
};

struct doctor_item {
	char name[64];		/* translated: "Terminal size" */
	bool ok;
	/* not ok: one sentence saying what to do; ok: "" or a short note
	 * ("not the Linux console", "3 stations trusted") */
	char advice[768];
};

struct doctor_report {
	struct doctor_item item[DOCTOR_MAX];
	size_t n;
	size_t failed;		/* items not ok */
};

/* An env from this process: $COLUMNS and $LINES, else the size of the
 * terminal on standard output, error or input; $TERM; the locale that
 * setlocale(LC_CTYPE, "") finds (the program's own is left as it was);
 * $MOTCUA_CONSOLE_SETUP, else /etc/default/console-setup; $PATH;
 * $MOTCUA_LPSTAT, else lpstat on $PATH; $MOTCUA_DOCTOR_MIN_FREE_MB, else
 * DOCTOR_MIN_FREE_MB; the clock (date_now).  colors is left 0 (the
 * caller knows the terminal: terminfo, or curses' COLORS); db_path is
 * the caller's.  `env` must outlive the pointers into its buffers. */
void doctor_env_process(struct doctor_env *env);

/* Run every check.  db may be NULL (it could not be opened: open_err
 * says why, and the item "Database" says it with what to do; the checks
 * that need the database are left out).  0 with *r filled (the
 * checks' own failures are r's items, not errors), or -1 with err when
 * the checks themselves could not run. */
int doctor_run(sqlite3 *db, const struct mc_err *open_err, const struct doctor_env *env,
    struct doctor_report *r, struct mc_err *err);

/* ---- doctor-dev.c: the printer and the scanner ---------------------------- */

/* The program `name` on the colon-separated `path` (or name itself when
 * it holds a '/'), executable: 1 with its path in buf, 0 not found. */
int doctor_which(const char *name, const char *path, char *buf, size_t n);

/* The printer's item (by print_backend) and the receipt code page's. */
void doctor_printer(sqlite3 *db, const struct doctor_env *env, struct doctor_item *it);
void doctor_codepage(sqlite3 *db, struct doctor_item *it);
/* The scanner's: scan_device opened and closed, within env->scan_ms. */
void doctor_scanner(sqlite3 *db, const struct doctor_env *env, struct doctor_item *it);

#endif
