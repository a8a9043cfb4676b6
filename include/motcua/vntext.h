/* vntext.h — Vietnamese text: UTF-8 checks, NFC, search folding.
 *
 * Every string that enters the program (CLI argument, form field, file)
 * goes through vntext_nfc before it is stored or compared: the store holds
 * NFC only.  Search compares folded forms: lower case, đ→d, every mark
 * dropped, so "Nguyễn", "NGUYEN" and "nguyễn" (decomposed) all fold to
 * "nguyen".  All returned strings are malloc'd; the caller frees them. */
#ifndef MOTCUA_VNTEXT_H
#define MOTCUA_VNTEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "motcua/error.h"

bool vntext_valid_utf8(const char *s, size_t n);
/* How many code points valid UTF-8 s holds (a field's limit in
 * characters: "Nguyễn" in NFC is 6, whatever its bytes or columns). */
size_t vntext_chars(const char *s);

/* NFC of s; NULL with err set if s is not valid UTF-8. */
char *vntext_nfc(const char *s, struct mc_err *err);
/* Search key of s; NULL with err set if s is not valid UTF-8.
 * Runs of white space become one space; ends are trimmed. */
char *vntext_fold(const char *s, struct mc_err *err);
/* NFC, then trim and collapse white space (for names and addresses). */
char *vntext_clean(const char *s, struct mc_err *err);

/* Is s a plain one-line text of at most max_chars characters (0: no
 * limit), as the imports require of every text field?  0 if so; else -1
 * with err->msg the reason, worded to follow the field's name ("holds an
 * invisible character (U+200B) at character 4", "is 612 characters long,
 * more than the 500 allowed"): refused are control characters (tab and
 * line breaks included), bidirectional controls, the other invisible
 * format characters (category Cf) and text that is not UTF-8.  The length
 * is counted as the text would be stored: NFC, white space collapsed and
 * trimmed (vntext_clean).  MC_ENOMEM when memory ran out. */
int vntext_check_plain(const char *s, size_t max_chars, struct mc_err *err);

/* Upper case for forms ("Nguyễn Văn Ánh" -> "NGUYỄN VĂN ÁNH"): NFC in,
 * NFC out; NULL with err set if s is not valid UTF-8. */
char *vntext_upper(const char *s, struct mc_err *err);

/* Vietnamese collation after CLDR: a ă â b c d đ e ê (f) g h i (j) k l m n
 * o ô ơ p q r s t u ư v (w) x y (z) — f j w z, not Vietnamese letters,
 * sit in their Latin place — with digits before letters and white space
 * lowest of all, so names compare word by word ("An Bình" < "Anh").
 * Tones are a secondary difference, ngang < huyền < hỏi < ngã < sắc <
 * nặng, and case a tertiary one (lower first): "a" < "A" < "à" < "À".
 *
 * The tone counts once per syllable, wherever its mark sits, so the old
 * and new spellings "Hòa" and "Hoà" compare EQUAL (0), as they are the
 * same name.  Input may be NFC, NFD or mixed: it gives the same order.
 *
 * vntext_collate returns <0, 0 or >0 like strcmp; NULL sorts before any
 * string.  It never fails and allocates nothing for names up to about
 * 200 bytes; bytes that are not UTF-8 sort after everything.
 * vntext_collaten takes lengths (embedded NULs allowed): the SQLite
 * collation "vi" registered by db_open calls it. */
int vntext_collate(const char *a, const char *b);
int vntext_collaten(const char *a, size_t alen, const char *b, size_t blen);
/* A key such that strcmp (or memcmp) of two keys orders as
 * vntext_collate of the strings; no 0 byte before the final NUL.
 * malloc'd, or NULL with err set if s is not valid UTF-8. */
char *vntext_sortkey(const char *s, struct mc_err *err);

/* Display width: the one rule of the screens, the forms, the command line
 * and the reports (libunistring's uc_width).  A Vietnamese letter is one
 * column, precomposed or not; a combining mark none; CJK and emoji two; a
 * control character or a byte that is not UTF-8 one (drawn as '?').
 *
 * vntext_cell: the first cell of s (n bytes) — a code point and the
 * combining marks that follow it; returns its bytes (0 only when n is 0)
 * and sets *cols to 0, 1 or 2, or -1 for a control character or a byte
 * that is not UTF-8 (which counts as one column). */
size_t vntext_cell(const char *s, size_t n, int *cols);
/* The columns of one code point by the same rule (a text field holds
 * code points): 0 for a combining mark, 2 wide, 1 otherwise. */
int vntext_cp_width(unsigned long c);
size_t vntext_width(const char *s);
size_t vntext_widthn(const char *s, size_t n);
/* Bytes of the longest run of whole cells of s (n bytes) within `cols`
 * columns: never half a character, never a mark without its letter.
 * *used (may be NULL) gets the columns they take. */
size_t vntext_fit(const char *s, size_t n, size_t cols, size_t *used);

/* Word wrap by the same widths: s cut into lines of at most `cols`
 * columns (0 counts as 1), breaking at spaces and at every '\n'.  The
 * spaces at a break belong to no line; a line never ends inside a word
 * unless the word alone is wider than `cols` (then it is cut between
 * whole cells, as vntext_fit).  A final '\n' adds no empty line.  Fills
 * out[0 .. max-1] (out may be NULL when max is 0) and returns how many
 * lines the whole text takes: 0 for an empty text. */
struct vntext_line {
	size_t off, len;	/* bytes of s */
	size_t cols;		/* the columns they take */
};
size_t vntext_wrap(const char *s, size_t cols, struct vntext_line *out, size_t max);

#endif
