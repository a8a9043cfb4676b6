/* test_keys.c — the action table of the full-screen program (src/ui/keys.c):
 * every action has a key and a label, no key means two things in one key
 * state, dispatch gives each screen's actions, the help lists the screen's
 * own keys before the program-wide ones, and the hint bar's pages hold
 * every hint. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "motcua/report.h"
#include "motcua/vocab.h"
#include "tap.h"
#include "ui-int.h"

/* Every single map bit, and the focus states dispatch is asked with. */
static const keymask focuses[] = { 0, KF_TEXT, KF_CHOICE };

/* The rating's digits (0, then one per choice) come from the return's
 * enumeration: the key row's range must reach its last choice. */
static void
test_rating_range(void)
{
	size_t n, choices = vocab_nchoices(report_rating());
	const struct key_row *rows = keys_rows(&n);
	int found = 0;

	ok(choices > 0, "the rating has choices (%zu)", choices);
	for (size_t i = 0; i < n; i++) {
		const struct key_row *r = &rows[i];

		if (r->act != ACT_RATE)
			continue;
		found++;
		ok(r->keys[0] == '0' && r->upto >= '0' + (int)choices,
		    "the rating's digits 0..%c cover its %zu choices", r->upto, choices);
	}
	is_int(found, 1, "one row gives the rating");
}

static void
test_rows(void)
{
	size_t n;
	const struct key_row *rows = keys_rows(&n);
	bool has[ACT_COUNT] = {false};
	int bad = 0;

	ok(n > 40, "the table has its rows (%zu)", n);
	for (size_t i = 0; i < n; i++) {
		const struct key_row *r = &rows[i];

		if (r->act <= ACT_NONE || r->act >= ACT_COUNT || r->label == NULL ||
		    r->label[0] == '\0' || r->name == NULL || r->name[0] == '\0' ||
		    r->keys[0] == 0 || (r->on & KM_MAPS) == 0 ||
		    (r->upto != 0 && (r->upto < r->keys[0] || r->keys[1] != 0))) {
			printf("# row %zu (%s) is incomplete\n", i, r->name ? r->name : "?");
			bad++;
			continue;
		}
		has[r->act] = true;
	}
	is_int(bad, 0, "every row has an action, a name, a label, a key and a map");
	bad = 0;
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
		if (!has[a]) {
			printf("# action %d has no row\n", a);
			bad++;
		}
	is_int(bad, 0, "every action has a key somewhere");
}

/* In every state (one map, a focus or none), each key gives one row at
 * most, and dispatch gives that row's action. */
static void
test_unique(void)
{
	size_t n;
	const struct key_row *rows = keys_rows(&n);
	int clashes = 0, wrong = 0, states = 0;

	for (keymask map = 1; map & KM_MAPS; map <<= 1)
		for (size_t f = 0; f < sizeof focuses / sizeof focuses[0]; f++) {
			keymask m = map | focuses[f];

			states++;
			for (size_t i = 0; i < n; i++) {
				int lo = rows[i].keys[0], hi = rows[i].upto;

				for (int j = 0; j < KEYS_MAX && rows[i].keys[j] != 0; j++) {
					int from = hi ? lo : rows[i].keys[j], to = hi ? hi : from;

					for (int k = from; k <= to; k++) {
						int hits = 0;
						size_t which = 0;

						for (size_t r = 0; r < n; r++)
							if (keys_row_binds(&rows[r], k, m)) {
								hits++;
								which = r;
							}
						if (hits > 1) {
							printf("# key %#x: %d rows in state %#lx\n", k,
							    hits, m);
							clashes++;
						}
						if (hits == 1 && keys_action(k, m) != rows[which].act)
							wrong++;
						if (hits == 0 && keys_action(k, m) != ACT_NONE)
							wrong++;
					}
					if (hi)
						break;
				}
			}
		}
	ok(states == 30 * 3, "every map and focus state looked at (%d)", states);
	is_int(clashes, 0, "no two rows share a key in one state");
	is_int(wrong, 0, "dispatch gives the one row's action, or none");
}

