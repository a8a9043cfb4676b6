/* s-admin-form.c — the two building blocks of the F9 screens: a form of
 * fields (an officer to add, a password to reset, a procedure to amend, a
 * day's name, a setting's value, the audit's filter) and the choice of a
 * file to import (typed, or found on the media F7 finds). */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sodium.h>

#include "motcua/i18n.h"
#include "s-admin.h"
#include "s-sync.h"

/* ---- a form ------------------------------------------------------------- */

#define LABEL_W 24

void
adm_wipe(char *s)
{
	if (s != NULL) {
		sodium_memzero(s, strlen(s));
		free(s);
	}
}

char *
adm_form_get(struct adm_form *fm, int i)
{
	w_field_commit(&fm->f[i]);
	return w_field_get(&fm->f[i]);
}

int
adm_form_add(struct adm_form *fm, const char *label, enum field_kind kind, bool vn)
{
	if (fm->n >= ADM_FIELDS)
		return ADM_FIELDS - 1;	/* the callers add a handful */
	w_field_init(&fm->f[fm->n], label, kind, vn);
	return fm->n++;
}

/* Rows of fields shown at once (two screen lines each). */
static int
form_rows(void)
{
	int r = (LINES - 8) / 2;

	return r < 1 ? 1 : r;
}

static void
form_draw(struct ui *u, void *st)
{
	struct adm_form *fm = st;
	int rows = form_rows();

	draw_wrap(2, 2, fm->intro, COLS - 4, 2);
	if (fm->focus < fm->top)
		fm->top = fm->focus;
	if (fm->focus >= fm->top + rows)
		fm->top = fm->focus - rows + 1;
	for (int i = fm->top; i < fm->n && i < fm->top + rows; i++)
		w_field_draw(u, &fm->f[i], 5 + 2 * (i - fm->top), 2, LABEL_W, COLS - 6,
		    i == fm->focus);
}

static void
form_move(struct adm_form *fm, int by)
{
	int to = fm->focus + by;

	if (to < 0 || to >= fm->n)
		return;
	w_field_commit(&fm->f[fm->focus]);
	fm->focus = to;
}

static bool
form_key(struct ui *u, void *st, int k, enum act a)
{
	struct adm_form *fm = st;

	switch (a) {
	case ACT_OK:
		w_field_commit(&fm->f[fm->focus]);
		if (fm->focus < fm->n - 1) {
			fm->focus++;
			return true;
		}
		if (fm->submit(u, fm) == 0)
			ui_pop(u);
		return true;
	case ACT_UP:
	case ACT_PREV:
		form_move(fm, -1);
		return true;
	case ACT_DOWN:
	case ACT_NEXT:
		form_move(fm, 1);
		return true;
	case ACT_BACK:
		ui_pop(u);
		return true;
	default:
		return w_field_key(u, &fm->f[fm->focus], k, a);
	}
}

/* What was typed, passwords included, does not outlive the form. */
static void
form_leave(struct ui *u, void *st)
{
	(void)u;
	if (st != NULL)
		sodium_memzero(((struct adm_form *)st)->f, sizeof ((struct adm_form *)st)->f);
}

static keymask
form_keymap(const void *st)
{
	const struct adm_form *fm = st;

	return KM_ADM_FORM | (fm->n > 0 ? w_field_focus(&fm->f[fm->focus]) : 0);
}

static const enum act form_hints[] = {
	ACT_HELP, ACT_OK, ACT_NEXT, ACT_UP, ACT_DOWN, ACT_TELEX, ACT_BACK, ACT_NONE,
};

static const struct screen_ops screen_form = {
	N_("Administration"), sizeof(struct adm_form), NULL, form_draw, form_key,
	form_leave, form_hints, KM_ADM_FORM | KF_TEXT | KF_CHOICE, form_keymap,
};

struct adm_form *
adm_form_open(struct ui *u, const char *intro,
    int (*submit)(struct ui *u, struct adm_form *fm))
{
	struct adm_form *fm = ui_push_new(u, &screen_form);

	if (fm == NULL)
		return NULL;
	snprintf(fm->intro, sizeof fm->intro, "%s", intro != NULL ? intro : "");
	fm->submit = submit;
	return fm;
}

/* ---- the choice of a file ---------------------------------------------- */

#define FILES_MAX 64

struct st_import {
	char title[128];
	const char *what;
	void (*done)(struct ui *u, const char *path);
	struct w_field path;
	struct w_list list;
	char *files[FILES_MAX];
	size_t nfiles;
	bool env;		/* the media roots are MOTCUA_MEDIA's */
};

