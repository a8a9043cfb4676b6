/* test_csv.c — the CSV writer: quoting, BOM, exact bytes in CP1258, TCVN
 * and VISCII (hard-coded from glibc's iconv tables, and checked back
 * through iconv), NFC of decomposed input, a refusal naming the row. */
#include "config.h"

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/csv.h"
#include "tap.h"

/* "Nguyễn Văn Ánh" */
static const char name_utf8[] = "Nguy\xE1\xBB\x85n V\xC4\x83n \xC3\x81nh";
/* the same, decomposed: e + circumflex + tilde, a + breve, A + acute */
static const char name_nfd[] = "Nguye\xCC\x82\xCC\x83n Va\xCC\x86n A\xCC\x81nh";

/* is the buffer exactly these bytes? */
static int
bytes(const struct csv *c, const char *want, size_t n, const char *what)
{
	int pass = c->len == n && memcmp(c->data, want, n) == 0;

	ok(pass, "%s", what);
	if (!pass) {
		printf("#   got:");
		for (size_t i = 0; i < c->len; i++)
			printf(" %02x", (unsigned char)c->data[i]);
		printf("\n");
	}
	return pass;
}

/* Convert back to UTF-8 with iconv: the round trip gives the NFC text. */
static char *
back(const char *enc, const char *s, size_t n)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	static char out[256];
	char *ip = (char *)s, *op = out;
	size_t il = n, ol = sizeof out - 1;

	if (cd == (iconv_t)-1)
		return NULL;
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 ||
	    iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1) {
		iconv_close(cd);
		return NULL;
	}
	iconv_close(cd);
	*op = '\0';
	return out;
}

static void
one_row(const char *enc, const char *cell, const char *want, size_t n, const char *what)
{
	struct csv c;
	struct mc_err err;
	const char *cells[] = {cell, "1"};
	char label[128];

	if (csv_begin(&c, enc, &err) != 0) {
		ok(0, "%s: csv_begin: %s", what, err.msg);
		return;
	}
	snprintf(label, sizeof label, "%s: exact bytes", what);
	if (csv_row(&c, cells, 2, &err) != 0)
		ok(0, "%s: csv_row: %s", what, err.msg);
	else if (bytes(&c, want, n, label)) {
		char line[64];

		snprintf(line, sizeof line, "%s,1\r\n", name_utf8);
		is_str(back(enc, c.data, c.len), line, "%s: round trip through iconv", what);
	}
	is_int(c.row, 1, "%s: one row", what);
	csv_free(&c);
}

