/* vntext.c — Vietnamese text (vntext.h): UTF-8 checks and cleaning, NFC,
 * search folding, upper-casing, the Vietnamese collation, and the one
 * display-width rule (vntext_cell and what is built on it) that screens,
 * templates, CLI columns and reports share.
 *
 * libunistring does the Unicode work (normalisation, case mapping); this
 * file decides what "the same name" means for a search, in what order
 * names sort, and how many columns a character takes. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "motcua/i18n.h"
#include "motcua/strbuf.h"
#include "motcua/vntext.h"

bool
vntext_valid_utf8(const char *s, size_t n)
{
	return u8_check((const uint8_t *)s, n) == NULL;
}

size_t
vntext_chars(const char *s)
{
	size_t n = 0;

	/* every byte but a continuation byte (10xxxxxx) starts a code point */
	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static int
refuse_utf8(struct mc_err *err)
{
	return err_set(err, MC_EINVAL,
	    _("the text is not valid UTF-8: retype it, or convert the file to UTF-8"));
}

/* A libunistring result `r` of `len` bytes, made from `n` bytes of input,
 * as a NUL-terminated string (r is taken); NULL when memory ran out. */
static char *
terminated(uint8_t *r, size_t len, size_t n, struct mc_err *err)
{
	uint8_t *z;

	if (r == NULL && n > 0) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		return NULL;
	}
	z = realloc(r, len + 1);
	if (z == NULL) {
		free(r);
		err_set(err, MC_ENOMEM, _("out of memory"));
		return NULL;
	}
	z[len] = '\0';
	return (char *)z;
}

/* Normalise to `form`; returns a NUL-terminated malloc'd copy. */
static char *
normalize(uninorm_t form, const char *s, size_t *outlen, struct mc_err *err)
{
	size_t n = strlen(s), len = 0;
	uint8_t *u;
	char *r;

	if (!vntext_valid_utf8(s, n)) {
		refuse_utf8(err);
		return NULL;
	}
	u = u8_normalize(form, (const uint8_t *)s, n, NULL, &len);
	r = terminated(u, len, n, err);
	if (r != NULL && outlen != NULL)
		*outlen = len;
	return r;
}

char *
vntext_nfc(const char *s, struct mc_err *err)
{
	return normalize(UNINORM_NFC, s, NULL, err);
}

static bool
is_space(ucs4_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	    c == '\f' || c == 0xa0 || c == 0x3000;
}

/* Copy `s` collapsing white space; `fold` also lower-cases, maps đ to d
 * and drops combining marks (s must then be NFD so every mark is one). */
static char *
squeeze(const uint8_t *s, size_t n, bool fold)
{
	/* lower case can grow a letter by half (U+023A → U+2C65): room for 2n */
	uint8_t *out = malloc(2 * n + 1), *o = out;
	bool pending_space = false;
	size_t i = 0;

	if (out == NULL)
		return NULL;
	while (i < n) {
		ucs4_t c;
		int k = u8_mbtouc(&c, s + i, n - i);

		if (is_space(c)) {
			pending_space = o != out;
			i += (size_t)k;
			continue;
		}
		if (fold) {
			if (c >= 0x300 && c <= 0x36f) {	/* tone and shape marks */
				i += (size_t)k;
				continue;
			}
			c = (c == 0x111 || c == 0x110) ? 'd' : uc_tolower(c);
		}
		if (pending_space) {
			*o++ = ' ';
			pending_space = false;
		}
		if (fold) {
			int w = u8_uctomb(o, c, (int)(out + 2 * n - o));
			if (w < 0)
				break;
			o += w;
		} else {
			memcpy(o, s + i, (size_t)k);
			o += k;
		}
		i += (size_t)k;
	}
	*o = '\0';
	return (char *)out;
}

/* `s` normalised to `form`, then squeezed (folded too when `fold`). */
static char *
normalize_squeeze(uninorm_t form, bool fold, const char *s, struct mc_err *err)
{
	size_t n;
	char *norm = normalize(form, s, &n, err), *r;

	if (norm == NULL)
		return NULL;
	r = squeeze((const uint8_t *)norm, n, fold);
	free(norm);
	if (r == NULL)
		err_set(err, MC_ENOMEM, _("out of memory"));
	return r;
}

