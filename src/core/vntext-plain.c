/* vntext-plain.c — is a text a plain one-line name fit to store?
 *
 * The catalog and calendar imports (through json.c) refuse, in every text
 * field of a file, what would hide or disguise its content on a screen or
 * a printed form: control characters (C0, DEL, C1 — tab and line breaks
 * included: a name is one line), the bidirectional controls (U+061C,
 * U+200E–200F, U+202A–202E, U+2066–2069) that can show a text in a false
 * order, the other invisible format characters (general category Cf:
 * U+00AD, U+200B–200D, U+2060–2064, U+FEFF, …) and the line and paragraph
 * separators U+2028/U+2029.  The classes come from libunistring, so they
 * follow its Unicode version rather than a table of our own. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "motcua/i18n.h"
#include "motcua/vntext.h"

int
vntext_check_plain(const char *s, size_t max_chars, struct mc_err *err)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	size_t at = 0;

	if (!vntext_valid_utf8(s, (size_t)(end - p)))
		return err_set(err, MC_EINVAL, _("is not valid UTF-8"));
	while (p < end) {
		ucs4_t c;
		int len = u8_mbtouc(&c, p, (size_t)(end - p));

		at++;
		if (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
		    c == 0x85 || c == 0x2028 || c == 0x2029)
			return err_set(err, MC_EINVAL, _("holds a tab or line break "
			    "(U+%04X) at character %zu; a name is one line"),
			    (unsigned)c, at);
		if (uc_is_general_category(c, UC_CATEGORY_Cc))
			return err_set(err, MC_EINVAL, _("holds a control character "
			    "(U+%04X) at character %zu"), (unsigned)c, at);
		if (uc_is_property_bidi_control(c))
			return err_set(err, MC_EINVAL, _("holds an invisible "
			    "direction control (U+%04X) at character %zu, which can "
			    "make the text show in a false order"), (unsigned)c, at);
		if (uc_is_general_category(c, UC_CATEGORY_Cf))
			return err_set(err, MC_EINVAL, _("holds an invisible character "
			    "(U+%04X) at character %zu"), (unsigned)c, at);
		p += len;
	}
	/* `at` counts the text as written; only when that is over the limit
	 * is it worth counting what would be stored (NFC, spaces collapsed) */
	if (max_chars > 0 && at > max_chars) {
		char *clean = vntext_clean(s, err);
		size_t n;

		if (clean == NULL)
			return -1;
		n = vntext_chars(clean);
		free(clean);
		if (n > max_chars)
			return err_set(err, MC_EINVAL, _("is %zu characters long, more "
			    "than the %zu allowed"), n, max_chars);
	}
	return 0;
}
