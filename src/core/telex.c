/* telex.c — the built-in Telex and VNI input engine.
 *
 * The word is kept as letters (a base letter, a shape mark, a case) plus
 * one tone for the whole syllable.  Each key is either a letter, which is
 * appended, or a modifier (tone, circumflex, horn/breve, stroke), which
 * changes a letter already there.  A modifier applies only if the word
 * stays a possible Vietnamese syllable (or the start of one); otherwise
 * the key is taken as a plain letter.  Pressing a modifier whose effect
 * is already there undoes it and types the key as a letter ("ass" → "as");
 * that key is then a plain letter for the rest of the word, and the other
 * marks stay ("tooss" → "tôs").
 *
 * The tone is stored once and placed on a vowel only when the word is
 * shown, so it moves by itself as letters are added ("hòa" + n → "hoàn").
 * A word that is not a possible syllable is shown as typed (its keys
 * minus those that undid a mark): "windows", "email", "text"; one made
 * so by an undo, as its letters were spelt then, and the keys after.
 *
 * Backspace forgets the last key and replays the others: a word has at
 * most TELEX_MAX_KEYS keys, so that costs a few microseconds at most; a
 * plain key costs one pass over the word.  Nothing is allocated. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/telex.h"

enum { MK_NONE, MK_HAT, MK_HORN, MK_BREVE, MK_STROKE };

#define LF_UPPER 1u	/* typed in upper case */
#define LF_FROM_W 2u	/* an ư typed as a lone w (undone back to "w") */

/* What a key does (in the current mode). */
enum kind {
	K_LETTER,
	K_TONE,		/* arg: the tone 1..5 */
	K_NOTONE,	/* Telex z, VNI 0 */
	K_HAT,		/* arg: the vowel (Telex aa ee oo), or 0 for VNI 6 */
	K_HORN_BREVE,	/* Telex w: ư ơ ă */
	K_HORN,		/* VNI 7: ư ơ */
	K_BREVE,	/* VNI 8: ă */
	K_STROKE	/* Telex d, VNI 9: đ */
};

/* Precomposed vowels: row = vowel with its shape mark, column = tone
 * (none, sắc, huyền, hỏi, ngã, nặng); the upper-case table follows. */
