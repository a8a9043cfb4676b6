/* keys.c — the key bindings as data: one table of rows, each an action,
 * the key maps and focus states where it applies (a bit mask, as nano's
 * shortcuts carry their menus), its keys and its translatable label.
 * Dispatch, the hint bar (and its pages), the modal box's legend and the
 * help screen all read it, so they never disagree.  Nothing here draws:
 * the hint bar is drawn by w-hints.c. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "motcua/i18n.h"
#include "motcua/vntext.h"
#include "ui-int.h"

/* Screens with a list or a scrolled view: the arrows, pages, Home, End. */
#define LISTS (KM_MAIN | KM_HELP | KM_OFFICER | KM_PROCEDURE | KM_DOCS | KM_SLIP | \
	KM_DETAIL | KM_PICK | KM_DUE | KM_REPORT | KM_SYNC | KM_ADMIN | KM_ADM_OFFICERS | \
	KM_ADM_CATALOG | KM_ADM_SETTINGS | KM_ADM_VIEW | KM_ADM_AUDIT)
/* Screens with text fields, and with choice fields. */
#define TEXTS (KM_SETUP | KM_OFFICER | KM_PROCEDURE | KM_APPLICANT | KM_LOOKUP | KM_STEP | \
	KM_RETURN | KM_DATES | KM_ADM_FORM | KM_ADM_IMPORT)
#define CHOICES (KM_SETUP | KM_APPLICANT | KM_LOOKUP | KM_STEP | KM_RETURN | KM_ADM_FORM)
/* Forms: Tab goes from field to field (or from view to view). */
#define FORMS (KM_SETUP | KM_APPLICANT | KM_LOOKUP | KM_STEP | KM_RETURN | KM_RATING | \
	KM_REPORT | KM_DATES | KM_SYNC | KM_ADM_FORM)
/* Where Enter does something. */
#define ENTER (KM_MAIN | KM_HELP | KM_SETUP | KM_OFFICER | KM_PROCEDURE | KM_DOCS | \
	KM_APPLICANT | KM_SUMMARY | KM_SLIP | KM_LOOKUP | KM_DETAIL | KM_PICK | KM_STEP | \
	KM_RETURN | KM_RATING | KM_DUE | KM_DATES | KM_ADMIN | KM_ADM_CATALOG | \
	KM_ADM_SETTINGS | KM_ADM_FORM | KM_ADM_IMPORT)
/* The F9 screens where Up and Down move, beside the lists. */
#define ADM_MOVES (KM_ADM_FORM | KM_ADM_IMPORT | KM_ADM_YEAR)
#define K_ENTER '\n', '\r', UK(KEY_ENTER)

/* TRANSLATORS: key hint labels on the bottom line of an 80-column screen:
 * keep each to one or two short words. */