char *
vntext_clean(const char *s, struct mc_err *err)
{
	return normalize_squeeze(UNINORM_NFC, false, s, err);
}

char *
vntext_fold(const char *s, struct mc_err *err)
{
	return normalize_squeeze(UNINORM_NFD, true, s, err);
}

/* ---- display width ---------------------------------------------------------
 * The one rule for columns, used by the screens, the forms' templates, the
 * command line's and the reports' alignment: libunistring's uc_width (a
 * combining mark takes 0 columns, CJK and emoji 2, a Vietnamese letter 1
 * whether it is precomposed or not).  A cell is a code point and the
 * combining marks after it, so a cut between cells never separates a mark
 * from its letter. */

int
vntext_cp_width(unsigned long c)
{
	int w = uc_width((ucs4_t)c, "UTF-8");

	return w < 0 ? 1 : w;	/* a control character is drawn as '?' */
}

size_t
vntext_cell(const char *s, size_t n, int *cols)
{
	const uint8_t *p = (const uint8_t *)s;
	ucs4_t c;
	int k, w;
	size_t len;

	if (n == 0) {
		*cols = 0;
		return 0;
	}
	k = u8_mbtoucr(&c, p, n);
	if (k < 0) {		/* not UTF-8: one byte, shown as '?' */
		*cols = -1;
		return 1;
	}
	w = uc_width(c, "UTF-8");
	len = (size_t)k;
	if (w < 0) {		/* a control character */
		*cols = -1;
		return len;
	}
	/* the marks that sit on this letter travel with it */
	while (len < n) {
		k = u8_mbtoucr(&c, p + len, n - len);
		if (k < 0 || uc_width(c, "UTF-8") != 0 || c == 0)
			break;
		len += (size_t)k;
	}
	*cols = w;
	return len;
}

size_t
vntext_widthn(const char *s, size_t n)
{
	size_t i = 0, w = 0;

	while (i < n) {
		int c;

		i += vntext_cell(s + i, n - i, &c);
		w += c < 0 ? 1 : (size_t)c;
	}
	return w;
}

size_t
vntext_width(const char *s)
{
	return vntext_widthn(s, strlen(s));
}

size_t
vntext_fit(const char *s, size_t n, size_t cols, size_t *used)
{
	size_t i = 0, w = 0;

	while (i < n) {
		int c;
		size_t k = vntext_cell(s + i, n - i, &c), cw = c < 0 ? 1 : (size_t)c;

		if (w + cw > cols)
			break;
		w += cw;
		i += k;
	}
	if (used != NULL)
		*used = w;
	return i;
}

/* ---- word wrap ----------------------------------------------------------- */

size_t
vntext_wrap(const char *s, size_t cols, struct vntext_line *out, size_t max)
{
	size_t n = 0, pos = 0, len = s != NULL ? strlen(s) : 0;

	if (cols == 0)
		cols = 1;
	while (pos < len) {
		size_t seg = strcspn(s + pos, "\n"), i = 0, used = 0;
		size_t cut = 0, cut_cols = 0, next;	/* the last word end that fits */
		bool have_cut = false;

		/* a line after a soft break starts at its first word */
		while (i < seg && s[pos + i] == ' ')
			i++;
		{
			size_t start = i;

			while (i < seg) {
				int c;
				size_t k = vntext_cell(s + pos + i, seg - i, &c);
				size_t cw = c < 0 ? 1 : (size_t)c;

				if (s[pos + i] == ' ' && i > start && s[pos + i - 1] != ' ') {
					cut = i;
					cut_cols = used;
					have_cut = true;
				}
				if (used + cw > cols)
					break;
				used += cw;
				i += k;
			}
			if (i >= seg) {
				/* the rest of the paragraph fits: drop its trailing spaces */
				size_t e = seg;

				while (e > start && s[pos + e - 1] == ' ')
					e--;
				cut = e;
				cut_cols = used - (seg - e);
				next = seg < len - pos ? seg + 1 : seg;	/* past the '\n' */
			} else if (s[pos + i] == ' ') {
				/* full just before a space: the word ends here */
				cut = i;
				while (cut > start && s[pos + cut - 1] == ' ')
					cut--;
				cut_cols = used - (i - cut);
				next = i;
			} else if (have_cut) {
				next = cut;
			} else {
				/* one word wider than the line: cut between cells */
				if (i == start) {	/* not even one cell fits */
					int c;

					i += vntext_cell(s + pos + i, seg - i, &c);
					used = c < 0 ? 1 : (size_t)c;
				}
				cut = i;
				cut_cols = used;
				next = i;
			}
			if (n < max) {
				out[n].off = pos + start;
				out[n].len = cut - start;
				out[n].cols = cut_cols;
			}
			n++;
			pos += next;
			/* a soft break's spaces go with no line, nor does a
			 * '\n' right after them (the line has already ended) */
			if (next < seg) {
				while (pos < len && s[pos] == ' ')
					pos++;
				if (pos < len && s[pos] == '\n')
					pos++;
			}
		}
	}
	return n;
}

