/* ui.c — the full-screen program: for now its main screen, a menu of the
 * counter's functions.  Screens that are not built yet say so. */
#include "config.h"

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/date.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/unit.h"
#include "ui.h"

#define MIN_COLS 80
#define MIN_LINES 24

struct menu_item {
	int fkey;		/* 1..10 */
	const char *label;	/* translatable */
};

/* TRANSLATORS: menu labels of the main screen; keep each under 30
 * columns (the screen is 80 columns wide). */
static const struct menu_item menu[] = {
	{1, N_("Help")},
	{2, N_("Receive a dossier")},
	{3, N_("Look up a dossier")},
	{4, N_("Return results")},
	{5, N_("Due board")},
	{6, N_("Reports")},
	{7, N_("Sync by file")},
	{9, N_("Administration")},
	{10, N_("Quit")},
};
#define NMENU (sizeof menu / sizeof menu[0])

struct ui {
	sqlite3 *db;
	struct mc_unit unit;
	struct mc_officer officer;
	int sel;		/* highlighted menu row */
	char msg[256];		/* the last message, on the bottom line */
	int due_today, overdue;
};

static volatile sig_atomic_t got_term;

static void
on_term(int sig)
{
	(void)sig;
	got_term = 1;
}

static void
count_due(struct ui *u)
{
	struct mc_time now;
	char today[MC_DATE_LEN], sql[256];

	date_now(&now);
	date_format(now.jdn, today);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM dossier WHERE status = 'received' "
	    "AND substr(due, 1, 10) = '%s'", today);
	u->due_today = (int)db_int(u->db, sql, 0);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM dossier WHERE status = 'received' "
	    "AND substr(due, 1, 10) < '%s'", today);
	u->overdue = (int)db_int(u->db, sql, 0);
}

static void
draw(struct ui *u)
{
	struct mc_time now;
	char date[MC_DATE_LEN];

	erase();
	if (COLS < MIN_COLS || LINES < MIN_LINES) {
		mvprintw(0, 0, _("The window is too small: motcua needs %dx%d, it has %dx%d."),
		    MIN_COLS, MIN_LINES, COLS, LINES);
		refresh();
		return;
	}
	date_now(&now);
	date_format(now.jdn, date);
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	mvprintw(0, 1, "%s", u->unit.name);
	mvprintw(0, COLS / 2, "%s: %s  %s", _("Officer"), u->officer.username, date);
	attroff(A_REVERSE);
	mvprintw(1, 1, _("Due today: %d   Overdue: %d"), u->due_today, u->overdue);

	mvprintw(3, 4, "%s", _("motcua — one-stop reception counter"));
	for (size_t i = 0; i < NMENU; i++) {
		if ((int)i == u->sel)
			attron(A_REVERSE);
		mvprintw(5 + (int)i, 6, "F%-3d %s", menu[i].fkey, _(menu[i].label));
		if ((int)i == u->sel)
			attroff(A_REVERSE);
	}
	attron(A_REVERSE);
	mvhline(LINES - 1, 0, ' ', COLS);
	mvprintw(LINES - 1, 1, "%s", u->msg[0] != '\0' ? u->msg :
	    _("Arrows: choose  Enter: open  F10: quit  (Esc then a digit = F-key)"));
	attroff(A_REVERSE);
	refresh();
}

/* F1..F10, or Esc followed by a digit (1..9, 0 = 10) for terminals that
 * eat function keys.  Returns 0 for any other key. */
static int
fkey_of(int ch)
{
	if (ch >= KEY_F(1) && ch <= KEY_F(10))
		return ch - KEY_F(0);
	if (ch == 27) {
		int next;

		timeout(1000);
		next = getch();
		timeout(250);
		if (next >= '1' && next <= '9')
			return next - '0';
		if (next == '0')
			return 10;
	}
	return 0;
}

/* Returns 1 to quit. */
static int
activate(struct ui *u, int fkey)
{
	for (size_t i = 0; i < NMENU; i++) {
		if (menu[i].fkey != fkey)
			continue;
		u->sel = (int)i;
		if (fkey == 10)
			return 1;
		snprintf(u->msg, sizeof u->msg, _("%s: not yet available in this version"),
		    _(menu[i].label));
		return 0;
	}
	return 0;
}

int
ui_run(sqlite3 *db, const char *officer)
{
	struct ui u;
	struct mc_err err;
	struct sigaction sa;
	int quit = 0;

	memset(&u, 0, sizeof u);
	u.db = db;
	if (unit_get(db, &u.unit, &err) != 0 ||
	    unit_officer_get(db, officer, &u.officer, &err) != 0) {
		fprintf(stderr, "motcua: %s\n", err.msg);
		return 1;
	}
	count_due(&u);

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	if (initscr() == NULL) {
		fprintf(stderr, "motcua: %s\n", _("cannot start the screen: check TERM"));
		return 1;
	}
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	timeout(250);	/* wake up to notice SIGTERM */
	set_escdelay(50);
	while (!quit && !got_term) {
		int ch;

		draw(&u);
		ch = getch();
		if (ch == ERR)
			continue;
		if (ch == KEY_RESIZE)
			continue;
		u.msg[0] = '\0';
		if (ch == KEY_UP && u.sel > 0)
			u.sel--;
		else if (ch == KEY_DOWN && u.sel < (int)NMENU - 1)
			u.sel++;
		else if (ch == '\n' || ch == KEY_ENTER)
			quit = activate(&u, menu[u.sel].fkey);
		else {
			int f = fkey_of(ch);
			if (f > 0)
				quit = activate(&u, f);
		}
	}
	endwin();
	return 0;
}