static const struct key_row rows[] = {
	/* program-wide: every screen */
	{ACT_HELP, "help", KM_SCREENS, {UK(KEY_F(1))}, 0, N_("Help")},
	{ACT_BACK, "back", KM_SCREENS, {27}, 0, N_("Back")},
	{ACT_TELEX, "telex", KM_SCREENS, {UK_CTRL('t'), UK(KEY_F(12))}, 0, N_("VN typing")},
	{ACT_MORE, "more-hints", KM_SCREENS, {UK_CTRL('n')}, 0, N_("More")},
	{ACT_MESSAGES, "messages", KM_SCREENS, {UK_CTRL('p')}, 0, N_("Last messages")},
	/* every screen of a session: cover the screen (s-login.c).  Ctrl-L
	 * is a redraw elsewhere and F11 a terminal's full screen */
	{ACT_LOCK, "lock", KM_SESSION, {UK_CTRL('x')}, 0, N_("Lock")},
	/* the main screen */
	{ACT_RECEIVE, "receive", KM_MAIN, {UK(KEY_F(2))}, 0, N_("Receive")},
	{ACT_LOOKUP, "lookup", KM_MAIN, {UK(KEY_F(3))}, 0, N_("Look up")},
	{ACT_RETURN, "return", KM_MAIN, {UK(KEY_F(4))}, 0, N_("Return")},
	{ACT_DUE, "due", KM_MAIN, {UK(KEY_F(5))}, 0, N_("Due board")},
	{ACT_REPORTS, "reports", KM_MAIN, {UK(KEY_F(6))}, 0, N_("Reports")},
	{ACT_SYNC, "sync", KM_MAIN, {UK(KEY_F(7))}, 0, N_("Sync")},
	{ACT_ADMIN, "admin", KM_MAIN, {UK(KEY_F(9))}, 0, N_("Admin")},
	{ACT_QUIT, "quit", KM_MAIN | KM_OFFICER | KM_SETUP, {UK(KEY_F(10))}, 0, N_("Quit")},
	/* lists, forms and views */
	{ACT_OK, "ok", ENTER, {K_ENTER}, 0, N_("OK")},
	{ACT_UP, "up", LISTS | KM_LOOKUP | KM_RETURN | KM_SETUP | KM_APPLICANT | KM_STEP |
	    ADM_MOVES, {UK(KEY_UP)}, 0, N_("Up")},
	{ACT_DOWN, "down", LISTS | KM_LOOKUP | KM_RETURN | KM_SETUP | KM_APPLICANT | KM_STEP |
	    ADM_MOVES, {UK(KEY_DOWN)}, 0, N_("Down")},
	{ACT_PGUP, "page-up", LISTS | KM_LOOKUP, {UK(KEY_PPAGE)}, 0, N_("Page up")},
	{ACT_PGDN, "page-down", LISTS | KM_LOOKUP, {UK(KEY_NPAGE)}, 0, N_("Page down")},
	/* the year of holidays: a year back or on */
	{ACT_PGUP, "year-back", KM_ADM_YEAR, {UK(KEY_PPAGE)}, 0, N_("Year back")},
	{ACT_PGDN, "year-on", KM_ADM_YEAR, {UK(KEY_NPAGE)}, 0, N_("Year on")},
	/* the lookup's Home and End are its field's */
	{ACT_FIRST, "first", LISTS, {UK(KEY_HOME)}, 0, N_("First")},
	{ACT_LAST, "last", LISTS, {UK(KEY_END)}, 0, N_("Last")},
	{ACT_NEXT, "next-field", FORMS, {'\t'}, 0, N_("Next")},
	{ACT_PREV, "prev-field", FORMS, {UK(KEY_BTAB)}, 0, N_("Previous")},
	{ACT_LEFT, "left", KM_REPORT | KM_ADM_YEAR, {UK(KEY_LEFT)}, 0, N_("Left")},
	{ACT_RIGHT, "right", KM_REPORT | KM_ADM_YEAR, {UK(KEY_RIGHT)}, 0, N_("Right")},
	{ACT_NTH, "choose", KM_ADMIN, {'1'}, '9', N_("Choose")},
	/* a dossier's actions: each step's own letter (vocab.h's key), the
	 * same whatever the status; p the control sheet */
	{ACT_NTH, "action-letter", KM_PICK, {'a'}, 'z', N_("Choose")},
	{ACT_NTH, "go-to-item", KM_DOCS, {'0'}, '9', N_("Go to item")},
	/* the letters and digits of single screens */
	{ACT_TOGGLE, "toggle", KM_DOCS, {' '}, 0, N_("Mark")},
	/* a ticks the required documents only (a conditional one is ticked
	 * by itself), so it says so */
	{ACT_ALL, "all", KM_DOCS, {'a'}, 0, N_("Required")},
	{ACT_PRINT, "print", KM_DETAIL | KM_SLIP | KM_REPORT, {'p'}, 0, N_("Print")},
	/* s scans: the highlighted document of the checklist, or into the
	 * dossier shown (the document is then picked) */
	{ACT_SCAN, "scan", KM_DOCS | KM_DETAIL, {'s'}, 0, N_("Scan")},
	/* F2's fast path for a returning citizen: F8 takes the filled-in
	 * form as it is; p on the summary records and prints, unasked */
	{ACT_FINISH, "to-summary", KM_APPLICANT, {UK(KEY_F(8))}, 0, N_("To summary")},
	{ACT_PRINT, "record-print", KM_SUMMARY, {'p'}, 0, N_("Record, print")},
	{ACT_SAVE, "save", KM_SLIP, {'s'}, 0, N_("Save")},
	/* "e" for export, as on the sync screen: the CSV file */
	{ACT_SAVE, "save-csv", KM_REPORT, {'s', 'e'}, 0, N_("Save")},
	{ACT_EXPORT, "export", KM_SYNC, {'e', 'E'}, 0, N_("Export")},
	{ACT_IMPORT, "import", KM_SYNC, {'i', 'I'}, 0, N_("Import")},
	{ACT_BACKUP, "backup", KM_SYNC, {'b', 'B'}, 0, N_("Backup")},
	/* F9: the officers, the catalog, the holidays, the settings, the
	 * audit (the letters of the English words: add, deactivate, reset,
	 * role, unlock; import, abolish, amend, routing; off, working,
	 * clear) */
	{ACT_ADD, "officer-add", KM_ADM_OFFICERS, {'a'}, 0, N_("Add")},
	{ACT_ACTIVE, "officer-active", KM_ADM_OFFICERS, {'d'}, 0, N_("(De)activate")},
	{ACT_PASSWORD, "officer-reset", KM_ADM_OFFICERS, {'r'}, 0, N_("Reset password")},
	{ACT_ROLE, "officer-role", KM_ADM_OFFICERS, {'o'}, 0, N_("Role")},
	{ACT_UNLOCK, "officer-unlock", KM_ADM_OFFICERS, {'u'}, 0, N_("Unlock")},
	{ACT_IMPORT, "import-file", KM_ADM_CATALOG | KM_ADM_YEAR, {'i'}, 0, N_("Import")},
	{ACT_ABOLISH, "abolish", KM_ADM_CATALOG, {'x'}, 0, N_("Abolish/restore")},
	{ACT_AMEND, "amend", KM_ADM_CATALOG, {'m'}, 0, N_("Amend")},
	{ACT_ROUTE, "routing", KM_ADM_CATALOG, {'r'}, 0, N_("Routing")},
	{ACT_DEFAULT, "setting-default", KM_ADM_SETTINGS, {'d'}, 0, N_("Default")},
	{ACT_DAY_OFF, "day-off", KM_ADM_YEAR, {'o'}, 0, N_("Day off")},
	{ACT_WORKDAY, "working-day", KM_ADM_YEAR, {'w'}, 0, N_("Working day")},
	{ACT_UNSET, "day-clear", KM_ADM_YEAR, {'x', UK(KEY_DC)}, 0, N_("Clear day")},
	{ACT_FILTER, "audit-filter", KM_ADM_AUDIT, {'f'}, 0, N_("Filter")},
	/* the periods 1 to RP_COUNT of s-report.h */
	{ACT_PERIOD, "period", KM_REPORT, {'1'}, '5', N_("Period")},
	/* the page of the province's indicators (s-report-ind.c) */
	{ACT_INDICATORS, "indicators", KM_REPORT, {'i'}, 0, N_("Indicators")},
	/* 0 takes the rating back, then a digit per choice of the rating
	 * (report_rating(), the return's enumeration in vocab.c): the range
	 * follows that table (test_keys checks that it covers every choice;
	 * the return screen ignores a digit beyond the last) */
	{ACT_RATE, "rate", KM_RATING, {'0'}, '3', N_("Rating")},
	/* the login: a supervisor ends a locked officer's lock; on the
	 * cover, a supervisor unlocks the screen */
	{ACT_UNLOCK, "unlock", KM_OFFICER, {UK(KEY_F(8))}, 0, N_("Unlock")},
	/* a text field with the focus */
	{ACT_CUR_LEFT, "cursor-left", TEXTS | KF_TEXT, {UK(KEY_LEFT)}, 0, N_("Cursor left")},
	{ACT_CUR_RIGHT, "cursor-right", TEXTS | KF_TEXT, {UK(KEY_RIGHT)}, 0,
	    N_("Cursor right")},
	/* on the procedure screen and the login Home and End are their list's */
	{ACT_LINE_START, "line-start", (TEXTS & ~(KM_PROCEDURE | KM_OFFICER)) | KF_TEXT,
	    {UK_CTRL('a'), UK(KEY_HOME)}, 0, N_("Start of field")},
	{ACT_LINE_START, "line-start", KM_PROCEDURE | KM_OFFICER | KF_TEXT, {UK_CTRL('a')},
	    0, N_("Start of field")},
	{ACT_LINE_END, "line-end", (TEXTS & ~(KM_PROCEDURE | KM_OFFICER)) | KF_TEXT,
	    {UK_CTRL('e'), UK(KEY_END)}, 0, N_("End of field")},
	{ACT_LINE_END, "line-end", KM_PROCEDURE | KM_OFFICER | KF_TEXT, {UK_CTRL('e')}, 0,
	    N_("End of field")},
	{ACT_ERASE, "erase", TEXTS | KF_TEXT, {UK(KEY_BACKSPACE)}, 0, N_("Erase")},
	{ACT_DELETE, "delete", TEXTS | KF_TEXT, {UK(KEY_DC)}, 0, N_("Delete")},
	{ACT_CLEAR, "clear", TEXTS | KF_TEXT, {UK_CTRL('u')}, 0, N_("Clear field")},
	/* a choice field with the focus */
	{ACT_CHOICE_NEXT, "choice-next", CHOICES | KF_CHOICE, {' ', UK(KEY_RIGHT)}, 0,
	    N_("Next choice")},
	{ACT_CHOICE_PREV, "choice-prev", CHOICES | KF_CHOICE, {UK(KEY_LEFT)}, 0,
	    N_("Previous choice")},
	{ACT_NTH, "choose", CHOICES | KF_CHOICE, {'1'}, '9', N_("Choose")},
	/* the modal box: c and k are có and không */
	{ACT_YES, "yes", KM_CONFIRM, {K_ENTER, 'y', 'c'}, 0, N_("Yes")},
	{ACT_NO, "no", KM_CONFIRM, {27, 'n', 'k'}, 0, N_("No")},
	{ACT_CLOSE, "close", KM_MESSAGE, {K_ENTER, 27}, 0, N_("Close")},
};
#define NROWS (sizeof rows / sizeof rows[0])

