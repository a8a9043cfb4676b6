/* cmd-text.c — motcua text: the Vietnamese text tools, no database.
 *
 *   motcua text telex [--new-style] WORDS...   Telex keys to Vietnamese
 *   motcua text vni [--new-style] WORDS...     VNI keys to Vietnamese
 *   motcua text fold TEXT...                   the search form ("nguyen van an")
 *   motcua text upper TEXT...                  capitals, for forms
 *   motcua text sort < FILE                    lines in Vietnamese order
 *   motcua text nfc < FILE                     lines normalised to NFC
 *
 * sort and nfc read all of standard input before writing anything: a line
 * that is not UTF-8 stops them with its number and nothing printed. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "motcua/i18n.h"
#include "motcua/telex.h"
#include "motcua/vntext.h"

/* The operands joined by single spaces; malloc'd. */
static char *
join(int argc, char *const *argv)
{
	size_t n = 1;
	char *s, *p;

	for (int i = 0; i < argc; i++)
		n += strlen(argv[i]) + 1;
	if ((s = p = malloc(n)) == NULL)
		return NULL;
	for (int i = 0; i < argc; i++) {
		size_t k = strlen(argv[i]);

		if (i > 0)
			*p++ = ' ';
		memcpy(p, argv[i], k);
		p += k;
	}
	*p = '\0';
	return s;
}

static int
flush_out(void)
{
	if (fflush(stdout) == EOF || ferror(stdout))
		return cli_error(_("cannot write the output: %s"), strerror(errno));
	return 0;
}

static int
do_convert(struct cli_ctx *ctx, const struct cli_args *a)
{
	enum telex_mode mode = strcmp(a->word, "vni") == 0 ? TELEX_VNI : TELEX_TELEX;
	bool new_style = cli_has(a, "new-style");
	struct mc_err err;

	(void)ctx;
	for (int i = 0; i < a->argc; i++) {
		char *w = telex_convert(a->argv[i], mode, new_style, &err);

		if (w == NULL)
			return cli_fail(&err);
		printf("%s%s", i > 0 ? " " : "", w);
		free(w);
	}
	putchar('\n');
	return flush_out();
}

/* fold and upper: one function of the joined operands. */
static int
do_map(const struct cli_args *a, char *(*fn)(const char *, struct mc_err *))
{
	struct mc_err err;
	char *text, *r;

	if ((text = join(a->argc, a->argv)) == NULL)
		return cli_error(_("out of memory"));
	r = fn(text, &err);
	free(text);
	if (r == NULL)
		return cli_fail(&err);
	puts(r);
	free(r);
	return flush_out();
}

struct line {
	char *text;	/* without the '\n' */
	size_t len;
	bool newline;	/* the line ended with '\n' */
	char *key;	/* sort: its collation key */
	size_t idx;	/* sort: its place in the input, for a stable order */
};

static void
free_lines(struct line *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].text);
		free(v[i].key);
	}
	free(v);
}

/* All of standard input, line by line, each checked to be UTF-8 text.
 * Returns 0, or 1 after printing an error (naming the line). */
static int
read_lines(struct line **out, size_t *count)
{
	struct line *v = NULL;
	size_t n = 0, cap = 0;
	char *buf = NULL;
	size_t bufcap = 0;
	ssize_t len;

	*out = NULL;
	*count = 0;
	while ((len = getline(&buf, &bufcap, stdin)) >= 0) {
		struct line *l;
		size_t k = (size_t)len;
		bool nl = k > 0 && buf[k - 1] == '\n';

		if (nl)
			buf[--k] = '\0';
		if (memchr(buf, '\0', k) != NULL || !vntext_valid_utf8(buf, k)) {
			cli_error(_("line %zu of the input is not UTF-8 text: convert the "
			    "file to UTF-8 (for example iconv -f CP1258 -t UTF-8) and try "
			    "again"), n + 1);
			goto fail;
		}
		if (n == cap) {
			size_t nc = cap == 0 ? 64 : cap * 2;
			struct line *nv = realloc(v, nc * sizeof *nv);

			if (nv == NULL)
				goto nomem;
			v = nv;
			cap = nc;
		}
		l = &v[n];
		if ((l->text = malloc(k + 1)) == NULL)
			goto nomem;
		memcpy(l->text, buf, k + 1);
		l->len = k;
		l->newline = nl;
		l->key = NULL;
		l->idx = n++;
	}
	if (ferror(stdin)) {
		cli_error(_("cannot read the standard input: %s"), strerror(errno));
		goto fail;
	}
	free(buf);
	*out = v;
	*count = n;
	return 0;
nomem:
	cli_error(_("out of memory"));
fail:
	free(buf);
	free_lines(v, n);
	return 1;
}

