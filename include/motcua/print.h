/* print.h — sending a document to the printer: three back ends.
 *
 * The setting print_backend chooses:
 *   command  run print_command (default "lp"; words split on spaces, no
 *            shell): the saved file is its last argument (when there is
 *            one) and the document is also on its standard input, so
 *            both "lp" and a script reading stdin work; its output and
 *            errors are appended to print.log beside the database
 *   file     write the document, as is (UTF-8), to print_device
 *   escpos   write an ESC/POS byte stream to print_device (a device such
 *            as /dev/usb/lp0, or a file): ESC @, ESC t escpos_codepage,
 *            the text converted for that code page and wrapped to the
 *            paper (paper_width 58 mm: 32 columns, 80 mm: 48), each page
 *            (a form feed starts the next one) ended by the dossier
 *            code's QR (when escpos_qr is 1) and a cut (GS V 66 0)
 * Code pages: 52 (Epson) and 27, 35, 94 (clones) are WPC1258, written
 * with iconv's CP1258; 30 and 31 are TCVN-3, usable only if this system's
 * iconv knows TCVN3 (glibc does not).  A character the code page cannot
 * hold is an error naming it: never a wrong letter, never //TRANSLIT.
 *
 * Core code: nothing here writes to the terminal. */
#ifndef MOTCUA_PRINT_H
#define MOTCUA_PRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "motcua/error.h"

enum print_backend { PRINT_COMMAND, PRINT_FILE, PRINT_ESCPOS };

struct print_opts {
	enum print_backend backend;
	char command[1024];	/* print_command */
	char device[4096];	/* print_device */
	int codepage;		/* escpos_codepage: the n of ESC t n */
	int columns;		/* 32 (58 mm) or 48 (80 mm), from paper_width */
	bool qr;		/* escpos_qr */
};

/* The settings of the station (defaults where unset). */
int print_options(sqlite3 *db, struct print_opts *o, struct mc_err *err);

/* The iconv name of the text for an ESC/POS code page ("CP1258"), or
 * NULL with err set when the code page is not a Vietnamese one this
 * system can write.  setting_set uses it as the check of escpos_codepage
 * (value as text: a number 0..255). */
const char *print_codepage_encoding(int codepage, struct mc_err *err);
int print_codepage_check(const char *value, struct mc_err *err);

/* The bytes print_escpos made (malloc'd; NUL bytes inside, so len
 * counts); print_buf_free releases them. */
struct print_buf {
	unsigned char *p;
	size_t len;
};
void print_buf_free(struct print_buf *b);

/* The ESC/POS byte stream of UTF-8 text (NFC-normalised here), for
 * o->codepage, o->columns and o->qr; code is the dossier code for the QR
 * (NULL or "": no QR).  -1 with err set (an unprintable character, names
 * the line and the character). */
int print_escpos(const char *text, const char *code, const struct print_opts *o,
    struct print_buf *out, struct mc_err *err);

/* Write bytes to a file or device (a file is created 0600 and replaced;
 * under /dev/ nothing is created). */
int print_to_file(const char *path, const void *data, size_t len, struct mc_err *err);

/* Run command (words split on spaces, no shell) with path appended (when
 * not NULL) and data on its standard input; its output appended to
 * logpath (NULL: /dev/null).  Waits; -1 with err set when it cannot run or
 * exits non-zero. */
int print_run(const char *command, const char *path, const void *data, size_t len,
    const char *logpath, struct mc_err *err);

/* The print command's log beside the database (print.log; "/dev/null"
 * without a database file). */
void print_log_path(sqlite3 *db, const char *db_path, char *buf, size_t n);

/* Print a document with the chosen back end.  text is the document
 * (UTF-8); NULL reads it from path.  path is the saved file (may be NULL
 * when text is given).  code is the dossier code for the ESC/POS QR (may
 * be NULL).  db_path locates print.log (NULL: the database's file). */
int print_send(sqlite3 *db, const char *db_path, const char *path, const char *text,
    const char *code, struct mc_err *err);

#endif
