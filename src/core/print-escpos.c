/* print-escpos.c — the ESC/POS encoder: UTF-8 text to the byte stream
 * of a receipt printer (print.h), converted for its code page, wrapped to
 * the paper by display width, each page ended by a QR and a cut.  Pure:
 * no file, no process, no database; tests/unit/test_print.c checks its
 * bytes.  The back ends that send the bytes are in print.c. */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/i18n.h"
#include "motcua/print.h"
#include "motcua/strbuf.h"
#include "motcua/vntext.h"

/* ---- code pages ------------------------------------------------------------- */

const char *
print_codepage_encoding(int codepage, struct mc_err *err)
{
	iconv_t cd;

	switch (codepage) {
	case 52:	/* WPC1258 on Epson */
	case 27: case 35: case 94:	/* the same table on common clones */
		return "CP1258";
	case 30: case 31:
		/* TCVN-3 (ABC): glibc's iconv has TCVN 5712 VN1, a different
		 * table, so only a system with a TCVN3 converter can use it */
		if ((cd = iconv_open("TCVN3", "UTF-8")) == (iconv_t)-1) {
			err_set(err, MC_EINVAL, _("code page %d is TCVN-3, which this system's "
			    "iconv cannot write: use 52 (WPC1258), or the number of WPC1258 in "
			    "your printer's manual"), codepage);
			return NULL;
		}
		iconv_close(cd);
		return "TCVN3";
	default:
		err_set(err, MC_EINVAL, _("code page %d is not a Vietnamese code page motcua "
		    "knows: use 52 (WPC1258 on Epson; 27, 35 or 94 on some clones)"), codepage);
		return NULL;
	}
}

int
print_codepage_check(const char *value, struct mc_err *err)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(value, &end, 10);
	if (value[0] < '0' || value[0] > '9' || *end != '\0' || errno != 0 || n > 255)
		return err_set(err, MC_EINVAL, _("'%s' is not a code page: give the number n "
		    "of ESC t n, such as 52"), value);
	return print_codepage_encoding((int)n, err) != NULL ? 0 : -1;
}

void
print_buf_free(struct print_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = 0;
}

/* ---- ESC/POS ------------------------------------------------------------------ */

/* One line (UTF-8, NFC), converted and ended with LF.  1 (err set) when a
 * character cannot be printed, -1 out of memory. */
static int
esc_line(sqlite3_str *b, iconv_t cd, const char *enc, int codepage, long lineno,
    const char *s, size_t n, struct mc_err *err)
{
	char *ip = (char *)s;
	size_t inleft = n;

	iconv(cd, NULL, NULL, NULL, NULL);
	for (;;) {
		/* iconv writes into a stack chunk, appended as it fills */
		char chunk[512], *op = chunk;
		size_t outleft = sizeof chunk, r;
		bool flush = inleft == 0;

		/* after the input, out with the letter CP1258 holds back
		 * waiting for a tone */
		r = flush ? iconv(cd, NULL, NULL, &op, &outleft) :
		    iconv(cd, &ip, &inleft, &op, &outleft);
		sqlite3_str_append(b, chunk, (int)(op - chunk));
		if (r != (size_t)-1 && flush)
			break;
		if (r == (size_t)-1 && errno != E2BIG) {
			size_t k = 1;
			char ch[8];

			if (ip >= s + n) {
				err_set(err, MC_EINVAL, _("line %ld cannot be printed in %s"),
				    lineno, enc);
				return 1;
			}
			while (ip + k < s + n && ((unsigned char)ip[k] & 0xC0) == 0x80 && k < 4)
				k++;
			memcpy(ch, ip, k);
			ch[k] = '\0';
			err_set(err, MC_EINVAL, _("line %ld: '%s' cannot be printed with code "
			    "page %d (%s): correct the text, or print on A4/A5 with "
			    "print_backend command"), lineno, ch, codepage, enc);
			return 1;
		}
	}
	sqlite3_str_appendchar(b, 1, '\n');
	return sqlite3_str_errcode(b) == SQLITE_OK ? 0 : -1;
}

/* Bytes of the longest prefix of s (n bytes) that fits in cols columns
 * (whole characters with their marks, vntext_fit), cut at a space when
 * there is one (the space is left out). */
static size_t
esc_fit(const char *s, size_t n, int cols, size_t *skip)
{
	size_t best = vntext_fit(s, n, (size_t)cols, NULL), space = 0;

	*skip = 0;
	if (best == 0 && n > 0) {	/* a character wider than the paper: take it */
		int w;

		best = vntext_cell(s, n, &w);
	}
	for (size_t i = best; best < n && i > 0; i--)
		if (s[i] == ' ') {
			space = i;
			break;
		}
	if (best < n && space > 0) {
		best = space;
		*skip = 1;
	}
	while (best + *skip < n && s[best + *skip] == ' ')
		(*skip)++;
	return best;
}

