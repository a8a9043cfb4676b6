/* ui-int.h — what the files of the full-screen front end share.
 *
 * The program is a stack of screens; each is a small table of functions
 * (enter, draw, key, leave) over its own state.  Keys arrive as one int:
 * a character (its Unicode value) or a curses key code made distinct by
 * UK().  The action table (keys.c) turns keys into named actions, asked
 * with the top screen's key state (its map and what has the focus); the
 * screens answer actions, and a text field takes the characters that are
 * no action as text. */
#ifndef MOTCUA_UI_INT_H
#define MOTCUA_UI_INT_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>
#include <sqlite3.h>

#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/clock.h"
#include "motcua/error.h"
#include "motcua/format.h"
#include "motcua/slip.h"
#include "motcua/telex.h"
#include "motcua/unit.h"

#define MIN_COLS 80
#define MIN_LINES 24

/* A curses key code, kept apart from characters (Unicode ends at 0x10FFFF). */
#define UK(code) (0x200000 + (code))
#define UK_IS_CODE(k) ((k) >= 0x200000)
#define UK_CTRL(c) ((c) & 0x1f)

/* ---- actions (keys.c) ---------------------------------------------------- */
struct ui;

enum act {
	ACT_NONE,
	/* program-wide */
	ACT_HELP, ACT_BACK, ACT_TELEX, ACT_MORE, ACT_LOCK, ACT_MESSAGES,
	/* the main screen's functions */
	ACT_RECEIVE, ACT_LOOKUP, ACT_RETURN, ACT_DUE, ACT_REPORTS, ACT_SYNC, ACT_ADMIN,
	ACT_QUIT,
	/* lists, forms and views */
	ACT_OK, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_FIRST, ACT_LAST, ACT_NEXT,
	ACT_PREV, ACT_LEFT, ACT_RIGHT, ACT_NTH,
	/* the letters and digits of single screens */
	ACT_TOGGLE, ACT_ALL, ACT_PRINT, ACT_SAVE, ACT_EXPORT, ACT_IMPORT, ACT_BACKUP, ACT_PERIOD,
	ACT_RATE, ACT_INDICATORS,
	/* F2's applicant: take every field as it is, on to the summary */
	ACT_FINISH,
	/* F2's checklist and a dossier's view: scan a document (ui-scan.c) */
	ACT_SCAN,
	/* the administration screens (F9); ACT_UNLOCK is also the login's
	 * supervisor unlock */
	ACT_ADD, ACT_ACTIVE, ACT_PASSWORD, ACT_ROLE, ACT_UNLOCK, ACT_ABOLISH, ACT_AMEND,
	ACT_ROUTE,
	ACT_DEFAULT, ACT_DAY_OFF, ACT_WORKDAY, ACT_UNSET, ACT_FILTER,
	/* a text field (w-field.c) */
	ACT_CUR_LEFT, ACT_CUR_RIGHT, ACT_LINE_START, ACT_LINE_END, ACT_ERASE, ACT_DELETE,
	ACT_CLEAR,
	/* a choice field */
	ACT_CHOICE_NEXT, ACT_CHOICE_PREV,
	/* the modal box */
	ACT_YES, ACT_NO, ACT_CLOSE,
	ACT_COUNT
};

/* Where a key means something: a set of key maps (one per screen, or per
 * mode of a screen, and the modal box) and of focus states (what the
 * focused widget is).  Each row of the action table carries one such
 * mask, as nano's shortcuts carry their menus; dispatch asks with the
 * current state: one map bit, and a focus bit when a field has the focus. */
typedef unsigned long keymask;
enum {
	KM_MAIN = 1UL << 0, KM_HELP = 1UL << 1, KM_SETUP = 1UL << 2,
	KM_OFFICER = 1UL << 3, KM_PROCEDURE = 1UL << 4, KM_DOCS = 1UL << 5,
	KM_APPLICANT = 1UL << 6, KM_SUMMARY = 1UL << 7, KM_SLIP = 1UL << 8,
	KM_LOOKUP = 1UL << 9, KM_DETAIL = 1UL << 10, KM_PICK = 1UL << 11,
	KM_STEP = 1UL << 12, KM_RETURN = 1UL << 13,
	KM_RATING = 1UL << 14,		/* the return screen, on the rating */
	KM_DUE = 1UL << 15, KM_REPORT = 1UL << 16,
	KM_DATES = 1UL << 17,		/* the reports, typing the dates */
	KM_SYNC = 1UL << 18,
	/* F9 administration: its menu, the lists of officers, procedures and
	 * settings, the year of holidays, a text view, a form, the choice of
	 * a file to import, the audit view */
	KM_ADMIN = 1UL << 19, KM_ADM_OFFICERS = 1UL << 20, KM_ADM_CATALOG = 1UL << 21,
	KM_ADM_SETTINGS = 1UL << 22, KM_ADM_YEAR = 1UL << 23, KM_ADM_VIEW = 1UL << 24,
	KM_ADM_FORM = 1UL << 25, KM_ADM_IMPORT = 1UL << 26, KM_ADM_AUDIT = 1UL << 27,
	KM_CONFIRM = 1UL << 28, KM_MESSAGE = 1UL << 29,	/* the modal box */
	KF_TEXT = 1UL << 30,		/* a text field has the focus */
	KF_CHOICE = 1UL << 31,		/* a choice field has the focus */
};
#define KM_SCREENS ((KM_ADM_AUDIT << 1) - 1)	/* every screen's map */
/* The screens of an officer's session: all but the first-start setup and
 * the login (KM_OFFICER, which is also the lock's cover). */
