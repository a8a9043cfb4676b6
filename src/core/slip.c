/* slip.c — the forms handed to the citizen, from templates: Mẫu 01 and
 * Mẫu 02 (here), Mẫu 03, 04, 05 (slip-forms.c); saving and printing.
 *
 * The data comes from the event that the form documents (a "receive" or a
 * "guide" event), read with SQLite's JSON functions, so the slip shows what
 * was recorded that day even if the catalog changed since.  The template
 * language is in slip.h and slip-tpl.c. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "motcua/calendar.h"
#include "motcua/citizen.h"
#include "motcua/date.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/print.h"
#include "motcua/setting.h"
#include "motcua/slip.h"
#include "motcua/unit.h"
#include "motcua/vntext.h"
#include "slip-int.h"

/* The compiled-in templates (data/templates/, build-aux/text2c.sh). */
extern const char slip_mau01_txt[];
extern const char slip_mau02_txt[];
extern const char slip_mau03_txt[];
extern const char slip_mau04_txt[];
extern const char slip_mau05_txt[];
extern const char slip_tt03_1_txt[];
extern const char slip_tt03_2_txt[];
extern const char slip_tt03_3_txt[];
extern const char slip_tt03_4_txt[];
extern const char slip_tt03_5_txt[];
extern const char slip_tt03_6_txt[];
extern const char slip_tt03_1_pdf_txt[];
extern const char slip_tt03_2_pdf_txt[];
extern const char slip_tt03_3_pdf_txt[];
extern const char slip_tt03_4_pdf_txt[];
extern const char slip_tt03_5_pdf_txt[];
extern const char slip_tt03_6_pdf_txt[];
extern const char slip_mau01_pdf_txt[];
extern const char slip_mau02_pdf_txt[];
extern const char slip_mau03_pdf_txt[];
extern const char slip_mau04_pdf_txt[];
extern const char slip_mau05_pdf_txt[];
extern const char slip_mau01_receipt58_txt[];
extern const char slip_mau01_receipt80_txt[];
extern const char slip_mau02_receipt58_txt[];
extern const char slip_mau02_receipt80_txt[];

/* ---- reading the event -------------------------------------------------- */

static const char *
slip_form_vi(const char *form)
{
	if (form == NULL)
		return "";
	if (strcmp(form, "original") == 0)
		return "Bản chính";
	if (strcmp(form, "certified_copy") == 0)
		return "Bản sao chứng thực";
	if (strcmp(form, "copy") == 0)
		return "Bản chụp";
	return form;
}

/* The documents of the form: those handed in (Mẫu 01) or those missing
 * (Mẫu 02: the body's "missing" positions, else those not handed in). */
static int
slip_docs(sqlite3 *db, const char *body, bool received, struct slip_data *d,
    struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT json_extract(j.value, '$.name'), "
	    "json_extract(j.value, '$.form'), json_extract(j.value, '$.quantity') "
	    "FROM json_each(?1, '$.procedure.documents') AS j WHERE CASE "
	    "WHEN ?2 THEN coalesce(json_extract(j.value, '$.received'), 0) "
	    "WHEN json_type(?1, '$.missing') = 'array' THEN "
	    "json_extract(j.value, '$.position') IN "
	    "(SELECT m.value FROM json_each(?1, '$.missing') AS m) "
	    "ELSE NOT coalesce(json_extract(j.value, '$.received'), 0) END "
	    "ORDER BY CAST(j.key AS INTEGER)", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, received);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char q[16];
		const char *cells[3];

		snprintf(q, sizeof q, "%02d", sqlite3_column_int(st, 2));
		cells[0] = slip_col(st, 0);
		cells[1] = slip_form_vi(slip_col(st, 1));
		cells[2] = q;
		if (slip_row_add(d, B_DOCUMENTS, cells))
			break;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the documents of the form"));
	return 0;
}

/* How the forms address the citizen: from the sex that the CCCD's 4th
 * digit gives (no column of its own: the ID says it), "Ông/Bà" when the
 * ID does not say (no ID, a 9-digit CMND, a passport number).  The forms
 * are Vietnamese in every locale, so these are not translated. */
