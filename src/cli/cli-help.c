/* cli-help.c — the commands' tables (cli.h) printed: usage lines, --help,
 * and the usage errors cli_parse noted.  Everything is wrapped to fit 80
 * columns; the syntax (option names, values) is never translated, the
 * prose is. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli-int.h"
#include "motcua/i18n.h"
#include "motcua/vntext.h"

/* The last column a line may use: a line of 80 would make some terminals
 * wrap by themselves. */
#define COLUMNS 79
/* Where --help puts what an option does. */
#define HELP_COLUMN 28

/* A line being filled with items (words, or "[--name VALUE]"), broken
 * between items only, continued at `indent`. */
struct out {
	FILE *f;
	int col, indent;
	bool fresh;		/* nothing on the line yet: no space before */
};

static void
out_item(struct out *o, const char *s)
{
	int w = (int)vntext_width(s);

	if (!o->fresh && o->col + 1 + w > COLUMNS) {
		fprintf(o->f, "\n%*s", o->indent, "");
		o->col = o->indent;
	} else if (!o->fresh) {
		fputc(' ', o->f);
		o->col++;
	}
	fputs(s, o->f);
	o->col += w;
	o->fresh = false;
}

/* Each word of a text, as items. */
static void
out_words(struct out *o, const char *text)
{
	char *copy = strdup(text), *save = NULL;

	if (copy == NULL) {
		out_item(o, text);	/* unwrapped, but said */
		return;
	}
	for (char *w = strtok_r(copy, " ", &save); w != NULL; w = strtok_r(NULL, " ", &save))
		out_item(o, w);
	free(copy);
}

void
cli_wrap(FILE *f, const char *text)
{
	struct out o = {f, 0, 0, true};

	out_words(&o, text);
	fputc('\n', f);
}

/* "--name VALUE", or "--name" */
static void
opt_text(const struct cli_opt *o, char *buf, size_t n)
{
	snprintf(buf, n, "--%s%s%s", o->name, o->value != NULL ? " " : "",
	    o->value != NULL ? o->value : "");
}

/* The synopsis item of option o ("--procedure CODE", "[--json]",
 * "[--for STATION|--all]"); returns the option after those it shows. */
static const struct cli_opt *
opt_item(const struct cli_opt *o, char *buf, size_t n)
{
	char one[128], two[128];

	opt_text(o, one, sizeof one);
	if ((o->flags & CLI_OR_NEXT) && o[1].name != NULL) {
		opt_text(&o[1], two, sizeof two);
		snprintf(buf, n, "[%s|%s]", one, two);
		return o + 2;
	}
	if (o->flags & CLI_REQUIRED)
		snprintf(buf, n, "%s", one);
	else
		snprintf(buf, n, "[%s]", one);
	return o + 1;
}

static void
opts_items(struct out *o, const struct cli_opt *tab, unsigned skip)
{
	char item[300];

	for (const struct cli_opt *p = tab; p != NULL && p->name != NULL; ) {
		if (p->flags & skip) {
			p++;
			continue;
		}
		p = opt_item(p, item, sizeof item);
		out_item(o, item);
	}
}

/* One form as one synopsis line: lead, "motcua", the command and action,
 * the operands, the options in the order of their tables. */
static void
form_line(FILE *f, const char *lead, const struct cli_cmd *cmd, const struct cli_form *form)
{
	struct out o = {f, 0, 0, false};
	char item[160];

	fprintf(f, "%smotcua", lead);
	o.col = (int)vntext_width(lead) + 6;
	o.indent = o.col + 3;
	snprintf(item, sizeof item, "%s%s%s", cmd->name, form->word != NULL ? " " : "",
	    form->word != NULL ? form->word : "");
	out_item(&o, item);
	if (form->args != NULL)
		out_item(&o, form->args);
	for (int g = 0; g < CLI_MAX_GROUPS; g++)
		opts_items(&o, form->opts[g], 0);
	fputc('\n', f);
}

