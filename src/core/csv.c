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

static int
csv_grow(struct csv *c, size_t more)
{
	size_t cap;
	char *p;

	if (more <= c->cap - c->len)
		return 0;
	if (more > ((size_t)-1) / 2 - c->len)
		return -1;
	cap = c->cap != 0 ? c->cap : 256;
	while (cap - c->len < more)
		cap *= 2;
	if ((p = realloc(c->data, cap)) == NULL)
		return -1;
	c->data = p;
	c->cap = cap;
	return 0;
}

static int
csv_add(struct csv *c, const char *s, size_t n)
{
	if (csv_grow(c, n))
		return -1;
	memcpy(c->data + c->len, s, n);
	c->len += n;
	return 0;
}

int
csv_begin(struct csv *c, const char *encoding, struct mc_err *err)
{
	memset(c, 0, sizeof *c);
	c->cd = (iconv_t)-1;
	c->enc = -1;
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
static int
csv_quote(struct csv *c, const char *s)
{
	bool quote = strpbrk(s, ",\"\r\n") != NULL;

	if (!quote)
		return csv_add(c, s, strlen(s));
	if (csv_add(c, "\"", 1))
		return -1;
	for (const char *p = s; *p != '\0'; p++)
		if ((*p == '"' && csv_add(c, "\"", 1)) || csv_add(c, p, 1))
			return -1;
	return csv_add(c, "\"", 1);
}

/* Convert the UTF-8 bytes [from, len) of c->data in place of themselves.
 * 1 (err set) when a character cannot be written, -1 out of memory. */
static int
csv_convert(struct csv *c, size_t from, struct mc_err *err)
{
	size_t n = c->len - from;
	char *in = malloc(n + 1), *ip = in;
	size_t inleft = n;

	if (in == NULL)
		return -1;
	memcpy(in, c->data + from, n);
	c->len = from;
	/* reset the converter: CP1258 and TCVN hold back a base letter until
	 * they see whether a tone follows */
	iconv(c->cd, NULL, NULL, NULL, NULL);
	for (bool flushed = false; !flushed;) {
		char *op;
		size_t outleft, r;

		if (csv_grow(c, inleft * 2 + 16)) {
			free(in);
			return -1;
		}
		op = c->data + c->len;
		outleft = c->cap - c->len;
		if (inleft > 0) {
			r = iconv(c->cd, &ip, &inleft, &op, &outleft);
		} else {
			/* input used up: out with what the converter holds */
			r = iconv(c->cd, NULL, NULL, &op, &outleft);
			flushed = r != (size_t)-1;
		}
		c->len = (size_t)(op - c->data);
		if (r == (size_t)-1 && errno != E2BIG)
			goto bad;
	}
	free(in);
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
	free(in);
	return 1;
}

static void
csv_abandon(struct csv *c)
{
	free(c->data);
	c->data = NULL;
	c->len = c->cap = 0;
	c->failed = true;
}

int
csv_row(struct csv *c, const char *const *cells, size_t n, struct mc_err *err)
{
	size_t start = c->len;
	int rc;

	if (c->failed)
		return err_set(err, MC_EINVAL, _("the CSV was abandoned after an error: "
		    "start again"));
	for (size_t i = 0; i < n; i++) {
		char *nfc = vntext_nfc(cells[i] != NULL ? cells[i] : "", err);

		if (nfc == NULL) {
			char why[sizeof err->msg];

			snprintf(why, sizeof why, "%s", err->msg);
			csv_abandon(c);
			return err_set(err, MC_EINVAL, _("row %ld: %s"), c->row + 1, why);
		}
		rc = (i > 0 && csv_add(c, ",", 1)) || csv_quote(c, nfc);
		free(nfc);
		if (rc)
			goto oom;
	}
	if (csv_add(c, "\r\n", 2))
		goto oom;
	if (c->enc != CSV_UTF8 && (rc = csv_convert(c, start, err)) != 0) {
		csv_abandon(c);
		return rc > 0 ? -1 : err_set(err, MC_ENOMEM, _("out of memory"));
	}
	c->row++;
	return 0;
oom:
	csv_abandon(c);
	return err_set(err, MC_ENOMEM, _("out of memory"));
}

void
csv_free(struct csv *c)
{
	free(c->data);
	c->data = NULL;
	c->len = c->cap = 0;
	if (c->cd != (iconv_t)-1)
		iconv_close(c->cd);
	c->cd = (iconv_t)-1;
}
