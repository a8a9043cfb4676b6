/* catalog-int.h — what the catalog's files share: the parsed file (read by
 * catalog-read.c, applied by catalog.c) and the procedure loader (catalog.c,
 * used by catalog-write.c and catalog-search.c). */
#ifndef MOTCUA_CATALOG_INT_H
#define MOTCUA_CATALOG_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "motcua/catalog.h"
#include "motcua/error.h"

#define CATALOG_FORMAT "motcua-catalog"
#define CATALOG_FORMAT_VERSION 1
/* What an import (catalog-read.c) and an amendment (catalog-admin.c) both
 * allow, so that an export always imports back: the documents of one
 * procedure, and a document's name in characters as stored. */
#define CATALOG_MAX_DOCS 200
#define CATALOG_MAX_DOC_NAME 300
/* The deciding body's name, in characters */
#define CATALOG_MAX_BODY 200

/* A catalog file, parsed and checked, not yet applied. */
struct catalog_file {
	long long version;
	char *issued, *issuer, *note;
	bool sample;
	struct mc_procedure *procs;	/* in file order */
	size_t n;
	size_t *order;		/* indices of procs sorted by code */
};

/* Parse and check the whole text (doc/catalog-format.md); MC_EINVAL names
 * the procedure and the field.  Reads nothing from the database. */
int catalog_file_parse(sqlite3 *db, const char *json, struct catalog_file *f,
    struct mc_err *err);
void catalog_file_free(struct catalog_file *f);
/* Position of `code` in the file, or -1. */
long catalog_file_find(const struct catalog_file *f, const char *code);

/* Procedures read back from the store, two statements prepared once. */
struct catalog_loader {
	sqlite3_stmt *proc, *docs;
};

int catalog_loader_open(struct catalog_loader *l, sqlite3 *db, struct mc_err *err);
void catalog_loader_close(struct catalog_loader *l);
/* 1 found (p filled), 0 not held, -1 error. */
int catalog_loader_get(struct catalog_loader *l, const char *code,
    struct mc_procedure *p, struct mc_err *err);

/* ---- matching a search (catalog-match.c) --------------------------------
 * Text as keys, one a letter: the base letter in lower case with the shape
 * mark and the tone it carries.  A typed letter matches a held one when
 * the base is the same and each mark typed is there (a mark not typed
 * matches any): "khai tu" finds "khai tử", "khai tử" only names with tử. */
struct catalog_text {
	uint32_t *k;
	size_t n;
};
/* 0, or -1 (invalid UTF-8, out of memory) with t empty. */
int catalog_text_make(const char *s, struct catalog_text *t);
/* The same keys, faster for the many texts of an index: each code point
 * of Latin (U+0000..U+024F) and Vietnamese (U+1E00..U+1EFF) letters
 * folded once, into m (zeroed by the caller before its first text), and
 * looked up after; a text with any other code point (a combining mark
 * typed apart, another script) is folded whole as catalog_text_make does. */
#define CATALOG_MEMO_N (0x250 + 0x100)
struct catalog_memo {
	uint32_t k[CATALOG_MEMO_N];	/* 0: not folded yet */
};
int catalog_text_make_memo(const char *s, struct catalog_text *t,
    struct catalog_memo *m);
void catalog_text_free(struct catalog_text *t);
/* The next word of q after [*from, *from + *len) (start with both 0):
 * false when there is none. */
bool catalog_text_word(const struct catalog_text *q, size_t *from, size_t *len);

/* Where one typed word w[0..wn) best occurs in t: as a whole word, at the
 * start of a word, inside one, or not at all. */
enum catalog_fit { CM_NONE, CM_INSIDE, CM_START, CM_WHOLE };
enum catalog_fit catalog_word_fit(const uint32_t *w, size_t wn,
    const struct catalog_text *t);

/* How well all the words of q match a procedure: each at the start of a
 * word of the name (or a whole word), each in the name but some inside a
 * word, some only elsewhere (in `all`: code, name and field), or one not
 * at all.  *whole counts the words that are whole words of the name. */
enum catalog_rank { CR_NAME_START, CR_NAME_INSIDE, CR_ELSEWHERE, CR_NONE };
enum catalog_rank catalog_match(const struct catalog_text *q,
    const struct catalog_text *name, const struct catalog_text *all, int *whole);

#endif
