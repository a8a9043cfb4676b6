/* s-admin-doctor.c — F9 → Check this PC: what `motcua doctor` shows
 * (core's checks, doctor.h), in the administration's text view: each
 * check's name, then OK or what to do, word wrapped under it to the
 * screen's width so that no word is cut.  The terminal is the one curses
 * drives: its size and colours as curses sees them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/doctor.h"
#include "motcua/i18n.h"
#include "motcua/vntext.h"
#include "s-admin.h"

/* One item into t: its name in `col` columns, the text in the rest. */
static void
add_item(struct adm_text *t, const struct doctor_item *it, size_t col, size_t width)
{
	struct vntext_line l[16];
	char text[sizeof it->advice + 16];
	size_t n, w = vntext_width(it->name);

	if (it->ok && it->advice[0] != '\0')
		snprintf(text, sizeof text, "OK — %s", it->advice);
	else if (it->ok)
		snprintf(text, sizeof text, "OK");
	else
		snprintf(text, sizeof text, "%s", it->advice);
	n = vntext_wrap(text, width > col ? width - col : 1, l, sizeof l / sizeof l[0]);
	for (size_t i = 0; i < n && i < sizeof l / sizeof l[0]; i++)
		adm_text_add(t, "%s%*s%.*s\n", i == 0 ? it->name : "",
		    (int)(i == 0 ? col - w : col), "", (int)l[i].len, text + l[i].off);
}

/* A paragraph into t, word wrapped to width. */
static void
add_para(struct adm_text *t, const char *s, size_t width)
{
	struct vntext_line l[8];
	size_t n = vntext_wrap(s, width, l, sizeof l / sizeof l[0]);

	for (size_t i = 0; i < n && i < sizeof l / sizeof l[0]; i++)
		adm_text_add(t, "%.*s\n", (int)l[i].len, s + l[i].off);
}

void
admin_doctor_open(struct ui *u)
{
	struct adm_text t = {0};
	struct doctor_report *r;
	struct doctor_env env;
	struct mc_err err;
	size_t col = 0, width = COLS > 4 ? (size_t)COLS - 4 : 1;

	/* the scanner may take seconds to answer */
	attrset(draw_attr(AT_DIM));
	draw_text(LINES - 3, 2, _("Checking this PC…"), COLS - 4, true);
	attrset(A_NORMAL);
	refresh();
	doctor_env_process(&env);
	env.cols = COLS;
	env.rows = LINES;
	env.colors = has_colors() ? COLORS : 0;
	env.db_path = u->db_path;
	if ((r = malloc(sizeof *r)) == NULL) {
		ui_error(u, "%s", _("out of memory"));
		return;
	}
	if (doctor_run(u->db, NULL, &env, r, &err) != 0) {
		ui_error(u, "%s", err.msg);
		free(r);
		return;
	}
	for (size_t i = 0; i < r->n; i++)
		if (vntext_width(r->item[i].name) + 2 > col)
			col = vntext_width(r->item[i].name) + 2;
	for (size_t i = 0; i < r->n; i++)
		add_item(&t, &r->item[i], col, width);
	adm_text_add(&t, "\n");
	add_para(&t, r->failed == 0 ? _("All is well.") : _("What is not OK says what to "
	    "do; 'motcua doctor' shows the same."), width);
	free(r);
	admin_view_open(u, _("Check this PC"), t.buf);
}
