/* w-field.c — a one-line text field: UTF-8 in and out, edited by
 * characters, shown by display width, with the built-in Telex engine.
 *
 * Telex: while the input mode is VN and the field takes Vietnamese, each
 * ASCII letter goes to a struct telex; the word being composed (from
 * `comp`, `comp_len` characters) is replaced by telex_word() after every
 * key, so "Nguyeenx" shows as "Nguyễn" as it is typed.  A key that cannot
 * be part of a word (space, punctuation, a digit) ends the word; Backspace
 * undoes the last key of the word while one is being composed.
 *
 * The editing keys come as actions of the key table (ACT_CUR_LEFT, ...,
 * ACT_CLEAR, in focus state KF_TEXT); a character that is no action is
 * text.  Drawing is in w-field-draw.c: this file is pure, and tested. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui-int.h"

void
w_field_init(struct w_field *f, const char *label, enum field_kind kind, bool vn)
{
	memset(f, 0, sizeof *f);
	f->label = label;
	f->kind = kind;
	f->vn = vn;
	telex_init(&f->tx, TELEX_TELEX, false);
}

void
w_field_set(struct w_field *f, const char *utf8)
{
	size_t n = utf8 != NULL ? mbstowcs(f->buf, utf8, FIELD_MAX) : 0;

	if (n == (size_t)-1)
		n = 0;
	f->buf[n] = L'\0';
	f->len = f->cur = n;
	f->scroll = 0;
	f->composing = false;
	f->scanning = false;
}

char *
w_field_get(const struct w_field *f)
{
	size_t cap = f->len * MB_LEN_MAX + 16;
	char *s = malloc(cap);

	if (s == NULL)
		return NULL;
	if (f->kind == FK_CHOICE) {	/* the choice's number */
		snprintf(s, cap, "%d", f->choice);
		return s;
	}
	if (wcstombs(s, f->buf, cap) == (size_t)-1)
		s[0] = '\0';
	return s;
}

void
w_field_commit(struct w_field *f)
{
	f->composing = false;
	f->scanning = false;
}

static void
insert(struct w_field *f, wchar_t wc)
{
	if (f->len >= FIELD_MAX)
		return;
	memmove(&f->buf[f->cur + 1], &f->buf[f->cur], (f->len - f->cur) * sizeof(wchar_t));
	f->buf[f->cur++] = wc;
	f->buf[++f->len] = L'\0';
}

/* Put the engine's word in place of the one being composed. */
static void
show_word(struct w_field *f)
{
	wchar_t w[TELEX_MAX_KEYS * 2 + 1];
	size_t n = mbstowcs(w, telex_word(&f->tx), TELEX_MAX_KEYS * 2);
	size_t tail = f->len - (f->comp + f->comp_len);

	if (n == (size_t)-1)
		n = 0;
	if (f->comp + n + tail > FIELD_MAX)
		return;		/* no room: keep what is shown */
	memmove(&f->buf[f->comp + n], &f->buf[f->comp + f->comp_len], tail * sizeof(wchar_t));
	wmemcpy(&f->buf[f->comp], w, n);
	f->comp_len = n;
	f->len = f->comp + n + tail;
	f->buf[f->len] = L'\0';
	f->cur = f->comp + n;
}

static bool
ascii_letter(int k)
{
	return (k >= 'a' && k <= 'z') || (k >= 'A' && k <= 'Z');
}

/* A character this kind of field accepts as text. */
static bool
acceptable(const struct w_field *f, int k)
{
	switch (f->kind) {
	case FK_DIGITS:
		return (k >= '0' && k <= '9') || k == ' ' || k == '+' || k == '.' || k == '-';
	case FK_DATE:
		return (k >= '0' && k <= '9') || k == '/' || k == '-' || k == '.';
	case FK_CHOICE:
		return false;
	default:
		return true;
	}
}

