/* cli.h — the non-interactive subcommands.
 *
 * Each subcommand is one small file (cmd-NAME.c) exporting a struct
 * cli_cmd; main.c holds the table.  A command is data: its forms ("calendar
 * holidays YEAR [--json]", "calendar set DATE off|work NAME", …), each with
 * its operands and its options, declared in tables.  One parser (cli.c)
 * reads the command line from those tables, and the same tables print the
 * usage lines, `motcua CMD --help` and the usage errors, so these cannot
 * disagree; doc/motcua.1 shows the same lines (tests/cli/usage.sh checks).
 *
 * A command returns the exit status: 0 success, 1 error (one line on
 * stderr: what, and what to do), 2 usage. */
#ifndef MOTCUA_CLI_H
#define MOTCUA_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include <sqlite3.h>

#include "motcua/date.h"
#include "motcua/dossier.h"
#include "motcua/error.h"
#include "motcua/role.h"
#include "motcua/unit.h"

#define EXIT_USAGE 2

struct cli_ctx {
	const char *db_path;	/* --db, or NULL for the default location */
	const char *officer;	/* --officer, or NULL */
	const char *lang;	/* --lang, or NULL */
	bool lang_fixed;	/* --lang or $LANGUAGE chose: the setting may not */
	sqlite3 *db;		/* opened on first use by cli_db() */
};

/* ---- subcommands as data ------------------------------------------------ */

/* One option: --NAME, or --NAME VALUE (also written --NAME=VALUE; any
 * unambiguous abbreviation of NAME does too).  Option tables end with
 * CLI_OPT_END. */
struct cli_opt {
	const char *name;	/* without the dashes: "procedure" */
	const char *value;	/* the value's name in the synopsis ("CODE"), or
				 * NULL for an option that takes none (syntax:
				 * not translated) */
	const char *help;	/* what it does, for --help: N_("…") */
	unsigned flags;		/* CLI_REQUIRED, CLI_OR_NEXT, CLI_NO_COMMAND */
	char letter;		/* a one-letter form (-V), or 0 */
};
#define CLI_OPT_END {NULL, NULL, NULL, 0, 0}
#define CLI_REQUIRED 1u	/* the form needs it: shown without brackets */
#define CLI_OR_NEXT 2u	/* excludes the option after it: "[--for STATION|--all]" */
#define CLI_NO_COMMAND 4u	/* a global option of the program alone (--demo):
			 * read anywhere, refused by main.c with a command */
#define CLI_TWO_WORDS 8u	/* its value is two words ("USER \"Full name\""):
			 * the second is read with cli_arg2 */

/* The most option tables a form combines (its own and shared groups). */
#define CLI_MAX_GROUPS 5

struct cli_args;

/* One form of a command: a line of its synopsis. */
struct cli_form {
	const char *word;	/* the action after the command name ("holidays"),
				 * "telex|vni" for either; NULL for none (every
				 * form of a command has one, or none has) */
	const char *args;	/* the operands as the synopsis shows them:
				 * "CODE KIND", "[COMMAND]", "FILE..." (a name
				 * with "..." takes one or more); NULL for none.
				 * Their number is read from this text. */
	const char *key;	/* NULL, or the option whose presence picks this
				 * form among the forms of the same word
				 * ("from-copy"); exactly one form has none */
	unsigned flags;		/* CLI_OPTIONS_FIRST */
	const struct cli_opt *opts[CLI_MAX_GROUPS];	/* its options: its
				 * own table and the shared groups, in synopsis
				 * order */
	int (*run)(struct cli_ctx *ctx, const struct cli_args *a);
};
/* Options end at the first operand (the rest is text that may begin with
 * '-'); otherwise options and operands mix and "--" ends the options. */
#define CLI_OPTIONS_FIRST 1u

struct cli_cmd {
	const char *name;	/* "calendar" */
	const char *summary;	/* one line for --help: N_("…") */
	const struct cli_form *forms;	/* ended by CLI_FORM_END */
	/* NULL, or fills option tables made from data at run time (event's
	 * options come from the kinds of vocab.h); cli_parse calls it first */
	void (*prepare)(void);
};
#define CLI_FORM_END {NULL, NULL, NULL, 0, {NULL}, NULL}

/* Shared option groups, declared once (cli.c).  A form lists the group in
 * its opts; the command reads the values with cli_arg / cli_has. */