/* "usage: ", and as many spaces for the lines after it */
static void
leads(char *first, char *next, size_t n)
{
	const char *u = _("usage:");
	size_t w = vntext_width(u) + 1;

	snprintf(first, n, "%s ", u);
	if (w >= n)
		w = n - 1;
	memset(next, ' ', w);
	next[w] = '\0';
}

void
cli_synopsis(FILE *f, const struct cli_cmd *cmd, const char *word)
{
	char first[64], next[64];
	int n = 0;

	leads(first, next, sizeof first);
	for (const struct cli_form *form = cmd->forms; form->run != NULL; form++)
		if (word == NULL || cli_word_is(form->word, word))
			form_line(f, n++ == 0 ? first : next, cmd, form);
}

void
cli_synopsis_program(FILE *f, const struct cli_opt *top)
{
	char first[64], next[64];
	struct out o = {f, 0, 0, false};

	leads(first, next, sizeof first);
	/* the program alone, then with a command */
	for (int line = 0; line < 2; line++) {
		fprintf(f, "%smotcua", line == 0 ? first : next);
		o.col = (int)vntext_width(line == 0 ? first : next) + 6;
		o.indent = o.col + 3;
		opts_items(&o, cli_group_global, line == 0 ? 0 : CLI_NO_COMMAND);
		if (line == 1)
			out_item(&o, "COMMAND [ARGUMENT...]");
		fputc('\n', f);
	}
	fprintf(f, "%smotcua --%s", next, cli_group_help[0].name);
	for (const struct cli_opt *p = top; p != NULL && p->name != NULL; p++)
		fprintf(f, " | --%s", p->name);
	fputc('\n', f);
}

void
cli_synopsis_list(FILE *f, const struct cli_cmd *const *cmds)
{
	for (int k = 0; cmds[k] != NULL; k++)
		for (const struct cli_form *form = cmds[k]->forms; form->run != NULL; form++)
			form_line(f, "  ", cmds[k], form);
}

/* "  --name VALUE      what it does", what it does wrapped under itself */
static void
help_line(FILE *f, const struct cli_opt *o)
{
	char head[160];
	struct out out = {f, HELP_COLUMN, HELP_COLUMN, true};
	int col;

	if (o->letter != 0)
		snprintf(head, sizeof head, "-%c, --%s%s%s", o->letter, o->name,
		    o->value != NULL ? " " : "", o->value != NULL ? o->value : "");
	else
		opt_text(o, head, sizeof head);
	fprintf(f, "  %s", head);
	col = 2 + (int)vntext_width(head);
	if (col + 2 > HELP_COLUMN) {
		fputc('\n', f);
		col = 0;
	}
	fprintf(f, "%*s", HELP_COLUMN - col, "");
	out_words(&out, _(o->help));
	fputc('\n', f);
}

/* Whether o was listed already: the same entry of a shared group, or the
 * same option written the same way in another form's table. */
static bool
listed(const struct cli_opt *const *seen, int n, const struct cli_opt *o)
{
	for (int i = 0; i < n; i++)
		if (seen[i] == o || (strcmp(seen[i]->name, o->name) == 0 &&
		    (seen[i]->value == o->value || (seen[i]->value != NULL && o->value != NULL &&
		    strcmp(seen[i]->value, o->value) == 0))))
			return true;
	return false;
}

void
cli_help_globals(FILE *f, const struct cli_opt *top)
{
	for (const struct cli_opt *o = cli_group_global; o->name != NULL; o++)
		if (top != NULL || !(o->flags & CLI_NO_COMMAND))
			help_line(f, o);
	help_line(f, cli_group_help);
	for (const struct cli_opt *o = top; o != NULL && o->name != NULL; o++)
		help_line(f, o);
}