enum { V_A, V_A8, V_A6, V_E, V_E6, V_I, V_O, V_O6, V_O7, V_U, V_U7, V_Y, NVOWEL };
static const uint16_t vowel_cp[2][NVOWEL][6] = { {
	{0x0061, 0x00E1, 0x00E0, 0x1EA3, 0x00E3, 0x1EA1},	/* aáàảãạ */
	{0x0103, 0x1EAF, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EB7},	/* ăắằẳẵặ */
	{0x00E2, 0x1EA5, 0x1EA7, 0x1EA9, 0x1EAB, 0x1EAD},	/* âấầẩẫậ */
	{0x0065, 0x00E9, 0x00E8, 0x1EBB, 0x1EBD, 0x1EB9},	/* eéèẻẽẹ */
	{0x00EA, 0x1EBF, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EC7},	/* êếềểễệ */
	{0x0069, 0x00ED, 0x00EC, 0x1EC9, 0x0129, 0x1ECB},	/* iíìỉĩị */
	{0x006F, 0x00F3, 0x00F2, 0x1ECF, 0x00F5, 0x1ECD},	/* oóòỏõọ */
	{0x00F4, 0x1ED1, 0x1ED3, 0x1ED5, 0x1ED7, 0x1ED9},	/* ôốồổỗộ */
	{0x01A1, 0x1EDB, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EE3},	/* ơớờởỡợ */
	{0x0075, 0x00FA, 0x00F9, 0x1EE7, 0x0169, 0x1EE5},	/* uúùủũụ */
	{0x01B0, 0x1EE9, 0x1EEB, 0x1EED, 0x1EEF, 0x1EF1},	/* ưứừửữự */
	{0x0079, 0x00FD, 0x1EF3, 0x1EF7, 0x1EF9, 0x1EF5},	/* yýỳỷỹỵ */
}, {
	{0x0041, 0x00C1, 0x00C0, 0x1EA2, 0x00C3, 0x1EA0},	/* AÁÀẢÃẠ */
	{0x0102, 0x1EAE, 0x1EB0, 0x1EB2, 0x1EB4, 0x1EB6},	/* ĂẮẰẲẴẶ */
	{0x00C2, 0x1EA4, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EAC},	/* ÂẤẦẨẪẬ */
	{0x0045, 0x00C9, 0x00C8, 0x1EBA, 0x1EBC, 0x1EB8},	/* EÉÈẺẼẸ */
	{0x00CA, 0x1EBE, 0x1EC0, 0x1EC2, 0x1EC4, 0x1EC6},	/* ÊẾỀỂỄỆ */
	{0x0049, 0x00CD, 0x00CC, 0x1EC8, 0x0128, 0x1ECA},	/* IÍÌỈĨỊ */
	{0x004F, 0x00D3, 0x00D2, 0x1ECE, 0x00D5, 0x1ECC},	/* OÓÒỎÕỌ */
	{0x00D4, 0x1ED0, 0x1ED2, 0x1ED4, 0x1ED6, 0x1ED8},	/* ÔỐỒỔỖỘ */
	{0x01A0, 0x1EDA, 0x1EDC, 0x1EDE, 0x1EE0, 0x1EE2},	/* ƠỚỜỞỠỢ */
	{0x0055, 0x00DA, 0x00D9, 0x1EE6, 0x0168, 0x1EE4},	/* UÚÙỦŨỤ */
	{0x01AF, 0x1EE8, 0x1EEA, 0x1EEC, 0x1EEE, 0x1EF0},	/* ƯỨỪỬỮỰ */
	{0x0059, 0x00DD, 0x1EF2, 0x1EF6, 0x1EF8, 0x1EF4},	/* YÝỲỶỸỴ */
} };

/* The vowel groups (nuclei) of Vietnamese, written VNI-like: a digit
 * after a vowel is its mark (6 circumflex, 7 horn, 8 breve).  "closed":
 * the group may be followed by a final consonant.  While a word is typed
 * a vowel without a mark also matches a marked one ("uye" will become
 * "uyê"), so an incomplete word stays valid until its marks come. */
static const struct {
	const char *v;
	bool closed;
} nuclei[] = {
	{"a", true}, {"a8", true}, {"a6", true}, {"e", true}, {"e6", true},
	{"i", true}, {"o", true}, {"o6", true}, {"o7", true}, {"u", true},
	{"u7", true}, {"y", true},
	{"ai", false}, {"ao", false}, {"au", false}, {"ay", false},
	{"a6u", false}, {"a6y", false}, {"eo", false}, {"e6u", false},
	{"ia", false}, {"ie6", true}, {"iu", false}, {"oa", true},
	{"oa8", true}, {"oe", true}, {"oi", false}, {"o6i", false},
	{"o7i", false}, {"oo", true}, {"ua", false}, {"ua6", true},
	{"ue6", true}, {"ui", false}, {"uo6", true}, {"uo7", false},
	{"u7o7", true}, {"uy", true}, {"u7a", false}, {"u7i", false},
	{"u7u", false}, {"ye6", true},
	{"ie6u", false}, {"ye6u", false}, {"oai", false}, {"oao", false},
	{"oay", false}, {"oeo", false}, {"ua6y", false}, {"uo6i", false}, {"u7o7i", false},
	{"u7o7u", false}, {"uya", false}, {"uye6", true}, {"uyu", false},
};

/* Initial consonants ('D' is đ) and final consonants. */
static const char *const initials[] = {
	"b", "c", "ch", "d", "D", "g", "gh", "gi", "h", "k", "kh", "l", "m",
	"n", "ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr",
	"v", "x",
};
static const char *const finals[] = {
	"c", "ch", "m", "n", "ng", "nh", "p", "t",
};