static const char *
slip_honorific(const char *id)
{
	switch (citizen_id_sex(id)) {
	case CITIZEN_SEX_MALE:
		return "Ông";
	case CITIZEN_SEX_FEMALE:
		return "Bà";
	case CITIZEN_SEX_UNKNOWN:
		break;
	}
	return "Ông/Bà";
}

/* Load the event that the form documents.  kind "receive": key is a
 * dossier code; kind "guide": key is the guidance id.  Returns 1 if there
 * is no such event. */
static int
slip_load(sqlite3 *db, const char *kind, const char *key, enum slip_form form,
    struct slip_data *d, struct mc_err *err)
{
	static const char sql[] =
	    "SELECT json_extract(e.body, '$.code'), "		/* 0 */
	    "json_extract(e.body, '$.procedure.code'), "
	    "json_extract(e.body, '$.procedure.name'), "
	    "json_extract(e.body, '$.procedure.field'), "
	    "json_extract(e.body, '$.procedure.time_limit'), "
	    "json_extract(e.body, '$.procedure.fee'), "		/* 5 */
	    "json_extract(e.body, '$.applicant.name'), "
	    "json_extract(e.body, '$.applicant.id'), "
	    "json_extract(e.body, '$.applicant.birth_date'), "
	    "json_extract(e.body, '$.applicant.phone'), "
	    "json_extract(e.body, '$.applicant.address'), "	/* 10 */
	    "json_extract(e.body, '$.applicant.email'), "
	    "json_extract(e.body, '$.delivery'), "
	    "coalesce(json_extract(e.body, '$.received'), e.at), "
	    "json_extract(e.body, '$.due'), "
	    "coalesce(o.full_name, e.officer), "			/* 15 */
	    "e.body, "
	    /* a guidance's number: the station's block (station 2 → 2001…),
	     * counted within the year, as dossier codes are */
	    "coalesce((SELECT s.number FROM station AS s WHERE s.id = e.origin), 0) "
	    "* 1000 + (SELECT count(*) FROM event AS g WHERE g.origin = e.origin "
	    "AND g.kind = e.kind AND substr(g.at, 1, 4) = substr(e.at, 1, 4) "
	    "AND g.seq <= e.seq), "
	    /* 18, 19: its place in the logbook (logbook.h) */
	    "d.book, d.book_no, "
	    /* 20: the fee's rule, the catalog's note (not in the receipt) */
	    "(SELECT p.fee_note FROM procedure AS p "
	    "WHERE p.code = json_extract(e.body, '$.procedure.code')) "
	    "FROM event AS e LEFT JOIN dossier AS d ON d.id = e.dossier "
	    "LEFT JOIN officer AS o ON o.username = e.officer "
	    "WHERE e.kind = ?2 AND e.dossier = CASE ?2 WHEN 'receive' THEN "
	    "(SELECT id FROM dossier WHERE code = ?1) ELSE ?1 END "
	    "ORDER BY e.at, e.origin, e.seq LIMIT 1";
	char buf[256], limit[64], fee[64], number[24];
	const char *code, *received;
	struct mc_time at;
	sqlite3_stmt *st;
	int y, m, dd, rc;
	size_t clen;