void
cli_help(FILE *f, const struct cli_cmd *cmd)
{
	const struct cli_opt *seen[CLI_MAX_SET];
	int n = 0;

	cli_synopsis(f, cmd, NULL);
	fputc('\n', f);
	cli_wrap(f, _(cmd->summary));
	for (const struct cli_form *form = cmd->forms; form->run != NULL; form++)
		for (int g = 0; g < CLI_MAX_GROUPS; g++)
			for (const struct cli_opt *o = form->opts[g]; o != NULL && o->name != NULL;
			    o++) {
				if (listed(seen, n, o) || n == CLI_MAX_SET)
					continue;
				if (n == 0)
					fprintf(f, "\n%s\n", _("Options:"));
				seen[n++] = o;
				help_line(f, o);
			}
	fprintf(f, "\n%s\n", _("Global options, before or after the command:"));
	cli_help_globals(f, NULL);
}

int
cli_usage(const struct cli_args *a)
{
	cli_synopsis(stderr, a->cmd, a->word);
	return EXIT_USAGE;
}

/* "telex, vni, fold, …": the actions of a command */
static void
word_list(const struct cli_cmd *cmd, char *buf, size_t n)
{
	size_t len = 0;

	buf[0] = '\0';
	for (const struct cli_form *f = cmd->forms; f->run != NULL; f++) {
		bool again = false;

		/* several forms of one action: name it once */
		for (const struct cli_form *g = cmd->forms; g < f; g++)
			again = again || strcmp(g->word, f->word) == 0;
		for (const char *p = f->word; !again && *p != '\0' && len < n; ) {
			size_t k = strcspn(p, "|");

			snprintf(buf + len, n - len, "%s%.*s", len > 0 ? ", " : "", (int)k, p);
			len = strlen(buf);
			p += k + (p[k] == '|');
		}
	}
}

int
cli_parse_report(const struct cli_args *a)
{
	char what[96] = "", o1[96], o2[96], words[256];

	if (a->cmd != NULL)
		snprintf(what, sizeof what, "%s%s%s", a->cmd->name, a->word != NULL ? " " : "",
		    a->word != NULL ? a->word : "");
	snprintf(o1, sizeof o1, "--%s", a->eopt != NULL ? a->eopt->name : "");
	snprintf(o2, sizeof o2, "--%s", a->eopt2 != NULL ? a->eopt2->name : "");
	switch (a->error) {
	case CLI_E_UNKNOWN_OPTION:
		if (a->cmd == NULL) {
			cli_error(_("unknown option '%s': see 'motcua --help'"), a->bad);
			return EXIT_USAGE;
		}
		cli_error(_("unknown option '%s': see 'motcua help %s'"), a->bad, a->cmd->name);
		break;
	case CLI_E_AMBIGUOUS:
		cli_error(_("'%s' could be %s or %s: write more of the option's name"), a->bad,
		    o1, o2);
		break;
	case CLI_E_NEEDS_VALUE:
		cli_error(_("%s needs a value"), o1);
		break;
	case CLI_E_NO_VALUE:
		cli_error(_("%s takes no value"), o1);
		break;
	case CLI_E_UNKNOWN_COMMAND:
		cli_error(_("unknown command '%s': see 'motcua --help'"), a->bad);
		return EXIT_USAGE;
	case CLI_E_UNKNOWN_WORD:
		word_list(a->cmd, words, sizeof words);
		cli_error(_("unknown %s command '%s': use one of %s"), a->cmd->name, a->bad,
		    words);
		break;
	case CLI_E_MISSING:
		cli_error(_("%s needs %s"), what, o1);
		break;
	case CLI_E_CONFLICT:
		cli_error(_("%s does not go with %s"), o1, o2);
		break;
	case CLI_E_ONLY_WITH:
		cli_error(_("%s goes only with %s"), o1, o2);
		break;
	case CLI_E_FEW:
		cli_error(_("%s needs %s"), what, a->form->args);
		break;
	case CLI_E_MANY:
		cli_error(_("unexpected argument '%s'"), a->bad);
		break;
	case CLI_E_NOT_TAKEN:
		cli_error(_("%s takes no %s"), what, o1);
		break;
	default:	/* CLI_E_NO_WORD: the usage says it all */
		break;
	}
	if (a->cmd == NULL)
		return EXIT_USAGE;
	return cli_usage(a);
}