static bool
is_vowel(char b)
{
	return b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u' || b == 'y';
}

/* A letter of the Vietnamese alphabet (f j w z and digits are not). */
static bool
is_viet_letter(char b)
{
	return b >= 'a' && b <= 'z' && b != 'f' && b != 'j' && b != 'w' && b != 'z';
}

static char
to_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

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

/* Where the initial consonant ends and the vowel group [ns, ne) lies.
 * In "qu" the u belongs to the consonant when a vowel follows it ("qua",
 * "quý"); until one comes the u is the vowel, so a tone typed straight
 * after "qu" has a place ("quf" shows "qù", then "a" makes "quà").  In
 * "gi" the i belongs to the consonant too when a vowel follows it ("gia",
 * "giữa") but not otherwise ("gì", "gìn"). */
static void
split(const struct telex_letter *L, size_t n, size_t *ns, size_t *ne)
{
	size_t i = 0;

	while (i < n && !is_vowel(L[i].base))
		i++;
	if (i == 1 && i + 1 < n && L[0].base == 'q' && L[1].base == 'u' &&
	    L[1].mark == MK_NONE && is_vowel(L[2].base))
		i++;
	else if (i == 1 && i + 1 < n && L[0].base == 'g' && L[1].base == 'i' &&
	    L[1].mark == MK_NONE && is_vowel(L[2].base))
		i++;
	*ns = i;
	while (i < n && is_vowel(L[i].base))
		i++;
	*ne = i;
}