	if (db_prepare(db, sql, &st, err))
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? 1 : db_fail(db, err, _("reading the form's data"));
	}
	code = slip_col(st, 0) != NULL ? slip_col(st, 0) : "";
	received = slip_col(st, 13);
	format_limit_text(slip_col(st, 4), FORMAT_FORM, limit, sizeof limit);
	format_fee(sqlite3_column_int64(st, 5), FORMAT_FORM, fee, sizeof fee);
	clen = strlen(code);
	rc = slip_set(d, V_CODE, code) ||
	    slip_set(d, V_PROCEDURE_CODE, slip_col(st, 1)) ||
	    slip_set(d, V_PROCEDURE, slip_col(st, 2)) ||
	    slip_set(d, V_FIELD, slip_col(st, 3)) ||
	    slip_set(d, V_TIME_LIMIT, limit) ||
	    slip_set(d, V_FEE, fee) ||
	    slip_set(d, V_APPLICANT, slip_col(st, 6)) ||
	    slip_set(d, V_APPLICANT_ID, slip_col(st, 7)) ||
	    slip_set(d, V_HONORIFIC, slip_honorific(slip_col(st, 7))) ||
	    slip_set(d, V_BIRTH_DATE, slip_col(st, 8)) ||
	    slip_set(d, V_PHONE, slip_col(st, 9)) ||
	    slip_set(d, V_ADDRESS, slip_col(st, 10)) ||
	    slip_set(d, V_EMAIL, slip_col(st, 11)) ||
	    /* at the counter: the receiving body (slip_unit, called first) */
	    slip_set(d, V_DELIVERY, slip_col(st, 12) != NULL && strcmp(slip_col(st, 12), "post") == 0 ?
	    "Qua dịch vụ bưu chính" : d->v[V_BODY_NAME] != NULL && d->v[V_BODY_NAME][0] != '\0' ?
	    d->v[V_BODY_NAME] : "Bộ phận tiếp nhận và trả kết quả") ||
	    slip_set(d, V_OFFICER, slip_col(st, 15)) ||
	    slip_set(d, V_COUNT, "01") ||
	    /* Sổ theo dõi: the station's book and running number */
	    slip_set(d, V_BOOK, slip_col(st, 18) != NULL ? slip_col(st, 18) : "") ||
	    slip_set(d, V_SEQ, slip_col(st, 19) != NULL ? slip_col(st, 19) : "");
	/* the fee with its rule: a note that starts with the amount ("2.000
	 * đồng/trang; từ trang thứ ba …") says it all, another one ("Lệ phí do
	 * HĐND tỉnh quy định") follows the amount in brackets */
	if (sqlite3_column_int64(st, 5) > 0 && slip_col(st, 20) != NULL &&
	    slip_col(st, 20)[0] != '\0') {
		const char *note = slip_col(st, 20);
		char *t = strncmp(note, fee, strlen(fee)) == 0 ? sqlite3_mprintf("%s", note) :
		    sqlite3_mprintf("%s (%s)", fee, note);

		rc = rc || t == NULL || slip_set(d, V_FEE_TEXT, t);
		sqlite3_free(t);
	} else
		rc = rc || slip_set(d, V_FEE_TEXT, fee);
	format_time_text(received, FORMAT_FORM, buf, sizeof buf);
	rc = rc || slip_set(d, V_RECEIVED_TIME, buf);
	format_time_text(slip_col(st, 14), FORMAT_FORM, buf, sizeof buf);
	rc = rc || slip_set(d, V_DUE_TIME, slip_col(st, 14) != NULL ? buf : "");
	snprintf(number, sizeof number, "%lld", sqlite3_column_int64(st, 17));
	rc = rc || slip_set(d, V_NUMBER, strcmp(kind, "guide") == 0 ? number :
	    clen >= 4 ? code + clen - 4 : "");
	/* the form is dated the day of the event; a supplement request for a
	 * dossier received earlier is dated today */
	if (form == SLIP_SUPPLEMENT && strcmp(kind, "receive") == 0)
		date_now(&at);
	else if (received == NULL || date_parse_time(received, &at) != 0)
		date_now(&at);
	date_ymd(at.jdn, &y, &m, &dd);
	snprintf(buf, sizeof buf, "%04d", y);
	rc = rc || slip_set(d, V_YEAR, buf);
	snprintf(buf, sizeof buf, "%02d", m);
	rc = rc || slip_set(d, V_MONTH, buf);
	snprintf(buf, sizeof buf, "%02d", dd);
	rc = rc || slip_set(d, V_DAY, buf);
	if (rc) {
		sqlite3_finalize(st);
		return err_set(err, MC_ENOMEM, _("out of memory"));
	}
	rc = slip_docs(db, slip_col(st, 16), form != SLIP_SUPPLEMENT, d, err);
	sqlite3_finalize(st);
	return rc;
}

