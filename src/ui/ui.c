/* ui.c — the full-screen program: start and stop, the screen stack, the
 * main loop with its key reading, resize and signals.  The terminal is
 * given back on every way out: normal quit, SIGTERM/SIGHUP/SIGINT, a
 * fatal error (ui_fatal), a crash signal, and exit() anywhere (atexit). */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "motcua/date.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/lifecycle.h"
#include "motcua/setting.h"
#include "ui-int.h"
#include "ui.h"

/* The only global: a termination signal arrived. */
static volatile sig_atomic_t got_term;

static void
on_term(int sig)
{
	(void)sig;
	got_term = 1;
}

static void
restore_terminal(void)
{
	if (stdscr != NULL && !isendwin())
		endwin();
}

/* A crash: give the terminal back, then die of the same signal. */
static void
on_crash(int sig)
{
	restore_terminal();
	signal(sig, SIG_DFL);
	raise(sig);
}

void
ui_fatal(const char *msg)
{
	restore_terminal();
	fprintf(stderr, "motcua: %s\n", msg);
	exit(1);
}

void
ui_push(struct ui *u, const struct screen_ops *ops, void *st)
{
	if (u->depth >= UI_STACK_MAX) {
		ui_error(u, "%s", _("too many screens open: press Esc"));
		if (ops->leave != NULL)
			ops->leave(u, st);
		return;
	}
	u->stack[u->depth].owned = false;
	if (st == NULL && ops->size > 0) {
		if ((st = calloc(1, ops->size)) == NULL) {
			ui_error(u, "%s", _("out of memory"));
			return;
		}
		u->stack[u->depth].owned = true;
	}
	u->stack[u->depth].ops = ops;
	u->stack[u->depth].st = st;
	u->depth++;
	if (ops->enter != NULL)
		ops->enter(u, st);
}

void *
ui_push_new(struct ui *u, const struct screen_ops *ops)
{
	int depth = u->depth;

	ui_push(u, ops, NULL);
	return u->depth > depth ? u->stack[depth].st : NULL;
}

void
ui_pop(struct ui *u)
{
	if (u->depth == 0)
		return;
	u->depth--;
	if (u->stack[u->depth].ops->leave != NULL)
		u->stack[u->depth].ops->leave(u, u->stack[u->depth].st);
	if (u->stack[u->depth].owned)
		free(u->stack[u->depth].st);
	if (u->depth == 0)
		u->quit = true;
}

void
ui_pop_to(struct ui *u, int depth)
{
	while (u->depth > depth)
		ui_pop(u);
}

static void
vmsg(struct ui *u, bool error, const char *fmt, va_list ap)
{
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	u->msg_error = error;
	if (u->msg[0] == '\0' || (u->msg_count > 0 &&
	    strcmp(u->msg_hist[u->msg_last], u->msg) == 0))
		return;
	u->msg_last = (u->msg_last + 1) % UI_MSG_HIST;
	snprintf(u->msg_hist[u->msg_last], sizeof u->msg_hist[0], "%s", u->msg);
	if (u->msg_count < UI_MSG_HIST)
		u->msg_count++;
}

/* ACT_MESSAGES: the bottom line's last messages in a box, newest first. */
static void
show_messages(struct ui *u)
{
	char text[sizeof u->modal.text];
	size_t used = 0;

	if (u->msg_count == 0) {
		ui_msg(u, "%s", _("No message yet."));
		return;
	}
	used = (size_t)snprintf(text, sizeof text, "%s", _("Last messages, newest first:"));
	for (int i = 0; i < u->msg_count && used < sizeof text; i++) {
		int k = (u->msg_last - i + UI_MSG_HIST) % UI_MSG_HIST;
		size_t len = strlen(u->msg_hist[k]);

		if (used + len + 4 >= sizeof text)
			break;		/* whole messages only */
		used += (size_t)snprintf(text + used, sizeof text - used, "\n• %s",
		    u->msg_hist[k]);
	}
	ui_confirm(u, text, NULL, NULL);
}

void
ui_msg(struct ui *u, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(u, false, fmt, ap);
	va_end(ap);
}

void
ui_error(struct ui *u, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(u, true, fmt, ap);
	va_end(ap);
	beep();
}