struct want {
	int k;
	keymask m;
	enum act a;
	const char *what;
};

static void
test_dispatch(void)
{
	static const struct want w[] = {
		{UK(KEY_F(1)), KM_MAIN, ACT_HELP, "F1 on the main screen: help"},
		{UK(KEY_F(1)), KM_DATES | KF_TEXT, ACT_HELP, "F1 while typing a date: help"},
		{UK(KEY_F(2)), KM_MAIN, ACT_RECEIVE, "F2 on the main screen: receive"},
		{UK(KEY_F(2)), KM_LOOKUP | KF_TEXT, ACT_NONE, "F2 on the lookup: nothing"},
		{UK(KEY_F(10)), KM_SETUP | KF_TEXT, ACT_QUIT, "F10 on the setup: quit"},
		{UK(KEY_F(10)), KM_DETAIL, ACT_NONE, "F10 on a dossier: nothing"},
		{27, KM_DETAIL, ACT_BACK, "Esc: back"},
		{27, KM_CONFIRM, ACT_NO, "Esc in a question: no"},
		{27, KM_MESSAGE, ACT_CLOSE, "Esc on a message: close"},
		{'\n', KM_CONFIRM, ACT_YES, "Enter in a question: yes"},
		{'\r', KM_DUE, ACT_OK, "Enter (CR) on the due board: OK"},
		{'y', KM_CONFIRM, ACT_YES, "y: yes"},
		{'c', KM_CONFIRM, ACT_YES, "c (có): yes"},
		{'n', KM_CONFIRM, ACT_NO, "n: no"},
		{'k', KM_CONFIRM, ACT_NO, "k (không): no"},
		{'x', KM_CONFIRM, ACT_NONE, "another letter in a question: nothing"},
		{UK_CTRL('t'), KM_APPLICANT | KF_TEXT, ACT_TELEX, "Ctrl-T: VN/EN"},
		{UK(KEY_F(12)), KM_MAIN, ACT_TELEX, "F12: VN/EN"},
		{UK_CTRL('n'), KM_REPORT, ACT_MORE, "Ctrl-N: more hints"},
		{UK_CTRL('n'), KM_LOOKUP | KF_TEXT, ACT_MORE, "Ctrl-N in a field: more hints"},
		{'p', KM_DETAIL, ACT_PRINT, "p on a dossier: print"},
		{'p', KM_SLIP, ACT_PRINT, "p on a slip: print"},
		{'p', KM_LOOKUP | KF_TEXT, ACT_NONE, "p in the lookup's field: text"},
		{'p', KM_DETAIL | KF_TEXT, ACT_NONE,
		    "a letter that is a key never fires while a text field has the focus"},
		{'3', KM_REPORT | KF_TEXT, ACT_NONE, "nor does a digit"},
		{UK(KEY_F(2)), KM_MAIN | KF_TEXT, ACT_RECEIVE, "an F-key does"},
		{'s', KM_SLIP, ACT_SAVE, "s on a slip: save"},
		{'e', KM_REPORT, ACT_SAVE, "e on the reports: the CSV"},
		{'e', KM_SYNC, ACT_EXPORT, "e on the sync screen: export"},
		{'E', KM_SYNC, ACT_EXPORT, "E on the sync screen: export"},
		{'I', KM_SYNC, ACT_IMPORT, "I on the sync screen: import"},
		{'E', KM_REPORT, ACT_NONE, "E on the reports: nothing"},
		{'3', KM_REPORT, ACT_PERIOD, "3 on the reports: a period"},
		{'6', KM_REPORT, ACT_NONE, "6 on the reports: no period"},
		{'3', KM_DATES | KF_TEXT, ACT_NONE, "3 while typing a date: text"},
		{UK(KEY_LEFT), KM_REPORT, ACT_LEFT, "← on the reports: the columns"},
		{UK(KEY_LEFT), KM_DATES | KF_TEXT, ACT_CUR_LEFT, "← in a date: the cursor"},
		{UK(KEY_LEFT), KM_LOOKUP | KF_CHOICE, ACT_CHOICE_PREV, "← on a choice: previous"},
		{' ', KM_LOOKUP | KF_CHOICE, ACT_CHOICE_NEXT, "Space on a choice: next"},
		{' ', KM_LOOKUP | KF_TEXT, ACT_NONE, "Space in a text field: text"},
		{' ', KM_DOCS, ACT_TOGGLE, "Space on the documents: mark"},
		{'a', KM_DOCS, ACT_ALL, "a on the documents: all"},
		{'0', KM_DOCS, ACT_NTH, "0 on the documents: a digit of the item"},
		{'x', KM_PICK, ACT_NTH, "x on the actions: a step's letter"},
		{'a', KM_PICK, ACT_NTH, "a on the actions: a letter"},
		{'z', KM_PICK, ACT_NTH, "z on the actions: a letter"},
		{'9', KM_PICK, ACT_NONE, "9 on the actions: nothing (the letters stay)"},
		{'9', KM_ADMIN, ACT_NTH, "9 on F9's menu: the ninth"},
		{'2', KM_RETURN | KF_CHOICE, ACT_NTH, "2 on who collects: the second"},
		{'2', KM_RATING, ACT_RATE, "2 on the rating: satisfied"},
		{'0', KM_RATING, ACT_RATE, "0 on the rating: none"},
		{'4', KM_RATING, ACT_NONE, "4 on the rating: nothing"},
		{UK(KEY_HOME), KM_PROCEDURE | KF_TEXT, ACT_FIRST,
		    "Home on the procedures: the first of the list"},
		{UK_CTRL('a'), KM_PROCEDURE | KF_TEXT, ACT_LINE_START,
		    "Ctrl-A on the procedures: the start of the field"},
		{UK(KEY_HOME), KM_LOOKUP | KF_TEXT, ACT_LINE_START,
		    "Home in the lookup's field: its start"},
		{UK(KEY_END), KM_STEP | KF_TEXT, ACT_LINE_END, "End in a field: its end"},
		{UK_CTRL('e'), KM_SETUP | KF_TEXT, ACT_LINE_END, "Ctrl-E: the end of the field"},
		{UK_CTRL('u'), KM_RETURN | KF_TEXT, ACT_CLEAR, "Ctrl-U: clear the field"},
		{UK_CTRL('u'), KM_RETURN | KF_CHOICE, ACT_NONE, "Ctrl-U on a choice: nothing"},
		{UK(KEY_BACKSPACE), KM_APPLICANT | KF_TEXT, ACT_ERASE, "Backspace: erase"},
		{UK(KEY_DC), KM_APPLICANT | KF_TEXT, ACT_DELETE, "Delete: delete"},
		{UK(KEY_HOME), KM_SLIP, ACT_FIRST, "Home on a slip: its top"},
		{UK(KEY_UP), KM_SETUP | KF_TEXT, ACT_UP, "↑ on the setup: the field above"},
		{UK(KEY_UP), KM_STEP | KF_TEXT, ACT_UP, "↑ on a step's form: the field above"},
		{UK(KEY_DOWN), KM_STEP | KF_CHOICE, ACT_DOWN,
		    "↓ on a step's choice: the field below"},
		{UK(KEY_NPAGE), KM_LOOKUP | KF_TEXT, ACT_PGDN, "PgDn on the lookup: its list"},
		{'\t', KM_SYNC, ACT_NEXT, "Tab on the sync screen: next"},
		{UK(KEY_BTAB), KM_RATING, ACT_PREV, "Shift-Tab on the rating: previous"},
		{'\n', KM_REPORT, ACT_NONE, "Enter on the reports: nothing"},
		{'\n', KM_DATES | KF_TEXT, ACT_OK, "Enter on the dates: OK"},
		{'q', KM_MAIN, ACT_NONE, "q on the main screen: nothing"},
		{UK(KEY_F(1)), KM_CONFIRM, ACT_NONE, "F1 in a question: nothing"},
		{UK_CTRL('x'), KM_MAIN, ACT_LOCK, "Ctrl-X on the main screen: lock"},
		{UK_CTRL('x'), KM_APPLICANT | KF_TEXT, ACT_LOCK, "Ctrl-X in a field: lock"},
		{UK_CTRL('x'), KM_OFFICER, ACT_NONE, "Ctrl-X on the login: nothing"},
		{UK_CTRL('x'), KM_SETUP | KF_TEXT, ACT_NONE, "Ctrl-X on the setup: nothing"},
		{UK(KEY_F(8)), KM_OFFICER | KF_TEXT, ACT_UNLOCK, "F8 on the login: unlock"},
		{'l', KM_OFFICER | KF_TEXT, ACT_NONE, "a letter in the password: text"},
		{UK(KEY_HOME), KM_OFFICER, ACT_FIRST, "Home on the login's list: the first"},
	};

	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
		is_int(keys_action(w[i].k, w[i].m), w[i].a, "%s", w[i].what);
	ok(keys_is_text('a') && keys_is_text(' ') && keys_is_text(0x1ec7) &&
	    !keys_is_text(27) && !keys_is_text(UK_CTRL('a')) && !keys_is_text(127) &&
	    !keys_is_text(UK(KEY_LEFT)), "characters are text, control keys and codes not");
	is_int(keys_digit('7'), 7, "the digit of 7");
	is_int(keys_digit('a'), -1, "a is no digit");
}

