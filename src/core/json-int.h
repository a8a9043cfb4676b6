/* json-int.h — reading a JSON file against a field spec, for the imports.
 *
 * The catalog import (catalog-read.c) and the official-calendar import
 * (calendar-import.c) read their files through this one helper, built on
 * SQLite's JSON functions (json_valid, json_type, json_each).  An object is
 * read in two passes: every key is looked at once, in file order, so a key
 * given twice or a key the spec does not list is caught; then every field
 * of the spec, in spec order, is checked for presence, type and limits.
 * The reader never words a message: each fault goes to the caller's
 * `complain` function, which names the place in the caller's own terms
 * (a procedure's code, "years[0].days[3]", …).  Private to core. */
#ifndef MOTCUA_JSON_INT_H
#define MOTCUA_JSON_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "motcua/error.h"

enum json_kind {
	JSON_TEXT,		/* a string: checked by vntext_check_plain (as
				 * written), then cleaned (NFC, trimmed) by
				 * vntext_clean */
	JSON_INT,		/* a whole number */
	JSON_BOOL,		/* true or false */
	JSON_ARRAY		/* a list, kept as its JSON text */
};

/* json_field.flags */
#define JSON_REQUIRED 1u	/* must be present */
#define JSON_NULLABLE 2u	/* null allowed: the same as absent */
#define JSON_EMPTY_OK 4u	/* "" allowed (JSON_TEXT) */
#define JSON_LIMITS 8u		/* min..max bound the value (JSON_INT) or the
				 * number of entries (JSON_ARRAY) */
#define JSON_RAW 16u		/* JSON_TEXT kept as written, not cleaned */

struct json_field {
	const char *key;
	enum json_kind kind;
	unsigned flags;
	long long min, max;	/* with JSON_LIMITS (JSON_INT, JSON_ARRAY);
				 * for JSON_TEXT, max > 0 is the limit in
				 * characters as stored (vntext_check_plain) */
	int tag;		/* the caller's own mark (e.g. "a date"); the
				 * reader passes it through untouched */
};

#define JSON_TYPE_LEN 8		/* "integer" and its NUL */

/* One field as read.  `type` and `text` describe what the file holds even
 * when it is wrong, so that a message can quote it. */
struct json_value {
	bool present;		/* the key is in the object (null included) */
	bool null;		/* its value is null */
	char type[JSON_TYPE_LEN];	/* json_type of the value, "" if absent */
	char *text;		/* JSON_TEXT: the text (cleaned unless JSON_RAW);
				 * JSON_ARRAY: its
				 * JSON; otherwise the value as SQL text, for
				 * messages; NULL for null; malloc'd */
	long long num;		/* JSON_INT: the value; JSON_BOOL: 1 or 0;
				 * JSON_ARRAY: the number of entries */
	bool nul;		/* the string holds a \u0000 */
};

enum json_fault {
	JSON_UNKNOWN,		/* a key the spec does not list */
	JSON_TWICE,		/* a key given a second time */
	JSON_MISSING,		/* a required key is absent */
	JSON_NULL,		/* null where a value is needed */
	JSON_WRONG_TYPE,	/* another JSON type than the field's kind */
	JSON_OUT_OF_RANGE,	/* outside min..max (value.num says where) */
	JSON_EMPTY,		/* "" without JSON_EMPTY_OK */
	JSON_NUL,		/* a string holding \u0000 */
	JSON_BAD_TEXT,		/* vntext_clean refused the string; its
				 * message is in err */
	JSON_NOT_PLAIN		/* vntext_check_plain refused the string (a
				 * control or invisible character, or over
				 * the field's length); the reason, worded to
				 * follow the key, is in err */
};

struct json_problem {
	enum json_fault fault;
	const char *key;
	const struct json_field *field;	/* NULL for JSON_UNKNOWN and JSON_TWICE
					 * of an unlisted key */
	const struct json_value *value;	/* what was found; NULL when absent */
};

/* Word the problem for the user into err, naming `where` (the caller's
 * description of the object); returns -1. */
typedef int (*json_complain_fn)(const void *where, const struct json_problem *p,
    struct mc_err *err);

/* A further check of one field that passed its spec, run in spec order;
 * returns -1 with err set to refuse it. */
typedef int (*json_check_fn)(const void *where, const struct json_field *f,
    struct json_value *v, struct mc_err *err);

struct json_object_spec {
	const struct json_field *fields;
	size_t n;
	bool others_ignored;	/* unlisted keys are skipped, not refused */
	json_complain_fn complain;
	json_check_fn check;	/* may be NULL */
};

#define JSON_MAX_DEPTH 4	/* arrays walked inside one another */

/* The prepared statements of one import, made on first use.  `what` is
 * the translated activity for database errors ("reading the catalog"). */
struct json_reader {
	sqlite3 *db;
	const char *what;
	int depth;
	sqlite3_stmt *obj[JSON_MAX_DEPTH + 1];
	sqlite3_stmt *arr[JSON_MAX_DEPTH];
	sqlite3_stmt *top;
};

void json_reader_open(struct json_reader *r, sqlite3 *db, const char *what);
void json_reader_close(struct json_reader *r);

/* The JSON type of the whole text ("object", "array", …), or "" when the
 * text is not valid JSON. */
int json_top_type(struct json_reader *r, const char *json,
    char type[JSON_TYPE_LEN], struct mc_err *err);

/* Read the object `obj` (JSON text) into vals[spec->n], in the order of
 * spec->fields.  On a fault, spec->complain words it and -1 is returned;
 * vals must be released with json_values_free either way. */
int json_object_read(struct json_reader *r, const char *obj,
    const struct json_object_spec *spec, struct json_value *vals,
    const void *where, struct mc_err *err);
void json_values_free(struct json_value *vals, size_t n);
/* The text of a value, now the caller's to free (NULL if absent or null). */
char *json_value_take(struct json_value *v);

/* Call fn for each entry of the array `arr` (JSON text), in order, with its
 * 0-based index, its json_type and its JSON text.  A nonzero return of fn
 * stops the walk and is returned.  fn may read objects and walk arrays
 * inside the entry. */
typedef int (*json_entry_fn)(void *arg, int index, const char *type,
    const char *json, struct mc_err *err);
int json_array_each(struct json_reader *r, const char *arr, json_entry_fn fn,
    void *arg, struct mc_err *err);

/* The file an import reads, whole, as one string: JSON_FILE_OK with *buf
 * (malloc'd, NUL-terminated) and *size, or what kept it from being read,
 * for the caller to word: the file could not be opened (errno says why),
 * is not a regular file, is over `max` bytes (*size is its size), memory
 * ran out, reading failed, it holds a NUL byte (so it is not text), or it
 * starts with the byte-order mark of UTF-16 or UTF-32 (saved as "Unicode"
 * rather than UTF-8).  A UTF-8 byte-order mark is dropped from *buf. */
enum json_file_fault {
	JSON_FILE_OK, JSON_FILE_OPEN, JSON_FILE_NOT_REGULAR, JSON_FILE_TOO_BIG,
	JSON_FILE_NOMEM, JSON_FILE_READ, JSON_FILE_NUL, JSON_FILE_UTF16
};
enum json_file_fault json_file_read(const char *path, long max, char **buf,
    size_t *size);

#endif