void
ui_confirm(struct ui *u, const char *text, void (*on_yes)(struct ui *, void *), void *arg)
{
	u->modal.kind = on_yes != NULL ? MODAL_CONFIRM : MODAL_MESSAGE;
	snprintf(u->modal.text, sizeof u->modal.text, "%s", text);
	u->modal.on_yes = on_yes;
	u->modal.arg = arg;
	u->modal_on = true;
}

void
ui_check_clock(struct ui *u)
{
	struct mc_err err;

	if (clock_check(u->db, &u->clock, &err) != 0)
		u->clock.state = MC_CLOCK_OK;	/* no warning we cannot stand behind */
}

/* The header's counts, from the due board's own query (as of today), and
 * the clock's warning. */
void
ui_count_due(struct ui *u)
{
	struct mc_time now;
	struct mc_err err;

	ui_check_clock(u);
	date_now(&now);
	if (lifecycle_due_counts(u->db, u->cal, now.jdn, &u->due_today, &u->overdue,
	    &err) != 0) {
		u->due_today = u->overdue = 0;
		ui_error(u, "%s", err.msg);
	}
}

/* The screens' date fields: core's rule (date_parse_input), an empty
 * field giving an empty string. */
int
ui_parse_date(const char *in, char out[MC_DATE_LEN])
{
	int jdn;

	out[0] = '\0';
	if (in[0] == '\0')
		return 0;
	if (date_parse_input(in, &jdn, NULL) != 0)
		return -1;
	date_format(jdn, out);
	return 0;
}

/* The key state of a screen: one map, and what has the focus. */
static keymask
screen_keymap(const struct screen_ops *ops, const void *st)
{
	return ops->keymap != NULL ? ops->keymap(st) : ops->maps;
}

/* What is drawn and gets the keys: the lock's cover while there is one,
 * else the top screen. */
static void
top(struct ui *u, const struct screen_ops **ops, void **st)
{
	if (u->cover != NULL) {
		*ops = &screen_cover;
		*st = u->cover;
	} else {
		*ops = u->stack[u->depth - 1].ops;
		*st = u->stack[u->depth - 1].st;
	}
}