/* ---- upper case (forms) ------------------------------------------------ */

char *
vntext_upper(const char *s, struct mc_err *err)
{
	size_t n, len = 0;
	char *nfc = normalize(UNINORM_NFC, s, &n, err);
	uint8_t *r;

	if (nfc == NULL)
		return NULL;
	/* no language rules: Vietnamese has none (unlike Turkish i) */
	r = u8_toupper((const uint8_t *)nfc, n, NULL, UNINORM_NFC, NULL, &len);
	free(nfc);
	return terminated(r, len, n, err);
}

/* ---- collation ---------------------------------------------------------
 *
 * A string becomes a sort key of three levels, as in the Unicode
 * Collation Algorithm, each level ended by the byte 0x01:
 *
 *   primary    one weight a character: white space (lowest), then
 *              punctuation and symbols by code point, digits, the Latin
 *              letters in Vietnamese order (table below), then every
 *              other letter by code point.  Case and tones are ignored
 *              here; the shape marks are not (ă â đ ê ô ơ ư are letters).
 *   secondary  one tone a syllable (a run of letters): ngang < huyền <
 *              hỏi < ngã < sắc < nặng, wherever in the syllable the mark
 *              sits, so "hòa" and "hoà" weigh the same.  A mark that is
 *              neither a tone nor a Vietnamese shape (ë, ç) follows the
 *              tone of its syllable, by code point.
 *   tertiary   one case a letter: lower before upper.
 *
 * No byte of a key is 0, so keys compare with strcmp; a key that is a
 * prefix of another sorts first ("An" < "Anh"), and 0x01 is below every
 * weight, so a shorter word sorts before a longer one at every level.
 * Text is decomposed character by character (canonical decomposition,
 * recursively), so NFC, NFD and mixed input give the same key. */

/* Primary weights (one byte) and lead bytes of the longer weights. */
enum {
	W_END = 0x01,		/* end of a level */
	W_SPACE = 0x02,
	W_OTHER_SYMBOL = 0x03,	/* + 3 bytes of code point */
	W_DIGIT = 0x04,		/* 0x04..0x0d */
	W_LETTER = 0x10,	/* 0x10.. in the order of vn_letters */
	W_OTHER_LETTER = 0x40,	/* + 3 bytes of code point */
	W_BAD_BYTE = 0x41,	/* + 2 bytes: a byte that is not UTF-8 */
	S_TONE = 0x02,		/* 0x02..0x07: ngang … nặng */
	S_MARK = 0x10,		/* + 3 bytes: another combining mark */
	T_LOWER = 0x02,
	T_UPPER = 0x03,
};

/* The Latin letters in Vietnamese order, f j w z in their Latin place;
 * the weight of a letter is W_LETTER + its index here:
 *
 *    0 a   1 ă   2 â   3 b   4 c   5 d   6 đ   7 e   8 ê   9 f  10 g
 *   11 h  12 i  13 j  14 k  15 l  16 m  17 n  18 o  19 ô  20 ơ  21 p
 *   22 q  23 r  24 s  25 t  26 u  27 ư  28 v  29 w  30 x  31 y  32 z
 *
 * ă â ê ô ơ ư arrive as a base letter and a shape mark (see shaped());
 * đ has no decomposition and is taken as it is. */
