/* ui-draw.c — drawing helpers shared by every screen: the attribute
 * table, text clipped by display width, header, footer, modal box, and
 * the way fees and time limits read on screen. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/date.h"
#include "motcua/i18n.h"
#include "motcua/vntext.h"
#include "ui-int.h"

static attr_t attrs[AT_COUNT];

/* Colour when the terminal has it and NO_COLOR is not set (no-color.org:
 * present and not empty); otherwise bold, reverse and underline carry the
 * same meaning. */
void
draw_init_attrs(void)
{
	const char *nc = getenv("NO_COLOR");
	bool colour = has_colors() && (nc == NULL || nc[0] == '\0');

	attrs[AT_NORMAL] = A_NORMAL;
	attrs[AT_BAR] = A_REVERSE;
	attrs[AT_TITLE] = A_BOLD;
	attrs[AT_SELECT] = A_REVERSE;
	attrs[AT_FIELD] = A_UNDERLINE;
	attrs[AT_FOCUS] = A_REVERSE;
	attrs[AT_ERROR] = A_BOLD | A_REVERSE;
	attrs[AT_WARN] = A_BOLD;
	attrs[AT_KEY] = A_REVERSE | A_BOLD;
	attrs[AT_DIM] = A_NORMAL;
	if (!colour || start_color() != OK)
		return;
	use_default_colors();
	init_pair(1, COLOR_WHITE, COLOR_BLUE);
	init_pair(2, COLOR_BLACK, COLOR_CYAN);
	init_pair(3, COLOR_WHITE, COLOR_RED);
	init_pair(4, COLOR_YELLOW, -1);
	init_pair(5, COLOR_YELLOW, COLOR_BLUE);
	init_pair(6, COLOR_CYAN, -1);
	attrs[AT_BAR] = COLOR_PAIR(1);
	attrs[AT_SELECT] = COLOR_PAIR(2);
	attrs[AT_FOCUS] = COLOR_PAIR(2);
	attrs[AT_ERROR] = COLOR_PAIR(3) | A_BOLD;
	attrs[AT_WARN] = COLOR_PAIR(4) | A_BOLD;
	attrs[AT_KEY] = COLOR_PAIR(5) | A_BOLD;
	attrs[AT_TITLE] = COLOR_PAIR(6) | A_BOLD;
}

attr_t
draw_attr(enum ui_attr a)
{
	return attrs[a];
}

/* Put one cell (vntext_cell: a letter and its marks) on the screen. */
static void
add_cell(const char *s, size_t len, int cols)
{
	wchar_t wc[8];
	size_t nw = 0;
	mbstate_t ps;

	memset(&ps, 0, sizeof ps);
	while (cols >= 0 && len > 0 && nw < sizeof wc / sizeof wc[0]) {
		size_t k = mbrtowc(&wc[nw], s, len, &ps);

		if (k == 0 || k == (size_t)-1 || k == (size_t)-2)
			break;
		nw++;
		s += k;
		len -= k;
	}
	if (nw == 0 || cols < 0)
		addch('?');	/* not UTF-8, or a control character */
	else
		addnwstr(wc, (int)nw);
}

int
draw_text(int y, int x, const char *s, int width, bool pad)
{
	size_t n = s != NULL ? strlen(s) : 0, i = 0;
	int used = 0;

	move(y, x);
	while (i < n && used < width) {
		int w;
		size_t k = vntext_cell(s + i, n - i, &w);

		if (used + (w < 0 ? 1 : w) > width)
			break;
		add_cell(s + i, k, w);
		used += w < 0 ? 1 : w;
		i += k;
	}
	for (; pad && used < width; used++)
		addch(' ');
	return used;
}

void
draw_text_right(int y, int x_end, const char *s)
{
	int w = (int)vntext_width(s);

	draw_text(y, x_end - w < 0 ? 0 : x_end - w, s, w, false);
}