static bool
in_list(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

/* Does the vowel group L[0..n) match the table entry v (see nuclei)? */
static bool
nucleus_matches(const struct telex_letter *L, size_t n, const char *v)
{
	size_t i = 0;

	while (*v != '\0') {
		unsigned char mark = MK_NONE;

		if (i == n || L[i].base != v[0])
			return false;
		if (v[1] == '6')
			mark = MK_HAT;
		else if (v[1] == '7')
			mark = MK_HORN;
		else if (v[1] == '8')
			mark = MK_BREVE;
		if (L[i].mark != MK_NONE && L[i].mark != mark)
			return false;
		v += mark == MK_NONE ? 1 : 2;
		i++;
	}
	return i == n;
}

/* Could the letters, with this tone, be a Vietnamese syllable or the
 * beginning of one? */
static bool
syllable_ok(const struct telex_letter *L, size_t n, int tone)
{
	char cons[8];
	size_t ns, ne, k;
	bool closed_ok = false;

	for (size_t i = 0; i < n; i++) {
		if (!is_viet_letter(L[i].base))
			return false;
		if (L[i].mark == MK_STROKE && L[i].base != 'd')
			return false;
	}
	split(L, n, &ns, &ne);
	if (ns > 3)
		return false;
	for (k = 0; k < ns; k++)
		cons[k] = L[k].mark == MK_STROKE ? 'D' : L[k].base;
	cons[k] = '\0';
	if (ns == ne) {
		/* no vowel yet: the start of an initial consonant */
		if (tone != 0)
			return false;
		return k == 0 || strcmp(cons, "q") == 0 ||
		    in_list(cons, initials, sizeof initials / sizeof *initials);
	}
	/* "qu" with nothing after it yet: the u holds the place of the vowel
	 * to come (see split), so it takes a tone but no shape mark ("qư")
	 * and no final consonant ("qun") */
	if (strcmp(cons, "q") == 0 && ne == n && ne - ns == 1 &&
	    L[ns].base == 'u' && L[ns].mark == MK_NONE)
		return true;
	if (k > 0 && !in_list(cons, initials, sizeof initials / sizeof *initials))
		return false;
	for (size_t i = 0; i < ns; i++)
		if (L[i].mark != MK_NONE && L[i].mark != MK_STROKE)
			return false;
	if (ne - ns > 3)
		return false;
	for (size_t i = 0; i < sizeof nuclei / sizeof *nuclei; i++)
		if (nucleus_matches(L + ns, ne - ns, nuclei[i].v)) {
			if (ne == n || nuclei[i].closed) {
				closed_ok = true;
				break;
			}
		}
	if (!closed_ok)
		return false;
	if (ne == n)
		return true;
	if (n - ne > 2)
		return false;
	for (k = 0; ne + k < n; k++) {
		if (L[ne + k].mark != MK_NONE)
			return false;
		cons[k] = L[ne + k].base;
	}
	cons[k] = '\0';
	if (!in_list(cons, finals, sizeof finals / sizeof *finals))
		return false;
	/* After c ch p t only sắc and nặng (or no tone yet): "tẽt" is no word. */
	if (strchr("cpt", cons[0]) != NULL && tone != 0 && tone != 1 && tone != 5)
		return false;
	return true;
}

static bool
word_ok(const struct telex *t)
{
	return syllable_ok(t->let, t->nlet, t->tone);
}

static enum kind
classify(enum telex_mode mode, char k, int *arg)
{
	static const char tones_telex[] = "sfrxj";
	static const char tones_vni[] = "12345";
	const char *p;

	*arg = 0;
	if (mode == TELEX_TELEX) {
		if ((p = strchr(tones_telex, k)) != NULL && k != '\0') {
			*arg = (int)(p - tones_telex) + 1;
			return K_TONE;
		}
		switch (k) {
		case 'z': return K_NOTONE;
		case 'a': case 'e': case 'o': *arg = k; return K_HAT;
		case 'w': return K_HORN_BREVE;
		case 'd': return K_STROKE;
		default: return K_LETTER;
		}
	}
	if ((p = strchr(tones_vni, k)) != NULL && k != '\0') {
		*arg = (int)(p - tones_vni) + 1;
		return K_TONE;
	}
	switch (k) {
	case '0': return K_NOTONE;
	case '6': return K_HAT;
	case '7': return K_HORN;
	case '8': return K_BREVE;
	case '9': return K_STROKE;
	default: return K_LETTER;
	}
}

static size_t spell(const struct telex *t, char *out);

/* One bit a key, to remember the modifier keys undone in this word. */
static unsigned long long
key_bit(char k)
{
	if (k >= 'a' && k <= 'z')
		return 1ull << (k - 'a');
	if (k >= '0' && k <= '9')
		return 1ull << (26 + k - '0');
	return 0;
}

static void
push_letter(struct telex *t, char k, bool upper, unsigned char mark,
    unsigned char flags)
{
	struct telex_letter *l = &t->let[t->nlet++];

	l->base = k;
	l->mark = mark;
	l->flags = (unsigned char)(flags | (upper ? LF_UPPER : 0));
}

static void
push_lit(struct telex *t, char key)
{
	t->lit[t->nlit++] = key;
	t->lit[t->nlit] = '\0';
}

/* An undo: the modifier key becomes a plain letter from now on, typed at
 * the end of the word.  In lit, the key that made the mark moves to the
 * end too, so a word that is not Vietnamese shows what the letters say:
 * "ass" → "as", "thuowngw" → "thuongw". */
static void
undone(struct telex *t, char k, bool upper, bool push)
{
	size_t j = t->nlit;

	t->dead |= key_bit(k);
	if (push)
		push_letter(t, k, upper, MK_NONE, 0);
	while (j > 0 && to_lower(t->lit[j - 1]) != k)
		j--;
	if (j > 0) {
		memmove(t->lit + j - 1, t->lit + j, t->nlit - j);
		t->nlit--;
	}
	push_lit(t, upper ? (char)(k - 'a' + 'A') : k);
	/* The undo's letter ends the syllable ("toos" + s: no word has "ôs"):
	 * the marks made before it stay, so the word is shown from here on as
	 * its letters now spell it, then the keys that follow as typed:
	 * "tooss" → "tôs", "ass" → "as". */
	if (!word_ok(t))
		t->nlit = spell(t, t->lit);
}

/* Try mark m on letter i; keep it if the word stays possible. */
static bool
try_mark(struct telex *t, size_t i, unsigned char m)
{
	unsigned char old = t->let[i].mark;

	t->let[i].mark = m;
	if (word_ok(t))
		return true;
	t->let[i].mark = old;
	return false;
}

static bool
do_tone(struct telex *t, char k, bool upper, int tone, size_t ns, size_t ne)
{
	int old = t->tone;

	if (ns == ne)
		return false;
	if (tone == 0) {
		if (t->tone == 0)
			return false;
		t->tone = 0;
		return true;
	}
	if (t->tone == tone) {
		t->tone = 0;
		undone(t, k, upper, true);
		return true;
	}
	t->tone = tone;
	if (word_ok(t))
		return true;
	t->tone = old;
	return false;
}

/* Telex aa ee oo (vowel v), VNI 6 (v == 0: whichever of a e o is there). */
static bool
do_hat(struct telex *t, char k, bool upper, int v, size_t ns, size_t ne)
{
	for (size_t i = ns; i < ne; i++) {
		char b = t->let[i].base;
		if ((v != 0 ? b == v : (b == 'a' || b == 'e' || b == 'o')) &&
		    t->let[i].mark == MK_HAT) {
			t->let[i].mark = MK_NONE;
			undone(t, k, upper, true);
			return true;
		}
	}
	for (size_t i = ns; i < ne; i++) {
		char b = t->let[i].base;
		if ((v != 0 ? b == v : (b == 'a' || b == 'e' || b == 'o')) &&
		    try_mark(t, i, MK_HAT))
			return true;
	}
	return false;
}

/* Telex w (horn and breve), VNI 7 (horn), VNI 8 (breve). */
static bool
do_horn_breve(struct telex *t, char k, bool upper, bool horn, bool breve,
    size_t ns, size_t ne)
{
	bool any = false, from_w = false;

	/* u followed by o: the horn goes on the o, and the u takes one too
	 * when a letter follows (shown so, see effective()): "thuơ" but
	 * "thương", "người". */
	if (horn)
		for (size_t i = ns; i + 1 < ne; i++) {
			if (t->let[i].base != 'u' || t->let[i + 1].base != 'o')
				continue;
			if (t->let[i + 1].mark != MK_HORN) {
				if (try_mark(t, i + 1, MK_HORN))
					return true;
				break;
			}
			t->let[i + 1].mark = MK_NONE;
			if (t->let[i].mark == MK_HORN) {
				t->let[i].mark = MK_NONE;
				if (t->let[i].flags & LF_FROM_W) {
					t->let[i].base = 'w';
					t->let[i].flags &= (unsigned char)~LF_FROM_W;
					undone(t, k, upper, false);
					return true;
				}
			}
			undone(t, k, upper, true);
			return true;
		}
	for (size_t i = ns; i < ne; i++) {
		char b = t->let[i].base;
		unsigned char m = MK_NONE;
		if (horn && (b == 'u' || b == 'o'))
			m = MK_HORN;
		else if (breve && b == 'a')
			m = MK_BREVE;
		if (m != MK_NONE && t->let[i].mark != m && try_mark(t, i, m))
			return true;
	}
	/* Nothing left to mark: undo the marks this key makes. */
	for (size_t i = ns; i < ne; i++) {
		struct telex_letter *l = &t->let[i];
		if ((horn && l->mark == MK_HORN) || (breve && l->mark == MK_BREVE)) {
			l->mark = MK_NONE;
			any = true;
			if (l->flags & LF_FROM_W) {
				l->base = 'w';
				l->flags &= (unsigned char)~LF_FROM_W;
				from_w = true;
			}
		}
	}
	if (any) {
		undone(t, k, upper, !from_w);
		return true;
	}
	/* Telex: a lone w before any vowel is ư ("tw" → "tư", "nhw" → "như"). */
	if (t->mode == TELEX_TELEX && horn && breve) {
		for (size_t i = 0; i < t->nlet; i++)
			if (is_vowel(t->let[i].base))
				return false;
		push_letter(t, 'u', upper, MK_HORN, LF_FROM_W);
		if (word_ok(t))
			return true;
		t->nlet--;
	}
	return false;
}

/* dd → đ; the second d may come later in the word ("did" → "đi"). */
static bool
do_stroke(struct telex *t, char k, bool upper)
{
	if (t->nlet == 0 || t->let[0].base != 'd')
		return false;
	if (t->let[0].mark == MK_STROKE) {
		t->let[0].mark = MK_NONE;
		undone(t, k, upper, true);
		return true;
	}
	return try_mark(t, 0, MK_STROKE);
}

/* Process one key (already stored in t->keys) into the letters. */
static void
apply_key(struct telex *t, char key)
{
	char k = to_lower(key);
	bool upper = key != k;
	size_t ns, ne;
	int arg;
	enum kind kind = classify(t->mode, k, &arg);
	bool used = false;

	/* An undone key, or any key once the word cannot be Vietnamese
	 * ("windows", "server"), is a plain letter. */
	if (kind != K_LETTER && ((t->dead & key_bit(k)) || !word_ok(t)))
		kind = K_LETTER;
	split(t->let, t->nlet, &ns, &ne);
	switch (kind) {
	case K_LETTER:
		break;
	case K_TONE:
	case K_NOTONE: {
		size_t before = t->nlet;
		used = do_tone(t, k, upper, kind == K_TONE ? arg : 0, ns, ne);
		if (used && t->nlet != before)
			return;		/* undone: not in lit */
		break;
	}
	case K_HAT: {
		unsigned long long d = t->dead;
		used = do_hat(t, k, upper, arg, ns, ne);
		if (used && t->dead != d)
			return;
		break;
	}
	case K_HORN_BREVE:
	case K_HORN:
	case K_BREVE: {
		unsigned long long d = t->dead;
		used = do_horn_breve(t, k, upper, kind != K_BREVE,
		    kind != K_HORN, ns, ne);
		if (used && t->dead != d)
			return;
		break;
	}
	case K_STROKE: {
		unsigned long long d = t->dead;
		used = do_stroke(t, k, upper);
		if (used && t->dead != d)
			return;
		break;
	}
	}
	if (!used)
		push_letter(t, k, upper, MK_NONE, 0);
	push_lit(t, key);
}

static char *
put_utf8(char *p, unsigned cp)
{
	if (cp < 0x80) {
		*p++ = (char)cp;
	} else if (cp < 0x800) {
		*p++ = (char)(0xC0 | (cp >> 6));
		*p++ = (char)(0x80 | (cp & 0x3F));
	} else {
		*p++ = (char)(0xE0 | (cp >> 12));
		*p++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*p++ = (char)(0x80 | (cp & 0x3F));
	}
	return p;
}

static int
vowel_row(const struct telex_letter *l)
{
	switch (l->base) {
	case 'a': return l->mark == MK_BREVE ? V_A8 : l->mark == MK_HAT ? V_A6 : V_A;
	case 'e': return l->mark == MK_HAT ? V_E6 : V_E;
	case 'i': return V_I;
	case 'o': return l->mark == MK_HAT ? V_O6 : l->mark == MK_HORN ? V_O7 : V_O;
	case 'u': return l->mark == MK_HORN ? V_U7 : V_U;
	case 'y': return V_Y;
	default: return -1;
	}
}

/* Which vowel of the group E[ns..ne) carries the tone.
 *  - one vowel: that one;
 *  - a vowel with a shape mark (ă â ê ô ơ ư) takes it, the later one of
 *    ươ: "người", "thuở", "tiếng", "chuyện", "truyền";
 *  - three vowels: the middle one ("ngoài", "khuỷu");
 *  - two vowels and a final consonant: the second ("toán", "hoàn");
 *  - two vowels, open: the first ("mía", "múa", "tủi", old style "hòa
 *    thủy khỏe"), except oa oe uy in the new style ("hoà thuỷ khoẻ"). */
static size_t
tone_pos(const struct telex_letter *E, size_t n, size_t ns, size_t ne,
    bool new_style)
{
	if (ne - ns == 1)
		return ns;
	for (size_t i = ne; i-- > ns;)
		if (E[i].mark == MK_HAT || E[i].mark == MK_HORN || E[i].mark == MK_BREVE)
			return i;
	if (ne - ns == 3)
		return ns + 1;
	if (ne < n)
		return ns + 1;
	if (new_style) {
		char a = E[ns].base, b = E[ns + 1].base;
		if ((a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y'))
			return ns + 1;
	}
	return ns;
}

/* The letters with their marks and the tone, as UTF-8 into out (room
 * for 3 bytes a letter and the NUL); returns the length. */
static size_t
spell(const struct telex *t, char *out)
{
	struct telex_letter E[TELEX_MAX_KEYS];
	size_t n = t->nlet, ns, ne, tp = (size_t)-1;
	char *p = out;

	memcpy(E, t->let, n * sizeof *E);
	split(E, n, &ns, &ne);
	/* ư with ơ: a horn on either and a letter after them means both
	 * ("thuơ" + ng → "thương", "ưo" + i → "ươi"); "thuơ" alone stays. */
	for (size_t i = ns; i + 1 < ne; i++)
		if (E[i].base == 'u' && E[i + 1].base == 'o' && i + 2 < n &&
		    (E[i].mark == MK_HORN || E[i + 1].mark == MK_HORN))
			E[i].mark = E[i + 1].mark = MK_HORN;
	if (t->tone != 0 && ns < ne)
		tp = tone_pos(E, n, ns, ne, t->new_style);
	for (size_t i = 0; i < n; i++) {
		int up = (E[i].flags & LF_UPPER) != 0;
		int row = vowel_row(&E[i]);

		if (row >= 0)
			p = put_utf8(p, vowel_cp[up][row][i == tp ? t->tone : 0]);
		else if (E[i].base == 'd' && E[i].mark == MK_STROKE)
			p = put_utf8(p, up ? 0x0110 : 0x0111);
		else
			*p++ = up ? (char)(E[i].base - 'a' + 'A') : E[i].base;
	}
	*p = '\0';
	return (size_t)(p - out);
}

/* Rebuild t->word from the letters (or from lit if not a word). */
static void
render(struct telex *t)
{
	if (word_ok(t))
		(void)spell(t, t->word);
	else
		memcpy(t->word, t->lit, t->nlit + 1);
}

static void
clear_word(struct telex *t)
{
	t->keys[0] = '\0';
	t->nkeys = 0;
	t->word[0] = '\0';
	t->nlet = 0;
	t->tone = 0;
	t->lit[0] = '\0';
	t->nlit = 0;
	t->dead = 0;
}

void
telex_init(struct telex *t, enum telex_mode mode, bool new_style)
{
	t->mode = mode;
	t->new_style = new_style;
	clear_word(t);
}

void
telex_reset(struct telex *t)
{
	clear_word(t);
}

bool
telex_key(struct telex *t, char key)
{
	if (!is_alpha(key) && !(t->mode == TELEX_VNI && is_digit(key)))
		return false;
	if (t->nkeys >= TELEX_MAX_KEYS)
		return false;
	t->keys[t->nkeys++] = key;
	t->keys[t->nkeys] = '\0';
	apply_key(t, key);
	render(t);
	return true;
}

bool
telex_backspace(struct telex *t)
{
	char keys[TELEX_MAX_KEYS + 1];
	size_t n = t->nkeys;

	if (n == 0)
		return false;
	memcpy(keys, t->keys, n - 1);
	clear_word(t);
	for (size_t i = 0; i + 1 < n; i++) {
		t->keys[t->nkeys++] = keys[i];
		apply_key(t, keys[i]);
	}
	t->keys[t->nkeys] = '\0';
	render(t);
	return true;
}

const char *
telex_word(const struct telex *t)
{
	return t->word;
}
