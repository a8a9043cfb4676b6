/* cli.c — what every subcommand shares: the one command-line parser, driven
 * by the commands' tables (cli.h), with the option groups several commands
 * take; the database, messages, dates and JSON strings.  What the tables
 * print (usage lines, --help) is in cli-help.c. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli-int.h"
#include "motcua/clock.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/setting.h"
#include "motcua/vntext.h"

/* ---- the shared option groups -------------------------------------------- */

const struct cli_opt cli_group_global[] = {
	{"db", "PATH", N_("the database (default: see FILES in motcua(1))"), 0, 0},
	{"lang", "vi|en", N_("the language of messages: Vietnamese or English"), 0, 0},
	{"officer", "USER", N_("the officer on duty (default: the only active one)"), 0, 0},
	{"demo", NULL, N_("open the full-screen program on demonstration data"),
	    CLI_NO_COMMAND, 0},
	CLI_OPT_END,
};

const struct cli_opt cli_group_receipt[] = {
	{"procedure", "CODE", N_("the procedure's code in the catalog"), CLI_REQUIRED, 0},
	{"name", "NAME", N_("the applicant's full name, as on the ID card"), CLI_REQUIRED, 0},
	{"id", "NUMBER", N_("the applicant's citizen ID number (12 digits)"), CLI_REQUIRED, 0},
	{"birth", "DATE", N_("the applicant's birth date (DD/MM/YYYY, DDMMYYYY or "
	    "YYYY-MM-DD)"), 0, 0},
	{"phone", "P", N_("the applicant's phone number"), 0, 0},
	/* not CLI_REQUIRED: the setting decides, and a guide never needs it */
	{"address", "A", N_("the applicant's address (a receipt needs it unless "
	    "the setting require_address is 0)"), 0, 0},
	{"email", "E", N_("the applicant's e-mail address"), 0, 0},
	{"docs", "all|none|1,3", N_("the documents handed in, by their numbers in the "
	    "procedure's list (default: all)"), 0, 0},
	CLI_OPT_END,
};

const struct cli_opt cli_group_json[] = {
	{"json", NULL, N_("print JSON instead of text"), 0, 0},
	CLI_OPT_END,
};

const struct cli_opt cli_group_at[] = {
	{"at", "\"YYYY-MM-DD HH:MM\"", N_("when it happened (default: now)"), 0, 0},
	CLI_OPT_END,
};

/* The acting officer's password, and a new one (cli-password.c reads them). */
const struct cli_opt cli_group_password[] = {
	{"password-file", "FILE", N_("a file whose first line is the password (mode 0600, "
	    "yours); without it the password is asked on the terminal"), 0, 0},
	CLI_OPT_END,
};

const struct cli_opt cli_group_new_password[] = {
	{"new-password-file", "FILE", N_("a file whose first line is the new password (mode "
	    "0600, yours); without it the password is asked on the terminal"), 0, 0},
	CLI_OPT_END,
};

/* --help and -h: every command line knows them. */
const struct cli_opt cli_group_help[] = {
	{"help", NULL, N_("show this help and exit"), 0, 'h'},
	CLI_OPT_END,
};

void
cli_receipt(const struct cli_args *a, struct mc_receipt *r)
{
	r->procedure = cli_arg(a, "procedure");
	r->applicant.name = cli_arg(a, "name");
	r->applicant.id = cli_arg(a, "id");
	r->applicant.birth_date = cli_arg(a, "birth");
	r->applicant.phone = cli_arg(a, "phone");
	r->applicant.address = cli_arg(a, "address");
	r->applicant.email = cli_arg(a, "email");
	r->docs = cli_arg(a, "docs");
}

/* ---- the parser ------------------------------------------------------------ */

/* A mistake in a command's table, not in the command line. */
static void
internal(const char *what, const char *name)
{
	fprintf(stderr, "motcua: internal error: %s %s\n", what, name != NULL ? name : "");
	abort();
}

/* The option tables in force at one point of the command line: the
 * command's own first (an abbreviation is looked for there first), then
 * the ones every command line has. */
#define MAX_TABS 24
struct scope {
	const struct cli_opt *tab[MAX_TABS];
	int n, nown;
};

static void
scope_add(struct scope *s, const struct cli_opt *t)
{
	if (t == NULL)
		return;
	for (int i = 0; i < s->n; i++)
		if (s->tab[i] == t)
			return;
	if (s->n == MAX_TABS)
		internal("too many option tables for one command", NULL);
	s->tab[s->n++] = t;
}

