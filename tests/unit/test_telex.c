/* test_telex.c — the Telex and VNI input engine, key by key. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "motcua/telex.h"
#include "tap.h"

enum { O = 0, N = 1 };		/* tone style: old "hòa", new "hoà" */
#define T TELEX_TELEX
#define V TELEX_VNI

/* keys → word; '<' in keys is Backspace. */
static const struct vec {
	enum telex_mode mode;
	int style;
	const char *keys;
	const char *want;
} vecs[] = {
	/* shape keys */
	{T, O, "aa", "â"}, {T, O, "aw", "ă"}, {T, O, "ee", "ê"},
	{T, O, "oo", "ô"}, {T, O, "ow", "ơ"}, {T, O, "uw", "ư"},
	{T, O, "dd", "đ"}, {T, O, "ddi", "đi"}, {T, O, "did", "đi"},
	{T, O, "dod", "đo"}, {T, O, "ddoongf", "đồng"},
	/* w alone */
	{T, O, "w", "ư"}, {T, O, "tw", "tư"}, {T, O, "nhw", "như"},
	{T, O, "mwa", "mưa"}, {T, O, "twf", "từ"}, {T, O, "W", "Ư"},
	/* repeating a key undoes it and types the letter */
	{T, O, "ass", "as"}, {T, O, "ddd", "dd"}, {T, O, "aaa", "aa"},
	{T, O, "eee", "ee"}, {T, O, "ooo", "oo"}, {T, O, "aww", "aw"},
	{T, O, "oww", "ow"}, {T, O, "uww", "uw"}, {T, O, "ww", "w"},
	{T, O, "www", "ww"}, {T, O, "assss", "asss"}, {T, O, "zz", "zz"},
	{T, O, "tesst", "test"}, {T, O, "xooong", "xoong"},
	{T, O, "thuowngw", "thuongw"},
	/* z removes the tone; another tone key replaces it */
	{T, O, "asz", "a"}, {T, O, "asf", "à"}, {T, O, "vieetjs", "viết"},
	{T, O, "hoafz", "hoa"},
	/* free placement of tone and shape keys */
	{T, O, "nguyenxe", "nguyễn"}, {T, O, "nguyeenx", "nguyễn"},
	{T, O, "vietej", "việt"}, {T, O, "tuongwf", "tường"},
	{T, O, "truongwf", "trường"}, {T, O, "truwowngf", "trường"},
	{T, O, "caya", "cây"}, {T, O, "tuana", "tuân"},
	{T, O, "tiesnge", "tiếng"}, {T, O, "toasn", "toán"},
	{T, O, "hoawcj", "hoặc"}, {T, O, "nguoiwf", "người"},
	/* the tone moves as letters are added */
	{T, O, "hoaf", "hòa"}, {T, O, "hoafn", "hoàn"}, {T, O, "hoafnh", "hoành"},
	{T, O, "tuir", "tủi"}, {T, O, "khuyru", "khuỷu"}, {T, O, "ngoafi", "ngoài"},
	{T, O, "thuyr", "thủy"}, {T, O, "thuyrn", "thuỷn"},
	/* tone placement, old style */
	{T, O, "toans", "toán"}, {T, O, "quyeets", "quyết"},
	{T, O, "khoer", "khỏe"}, {T, O, "mias", "mía"}, {T, O, "muas", "múa"},
	{T, O, "cuar", "của"}, {T, O, "nguowif", "người"},
	{T, O, "thuowr", "thuở"}, {T, O, "tieengs", "tiếng"},
	{T, O, "chuyeenj", "chuyện"}, {T, O, "truyeenf", "truyền"},
	{T, O, "ngoaif", "ngoài"}, {T, O, "khuyur", "khuỷu"},
	{T, O, "ruouwj", "rượu"}, {T, O, "huwux", "hữu"},
	{T, O, "khuaays", "khuấy"}, {T, O, "muoons", "muốn"},
	{T, O, "xoay", "xoay"}, {T, O, "xoayf", "xoày"}, {T, O, "ngoeoj", "ngoẹo"},
	{T, O, "khuya", "khuya"},
	/* tone placement, new style */
	{T, N, "hoaf", "hoà"}, {T, N, "thuyr", "thuỷ"}, {T, N, "khoer", "khoẻ"},
	{T, N, "mias", "mía"}, {T, N, "muas", "múa"}, {T, N, "tuir", "tủi"},
	{T, N, "hoafn", "hoàn"}, {T, N, "nguowif", "người"},
	{T, N, "HOAF", "HOÀ"},
	/* qu and gi */
	{T, O, "quyeenf", "quyền"}, {T, O, "quas", "quá"}, {T, O, "quoocs", "quốc"},
	{T, O, "quow", "quơ"}, {T, O, "quys", "quý"}, {T, O, "giuwax", "giữa"},
	{T, O, "gif", "gì"}, {T, O, "gir", "gỉ"}, {T, O, "giaf", "già"},
	{T, O, "gifn", "gìn"}, {T, O, "gieengs", "giếng"},
	{T, O, "giaays", "giấy"},
	/* uơ alone, ươ with a following letter */
	{T, O, "uow", "uơ"}, {T, O, "huow", "huơ"}, {T, O, "thuow", "thuơ"},
	{T, O, "thuowng", "thương"}, {T, O, "thuowngf", "thường"},
	{T, O, "muowif", "mười"}, {T, O, "ruowuj", "rượu"},
	{T, O, "truwow", "trươ"}, {T, O, "uown", "ươn"},
	/* capitals */
	{T, O, "DDaij", "Đại"}, {T, O, "Ddaij", "Đại"}, {T, O, "VIEETJ", "VIỆT"},
	{T, O, "Nguyeenx", "Nguyễn"}, {T, O, "Vieetj", "Việt"},
	{T, O, "DDOONGF", "ĐỒNG"}, {T, O, "Truwowngf", "Trường"},
	{T, O, "TRUWOWNGF", "TRƯỜNG"}, {T, O, "Aas", "Ấ"}, {T, O, "ASS", "AS"},
	{T, O, "GIUWAX", "GIỮA"},
	/* words that cannot be Vietnamese stay as typed */
	{T, O, "windows", "windows"}, {T, O, "email", "email"},
	{T, O, "https", "https"}, {T, O, "xyz", "xyz"}, {T, O, "text", "text"},
	{T, O, "class", "class"}, {T, O, "google", "google"},
	{T, O, "facebook", "facebook"}, {T, O, "word", "word"},
	{T, O, "server", "server"}, {T, O, "zoom", "zoom"},
	{T, O, "batf", "batf"}, {T, O, "bats", "bát"}, {T, O, "batj", "bạt"},
	{T, O, "Microsoft", "Microsoft"},
	/* Backspace removes the last key and re-evaluates the word */
	{T, O, "vieet<", "viê"}, {T, O, "tieengs<", "tiêng"}, {T, O, "ass<", "á"},
	{T, O, "dd<", "d"}, {T, O, "hoafn<", "hòa"}, {T, O, "hoafn<<", "hoa"},
	{T, O, "windows<<<<<", "ưi"}, {T, O, "a<", ""}, {T, O, "<", ""},
	{T, O, "nguyeenx<", "nguyên"}, {T, O, "DDaij<<", "Đa"},
	{T, O, "thuowng<<", "thuơ"}, {T, O, "ddd<", "đ"}, {T, O, "text<", "tẽ"},
	{T, O, "text<t", "text"},
	/* VNI */
	{V, O, "a1", "á"}, {V, O, "a2", "à"}, {V, O, "a3", "ả"}, {V, O, "a4", "ã"},
	{V, O, "a5", "ạ"}, {V, O, "a6", "â"}, {V, O, "a8", "ă"}, {V, O, "e6", "ê"},
	{V, O, "o6", "ô"}, {V, O, "o7", "ơ"}, {V, O, "u7", "ư"}, {V, O, "d9", "đ"},
	{V, O, "a11", "a1"}, {V, O, "a66", "a6"}, {V, O, "d99", "d9"},
	{V, O, "o77", "o7"}, {V, O, "a88", "a8"}, {V, O, "a10", "a"},
	{V, O, "a12", "à"}, {V, O, "Vie65t", "Việt"}, {V, O, "vie6t5", "việt"},
	{V, O, "nguye6n4", "nguyễn"}, {V, O, "nguyen46", "nguyễn"},
	{V, O, "thu7o7ng2", "thường"}, {V, O, "truong72", "trường"},
	{V, O, "nguoi72", "người"}, {V, O, "thuo73", "thuở"}, {V, O, "thuo7", "thuơ"},
	{V, O, "hoa2", "hòa"}, {V, N, "hoa2", "hoà"}, {V, O, "hoa2n", "hoàn"},
	{V, O, "kho3e", "khỏe"}, {V, N, "kho3e", "khoẻ"}, {V, N, "thuy3", "thuỷ"},
	{V, O, "D9ai5", "Đại"}, {V, O, "D9A5I", "ĐẠI"}, {V, O, "qua1", "quá"},
	{V, O, "gi2", "gì"}, {V, O, "giu7a4", "giữa"}, {V, O, "quye6n2", "quyền"},
	{V, O, "a8n1", "ắn"}, {V, O, "ho7p5", "hợp"}, {V, O, "ba1t", "bát"},
	{V, O, "bat2", "bat2"}, {V, O, "2025", "2025"}, {V, O, "w", "w"},
	{V, O, "tu7", "tư"}, {V, O, "xin0", "xin0"}, {V, O, "ngoai2", "ngoài"},
	{V, O, "khuy3u", "khuỷu"}, {V, O, "chuye6n5", "chuyện"},
	{V, O, "Vie65t<", "Việ"}, {V, O, "a11<", "á"}, {V, O, "tuoi7", "tươi"},
	/* the oao cluster, tone on the middle vowel */
	{T, O, "khoaof", "khoào"}, {T, O, "khoafo", "khoào"}, {T, O, "ngoaos", "ngoáo"},
	{T, O, "ngoaso", "ngoáo"}, {T, N, "ngoaos", "ngoáo"}, {T, O, "NGOAOS", "NGOÁO"},
	{V, O, "kho2ao", "khoào"}, {V, O, "ngoao1", "ngoáo"}, {T, O, "khoaof<", "khoao"},
	/* a repeated key after other marks keeps those marks */
	{T, O, "tooss", "tôs"}, {T, O, "Tooss", "Tôs"}, {T, O, "toosst", "tôst"},
	{T, O, "ddaass", "đâs"}, {T, O, "vieejj", "viêj"}, {T, O, "tooss<", "tố"},
	{V, O, "to611", "tô1"},
	/* a tone after qu, before the vowel */
	{T, O, "qufa", "quà"}, {T, O, "quf", "qù"}, {T, O, "qusy", "quý"},
	{T, O, "qujy", "quỵ"}, {T, O, "QUFA", "QUÀ"}, {T, O, "quran", "quản"},
	{T, O, "qufaa", "quầ"}, {T, O, "qufa<", "qù"}, {V, O, "qu2a", "quà"},
	{T, O, "quw", "quw"}, {T, O, "qun", "qun"},
	{V, O, "hoa8c5", "hoặc"}, {V, O, "hoa7c", "hoa7c"}, {V, O, "as", "as"}, {V, O, "tieng61", "tiếng"},
};

