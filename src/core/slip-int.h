/* slip-int.h — what the slip files share (not a public interface).
 *
 * slip-tpl.c    the template language: values, repeating blocks, layout by
 *               display width, the template file (built in or overridden)
 * slip.c        Mẫu 01 and 02 (from the receive or guide event), the
 *               public slip_render, saving and printing
 * slip-forms.c  Mẫu 03, 04 and 05 and the stop notice (from the dossier's
 *               later events)
 * slip-pdf.c    the forms as PDF (slip_render_pdf) and the logbook's PDF */
#ifndef MOTCUA_SLIP_INT_H
#define MOTCUA_SLIP_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "motcua/error.h"
#include "motcua/format.h"
#include "motcua/slip.h"
#include "motcua/strbuf.h"

/* The values a template can name; the list is documented in slip.h and
 * the names are in slip-tpl.c, in this order. */
enum slip_var {
	V_UNIT_NAME, V_UNIT_UPPER, V_UNIT_ADDRESS, V_UNIT_CODE, V_UNIT_PHONE,
	V_PARENT_UPPER, V_BODY_NAME, V_BODY_UPPER,
	V_PLACE, V_DAY, V_MONTH, V_YEAR, V_COPY, V_CODE, V_NUMBER,
	V_APPLICANT, V_APPLICANT_ID, V_HONORIFIC, V_BIRTH_DATE, V_ADDRESS, V_PHONE, V_EMAIL,
	V_PROCEDURE, V_PROCEDURE_CODE, V_FIELD, V_TIME_LIMIT, V_RECEIVED_TIME,
	V_DUE_TIME, V_DELIVERY, V_FEE, V_COUNT, V_BOOK, V_SEQ, V_OFFICER,
	V_REASON, V_NEW_DATE, V_AGENCY, V_FEE_TEXT, V_GROUND,
	V_NVARS
};

/* The repeating blocks: {{#documents}} rows are {{doc.n}}, {{doc.name}},
 * {{doc.form}}, {{doc.quantity}}; {{#handoffs}} rows are {{h.n}},
 * {{h.agency}}, {{h.time}}, {{h.result}}, {{h.note}}.  "n" (1, 2, …) is
 * made by slip_row_add; the other cells are given in this order. */
enum slip_block { B_DOCUMENTS, B_HANDOFFS, B_NBLOCKS };
#define SLIP_MAX_CELLS 5	/* "n" and up to four given cells */

struct slip_rows {
	char **cells;		/* nrows × the block's cell count, never NULL */
	size_t nrows;
};

struct slip_data {
	char *v[V_NVARS];	/* never NULL once loaded: "" when unknown */
	struct slip_rows rows[B_NBLOCKS];
	const char *tname;	/* the template's file name, for messages */
	/* a PDF layout (pdf.h) is filled: values escaped for pango markup,
	 * widths ignored (pango wraps), {{qr}} becomes "@qr CODE" */
	bool markup;
};

/* Set a value (a copy of s, "" for NULL); -1 if out of memory. */
int slip_set(struct slip_data *d, enum slip_var v, const char *s);
/* Set every value to "", the start of every load; -1 if out of memory. */
int slip_data_init(struct slip_data *d);
void slip_data_free(struct slip_data *d);
/* Append a row to a block: the cells after "n", in the block's order
 * (NULL counts as "").  -1 if out of memory. */
int slip_row_add(struct slip_data *d, enum slip_block b, const char *const *cells);

/* Render the template text (the whole file) onto the end of out (see
 * strbuf.h); -1 with err set, also when memory ran out. */
int slip_fill(const struct slip_data *d, const char *tpl, sqlite3_str *out,
    struct mc_err *err);

/* The QR of a dossier code in Unicode half blocks, each line after
 * `indent` spaces, onto the end of out (slip-qr.c); nothing for "". */
int slip_qr_append(const char *code, size_t indent, sqlite3_str *out,
    struct mc_err *err);

/* The folder of the database ("." when db_path has no '/'). */
void slip_dir(const char *db_path, char *buf, size_t n);
/* The template: <dir of db>/templates/<file> if there is one, else the
 * data folder's templates/<file> (module_datadir), else the built-in
 * text.  *tpl is malloc'd; tname names it in messages. */
int slip_template(const char *db_path, const char *file, const char *builtin, char **tpl,
    char *tname, size_t tn, struct mc_err *err);

/* The unit's fields: unit_*, parent_upper, body_*, place (slip.c). */
int slip_unit(sqlite3 *db, struct slip_data *d, struct mc_err *err);
/* Set day, month, year to the date of an ISO time (today if NULL or bad). */
int slip_set_date(struct slip_data *d, const char *iso);
/* The receive event of the dossier with this code: the fields of Mẫu 01
 * (code, applicant, procedure, times, officer …).  1 if there is none. */
int slip_load_receipt(sqlite3 *db, const char *code, struct slip_data *d,
    struct mc_err *err);

/* slip-forms.c: the fields of Mẫu 03, 04 or 05 of the dossier with this
 * code, on top of slip_load_receipt's; MC_ENOTFOUND for no such dossier,
 * MC_EINVAL when the dossier has no refusal (03) or apology (04). */
int slip_load_event_form(sqlite3 *db, enum slip_form form, const char *code,
    struct slip_data *d, struct mc_err *err);

/* slip-pdf.c: print the form as PDF with the print command (print.h's
 * command back end): rendered, saved as slips/mau0N-KEY.pdf beside the
 * database, that file given to the command (and on its standard input). */
int slip_print_pdf(sqlite3 *db, const char *db_path, const char *command,
    enum slip_form form, const char *key, struct mc_err *err);

static inline const char *
slip_col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

#endif