enum { L_A = 0, L_DD = 6, L_E = 7, L_O = 18, L_U = 26 };

/* Weight of a base letter a..z (lower case). */
static const uint8_t latin_weight[26] = {
	/* a */ 0, /* b */ 3, /* c */ 4, /* d */ 5, /* e */ 7, /* f */ 9,
	/* g */ 10, /* h */ 11, /* i */ 12, /* j */ 13, /* k */ 14, /* l */ 15,
	/* m */ 16, /* n */ 17, /* o */ 18, /* p */ 21, /* q */ 22, /* r */ 23,
	/* s */ 24, /* t */ 25, /* u */ 26, /* v */ 28, /* w */ 29, /* x */ 30,
	/* y */ 31, /* z */ 32,
};

/* A key level being built.  It starts in caller-supplied stack memory:
 * the "vi" collation builds two keys for every comparison SQLite makes
 * while sorting or searching names, and names fit in KEY_STACK bytes, so
 * the common case allocates nothing.  A longer text moves into a
 * sqlite3_str (strbuf.h), the program's one growable buffer. */
struct kbuf {
	uint8_t *p;		/* the bytes: stack memory, or heap's */
	size_t len, cap;	/* cap: room in the stack memory; 0 once the
				 * bytes moved to the heap or failed, so the
				 * fast path of kbuf_byte is one comparison */
	sqlite3_str *heap;	/* NULL while the stack memory is enough */
	bool failed;
};

static void
kbuf_init(struct kbuf *b, uint8_t *mem, size_t cap)
{
	b->p = mem;
	b->len = 0;
	b->cap = cap;
	b->heap = NULL;
	b->failed = false;
}

static void
kbuf_free(struct kbuf *b)
{
	if (b->heap != NULL)
		sqlite3_free(sqlite3_str_finish(b->heap));
	b->heap = NULL;
}

static void
kbuf_put(struct kbuf *b, const uint8_t *bytes, size_t n)
{
	if (b->failed)
		return;
	if (b->heap == NULL && b->len + n <= b->cap) {
		memcpy(b->p + b->len, bytes, n);
		b->len += n;
		return;
	}
	if (b->heap == NULL) {
		b->heap = sqlite3_str_new(NULL);
		sqlite3_str_append(b->heap, (const char *)b->p, (int)b->len);
	}
	sqlite3_str_append(b->heap, (const char *)bytes, (int)n);
	/* the memory moves as it grows; the key is patched in place (the
	 * tone byte), so p always points at the current bytes */
	b->p = (uint8_t *)sqlite3_str_value(b->heap);
	b->len = (size_t)sqlite3_str_length(b->heap);
	b->failed = sqlite3_str_errcode(b->heap) != SQLITE_OK || b->p == NULL;
	b->cap = 0;
}

static void
kbuf_byte(struct kbuf *b, uint8_t c)
{
	if (b->len < b->cap)
		b->p[b->len++] = c;
	else
		kbuf_put(b, &c, 1);
}

/* lead byte + the 21 bits of c in three bytes of 7 bits (never 0) */
static void
kbuf_cp(struct kbuf *b, uint8_t lead, ucs4_t c)
{
	uint8_t w[4] = {lead, (uint8_t)(0x80 | (c >> 14 & 0x7f)),
	    (uint8_t)(0x80 | (c >> 7 & 0x7f)), (uint8_t)(0x80 | (c & 0x7f))};

	kbuf_put(b, w, 4);
}

/* The three levels being built, and where we are in a syllable. */
struct keyer {
	struct kbuf prim, sec, ter;
	bool in_syllable;
	size_t tone_at;		/* offset in sec of the syllable's tone byte */
	bool has_tone;
	/* the letter seen last, not yet written: its shape marks may follow */
	int pending;		/* index into vn_letters, or -1 */
	bool pending_upper;
};