static bool
is_json(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".json") == 0;
}

static int
by_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.json files at the top of each medium mounted now. */
static void
scan(struct st_import *s)
{
	struct medium m[MEDIA_MAX];
	size_t nm = media_scan(m, MEDIA_MAX);

	media_free(s->files, s->nfiles);
	s->nfiles = 0;
	media_roots(&s->env);
	for (size_t i = 0; i < nm && s->nfiles < FILES_MAX; i++) {
		DIR *d = opendir(m[i].path);
		struct dirent *e;

		if (d == NULL)
			continue;
		while ((e = readdir(d)) != NULL && s->nfiles < FILES_MAX) {
			char p[1024];
			struct stat st;

			if (!is_json(e->d_name) || (size_t)snprintf(p, sizeof p, "%s/%s",
			    m[i].path, e->d_name) >= sizeof p || stat(p, &st) != 0 ||
			    !S_ISREG(st.st_mode))
				continue;
			if ((s->files[s->nfiles] = strdup(p)) != NULL)
				s->nfiles++;
		}
		closedir(d);
	}
	qsort(s->files, s->nfiles, sizeof s->files[0], by_path);
	s->list.n = s->nfiles;
	if (s->list.sel >= s->nfiles)
		s->list.sel = 0;
}

static void
file_row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	struct st_import *s = arg;

	(void)u;
	(void)sel;
	draw_text(y, x + 1, s->files[i], width - 1, false);
}

static void
import_draw(struct ui *u, void *st)
{
	struct st_import *s = st;
	bool env;
	char line[512];

	attrset(draw_attr(AT_TITLE));
	draw_text(2, 2, s->title, COLS - 4, false);
	attrset(A_NORMAL);
	draw_wrap(3, 2, s->what, COLS - 4, 2);
	w_field_draw(u, &s->path, 6, 2, 10, COLS - 6, true);
	snprintf(line, sizeof line, _("Files on the removable media (%s):"), media_roots(&env));
	draw_text(8, 2, line, COLS - 4, false);
	if (s->nfiles == 0)
		draw_text(9, 4, _("none: plug in the USB stick, or type the file's path "
		    "above"), COLS - 6, false);
	else
		w_list_draw(u, &s->list, 9, 2, LINES - 12, COLS - 4, file_row, s);
}

static bool
import_key(struct ui *u, void *st, int k, enum act a)
{
	struct st_import *s = st;
	char *typed;

	if (a == ACT_UP || a == ACT_DOWN)
		return w_list_key(&s->list, a, LINES - 12);
	if (a == ACT_BACK) {
		ui_pop(u);
		return true;
	}
	if (a != ACT_OK)
		return w_field_key(u, &s->path, k, a);
	w_field_commit(&s->path);
	if ((typed = w_field_get(&s->path)) == NULL)
		return true;
	if (typed[0] == '\0' && s->nfiles == 0) {
		ui_error(u, "%s", _("no file chosen: type its path, or plug in the USB stick"));
	} else {
		char path[1024];
		void (*done)(struct ui *, const char *) = s->done;

		snprintf(path, sizeof path, "%s", typed[0] != '\0' ? typed :
		    s->files[s->list.sel]);
		ui_pop(u);	/* s is gone now */
		done(u, path);
	}
	free(typed);
	return true;
}

static void
import_leave(struct ui *u, void *st)
{
	struct st_import *s = st;

	(void)u;
	if (s != NULL)
		media_free(s->files, s->nfiles);
}

static const enum act import_hints[] = {
	ACT_HELP, ACT_OK, ACT_UP, ACT_DOWN, ACT_BACK, ACT_NONE,
};

static keymask
import_keymap(const void *st)
{
	(void)st;
	return KM_ADM_IMPORT | KF_TEXT;
}

static const struct screen_ops screen_import = {
	N_("Import a file"), sizeof(struct st_import), NULL, import_draw, import_key,
	import_leave, import_hints, KM_ADM_IMPORT | KF_TEXT, import_keymap,
};

void
adm_import_open(struct ui *u, const char *title, const char *what,
    void (*done)(struct ui *u, const char *path))
{
	struct st_import *s = ui_push_new(u, &screen_import);

	if (s == NULL)
		return;
	snprintf(s->title, sizeof s->title, "%s", title);
	s->what = what;
	s->done = done;
	/* TRANSLATORS: the field of a file's path, under 10 columns */
	w_field_init(&s->path, N_("File"), FK_TEXT, false);
	scan(s);
}