static int
esc_qr(sqlite3_str *b, const char *code, int columns)
{
	size_t n = strlen(code) + 3;
	const unsigned char center[] = {0x1B, 'a', 1}, left[] = {0x1B, 'a', 0};
	/* GS ( k: model 2; module size; error correction M; store; print */
	const unsigned char model[] = {0x1D, '(', 'k', 4, 0, 49, 65, 50, 0};
	const unsigned char size[] = {0x1D, '(', 'k', 3, 0, 49, 67,
	    (unsigned char)(columns >= 48 ? 6 : 4)};
	const unsigned char level[] = {0x1D, '(', 'k', 3, 0, 49, 69, 49};
	const unsigned char store[] = {0x1D, '(', 'k', (unsigned char)(n & 0xFF),
	    (unsigned char)(n >> 8), 49, 80, 48};
	const unsigned char print[] = {0x1D, '(', 'k', 3, 0, 49, 81, 48};

	sqlite3_str_append(b, (const char *)center, sizeof center);
	sqlite3_str_append(b, (const char *)model, sizeof model);
	sqlite3_str_append(b, (const char *)size, sizeof size);
	sqlite3_str_append(b, (const char *)level, sizeof level);
	sqlite3_str_append(b, (const char *)store, sizeof store);
	sqlite3_str_appendall(b, code);
	sqlite3_str_append(b, (const char *)print, sizeof print);
	sqlite3_str_appendchar(b, 1, '\n');
	sqlite3_str_append(b, (const char *)left, sizeof left);
	return sqlite3_str_errcode(b) == SQLITE_OK ? 0 : -1;
}

int
print_escpos(const char *text, const char *code, const struct print_opts *o,
    struct print_buf *res, struct mc_err *err)
{
	const unsigned char init[] = {0x1B, '@', 0x1B, 't', (unsigned char)o->codepage};
	const unsigned char cut[] = {0x1D, 'V', 66, 0};
	const char *enc;
	char *nfc, *p;
	sqlite3_str *out = NULL;
	iconv_t cd;
	long lineno = 0;
	int rc = 0;
	bool qr = o->qr && code != NULL && code[0] != '\0';

	memset(res, 0, sizeof *res);
	if ((enc = print_codepage_encoding(o->codepage, err)) == NULL)
		return -1;
	if (o->columns < 8 || o->columns > 200)
		return err_set(err, MC_EINVAL, _("%d columns is not a paper width"), o->columns);
	if (qr) {
		if (strlen(code) > 200)
			return err_set(err, MC_EINVAL, _("the code %s is too long for a QR"), code);
		for (const char *c = code; *c != '\0'; c++)
			if (*c < 0x21 || *c > 0x7E)
				return err_set(err, MC_EINVAL, _("the code %s is not plain ASCII: "
				    "no QR can be printed for it"), code);
	}
	if ((nfc = vntext_nfc(text != NULL ? text : "", err)) == NULL)
		return -1;
	if ((cd = iconv_open(enc, "UTF-8")) == (iconv_t)-1) {
		free(nfc);
		return err_set(err, MC_EINVAL, _("this system's iconv cannot convert to %s: "
		    "choose another code page"), enc);
	}
	out = sqlite3_str_new(NULL);
	sqlite3_str_append(out, (const char *)init, sizeof init);
	/* pages are separated by form feeds; each ends with the QR and a cut */
	p = nfc;
	for (;;) {
		char *ff = strchr(p, '\f');
		char *end = ff != NULL ? ff : p + strlen(p);

		while (p < end) {
			char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t n = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);

			lineno++;
			/* trailing blanks cost paper time and nothing else */
			while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\r'))
				n--;
			if (n == 0 && (rc = esc_line(out, cd, enc, o->codepage, lineno, p, 0,
			    err)) != 0)
				goto fail;
			for (size_t at = 0; at < n;) {
				size_t skip, k = esc_fit(p + at, n - at, o->columns, &skip);

				if ((rc = esc_line(out, cd, enc, o->codepage, lineno, p + at, k,
				    err)) != 0)
					goto fail;
				at += k + skip;
			}
			p += n;
			while (p < end && *p != '\n')
				p++;
			if (p < end)
				p++;	/* the LF */
		}
		if (qr && esc_qr(out, code, o->columns))
			goto oom;
		sqlite3_str_append(out, (const char *)cut, sizeof cut);
		if (ff == NULL)
			break;
		p = ff + 1;
		if (*p == '\0')
			break;
	}
	iconv_close(cd);
	free(nfc);
	/* ESC/POS has NUL bytes (the cut GS V 66 0): the length counts */
	if ((res->p = (unsigned char *)strbuf_finish(out, &res->len, err)) == NULL)
		return -1;
	return 0;
oom:
	rc = -1;
fail:
	iconv_close(cd);
	free(nfc);
	sqlite3_free(sqlite3_str_finish(out));
	return rc > 0 ? -1 : err_set(err, MC_ENOMEM, _("out of memory"));
}