static const char *
type_keys(struct telex *t, const char *keys)
{
	for (const char *p = keys; *p != '\0'; p++) {
		if (*p == '<')
			(void)telex_backspace(t);
		else if (!telex_key(t, *p))
			return "(key refused)";
	}
	return telex_word(t);
}

static void
test_vectors(void)
{
	struct telex t;
	size_t n = sizeof vecs / sizeof *vecs;

	for (size_t i = 0; i < n; i++) {
		const struct vec *v = &vecs[i];
		telex_init(&t, v->mode, v->style == N);
		is_str(type_keys(&t, v->keys), v->want, "%s %s \"%s\" -> \"%s\"",
		    v->mode == T ? "telex" : "vni", v->style == N ? "new" : "old",
		    v->keys, v->want);
	}
	ok(n >= 150, "%zu key vectors", n);
}

/* Every tone on every vowel, both modes: columns none sắc huyền hỏi ngã nặng. */
static void
test_every_vowel(void)
{
	static const struct {
		const char *telex, *vni, *forms;
	} vowels[] = {
		{"a", "a", "aáàảãạ"}, {"aw", "a8", "ăắằẳẵặ"}, {"aa", "a6", "âấầẩẫậ"},
		{"e", "e", "eéèẻẽẹ"}, {"ee", "e6", "êếềểễệ"}, {"i", "i", "iíìỉĩị"},
		{"o", "o", "oóòỏõọ"}, {"oo", "o6", "ôốồổỗộ"}, {"ow", "o7", "ơớờởỡợ"},
		{"u", "u", "uúùủũụ"}, {"uw", "u7", "ưứừửữự"}, {"y", "y", "yýỳỷỹỵ"},
	};
	static const char tk[] = "sfrxj", vk[] = "12345";
	struct telex t;

	for (size_t v = 0; v < sizeof vowels / sizeof *vowels; v++) {
		const char *f = vowels[v].forms;
		char want[8];
		size_t len;

		f += (unsigned char)*f < 0x80 ? 1 : 2;	/* skip the bare vowel */
		for (int tone = 0; tone < 5; tone++) {
			char keys[8];

			len = (unsigned char)*f < 0x80 ? 1 : (unsigned char)*f < 0xE0 ? 2 : 3;
			memcpy(want, f, len);
			want[len] = '\0';
			f += len;
			telex_init(&t, TELEX_TELEX, false);
			snprintf(keys, sizeof keys, "%s%c", vowels[v].telex, tk[tone]);
			is_str(type_keys(&t, keys), want, "telex \"%s\" -> \"%s\"", keys, want);
			telex_init(&t, TELEX_VNI, false);
			snprintf(keys, sizeof keys, "%s%c", vowels[v].vni, vk[tone]);
			is_str(type_keys(&t, keys), want, "vni \"%s\" -> \"%s\"", keys, want);
		}
	}
}