/* Columns between two hints on the bar. */
#define GAP 2

const struct key_row *
keys_rows(size_t *n)
{
	*n = NROWS;
	return rows;
}

bool
keys_row_applies(const struct key_row *r, keymask m)
{
	keymask focus = r->on & KF_ALL;

	return (r->on & m & KM_MAPS) != 0 && (focus == 0 || (focus & m) != 0);
}

bool
keys_is_text(int k)
{
	return !UK_IS_CODE(k) && k >= 32 && k != 127;
}

int
keys_digit(int k)
{
	return k >= '0' && k <= '9' ? k - '0' : -1;
}

bool
keys_row_binds(const struct key_row *r, int k, keymask m)
{
	if (!keys_row_applies(r, m))
		return false;
	if ((m & KF_TEXT) != 0 && (r->on & KF_TEXT) == 0 && keys_is_text(k))
		return false;
	if (r->upto != 0)
		return k >= r->keys[0] && k <= r->upto;
	for (int j = 0; j < KEYS_MAX && r->keys[j] != 0; j++)
		if (r->keys[j] == k)
			return true;
	return false;
}

enum act
keys_action(int k, keymask m)
{
	for (size_t i = 0; i < NROWS; i++)
		if (keys_row_binds(&rows[i], k, m))
			return rows[i].act;
	return ACT_NONE;
}