/* --help, the global options and, before the command, the program's own. */
static void
scope_common(struct scope *s, const struct cli_opt *top)
{
	s->nown = s->n;
	scope_add(s, cli_group_help);
	scope_add(s, cli_group_global);
	scope_add(s, top);
}

/* Keep the first usage error only; after --help, none matters. */
static void
fail(struct cli_args *a, int error, const char *bad, const struct cli_opt *o1,
    const struct cli_opt *o2)
{
	if (a->error != 0 || a->help)
		return;
	a->error = error;
	a->bad = bad;
	a->eopt = o1;
	a->eopt2 = o2;
}

static const struct cli_opt *
tab_find(const struct cli_opt *tab, const char *name)
{
	for (const struct cli_opt *o = tab; tab != NULL && o->name != NULL; o++)
		if (strcmp(o->name, name) == 0)
			return o;
	return NULL;
}

const struct cli_opt *
cli_form_opt(const struct cli_form *f, const char *name)
{
	const struct cli_opt *o;

	for (int g = 0; g < CLI_MAX_GROUPS; g++)
		if ((o = tab_find(f->opts[g], name)) != NULL)
			return o;
	return NULL;
}

/* The option `name` (len bytes, what stands before any '='): an exact
 * name, else the only option of the command that begins with it, else the
 * only other one.  NULL after noting the error; *tab its table. */
static const struct cli_opt *
lookup(struct cli_args *a, const struct scope *s, const char *typed, const char *name,
    size_t len, int *tab)
{
	for (int t = 0; t < s->n; t++)
		for (const struct cli_opt *o = s->tab[t]; o->name != NULL; o++)
			if (strlen(o->name) == len && strncmp(o->name, name, len) == 0) {
				*tab = t;
				return o;
			}
	for (int pass = 0; pass < 2 && len > 0; pass++) {
		const struct cli_opt *found = NULL;
		int from = pass == 0 ? 0 : s->nown, to = pass == 0 ? s->nown : s->n;

		for (int t = from; t < to; t++)
			for (const struct cli_opt *o = s->tab[t]; o->name != NULL; o++) {
				if (strncmp(o->name, name, len) != 0)
					continue;
				/* one name in several forms' tables is one option */
				if (found != NULL && strcmp(found->name, o->name) != 0) {
					fail(a, CLI_E_AMBIGUOUS, typed, found, o);
					return NULL;
				}
				found = o;
				*tab = t;
			}
		if (found != NULL)
			return found;
	}
	fail(a, CLI_E_UNKNOWN_OPTION, typed, NULL, NULL);
	return NULL;
}

static void
store(struct cli_args *a, const struct cli_opt *o, const char *value, const char *value2)
{
	int k;

	for (k = 0; k < a->nset; k++)
		if (strcmp(a->set[k].opt->name, o->name) == 0)
			break;
	if (k == CLI_MAX_SET)
		internal("too many options", o->name);
	if (k == a->nset)
		a->nset++;
	a->set[k].opt = o;
	a->set[k].value = value;
	a->set[k].value2 = value2;
}

/* "-" alone is an operand (standard input, by custom); "--" ends options. */
static bool
is_option(const char *s)
{
	return s[0] == '-' && s[1] != '\0';
}

/* argv[*i] is an option: read it (and its value, which may be the next
 * word), as getopt_long would. */
static void
take_option(struct cli_args *a, const struct scope *s, struct cli_ctx *ctx, int argc,
    char **argv, int *i)
{
	const char *arg = argv[*i], *value = NULL, *value2 = NULL;
	const struct cli_opt *o = NULL;
	int tab = -1;

	if (arg[1] != '-') {
		/* a one-letter form: -h, -V */
		for (int t = 0; t < s->n && o == NULL && arg[2] == '\0'; t++)
			for (const struct cli_opt *p = s->tab[t]; p->name != NULL; p++)
				if (p->letter == arg[1]) {
					o = p;
					tab = t;
					break;
				}
		if (o == NULL) {
			fail(a, CLI_E_UNKNOWN_OPTION, arg, NULL, NULL);
			return;
		}
	} else {
		const char *name = arg + 2, *eq = strchr(name, '=');

		o = lookup(a, s, arg, name, eq != NULL ? (size_t)(eq - name) : strlen(name),
		    &tab);
		if (o == NULL)
			return;
		if (eq != NULL && o->value == NULL) {
			fail(a, CLI_E_NO_VALUE, arg, o, NULL);
			return;
		}
		if (eq != NULL)
			value = eq + 1;
	}
	if (o->value != NULL && value == NULL) {
		if (*i + 1 >= argc) {
			fail(a, CLI_E_NEEDS_VALUE, arg, o, NULL);
			return;
		}
		value = argv[++*i];
	}
	if (o->flags & CLI_TWO_WORDS) {
		if (*i + 1 >= argc) {
			fail(a, CLI_E_NEEDS_VALUE, arg, o, NULL);
			return;
		}
		value2 = argv[++*i];
	}
	if (s->tab[tab] == cli_group_help) {
		if (a->error == 0)
			a->help = true;
		return;
	}
	store(a, o, value, value2);
	if (s->tab[tab] == cli_group_global) {
		if (strcmp(o->name, "db") == 0)
			ctx->db_path = value;
		else if (strcmp(o->name, "lang") == 0)
			ctx->lang = value;
		else if (strcmp(o->name, "officer") == 0)
			ctx->officer = value;
	}
}

