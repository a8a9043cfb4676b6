/* test_field.c — the one-line text field (src/ui/w-field.c) as the screens
 * drive it: keys through the action table, characters as text.  UTF-8 and
 * wide characters, Telex and VNI composition, the cursor, Ctrl-A/E/U,
 * Backspace over a composed letter, the kinds of field, the limits. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tap.h"
#include "ui-int.h"

/* The key state of the lookup's text field, and of the procedure search
 * (where Home and End belong to the list). */
#define TEXT (KM_LOOKUP | KF_TEXT)
#define SEARCH (KM_PROCEDURE | KF_TEXT)

static struct ui u;

/* One key, as handle_key gives it to a screen that passes it on. */
static bool
key_in(struct w_field *f, int k, keymask m)
{
	return w_field_key(&u, f, k, keys_action(k, m));
}

static bool
key(struct w_field *f, int k)
{
	return key_in(f, k, f->kind == FK_CHOICE ? KM_LOOKUP | KF_CHOICE : TEXT);
}

/* Type a UTF-8 string, one character a key. */
static void
type(struct w_field *f, const char *s)
{
	mbstate_t ps;

	memset(&ps, 0, sizeof ps);
	while (*s != '\0') {
		wchar_t wc;
		size_t n = mbrtowc(&wc, s, strlen(s), &ps);

		if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
			return;
		key(f, (int)wc);
		s += n;
	}
}

/* The field's value as UTF-8, in a static buffer. */
static const char *
value(const struct w_field *f)
{
	static char buf[FIELD_MAX * 4 + 1];
	char *v = w_field_get(f);

	snprintf(buf, sizeof buf, "%s", v != NULL ? v : "(null)");
	free(v);
	return buf;
}

static void
test_utf8(void)
{
	struct w_field f;

	u.telex = false;
	w_field_init(&f, "Name", FK_TEXT, true);
	is_str(value(&f), "", "a new field is empty");
	type(&f, "abc");
	is_str(value(&f), "abc", "letters typed");
	w_field_set(&f, "Nguyễn Văn An");
	is_str(value(&f), "Nguyễn Văn An", "set and get: UTF-8 both ways");
	is_int((long long)f.len, 13, "13 characters, not bytes");
	is_int((long long)f.cur, 13, "the cursor at the end");
	type(&f, " Ánh");
	is_str(value(&f), "Nguyễn Văn An Ánh", "precomposed Vietnamese letters typed as they are");
	w_field_set(&f, "ab");
	key(&f, UK(KEY_LEFT));
	type(&f, "中");
	is_str(value(&f), "a中b", "a wide character typed between two letters");
	is_int((long long)f.len, 3, "one character for it");
	is_int((long long)f.cur, 2, "the cursor after it");
	key(&f, UK(KEY_BACKSPACE));
	is_str(value(&f), "ab", "Backspace takes it away whole");
	type(&f, "ｶ😀");
	is_str(value(&f), "aｶ😀b", "a half-width and an emoji");
}

static void
test_telex(void)
{
	struct w_field f, g;

	u.telex = true;
	u.vni = false;
	w_field_init(&f, "Name", FK_TEXT, true);
	type(&f, "Nguyeenx Vawn An");
	is_str(value(&f), "Nguyễn Văn An", "Telex: Nguyeenx Vawn An");
	w_field_set(&f, "");
	type(&f, "dduwowngf");
	is_str(value(&f), "đường", "Telex: dduwowngf");
	w_field_set(&f, "");
	type(&f, "Vieejt");
	is_str(value(&f), "Việt", "Telex: Vieejt");
	key(&f, UK(KEY_BACKSPACE));
	is_str(value(&f), "Việ", "Backspace in the word undoes its last key (t)");
	key(&f, UK(KEY_BACKSPACE));
	is_str(value(&f), "Viê", "and the next (the tone j)");
	key(&f, UK(KEY_BACKSPACE));
	is_str(value(&f), "Vie", "and the next (the circumflex's e)");
	w_field_set(&f, "");
	type(&f, "Vieejt ");
	key(&f, UK(KEY_BACKSPACE));
	is_str(value(&f), "Việt", "after the word: Backspace takes the space");
	key(&f, UK(KEY_BACKSPACE));
	key(&f, UK(KEY_BACKSPACE));
	is_str(value(&f), "Vi", "then whole letters: ệ goes at once, with its marks");
	w_field_set(&f, "");
	type(&f, "Vie");
	w_field_commit(&f);
	type(&f, "e");
	is_str(value(&f), "Viee", "after a commit the next key starts a new word");
	w_field_set(&f, "An");
	key(&f, UK(KEY_HOME));
	type(&f, "Bas ");
	is_str(value(&f), "Bá An", "a word typed before the text");

	u.telex = false;	/* Ctrl-T: EN */
	w_field_set(&f, "");
	type(&f, "Nguyeenx");
	is_str(value(&f), "Nguyeenx", "input off: the keys as typed");
	u.telex = true;
	w_field_init(&g, "Code", FK_TEXT, false);
	type(&g, "dd");
	is_str(value(&g), "dd", "a field that takes no Vietnamese: no Telex");

	u.vni = true;
	w_field_set(&f, "");
	type(&f, "Vie65t");
	is_str(value(&f), "Việt", "VNI: Vie65t");
	w_field_set(&f, "");
	type(&f, "so 12");
	is_str(value(&f), "so 12", "VNI: digits after a space are digits");
	u.vni = false;
}

