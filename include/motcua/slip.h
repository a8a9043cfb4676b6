/* slip.h — the forms handed to the citizen, rendered from templates.
 *
 * Mẫu 01 (appointment slip, GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ, two
 * copies "Liên 1: Lưu" / "Liên 2: Giao khách hàng"), Mẫu 02 (supplement
 * request, PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ), Mẫu 03 (refusal,
 * PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ), Mẫu 04 (apology, PHIẾU XIN
 * LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ) and Mẫu 05 (control sheet, PHIẾU KIỂM
 * SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ) are plain-text templates
 * (data/templates/mau01.txt … mau05.txt, compiled in).  A file of
 * the same name in a "templates" folder beside the database overrides the
 * built-in one, so a commune can adapt a form without a new program.
 *
 * Template language (one line of template at a time):
 *   {{name}}        the value, as is, on this line
 *   {{name:30}}     padded to 30 columns (display width: a Vietnamese
 *                   letter is one column); a longer value wraps on words
 *                   onto the following lines, under itself; {{name:^30}}
 *                   centres, {{name:>30}} aligns right (1..200 columns);
 *                   {{name:30.}} prints an empty value as 30 dots, a line
 *                   to fill in by hand
 *   {{?name}}…      at the start of a line: the line only if name is not
 *                   empty (inside a block, name may be a row's field)
 *   {{#documents}} … {{/documents}}, each tag on a line of its own: the
 *                   lines between repeat once per document, with
 *                   {{doc.n}} (1, 2, …), {{doc.name}}, {{doc.form}}
 *                   ("Bản chính", "Bản sao chứng thực", "Bản chụp") and
 *                   {{doc.quantity}} ("01"); Mẫu 02 lists the missing
 *                   documents, the other forms those handed in.
 *   {{#handoffs}} … {{/handoffs}}: once per hand-off of the dossier
 *                   (Mẫu 05; none in the other forms), in the order they
 *                   happened: the receipt, each handover, transfer and
 *                   transfer-back, the result, the return.  {{h.n}},
 *                   {{h.agency}} (the counter "Bộ phận tiếp nhận và trả
 *                   kết quả", the unit, or the agency of a transfer),
 *                   {{h.time}} ("16 giờ 10 phút, ngày 20/11/2026"),
 *                   {{h.result}} ("trước hạn", "đúng hạn", "quá hạn" for a
 *                   transfer-back or a result, judged against the
 *                   dossier's due: before the due day, by the due moment,
 *                   after it; "" for the other rows), {{h.note}} ("Giao:
 *                   Nguyễn Thị Lan → Lê Văn Hùng", "Chuyển: …", "Trả về:
 *                   …", "Nhận kết quả: …", "Trả kết quả: … → collector").
 *   {{qr}}          on a line of its own: the dossier code as a QR drawn
 *                   with Unicode half blocks (15 lines of 29 columns for
 *                   a code of 25 characters), indented as the tag is, for
 *                   a scanner at F3 or F4; nothing for a guidance.
 *   {{! …           a line starting with "{{!" (outside a block) is a
 *                   comment: the template's notes, never printed.
 * An unknown name is an error naming it and the template file (a typo in
 * a template never prints blank).
 *
 * Fields (all forms; "" where one does not apply):
 *   unit_name unit_upper unit_address unit_code  the unit; unit_name is
 *       the parent authority (unit.h), unit_upper vntext_upper(unit_name)
 *       ("UBND XÃ MỸ AN")
 *   parent_upper   the parent authority in capitals, the header's first
 *                  line (the same as unit_upper)
 *   body_name body_upper   the receiving body ("Trung tâm Phục vụ hành
 *                  chính công xã Mỹ An", unit.h) and its capitals, the
 *                  header's second line; the forms' text names it where
 *                  it speaks of who receives
 *   unit_phone     the unit's phone (unit_set), "" when unset
 *   place          the unit's place of the date line (unit.h: "Mỹ An")
 *   day month year the form's date, "05" "11" "2026": the receipt (01,
 *                  05), the guidance, today for Mẫu 02 of a received
 *                  dossier, the refusal (03), the last apology (04)
 *   copy           "(Liên 1: Lưu)", "(Liên 2: Giao khách hàng)"; Mẫu 01 is
 *                  rendered twice, joined by a cut line and a form feed
 *   code           the dossier code ("" for a guidance)
 *   number         Mẫu 02 number: station × 1000 + the station's guidance
 *                  count in the year (1001, 1002, …); for a dossier (all
 *                  other forms), the code's last 4 digits
 *   applicant applicant_id birth_date address phone email
 *   honorific      how the form addresses the citizen: "Ông" or "Bà" from
 *                  the sex the ID's 4th digit gives (citizen_id_sex),
 *                  "Ông/Bà" when it does not say (9 digits, a passport)
 *   procedure procedure_code field   the procedure as recorded that day
 *   time_limit     "3 ngày làm việc", "8 giờ làm việc", "trong ngày"
 *   received_time due_time   "09 giờ 30 phút, ngày 20 tháng 11 năm 2026";
 *                  due_time is the receipt's promise in Mẫu 01/02, the
 *                  dossier's due (moved by pauses, not by an apology) in
 *                  Mẫu 03/04/05
 *   delivery       the receiving body (body_name; "Bộ phận tiếp nhận và
 *                  trả kết quả" if it is unknown) / "Qua dịch vụ bưu
 *                  chính"
 *   fee            "15.000 đồng" or "Không"
 *   fee_text       the fee with its rule, for a fee with a catalog note
 *                  (the catalog's of today: the receipt does not record
 *                  it): the note alone when it starts with the amount
 *                  ("2.000 đồng/trang; từ trang thứ ba trở lên 1.000
 *                  đồng/trang"), else "15.000 đồng (note)"; else fee
 *   count          number of sets, "01"
 *   book seq       Sổ theo dõi hồ sơ: the station's book and the
 *                  dossier's running number in it ("01/2026", "17";
 *                  logbook.h), as `report logbook` lists them
 *   officer        full name of the officer who recorded the event (the
 *                  receipt, the guidance, the refusal, the apology)
 *   reason         Mẫu 03: the refusal's reason (a "refuse" event, or a
 *                  "result" refused); Mẫu 04: the last apology's
 *   new_date       Mẫu 04: the last apology's new date, as received_time
 *   agency         Mẫu 05: the agency of the last transfer, else unit_name
 *   ground         the stop notice: the legal ground of the stop ("" if
 *                  none was given); reason is the stop's reason, the date
 *                  and officer the stop's */