extern const struct cli_opt cli_group_global[];	/* --db --lang --officer
				 * --demo: before or after the command */
extern const struct cli_opt cli_group_receipt[];	/* receive and guide:
				 * --procedure --name --id --birth --phone
				 * --address --email --docs */
extern const struct cli_opt cli_group_json[];	/* --json */
extern const struct cli_opt cli_group_at[];	/* --at "YYYY-MM-DD HH:MM" */
extern const struct cli_opt cli_group_password[];	/* --password-file FILE:
				 * also before the command, as the contract
				 * "motcua --officer U --password-file F CMD" has it;
				 * a command whose form does not list it refuses it */
extern const struct cli_opt cli_group_new_password[];	/* --new-password-file FILE */

/* The most distinct options one command line can give. */
#define CLI_MAX_SET 48

/* What the parser read: the command, its form, operands and options. */
struct cli_args {
	const struct cli_cmd *cmd;	/* NULL: no command (the program) */
	const struct cli_form *form;	/* the form chosen; NULL without cmd */
	const char *word;		/* the action as typed, or NULL */
	int argc;			/* the operands, after the action */
	char **argv;
	int nset;			/* the options given, each once (the last
					 * value wins) */
	struct {
		const struct cli_opt *opt;
		const char *value;	/* NULL for an option without value */
		const char *value2;	/* CLI_TWO_WORDS: the second word */
	} set[CLI_MAX_SET];
	/* the outcome (set by cli_parse) */
	bool help;			/* --help, -h: show the help and stop */
	int error;			/* a usage error (enum in cli.c), 0 none */
	const char *bad;		/* what it is about, as typed */
	const struct cli_opt *eopt, *eopt2;	/* ... or the options */
	const struct cli_opt *top;	/* the program's own options */
	char **operands;		/* storage behind argv (malloc'd) */
};

/* Read the command line: the options before the command (the global ones
 * and `top`, which only the program takes: --version), the command among
 * cmds (ended by NULL) and everything after it.  The global options are
 * stored in ctx as well.  Prints nothing, so that --lang, wherever it
 * stands, can choose the language of the messages first; a usage error is
 * left in a->error for cli_parse_report.  Returns 0, or -1 out of memory.
 * Free with cli_args_free. */
int cli_parse(int argc, char **argv, const struct cli_cmd *const *cmds,
    const struct cli_opt *top, struct cli_ctx *ctx, struct cli_args *a);
void cli_args_free(struct cli_args *a);
/* Print a->error's message and the usage it concerns on stderr; returns 2. */
int cli_parse_report(const struct cli_args *a);

/* The value of option `name` (without dashes), NULL if not given; an
 * option without value gives "". */
const char *cli_arg(const struct cli_args *a, const char *name);
/* The second word of a CLI_TWO_WORDS option's value, NULL if not given. */
const char *cli_arg2(const struct cli_args *a, const char *name);
/* Whether option `name` was given. */
bool cli_has(const struct cli_args *a, const char *name);
/* The receipt options (cli_group_receipt) given, into r. */
void cli_receipt(const struct cli_args *a, struct mc_receipt *r);

/* The synopsis lines of a command's forms (all of them, or those of one
 * action when word is not NULL), the first after "usage:", wrapped to 80
 * columns. */
void cli_synopsis(FILE *f, const struct cli_cmd *cmd, const char *word);
/* The lines of the program's own synopsis: "motcua [--db PATH] …", then
 * "motcua --help | --version" with the program's own options `top`. */
void cli_synopsis_program(FILE *f, const struct cli_opt *top);
/* One line per form of each command, for `motcua --help`. */
void cli_synopsis_list(FILE *f, const struct cli_cmd *const *cmds);
/* `motcua CMD --help`: synopsis, summary, options with what they do. */
void cli_help(FILE *f, const struct cli_cmd *cmd);
/* The global options with what they do, for --help: with the program's
 * own (--demo, and `top`) unless top is NULL. */
void cli_help_globals(FILE *f, const struct cli_opt *top);
/* Prose, wrapped to 80 columns, and a newline. */
void cli_wrap(FILE *f, const char *text);
/* The usage of the command and form of a, on stderr; returns 2. */
int cli_usage(const struct cli_args *a);

