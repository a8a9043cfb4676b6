/* keys.c — the key bindings as data: one table of named actions with
 * their default keys and translatable labels.  It drives key dispatch,
 * the hint bar and the help screen, so the three never disagree. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "motcua/i18n.h"
#include "motcua/vntext.h"
#include "ui-int.h"

struct action {
	enum act id;
	const char *name;	/* stable name, for a later key file */
	int keys[3];		/* 0-terminated when shorter */
	bool letter;		/* a plain letter: not while a field takes text */
	const char *label;	/* translatable, short: the hint bar */
};

/* TRANSLATORS: key hint labels on the bottom line of an 80-column screen:
 * keep each to one or two short words. */
static const struct action actions[] = {
	{ACT_HELP, "help", {UK(KEY_F(1))}, false, N_("Help")},
	{ACT_RECEIVE, "receive", {UK(KEY_F(2))}, false, N_("Receive")},
	{ACT_LOOKUP, "lookup", {UK(KEY_F(3))}, false, N_("Look up")},
	{ACT_RETURN, "return", {UK(KEY_F(4))}, false, N_("Return")},
	{ACT_DUE, "due", {UK(KEY_F(5))}, false, N_("Due board")},
	{ACT_REPORTS, "reports", {UK(KEY_F(6))}, false, N_("Reports")},
	{ACT_SYNC, "sync", {UK(KEY_F(7))}, false, N_("Sync")},
	{ACT_ADMIN, "admin", {UK(KEY_F(9))}, false, N_("Admin")},
	{ACT_QUIT, "quit", {UK(KEY_F(10))}, false, N_("Quit")},
	{ACT_BACK, "back", {27}, false, N_("Back")},
	{ACT_TELEX, "telex", {UK_CTRL('t'), UK(KEY_F(12))}, false, N_("VN/EN")},
	{ACT_OK, "ok", {'\n', '\r', UK(KEY_ENTER)}, false, N_("OK")},
	{ACT_UP, "up", {UK(KEY_UP)}, false, N_("Up")},
	{ACT_DOWN, "down", {UK(KEY_DOWN)}, false, N_("Down")},
	{ACT_PGUP, "page-up", {UK(KEY_PPAGE)}, false, N_("Page up")},
	{ACT_PGDN, "page-down", {UK(KEY_NPAGE)}, false, N_("Page down")},
	{ACT_NEXT, "next-field", {'\t'}, false, N_("Next")},
	{ACT_PREV, "prev-field", {UK(KEY_BTAB)}, false, N_("Previous")},
	{ACT_TOGGLE, "toggle", {' '}, true, N_("Mark")},
	{ACT_ALL, "all", {'a'}, true, N_("All")},
	{ACT_PRINT, "print", {'p'}, true, N_("Print")},
	{ACT_SAVE, "save", {'s'}, true, N_("Save")},
	{ACT_EXPORT, "export", {'e'}, true, N_("Export")},
	{ACT_IMPORT, "import", {'i'}, true, N_("Import")},
};
#define NACTIONS (sizeof actions / sizeof actions[0])

static const struct action *
find(enum act a)
{
	for (size_t i = 0; i < NACTIONS; i++)
		if (actions[i].id == a)
			return &actions[i];
	return NULL;
}

enum act
keys_action(int k, bool typing)
{
	for (size_t i = 0; i < NACTIONS; i++) {
		if (typing && actions[i].letter)
			continue;
		for (int j = 0; j < 3 && actions[i].keys[j] != 0; j++)
			if (actions[i].keys[j] == k)
				return actions[i].id;
	}
	return ACT_NONE;
}

static void
key_text(int k, char *buf, size_t n)
{
	if (k >= UK(KEY_F(1)) && k <= UK(KEY_F(12)))
		snprintf(buf, n, "F%d", k - UK(KEY_F(0)));
	else if (k == 27)
		snprintf(buf, n, "Esc");
	else if (k == '\n')
		snprintf(buf, n, "Enter");
	else if (k == ' ')
		snprintf(buf, n, "%s", _("Space"));
	else if (k == '\t')
		snprintf(buf, n, "Tab");
	else if (k == UK(KEY_BTAB))
		snprintf(buf, n, "Shift-Tab");
	else if (k == UK(KEY_UP))
		snprintf(buf, n, "↑");
	else if (k == UK(KEY_DOWN))
		snprintf(buf, n, "↓");
	else if (k == UK(KEY_PPAGE))
		snprintf(buf, n, "PgUp");
	else if (k == UK(KEY_NPAGE))
		snprintf(buf, n, "PgDn");
	else if (k > 0 && k < 32)
		snprintf(buf, n, "Ctrl-%c", k + 'A' - 1);
	else if (k == '\r' || k == UK(KEY_ENTER))
		snprintf(buf, n, "Enter");
	else if (!UK_IS_CODE(k))
		snprintf(buf, n, "%lc", (wint_t)k);
	else
		snprintf(buf, n, "?");
}

const char *
keys_name(enum act a)
{
	static char buf[32];	/* the UI is one thread; used at once */
	const struct action *x = find(a);

	buf[0] = '\0';
	if (x != NULL)
		key_text(x->keys[0], buf, sizeof buf);
	return buf;
}

const char *
keys_label(enum act a)
{
	const struct action *x = find(a);

	return x != NULL ? _(x->label) : "";
}

void
keys_hints(const enum act *acts)
{
	int x = 0;

	move(LINES - 1, 0);
	attrset(draw_attr(AT_BAR));
	hline(' ', COLS);
	for (size_t i = 0; acts != NULL && acts[i] != ACT_NONE; i++) {
		char key[32];
		const char *label = keys_label(acts[i]);
		int need;

		snprintf(key, sizeof key, "%s", keys_name(acts[i]));
		need = (int)(strlen(key) + 1 + vntext_width(label) + 2);
		if (x + need > COLS)
			break;
		attrset(draw_attr(AT_KEY));
		x += draw_text(LINES - 1, x, key, COLS - x, false);
		attrset(draw_attr(AT_BAR));
		x += draw_text(LINES - 1, x, " ", COLS - x, false);
		x += draw_text(LINES - 1, x, label, COLS - x, false);
		x += draw_text(LINES - 1, x, "  ", COLS - x, false);
	}
	attrset(A_NORMAL);
}

bool
keys_help_line(size_t i, char *buf, size_t n)
{
	char k[3][32];
	const struct action *x;

	if (i >= NACTIONS)
		return false;
	x = &actions[i];
	for (int j = 0; j < 3; j++) {
		k[j][0] = '\0';
		if (x->keys[j] != 0 && (j == 0 || (x->keys[j] != '\r' &&
		    x->keys[j] != UK(KEY_ENTER))))
			key_text(x->keys[j], k[j], sizeof k[j]);
	}
	{
		char keys[128];
		size_t w;

		snprintf(keys, sizeof keys, "%s%s%s%s%s", k[0], k[1][0] ? " / " : "", k[1],
		    k[2][0] ? " / " : "", k[2]);
		/* pad by display width: "↑" is three bytes, one column */
		for (w = vntext_width(keys); w < 16 && strlen(keys) + 1 < sizeof keys; w++)
			strcat(keys, " ");
		snprintf(buf, n, "%s %s", keys, _(x->label));
	}
	return true;
}