static void
test_cursor(void)
{
	struct w_field f;

	u.telex = false;
	w_field_init(&f, "Find", FK_TEXT, true);
	w_field_set(&f, "abcd");
	ok(key(&f, UK(KEY_HOME)), "Home is used");
	is_int((long long)f.cur, 0, "Home: the start");
	type(&f, "x");
	is_str(value(&f), "xabcd", "typed at the start");
	ok(key(&f, UK(KEY_END)), "End is used");
	is_int((long long)f.cur, 5, "End: the end");
	key(&f, UK(KEY_LEFT));
	key(&f, UK(KEY_LEFT));
	is_int((long long)f.cur, 3, "← twice");
	key(&f, UK(KEY_DC));
	is_str(value(&f), "xabd", "Delete takes the character at the cursor");
	key(&f, UK(KEY_RIGHT));
	key(&f, UK(KEY_RIGHT));
	key(&f, UK(KEY_RIGHT));
	is_int((long long)f.cur, 4, "→ stops at the end");
	key(&f, UK(KEY_DC));
	is_str(value(&f), "xabd", "Delete at the end: nothing");
	ok(key(&f, UK_CTRL('a')), "Ctrl-A is used");
	is_int((long long)f.cur, 0, "Ctrl-A: the start");
	key(&f, UK(KEY_LEFT));
	is_int((long long)f.cur, 0, "← stops at the start");
	key(&f, UK(KEY_BACKSPACE));
	is_str(value(&f), "xabd", "Backspace at the start: nothing");
	ok(key(&f, UK_CTRL('e')), "Ctrl-E is used");
	is_int((long long)f.cur, 4, "Ctrl-E: the end");
	ok(key(&f, UK_CTRL('u')), "Ctrl-U is used");
	is_str(value(&f), "", "Ctrl-U clears the field");
	is_int((long long)f.len + (long long)f.cur, 0, "empty, the cursor at 0");
	ok(!key(&f, UK_CTRL('b')), "another control key is not used");
	ok(!key(&f, UK(KEY_UP)), "↑ is not the field's");
	is_str(value(&f), "", "and types nothing");

	/* the procedure search: Home and End move in the list, Ctrl-A/E in the field */
	w_field_set(&f, "abc");
	ok(!key_in(&f, UK(KEY_HOME), SEARCH), "Home on the procedures: not the field's");
	is_int((long long)f.cur, 3, "the cursor stays");
	ok(key_in(&f, UK_CTRL('a'), SEARCH), "Ctrl-A there is the field's");
	is_int((long long)f.cur, 0, "the start");

	/* letters that are keys elsewhere are text in a field */
	w_field_set(&f, "");
	type(&f, "pseia 12");
	is_str(value(&f), "pseia 12", "p s e i a, Space and digits are text in a field");
}

