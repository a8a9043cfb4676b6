/* catalog-match.c — how well the words of a search match a procedure's
 * name: the rule the picker (catalog-index.c) filters and ranks by.  (The
 * command line's catalog search, catalog-search.c, keeps its folded match
 * in catalog order.)
 *
 * Text is compared letter by letter as keys: a base letter (lower case,
 * marks taken off) with the shape mark (ă â ê ô ơ ư đ) and the tone it
 * carries.  A typed letter matches a letter of the name when the base is
 * the same and every mark the officer typed is there too: a mark not
 * typed matches any.  So "khai tu" matches "khai tử" and "khai sinh"
 * alike, "khai tử" (or "tư", "tủ" on the way to it) only names with
 * that mark, and "đ" only đ. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "catalog-int.h"

/* A key: base code point << 6 | shape << 3 | tone. */
enum { SHAPE_HAT = 1, SHAPE_BREVE, SHAPE_HORN, SHAPE_STROKE };
#define KEY_BASE(k) ((k) >> 6)
#define KEY_SHAPE(k) (((k) >> 3) & 7u)
#define KEY_TONE(k) ((k) & 7u)

static unsigned
shape_of(ucs4_t m)
{
	switch (m) {
	case 0x0302: return SHAPE_HAT;
	case 0x0306: return SHAPE_BREVE;
	case 0x031B: return SHAPE_HORN;
	default: return 0;
	}
}

static unsigned
tone_of(ucs4_t m)
{
	switch (m) {
	case 0x0301: return 1;	/* sắc */
	case 0x0300: return 2;	/* huyền */
	case 0x0309: return 3;	/* hỏi */
	case 0x0303: return 4;	/* ngã */
	case 0x0323: return 5;	/* nặng */
	default: return 0;
	}
}

int
catalog_text_make(const char *s, struct catalog_text *t)
{
	size_t len = 0, n = 0;
	/* lower case, decomposed: "Tử" → t u U+031B U+0309 */
	uint8_t *d = u8_tolower((const uint8_t *)s, strlen(s), NULL, UNINORM_NFD,
	    NULL, &len);
	const uint8_t *p, *end;

	t->k = NULL;
	t->n = 0;
	if (d == NULL)
		return -1;
	/* at most one key a code point */
	if ((t->k = malloc((len + 1) * sizeof *t->k)) == NULL) {
		free(d);
		return -1;
	}
	for (p = d, end = d + len; p < end;) {
		ucs4_t c;
		int l = u8_mbtouc(&c, p, (size_t)(end - p));

		p += l > 0 ? l : 1;
		if (uc_is_general_category(c, UC_CATEGORY_M)) {
			/* a mark of the letter before it; others are dropped */
			if (n > 0 && shape_of(c) != 0 && KEY_SHAPE(t->k[n - 1]) == 0)
				t->k[n - 1] |= shape_of(c) << 3;
			else if (n > 0 && tone_of(c) != 0 && KEY_TONE(t->k[n - 1]) == 0)
				t->k[n - 1] |= tone_of(c);
			continue;
		}
		if (c == 0x0111)	/* đ does not decompose */
			t->k[n++] = (uint32_t)'d' << 6 | SHAPE_STROKE << 3;
		else
			t->k[n++] = (uint32_t)c << 6;
	}
	free(d);
	t->n = n;
	return 0;
}

/* memo.k's value for a code point that is not folded on its own */
#define MEMO_NONE UINT32_MAX

/* The one key of code point c, folded alone: exactly its key inside any
 * text, for the code points memoized (no mapping of theirs to lower case
 * depends on the letters around, as Greek's final sigma does, and each
 * decomposes to a base letter and its marks, so no canonical reordering
 * reaches across to the next); MEMO_NONE when c is not one of them or
 * does not make exactly one key. */