static void
test_keys_refused(void)
{
	struct telex t;

	telex_init(&t, TELEX_TELEX, false);
	ok(!telex_key(&t, ' '), "telex: space is not a word key");
	ok(!telex_key(&t, '1'), "telex: a digit is not a word key");
	ok(!telex_key(&t, ','), "telex: a comma is not a word key");
	ok(!telex_key(&t, (char)0xC3), "telex: a non-ASCII byte is not a word key");
	ok(!telex_backspace(&t), "backspace on an empty word is refused");
	ok(telex_key(&t, 'a') && telex_key(&t, 's'), "telex: letters are word keys");
	is_str(telex_word(&t), "á", "the word so far is kept after refused keys");
	telex_reset(&t);
	is_str(telex_word(&t), "", "telex_reset empties the word");
	telex_init(&t, TELEX_VNI, false);
	ok(telex_key(&t, '1'), "vni: a digit is a word key");
	for (int i = 1; i < TELEX_MAX_KEYS; i++)
		(void)telex_key(&t, 'a');
	ok(!telex_key(&t, 'a'), "key %d of a word is refused", TELEX_MAX_KEYS + 1);
	is_int((long long)strlen(telex_word(&t)), TELEX_MAX_KEYS,
	    "an over-long word is shown as typed");
}