static void
test_names(void)
{
	char buf[256], k[KEYS_NAME_LEN], k2[KEYS_NAME_LEN], small[3];
	static const enum act confirm[] = { ACT_YES, ACT_NO, ACT_NONE };
	static const enum act message[] = { ACT_CLOSE, ACT_NONE };

	is_str(keys_name(ACT_HELP, KM_MAIN, k, sizeof k), "F1", "F1");
	is_str(keys_name(ACT_QUIT, KM_MAIN, k, sizeof k), "F10", "F10");
	is_str(keys_name(ACT_TELEX, KM_MAIN, k, sizeof k), "Ctrl-T", "Ctrl-T");
	is_str(keys_name(ACT_MORE, KM_MAIN, k, sizeof k), "Ctrl-N", "the more key: Ctrl-N");
	is_str(keys_name(ACT_SAVE, KM_REPORT, k, sizeof k), "s", "the reports' save: s");
	is_str(keys_name(ACT_PERIOD, KM_REPORT, k, sizeof k), "1-5", "the periods: 1-5");
	is_str(keys_name(ACT_NTH, KM_DOCS, k, sizeof k), "0-9", "the documents' digits: 0-9");
	is_str(keys_name(ACT_TOGGLE, KM_DOCS, k, sizeof k), "Space", "Space");
	is_str(keys_name(ACT_OK, KM_DUE, k, sizeof k), "Enter", "Enter");
	is_str(keys_name(ACT_RECEIVE, KM_LOOKUP, k, sizeof k), "", "F2 is no key of the lookup");
	/* the caller's buffer: two names held at once, a short one cut */
	keys_name(ACT_HELP, KM_MAIN, k, sizeof k);
	keys_name(ACT_QUIT, KM_MAIN, k2, sizeof k2);
	ok(strcmp(k, "F1") == 0 && strcmp(k2, "F10") == 0, "two names held at once");
	is_str(keys_name(ACT_QUIT, KM_MAIN, small, sizeof small), "F1",
	    "a buffer too short: cut, terminated");
	is_str(keys_label(ACT_NTH, KM_DOCS), "Go to item", "a label by the state");
	is_str(keys_label(ACT_NTH, KM_PICK), "Choose", "another label elsewhere");
	keys_legend(confirm, KM_CONFIRM, buf, sizeof buf);
	is_str(buf, "Enter / y / c: Yes    Esc / n / k: No", "the question's keys, every one");
	keys_legend(message, KM_MESSAGE, buf, sizeof buf);
	is_str(buf, "Enter / Esc: Close", "the message's keys");
}

