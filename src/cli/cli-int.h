/* cli-int.h — what the parser (cli.c) and the printing of its tables
 * (cli-help.c) share; no command needs it. */
#ifndef MOTCUA_CLI_INT_H
#define MOTCUA_CLI_INT_H

#include <stdbool.h>

#include "cli.h"

/* The usage errors cli_parse notes in cli_args.error. */
enum {
	CLI_E_NONE,
	CLI_E_UNKNOWN_OPTION,	/* bad: the option as typed */
	CLI_E_AMBIGUOUS,	/* bad: as typed; eopt, eopt2: two it could be */
	CLI_E_NEEDS_VALUE,	/* eopt: given last, without its value */
	CLI_E_NO_VALUE,		/* eopt: takes none, given one with '=' */
	CLI_E_UNKNOWN_COMMAND,	/* bad */
	CLI_E_NO_WORD,		/* the command's action is missing */
	CLI_E_UNKNOWN_WORD,	/* bad: not an action of the command */
	CLI_E_MISSING,		/* eopt: required, not given */
	CLI_E_CONFLICT,		/* eopt does not go with eopt2 */
	CLI_E_ONLY_WITH,	/* eopt goes only with eopt2 */
	CLI_E_FEW,		/* operands missing */
	CLI_E_MANY,		/* bad: the first operand too many */
	CLI_E_NOT_TAKEN,	/* eopt (before the command): not an option of its form */
};

/* --help, -h */
extern const struct cli_opt cli_group_help[];

/* The option `name` of form f, or NULL. */
const struct cli_opt *cli_form_opt(const struct cli_form *f, const char *name);
/* Whether w is one of the actions "telex|vni". */
bool cli_word_is(const char *words, const char *w);
/* How many operands a form's args text takes: *max -1 for no limit. */
void cli_arg_counts(const char *args, int *min, int *max);

#endif
