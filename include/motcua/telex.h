/* telex.h — the built-in Vietnamese input engine (Telex and VNI).
 *
 * Officers often type on a bare console with no input method.  The engine
 * is a small state machine over one word: feed it keys, read back the
 * word as it should look now.  It knows nothing of curses: the text field
 * of the UI feeds it printable keys and Backspace, and commits the word
 * when a key that cannot be part of a word arrives.
 *
 *   struct telex t;
 *   telex_init(&t, TELEX_TELEX, false);
 *   telex_key(&t, 'v'); telex_key(&t, 'i'); telex_key(&t, 'e');
 *   telex_key(&t, 'e'); telex_key(&t, 't'); telex_key(&t, 'j');
 *   telex_word(&t)  -> "việt"
 */
#ifndef MOTCUA_TELEX_H
#define MOTCUA_TELEX_H

#include <stdbool.h>
#include <stddef.h>

#include "motcua/error.h"

enum telex_mode { TELEX_TELEX, TELEX_VNI };

#define TELEX_MAX_KEYS 32	/* a word longer than this is left as typed */

/* One letter of the word being built (private to telex.c). */
struct telex_letter {
	char base;		/* lower-case ASCII letter (or VNI digit) */
	unsigned char mark;	/* none, circumflex, horn, breve or stroke */
	unsigned char flags;	/* upper case; "ư typed as a lone w" */
};

struct telex {
	enum telex_mode mode;
	bool new_style;		/* tone placement "hoà" (new) or "hòa" (old) */
	char keys[TELEX_MAX_KEYS + 1];	/* the raw keys of the word so far */
	size_t nkeys;
	char word[TELEX_MAX_KEYS * 4 + 1];	/* the word as shown, UTF-8 NFC */

	/* The engine's state, private to telex.c: the letters with their
	 * marks, the tone of the syllable (it is placed only when the word
	 * is shown), and what a word that cannot be Vietnamese shows: the
	 * keys as typed minus those that undid a mark, or, once an undo has
	 * ended the syllable, the letters as they were spelt then followed
	 * by the keys typed since (UTF-8). */
	struct telex_letter let[TELEX_MAX_KEYS];
	size_t nlet;
	int tone;		/* 0 none, 1..5 sắc huyền hỏi ngã nặng */
	char lit[TELEX_MAX_KEYS * 4 + 1];
	size_t nlit;
	unsigned long long dead;	/* modifier keys undone in this word */
};

void telex_init(struct telex *t, enum telex_mode mode, bool new_style);
/* Forget the current word (after it was committed). */
void telex_reset(struct telex *t);
/* Feed one key of the word (an ASCII letter, or a digit in VNI mode).
 * Returns false if the key cannot belong to a word (space, punctuation),
 * or if the word already holds TELEX_MAX_KEYS keys: the caller then
 * commits telex_word() and the key itself. */
bool telex_key(struct telex *t, char key);
/* Undo the last key and re-evaluate the word; false if it was empty. */
bool telex_backspace(struct telex *t);
/* The current word (NFC). */
const char *telex_word(const struct telex *t);

/* Convert a whole text word by word (white space and punctuation kept);
 * malloc'd NFC, or NULL with err set (invalid UTF-8, out of memory).
 * A run of ASCII letters (and digits) is a word; a run that touches a
 * non-ASCII letter (text already in Vietnamese), holds a digit in Telex
 * mode, or is longer than TELEX_MAX_KEYS is copied unchanged. */
char *telex_convert(const char *text, enum telex_mode mode, bool new_style,
    struct mc_err *err);

#endif