/* ---- what every command shares ------------------------------------------- */

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
/* "motcua: warning: <message>" on stderr. */
void cli_warn(const char *fmt, ...) MC_PRINTF(1, 2);

/* NFC-normalise a command-line argument, or print an error; malloc'd. */
char *cli_text(const char *arg, const char *what);

/* Print s left-aligned in `width` terminal columns (printf's %-12s counts
 * bytes, and a Vietnamese letter takes two or three). */
void cli_pad(FILE *f, const char *s, size_t width);

/* Dates and times typed on the command line.  Every date or time that an
 * option or operand takes is read by one of these two (cli_time too), by
 * core's rule (date_parse_input*, date.h).  0, or -1 when the text is not a
 * day or a time: nothing is printed, and err (may be NULL) gets core's
 * message, for the caller that prints it rather than its own. */
int cli_read_day(const char *arg, int *jdn, struct mc_err *err);
int cli_read_time(const char *arg, struct mc_time *t, struct mc_err *err);
/* --at "YYYY-MM-DD HH:MM" into t (cli_read_time), or the current time when
 * arg is NULL; prints core's message and returns 1 if the text is not a
 * time. */
int cli_time(const char *arg, struct mc_time *t);

/* ---- passwords (cli-password.c) ------------------------------------------- */

/* Room for a password of MC_PASSWORD_MAX characters of up to 4 bytes, its
 * newline and its NUL: a longer first line is refused, never cut. */
#define CLI_PASSWORD_SIZE (4 * 128 + 2)

/* Read the password in FILE (its first line, the newline stripped) into
 * buf: refused unless FILE is a regular file of the user running motcua
 * with no group or other permission bits, and not empty.  0, or 1 after
 * printing one line that says what to do.  The password is never printed;
 * the caller wipes buf (sodium_memzero) after use. */
int cli_password_file(const char *path, char *buf, size_t n);
/* Read a password from the terminal (/dev/tty) without echo, after
 * printing prompt there; `option` names the file option to use instead
 * when there is no terminal.  0, or 1 after printing. */
int cli_password_tty(const char *prompt, const char *option, char *buf, size_t n);
/* The acting officer proves who they are: ctx->officer (or the only
 * active officer) into *o, the password from --password-file or the
 * terminal, checked by auth_verify at the current time (a wrong one is
 * counted and costs auth_delay_ms before the answer).  An officer whose
 * password a supervisor reset is refused: they run `motcua passwd` first.
 * 0, or 1 after printing one line; nothing but the failure count is
 * changed.  Every command that changes data calls it (with
 * cli_group_password among its form's options) before changing anything;
 * the commands that only read never do. */
int cli_login(struct cli_ctx *ctx, const struct cli_args *a, sqlite3 *db,
    struct mc_officer *o);
/* The database, with its acting officer proved by cli_login and allowed
 * action `act` (core checks the role again when it writes); NULL after
 * printing one line. */
sqlite3 *cli_login_for(struct cli_ctx *ctx, const struct cli_args *a, enum mc_action act,
    struct mc_officer *o);
/* cli_login for `motcua passwd`: a reset password logs in, to be changed. */
int cli_login_passwd(struct cli_ctx *ctx, const struct cli_args *a, sqlite3 *db,
    struct mc_officer *o);
/* A new password for `user`: from the file of option `option` (a
 * password-file option of the form), else asked twice on the terminal.
 * 0, or 1 after printing.  The caller wipes buf. */
int cli_new_password(const struct cli_args *a, const char *option, const char *user,
    char *buf, size_t n);

/* Print a JSON string literal (with quotes) to f. */
void cli_jstr(FILE *f, const char *s);

/* Every command, for main.c. */
extern const struct cli_cmd cmd_init, cmd_officer, cmd_catalog, cmd_calendar,
    cmd_receive, cmd_show, cmd_list, cmd_check, cmd_setting, cmd_event, cmd_history, cmd_due, cmd_find, cmd_text, cmd_slip,
    cmd_guide, cmd_passwd, cmd_publish, cmd_export, cmd_import, cmd_peers, cmd_report,
    cmd_audit, cmd_roles, cmd_station, cmd_unit, cmd_backup, cmd_restore, cmd_attach, cmd_files,
    cmd_file, cmd_scan, cmd_doctor, cmd_province;

#endif
