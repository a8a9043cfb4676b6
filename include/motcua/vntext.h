/* vntext.h — Vietnamese text: UTF-8 checks, NFC, search folding.
 *
 * Every string that enters the program (CLI argument, form field, file)
 * goes through vntext_nfc before it is stored or compared: the store holds
 * NFC only.  Search compares folded forms: lower case, đ→d, every mark
 * dropped, so "Nguyễn", "NGUYEN" and "nguyễn" (decomposed) all fold to
 * "nguyen".  All returned strings are malloc'd; the caller frees them. */
#ifndef MOTCUA_VNTEXT_H
#define MOTCUA_VNTEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "motcua/error.h"

bool vntext_valid_utf8(const char *s, size_t n);

/* NFC of s; NULL with err set if s is not valid UTF-8. */
char *vntext_nfc(const char *s, struct mc_err *err);
/* Search key of s; NULL with err set if s is not valid UTF-8.
 * Runs of white space become one space; ends are trimmed. */
char *vntext_fold(const char *s, struct mc_err *err);
/* NFC, then trim and collapse white space (for names and addresses). */
char *vntext_clean(const char *s, struct mc_err *err);

/* Width of s in terminal columns (Vietnamese letters are one column
 * however many bytes they take); invalid UTF-8 counts one per byte. */
size_t vntext_width(const char *s);

#endif