long long
ui_clock_ms(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0;
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
draw(struct ui *u)
{
	const struct screen_ops *ops;
	void *st;
	keymask km;

	erase();
	u->cursor_y = -1;
	if (COLS < MIN_COLS || LINES < MIN_LINES) {
		char m[256];

		snprintf(m, sizeof m, _("The window is too small: motcua needs %dx%d, it has "
		    "%dx%d. Enlarge it."), MIN_COLS, MIN_LINES, COLS, LINES);
		/* word wrapped: "Hãy phóng to" never split in a word */
		draw_wrap(0, 0, m, COLS > 0 ? COLS : 1, LINES > 0 ? LINES : 1);
		curs_set(0);
		refresh();
		return;
	}
	top(u, &ops, &st);
	if (u->cover == NULL)	/* the cover draws its own, barer top line */
		draw_header(u, ops->title != NULL ? _(ops->title) : NULL);
	ops->draw(u, st);
	/* another screen on top, or another state of it: its hints from
	 * their first page */
	km = screen_keymap(ops, st);
	if (ops != u->hint_ops || km != u->keymap) {
		u->hint_ops = ops;
		u->keymap = km;
		u->hint_page = 0;
	}
	draw_footer(u, ops->hints);
	if (u->modal_on)
		draw_modal(u);
	if (u->cursor_y >= 0 && !u->modal_on) {
		curs_set(1);
		move(u->cursor_y, u->cursor_x);
	} else {
		curs_set(0);
	}
	refresh();
}

void
ui_redraw(struct ui *u)
{
	draw(u);
}

/* One key: a character, or UK(curses code).  Esc followed by a digit
 * (within half a second) is the F-key of that digit, for terminals that
 * eat F-keys; Alt+digit sends the same.  -1: nothing yet. */
static int
read_key(void)
{
	wint_t wc;
	int r = get_wch(&wc);

	if (r == ERR)
		return -1;
	if (r == KEY_CODE_YES)
		return UK((int)wc);
	if (wc == 27) {
		wint_t next;
		int r2;

		timeout(500);
		r2 = get_wch(&next);
		timeout(250);
		if (r2 == OK && next >= '1' && next <= '9')
			return UK(KEY_F(next - '0'));
		if (r2 == OK && next == '0')
			return UK(KEY_F(10));
		if (r2 == OK)
			unget_wch((wchar_t)next);	/* Esc, then an ordinary key */
		else if (r2 == KEY_CODE_YES)
			ungetch((int)next);
		return 27;
	}
	if (wc == 127 || wc == 8)
		return UK(KEY_BACKSPACE);
	return (int)wc;
}

static const enum act confirm_keys[] = { ACT_YES, ACT_NO, ACT_NONE };
static const enum act message_keys[] = { ACT_CLOSE, ACT_NONE };

void
ui_modal_legend(const struct ui *u, char *buf, size_t n)
{
	if (u->modal.kind == MODAL_CONFIRM)
		keys_legend(confirm_keys, KM_CONFIRM, buf, n);
	else
		keys_legend(message_keys, KM_MESSAGE, buf, n);
}

static void
handle_key(struct ui *u, int k)
{
	const struct screen_ops *ops;
	void *st;
	enum act a;

	top(u, &ops, &st);
	/* the lock key works over a question too (it hides it) */
	if (u->session && u->cover == NULL &&
	    keys_action(k, screen_keymap(ops, st)) == ACT_LOCK) {
		ui_lock(u, false);
		return;
	}
	if (u->modal_on) {
		/* a message closes on any key; a question on its answers only */
		a = keys_action(k, u->modal.kind == MODAL_CONFIRM ? KM_CONFIRM : KM_MESSAGE);
		if (u->modal.kind == MODAL_CONFIRM && a == ACT_YES) {
			u->modal_on = false;
			u->modal.on_yes(u, u->modal.arg);
		} else if (a == ACT_NO || u->modal.kind == MODAL_MESSAGE) {
			u->modal_on = false;
		}
		return;
	}
	a = keys_action(k, screen_keymap(ops, st));
	if (a == ACT_MORE) {	/* the message stays: only the hints turn */
		u->hint_page++;
		return;
	}
	if (a == ACT_MESSAGES) {
		show_messages(u);
		return;
	}
	u->msg[0] = '\0';
	if (a == ACT_TELEX) {
		u->telex = !u->telex;
		ui_msg(u, "%s", u->telex ? _("Vietnamese input (Telex) is on") :
		    _("Vietnamese input is off"));
		return;
	}
	if (ops->key(u, st, k, a))
		return;
	if (ops == &screen_cover)
		return;		/* nothing opens under the cover */
	if (a == ACT_HELP && ops != &screen_help)
		ui_push(u, &screen_help, NULL);
	else if (a == ACT_BACK && u->depth > 1)
		ui_pop(u);
}

/* Where the program starts: the setup on a database without identity
 * (1) or without officers (2); else the login (3), where --officer, if
 * given, must name an active officer; or, logged in, the main screen (0). */
static int
start(struct ui *u, const char *officer, bool logged_in)
{
	struct mc_err err;
	long long active;

	if (unit_get(u->db, &u->unit, &err) != 0) {
		if (err.kind != MC_ENOTFOUND) {
			fprintf(stderr, "motcua: %s\n", err.msg);
			return -1;
		}
		return 1;	/* setup */
	}
	if (officer != NULL) {
		if (unit_officer_get(u->db, officer, &u->officer, &err) != 0) {
			fprintf(stderr, "motcua: %s\n", err.msg);
			return -1;
		}
		if (logged_in)
			return 0;
		/* it proves nothing: the login asks the password */
		snprintf(u->preselect, sizeof u->preselect, "%s", officer);
		memset(&u->officer, 0, sizeof u->officer);
		return 3;
	}
	if ((active = unit_officer_count(u->db, &err)) < 0) {
		fprintf(stderr, "motcua: %s\n", err.msg);
		return -1;
	}
	if (active == 0)
		return 2;	/* setup of the first officer */
	return 3;	/* the login */
}

void
ui_session_start(struct ui *u, const struct mc_officer *o)
{
	struct mc_officer who = *o;	/* o may live in a screen popped below */
	char v[16], *end;
	const char *env = getenv("MOTCUA_LOCK_SECONDS");
	long minutes, unit_ms = 60000;

	ui_cover_free(u);
	u->modal_on = false;
	ui_pop_to(u, 0);	/* the screens of the session before: not saved */
	u->officer = who;
	u->session = true;
	/* lock_minutes (checked by setting_set: 0 to 240); the test-only
	 * MOTCUA_LOCK_SECONDS counts each of its minutes as that many seconds */
	if (setting_get(u->db, "lock_minutes", v, sizeof v) != 0 ||
	    (minutes = strtol(v, &end, 10)) < 0 || *end != '\0' || minutes > 240)
		minutes = 5;
	if (env != NULL && env[0] != '\0') {
		long sec = strtol(env, &end, 10);

		if (*end == '\0' && sec > 0 && sec <= 60)
			unit_ms = sec * 1000;
	}
	u->lock_ms = minutes * unit_ms;
	u->last_key = ui_clock_ms();
	ui_ready(u);
}

void
ui_ready(struct ui *u)
{
	ui_pop_to(u, 0);
	u->quit = false;
	ui_count_due(u);
	ui_push(u, &screen_main, NULL);
}

static void
catch(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

int
ui_run(sqlite3 *db, const char *db_path, const char *officer, bool logged_in)
{
	struct ui u;
	struct mc_err err;
	char style[8];
	int how;

	memset(&u, 0, sizeof u);
	u.db = db;
	u.db_path = db_path;
	u.telex = true;
	if (setting_get(db, "tone_style", style, sizeof style) == 0)
		u.new_style = strcmp(style, "new") == 0;
	if (setting_get(db, "input_method", style, sizeof style) == 0)
		u.vni = strcmp(style, "vni") == 0;
	if ((how = start(&u, officer, logged_in)) < 0)
		return 1;
	if (calendar_open(db, &u.cal, &err) != 0) {
		fprintf(stderr, "motcua: %s\n", err.msg);
		return 1;
	}
	ui_check_clock(&u);	/* the login screen shows it too */
	ui_backup_begin(&u);	/* the first start of the day's, written between keys */

	catch(SIGTERM, on_term);
	catch(SIGHUP, on_term);
	catch(SIGINT, on_term);
	catch(SIGSEGV, on_crash);
	catch(SIGBUS, on_crash);
	catch(SIGABRT, on_crash);
	catch(SIGFPE, on_crash);
	atexit(restore_terminal);
	if (initscr() == NULL) {
		fprintf(stderr, "motcua: %s\n", _("cannot start the screen: check TERM"));
		calendar_close(u.cal);
		return 1;
	}
	raw();		/* Ctrl-C, Ctrl-S, Ctrl-T are keys, not signals */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(250);	/* wake up to notice SIGTERM */
	set_escdelay(50);
	draw_init_attrs();

	if (how == 0) {
		struct mc_officer o = u.officer;

		ui_session_start(&u, &o);	/* the demo's own officer, without a password */
	} else if (how == 3) {
		login_open(&u);
	} else {
		setup_open(&u, how == 1);
	}
	while (!u.quit && !got_term && u.depth > 0) {
		int k;

		if (u.session && u.cover == NULL && u.lock_ms > 0 &&
		    ui_clock_ms() - u.last_key >= u.lock_ms)
			ui_lock(&u, true);	/* lock_minutes without a key */
		draw(&u);
		if (u.hold_until > 0) {
			/* after a wrong password: keys typed meanwhile are dropped */
			long long left = u.hold_until - ui_clock_ms();

			if (left > 0) {
				napms(left > 250 ? 250 : (int)left);
				flushinp();
				continue;
			}
			u.hold_until = 0;
		}
		/* the day's backup, a step a turn of the loop, which then does not
		 * wait for a key: the steps go on while no key comes */
		if (u.backup_job != NULL)
			ui_backup_step(&u);
		timeout(u.backup_job != NULL ? 0 : 250);
		k = read_key();
		if (k < 0 || k == UK(KEY_RESIZE))
			continue;	/* a resize redraws from state at once */
		u.last_key = ui_clock_ms();
		if (COLS < MIN_COLS || LINES < MIN_LINES)
			continue;	/* nothing to act on until it is enlarged */
		handle_key(&u, k);
	}
	ui_cover_free(&u);
	ui_pop_to(&u, 0);
	restore_terminal();
	ui_backup_end(&u);	/* the start's finished, and one after a day's work */
	catalog_picker_free(&u.picker);
	calendar_close(u.cal);
	return 0;
}