int
slip_unit(sqlite3 *db, struct slip_data *d, struct mc_err *err)
{
	struct mc_unit u;
	char *upper, *body_upper;
	int rc;

	/* the parent authority, the receiving body and the place (unit.h) */
	if (unit_get(db, &u, err))
		return -1;
	if ((upper = vntext_upper(u.name, err)) == NULL)
		return -1;
	if ((body_upper = vntext_upper(u.body, err)) == NULL) {
		free(upper);
		return -1;
	}
	rc = slip_set(d, V_UNIT_NAME, u.name) || slip_set(d, V_UNIT_UPPER, upper) ||
	    slip_set(d, V_PARENT_UPPER, upper) || slip_set(d, V_BODY_NAME, u.body) ||
	    slip_set(d, V_BODY_UPPER, body_upper) ||
	    slip_set(d, V_UNIT_ADDRESS, u.address) || slip_set(d, V_UNIT_CODE, u.code) ||
	    slip_set(d, V_UNIT_PHONE, u.phone) || slip_set(d, V_PLACE, u.place);
	free(upper);
	free(body_upper);
	return rc ? err_set(err, MC_ENOMEM, _("out of memory")) : 0;
}

int
slip_load_receipt(sqlite3 *db, const char *code, struct slip_data *d, struct mc_err *err)
{
	return slip_load(db, "receive", code, SLIP_RECEIPT, d, err);
}

int
slip_set_date(struct slip_data *d, const char *iso)
{
	struct mc_time at;
	char buf[8];
	int y, m, dd;

	if (iso == NULL || date_parse_time(iso, &at) != 0)
		date_now(&at);
	date_ymd(at.jdn, &y, &m, &dd);
	snprintf(buf, sizeof buf, "%04d", y);
	if (slip_set(d, V_YEAR, buf))
		return -1;
	snprintf(buf, sizeof buf, "%02d", m);
	if (slip_set(d, V_MONTH, buf))
		return -1;
	snprintf(buf, sizeof buf, "%02d", dd);
	return slip_set(d, V_DAY, buf);
}

/* Mẫu 02 of a guidance (by id) or of a dossier (by code). */
static int
slip_load_supplement(sqlite3 *db, const char *key, struct slip_data *d,
    struct mc_err *err)
{
	int rc = slip_load(db, "guide", key, SLIP_SUPPLEMENT, d, err);

	if (rc > 0)
		rc = slip_load(db, "receive", key, SLIP_SUPPLEMENT, d, err);
	if (rc > 0)
		return err_set(err, MC_ENOTFOUND, _("there is no guidance or dossier %s: "
		    "give the number printed by 'motcua guide', or a dossier code"), key);
	if (rc == 0 && d->rows[B_DOCUMENTS].nrows == 0)
		return err_set(err, MC_EINVAL, _("nothing is missing from %s: every "
		    "document was handed in, no supplement request is needed"), key);
	return rc;
}

enum slip_set
slip_form_set(sqlite3 *db)
{
	char v[8];

	/* unreadable or unset: the default, the forms in force */
	if (setting_get(db, "form_set", v, sizeof v) == 0 && strcmp(v, "2018") == 0)
		return SLIP_SET_2018;
	return SLIP_SET_2025;
}

