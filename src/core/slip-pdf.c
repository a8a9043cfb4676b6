/* slip-pdf.c — the forms on A4 paper as PDF (slip.h: slip_render_pdf):
 * the form's PDF layout template filled by slip_render_layout, drawn by
 * pdf_render; and the logbook (2025 form 7) as a bordered table on A4
 * landscape, its rows from report_logbook. */
#include "config.h"

#include <limits.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/date.h"
#include "motcua/i18n.h"
#include "motcua/pdf.h"
#include "motcua/print.h"
#include "motcua/report.h"
#include "motcua/slip.h"
#include "motcua/strbuf.h"
#include "slip-int.h"

int
slip_render_pdf(sqlite3 *db, const char *db_path, enum slip_form form, const char *key,
    struct pdf_buf *out, struct mc_err *err)
{
	char *layout = slip_render_layout(db, db_path, form, key, SLIP_LAYOUT_PDF, err);
	char name[64];
	int rc;

	out->p = NULL;
	out->len = 0;
	if (layout == NULL)
		return -1;
	snprintf(name, sizeof name, "the layout of form %d", (int)form + 1);
	rc = pdf_render(layout, name, out, err);
	free(layout);
	return rc;
}

int
slip_print_pdf(sqlite3 *db, const char *db_path, const char *command, enum slip_form form,
    const char *key, struct mc_err *err)
{
	struct pdf_buf b;
	char file[PATH_MAX], saved[PATH_MAX * 2], logpath[PATH_MAX + 32];
	int rc;

	if (slip_render_pdf(db, db_path, form, key, &b, err))
		return -1;
	snprintf(file, sizeof file, "mau%02d-%s.pdf", (int)form + 1, key);
	rc = slip_save_file(db_path, "slips", file, (const char *)b.p, b.len, saved,
	    sizeof saved, err);
	if (rc == 0) {
		print_log_path(db, db_path, logpath, sizeof logpath);
		rc = print_run(command, saved, b.p, b.len, logpath, err);
	}
	pdf_buf_free(&b);
	return rc;
}

/* ---- the logbook ------------------------------------------------------------ */

struct lb_ctx {
	sqlite3_str *out;
	int failed;
};

/* Append the escaped cells of a row, separated by '|'. */
static int
lb_cells(sqlite3_str *out, const char *dir, const char *const *cells, int n)
{
	sqlite3_str_appendf(out, "@%s ", dir);
	for (int i = 0; i < n; i++) {
		char *e = pdf_escape(cells[i] != NULL ? cells[i] : "");

		if (e == NULL)
			return -1;
		if (i > 0)
			sqlite3_str_appendchar(out, 1, '|');
		sqlite3_str_appendall(out, e);
		free(e);
	}
	sqlite3_str_appendchar(out, 1, '\n');
	return 0;
}

static int
lb_row(const struct report_logbook_row *r, void *arg)
{
	struct lb_ctx *c = arg;
	char n[24], sets[16];
	const char *cells[15];

	snprintf(n, sizeof n, "%lld", r->n);
	snprintf(sets, sizeof sets, "%d", r->sets);
	cells[0] = n;
	cells[1] = r->book;
	cells[2] = r->code;
	cells[3] = r->procedure;
	cells[4] = sets;
	cells[5] = r->applicant;
	cells[6] = r->contact;
	cells[7] = r->agency;
	cells[8] = r->received;
	cells[9] = r->due;
	cells[10] = r->transferred;
	cells[11] = r->result;
	cells[12] = r->returned;
	cells[13] = "";		/* ký nhận: signed by hand */
	cells[14] = r->note;
	if (lb_cells(c->out, "tr", cells, 15)) {
		c->failed = 1;
		return 1;
	}
	return 0;
}

int
slip_logbook_pdf(sqlite3 *db, int from, int to, struct pdf_buf *out, struct mc_err *err)
{
	/* the columns of the logbook (2025 form 7; 2018 Mẫu 06), "Quyển số"
	 * beside the running number */
	static const char *const head[15] = {"TT", "Quyển số", "Mã hồ sơ", "Tên TTHC",
	    "Số lượng hồ sơ (bộ)", "Tên cá nhân, tổ chức", "Địa chỉ, số điện thoại",
	    "Cơ quan chủ trì giải quyết", "Nhận hồ sơ", "Hẹn trả kết quả",
	    "Chuyển hồ sơ đến cơ quan giải quyết", "Nhận kết quả", "Trả kết quả",
	    "Ký nhận", "Ghi chú"};
	struct slip_data d;
	struct lb_ctx c = {NULL, 0};
	char *layout = NULL, *pu = NULL, *bu = NULL;
	int y1, m1, d1, y2, m2, d2, rc = -1;

	out->p = NULL;
	out->len = 0;
	if (slip_data_init(&d))
		return err_set(err, MC_ENOMEM, _("out of memory"));
	if (slip_unit(db, &d, err))
		goto done;
	if ((c.out = sqlite3_str_new(NULL)) == NULL ||
	    (pu = pdf_escape(d.v[V_PARENT_UPPER])) == NULL ||
	    (bu = pdf_escape(d.v[V_BODY_UPPER])) == NULL) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		goto done;
	}
	date_ymd(from, &y1, &m1, &d1);
	date_ymd(to, &y2, &m2, &d2);
	sqlite3_str_appendf(c.out, "@page landscape\n@size 12\n"
	    "@left %s\n@left <b>%s</b>\n"
	    "@right <b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>\n"
	    "@right <b>Độc lập - Tự do - Hạnh phúc</b>\n"
	    "@title SỔ THEO DÕI HỒ SƠ\n"
	    "@center <i>Từ ngày %02d/%02d/%04d đến ngày %02d/%02d/%04d</i>\n\n"
	    "@size 8\n"
	    "@table 4c 7c 23 16 6c 11 11 10 10 10 9 9 9 6 5\n", pu, bu, d1, m1, y1, d2, m2, y2);
	if (lb_cells(c.out, "th", head, 15)) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		goto done;
	}
	if (report_logbook(db, from, to, lb_row, &c, err) != 0)
		goto done;
	if (c.failed) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		goto done;
	}
	if ((layout = strbuf_finish(c.out, NULL, err)) == NULL) {
		c.out = NULL;
		goto done;
	}
	c.out = NULL;
	rc = pdf_render(layout, "logbook", out, err);
done:
	if (c.out != NULL)
		sqlite3_free(sqlite3_str_finish(c.out));
	free(layout);
	free(pu);
	free(bu);
	slip_data_free(&d);
	return rc;
}
