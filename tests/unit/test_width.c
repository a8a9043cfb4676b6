/* test_width.c — one display width: vntext_width, the cells the screen
 * draws (vntext_cell), the forms' templates (slip_fill) and cutting to N
 * columns agree on Vietnamese letters, combining marks and wide
 * characters, and a cut never splits a character or strands a mark;
 * word wrap (vntext_wrap) breaks only between words. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "motcua/vntext.h"
#include "slip-int.h"
#include "tap.h"

/* "Nguyễn" precomposed, "Hoà" with a combining grave (o + U+0300 + a),
 * 中 (wide), 😀 (wide emoji): 6 + 1 + 3 + 1 + 2 + 1 + 2 columns */
#define MIXED "Nguyễn Hoa\xcc\x80 中 😀"
#define MIXED_W 16

/* Sum of the cells, as draw_text walks them. */
static size_t
cells_width(const char *s)
{
	size_t n = strlen(s), i = 0, w = 0;

	while (i < n) {
		int c;

		i += vntext_cell(s + i, n - i, &c);
		w += c < 0 ? 1 : (size_t)c;
	}
	return w;
}

/* Wrap s at every width from 1 to 70 and count the lines that break a
 * rule: wider than the width, or ending inside a word that would have
 * fitted on a line of its own, or text lost or reordered (the lines put
 * together must give s, spaces aside; a line holds none at its ends). */
static int
wrap_faults(const char *s)
{
	struct vntext_line l[200];
	int faults = 0;

	for (size_t cols = 1; cols <= 70; cols++) {
		size_t n = vntext_wrap(s, cols, l, 200), longest = 0, run = 0;
		char joined[2048] = "", flat[2048];
		size_t j = 0;

		/* s without its spaces, and its longest word */
		for (const char *p = s; *p; p++)
			if (*p != ' ')
				flat[j++] = *p;
		flat[j] = '\0';
		for (const char *p = s; *p; p += run) {
			size_t w;

			p += strspn(p, " ");
			run = strcspn(p, " ");
			w = vntext_widthn(p, run);
			longest = w > longest ? w : longest;
		}
		if (n > 200)
			return -1;
		for (size_t i = 0; i < n; i++) {
			const char *e = s + l[i].off + l[i].len;

			/* (a wide character alone is wider than one column) */
			if ((l[i].cols > cols && !(cols == 1 && l[i].cols == 2)) ||
			    vntext_widthn(s + l[i].off, l[i].len) != l[i].cols)
				faults++;
			if (longest <= cols && *e != ' ' && *e != '\0')
				faults++;	/* ends inside a word that had room */
			if (l[i].len > 0 && (s[l[i].off] == ' ' || e[-1] == ' '))
				faults++;
			for (size_t k = 0; k < l[i].len; k++)
				if (s[l[i].off + k] != ' ')
					strncat(joined, s + l[i].off + k, 1);
		}
		if (strcmp(joined, flat) != 0)
			faults++;
	}
	return faults;
}

static void
test_wrap(void)
{
	struct vntext_line l[8];
	const char *doc = "Giấy chứng sinh; nếu không có thì văn bản của người làm "
	    "chứng xác nhận về việc sinh (trường hợp ủy quyền thực hiện)";
	const char *nfd = "Nguye\xcc\x82\xcc\x83n Va\xcc\x86n  A\xcc\x81nh   ở xa\xcc\x83 "
	    "Mỹ An, huyện Chợ Gạo, tỉnh Tiền Giang 中文 字 😀 ok";
	size_t n;

	is_int(wrap_faults(doc), 0, "wrap: %s", "a document name at every width from 1 to 70");
	is_int(wrap_faults(nfd), 0, "wrap: %s", "decomposed marks, doubled spaces and wide characters");
	n = vntext_wrap(doc, 36, l, 8);
	is_int((long long)n, 4, "wrap: the name takes 4 lines of 36 columns");
	ok(l[0].len == strlen("Giấy chứng sinh; nếu không có thì") &&
	    strncmp(doc + l[0].off, "Giấy chứng sinh; nếu không có thì", l[0].len) == 0,
	    "wrap: the first line ends after a whole word");
	is_int((long long)vntext_wrap(doc, 36, NULL, 0), 4, "wrap: counting only");
	is_int((long long)vntext_wrap(doc, 36, l, 2), 4, "wrap: the count beyond max");
	is_int((long long)vntext_wrap("", 10, l, 8), 0, "wrap: an empty text takes no line");
	is_int((long long)vntext_wrap("một hai\n\nba\n", 40, l, 8), 3,
	    "wrap: each '\\n' ends a line; a blank line kept; the final one adds none");
	ok(l[1].len == 0 && strncmp("một hai\n\nba\n" + l[2].off, "ba", 2) == 0,
	    "wrap: the blank line and the next");
	is_int((long long)vntext_wrap("abc   \nxyz", 3, l, 8), 2,
	    "wrap: a break just before '\\n' makes no extra empty line");
	n = vntext_wrap("Bàxxxxxxxxxx nữa", 5, l, 8);
	ok(n == 4 && l[0].cols == 5 && l[0].len == strlen("Bàxxx") && l[3].len == strlen("nữa"),
	    "wrap: a word wider than the line is cut between whole cells");
	n = vntext_wrap("中文", 1, l, 8);
	ok(n == 2 && l[0].len == 3, "wrap: a wide character on a 1-column line still moves on");
}

