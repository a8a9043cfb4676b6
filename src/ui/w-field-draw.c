/* w-field-draw.c — drawing a one-line text field (w-field.c): the label,
 * then as much of the value as fits its width, scrolled by characters so
 * that the cursor stays in view; a choice field shows its choices. */
#include "config.h"

#include <stdio.h>
#include <sqlite3.h>

#include "motcua/i18n.h"
#include "motcua/vntext.h"
#include "ui-int.h"

void
w_field_draw(struct ui *u, struct w_field *f, int y, int x, int label_w, int width,
    bool focus)
{
	int vw = width - label_w, col = 0, curcol = 0;

	attrset(focus ? draw_attr(AT_TITLE) : A_NORMAL);
	draw_text(y, x, _(f->label), label_w - 1, true);
	attrset(focus ? draw_attr(AT_FOCUS) : draw_attr(AT_FIELD));
	if (f->kind == FK_CHOICE) {
		/* the whole line, however long; draw_text cuts it to the width */
		sqlite3_str *b = sqlite3_str_new(NULL);
		char *text;

		for (int i = 0; f->choices[i] != NULL; i++)
			sqlite3_str_appendf(b, "%s%s%s", i ? "  " : "",
			    i == f->choice ? "(•) " : "( ) ", _(f->choices[i]));
		/* NULL when there is no choice, or no memory: an empty field */
		text = sqlite3_str_finish(b);
		draw_text(y, x + label_w, text != NULL ? text : "", vw, true);
		sqlite3_free(text);
		attrset(A_NORMAL);
		return;
	}
	/* keep the cursor in view: scroll by characters until it fits */
	if (f->scroll > f->cur)
		f->scroll = f->cur;
	for (;;) {
		int w = 0;
		for (size_t i = f->scroll; i < f->cur; i++)
			w += f->kind == FK_SECRET ? 1 : vntext_cp_width((unsigned long)f->buf[i]);
		if (w < vw || f->scroll >= f->cur)
			break;
		f->scroll++;
	}
	move(y, x + label_w);
	for (size_t i = f->scroll; i < f->len; i++) {
		int w = f->kind == FK_SECRET ? 1 : vntext_cp_width((unsigned long)f->buf[i]);

		if (col + w > vw)
			break;
		if (i < f->cur)
			curcol += w;
		if (f->kind == FK_SECRET)
			addstr("•");	/* one column, whatever was typed */
		else
			addnwstr(&f->buf[i], 1);
		col += w;
	}
	for (; col < vw; col++)
		addch(' ');
	attrset(A_NORMAL);
	if (focus) {
		u->cursor_y = y;
		u->cursor_x = x + label_w + curcol;
	}
}