#define KM_SESSION (KM_SCREENS & ~(KM_SETUP | KM_OFFICER))
#define KM_MAPS ((KM_MESSAGE << 1) - 1)		/* and the modal box */
#define KF_ALL (KF_TEXT | KF_CHOICE)

/* One row of the action table: the keys that give an action where its
 * mask says: on one of its maps, and (if it has focus bits) only while
 * one of those has the focus.  An action may have several rows: other
 * keys, or another label, on other maps. */
#define KEYS_MAX 6
struct key_row {
	enum act act;
	const char *name;	/* stable name, for a later key file */
	keymask on;
	int keys[KEYS_MAX];	/* 0-terminated when shorter */
	int upto;		/* non-zero: the keys keys[0] to upto (digits) */
	const char *label;	/* translatable, short: the hint bar */
};
/* The table, for the tests and the help screen. */
const struct key_row *keys_rows(size_t *n);
/* Does the row apply in state m (map and focus bits)? */
bool keys_row_applies(const struct key_row *r, keymask m);
/* A character typed as text (not a curses code, not a control key).
 * While a text field has the focus these are text: only rows of KF_TEXT
 * may bind them (none does), which is how a field takes the letter that
 * elsewhere is a key (p, s, a digit ...). */
bool keys_is_text(int k);
/* Does row r bind key k in state m?  While a text field has the focus,
 * the characters of the rows that are not its own are text. */
bool keys_row_binds(const struct key_row *r, int k, keymask m);
/* The value of a digit key (0-9), or -1: for the digit actions. */
int keys_digit(int k);
/* The action bound to key k in state m (ACT_NONE if none). */
enum act keys_action(int k, keymask m);
/* "F2", "Esc", "Ctrl-T", "1-5" ... for the first key of action a in
 * state m ("" if it has none there), into buf (KEYS_NAME_LEN is enough);
 * returns buf. */
#define KEYS_NAME_LEN 32
char *keys_name(enum act a, keymask m, char *buf, size_t n);
/* The translated label of action a in state m. */
const char *keys_label(enum act a, keymask m);
/* "Enter / y / c: Yes    Esc / n / k: No": the keys of acts (ended by
 * ACT_NONE) in state m, for a line of text. */
void keys_legend(const enum act *acts, keymask m, char *buf, size_t n);

/* The hint bar: the hints of a screen (ended by ACT_NONE) that apply in
 * state m, laid out in `width` columns.  When they do not fit they are
 * cut into pages, each ending with the ACT_MORE hint that shows the next
 * page.  Page p is acts[from] to acts[to - 1] (those that apply); the
 * number of pages is returned (0 when none applies). */
size_t keys_hint_page(const enum act *acts, keymask m, int width, size_t p,
    size_t *from, size_t *to);
/* The columns one hint takes: "F1 Help"; 0 if a has no key in state m. */
int keys_hint_width(enum act a, keymask m);
/* Draw the hint bar (last line): u's current state and page (w-hints.c). */
void hints_draw(struct ui *u, const enum act *acts);

/* The help screen's lines: first the rows of a screen whose maps and
 * focus states are `maps` (its own keys), then the program-wide rows.
 * Line i into buf; a heading or an empty line between the parts; false
 * after the last line. */
bool keys_help_line(keymask maps, const char *title, size_t i, char *buf, size_t n);

/* ---- the program (ui.c, ui-draw.c) ------------------------------------- */
struct ui;