bool
cli_word_is(const char *words, const char *w)
{
	size_t n = strlen(w);

	for (const char *p = words; p != NULL; ) {
		const char *bar = strchr(p, '|');
		size_t k = bar != NULL ? (size_t)(bar - p) : strlen(p);

		if (k == n && strncmp(p, w, n) == 0)
			return true;
		p = bar != NULL ? bar + 1 : NULL;
	}
	return false;
}

/* Whether form f is one of the forms of the action typed (a->word). */
static bool
form_of_word(const struct cli_args *a, const struct cli_form *f)
{
	return a->word == NULL || cli_word_is(f->word, a->word);
}

void
cli_arg_counts(const char *t, int *min, int *max)
{
	*min = *max = 0;
	while (t != NULL && *t != '\0') {
		const char *s;
		bool optional, many;

		while (*t == ' ')
			t++;
		if (*t == '\0')
			break;
		s = t;
		optional = *t == '[';
		while (*t != '\0' && *t != ' ') {
			if (*t == '"' && strchr(t + 1, '"') != NULL)
				t = strchr(t + 1, '"');	/* "Full name": one operand */
			t++;
		}
		many = (t - s >= 3 && strncmp(t - 3, "...", 3) == 0) ||
		    (t - s >= 4 && strncmp(t - 4, "...]", 4) == 0);
		if (!optional)
			(*min)++;
		if (*max >= 0)
			*max = many ? -1 : *max + 1;
	}
}

static bool
given(const struct cli_args *a, const char *name)
{
	for (int k = 0; k < a->nset; k++)
		if (strcmp(a->set[k].opt->name, name) == 0)
			return true;
	return false;
}

/* The form of the action that the options given pick (its key), and
 * whether the command line fits it. */
static void
choose_form(struct cli_args *a)
{
	const struct cli_form *f, *pick = NULL, *dflt = NULL;
	int min, max;

	for (f = a->cmd->forms; f->run != NULL; f++) {
		if (!form_of_word(a, f))
			continue;
		if (f->key == NULL && dflt == NULL)
			dflt = f;
		else if (f->key != NULL && pick == NULL && given(a, f->key))
			pick = f;
	}
	if (pick == NULL)
		pick = dflt;
	if (pick == NULL)
		internal("no form without a key in", a->cmd->name);
	a->form = pick;
	for (int k = 0; k < a->nset; k++) {
		const char *name = a->set[k].opt->name;

		if (tab_find(cli_group_global, name) != NULL || cli_form_opt(pick, name) != NULL)
			continue;
		/* only the password group is read before a command that may not take it */
		if (tab_find(cli_group_password, name) != NULL) {
			fail(a, CLI_E_NOT_TAKEN, NULL, a->set[k].opt, NULL);
			return;
		}
		if (pick->key != NULL) {
			fail(a, CLI_E_CONFLICT, NULL, a->set[k].opt, cli_form_opt(pick, pick->key));
			return;
		}
		for (f = a->cmd->forms; f->run != NULL; f++)
			if (form_of_word(a, f) && f->key != NULL && cli_form_opt(f, name) != NULL) {
				fail(a, CLI_E_ONLY_WITH, NULL, a->set[k].opt,
				    cli_form_opt(f, f->key));
				return;
			}
		internal("an option of no form:", name);
	}
	for (int g = 0; g < CLI_MAX_GROUPS; g++)
		for (const struct cli_opt *o = pick->opts[g]; o != NULL && o->name != NULL; o++) {
			if ((o->flags & CLI_OR_NEXT) && o[1].name != NULL && given(a, o->name) &&
			    given(a, o[1].name))
				fail(a, CLI_E_CONFLICT, NULL, &o[1], o);
			if ((o->flags & CLI_REQUIRED) && !given(a, o->name))
				fail(a, CLI_E_MISSING, NULL, o, NULL);
		}
	cli_arg_counts(pick->args, &min, &max);
	if (a->argc < min)
		fail(a, CLI_E_FEW, NULL, NULL, NULL);
	else if (max >= 0 && a->argc > max)
		fail(a, CLI_E_MANY, a->argv[max], NULL, NULL);
}