/* The help's lines for a screen, into lines[]; their number. */
static size_t
help(keymask maps, const char *title, char lines[][256], size_t max)
{
	size_t n = 0;

	while (n < max && keys_help_line(maps, title, n, lines[n], sizeof lines[n]))
		n++;
	return n;
}

/* The line that starts with key text and has the label, or -1. */
static int
find_line(char lines[][256], size_t n, const char *key, const char *label)
{
	for (size_t i = 0; i < n; i++)
		if (strncmp(lines[i], key, strlen(key)) == 0 && lines[i][strlen(key)] == ' ' &&
		    strstr(lines[i], label) != NULL)
			return (int)i;
	return -1;
}

static void
test_help(void)
{
	static char lines[200][256];
	size_t n = help(KM_REPORT | KM_DATES | KF_TEXT, "Reports", lines, 200);
	int every = -1, f1, period, save, ctrlu, up, f2;

	for (size_t i = 0; i < n; i++)
		if (strcmp(lines[i], "Keys on every screen:") == 0)
			every = (int)i;
	is_str(lines[0], "Keys of this screen (Reports):", "the help starts with the screen");
	ok(every > 0, "then the keys of every screen");
	f1 = find_line(lines, n, "F1", "Help");
	period = find_line(lines, n, "1-5", "Period");
	save = find_line(lines, n, "s / e", "Save");
	ctrlu = find_line(lines, n, "Ctrl-U", "Clear field");
	up = find_line(lines, n, "↑", "Up");
	f2 = find_line(lines, n, "F2", "Receive");
	ok(period > 0 && period < every, "the periods among the screen's keys");
	ok(save > 0 && save < every, "s / e among the screen's keys");
	ok(ctrlu > 0 && ctrlu < every, "its date fields' Ctrl-U among the screen's keys");
	ok(period < up && save < up, "the screen's very own keys before the shared ones");
	ok(f1 > every, "F1 among the keys of every screen, after the screen's");
	ok(find_line(lines, n, "Esc", "Back") > every, "Esc too");
	is_int(f2, -1, "F2 (the main screen's) is not in the reports' help");
	ok(strncmp(lines[every - 1], "", 1) == 0, "an empty line between the parts");

	n = help(KM_MAIN, NULL, lines, 200);
	is_str(lines[0], "Keys of this screen:", "a screen without a title");
	ok(find_line(lines, n, "F2", "Receive") == 1, "the main screen's F2 first");
	is_int(find_line(lines, n, "Ctrl-U", "Clear field"), -1,
	    "no field keys where there is no field");

	ok(find_line(lines, n, "Ctrl-X", "Lock") > 1, "the lock key among every screen's");
	n = help(KM_OFFICER | KF_TEXT, "Log in", lines, 200);
	is_int(find_line(lines, n, "Ctrl-X", "Lock"), -1, "not on the login's help");
	ok(find_line(lines, n, "F8", "Unlock") > 0, "the login's F8");

	n = help(KM_SLIP, "Slip", lines, 200);
	ok(find_line(lines, n, "p", "Print") > 0 && find_line(lines, n, "s", "Save") > 0,
	    "a slip's p and s");
	is_int(find_line(lines, n, "s / e", "Save"), -1, "not the reports' s / e");
}