/* The first row of action a that applies in m, or NULL. */
static const struct key_row *
find(enum act a, keymask m)
{
	for (size_t i = 0; i < NROWS; i++)
		if (rows[i].act == a && keys_row_applies(&rows[i], m))
			return &rows[i];
	return NULL;
}

static void
key_text(int k, char *buf, size_t n)
{
	static const struct {
		int k;
		const char *text;
	} names[] = {
		{27, "Esc"}, {'\n', "Enter"}, {'\r', "Enter"}, {UK(KEY_ENTER), "Enter"},
		{'\t', "Tab"}, {UK(KEY_BTAB), "Shift-Tab"}, {UK(KEY_UP), "↑"},
		{UK(KEY_DOWN), "↓"}, {UK(KEY_LEFT), "←"}, {UK(KEY_RIGHT), "→"},
		{UK(KEY_PPAGE), "PgUp"}, {UK(KEY_NPAGE), "PgDn"}, {UK(KEY_HOME), "Home"},
		{UK(KEY_END), "End"}, {UK(KEY_BACKSPACE), "Backspace"}, {UK(KEY_DC), "Del"},
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].k == k) {
			snprintf(buf, n, "%s", names[i].text);
			return;
		}
	if (k >= UK(KEY_F(1)) && k <= UK(KEY_F(12)))
		snprintf(buf, n, "F%d", k - UK(KEY_F(0)));
	else if (k == ' ')
		snprintf(buf, n, "%s", _("Space"));
	else if (k > 0 && k < 32)
		snprintf(buf, n, "Ctrl-%c", k + 'A' - 1);
	else if (!UK_IS_CODE(k))
		snprintf(buf, n, "%lc", (wint_t)k);
	else
		snprintf(buf, n, "?");
}