struct screen_ops {
	const char *title;		/* translatable, shown under the header */
	size_t size;			/* state ui_push allocates (zeroed) and
					 * ui_pop frees, when st is NULL */
	void (*enter)(struct ui *u, void *st);	/* may be NULL */
	void (*draw)(struct ui *u, void *st);
	/* true if the key was used */
	bool (*key)(struct ui *u, void *st, int k, enum act a);
	void (*leave)(struct ui *u, void *st);	/* may be NULL */
	const enum act *hints;		/* ended by ACT_NONE */
	keymask maps;			/* every key map and focus state the
					 * screen can be in (its help) */
	/* the state now, one map and one focus bit; NULL: `maps` is it */
	keymask (*keymap)(const void *st);
};

enum modal_kind { MODAL_MESSAGE, MODAL_CONFIRM };

#define UI_MSG_HIST 6

struct modal {
	enum modal_kind kind;
	char text[2048];
	void (*on_yes)(struct ui *u, void *arg);
	void *arg;
};

#define UI_STACK_MAX 12

struct ui {
	sqlite3 *db;
	const char *db_path;
	struct mc_unit unit;
	struct mc_officer officer;
	struct mc_calendar *cal;
	struct {
		const struct screen_ops *ops;
		void *st;
		bool owned;	/* allocated by ui_push */
	} stack[UI_STACK_MAX];
	int depth;
	struct modal modal;
	bool modal_on;
	char msg[512];
	bool msg_error;
	/* the last messages of the bottom line, newest at msg_last, for the
	 * key that shows them again (ACT_MESSAGES) */
	char msg_hist[UI_MSG_HIST][512];
	int msg_count, msg_last;
	bool telex;		/* input mode: VN (built-in Telex) or EN */
	bool new_style;		/* tone_style = new */
	bool vni;		/* input_method = vni (else Telex) */
	int due_today, overdue;
	struct catalog_picker picker;	/* F2's index, kept for the session */
	struct mc_clock clock;	/* does the PC's clock look right (clock.h) */
	/* the newest backup (ui-backup.c), read at the start and after each
	 * backup, not every frame: 1 there is one, backup_min minutes old;
	 * 0 none; -1 unknown (no warning we cannot stand behind); the
	 * header warns past backup_warn days (the setting, read with it) */
	int backup_have, backup_warn;
	long long backup_min;
	/* the start's daily backup while it is being written, a step at a
	 * time between keys (ui_backup_step), else NULL */
	struct backup_job *backup_job;
	unsigned gen;		/* bumped after every step recorded: the
				 * screens below reload what they show */
	bool quit;
	int cursor_y, cursor_x;	/* where the text cursor goes, or -1 */
	keymask keymap;		/* the key state of what is drawn */
	size_t hint_page;	/* the hint bar's page (ACT_MORE turns it) */
	const struct screen_ops *hint_ops;	/* the screen hint_page is of */
	/* the officer's session (s-login.c) */
	char preselect[MC_USER_LEN];	/* --officer: the login's first choice */
	bool session;		/* u->officer has logged in */
	long long lock_ms;	/* no key for this long covers the screen; 0: never */
	long long last_key;	/* ui_clock_ms() of the last key */
	long long hold_until;	/* after a wrong password keys wait until then */
	void *cover;		/* the lock's cover while locked, else NULL */
	struct modal covered_modal;	/* the modal box it hides */
	bool covered_modal_on;
};


void ui_push(struct ui *u, const struct screen_ops *ops, void *st);
/* Push `ops` with a fresh zeroed state (its size) and return that state
 * for the caller to fill, or NULL if the screen could not be opened (the
 * bottom line says why). */
void *ui_push_new(struct ui *u, const struct screen_ops *ops);
/* Leave the top screen (its leave frees its state). */
void ui_pop(struct ui *u);
/* Pop down to `depth` screens. */
void ui_pop_to(struct ui *u, int depth);
void ui_msg(struct ui *u, const char *fmt, ...) MC_PRINTF(2, 3);
void ui_error(struct ui *u, const char *fmt, ...) MC_PRINTF(2, 3);
/* Draw the screen now, between keys: before a long call (a scan) that
 * would otherwise leave the last key's screen up with no word. */
void ui_redraw(struct ui *u);
void ui_confirm(struct ui *u, const char *text, void (*on_yes)(struct ui *, void *),
    void *arg);
/* The modal box's keys and what they do, from the action table. */
void ui_modal_legend(const struct ui *u, char *buf, size_t n);
void ui_count_due(struct ui *u);
/* Backups (ui-backup.c).  ui_backup_daily: the program's own at its start
 * (at_quit false; a failure goes to the bottom line) or end (true; the
 * screen is gone, a failure goes to stderr), by backup_daily's rule.
 * ui_backup_age: read the newest backup's age again.  ui_backup_warning:
 * the header's words when it is older than backup_warn_days (true), else
 * false.  ui_backup_to: one written into dir on demand (F7's b), with the
 * outcome in msg, after which the header no longer warns; 0 or -1. */