/* The hints of the pages, in order, and a check of each page's width. */
static void
pages(const enum act *acts, keymask m, int width, const char *what)
{
	enum act seen[64];
	size_t nseen = 0, from, to, np = keys_hint_page(acts, m, width, 0, &from, &to);
	int more = keys_hint_width(ACT_MORE, m), too_wide = 0, empty = 0;
	size_t want = 0;
	bool same = true;

	for (size_t p = 0; p < np; p++) {
		int x = 0, shown = 0;

		(void)keys_hint_page(acts, m, width, p, &from, &to);
		for (size_t i = from; i < to; i++)
			if (keys_hint_width(acts[i], m) > 0) {
				seen[nseen++] = acts[i];
				x += keys_hint_width(acts[i], m) + 2;
				shown++;
			}
		if (np > 1)
			x += more;
		if (x > width && shown > 1)
			too_wide++;
		if (shown == 0)
			empty++;
	}
	for (size_t i = 0; acts[i] != ACT_NONE; i++)
		if (keys_hint_width(acts[i], m) > 0) {
			same = same && want < nseen && seen[want] == acts[i];
			want++;
		}
	ok(same && want == nseen, "%s: every hint once, in order (%zu pages)", what, np);
	is_int(too_wide, 0, "%s: each page fits its width", what);
	is_int(empty, 0, "%s: no page is empty", what);
}

