/* cli.h — the non-interactive subcommands.
 *
 * Each subcommand is one small file (cmd-NAME.c) exporting a struct
 * cli_cmd; main.c holds the table.  A command returns the exit status:
 * 0 success, 1 error (one line on stderr: what, and what to do), 2 usage. */
#ifndef MOTCUA_CLI_H
#define MOTCUA_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include <sqlite3.h>

#include "motcua/date.h"
#include "motcua/dossier.h"
#include "motcua/error.h"

#define EXIT_USAGE 2

struct cli_ctx {
	const char *db_path;	/* --db, or NULL for the default location */
	const char *officer;	/* --officer, or NULL */
	const char *lang;	/* --lang, or NULL */
	bool lang_fixed;	/* --lang or $LANGUAGE chose: the setting may not */
	sqlite3 *db;		/* opened on first use by cli_db() */
};

struct cli_cmd {
	const char *name;
	const char *usage;	/* one line, after "motcua " (untranslated syntax) */
	int (*run)(struct cli_ctx *ctx, int argc, char **argv);
};

/* Open the database named by the context (must exist).  On failure prints
 * the error and returns NULL. */
sqlite3 *cli_db(struct cli_ctx *ctx);
/* Speak the database's `lang` setting unless --lang or $LANGUAGE chose. */
void cli_apply_lang(struct cli_ctx *ctx, sqlite3 *db);
/* Resolve the database path (--db, $MOTCUA_DB, XDG); NULL after printing
 * an error. */
const char *cli_db_path(struct cli_ctx *ctx, char *buf, size_t n);

/* "motcua: <message>" on stderr; returns 1. */
int cli_error(const char *fmt, ...) MC_PRINTF(1, 2);
/* Print an mc_err; returns 1. */
int cli_fail(const struct mc_err *err);
/* "usage: motcua <usage>" on stderr; returns 2. */
int cli_usage(const struct cli_cmd *cmd);
/* "motcua: warning: <message>" on stderr. */
void cli_warn(const char *fmt, ...) MC_PRINTF(1, 2);

/* NFC-normalise a command-line argument, or print an error; malloc'd. */
char *cli_text(const char *arg, const char *what);

/* Print s left-aligned in `width` terminal columns (printf's %-12s counts
 * bytes, and a Vietnamese letter takes two or three). */
void cli_pad(FILE *f, const char *s, size_t width);

/* --at "YYYY-MM-DD HH:MM" into t, or the current time when arg is NULL;
 * prints the error and returns 1 if the text is not a time. */
int cli_time(const char *arg, struct mc_time *t);

/* The receipt options receive and guide share (--procedure, --name, --id,
 * --birth, --phone, --address, --email, --docs, with the getopt codes
 * p n i b t a e d); false if c is none of them. */
bool cli_receipt_opt(int c, const char *arg, struct mc_receipt *r);
/* ... and their long options, for a getopt_long table (needs <getopt.h>). */
#define CLI_RECEIPT_OPTIONS \
	{"procedure", required_argument, NULL, 'p'}, \
	{"name", required_argument, NULL, 'n'}, \
	{"id", required_argument, NULL, 'i'}, \
	{"birth", required_argument, NULL, 'b'}, \
	{"phone", required_argument, NULL, 't'}, \
	{"address", required_argument, NULL, 'a'}, \
	{"email", required_argument, NULL, 'e'}, \
	{"docs", required_argument, NULL, 'd'}

/* Print a JSON string literal (with quotes) to f. */
void cli_json_str(FILE *f, const char *s);

/* Every command, for main.c. */
extern const struct cli_cmd cmd_init, cmd_officer, cmd_catalog, cmd_calendar,
    cmd_receive, cmd_show, cmd_list, cmd_check, cmd_setting, cmd_event, cmd_history, cmd_due, cmd_find, cmd_text, cmd_slip,
    cmd_guide, cmd_publish, cmd_export, cmd_import, cmd_peers, cmd_report;

#endif