void ui_backup_daily(struct ui *u, bool at_quit);
/* ui_backup_begin: the start's daily backup begun, if one is due (the
 * copy is made by ui_backup_step, one step a call, while no key waits;
 * the header's age is read again when it is in place).  ui_backup_end:
 * at quit, the copy finished if one is under way, then the end's own
 * daily backup. */
void ui_backup_begin(struct ui *u);
void ui_backup_step(struct ui *u);
void ui_backup_end(struct ui *u);
void ui_backup_age(struct ui *u);
bool ui_backup_warning(const struct ui *u, char *buf, size_t n);
int ui_backup_to(struct ui *u, const char *dir, char *msg, size_t n);
/* Look at the PC's clock again (u->clock), as ui_count_due does. */
void ui_check_clock(struct ui *u);
/* "YYYY-MM-DD" from what the officer typed in a date field (core's rule,
 * date_parse_input; "" if empty); -1 if it is not a date. */
int ui_parse_date(const char *in, char out[MC_DATE_LEN]);
/* Milliseconds of a monotonic clock: the idle time of the lock (date_now
 * may be fixed by MOTCUA_NOW, and a clock set back must not unlock). */
long long ui_clock_ms(void);
/* An officer proved who they are: their session starts at the main
 * screen.  Whatever was open before (another officer's screens under the
 * cover) is popped without saving. */
void ui_session_start(struct ui *u, const struct mc_officer *o);
/* After a fatal error: put the terminal back, print, exit(1). */
void ui_fatal(const char *msg);

/* Drawing helpers (ui-draw.c).  Attributes go through a small table that
 * falls back to bold/reverse/underline without colour or with NO_COLOR. */
enum ui_attr {
	AT_NORMAL, AT_BAR, AT_TITLE, AT_SELECT, AT_FIELD, AT_FOCUS, AT_ERROR,
	AT_WARN, AT_KEY, AT_DIM, AT_COUNT
};
void draw_init_attrs(void);
attr_t draw_attr(enum ui_attr a);
/* Print UTF-8 s at (y, x) in at most `width` columns; returns the columns
 * used.  pad: fill the rest of the width with spaces. */
int draw_text(int y, int x, const char *s, int width, bool pad);
/* Text in `width` columns cut only between words: the words that fit, and
 * "…" when some are left out (a first word wider than the column is
 * clipped).  The columns drawn. */
int draw_clip(int y, int x, const char *s, int width);
/* s word wrapped over up to maxlines lines (ui-draw.c); the lines used.
 * draw_wrap_lines: how many it would take. */
int draw_wrap(int y, int x, const char *s, int width, int maxlines);
int draw_wrap_lines(const char *s, int width, int maxlines);
struct w_list;
void draw_wrapped_list(struct w_list *l, int y, int x, int height, int width,
    char *const *texts, int maxlines);
/* The same, right-aligned so that it ends at column x_end. */
void draw_text_right(int y, int x_end, const char *s);
void draw_header(struct ui *u, const char *title);
void draw_footer(struct ui *u, const enum act *hints);
void draw_modal(struct ui *u);
/* "bản chính" ... */
const char *fmt_form(int form);

/* ---- widgets -------------------------------------------------------------- */

/* w-field.c: one line of text, edited by characters, shown by width. */
/* FK_SECRET: text shown as one dot a character (a password), never
 * Vietnamese input */
enum field_kind { FK_TEXT, FK_DIGITS, FK_DATE, FK_CHOICE, FK_SECRET };
#define FIELD_MAX 256

struct w_field {
	const char *label;	/* translatable */
	enum field_kind kind;
	bool vn;		/* Telex applies when the input mode is VN */
	bool optional;
	wchar_t buf[FIELD_MAX + 1];
	size_t len, cur, scroll;
	struct telex tx;
	bool composing;		/* a Telex word is being built at comp */
	size_t comp, comp_len;
	const char *const *choices;	/* FK_CHOICE: translatable, NULL-ended */
	int choice;
	/* takes a chip card's QR (citizen.h): from a '|' on, every character
	 * up to Enter is text as typed, whatever the field's kind, and no
	 * Telex; w_field_commit ends it */
	bool scan, scanning;
};
void w_field_init(struct w_field *f, const char *label, enum field_kind kind, bool vn);
void w_field_set(struct w_field *f, const char *utf8);
/* The value as UTF-8 (malloc'd; "" when empty); NULL if out of memory. */
char *w_field_get(const struct w_field *f);
/* Stop composing (the word stays as shown). */
void w_field_commit(struct w_field *f);
/* Draw label in label_w columns, then the value; focus shows the cursor. */
void w_field_draw(struct ui *u, struct w_field *f, int y, int x, int label_w, int width,
    bool focus);
