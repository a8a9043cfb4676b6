/* csv.h — RFC 4180 CSV into a growing memory buffer, in UTF-8 or a
 * legacy Vietnamese encoding (for spreadsheets on old office machines).
 *
 * Lines end in CRLF; a field is quoted when it holds a comma, a quote, a
 * CR or a LF, and quotes inside it are doubled.  Every cell is put in NFC
 * first: iconv's CP1258 and TCVN converters make their base + tone bytes
 * from precomposed letters, and fail on decomposed ones.
 *
 * Encodings (csv_begin):
 *   NULL, "utf-8"  UTF-8, starting with a byte order mark (EF BB BF) so
 *                  that spreadsheet programs recognise it
 *   "cp1258"       Windows-1258 (iconv CP1258)
 *   "tcvn"         TCVN 5712:1993 VN1 (iconv TCVN5712-1)
 *   "viscii"       VISCII (iconv VISCII)
 * A character the encoding cannot hold is an error naming the row (rows
 * count from 1, the header included: the line of the file) and the
 * character, e.g. "row 12: 'Ā' cannot be written in VISCII: use UTF-8".
 * The whole CSV is then abandoned (the bytes are dropped and every later
 * csv_row fails): never a silently wrong letter, never //TRANSLIT.
 *
 *   struct csv c;
 *   if (csv_begin(&c, "cp1258", &err)) …
 *   if (csv_row(&c, cells, n, &err)) { csv_free(&c); … }
 *   … write c.data, c.len …
 *   csv_free(&c);
 */
#ifndef MOTCUA_CSV_H
#define MOTCUA_CSV_H

#include <iconv.h>
#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "motcua/error.h"

enum csv_enc { CSV_UTF8, CSV_CP1258, CSV_TCVN, CSV_VISCII };

struct csv {
	const char *data;	/* the bytes so far (NULL while there are none) */
	size_t len;
	sqlite3_str *out;	/* where they are built (strbuf.h) */
	long row;		/* rows written */
	iconv_t cd;		/* (iconv_t)-1 for UTF-8 */
	int enc;		/* enum csv_enc */
	bool failed;		/* abandoned after an error */
};

/* Start an empty CSV in the named encoding (case does not matter).
 * -1 with err set for an unknown encoding or when iconv lacks it. */
int csv_begin(struct csv *c, const char *encoding, struct mc_err *err);
/* Append one row of n cells (NULL counts as "").  -1 with err set: a cell
 * is not UTF-8, a character cannot be written in the encoding (the CSV is
 * abandoned), or memory ran out. */
int csv_row(struct csv *c, const char *const *cells, size_t n, struct mc_err *err);
/* Release the buffer and the converter; c may be reused with csv_begin. */
void csv_free(struct csv *c);

#endif