/* The options from argv[*i] up to the first operand, or to just after a
 * "--"; *i is left at what follows them. */
static void
take_leading(struct cli_args *a, const struct scope *s, struct cli_ctx *ctx, int argc,
    char **argv, int *i)
{
	for (; *i < argc && is_option(argv[*i]); (*i)++) {
		if (strcmp(argv[*i], "--") == 0) {
			(*i)++;
			break;
		}
		take_option(a, s, ctx, argc, argv, i);
	}
}

int
cli_parse(int argc, char **argv, const struct cli_cmd *const *cmds,
    const struct cli_opt *top, struct cli_ctx *ctx, struct cli_args *a)
{
	struct scope s = {{NULL}, 0, 0};
	bool ended = false, first = false;
	int i;

	memset(a, 0, sizeof *a);
	a->top = top;
	for (int k = 0; cmds[k] != NULL; k++)
		if (cmds[k]->prepare != NULL)
			cmds[k]->prepare();
	if ((a->operands = calloc((size_t)argc + 1, sizeof *a->operands)) == NULL)
		return -1;
	a->argv = a->operands;

	/* the program's options, up to the command */
	scope_common(&s, top);
	scope_add(&s, cli_group_password);
	i = 1;
	take_leading(a, &s, ctx, argc, argv, &i);
	if (i >= argc || a->help || a->error != 0)
		return 0;
	/* the program's own options (--version) act at once, as --help does */
	for (int k = 0; k < a->nset; k++)
		if (tab_find(top, a->set[k].opt->name) != NULL)
			return 0;
	for (int k = 0; cmds[k] != NULL && a->cmd == NULL; k++)
		if (strcmp(cmds[k]->name, argv[i]) == 0)
			a->cmd = cmds[k];
	if (a->cmd == NULL) {
		fail(a, CLI_E_UNKNOWN_COMMAND, argv[i], NULL, NULL);
		return 0;
	}
	i++;

	/* its action, if it has several: only global options before it */
	s.n = 0;
	scope_common(&s, NULL);
	scope_add(&s, cli_group_password);
	if (a->cmd->forms[0].word != NULL) {
		take_leading(a, &s, ctx, argc, argv, &i);
		if (i >= argc) {
			fail(a, CLI_E_NO_WORD, NULL, NULL, NULL);
			return 0;
		}
		for (const struct cli_form *f = a->cmd->forms; f->run != NULL; f++)
			if (cli_word_is(f->word, argv[i]))
				a->word = argv[i];
		if (a->word == NULL) {
			fail(a, CLI_E_UNKNOWN_WORD, argv[i], NULL, NULL);
			return 0;
		}
		i++;
	}

	/* the options of the forms of that action, and the global ones, among
	 * the operands (in any order, as getopt_long permutes) */
	s.n = 0;
	for (const struct cli_form *f = a->cmd->forms; f->run != NULL; f++) {
		if (!form_of_word(a, f))
			continue;
		for (int g = 0; g < CLI_MAX_GROUPS; g++)
			scope_add(&s, f->opts[g]);
		first = first || (f->flags & CLI_OPTIONS_FIRST);
	}
	scope_common(&s, NULL);
	for (; i < argc; i++) {
		if (!ended && strcmp(argv[i], "--") == 0) {
			ended = true;
		} else if (!ended && is_option(argv[i])) {
			take_option(a, &s, ctx, argc, argv, &i);
		} else {
			a->operands[a->argc++] = argv[i];
			ended = ended || first;
		}
	}
	if (!a->help && a->error == 0)
		choose_form(a);
	return 0;
}

void
cli_args_free(struct cli_args *a)
{
	free(a->operands);
	a->operands = a->argv = NULL;
}

/* Asking for an option that the command line could not hold is a mistake
 * in the command, caught the first time it runs. */