#ifndef MOTCUA_SLIP_H
#define MOTCUA_SLIP_H

#include <sqlite3.h>

#include "motcua/error.h"

/* The kinds of form.  In the 2018 set Mẫu N is kind N - 1 (SLIP_RECEIPT +
 * 2 is Mẫu 03); SLIP_STOP has no 2018 form.  Saved slips are named after
 * the kind, "mau0N-<key>" with N = kind + 1, in either set (mau06: the stop
 * notice), so that a slip's file name does not depend on the setting. */
enum slip_form {
	SLIP_RECEIPT,		/* 2018 Mẫu 01, 2025 form 1 */
	SLIP_SUPPLEMENT,	/* 2018 Mẫu 02, 2025 form 2 */
	SLIP_REFUSAL,		/* 2018 Mẫu 03, 2025 form 3 */
	SLIP_APOLOGY,		/* 2018 Mẫu 04, 2025 form 4 (and extension) */
	SLIP_CONTROL,		/* 2018 Mẫu 05, 2025 form 6 */
	SLIP_STOP,		/* 2025 form 5, Thông báo dừng giải quyết hồ sơ */
	SLIP_NFORMS
};

/* The set of forms, the setting form_set: "2025" (Circular 03/2025/TT-VPCP,
 * templates tt03-1.txt … tt03-6.txt, the default) or "2018" (Circular
 * 01/2018/TT-VPCP, mau01.txt … mau05.txt).  The stop notice is tt03-5.txt
 * in both sets. */
enum slip_set { SLIP_SET_2025, SLIP_SET_2018 };
enum slip_set slip_form_set(sqlite3 *db);

/* The form that a --form value names, under the current set:
 *   "1" … "6" without a leading zero: the current set's number (2025: 1
 *   receipt, 2 supplement, 3 refusal, 4 apology and extension, 5 stop
 *   notice, 6 control sheet; 2018: 1 … 5 as Mẫu 01 … 05);
 *   "01" … "05" with a leading zero: the 2018 number, in either set (so
 *   under 2025 "04" is form 4 and "05" is form 6, the control sheet).
 * Returns 0, -1 with err set for a value that names no form, -2 with err
 * set for the logbook (2025 form 7: `motcua report logbook`). */
int slip_form_parse(sqlite3 *db, const char *s, enum slip_form *out, struct mc_err *err);