static bool
choice_key(struct w_field *f, int k, enum act a)
{
	int n = 0;

	while (f->choices[n] != NULL)
		n++;
	if (a == ACT_CHOICE_NEXT)
		f->choice = (f->choice + 1) % n;
	else if (a == ACT_CHOICE_PREV)
		f->choice = (f->choice + n - 1) % n;
	else if (a == ACT_NTH && keys_digit(k) >= 1 && keys_digit(k) <= n)
		f->choice = keys_digit(k) - 1;
	else
		return false;
	return true;
}

/* Backspace: while a word is composed it undoes the word's last key. */
static void
erase_back(struct w_field *f)
{
	if (f->composing && f->cur == f->comp + f->comp_len) {
		if (telex_backspace(&f->tx) && f->tx.nkeys > 0) {
			show_word(f);
			return;
		}
		/* the word's last key is gone: remove what it showed */
		f->composing = false;
		memmove(&f->buf[f->comp], &f->buf[f->comp + f->comp_len],
		    (f->len - f->comp - f->comp_len + 1) * sizeof(wchar_t));
		f->len -= f->comp_len;
		f->cur = f->comp;
		return;
	}
	f->composing = false;
	if (f->cur == 0)
		return;
	memmove(&f->buf[f->cur - 1], &f->buf[f->cur], (f->len - f->cur + 1) * sizeof(wchar_t));
	f->cur--;
	f->len--;
}

/* A character typed: into the Telex word being composed, or as it is. */
static bool
type(struct ui *u, struct w_field *f, int k)
{
	/* a chip card's QR being scanned: taken as it comes (the screen reads
	 * it on Enter) */
	if (f->scan && (f->scanning || k == '|')) {
		f->scanning = true;
		f->composing = false;
		insert(f, (wchar_t)k);
		return true;
	}
	if (!acceptable(f, k))
		return false;
	/* VNI marks are digits: they join a word already being typed */
	if (f->vn && u->telex && f->kind == FK_TEXT && (ascii_letter(k) ||
	    (u->vni && f->composing && f->cur == f->comp + f->comp_len &&
	    k >= '0' && k <= '9'))) {
		if (!f->composing || f->cur != f->comp + f->comp_len) {
			telex_init(&f->tx, u->vni ? TELEX_VNI : TELEX_TELEX, u->new_style);
			f->composing = true;
			f->comp = f->cur;
			f->comp_len = 0;
		}
		if (telex_key(&f->tx, (char)k)) {
			show_word(f);
			return true;
		}
		f->composing = false;	/* too long for a word: typed as is */
	} else {
		f->composing = false;
	}
	insert(f, (wchar_t)k);
	return true;
}

keymask
w_field_focus(const struct w_field *f)
{
	return f->kind == FK_CHOICE ? KF_CHOICE : KF_TEXT;
}

bool
w_field_key(struct ui *u, struct w_field *f, int k, enum act a)
{
	if (f->kind == FK_CHOICE)
		return choice_key(f, k, a);
	switch (a) {
	case ACT_ERASE:
		erase_back(f);
		return true;
	case ACT_DELETE:
		f->composing = false;
		if (f->cur < f->len) {
			memmove(&f->buf[f->cur], &f->buf[f->cur + 1],
			    (f->len - f->cur) * sizeof(wchar_t));
			f->len--;
		}
		return true;
	case ACT_CUR_LEFT:
	case ACT_CUR_RIGHT:
	case ACT_LINE_START:
	case ACT_LINE_END:
		f->composing = false;
		if (a == ACT_CUR_LEFT && f->cur > 0)
			f->cur--;
		else if (a == ACT_CUR_RIGHT && f->cur < f->len)
			f->cur++;
		else if (a == ACT_LINE_START)
			f->cur = 0;
		else if (a == ACT_LINE_END)
			f->cur = f->len;
		return true;
	case ACT_CLEAR:
		w_field_set(f, "");
		return true;
	case ACT_NONE:
		return keys_is_text(k) && type(u, f, k);
	default:
		return false;	/* another action: the screen's */
	}
}