int
slip_form_parse(sqlite3 *db, const char *s, enum slip_form *out, struct mc_err *err)
{
	/* the 2018 numbers (01 … 05) are the kinds in order; 2025's 1 … 6 */
	static const enum slip_form by2025[] = {SLIP_RECEIPT, SLIP_SUPPLEMENT,
	    SLIP_REFUSAL, SLIP_APOLOGY, SLIP_STOP, SLIP_CONTROL};
	enum slip_set set = slip_form_set(db);
	bool zero = s != NULL && s[0] == '0';
	int n;

	if (s == NULL || (zero ? s[1] < '1' || s[1] > '9' || s[2] != '\0' :
	    s[0] < '1' || s[0] > '9' || s[1] != '\0'))
		n = 0;
	else
		n = s[zero ? 1 : 0] - '0';
	if (!zero && n == 7 && set == SLIP_SET_2025) {
		err_set(err, MC_EINVAL, _("form 7, the logbook (Sổ theo dõi hồ sơ), is not "
		    "a form of one dossier: print it with 'motcua report logbook'"));
		return -2;
	}
	if (n >= 1 && n <= 6 && !zero && set == SLIP_SET_2025) {
		*out = by2025[n - 1];
		return 0;
	}
	if (n >= 1 && n <= 5 && (zero || set == SLIP_SET_2018)) {
		*out = (enum slip_form)(n - 1);
		return 0;
	}
	err_set(err, MC_EINVAL, set == SLIP_SET_2025 ?
	    _("there is no form '%s': --form takes 1 (appointment slip), 2 (supplement "
	    "request), 3 (refusal), 4 (apology and extension), 5 (stop notice) or 6 "
	    "(control sheet) of Circular 03/2025; 01 to 05 name the forms of Circular "
	    "01/2018 (04 is form 4, 05 form 6)") :
	    _("there is no form '%s': --form takes 01 (appointment slip), 02 (supplement "
	    "request), 03 (refusal), 04 (apology) or 05 (control sheet)"), s != NULL ? s : "");
	return -1;
}

char *
slip_render(sqlite3 *db, const char *db_path, enum slip_form form, const char *key,
    struct mc_err *err)
{
	return slip_render_layout(db, db_path, form, key, SLIP_LAYOUT_A5, err);
}

/* The receipt template of a form for the paper (NULL: none built in). */
static const char *
slip_receipt_builtin(enum slip_form form, int columns)
{
	if (form == SLIP_RECEIPT)
		return columns == 32 ? slip_mau01_receipt58_txt : slip_mau01_receipt80_txt;
	if (form == SLIP_SUPPLEMENT)
		return columns == 32 ? slip_mau02_receipt58_txt : slip_mau02_receipt80_txt;
	return NULL;
}