/* Render a form.  key is a dossier code, except for SLIP_SUPPLEMENT: the
 * id in dossier_guide's out->id, or a dossier code (then the documents
 * not handed in).  db_path locates the templates folder (may be NULL:
 * built-in templates).  Returns malloc'd UTF-8 text, or NULL with err set
 * (MC_ENOTFOUND: no such dossier or guidance; MC_EINVAL: a bad template,
 * nothing missing (02), no refusal recorded (03), no apology recorded
 * (04)). */
char *slip_render(sqlite3 *db, const char *db_path, enum slip_form form,
    const char *key, struct mc_err *err);

/* The same data in another layout.  SLIP_LAYOUT_A5 is slip_render's;
 * SLIP_LAYOUT_RECEIPT is for a receipt printer, from the setting
 * paper_width: mau0N-receipt58.txt (32 columns) or mau0N-receipt80.txt
 * (48 columns), built in for Mẫu 01 and 02 and overridable like the
 * others.  A form with no receipt template (Mẫu 03 to 05, unless a
 * templates folder adds one) falls back to its A5 text, which the ESC/POS
 * back end wraps to the paper.  The copies of Mẫu 01 are separated by a
 * cut line as wide as the paper and a form feed (a cut on ESC/POS). */
/* SLIP_LAYOUT_PDF is the layout text of slip_render_pdf (below), before
 * pdf_render draws it. */
enum slip_layout { SLIP_LAYOUT_A5, SLIP_LAYOUT_RECEIPT, SLIP_LAYOUT_PDF };
char *slip_render_layout(sqlite3 *db, const char *db_path, enum slip_form form,
    const char *key, enum slip_layout layout, struct mc_err *err);

/* The form as PDF on A4 (pdf.h).  The layout is a template of its own per
 * form, data/templates/tt03-N.pdf.txt (2025) or mau0N.pdf.txt (2018),
 * compiled in and overridable from the templates folder as the text ones
 * are.  It is filled by the same template language with the same fields
 * (above: {{name}}, {{?name}}, {{#documents}}, {{#handoffs}}, {{qr}}), the
 * values escaped for pango markup and widths ignored (pango wraps inside
 * the page: {{name:30.}} still gives 30 dots for an empty value), then
 * drawn by pdf_render: its directives (@left, @right, @split, @title, @p,
 * @table/@th/@tr, @sign, @qr, @newpage …) are listed in pdf.h.  So the
 * field values have one source (slip.c, slip-forms.c) for the screen, the
 * receipt printer and the paper.  The two copies of form 1 are each on a
 * page.  out is malloc'd (pdf_buf_free); -1 with err set as slip_render,
 * or for a bad layout. */
struct pdf_buf;
int slip_render_pdf(sqlite3 *db, const char *db_path, enum slip_form form,
    const char *key, struct pdf_buf *out, struct mc_err *err);

/* The logbook (2025 form 7, Sổ theo dõi hồ sơ) of the receipts of days
 * from..to (day numbers, report.h) as PDF: the unit's header and a
 * bordered table of report_logbook's rows, A4 landscape. */
int slip_logbook_pdf(sqlite3 *db, int from, int to, struct pdf_buf *out,
    struct mc_err *err);

/* Write text to the slips folder beside the database
 * (<dir>/slips/<name>.txt; folder made 0700, file 0600), through a
 * temporary file in the same folder, fsynced, renamed, folder fsynced; on
 * failure no file is left.  name may not hold '/' or start with '.'.  The
 * path written goes to path_out (size n).  The CLI names slips
 * "mau0N-<code>" ("mau02-<id or code>"). */
/* The same for any bytes, into <dir>/<folder>/<file> (the reports screen
 * writes its CSV into "reports" this way). */
int slip_save_file(const char *db_path, const char *folder, const char *file,
    const char *data, size_t len, char *path_out, size_t n, struct mc_err *err);
int slip_save(const char *db_path, const char *name, const char *text,
    char *path_out, size_t n, struct mc_err *err);

/* Print a saved slip with the back end of the print_backend setting
 * (print.h).  "command" (the default) runs print_command (default "lp";
 * words split on spaces, the file appended, run without a shell, the
 * file's text on stdin, stdout and stderr appended to print.log beside
 * the database so they never reach a curses screen) and waits for it;
 * "file" copies the text to print_device; "escpos" renders the form again
 * in the receipt layout (the file's name "mau0N-KEY.txt" names the form
 * and the dossier; any other file is printed as it is, wrapped to the
 * paper) and writes the ESC/POS bytes, with the QR of the dossier code
 * when escpos_qr is 1, to print_device.  Fails with a clear message if
 * the printer cannot be reached or the command fails; nothing else
 * changes. */
int slip_print(sqlite3 *db, const char *path, struct mc_err *err);

#endif