static int
tone_of(ucs4_t m)
{
	switch (m) {
	case 0x300: return 1;	/* huyền */
	case 0x309: return 2;	/* hỏi */
	case 0x303: return 3;	/* ngã */
	case 0x301: return 4;	/* sắc */
	case 0x323: return 5;	/* nặng */
	default: return 0;
	}
}

/* ă â ê ô ơ ư from a base letter and a shape mark; -1 if not one. */
static int
shaped(int letter, ucs4_t m)
{
	if (m == 0x306 && letter == L_A)
		return L_A + 1;			/* ă */
	if (m == 0x302)			/* â ê ô */
		return letter == L_A ? L_A + 2 : letter == L_E ? L_E + 1 :
		    letter == L_O ? L_O + 1 : -1;
	if (m == 0x31b)			/* ơ ư */
		return letter == L_O ? L_O + 2 : letter == L_U ? L_U + 1 : -1;
	return -1;
}

static void
flush_letter(struct keyer *k)
{
	if (k->pending < 0)
		return;
	kbuf_byte(&k->prim, (uint8_t)(W_LETTER + k->pending));
	kbuf_byte(&k->ter, k->pending_upper ? T_UPPER : T_LOWER);
	k->pending = -1;
}

static void
end_syllable(struct keyer *k)
{
	flush_letter(k);
	k->in_syllable = false;
}

static void
start_syllable(struct keyer *k)
{
	if (k->in_syllable)
		return;
	k->in_syllable = true;
	k->has_tone = false;
	k->tone_at = k->sec.len;
	kbuf_byte(&k->sec, S_TONE);	/* ngang until a tone mark says otherwise */
}

static bool
is_mark(ucs4_t c)
{
	return (c >= 0x300 && c <= 0x36f) ||
	    (c >= 0x80 && uc_is_general_category(c, UC_CATEGORY_M));
}

/* One fully decomposed character. */
static void
key_char(struct keyer *k, ucs4_t c)
{
	if (is_mark(c)) {
		int t = tone_of(c), s;

		if (k->in_syllable && t != 0 && !k->has_tone) {
			k->has_tone = true;
			if (!k->sec.failed && k->tone_at < k->sec.len)
				k->sec.p[k->tone_at] = (uint8_t)(S_TONE + t);
			return;
		}
		if (k->pending >= 0 && (s = shaped(k->pending, c)) >= 0) {
			k->pending = s;
			return;
		}
		/* any other mark: secondary, after its syllable's tone */
		kbuf_cp(&k->sec, S_MARK, c);
		return;
	}
	if (c < 0x80 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
		flush_letter(k);
		start_syllable(k);
		k->pending = latin_weight[(c | 0x20) - 'a'];
		k->pending_upper = c < 'a';
		return;
	}
	if (c == 0x111 || c == 0x110) {	/* đ Đ: no decomposition */
		flush_letter(k);
		start_syllable(k);
		k->pending = L_DD;
		k->pending_upper = c == 0x110;
		return;
	}
	if (c >= 0x80 && uc_is_alpha(c)) {
		ucs4_t lc = uc_tolower(c);

		flush_letter(k);
		start_syllable(k);
		kbuf_cp(&k->prim, W_OTHER_LETTER, lc);
		kbuf_byte(&k->ter, lc != c ? T_UPPER : T_LOWER);
		return;
	}
	end_syllable(k);
	if (c >= '0' && c <= '9')
		kbuf_byte(&k->prim, (uint8_t)(W_DIGIT + (c - '0')));
	else if (is_space(c))
		kbuf_byte(&k->prim, W_SPACE);
	else
		kbuf_cp(&k->prim, W_OTHER_SYMBOL, c);
}

/* Decompose c canonically, all the way down, feeding each piece. */
static void
key_decomposed(struct keyer *k, ucs4_t c, int depth)
{
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
	int n;

	if (c < 0xc0 || depth > 4 ||
	    (n = uc_canonical_decomposition(c, d)) <= 0) {
		key_char(k, c);
		return;
	}
	for (int i = 0; i < n; i++)
		key_decomposed(k, d[i], depth + 1);
}