static void
convert_is(const char *in, enum telex_mode mode, bool new_style, const char *want)
{
	struct mc_err err;
	char *got = telex_convert(in, mode, new_style, &err);

	is_str(got, want, "convert %s %s \"%s\"", mode == T ? "telex" : "vni",
	    new_style ? "new" : "old", in);
	free(got);
}

static void
test_convert(void)
{
	struct mc_err err;
	char *got;

	convert_is("Nguyeenx Vawn Anhs", T, false, "Nguyễn Văn Ánh");
	convert_is("Nguyeenx Vawn Aanh", T, false, "Nguyễn Văn Ânh");
	convert_is("Coongj hoaf xax hooij chur nghiax Vieetj Nam", T, false,
	    "Cộng hòa xã hội chủ nghĩa Việt Nam");
	convert_is("Coongj hoaf xax hooij chur nghiax Vieetj Nam", T, true,
	    "Cộng hoà xã hội chủ nghĩa Việt Nam");
	convert_is("DDown ddeef nghij, caaps laij: giaays khai sinh!", T, false,
	    "Đơn đề nghị, cấp lại: giấy khai sinh!");
	convert_is("  Truwowngf  THCS\tsoos 2\n", T, false,
	    "  Trường  THCS\tsố 2\n");
	convert_is("email: ubnd@example.com, https://dichvucong.gov.vn", T, false,
	    "email: ubnd@example.com, https://dichvucong.gov.vn");
	convert_is("Hà Nội xin chaof", T, false, "Hà Nội xin chào");
	convert_is("Ha\xcc\x80 No\xcc\x82\xcc\xa3i", T, false, "Hà Nội");
	convert_is("abc123 as1 mp3", T, false, "abc123 as1 mp3");
	convert_is("Vie65t Nam 2025, ngay2 15", V, false, "Việt Nam 2025, ngày 15");
	convert_is("", T, false, "");
	convert_is("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaas x", T, false,
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaas x");
	err.kind = MC_OK;
	got = telex_convert("abc \xff def", T, false, &err);
	ok(got == NULL && err.kind == MC_EINVAL, "convert: invalid UTF-8 is refused");
	free(got);
}

int
main(void)
{
	test_vectors();
	test_every_vowel();
	test_keys_refused();
	test_convert();
	return tap_done();
}