char *
slip_render_layout(sqlite3 *db, const char *db_path, enum slip_form form,
    const char *key, enum slip_layout layout, struct mc_err *err)
{
	static const char *const copies[] = {"(Liên 1: Lưu)", "(Liên 2: Giao khách hàng)"};
	/* [set][form]: the 2018 set has no stop notice, it takes 2025's */
	static const struct {
		const char *file, *builtin;
	} tpls[2][SLIP_NFORMS] = {
		[SLIP_SET_2025] = {
			[SLIP_RECEIPT] = {"tt03-1.txt", slip_tt03_1_txt},
			[SLIP_SUPPLEMENT] = {"tt03-2.txt", slip_tt03_2_txt},
			[SLIP_REFUSAL] = {"tt03-3.txt", slip_tt03_3_txt},
			[SLIP_APOLOGY] = {"tt03-4.txt", slip_tt03_4_txt},
			[SLIP_STOP] = {"tt03-5.txt", slip_tt03_5_txt},
			[SLIP_CONTROL] = {"tt03-6.txt", slip_tt03_6_txt},
		},
		[SLIP_SET_2018] = {
			[SLIP_RECEIPT] = {"mau01.txt", slip_mau01_txt},
			[SLIP_SUPPLEMENT] = {"mau02.txt", slip_mau02_txt},
			[SLIP_REFUSAL] = {"mau03.txt", slip_mau03_txt},
			[SLIP_APOLOGY] = {"mau04.txt", slip_mau04_txt},
			[SLIP_CONTROL] = {"mau05.txt", slip_mau05_txt},
			[SLIP_STOP] = {"tt03-5.txt", slip_tt03_5_txt},
		},
	};
	/* the PDF layouts (pdf.h), the same forms' fields */
	static const struct {
		const char *file, *builtin;
	} pdfs[2][SLIP_NFORMS] = {
		[SLIP_SET_2025] = {
			[SLIP_RECEIPT] = {"tt03-1.pdf.txt", slip_tt03_1_pdf_txt},
			[SLIP_SUPPLEMENT] = {"tt03-2.pdf.txt", slip_tt03_2_pdf_txt},
			[SLIP_REFUSAL] = {"tt03-3.pdf.txt", slip_tt03_3_pdf_txt},
			[SLIP_APOLOGY] = {"tt03-4.pdf.txt", slip_tt03_4_pdf_txt},
			[SLIP_STOP] = {"tt03-5.pdf.txt", slip_tt03_5_pdf_txt},
			[SLIP_CONTROL] = {"tt03-6.pdf.txt", slip_tt03_6_pdf_txt},
		},
		[SLIP_SET_2018] = {
			[SLIP_RECEIPT] = {"mau01.pdf.txt", slip_mau01_pdf_txt},
			[SLIP_SUPPLEMENT] = {"mau02.pdf.txt", slip_mau02_pdf_txt},
			[SLIP_REFUSAL] = {"mau03.pdf.txt", slip_mau03_pdf_txt},
			[SLIP_APOLOGY] = {"mau04.pdf.txt", slip_mau04_pdf_txt},
			[SLIP_CONTROL] = {"mau05.pdf.txt", slip_mau05_pdf_txt},
			[SLIP_STOP] = {"tt03-5.pdf.txt", slip_tt03_5_pdf_txt},
		},
	};
	enum slip_set set;
	struct slip_data d;
	sqlite3_str *out = sqlite3_str_new(NULL);
	char tname[PATH_MAX + 64], rfile[32], width[8], cut[128];
	const char *file, *builtin;
	char *tpl = NULL;
	int rc, columns = 0;

	if (slip_data_init(&d)) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		goto fail;
	}
	if ((unsigned)form >= SLIP_NFORMS) {
		err_set(err, MC_EINVAL, _("there is no form %d: the forms are 1 to 6 "
		    "(Circular 03/2025) or Mẫu 01 to 05 (Circular 01/2018)"), (int)form + 1);
		goto fail;
	}
	if (key == NULL || key[0] == '\0') {
		err_set(err, MC_EINVAL, _("no dossier code given: name the dossier by its "
		    "code (see 'motcua list')"));
		goto fail;
	}
	if (slip_unit(db, &d, err))
		goto fail;
	switch (form) {
	case SLIP_RECEIPT:
		if ((rc = slip_load_receipt(db, key, &d, err)) > 0)
			err_set(err, MC_ENOTFOUND, _("no dossier has the code %s: check the "
			    "code (see 'motcua list')"), key);
		break;
	case SLIP_SUPPLEMENT:
		rc = slip_load_supplement(db, key, &d, err);
		break;
	default:
		rc = slip_load_event_form(db, form, key, &d, err);
		break;
	}
	if (rc != 0)
		goto fail;
	set = slip_form_set(db);
	file = tpls[set][form].file;
	builtin = tpls[set][form].builtin;
	if (layout == SLIP_LAYOUT_PDF) {
		file = pdfs[set][form].file;
		builtin = pdfs[set][form].builtin;
		d.markup = true;
	}
	if (layout == SLIP_LAYOUT_RECEIPT) {
		/* 58 mm paper holds 32 columns, 80 mm 48 */
		if (setting_get(db, "paper_width", width, sizeof width) != 0)
			snprintf(width, sizeof width, "80");
		columns = strcmp(width, "58") == 0 ? 32 : 48;
		snprintf(rfile, sizeof rfile, "mau%02d-receipt%s.txt", (int)form + 1,
		    columns == 32 ? "58" : "80");
		if (slip_receipt_builtin(form, columns) != NULL) {
			file = rfile;
			builtin = slip_receipt_builtin(form, columns);
		} else {
			/* no receipt layout built in: one in the templates folder,
			 * else the A5 text (wrapped by the printer back end) */
			char dir[PATH_MAX], path[PATH_MAX + 64];

			slip_dir(db_path != NULL ? db_path : "", dir, sizeof dir);
			snprintf(path, sizeof path, "%s/templates/%s", dir, rfile);
			if (db_path != NULL && access(path, F_OK) == 0)
				file = rfile;
		}
	}
	if (slip_template(db_path, file, builtin, &tpl, tname, sizeof tname, err))
		goto fail;
	/* the cut line between the copies, as wide as the paper */
	{
		size_t k = 0;

		/* "- - … -": 73 columns on A5, an odd width within the 74 of the form */
		int w = layout == SLIP_LAYOUT_RECEIPT ? columns - 1 : 73;

		cut[k++] = '\n';
		for (int i = 0; i < w && k + 4 < sizeof cut; i++)
			cut[k++] = i % 2 == 0 ? '-' : ' ';
		snprintf(cut + k, sizeof cut - k, "\n\f");
		/* on A4 each copy has its page */
		if (layout == SLIP_LAYOUT_PDF)
			snprintf(cut, sizeof cut, "@newpage\n");
	}
	d.tname = tname;
	/* Mẫu 01 is printed twice: the counter keeps one copy, the citizen
	 * takes the other.  A form feed starts each copy on its own sheet; the
	 * cut line serves printers on a roll. */
	for (size_t i = 0; i < (form == SLIP_RECEIPT ? 2u : 1u); i++) {
		if (i > 0)
			sqlite3_str_appendall(out, cut);
		if (slip_set(&d, V_COPY, form == SLIP_RECEIPT ? copies[i] : "")) {
			err_set(err, MC_ENOMEM, _("out of memory"));
			goto fail;
		}
		if (slip_fill(&d, tpl, out, err))
			goto fail;
	}
	free(tpl);
	slip_data_free(&d);
	return strbuf_finish(out, NULL, err);
