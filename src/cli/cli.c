/* cli.c — what every subcommand shares: the database, messages, JSON. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/setting.h"
#include "motcua/vntext.h"

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

int
cli_usage(const struct cli_cmd *cmd)
{
	fprintf(stderr, "%s motcua %s\n", _("usage:"), cmd->usage);
	return EXIT_USAGE;
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
cli_json_str(FILE *f, const char *s)
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
cli_time(const char *arg, struct mc_time *t)
{
	struct mc_err err;

	if (arg == NULL) {
		date_now(t);
		return 0;
	}
	/* core's rule: the forms the screen takes, and the stored form */
	if (date_parse_input_time(arg, t, &err) != 0)
		return cli_fail(&err);
	return 0;
}

bool
cli_receipt_opt(int c, const char *arg, struct mc_receipt *r)
{
	switch (c) {
	case 'p': r->procedure = arg; return true;
	case 'n': r->applicant.name = arg; return true;
	case 'i': r->applicant.id = arg; return true;
	case 'b': r->applicant.birth_date = arg; return true;
	case 't': r->applicant.phone = arg; return true;
	case 'a': r->applicant.address = arg; return true;
	case 'e': r->applicant.email = arg; return true;
	case 'd': r->docs = arg; return true;
	default: return false;
	}
}
