/* vntext.c — Vietnamese text: UTF-8 checks, NFC and search folding.
 *
 * libunistring does the Unicode work (normalisation, case mapping); this
 * file only decides what "the same name" means for a search. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "motcua/i18n.h"
#include "motcua/vntext.h"

bool
vntext_valid_utf8(const char *s, size_t n)
{
	return u8_check((const uint8_t *)s, n) == NULL;
}

static int
refuse_utf8(struct mc_err *err)
{
	return err_set(err, MC_EINVAL,
	    _("the text is not valid UTF-8: retype it, or convert the file to UTF-8"));
}

/* Normalise to `form`; returns a NUL-terminated malloc'd copy. */
static char *
normalize(uninorm_t form, const char *s, size_t *outlen, struct mc_err *err)
{
	size_t n = strlen(s), len = 0;
	uint8_t *r, *z;

	if (!vntext_valid_utf8(s, n)) {
		refuse_utf8(err);
		return NULL;
	}
	r = u8_normalize(form, (const uint8_t *)s, n, NULL, &len);
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
	if (outlen != NULL)
		*outlen = len;
	return (char *)z;
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

char *
vntext_clean(const char *s, struct mc_err *err)
{
	size_t n;
	char *nfc = normalize(UNINORM_NFC, s, &n, err), *r;

	if (nfc == NULL)
		return NULL;
	r = squeeze((const uint8_t *)nfc, n, false);
	free(nfc);
	if (r == NULL)
		err_set(err, MC_ENOMEM, _("out of memory"));
	return r;
}

char *
vntext_fold(const char *s, struct mc_err *err)
{
	size_t n;
	char *nfd = normalize(UNINORM_NFD, s, &n, err), *r;

	if (nfd == NULL)
		return NULL;
	r = squeeze((const uint8_t *)nfd, n, true);
	free(nfd);
	if (r == NULL)
		err_set(err, MC_ENOMEM, _("out of memory"));
	return r;
}

size_t
vntext_width(const char *s)
{
	size_t n = strlen(s);
	int w;

	if (!vntext_valid_utf8(s, n))
		return n;
	w = u8_strwidth((const uint8_t *)s, "UTF-8");
	return w < 0 ? n : (size_t)w;
}
