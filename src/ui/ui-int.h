/* ui-int.h — what the files of the full-screen front end share.
 *
 * The program is a stack of screens; each is a small table of functions
 * (enter, draw, key, leave) over its own state.  Keys arrive as one int:
 * a character (its Unicode value) or a curses key code made distinct by
 * UK().  The action table (keys.c) turns keys into named actions; the
 * screens answer actions first and raw keys second (text fields). */
#ifndef MOTCUA_UI_INT_H
#define MOTCUA_UI_INT_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>
#include <sqlite3.h>

#include "motcua/calendar.h"
#include "motcua/error.h"
#include "motcua/format.h"
#include "motcua/telex.h"
#include "motcua/unit.h"

#define MIN_COLS 80
#define MIN_LINES 24

/* A curses key code, kept apart from characters (Unicode ends at 0x10FFFF). */
#define UK(code) (0x200000 + (code))
#define UK_IS_CODE(k) ((k) >= 0x200000)
#define UK_CTRL(c) ((c) & 0x1f)

/* ---- actions (keys.c) ---------------------------------------------------- */
enum act {
	ACT_NONE,
	ACT_HELP, ACT_RECEIVE, ACT_LOOKUP, ACT_RETURN, ACT_DUE, ACT_REPORTS,
	ACT_SYNC, ACT_ADMIN, ACT_QUIT, ACT_BACK, ACT_TELEX,
	ACT_OK, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_NEXT, ACT_PREV,
	ACT_TOGGLE, ACT_ALL, ACT_PRINT, ACT_SAVE, ACT_EXPORT, ACT_IMPORT,
	ACT_COUNT
};

/* The action bound to key k on a screen (ACT_NONE if none).  Letter
 * actions (a, p, s) only count where no text field takes letters:
 * `typing` says whether one has the focus. */
enum act keys_action(int k, bool typing);
/* "F2", "Esc", "Ctrl-T", ... for the first key of an action. */
const char *keys_name(enum act a);
/* The translated label of an action. */
const char *keys_label(enum act a);
/* Draw the hint bar (last line) for a list of actions ended by ACT_NONE. */
void keys_hints(const enum act *acts);
/* For the help screen: every action, its keys and label, one per call
 * (i from 0); false after the last. */
bool keys_help_line(size_t i, char *buf, size_t n);

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
};

enum modal_kind { MODAL_MESSAGE, MODAL_CONFIRM };

struct modal {
	enum modal_kind kind;
	char text[1024];
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
	bool telex;		/* input mode: VN (built-in Telex) or EN */
	bool new_style;		/* tone_style = new */
	bool vni;		/* input_method = vni (else Telex) */
	int due_today, overdue;
	unsigned gen;		/* bumped after every step recorded: the
				 * screens below reload what they show */
	bool quit;
	int cursor_y, cursor_x;	/* where the text cursor goes, or -1 */
};

void ui_push(struct ui *u, const struct screen_ops *ops, void *st);
/* Leave the top screen (its leave frees its state). */
void ui_pop(struct ui *u);
/* Pop down to `depth` screens. */
void ui_pop_to(struct ui *u, int depth);
void ui_msg(struct ui *u, const char *fmt, ...) MC_PRINTF(2, 3);
void ui_error(struct ui *u, const char *fmt, ...) MC_PRINTF(2, 3);
void ui_confirm(struct ui *u, const char *text, void (*on_yes)(struct ui *, void *),
    void *arg);
void ui_count_due(struct ui *u);
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
int draw_wrap(int y, int x, const char *s, int width, int maxlines);
int draw_text(int y, int x, const char *s, int width, bool pad);
/* The same, right-aligned so that it ends at column x_end. */
void draw_text_right(int y, int x_end, const char *s);
void draw_header(struct ui *u, const char *title);
void draw_footer(struct ui *u, const enum act *hints);
void draw_modal(struct ui *u);
/* "bản chính" ... */
const char *fmt_form(int form);

/* ---- widgets -------------------------------------------------------------- */

/* w-field.c: one line of text, edited by characters, shown by width. */
enum field_kind { FK_TEXT, FK_DIGITS, FK_DATE, FK_CHOICE };
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
/* Editing keys; true if used. */
bool w_field_key(struct ui *u, struct w_field *f, int k);

/* w-list.c: a scrolling list of rows drawn by the caller. */
struct w_list {
	size_t n;		/* rows */
	size_t sel, top;
};
typedef void (*w_list_row_fn)(struct ui *u, void *arg, size_t i, int y, int x, int width,
    bool selected);
void w_list_draw(struct ui *u, struct w_list *l, int y, int x, int height, int width,
    w_list_row_fn row, void *arg);
/* Up, Down, PgUp, PgDn, Home, End; true if used. */
bool w_list_key(struct w_list *l, int k, enum act a, int height);
/* Scroll a view of `rows` lines shown `page` at a time (Up, Down, PgUp,
 * PgDn, Home, End); true if the key was one of those. */
bool w_scroll_key(size_t *top, size_t rows, size_t page, int k, enum act a);

/* w-check.c: a checklist (the documents handed in). */
struct w_check {
	struct w_list list;
	bool *on;
	int last_digit;		/* for two-digit jumps: the previous digit, or -1 */
};
int w_check_init(struct w_check *c, size_t n);
void w_check_free(struct w_check *c);
/* Space, a (all / none), digits, and the list keys; true if used. */
bool w_check_key(struct w_check *c, int k, enum act a, int height);

/* ---- screens -------------------------------------------------------------- */
extern const struct screen_ops screen_main, screen_help;
/* Setup on a fresh database (need_unit) or one without officers. */
void setup_open(struct ui *u, bool need_unit);
/* Choose the officer on duty. */
void officer_open(struct ui *u);
/* F2: the reception flow. */
void receive_open(struct ui *u);
/* A slip on screen: title, file name in the slips folder, text (taken
 * over), the file it was saved to ("" if not saved). */
void slip_open(struct ui *u, const char *title, const char *name, char *text,
    const char *path);
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
/* After setup and the officer's choice: the main screen. */
void ui_ready(struct ui *u);

#endif