/* A key for the field: an editing action (ACT_CUR_LEFT ... ACT_CLEAR, or
 * a choice's ACT_CHOICE_NEXT, ACT_CHOICE_PREV, ACT_NTH), or with
 * ACT_NONE a character typed; true if used.  u gives the input mode. */
bool w_field_key(struct ui *u, struct w_field *f, int k, enum act a);
/* The focus state of a field that has the focus: KF_TEXT or KF_CHOICE. */
keymask w_field_focus(const struct w_field *f);

/* w-list.c: a scrolling list of rows drawn by the caller. */
struct w_list {
	size_t n;		/* rows */
	size_t sel, top;
};
typedef void (*w_list_row_fn)(struct ui *u, void *arg, size_t i, int y, int x, int width,
    bool selected);
void w_list_draw(struct ui *u, struct w_list *l, int y, int x, int height, int width,
    w_list_row_fn row, void *arg);
/* ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_FIRST, ACT_LAST; true if used. */
bool w_list_key(struct w_list *l, enum act a, int height);
/* Scroll a view of `rows` lines shown `page` at a time (the same
 * actions); true if the action was one of those. */
bool w_scroll_key(size_t *top, size_t rows, size_t page, enum act a);

/* w-check.c: a checklist (the documents handed in). */
struct w_check {
	struct w_list list;
	bool *on;
	int last_digit;		/* for two-digit jumps: the previous digit, or -1 */
};
int w_check_init(struct w_check *c, size_t n);
void w_check_free(struct w_check *c);
/* ACT_TOGGLE, ACT_ALL (all / none), ACT_NTH (the digit key k), and the
 * list's actions; true if used. */
bool w_check_key(struct w_check *c, int k, enum act a, int height);

/* ---- screens -------------------------------------------------------------- */
extern const struct screen_ops screen_main, screen_help;
/* Setup on a fresh database (need_unit) or one without officers. */
void setup_open(struct ui *u, bool need_unit);
/* The login, the program's first screen (s-login.c); u->preselect is
 * highlighted. */
void login_open(struct ui *u);
/* Cover the session's screens (the lock key, or lock_minutes without a
 * key); the cover is drawn and gets the keys instead of the top screen. */
void ui_lock(struct ui *u, bool idle);	/* idle: lock_minutes ran out */
/* The session's officer or a supervisor proved who they are: the screens
 * are back as they were. */
void ui_unlock(struct ui *u);
/* Drop the cover without uncovering (the session ends). */
void ui_cover_free(struct ui *u);
extern const struct screen_ops screen_cover;
/* F2: the reception flow. */
void receive_open(struct ui *u);
/* A slip on screen: title, file name in the slips folder, text (taken
 * over), the file it was saved to ("" if not saved). */
void slip_screen_open(struct ui *u, const char *title, const char *name, char *text,
    const char *path);
/* Render `form` for `key` (a dossier code, a guidance id), save it to the
 * slips folder as `name` and show it; a failure leaves what was recorded
 * as it is and says so, after `lead`, calling it a form (Mẫu 03, 04, 05)
 * or a slip (Mẫu 01, 02). */
void ui_slip_show(struct ui *u, enum slip_form form, const char *key, const char *name,
    const char *title, const char *lead, bool is_form);
/* F3 lookup, F4 return (code NULL: type or scan one), F5 due board, and
 * one dossier's detail with its timeline and actions (s-lookup.c,
 * s-return.c, s-due.c, s-detail.c). */
void lookup_open(struct ui *u);
void return_open(struct ui *u, const char *code);
void due_open(struct ui *u);
void detail_open(struct ui *u, const char *code);
/* F6: the figures of a period, as a table and bar charts, to CSV or the
 * printer (s-report.c). */
void report_open(struct ui *u);
/* F7: sync by file with the removable media (s-sync.c). */
void sync_open(struct ui *u);
/* F9: the administration screen (s-admin.c): a supervisor's, an
 * auditor's to look at; refused for an officer. */
void admin_open(struct ui *u);
/* The main screen, alone on the stack (ui_session_start). */
void ui_ready(struct ui *u);

#endif