static void
known(const struct cli_args *a, const char *name)
{
	if (tab_find(cli_group_global, name) == NULL && tab_find(a->top, name) == NULL &&
	    (a->form == NULL || cli_form_opt(a->form, name) == NULL))
		internal("no such option:", name);
}

const char *
cli_arg(const struct cli_args *a, const char *name)
{
	known(a, name);
	for (int k = 0; k < a->nset; k++)
		if (strcmp(a->set[k].opt->name, name) == 0)
			return a->set[k].value != NULL ? a->set[k].value : "";
	return NULL;
}

const char *
cli_arg2(const struct cli_args *a, const char *name)
{
	known(a, name);
	for (int k = 0; k < a->nset; k++)
		if (strcmp(a->set[k].opt->name, name) == 0)
			return a->set[k].value2;
	return NULL;
}

bool
cli_has(const struct cli_args *a, const char *name)
{
	return cli_arg(a, name) != NULL;
}

/* ---- the database ------------------------------------------------------------ */

const char *
cli_db_path(struct cli_ctx *ctx, char *buf, size_t n)
{
	struct mc_err err;

	if (ctx->db_path != NULL) {
		snprintf(buf, n, "%s", ctx->db_path);
		return buf;
	}
	if (db_default_path(NULL, buf, n, &err) != 0) {
		cli_fail(&err);
		return NULL;
	}
	return buf;
}

/* A clock that looks wrong (clock.h) is said once, by whatever command
 * opens the database: the command still runs. */
static void
cli_clock_warn(sqlite3 *db)
{
	struct mc_clock c;
	struct mc_err err;
	char w[512];

	if (clock_check(db, &c, &err) != 0 || c.state == MC_CLOCK_OK)
		return;
	clock_warning(&c, false, w, sizeof w);
	cli_warn("%s", w);
}

sqlite3 *
cli_db(struct cli_ctx *ctx)
{
	char path[4096];
	struct mc_err err;

	if (ctx->db != NULL)
		return ctx->db;
	if (cli_db_path(ctx, path, sizeof path) == NULL)
		return NULL;
	if (db_open(path, 0, &ctx->db, &err) != 0) {
		cli_fail(&err);
		return NULL;
	}
	cli_apply_lang(ctx, ctx->db);
	cli_clock_warn(ctx->db);
	return ctx->db;
}

void
cli_apply_lang(struct cli_ctx *ctx, sqlite3 *db)
{
	char lang[8];

	if (ctx->lang_fixed || setting_get(db, "lang", lang, sizeof lang) != 0)
		return;
	setenv("LANGUAGE", lang, 1);
	/* a new textdomain() call makes gettext forget its cached lookups */
	textdomain(PACKAGE);
}

/* ---- messages, text, dates ------------------------------------------------- */

int
cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("motcua: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

void
cli_warn(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "motcua: %s", _("warning: "));
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
cli_fail(const struct mc_err *err)
{
	return cli_error("%s", err->msg[0] != '\0' ? err->msg : _("unknown error"));
}

char *
cli_text(const char *arg, const char *what)
{
	struct mc_err err;
	char *s = vntext_nfc(arg, &err);

	if (s == NULL)
		cli_error(_("%s: %s"), what, err.msg);
	return s;
}

void
cli_jstr(FILE *f, const char *s)
{
	if (s == NULL) {
		fputs("null", f);
		return;
	}
	fputc('"', f);
	/* the escapes SQLite's JSON functions write, byte for byte */
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\t': fputs("\\t", f); break;
		case '\b': fputs("\\b", f); break;
		case '\f': fputs("\\f", f); break;
		default:
			if (*p < 0x20)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
	}
	fputc('"', f);
}

void
cli_pad(FILE *f, const char *s, size_t width)
{
	size_t w = vntext_width(s);

	fputs(s, f);
	while (w++ < width)
		fputc(' ', f);
}

int
cli_read_day(const char *arg, int *jdn, struct mc_err *err)
{
	return date_parse_input(arg, jdn, err) != 0 ? -1 : 0;
}

int
cli_read_time(const char *arg, struct mc_time *t, struct mc_err *err)
{
	return date_parse_input_time(arg, t, err) != 0 ? -1 : 0;
}

int
cli_time(const char *arg, struct mc_time *t)
{
	struct mc_err err;

	if (arg == NULL) {
		date_now(t);
		return 0;
	}
	/* core's rule: the forms the screen takes, and the stored form */
	if (cli_read_time(arg, t, &err) != 0)
		return cli_fail(&err);
	return 0;
}