/* A template "[{{applicant:W}}]" filled with s: the line's width. */
static char *
render(const char *s, int width)
{
	struct slip_data d;
	struct mc_err err;
	char tpl[64];
	char *r = NULL;
	sqlite3_str *out = sqlite3_str_new(NULL);

	snprintf(tpl, sizeof tpl, "[{{applicant:%d}}]\n", width);
	if (slip_data_init(&d) == 0 && slip_set(&d, V_APPLICANT, s) == 0) {
		d.tname = "test";
		if (slip_fill(&d, tpl, out, &err) == 0)
			r = strbuf_finish(out, NULL, &err);
		else
			sqlite3_free(sqlite3_str_finish(out));
	} else {
		sqlite3_free(sqlite3_str_finish(out));
	}
	slip_data_free(&d);
	return r;
}

int
main(void)
{
	char *line;
	size_t used, k, bad = 0;
	const char *s = MIXED;
	size_t n = strlen(s);

	is_int((long long)vntext_width(s), MIXED_W, "vntext_width of the mixed string");
	is_int((long long)cells_width(s), MIXED_W, "the screen's cells give the same width");
	is_int((long long)vntext_widthn(s, n), MIXED_W, "vntext_widthn agrees");
	is_int((long long)vntext_width("中文"), 4, "CJK is two columns a character");
	is_int((long long)vntext_width("e\xcc\x81"), 1, "a letter and its mark: one column");
	is_int((long long)vntext_width("\xcc\x81"), 0, "a lone mark: no column");
	is_int((long long)vntext_width("ab\xff"), 3, "a byte that is not UTF-8: one column");
	is_int((long long)vntext_width("Đặng Thị Ánh"), 12, "Vietnamese letters: one column each");

	line = render(s, 20);
	ok(line != NULL && vntext_widthn(line, strlen(line) - 1) == 22 &&
	    strncmp(line + 1, s, n) == 0, "the template pads the value to 20 columns");
	free(line);
	line = render(s, MIXED_W);
	is_str(line, "[" MIXED "]\n", "exactly %d columns: no padding", MIXED_W);
	free(line);

	/* cutting at every width: whole cells, within the width */
	for (size_t cols = 0; cols <= MIXED_W + 1; cols++) {
		k = vntext_fit(s, n, cols, &used);
		if (used > cols || vntext_widthn(s, k) != used ||
		    (k < n && ((unsigned char)s[k] & 0xC0) == 0x80) ||
		    (k < n && strncmp(s + k, "\xcc\x80", 2) == 0))
			bad++;
	}
	is_int((long long)bad, 0, "every cut keeps whole characters and their marks");
	k = vntext_fit(s, n, 10, &used);
	is_int((long long)k, (long long)strlen("Nguyễn Hoa\xcc\x80"), "cut at 10: the mark stays with its a");
	k = vntext_fit("中文", 6, 3, &used);
	ok(k == 3 && used == 2, "a wide character that does not fit is left out whole");
	test_wrap();
	return tap_done();
}