static void
test_hints(void)
{
	static const enum act report[] = {
		ACT_HELP, ACT_NEXT, ACT_SAVE, ACT_PRINT, ACT_UP, ACT_DOWN, ACT_BACK, ACT_PERIOD,
		ACT_LEFT, ACT_RIGHT, ACT_NONE,
	};
	static const enum act none[] = { ACT_NONE };
	size_t from, to;

	/* F1 Help  Tab Next  s Save  p Print  ↑ Up  ↓ Down  Esc Back: 60 columns
	 * with their gaps, then 1-5 Period needs 12 and Ctrl-N More 11 */
	is_int(keys_hint_page(report, KM_REPORT, 80, 0, &from, &to), 2,
	    "the reports' hints need two pages of 80 columns");
	ok(from == 0 && to == 7, "the first page: F1 to Esc (%zu-%zu)", from, to);
	(void)keys_hint_page(report, KM_REPORT, 80, 1, &from, &to);
	ok(from == 7 && to == 10, "the second: the periods and the columns (%zu-%zu)", from,
	    to);
	(void)keys_hint_page(report, KM_REPORT, 71, 0, &from, &to);
	is_int((long long)to, 7, "71 columns hold F1 to Esc and Ctrl-N More, no gap after it");
	(void)keys_hint_page(report, KM_REPORT, 70, 0, &from, &to);
	is_int((long long)to, 6, "70 do not: Esc goes to the next page");
	is_int(keys_hint_page(report, KM_REPORT, 200, 0, &from, &to), 1, "one page at 200");
	ok(from == 0 && to == 10, "with every hint");
	is_int(keys_hint_page(report, KM_DATES | KF_TEXT, 80, 0, &from, &to), 1,
	    "typing the dates, the hints that apply fit one page");
	is_int(keys_hint_page(none, KM_MAIN, 80, 0, &from, &to), 0, "no hints: no page");
	pages(report, KM_REPORT, 80, "80 columns");
	pages(report, KM_REPORT, 40, "40 columns");
	pages(report, KM_REPORT, 25, "25 columns");
	pages(report, KM_REPORT, 5, "5 columns: one hint a page, cut");
	pages(report, KM_DATES | KF_TEXT, 30, "what applies in another state");
	is_int(keys_hint_width(ACT_HELP, KM_MAIN), 7, "F1 Help: 7 columns");
	is_int(keys_hint_width(ACT_UP, KM_MAIN), 4, "↑ Up: 4 columns (the arrow is one)");
	is_int(keys_hint_width(ACT_SAVE, KM_MAIN), 0, "no save on the main screen");
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_rows();
	test_rating_range();
	test_unique();
	test_dispatch();
	test_names();
	test_help();
	test_hints();
	return tap_done();
}