/* Build the key of s[0..n) into out (NUL-terminated, no other 0 byte).
 * Bytes that are not UTF-8 weigh after everything, by value.  The three
 * levels go to prim, sec, ter (which start on the caller's stack) and are
 * then appended to prim.  Returns false if memory ran out. */
static bool
build_key(const uint8_t *s, size_t n, struct keyer *k)
{
	size_t i = 0;

	k->in_syllable = false;
	k->pending = -1;
	while (i < n) {
		ucs4_t c = s[i];
		int len = 1;

		if (c >= 0x80) {
			len = u8_mbtoucr(&c, s + i, n - i);
			if (len < 0) {
				uint8_t w[3] = {W_BAD_BYTE, (uint8_t)(0x80 | s[i] >> 4),
				    (uint8_t)(0x80 | (s[i] & 0x0f))};
				end_syllable(k);
				kbuf_put(&k->prim, w, 3);
				i++;
				continue;
			}
			key_decomposed(k, c, 0);
		} else {
			key_char(k, c);
		}
		i += (size_t)len;
	}
	end_syllable(k);
	kbuf_byte(&k->prim, W_END);
	kbuf_put(&k->prim, k->sec.p, k->sec.len);
	kbuf_byte(&k->prim, W_END);
	kbuf_put(&k->prim, k->ter.p, k->ter.len);
	kbuf_byte(&k->prim, '\0');
	return !(k->prim.failed || k->sec.failed || k->ter.failed);
}

#define KEY_STACK 384	/* bytes a level: a name of ~200 bytes fits */

struct keymem {
	uint8_t prim[3 * KEY_STACK], sec[KEY_STACK], ter[KEY_STACK];
};

static void
keyer_init(struct keyer *k, struct keymem *m)
{
	kbuf_init(&k->prim, m->prim, sizeof m->prim);
	kbuf_init(&k->sec, m->sec, sizeof m->sec);
	kbuf_init(&k->ter, m->ter, sizeof m->ter);
}

static void
keyer_free(struct keyer *k)
{
	kbuf_free(&k->prim);
	kbuf_free(&k->sec);
	kbuf_free(&k->ter);
}

int
vntext_collaten(const char *a, size_t alen, const char *b, size_t blen)
{
	struct keymem ma, mb;
	struct keyer ka, kb;
	int r;

	if (a == NULL || b == NULL)
		return (a != NULL) - (b != NULL);	/* NULL first */
	if (alen == blen && memcmp(a, b, alen) == 0)
		return 0;
	keyer_init(&ka, &ma);
	keyer_init(&kb, &mb);
	if (build_key((const uint8_t *)a, alen, &ka) &&
	    build_key((const uint8_t *)b, blen, &kb)) {
		r = strcmp((const char *)ka.prim.p, (const char *)kb.prim.p);
	} else {
		/* out of memory (keys of megabytes): bytes, shorter first */
		r = memcmp(a, b, alen < blen ? alen : blen);
		if (r == 0)
			r = (alen > blen) - (alen < blen);
	}
	keyer_free(&ka);
	keyer_free(&kb);
	return r < 0 ? -1 : r > 0;
}

int
vntext_collate(const char *a, const char *b)
{
	return vntext_collaten(a, a != NULL ? strlen(a) : 0, b,
	    b != NULL ? strlen(b) : 0);
}

char *
vntext_sortkey(const char *s, struct mc_err *err)
{
	struct keymem m;
	struct keyer k;
	size_t n = strlen(s);
	char *r;

	if (!vntext_valid_utf8(s, n)) {
		refuse_utf8(err);
		return NULL;
	}
	keyer_init(&k, &m);
	if (!build_key((const uint8_t *)s, n, &k)) {
		keyer_free(&k);
		err_set(err, MC_ENOMEM, _("out of memory"));
		return NULL;
	}
	r = malloc(k.prim.len);
	if (r == NULL)
		err_set(err, MC_ENOMEM, _("out of memory"));
	else
		memcpy(r, k.prim.p, k.prim.len);
	keyer_free(&k);
	return r;
}
