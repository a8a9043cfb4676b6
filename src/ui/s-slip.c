/* s-slip.c — a slip on screen (scrollable), with p to print and s to
 * save, and ui_slip_show, which renders a slip or form, saves it to the
 * slips folder and only then shows it; printing it is a separate step
 * that may fail and be tried again.  A failed print's message (core's:
 * why, where the printer is set, where the slip is kept) is shown whole,
 * wrapped under the slip, since it is too long for the message line. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/i18n.h"
#include "motcua/slip.h"
#include "ui-int.h"

struct st_slip {
	char title[128];
	char *text;		/* as rendered */
	char *buf;		/* a copy, cut into lines */
	char **lines;		/* into buf */
	size_t nlines, top;
	char path[4096];
	char name[128];
	char fail[512];		/* the last print failure, "" when none */
};

/* Lines kept under the slip for a print failure's message. */
#define FAIL_LINES 5

static void
draw(struct ui *u, void *st)
{
	struct st_slip *s = st;
	int h = LINES - 5, failed = s->fail[0] != '\0' && h > FAIL_LINES + 4;

	(void)u;
	attrset(draw_attr(AT_TITLE));
	draw_text(2, 1, s->title, COLS - 2, false);
	attrset(A_NORMAL);
	if (failed)
		h -= FAIL_LINES + 1;
	for (int i = 0; i < h - 1 && s->top + (size_t)i < s->nlines; i++)
		draw_text(3 + i, 0, s->lines[s->top + (size_t)i], COLS - 1, false);
	if (s->top + (size_t)h - 1 < s->nlines)
		mvaddstr(2 + h, COLS - 2, "↓");
	if (failed) {
		mvhline(3 + h, 0, ACS_HLINE, COLS);
		attrset(draw_attr(AT_ERROR));
		draw_wrap(4 + h, 1, s->fail, COLS - 2, FAIL_LINES);
		attrset(A_NORMAL);
	}
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct st_slip *s = st;
	struct mc_err err;

	if (w_scroll_key(&s->top, s->nlines, (size_t)(LINES - 7), a))
		return true;
	if (a == ACT_SAVE || (a == ACT_PRINT && s->path[0] == '\0')) {
		if (slip_save(u->db_path, s->name, s->text, s->path, sizeof s->path, &err) != 0) {
			s->path[0] = '\0';
			ui_error(u, "%s", err.msg);
			return true;
		}
		if (a == ACT_SAVE)
			ui_msg(u, _("Slip saved: %s"), s->path);
		else
			return key(u, st, k, a);
	} else if (a == ACT_PRINT) {
		if (slip_print(u->db, s->path, &err) != 0) {
			/* the message is drawn whole under the slip; the message
			 * line would only repeat its start */
			snprintf(s->fail, sizeof s->fail, "%s", err.msg);
			u->msg[0] = '\0';
			beep();
		} else {
			s->fail[0] = '\0';
			ui_msg(u, _("Sent to the printer: %s"), s->path);
		}
	} else if (a == ACT_OK) {
		ui_pop(u);
	} else {
		return false;
	}
	return true;
}

static void
leave(struct ui *u, void *st)
{
	struct st_slip *s = st;

	(void)u;
	free(s->lines);
	free(s->buf);
	free(s->text);
	free(s);
}

static const enum act hints[] = {
	ACT_HELP, ACT_PRINT, ACT_SAVE, ACT_UP, ACT_DOWN, ACT_BACK, ACT_NONE,
};

static const struct screen_ops screen_slip = {
	NULL, 0, NULL, draw, key, leave, hints, KM_SLIP, NULL,
};

void
slip_screen_open(struct ui *u, const char *title, const char *name, char *text,
    const char *path)
{
	struct st_slip *s = calloc(1, sizeof *s);
	size_t n = 1;

	if (s == NULL || (s->buf = strdup(text)) == NULL) {
		free(s);
		free(text);
		ui_error(u, "%s", _("out of memory"));
		return;
	}
	for (const char *p = text; *p != '\0'; p++)
		n += *p == '\n';
	if ((s->lines = calloc(n, sizeof *s->lines)) == NULL) {
		free(s->buf);
		free(s);
		free(text);
		ui_error(u, "%s", _("out of memory"));
		return;
	}
	snprintf(s->title, sizeof s->title, "%s", title);
	snprintf(s->name, sizeof s->name, "%s", name);
	snprintf(s->path, sizeof s->path, "%s", path);
	s->text = text;		/* kept whole, to save again */
	for (char *p = s->buf, *nl; p != NULL; p = nl != NULL ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		if (nl != NULL)
			*nl = '\0';
		if (nl == NULL && *p == '\0')
			break;
		/* the form feed between the copies of Mẫu 01 is for the printer
		 * (the saved text keeps it); on screen the cut line shows it */
		if (*p == '\f')
			p++;
		s->lines[s->nlines++] = p;
	}
	ui_push(u, &screen_slip, s);
}

void
ui_slip_show(struct ui *u, enum slip_form form, const char *key, const char *name,
    const char *title, const char *lead, bool is_form)
{
	struct mc_err err;
	char path[4096] = "", *text;

	if ((text = slip_render(u->db, u->db_path, form, key, &err)) == NULL) {
		ui_error(u, is_form ? _("%s, but the form could not be made: %s") :
		    _("%s, but the slip could not be made: %s"), lead, err.msg);
		return;
	}
	if (slip_save(u->db_path, name, text, path, sizeof path, &err) != 0) {
		slip_screen_open(u, title, name, text, "");
		ui_error(u, is_form ? _("%s, but the form was not saved: %s") :
		    _("%s, but the slip was not saved: %s"), lead, err.msg);
		return;
	}
	slip_screen_open(u, title, name, text, path);
	/* the folder is known to the officer: the file name is enough */
	ui_msg(u, is_form ? _("%s. Form saved: %s") : _("%s. Slip saved: %s"), lead,
	    strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path);
}