fail:
	sqlite3_free(sqlite3_str_finish(out));
	free(tpl);
	slip_data_free(&d);
	return NULL;
}

/* ---- saving ------------------------------------------------------------- */

static int
slip_fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	if (close(fd) != 0)
		rc = -1;
	return rc;
}

int
slip_save_file(const char *db_path, const char *folder, const char *file,
    const char *data, size_t len, char *path_out, size_t n, struct mc_err *err)
{
	char base[PATH_MAX], dir[PATH_MAX + 32], tmp[PATH_MAX * 2], path[PATH_MAX * 2];
	size_t done = 0;
	int fd, saved;

	if (path_out != NULL && n > 0)
		path_out[0] = '\0';
	if (db_path == NULL || data == NULL)
		return err_set(err, MC_EINVAL, _("no database path: the %s folder is beside "
		    "the database"), folder);
	/* a name, not a path: "../x" or "a/b" would leave the folder */
	if (file == NULL || file[0] == '\0' || file[0] == '.' || strchr(file, '/') != NULL)
		return err_set(err, MC_EINVAL, _("'%s' is not a valid slip name: use letters, "
		    "digits, dots and dashes"), file != NULL ? file : "");
	slip_dir(db_path, base, sizeof base);
	snprintf(dir, sizeof dir, "%s/%s", base, folder);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return err_set(err, MC_EIO, _("cannot create the folder %s: %s: check the "
		    "permissions of %s"), dir, strerror(errno), base);
	snprintf(path, sizeof path, "%s/%s", dir, file);
	snprintf(tmp, sizeof tmp, "%s/.%s.XXXXXX", dir, file);
	if ((fd = mkstemp(tmp)) < 0)
		return err_set(err, MC_EIO, _("cannot write in %s: %s: check the folder's "
		    "permissions and free space; the record is safe, save the slip again "
		    "later"), dir, strerror(errno));
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		done += (size_t)w;
	}
	if (fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		goto fail;
	/* the rename itself must reach the disk before we say "saved" */
	if (slip_fsync_dir(dir) != 0)
		return err_set(err, MC_EIO, _("cannot flush the folder %s: %s: check the "
		    "disk"), dir, strerror(errno));
	if (path_out != NULL)
		snprintf(path_out, n, "%s", path);
	return 0;
fail:
	saved = errno != 0 ? errno : EIO;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	return err_set(err, MC_EIO, _("cannot write the slip %s: %s: free some disk "
	    "space or check the folder's permissions; the record is safe, save the "
	    "slip again later"), path, strerror(saved));
}