int
draw_clip(int y, int x, const char *s, int width)
{
	size_t n = s != NULL ? strlen(s) : 0, end = 0;
	int ell = (int)vntext_width("…");

	if (width <= 0)
		return 0;
	if ((int)vntext_width(s != NULL ? s : "") <= width)
		return draw_text(y, x, s, width, false);
	/* the last space before which the words and "…" still fit */
	for (size_t i = 1; i < n; i++)
		if (s[i] == ' ' && s[i - 1] != ' ' &&
		    (int)vntext_widthn(s, i) + ell <= width)
			end = i;
	if (end == 0)	/* a first word wider than the column: clipped */
		return draw_text(y, x, s, width, false);
	{
		int used = draw_text(y, x, s, (int)vntext_widthn(s, end), false);

		return used + draw_text(y, x + used, "…", ell, false);
	}
}

void
draw_header(struct ui *u, const char *title)
{
	struct mc_time now;
	char date[MC_DATE_LEN], right[256], due[128], bwarn[128];

	date_now(&now);
	date_format(now.jdn, date);
	attrset(draw_attr(AT_BAR));
	mvhline(0, 0, ' ', COLS);
	/* the typing mode (Ctrl-T), not the screen's language */
	snprintf(right, sizeof right, "%s  %s: %s  %s ",
	    u->telex ? _("[Typing: VN]") : _("[Typing: plain]"),
	    _("Officer"), u->officer.username[0] ? u->officer.username : "—", date);
	if (ui_backup_warning(u, bwarn, sizeof bwarn)) {
		/* no recent backup: the warning takes the unit's name's place */
		attrset(draw_attr(AT_WARN));
		draw_text(0, 1, bwarn, COLS - 2 - (int)vntext_width(right), false);
		attrset(draw_attr(AT_BAR));
	} else {
		draw_text(0, 1, u->unit.name[0] ? u->unit.name : "motcua",
		    COLS - 2 - (int)vntext_width(right), false);
	}
	draw_text_right(0, COLS, right);
	if (u->clock.state != MC_CLOCK_OK) {
		char warn[512];

		/* a wrong clock dates every receipt wrongly: its warning takes
		 * the title's line on every screen until the clock is set */
		clock_warning(&u->clock, true, warn, sizeof warn);
		attrset(draw_attr(AT_ERROR));
		mvhline(1, 0, ' ', COLS);
		draw_clip(1, 1, warn, COLS - 2);
		attrset(A_NORMAL);
		return;
	}
	attrset(draw_attr(AT_TITLE));
	mvhline(1, 0, ' ', COLS);
	if (title != NULL)
		draw_text(1, 1, title, COLS / 2, false);
	attrset(u->overdue > 0 ? draw_attr(AT_WARN) : A_NORMAL);
	snprintf(due, sizeof due, _("Due today: %d   Overdue: %d"), u->due_today, u->overdue);
	draw_text_right(1, COLS - 1, due);
	attrset(A_NORMAL);
}

void
draw_footer(struct ui *u, const enum act *hints)
{
	move(LINES - 2, 0);
	clrtoeol();
	if (u->msg[0] != '\0') {
		/* a long message takes the line above too, word wrapped; the
		 * key for the last messages shows it whole */
		int two = draw_wrap_lines(u->msg, COLS - 2, 2) > 1;

		attrset(draw_attr(u->msg_error ? AT_ERROR : AT_WARN));
		if (two) {
			move(LINES - 3, 0);
			clrtoeol();
		}
		draw_wrap(LINES - 2 - two, 1, u->msg, COLS - 2, 2);
		attrset(A_NORMAL);
	}
	hints_draw(u, hints);
}

/* A box in the middle of the screen; the text is cut into lines at '\n'
 * and word wrapped (vntext_wrap): 50 columns wide, wider when a long
 * text would not fit the screen's height, its last line ending in "…"
 * after a whole word if even that is not enough. */
