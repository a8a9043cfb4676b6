/* csv.c — RFC 4180 CSV in UTF-8, CP1258, TCVN or VISCII (csv.h). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "motcua/csv.h"
#include "motcua/i18n.h"
#include "motcua/vntext.h"

static const struct {
	const char *name;	/* as the caller names it */
	const char *iconv;	/* as iconv names it */
	const char *shown;	/* in messages */
} encs[] = {
	[CSV_UTF8] = {"utf-8", NULL, "UTF-8"},
	[CSV_CP1258] = {"cp1258", "CP1258", "CP1258"},
	[CSV_TCVN] = {"tcvn", "TCVN5712-1", "TCVN"},
	[CSV_VISCII] = {"viscii", "VISCII", "VISCII"},
};

/* Point data and len at what the buffer holds now (its memory moves as
 * it grows).  -1 when memory ran out. */
static int
csv_sync(struct csv *c)
{
	c->data = sqlite3_str_value(c->out);
	c->len = (size_t)sqlite3_str_length(c->out);
	return sqlite3_str_errcode(c->out) == SQLITE_OK ? 0 : -1;
}

static int
csv_add(struct csv *c, const char *s, size_t n)
{
	sqlite3_str_append(c->out, s, (int)n);
	return csv_sync(c);
}

int
csv_begin(struct csv *c, const char *encoding, struct mc_err *err)
{
	memset(c, 0, sizeof *c);
	c->cd = (iconv_t)-1;
	c->enc = -1;
	c->out = sqlite3_str_new(NULL);
	if (encoding == NULL || strcasecmp(encoding, "utf-8") == 0 ||
	    strcasecmp(encoding, "utf8") == 0) {
		c->enc = CSV_UTF8;
		/* the byte order mark tells spreadsheets it is UTF-8 */
		if (csv_add(c, "\xEF\xBB\xBF", 3))
			return err_set(err, MC_ENOMEM, _("out of memory"));
		return 0;
	}
	for (size_t i = CSV_CP1258; i < sizeof encs / sizeof encs[0]; i++)
		if (strcasecmp(encoding, encs[i].name) == 0)
			c->enc = (int)i;
	if (c->enc < 0)
		return err_set(err, MC_EINVAL, _("'%s' is not an encoding for CSV: use "
		    "utf-8, cp1258, tcvn or viscii"), encoding);
	if ((c->cd = iconv_open(encs[c->enc].iconv, "UTF-8")) == (iconv_t)-1)
		return err_set(err, MC_EINVAL, _("this system's iconv cannot convert to %s: "
		    "use UTF-8"), encs[c->enc].shown);
	return 0;
}

/* The cell, quoted if it must be, in UTF-8. */
static void
csv_quote(sqlite3_str *b, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		sqlite3_str_appendall(b, s);
		return;
	}
	sqlite3_str_appendchar(b, 1, '"');
	for (const char *p = s; *p != '\0'; p++) {
		if (*p == '"')
			sqlite3_str_appendchar(b, 1, '"');
		sqlite3_str_appendchar(b, 1, *p);
	}
	sqlite3_str_appendchar(b, 1, '"');
}

/* Convert a row (UTF-8, n bytes) onto the end of the CSV.  1 (err set)
 * when a character cannot be written, -1 out of memory. */
static int
csv_convert(struct csv *c, const char *in, size_t n, struct mc_err *err)
{
	char *ip = (char *)in;
	size_t inleft = n;

	/* reset the converter: CP1258 and TCVN hold back a base letter until
	 * they see whether a tone follows */
	iconv(c->cd, NULL, NULL, NULL, NULL);
	for (bool flushed = false; !flushed;) {
		/* iconv writes into a stack chunk, appended as it fills */
		char chunk[1024], *op = chunk;
		size_t outleft = sizeof chunk, r;
		int e;

		if (inleft > 0) {
			r = iconv(c->cd, &ip, &inleft, &op, &outleft);
		} else {
			/* input used up: out with what the converter holds */
			r = iconv(c->cd, NULL, NULL, &op, &outleft);
			flushed = r != (size_t)-1;
		}
		e = errno;	/* iconv's: csv_add may allocate and change it */
		if (csv_add(c, chunk, (size_t)(op - chunk)))
			return -1;
		if (r == (size_t)-1 && e != E2BIG)
			goto bad;
	}
	return 0;
bad:
	/* name the character that stopped the conversion */
	{
		size_t k = 1;
		char ch[8];

		while (ip + k < in + n && ((unsigned char)ip[k] & 0xC0) == 0x80 && k < 4)
			k++;
		memcpy(ch, ip < in + n ? ip : "?", ip < in + n ? k : 1);
		ch[ip < in + n ? k : 1] = '\0';
		err_set(err, MC_EINVAL, _("row %ld: '%s' cannot be written in %s: use UTF-8"),
		    c->row + 1, ch, encs[c->enc].shown);
	}
	return 1;
}

static void
csv_abandon(struct csv *c)
{
	sqlite3_free(sqlite3_str_finish(c->out));
	c->out = NULL;
	c->data = NULL;
	c->len = 0;
	c->failed = true;
}

int
csv_row(struct csv *c, const char *const *cells, size_t n, struct mc_err *err)
{
	sqlite3_str *row;
	int rc = 0;

	if (c->failed || c->out == NULL)
		return err_set(err, MC_EINVAL, _("the CSV was abandoned after an error: "
		    "start again"));
	/* the row in UTF-8 first: in place for UTF-8, else converted */
	row = c->enc == CSV_UTF8 ? c->out : sqlite3_str_new(NULL);
	for (size_t i = 0; i < n; i++) {
		char *nfc = vntext_nfc(cells[i] != NULL ? cells[i] : "", err);

		if (nfc == NULL) {
			char why[sizeof err->msg];

			snprintf(why, sizeof why, "%s", err->msg);
			if (row != c->out)
				sqlite3_free(sqlite3_str_finish(row));
			csv_abandon(c);
			return err_set(err, MC_EINVAL, _("row %ld: %s"), c->row + 1, why);
		}
		if (i > 0)
			sqlite3_str_appendchar(row, 1, ',');
		csv_quote(row, nfc);
		free(nfc);
	}
	sqlite3_str_append(row, "\r\n", 2);
	if (sqlite3_str_errcode(row) != SQLITE_OK)
		rc = -1;
	else if (row != c->out)
		rc = csv_convert(c, sqlite3_str_value(row), (size_t)sqlite3_str_length(row), err);
	if (row != c->out)
		sqlite3_free(sqlite3_str_finish(row));
	if (rc == 0 && csv_sync(c) != 0)
		rc = -1;
	if (rc != 0) {
		csv_abandon(c);
		return rc > 0 ? -1 : err_set(err, MC_ENOMEM, _("out of memory"));
	}
	c->row++;
	return 0;
}

void
csv_free(struct csv *c)
{
	sqlite3_free(sqlite3_str_finish(c->out));
	c->out = NULL;
	c->data = NULL;
	c->len = 0;
	if (c->cd != (iconv_t)-1)
		iconv_close(c->cd);
	c->cd = (iconv_t)-1;
}
