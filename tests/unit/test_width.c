/* test_width.c — one display width: vntext_width, the cells the screen
 * draws (vntext_cell), the forms' templates (slip_fill) and cutting to N
 * columns agree on Vietnamese letters, combining marks and wide
 * characters, and a cut never splits a character or strands a mark. */
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
	return tap_done();
}