/* The first key of a row: "F1", or "1-5" for a range. */
static void
row_key(const struct key_row *r, char *buf, size_t n)
{
	if (r->upto != 0)
		snprintf(buf, n, "%c-%c", r->keys[0], r->upto);
	else
		key_text(r->keys[0], buf, n);
}

/* Every key of a row, "Ctrl-A / Home"; the three Enters are one. */
static void
row_keys(const struct key_row *r, char *buf, size_t n)
{
	size_t used = 0;
	char seen[KEYS_MAX][32];
	int nseen = 0;

	buf[0] = '\0';
	if (r->upto != 0) {
		row_key(r, buf, n);
		return;
	}
	for (int j = 0; j < KEYS_MAX && r->keys[j] != 0; j++) {
		char k[32];
		bool dup = false;

		key_text(r->keys[j], k, sizeof k);
		for (int i = 0; i < nseen; i++)
			dup = dup || strcmp(seen[i], k) == 0;
		if (dup)
			continue;
		snprintf(seen[nseen++], sizeof seen[0], "%s", k);
		if (used < n)
			used += (size_t)snprintf(buf + used, n - used, "%s%s", used ? " / " : "", k);
	}
}

char *
keys_name(enum act a, keymask m, char *buf, size_t n)
{
	const struct key_row *r = find(a, m);

	buf[0] = '\0';
	if (r != NULL)
		row_key(r, buf, n);
	return buf;
}

const char *
keys_label(enum act a, keymask m)
{
	const struct key_row *r = find(a, m);

	return r != NULL ? _(r->label) : "";
}

void
keys_legend(const enum act *acts, keymask m, char *buf, size_t n)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; acts[i] != ACT_NONE && used < n; i++) {
		const struct key_row *r = find(acts[i], m);
		char k[128];

		if (r == NULL)
			continue;
		row_keys(r, k, sizeof k);
		used += (size_t)snprintf(buf + used, n - used, "%s%s: %s", used ? "    " : "", k,
		    _(r->label));
	}
}

int
keys_hint_width(enum act a, keymask m)
{
	const struct key_row *r = find(a, m);
	char k[32];

	if (r == NULL)
		return 0;
	row_key(r, k, sizeof k);
	return (int)(vntext_width(k) + 1 + vntext_width(_(r->label)));
}