int
slip_save(const char *db_path, const char *name, const char *text, char *path_out,
    size_t n, struct mc_err *err)
{
	char file[PATH_MAX];

	if (name == NULL || name[0] == '\0' || name[0] == '.' || strchr(name, '/') != NULL)
		return err_set(err, MC_EINVAL, _("'%s' is not a valid slip name: use letters, "
		    "digits, dots and dashes"), name != NULL ? name : "");
	if (text == NULL)
		return err_set(err, MC_EINVAL, _("no database path: the slips folder is "
		    "beside the database"));
	snprintf(file, sizeof file, "%s.txt", name);
	return slip_save_file(db_path, "slips", file, text, strlen(text), path_out, n, err);
}

/* ---- printing ----------------------------------------------------------- */

/* "…/mau01-<key>.txt" (or .pdf) → form and key; false for any other name. */
static bool
slip_name_parse(const char *path, enum slip_form *form, char *key, size_t n)
{
	const char *base = strrchr(path, '/');
	size_t len;

	base = base != NULL ? base + 1 : path;
	len = strlen(base);
	if (strncmp(base, "mau0", 4) != 0 || base[4] < '1' || base[4] >= '1' + SLIP_NFORMS ||
	    base[5] != '-' || len <= 10 || (strcmp(base + len - 4, ".txt") != 0 &&
	    strcmp(base + len - 4, ".pdf") != 0) ||
	    len - 10 >= n)
		return false;
	*form = (enum slip_form)(base[4] - '1');
	snprintf(key, n, "%.*s", (int)(len - 10), base + 6);
	return true;
}

/* Is key a dossier's code (for the QR), not a guidance's number? */
static bool
slip_is_dossier(sqlite3 *db, const char *key)
{
	sqlite3_stmt *st;
	bool found = false;

	if (sqlite3_prepare_v2(db, "SELECT 1 FROM dossier WHERE code = ?1", -1, &st,
	    NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

int
slip_print(sqlite3 *db, const char *path, struct mc_err *err)
{
	struct print_opts o;
	enum slip_form form;
	const char *dbfile;
	char key[256];
	char *text;
	int rc;

	if (path == NULL || access(path, R_OK) != 0)
		return err_set(err, MC_ENOTFOUND, _("there is no slip file %s to print: save "
		    "the slip first"), path != NULL ? path : "");
	if (print_options(db, &o, err))
		return -1;
	dbfile = sqlite3_db_filename(db, "main");
	if (dbfile != NULL && dbfile[0] == '\0')
		dbfile = NULL;
	/* a receipt printer gets the receipt layout of the form, whichever
	 * layout was saved (the full-screen front end saves A5) */
	if (o.backend == PRINT_ESCPOS && slip_name_parse(path, &form, key, sizeof key)) {
		if ((text = slip_render_layout(db, dbfile, form, key, SLIP_LAYOUT_RECEIPT,
		    err)) == NULL)
			return -1;
		rc = print_send(db, dbfile, path, text, slip_is_dossier(db, key) ? key : NULL,
		    err);
		free(text);
		return rc;
	}
	/* a file named like a slip of no dossier (nor guidance) is printed as
	 * it is */
	if (o.backend != PRINT_ESCPOS && slip_name_parse(path, &form, key, sizeof key) &&
	    (form == SLIP_SUPPLEMENT || slip_is_dossier(db, key))) {
		bool pdf = strcmp(path + strlen(path) - 4, ".pdf") == 0;
		char fmt[16];

		if (setting_get(db, "print_format", fmt, sizeof fmt) != 0)
			snprintf(fmt, sizeof fmt, "pdf");
		/* lp (CUPS) gets the form as PDF on A4 (slip-pdf.c) */
		if (o.backend == PRINT_COMMAND && (pdf || strcmp(fmt, "pdf") == 0))
			return slip_print_pdf(db, dbfile, o.command, form, key, err);
		/* a file or device takes text: the PDF's form as text */
		if (pdf) {
			if ((text = slip_render(db, dbfile, form, key, err)) == NULL)
				return -1;
			rc = print_send(db, dbfile, path, text, NULL, err);
			free(text);
			return rc;
		}
	}
	return print_send(db, dbfile, path, NULL, NULL, err);
}