int
main(void)
{
	struct csv c;
	struct mc_err err;

	/* ---- legacy encodings, from precomposed and from decomposed text */
	static const char cp1258[] = "Nguy\xEA\xDEn V\xE3n \xC1nh,1\r\n";
	static const char tcvn[] = "Nguy\xD4n V\xA8n \x83nh,1\r\n";
	static const char viscii[] = "Nguy\xADn V\xE5n \xC1nh,1\r\n";

	one_row("cp1258", name_utf8, cp1258, sizeof cp1258 - 1, "CP1258");
	one_row("CP1258", name_nfd, cp1258, sizeof cp1258 - 1, "CP1258 from NFD");
	one_row("tcvn", name_utf8, tcvn, sizeof tcvn - 1, "TCVN");
	one_row("tcvn", name_nfd, tcvn, sizeof tcvn - 1, "TCVN from NFD");
	one_row("viscii", name_utf8, viscii, sizeof viscii - 1, "VISCII");
	one_row("viscii", name_nfd, viscii, sizeof viscii - 1, "VISCII from NFD");

	/* ---- UTF-8: a BOM, then NFC text, CRLF */
	{
		static const char want[] = "\xEF\xBB\xBFT\xC3\xAAn,S\xE1\xBB\x91\r\n"
		    "Nguy\xE1\xBB\x85n V\xC4\x83n \xC3\x81nh,1\r\n";
		const char *h[] = {"Tên", "Số"}, *r[] = {name_nfd, "1"};

		ok(csv_begin(&c, NULL, &err) == 0, "UTF-8: begin");
		is_int((long long)c.len, 3, "UTF-8: the BOM alone before any row");
		ok(csv_row(&c, h, 2, &err) == 0 && csv_row(&c, r, 2, &err) == 0,
		    "UTF-8: two rows");
		bytes(&c, want, sizeof want - 1, "UTF-8: BOM, NFC of the decomposed name, CRLF");
		is_int(c.row, 2, "UTF-8: row count");
		csv_free(&c);
		ok(csv_begin(&c, "utf-8", &err) == 0 && c.len == 3, "\"utf-8\" names UTF-8");
		csv_free(&c);
	}

	/* ---- quoting (RFC 4180) */
	{
		static const char want[] = "\xEF\xBB\xBF" "plain,\"a,b\",\"say \"\"hi\"\"\","
		    "\"two\nlines\",\"cr\rhere\",,\r\n";
		const char *r[] = {"plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "",
		    NULL};

		ok(csv_begin(&c, "utf-8", &err) == 0 && csv_row(&c, r, 7, &err) == 0,
		    "quoting: row written");
		bytes(&c, want, sizeof want - 1, "quoting: comma, quote, LF, CR quoted; "
		    "quotes doubled; empty and NULL cells empty");
		csv_free(&c);
	}
	{
		/* quoted in CP1258 too: the quotes are converted with the text;
		 * CP1258 has no "ý" (0xFD is "ư"): y, then the acute tone 0xEC */
		static const char want[] = "\"\xD0\xE3ng, ky\xEC\",x\r\n";
		const char *r[] = {"Đăng, ký", "x"};

		ok(csv_begin(&c, "cp1258", &err) == 0 && csv_row(&c, r, 2, &err) == 0,
		    "quoting in CP1258: row written");
		bytes(&c, want, sizeof want - 1, "quoting in CP1258: exact bytes");
		csv_free(&c);
	}

	/* ---- refusals */
	{
		const char *h[] = {"Tên"}, *bad[] = {"Lê Ā"}, *more[] = {"x"};

		ok(csv_begin(&c, "viscii", &err) == 0 && csv_row(&c, h, 1, &err) == 0,
		    "VISCII: header");
		ok(csv_row(&c, bad, 1, &err) != 0, "VISCII: 'Ā' refused");
		is_str(err.msg, "row 2: 'Ā' cannot be written in VISCII: use UTF-8",
		    "VISCII: the message names the row and the character");
		ok(c.len == 0 && c.data == NULL, "VISCII: the whole CSV is abandoned");
		ok(csv_row(&c, more, 1, &err) != 0, "VISCII: no row after the failure");
		csv_free(&c);
	}
	{
		const char *r[] = {"ok", "中"};

		ok(csv_begin(&c, "cp1258", &err) == 0, "CP1258: begin");
		ok(csv_row(&c, r, 2, &err) != 0 && strstr(err.msg, "row 1: '中' cannot be "
		    "written in CP1258") != NULL, "CP1258: a Chinese character refused: %s",
		    err.msg);
		csv_free(&c);
	}
	{
		const char *r[] = {"Ā"};

		ok(csv_begin(&c, "tcvn", &err) == 0 && csv_row(&c, r, 1, &err) != 0 &&
		    strcmp(err.msg, "row 1: 'Ā' cannot be written in TCVN: use UTF-8") == 0,
		    "TCVN: 'Ā' refused: %s", err.msg);
		csv_free(&c);
	}
	{
		const char *r[] = {"a\xFF"};

		ok(csv_begin(&c, "utf-8", &err) == 0 && csv_row(&c, r, 1, &err) != 0 &&
		    strncmp(err.msg, "row 1: ", 7) == 0, "invalid UTF-8 refused: %s", err.msg);
		csv_free(&c);
	}
	ok(csv_begin(&c, "vni", &err) != 0 && strstr(err.msg, "utf-8, cp1258, tcvn or "
	    "viscii") != NULL, "an unknown encoding refused: %s", err.msg);
	csv_free(&c);

	/* ---- a long CSV grows its buffer */
	{
		const char *r[] = {name_utf8, "x,y"};
		int good = 1;

		ok(csv_begin(&c, "cp1258", &err) == 0, "many rows: begin");
		for (int i = 0; i < 2000 && good; i++)
			good = csv_row(&c, r, 2, &err) == 0;
		ok(good && c.row == 2000 && c.len == 2000 * (sizeof cp1258 - 3 + 6),
		    "many rows: 2000 rows, %zu bytes", c.len);
		csv_free(&c);
	}
	return tap_done();
}