size_t
keys_hint_page(const enum act *acts, keymask m, int width, size_t p, size_t *from,
    size_t *to)
{
	size_t n = 0, pages = 0, i = 0;
	int total = 0, more = keys_hint_width(ACT_MORE, m);

	*from = *to = 0;
	for (; acts != NULL && acts[n] != ACT_NONE; n++)
		if (keys_hint_width(acts[n], m) > 0)
			total += keys_hint_width(acts[n], m) + GAP;
	if (total == 0)
		return 0;
	if (total <= width || more == 0) {	/* one page (cut if it must be) */
		*to = n;
		return 1;
	}
	/* every page keeps room for the "more" hint at its end (the last on
	 * the line: no gap after it), and holds at least one hint, however
	 * narrow the bar */
	while (i < n) {
		size_t start = i;
		int x = 0;

		for (; i < n; i++) {
			int w = keys_hint_width(acts[i], m);

			if (w == 0)
				continue;
			if (x > 0 && x + w + GAP + more > width)
				break;
			x += w + GAP;
		}
		if (pages == p) {
			*from = start;
			*to = i;
		}
		pages++;
	}
	return pages;
}

/* Program-wide rows: on every screen, or every screen of a session. */
static bool
global(const struct key_row *r)
{
	return (r->on & KM_MAPS) == KM_SCREENS || (r->on & KM_MAPS) == KM_SESSION;
}

/* A row of the screen whose states are `maps`: one of its maps, and a
 * focus it can have (or none asked). */
static bool
of_screen(const struct key_row *r, keymask maps)
{
	keymask focus = r->on & KF_ALL;

	return !global(r) && (r->on & maps & KM_MAPS) != 0 &&
	    (focus == 0 || (focus & maps) != 0);
}

static void
help_row(const struct key_row *r, char *buf, size_t n)
{
	char keys[128];
	size_t w;

	row_keys(r, keys, sizeof keys);
	/* pad by display width: "↑" is three bytes, one column */
	for (w = vntext_width(keys); w < 16 && strlen(keys) + 1 < sizeof keys; w++)
		strcat(keys, " ");
	snprintf(buf, n, "%s %s", keys, _(r->label));
}

/* The number of key maps a row applies on. */
static int
nmaps(const struct key_row *r)
{
	int c = 0;

	for (keymask b = r->on & KM_MAPS; b != 0; b &= b - 1)
		c++;
	return c;
}

bool
keys_help_line(keymask maps, const char *title, size_t i, char *buf, size_t n)
{
	size_t line = 0, mine[NROWS], nmine = 0;

	/* the screen's rows, its very own first (on fewer maps), else in the
	 * table's order */
	for (size_t r = 0; r < NROWS; r++) {
		size_t j;

		if (!of_screen(&rows[r], maps))
			continue;
		for (j = nmine++; j > 0 && nmaps(&rows[mine[j - 1]]) > nmaps(&rows[r]); j--)
			mine[j] = mine[j - 1];
		mine[j] = r;
	}

	/* TRANSLATORS: headings of the help screen; %s is the screen's title */
	if (line++ == i) {
		if (title != NULL)
			snprintf(buf, n, _("Keys of this screen (%s):"), title);
		else
			snprintf(buf, n, "%s", _("Keys of this screen:"));
		return true;
	}
	for (size_t j = 0; j < nmine; j++)
		if (line++ == i) {
			help_row(&rows[mine[j]], buf, n);
			return true;
		}
	if (line++ == i) {
		buf[0] = '\0';
		return true;
	}
	if (line++ == i) {
		snprintf(buf, n, "%s", _("Keys on every screen:"));
		return true;
	}
	/* those of them that work where the help was asked (the lock not on
	 * the login) */
	for (size_t r = 0; r < NROWS; r++)
		if (global(&rows[r]) && (rows[r].on & maps & KM_MAPS) != 0 && line++ == i) {
			help_row(&rows[r], buf, n);
			return true;
		}
	return false;
}
