/* test_vntext.c — NFC, cleaning and search folding of Vietnamese text. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "motcua/vntext.h"
#include "tap.h"

static void
fold_is(const char *in, const char *want)
{
	struct mc_err err;
	char *got = vntext_fold(in, &err);

	is_str(got, want, "fold '%s'", in);
	free(got);
}

/* The 67 lower-case letters of Vietnamese with their base letter. */
static const char *const lower[] = {
	"aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị",
	"oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ", "đ",
};
static const char *const upper[] = {
	"AÀẢÃÁẠ", "ĂẰẲẴẮẶ", "ÂẦẨẪẤẬ", "EÈẺẼÉẸ", "ÊỀỂỄẾỆ", "IÌỈĨÍỊ",
	"OÒỎÕÓỌ", "ÔỒỔỖỐỘ", "ƠỜỞỠỚỢ", "UÙỦŨÚỤ", "ƯỪỬỮỨỰ", "YỲỶỸÝỴ", "Đ",
};
static const char base[] = "aaaeeiooouuyd";	/* one a row */

static int
fold_letters(const char *const *rows, int *count)
{
	int bad = 0;

	for (int r = 0; r < 13; r++) {
		const char *p = rows[r];
		char want[2] = {base[r], '\0'};
		while (*p != '\0') {
			char letter[8] = {0};
			int n = 1;
			while ((p[n] & 0xc0) == 0x80)
				n++;
			memcpy(letter, p, (size_t)n);
			p += n;
			char *f = vntext_fold(letter, NULL);
			if (f == NULL || strcmp(f, want) != 0) {
				printf("# %s folds to %s, want %s\n", letter, f ? f : "?", want);
				bad++;
			}
			free(f);
			if ((unsigned char)letter[0] >= 0x80)
				(*count)++;	/* the 134 are the precomposed ones */
		}
	}
	return bad;
}

int
main(void)
{
	struct mc_err err;
	char *s;
	int count = 0, bad;

	/* NFD "Nguyễn": e + circumflex + tilde */
	s = vntext_nfc("Nguye\xcc\x82\xcc\x83n", &err);
	is_str(s, "Nguyễn", "NFD becomes NFC");
	free(s);
	/* Windows keyboards: precomposed ê then a combining tone */
	s = vntext_nfc("Nguy\xc3\xaa\xcc\x83n", &err);
	is_str(s, "Nguyễn", "mixed precomposed + combining becomes NFC");
	free(s);
	s = vntext_nfc("Hòa", &err);
	is_str(s, "Hòa", "NFC stays NFC");
	free(s);
	ok(vntext_nfc("ab\xff", &err) == NULL && err.kind == MC_EINVAL,
	    "invalid UTF-8 is refused");
	ok(strstr(err.msg, "UTF-8") != NULL, "the message names UTF-8");
	ok(vntext_fold("\xc3\x28", &err) == NULL, "fold refuses invalid UTF-8 too");
	is_int((int)vntext_chars("Nguyễn Văn Ánh"), 14, "characters, not bytes: 14");
	is_int((int)vntext_chars(""), 0, "no characters in \"\"");
	is_int((int)vntext_chars("Nguye\xcc\x82\xcc\x83n"), 8,
	    "a combining mark is a code point of its own (NFD: 8)");
	ok(vntext_valid_utf8("Đ", strlen("Đ")) && !vntext_valid_utf8("\xed\xa0\x80", 3),
	    "surrogates are not UTF-8");

	s = vntext_clean("  Nguyễn   Văn\tAn  ", &err);
	is_str(s, "Nguyễn Văn An", "clean trims and collapses white space");
	free(s);

	fold_is("Nguyễn Văn Ánh", "nguyen van anh");
	fold_is("ĐẶNG THỊ ĐÀO", "dang thi dao");
	fold_is("hoà", "hoa");
	fold_is("hòa", "hoa");
	fold_is("Thuỷ", "thuy");
	fold_is("Thủy", "thuy");
	fold_is("Nguye\xcc\x82\xcc\x83n", "nguyen");
	fold_is("Đăng ký khai sinh", "dang ky khai sinh");
	fold_is("  Trường   Sa ", "truong sa");
	fold_is("", "");
	fold_is("1.001193", "1.001193");

	bad = fold_letters(lower, &count);
	bad += fold_letters(upper, &count);
	is_int(count, 134, "the 134 letters of Vietnamese");
	is_int(bad, 0, "each of them folds to its base letter");
	return tap_done();
}