static void
test_kinds(void)
{
	static const char *const three[] = { "one", "two", "three", NULL };
	struct w_field f;

	u.telex = true;
	w_field_init(&f, "ID", FK_DIGITS, false);
	type(&f, "0870a84-000.999+");
	is_str(value(&f), "0870" "84-000.999+", "digits: letters refused");
	w_field_init(&f, "Date", FK_DATE, false);
	type(&f, "2x0/11/2026 ");
	is_str(value(&f), "20/11/2026", "a date: letters and spaces refused");
	w_field_init(&f, "Who", FK_CHOICE, false);
	f.choices = three;
	is_str(value(&f), "0", "a choice: the first");
	ok(key(&f, ' '), "Space is used");
	is_int(f.choice, 1, "Space: the next");
	key(&f, UK(KEY_RIGHT));
	is_int(f.choice, 2, "→: the next");
	key(&f, UK(KEY_RIGHT));
	is_int(f.choice, 0, "→ after the last: the first");
	key(&f, UK(KEY_LEFT));
	is_int(f.choice, 2, "← before the first: the last");
	ok(key(&f, '2'), "a digit is used");
	is_int(f.choice, 1, "2: the second");
	ok(!key(&f, '4'), "4 of three: not used");
	is_int(f.choice, 1, "and changes nothing");
	ok(!key(&f, 'x'), "a letter on a choice: not used");
	is_str(value(&f), "1", "the value is the choice's number");
}

static void
test_limits(void)
{
	struct w_field f;
	char big[FIELD_MAX * 3 + 8];

	u.telex = false;
	w_field_init(&f, "Address", FK_TEXT, true);
	for (int i = 0; i < FIELD_MAX + 20; i++)
		key(&f, 'x');
	is_int((long long)f.len, FIELD_MAX, "typing stops at FIELD_MAX characters");
	is_int((long long)strlen(value(&f)), FIELD_MAX, "the value holds them all");
	memset(big, 0, sizeof big);
	for (size_t i = 0; i + 2 < sizeof big - 8; i += 2)
		memcpy(big + i, "ă", 2);
	w_field_set(&f, big);
	is_int((long long)f.len, FIELD_MAX, "a longer value set: cut at FIELD_MAX characters");
	is_int((long long)strlen(value(&f)), FIELD_MAX * 2, "whole two-byte letters");
	w_field_set(&f, "\xff\xfe bad");
	is_str(value(&f), "", "a value that is not UTF-8: empty");

	/* a Telex word at the end of a full field never overflows it */
	u.telex = true;
	w_field_set(&f, "");
	u.telex = false;
	for (int i = 0; i < FIELD_MAX - 2; i++)
		key(&f, 'x');
	u.telex = true;
	type(&f, "nguyeenx");
	ok(f.len <= FIELD_MAX, "a word at the limit stays within it (%zu)", f.len);
	ok(f.buf[f.len] == L'\0' && f.cur <= f.len, "and the field stays whole");
	key(&f, UK(KEY_BACKSPACE));
	ok(f.len <= FIELD_MAX && f.cur <= f.len, "Backspace there too");
}

/* A field that takes the chip card's QR: from the '|' on, the scan is
 * text as typed, whatever the kind, and Telex leaves it alone. */
static void
test_scan(void)
{
	struct w_field f;

	u.telex = true;
	u.vni = false;
	w_field_init(&f, "ID number", FK_DIGITS, false);
	f.scan = true;
	type(&f, "087084000999|361234567|Nguyeenx Vawn An|01051984|Nam|Aaps 3|10082021");
	is_str(value(&f), "087084000999|361234567|Nguyeenx Vawn An|01051984|Nam|Aaps 3|"
	    "10082021", "a digits field takes the whole scan, as typed");
	ok(f.scanning, "the field knows a scan is coming in");
	w_field_commit(&f);
	ok(!f.scanning, "Enter (the commit) ends the scan");
	w_field_set(&f, "");
	type(&f, "08a");
	is_str(value(&f), "08", "without a '|' the field is a digits field again");

	w_field_init(&f, "Find:", FK_TEXT, true);
	f.scan = true;
	type(&f, "087084000999||Nguyeenx|01051984|Nam|Aaps|10082021");
	is_str(value(&f), "087084000999||Nguyeenx|01051984|Nam|Aaps|10082021",
	    "a search box with Telex on: the scan is not composed");
	w_field_set(&f, "");
	type(&f, "Nguyeenx");
	is_str(value(&f), "Nguyễn", "typing there is composed as before");
	u.telex = false;
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		printf("Bail out! no C.UTF-8 locale: the field needs UTF-8\n");
		return 1;
	}
	test_utf8();
	test_telex();
	test_cursor();
	test_kinds();
	test_limits();
	test_scan();
	return tap_done();
}