static int
by_key(const void *x, const void *y)
{
	const struct line *a = x, *b = y;
	int c = strcmp(a->key, b->key);

	if (c != 0)
		return c;
	return (a->idx > b->idx) - (a->idx < b->idx);	/* stable */
}

/* sort: the line's collation key (a CRLF file: the CR stays in the line
 * but not in its key). */
static int
line_key(struct line *l, struct mc_err *err)
{
	bool cr = l->len > 0 && l->text[l->len - 1] == '\r';

	if (cr)
		l->text[l->len - 1] = '\0';
	l->key = vntext_sortkey(l->text, err);
	if (cr)
		l->text[l->len - 1] = '\r';
	return l->key == NULL ? -1 : 0;
}

/* nfc: the line normalised in place. */
static int
line_nfc(struct line *l, struct mc_err *err)
{
	char *s = vntext_nfc(l->text, err);

	if (s == NULL)
		return -1;
	free(l->text);
	l->text = s;
	return 0;
}

/* All of standard input (read_lines), `fn` applied to every line before
 * anything is printed, so that on an error nothing is.  Returns 0, or 1
 * after printing the error. */
static int
map_lines(struct line **v, size_t *n, int (*fn)(struct line *, struct mc_err *))
{
	struct mc_err err;

	if (read_lines(v, n))
		return 1;
	for (size_t i = 0; i < *n; i++)
		if (fn(&(*v)[i], &err) != 0) {
			free_lines(*v, *n);
			return cli_fail(&err);
		}
	return 0;
}

static int
do_sort(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct line *v;
	size_t n;

	(void)ctx;
	(void)a;
	if (map_lines(&v, &n, line_key))
		return 1;
	if (n > 1)
		qsort(v, n, sizeof *v, by_key);
	for (size_t i = 0; i < n; i++) {
		fwrite(v[i].text, 1, v[i].len, stdout);
		putchar('\n');
	}
	free_lines(v, n);
	return flush_out();
}

static int
do_nfc(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct line *v;
	size_t n;

	(void)ctx;
	(void)a;
	if (map_lines(&v, &n, line_nfc))
		return 1;
	for (size_t i = 0; i < n; i++) {
		fputs(v[i].text, stdout);
		if (v[i].newline)
			putchar('\n');
	}
	free_lines(v, n);
	return flush_out();
}

static int
do_fold(struct cli_ctx *ctx, const struct cli_args *a)
{
	(void)ctx;
	return do_map(a, vntext_fold);
}

static int
do_upper(struct cli_ctx *ctx, const struct cli_args *a)
{
	(void)ctx;
	return do_map(a, vntext_upper);
}

static const struct cli_opt convert_opts[] = {
	{"new-style", NULL, N_("put the tone where the new spelling does (hoà, thuỷ)"),
	    0, 0},
	CLI_OPT_END,
};

/* fold and upper take any text, even words that begin with '-': their
 * options (the global ones) come before it */
static const struct cli_form forms[] = {
	{.word = "telex|vni", .args = "WORDS...", .opts = {convert_opts}, .run = do_convert},
	{.word = "fold", .args = "TEXT...", .flags = CLI_OPTIONS_FIRST, .run = do_fold},
	{.word = "upper", .args = "TEXT...", .flags = CLI_OPTIONS_FIRST, .run = do_upper},
	{.word = "sort", .run = do_sort},
	{.word = "nfc", .run = do_nfc},
	CLI_FORM_END,
};

const struct cli_cmd cmd_text = {
	.name = "text",
	.summary = N_("Vietnamese text tools: Telex and VNI, search form, capitals, order, "
	    "NFC."),
	.forms = forms,
};