void
draw_modal(struct ui *u)
{
	char legend[256];
	int w = COLS < 50 ? COLS : 50, room = LINES - 4, nl, h, y0, x0;
	const char *p = u->modal.text;

	if (room < 1)
		room = 1;
	/* the text's lines, a blank line and the legend, within the screen */
	if (draw_wrap_lines(p, w - 4, 99) > room - 2 && COLS > 50)
		w = COLS - 2 < 78 ? COLS - 2 : 78;
	nl = draw_wrap_lines(p, w - 4, room - 2 > 1 ? room - 2 : 1);
	ui_modal_legend(u, legend, sizeof legend);
	h = nl + 4;
	y0 = (LINES - h) / 2;
	x0 = (COLS - w) / 2;
	attrset(draw_attr(AT_SELECT));
	for (int i = 0; i < h; i++)
		mvhline(y0 + i, x0, ' ', w);
	draw_wrap(y0 + 1, x0 + 2, p, w - 4, nl);
	draw_wrap(y0 + 2 + nl, x0 + 2, legend, w - 4, 1);
	attrset(A_NORMAL);
}

const char *
fmt_form(int form)
{
	switch (form) {
	case MC_FORM_ORIGINAL: return _("original");
	case MC_FORM_CERTIFIED: return _("certified copy");
	default: return _("copy");
	}
}

/* Draw s over up to maxlines lines of `width` columns from (y, x), word
 * wrapped (vntext_wrap).  When it needs more lines, the last one ends
 * with "…" after a whole word.  Returns the lines used. */
int
draw_wrap(int y, int x, const char *s, int width, int maxlines)
{
	struct vntext_line l[24];
	size_t n;
	int shown;

	if (s == NULL || maxlines <= 0 || width <= 0)
		return 0;
	n = vntext_wrap(s, (size_t)width, l, sizeof l / sizeof l[0]);
	shown = n < (size_t)maxlines ? (int)n : maxlines;
	if (shown > (int)(sizeof l / sizeof l[0]))
		shown = (int)(sizeof l / sizeof l[0]);
	for (int i = 0; i < shown; i++) {
		char line[1024];
		size_t len = l[i].len < sizeof line - 4 ? l[i].len : sizeof line - 4;

		if (i == shown - 1 && (size_t)shown < n) {
			/* the rest in width - 1 columns, up to a word, and "…" */
			struct vntext_line last;

			(void)vntext_wrap(s + l[i].off, (size_t)(width > 1 ? width - 1 : 1),
			    &last, 1);
			len = last.len < sizeof line - 4 ? last.len : sizeof line - 4;
			memcpy(line, s + l[i].off, len);
			memcpy(line + len, "…", sizeof "…");
		} else {
			memcpy(line, s + l[i].off, len);
			line[len] = '\0';
		}
		draw_text(y + i, x, line, width, false);
	}
	return shown;
}

/* How many lines draw_wrap would take, at most maxlines. */
int
draw_wrap_lines(const char *s, int width, int maxlines)
{
	size_t n;

	if (s == NULL || width <= 0)
		return 0;
	n = vntext_wrap(s, (size_t)width, NULL, 0);
	return n < (size_t)maxlines ? (int)n : maxlines;
}

/* A list whose items are texts word wrapped over up to maxlines lines
 * each: whole items from l->top, which moves so that the selected one is
 * shown; the selected item highlighted, ↑/↓ where there is more. */
void
draw_wrapped_list(struct w_list *l, int y, int x, int height, int width,
    char *const *texts, int maxlines)
{
	int used = 0;
	size_t i;

	if (l->n == 0 || height <= 0)
		return;
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->sel < l->top)
		l->top = l->sel;
	for (;;) {
		int need = 0;

		for (i = l->top; i <= l->sel; i++)
			need += draw_wrap_lines(texts[i], width - 2, maxlines);
		if (need <= height || l->top == l->sel)
			break;
		l->top++;
	}
	for (i = l->top; i < l->n && used < height; i++) {
		int lines = draw_wrap_lines(texts[i], width - 2, maxlines);

		if (lines < 1)
			lines = 1;
		if (used + lines > height) {
			if (i != l->top)
				break;
			lines = height - used;
		}
		attrset(i == l->sel ? draw_attr(AT_SELECT) : A_NORMAL);
		for (int k = 0; k < lines; k++)
			mvhline(y + used + k, x, ' ', width);
		draw_wrap(y + used, x + 1, texts[i], width - 2, lines);
		attrset(A_NORMAL);
		used += lines;
	}
	if (l->top > 0)
		mvaddstr(y, x + width - 1, "↑");
	if (i < l->n)
		mvaddstr(y + height - 1, x + width - 1, "↓");
}
