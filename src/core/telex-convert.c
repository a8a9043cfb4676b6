/* telex-convert.c — a whole text through the Telex/VNI engine (telex.c),
 * word by word: what `motcua text telex|vni` and imports of typed text use.
 * White space, punctuation and text already in Vietnamese pass unchanged. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uninorm.h>
#include <unistr.h>

#include "motcua/i18n.h"
#include "motcua/telex.h"

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Letters, digits and non-ASCII bytes make up a token of telex_convert. */
static bool
is_word_byte(unsigned char c)
{
	return is_alpha((char)c) || is_digit((char)c) || c >= 0x80;
}

char *
telex_convert(const char *text, enum telex_mode mode, bool new_style,
    struct mc_err *err)
{
	size_t len = strlen(text), olen = 0;
	/* A word's output is at most 3 bytes a key (đ, precomposed vowels). */
	char *out = len < SIZE_MAX / 3 ? malloc(len * 3 + 1) : NULL, *nfc;
	struct telex t;
	size_t i = 0, nfc_len;

	if (u8_check((const uint8_t *)text, len) != NULL) {
		free(out);
		err_set(err, MC_EINVAL, _("the text is not valid UTF-8: retype it, or convert the file to UTF-8"));
		return NULL;
	}
	if (out == NULL) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		return NULL;
	}
	telex_init(&t, mode, new_style);
	while (i < len) {
		size_t j = i;
		bool raw = false;

		if (!is_word_byte((unsigned char)text[i])) {
			out[olen++] = text[i++];
			continue;
		}
		/* A token: letters, digits and non-ASCII bytes together. */
		while (j < len && is_word_byte((unsigned char)text[j])) {
			unsigned char c = (unsigned char)text[j];
			if (c >= 0x80 || (mode == TELEX_TELEX && is_digit((char)c)))
				raw = true;
			j++;
		}
		if (j - i > TELEX_MAX_KEYS)
			raw = true;
		if (raw) {
			memcpy(out + olen, text + i, j - i);
			olen += j - i;
		} else {
			size_t wl;

			telex_reset(&t);
			for (size_t k = i; k < j; k++)
				if (!telex_key(&t, text[k]))
					break;	/* cannot happen: a token is all keys */
			wl = strlen(t.word);
			memcpy(out + olen, t.word, wl);
			olen += wl;
		}
		i = j;
	}
	out[olen] = '\0';
	/* Text copied as it was may be decomposed: the result is NFC. */
	nfc = (char *)u8_normalize(UNINORM_NFC, (const uint8_t *)out, olen + 1,
	    NULL, &nfc_len);
	free(out);
	if (nfc == NULL) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		return NULL;
	}
	return nfc;
}
