/* slip.h — the forms handed to the citizen, rendered from templates.
 *
 * Mẫu 01 (appointment slip, GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ, two
 * copies "Liên 1: Lưu" / "Liên 2: Giao khách hàng") and Mẫu 02 (supplement
 * request, PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ) are plain-text
 * templates (data/templates/mau01.txt, mau02.txt, compiled in).  A file of
 * the same name in a "templates" folder beside the database overrides the
 * built-in one, so a commune can adapt a form without a new program.
 *
 * Template language: {{name}} is replaced by a value; a block
 * {{#documents}} … {{/documents}} repeats once per document with
 * {{doc.n}}, {{doc.name}}, {{doc.form}}, {{doc.quantity}}; an unknown
 * name is an error naming it (a typo in a template never prints blank). */
#ifndef MOTCUA_SLIP_H
#define MOTCUA_SLIP_H

#include <sqlite3.h>

#include "motcua/error.h"

enum slip_form { SLIP_RECEIPT /* Mẫu 01 */, SLIP_SUPPLEMENT /* Mẫu 02 */ };

/* Render the form of a dossier (SLIP_RECEIPT: by dossier code) or of a
 * guidance event (SLIP_SUPPLEMENT: by the id in dossier_guide's out->id,
 * or a dossier code).  db_path locates the templates folder (may be
 * NULL).  Returns malloc'd UTF-8 text. */
char *slip_render(sqlite3 *db, const char *db_path, enum slip_form form,
    const char *key, struct mc_err *err);

/* Write text to the slips folder beside the database
 * (<dir>/slips/<name>.txt), through a temporary file, fsynced and renamed;
 * the path written goes to path_out (size n). */
int slip_save(const char *db_path, const char *name, const char *text,
    char *path_out, size_t n, struct mc_err *err);

/* Print a file with the print_command setting (default "lp"; words split
 * on spaces, the file appended, run without a shell).  Fails with a clear
 * message if the command fails; nothing else changes. */
int slip_print(sqlite3 *db, const char *path, struct mc_err *err);

#endif