static uint32_t
memo_key(struct catalog_memo *m, ucs4_t c)
{
	struct catalog_text one;
	uint8_t u[8];
	size_t i;
	int l;

	if (c < 0x250)
		i = c;
	else if (c >= 0x1E00 && c < 0x1F00)
		i = 0x250 + (c - 0x1E00);
	else
		return MEMO_NONE;
	if (m->k[i] != 0)
		return m->k[i];
	m->k[i] = MEMO_NONE;
	if ((l = u8_uctomb(u, c, (int)sizeof u - 1)) > 0) {
		u[l] = '\0';
		if (catalog_text_make((const char *)u, &one) == 0) {
			if (one.n == 1)
				m->k[i] = one.k[0];
			catalog_text_free(&one);
		}
	}
	return m->k[i];
}

int
catalog_text_make_memo(const char *s, struct catalog_text *t, struct catalog_memo *m)
{
	size_t len = strlen(s), n = 0;
	const uint8_t *p = (const uint8_t *)s, *end = p + len;

	t->n = 0;
	if ((t->k = malloc((len + 1) * sizeof *t->k)) == NULL)
		return -1;
	while (p < end) {
		ucs4_t c;
		int l = u8_mbtouc(&c, p, (size_t)(end - p));
		uint32_t key = l > 0 ? memo_key(m, c) : MEMO_NONE;

		if (key == MEMO_NONE) {	/* U+FFFD for bad UTF-8 lands here too */
			free(t->k);
			return catalog_text_make(s, t);
		}
		t->k[n++] = key;
		p += l;
	}
	t->n = n;
	return 0;
}

void
catalog_text_free(struct catalog_text *t)
{
	free(t->k);
	t->k = NULL;
	t->n = 0;
}

static bool
key_matches(uint32_t typed, uint32_t have)
{
	return KEY_BASE(typed) == KEY_BASE(have) &&
	    (KEY_SHAPE(typed) == 0 || KEY_SHAPE(typed) == KEY_SHAPE(have)) &&
	    (KEY_TONE(typed) == 0 || KEY_TONE(typed) == KEY_TONE(have));
}

static bool
is_word_key(uint32_t k)
{
	return uc_is_alnum(KEY_BASE(k));
}

enum catalog_fit
catalog_word_fit(const uint32_t *w, size_t wn, const struct catalog_text *t)
{
	enum catalog_fit best = CM_NONE;

	if (wn == 0)
		return CM_WHOLE;
	for (size_t i = 0; i + wn <= t->n; i++) {
		enum catalog_fit fit;
		size_t j = 0;

		while (j < wn && key_matches(w[j], t->k[i + j]))
			j++;
		if (j < wn)
			continue;
		if (i > 0 && is_word_key(t->k[i - 1]))
			fit = CM_INSIDE;
		else if (i + wn < t->n && is_word_key(t->k[i + wn]))
			fit = CM_START;
		else
			return CM_WHOLE;
		if (fit > best)
			best = fit;
	}
	return best;
}

bool
catalog_text_word(const struct catalog_text *q, size_t *from, size_t *len)
{
	size_t i = *from + *len;

	while (i < q->n && uc_is_space(KEY_BASE(q->k[i])))
		i++;
	*from = i;
	while (i < q->n && !uc_is_space(KEY_BASE(q->k[i])))
		i++;
	*len = i - *from;
	return *len > 0;
}

enum catalog_rank
catalog_match(const struct catalog_text *q, const struct catalog_text *name,
    const struct catalog_text *all, int *whole)
{
	enum catalog_rank rank = CR_NAME_START;
	size_t from = 0, len = 0;

	*whole = 0;
	while (catalog_text_word(q, &from, &len)) {
		enum catalog_fit fit = catalog_word_fit(q->k + from, len, name);

		if (fit == CM_WHOLE)
			(*whole)++;
		else if (fit == CM_INSIDE && rank < CR_NAME_INSIDE)
			rank = CR_NAME_INSIDE;
		else if (fit == CM_NONE) {
			if (catalog_word_fit(q->k + from, len, all) == CM_NONE)
				return CR_NONE;
			rank = CR_ELSEWHERE;
		}
	}
	return rank;
}
