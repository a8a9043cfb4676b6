/* test_slip.c — the forms: Mẫu 01 to 05 rendered with real values (the
 * later ones after steps recorded with lifecycle_record), template
 * overrides and errors, saving and printing. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "motcua/catalog.h"
#include "motcua/calendar.h"
#include "motcua/db.h"
#include "motcua/demo.h"
#include "motcua/dossier.h"
#include "motcua/lifecycle.h"
#include "motcua/setting.h"
#include "motcua/slip.h"
#include "motcua/unit.h"
#include "tap.h"

static char dir[] = "/tmp/motcua-test-slip.XXXXXX";
static char dbpath[256];

static void
bail(const char *what, const struct mc_err *err)
{
	printf("Bail out! %s: %s\n", what, err->msg);
	exit(1);
}

static int
has(const char *text, const char *needle)
{
	return text != NULL && strstr(text, needle) != NULL;
}

static int
occurrences(const char *text, const char *needle)
{
	int n = 0;

	for (const char *p = text; p != NULL && (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0) {
		printf("Bail out! cannot write %s\n", path);
		exit(1);
	}
}

static char *
read_file(const char *path)
{
	static char buf[65536];
	FILE *f = fopen(path, "r");
	size_t n;

	if (f == NULL)
		return NULL;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

/* The widest line of the text, in columns (Vietnamese letters count one). */
static size_t
widest(const char *text)
{
	size_t w = 0, cur = 0;

	for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++) {
		if (*p == '\n') {
			cur = 0;
			continue;
		}
		if ((*p & 0xc0) != 0x80 && ++cur > w)
			w = cur;
	}
	return w;
}

static long long
count(sqlite3 *db, const char *table)
{
	char sql[64];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	return db_int(db, sql, -1);
}

/* Is there a line holding both a and b (a before b)? */
static int
line_has(const char *text, const char *a, const char *b)
{
	for (const char *p = text; p != NULL && (p = strstr(p, a)) != NULL; p++) {
		const char *eol = strchr(p, '\n'), *q = strstr(p + strlen(a), b);

		if (q != NULL && (eol == NULL || q < eol))
			return 1;
	}
	return 0;
}

/* Does the line after the (first) line holding a hold b? */
static int
next_line_has(const char *text, const char *a, const char *b)
{
	const char *p = text != NULL ? strstr(text, a) : NULL, *eol, *end;

	if (p == NULL || (eol = strchr(p, '\n')) == NULL)
		return 0;
	end = strchr(eol + 1, '\n');
	p = strstr(eol + 1, b);
	return p != NULL && (end == NULL || p < end);
}

/* Receive a complete dossier of 1.001022 at this time, the clock saying
 * it; its code in code. */
static void
receive_at(sqlite3 *db, struct mc_calendar *cal, const char *name, const char *when,
    char *code, size_t n)
{
	struct mc_receipt r;
	struct mc_receipt_out out;
	struct mc_err err;

	tap_now(when);
	memset(&r, 0, sizeof r);
	r.procedure = "1.001022";
	r.applicant.name = name;
	r.applicant.id = "087084000999";
	r.applicant.phone = "0987654321";
	r.applicant.address = "Ấp Tân Hòa, xã Mỹ An";
	r.docs = "all";
	r.officer = "lan";
	if (date_parse_time(when, &r.at) != 0 || dossier_receive(db, cal, &r, &out, &err))
		bail("receive", &err);
	snprintf(code, n, "%s", out.code);
}

/* What the steps here say, by field (NULL: not given). */
struct args {
	const char *to, *agency, *reason, *new_date;
	bool refused;
};

/* Record a step, the clock saying its time; bail out if it is refused. */
static void
step(sqlite3 *db, struct mc_calendar *cal, const char *code, enum mc_kind_id s,
    struct args *a, const char *when, const char *officer)
{
	const struct mc_kind *k = vocab_kind(s);
	struct mc_step_args v;
	struct mc_time at;
	struct mc_err err;

	memset(&v, 0, sizeof v);
	if (a != NULL) {
		(void)lifecycle_arg(&v, k, "to", a->to);
		(void)lifecycle_arg(&v, k, "agency", a->agency);
		(void)lifecycle_arg(&v, k, "reason", a->reason);
		(void)lifecycle_arg(&v, k, "new_date", a->new_date);
		(void)lifecycle_arg(&v, k, "outcome", a->refused ? "refused" : NULL);
	}
	if (date_parse_time(when, &at) != 0)
		exit(99);
	tap_now(when);
	if (lifecycle_record(db, cal, code, k, &v, &at, officer, &err))
		bail(k->name, &err);
}

int
main(void)
{
	struct mc_unit u;
	struct catalog_stats cs;
	struct mc_err err;
	struct mc_calendar *cal;
	struct mc_receipt r;
	struct mc_receipt_out out, g;
	char path[1024], saved[1024], good[1024], tdir[512];
	struct stat sb;
	sqlite3 *db;
	char *s;
	/* the dossiers of Mẫu 03, 04, 05 below */
	char c3[64], c3b[64], c4[64], c5[64], c0[64];

	if (mkdtemp(dir) == NULL)
		return 99;
	snprintf(dbpath, sizeof dbpath, "%s/a.db", dir);
	memset(&u, 0, sizeof u);
	snprintf(u.code, sizeof u.code, "000.17.22.H56");
	snprintf(u.name, sizeof u.name, "UBND xã Mỹ An");
	u.station = 1;
	if (db_open(dbpath, DB_CREATE, &db, &err) || unit_init(db, &u, &err) ||
	    catalog_import_json(db, NULL, catalog_sample_json, &cs, &err) ||
	    unit_officer_add(db, "lan", "Nguyễn Thị Lan", MC_ROLE_OFFICER, &err) ||
	    calendar_open(db, &cal, &err))
		bail("setup", &err);
	/* these are the forms of Circular 01/2018 (Mẫu 01 to 05, their
	 * overrides mau0N.txt); the 2025 set is tests/cli/forms2025.sh */
	if (db_meta_set(db, "form_set", "2018", &err))
		bail("form_set", &err);

	/* The day's receipts, in the order they happen (a receipt before the
	 * station's newest one is a supervisor's, clock.h): four in the
	 * morning, for the forms after steps (Mẫu 03, 04, 05, below), ... */
	receive_at(db, cal, "Phạm Văn Đức", "2026-11-20 09:00", c3, sizeof c3);
	receive_at(db, cal, "Võ Thị Hoa", "2026-11-20 09:10", c3b, sizeof c3b);
	receive_at(db, cal, "Đặng Văn Nam", "2026-11-20 09:20", c0, sizeof c0);
	receive_at(db, cal, "Huỳnh Thị Mai", "2026-11-20 09:30", c4, sizeof c4);

	/* ... then the fifth of the day (1005), a dossier of 1.001022 (3
	 * working days, 15.000 đồng) received with documents 1 and 2 only, by
	 * post, ... */
	memset(&r, 0, sizeof r);
	r.procedure = "1.001022";
	r.applicant.name = "Trần Thị Bích Ngọc";
	r.applicant.id = "087184000123";
	r.applicant.phone = "0912345678";
	r.applicant.address = "Ấp Tân Hòa, xã Mỹ An";
	r.applicant.email = "ngoc@example.vn";
	r.applicant.delivery = MC_DELIVER_POST;
	r.officer = "lan";
	if (date_parse_time("2026-11-20 16:10", &r.at) != 0)
		return 99;
	{
		struct mc_procedure p;
		char docs[64] = "";

		if (catalog_get(db, r.procedure, &p, &err))
			bail("catalog_get", &err);
		/* every required document, and no optional one */
		for (size_t i = 0; i < p.ndocs; i++)
			if (p.docs[i].required)
				snprintf(docs + strlen(docs), sizeof docs - strlen(docs), "%s%d",
				    docs[0] ? "," : "", p.docs[i].position);
		static char kept[64];	/* outlives this block, like the receipt */

		snprintf(kept, sizeof kept, "%s", docs);
		r.docs = kept;
		printf("# received documents: %s of %zu\n", docs, p.ndocs);
		catalog_procedure_free(&p);
	}
	tap_now("2026-11-20 16:10");
	if (dossier_receive(db, cal, &r, &out, &err))
		bail("receive", &err);
	printf("# code %s\n", out.code);
	/* ... and the last, at the same minute (Mẫu 05's) */
	receive_at(db, cal, "Trần Văn Long", "2026-11-20 16:10", c5, sizeof c5);

	/* ---- Mẫu 01 ---- */
	s = slip_render(db, dbpath, SLIP_RECEIPT, out.code, &err);
	ok(s != NULL, "Mẫu 01 renders (%s)", s == NULL ? err.msg : "");
	if (s == NULL)
		return tap_done();
	if (getenv("SLIP_DUMP") != NULL)	/* to look at the form */
		write_file(getenv("SLIP_DUMP"), s);
	ok(has(s, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"), "title");
	ok(has(s, "UBND XÃ MỸ AN"), "unit upper-cased in the header");
	ok(has(s, "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG       Độc lập") &&
	    has(s, "\n             XÃ MỸ AN\n"), "header: the receiving body, wrapped in its column");
	ok(has(s, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") &&
	    has(s, "Độc lập - Tự do - Hạnh phúc"), "national header");
	ok(has(s, "Mỹ An, ngày 20 tháng 11 năm 2026"), "place and date of receipt");
	ok(has(s, "Mã hồ sơ: 000.17.22.H56-261120-1005"), "the code");
	ok(has(s, "\nTrung tâm Phục vụ hành chính công xã Mỹ An\ntiếp nhận hồ sơ của"),
	    "the receiving body");
	ok(has(s, "tiếp nhận hồ sơ của: Trần Thị Bích Ngọc"), "the applicant");
	ok(has(s, "Địa chỉ: Ấp Tân Hòa, xã Mỹ An"), "the address");
	ok(has(s, "Số điện thoại: 0912345678"), "the phone");
	ok(has(s, "Email: ngoc@example.vn"), "the email");
	ok(has(s, "Nội dung yêu cầu giải quyết: Thủ tục"), "the procedure");
	ok(has(s, "2. Số lượng hồ sơ: 01 bộ"), "number of sets");
	ok(has(s, "3. Thời gian giải quyết hồ sơ theo quy định: 3 ngày làm việc"),
	    "the time limit in Vietnamese");
	ok(has(s, "4. Thời gian nhận hồ sơ: 16 giờ 10 phút, ngày 20 tháng 11 năm 2026"),
	    "the receipt time");
	ok(has(s, "5. Thời gian trả kết quả giải quyết hồ sơ:\n   16 giờ 10 phút, ngày 25 "
	    "tháng 11 năm 2026"), "the due time (3 working days from Friday)");
	ok(has(s, "6. Đăng ký nhận kết quả tại: Qua dịch vụ bưu chính"), "delivery by post");
	ok(has(s, "Quyển số: 01/2026, Số thứ tự: 5"), "logbook: station 1's book of 2026, "
	    "its fifth receipt");
	ok(has(s, "Phí, lệ phí: 15.000 đồng"), "the fee");
	ok(has(s, "NGƯỜI NỘP HỒ SƠ") && has(s, "NGƯỜI TIẾP NHẬN HỒ SƠ") &&
	    has(s, "(Ký và ghi rõ họ tên)"), "signatures");
	ok(has(s, "Nguyễn Thị Lan"), "the officer's full name");
	is_int(occurrences(s, "GIẤY TIẾP NHẬN HỒ SƠ"), 2, "two copies");
	ok(has(s, "(Liên 1: Lưu)") && has(s, "(Liên 2: Giao khách hàng)"), "copy labels");
	ok(has(s, "\f"), "a form feed between the copies");
	/* the code as a QR in half blocks: version 2 (25 modules) and a
	 * quiet zone of 2 make 29 columns and 15 lines; the finder patterns'
	 * top edges show three times a copy (top left, top right, bottom
	 * left) */
	is_int(occurrences(s, "█▀▀▀▀▀█"), 6, "the code's QR on each copy: three finders");
	ok(has(s, "\n                         █▀▀▀▀▀█ "), "the QR indented as its tag");
	ok(widest(s) <= 80, "no line wider than 80 columns (%zu)", widest(s));
	{
		/* each document handed in, with its form and quantity; none else */
		sqlite3_stmt *st;
		int in = 0, bad = 0, out_ok = 1;

		if (db_prepare(db, "SELECT json_extract(j.value, '$.name'), "
		    "json_extract(j.value, '$.received'), json_extract(j.value, '$.form') "
		    "FROM dossier, json_each(dossier.documents) AS j WHERE code = ?1",
		    &st, &err))
			bail("prepare", &err);
		sqlite3_bind_text(st, 1, out.code, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *name = (const char *)sqlite3_column_text(st, 0);
			char first[24];

			/* names wrap in the table: look for their first words */
			snprintf(first, sizeof first, "%.18s", name);
			while (strlen(first) > 0 && (first[strlen(first) - 1] & 0xc0) == 0x80)
				first[strlen(first) - 1] = '\0';
			if (sqlite3_column_int(st, 1)) {
				in++;
				if (!has(s, first))
					bad++;
			} else if (has(s, first)) {
				out_ok = 0;
			}
		}
		sqlite3_finalize(st);
		ok(in > 0 && bad == 0, "each received document is listed (%d)", in);
		ok(out_ok, "documents not handed in are not listed");
		ok(has(s, "Bản chính") || has(s, "Bản sao chứng thực") || has(s, "Bản chụp"),
		    "document forms in Vietnamese");
		ok(has(s, " 01\n") || has(s, "01 "), "quantities");
		ok(!has(s, "original") && !has(s, "certified_copy"), "no raw form names");
	}
	free(s);

	/* unknown code */
	s = slip_render(db, dbpath, SLIP_RECEIPT, "000.17.22.H56-261120-9999", &err);
	ok(s == NULL && err.kind == MC_ENOTFOUND && has(err.msg, "9999"),
	    "an unknown code is refused, naming it (%s)", err.msg);
	free(s);

	/* ---- guidance and Mẫu 02 ---- */
	r.docs = "1";
	r.applicant.delivery = MC_DELIVER_COUNTER;
	if (date_parse_time("2026-11-23 09:05", &r.at) != 0)
		return 99;
	tap_now("2026-11-23 09:05");
	{
		long long ds = count(db, "dossier");

		if (dossier_guide(db, &r, &g, &err))
			bail("guide", &err);
		is_int(count(db, "dossier"), ds, "a guidance makes no dossier");
	}
	s = slip_render(db, dbpath, SLIP_SUPPLEMENT, g.id, &err);
	ok(s != NULL, "Mẫu 02 renders (%s)", s == NULL ? err.msg : "");
	if (s != NULL) {
		sqlite3_stmt *st;
		int missing = 0, listed = 0, leaked = 0;

		ok(has(s, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"), "Mẫu 02 title");
		ok(has(s, "Số: 1001/HDHS"), "number: the station's first guidance");
		ok(has(s, "Mỹ An, ngày 23 tháng 11 năm 2026"), "dated the day of guidance");
		ok(has(s, "Trần Thị Bích Ngọc") && has(s, "Ấp Tân Hòa") && has(s, "0912345678"),
		    "applicant, address, phone");
		ok(has(s, "Yêu cầu Bà hoàn thiện hồ sơ gồm những nội dung như sau:"),
		    "the request sentence (Bà: the ID's 4th digit is 1)");
		ok(has(s, "Lý do: hồ sơ chưa đủ thành phần theo quy định"), "the reason");
		ok(has(s, "NGƯỜI HƯỚNG DẪN") && has(s, "Nguyễn Thị Lan"), "signed by the officer");
		ok(!has(s, "số điện thoại \n") && !has(s, "Liên 1"),
		    "no empty unit phone line, one copy");
		ok(widest(s) <= 80, "Mẫu 02 no wider than 80 columns (%zu)", widest(s));
		/* every required document but the first is missing */
		if (db_prepare(db, "SELECT d.name, d.required, d.position FROM "
		    "procedure_document AS d WHERE d.procedure_code = '1.001022' "
		    "ORDER BY d.position", &st, &err) == 0) {
			while (sqlite3_step(st) == SQLITE_ROW) {
				const char *name = (const char *)sqlite3_column_text(st, 0);
				char first[24];

				snprintf(first, sizeof first, "%.18s", name);
				while (strlen(first) > 0 &&
				    (first[strlen(first) - 1] & 0xc0) == 0x80)
					first[strlen(first) - 1] = '\0';
				if (sqlite3_column_int(st, 1) && sqlite3_column_int(st, 2) != 1) {
					missing++;
					listed += has(s, first);
				} else if (sqlite3_column_int(st, 2) == 1 && has(s, first)) {
					leaked++;
				}
			}
			sqlite3_finalize(st);
		} else {
			printf("# %s\n", err.msg);
		}
		ok(missing > 0 && listed == missing, "every missing document is listed (%d/%d)",
		    listed, missing);
		ok(leaked == 0, "the document handed in is not listed");
		ok(has(s, " 1. ") && (missing < 2 || has(s, " 2. ")), "numbered list");
		free(s);
	}
	s = slip_render(db, dbpath, SLIP_SUPPLEMENT, "no-such-guidance", &err);
	ok(s == NULL && err.kind == MC_ENOTFOUND, "unknown guidance refused (%s)", err.msg);
	free(s);
	s = slip_render(db, dbpath, SLIP_RECEIPT, g.id, &err);
	ok(s == NULL, "a guidance has no Mẫu 01");
	free(s);

	/* ---- template overrides ---- */
	snprintf(tdir, sizeof tdir, "%s/templates", dir);
	mkdir(tdir, 0700);
	snprintf(path, sizeof path, "%s/mau01.txt", tdir);
	write_file(path, "Hồ sơ {{code}} của {{applicant}}\n"
	    "{{#documents}}\n- {{doc.n}} {{doc.form}} x{{doc.quantity}}\n{{/documents}}\n"
	    "[{{fee:>12}}]\n"
	    "{{?unit_phone}}ĐT {{unit_phone}}\n"
	    "<{{applicant:^9}}>\n");
	s = slip_render(db, dbpath, SLIP_RECEIPT, out.code, &err);
	ok(s != NULL && has(s, "Hồ sơ 000.17.22.H56-261120-1005 của Trần Thị Bích Ngọc"),
	    "the template beside the database is used (%s)", s == NULL ? err.msg : "");
	ok(has(s, "- 1 Bản"), "block rows from the override");
	ok(has(s, "[ 15.000 đồng]"), "right-aligned field");
	ok(!has(s, "ĐT"), "a {{?x}} line with x empty is dropped");
	ok(has(s, "<Trần Thị >\n Bích Ngọc\n"),
	    "a wide value wraps under itself, centred");
	ok(!has(s, "GIẤY TIẾP NHẬN"), "not the built-in text");
	free(s);
	write_file(path, "Mã: {{code}}\nNgười nộp: {{aplicant}}\n");
	s = slip_render(db, dbpath, SLIP_RECEIPT, out.code, &err);
	ok(s == NULL && has(err.msg, "{{aplicant}}") && has(err.msg, path),
	    "an unknown {{x}} is refused, naming it and the file (%s)", err.msg);
	free(s);
	write_file(path, "{{#documents}}\n{{doc.nam}}\n{{/documents}}\n");
	s = slip_render(db, dbpath, SLIP_RECEIPT, out.code, &err);
	ok(s == NULL && has(err.msg, "{{doc.nam}}"), "an unknown document field refused");
	free(s);
	write_file(path, "{{doc.name}}\n");
	s = slip_render(db, dbpath, SLIP_RECEIPT, out.code, &err);
	ok(s == NULL && has(err.msg, "{{doc.name}}"), "a document field outside the block");
	free(s);
	write_file(path, "{{#documents}}\n{{doc.name}}\n");
	s = slip_render(db, dbpath, SLIP_RECEIPT, out.code, &err);
	ok(s == NULL && has(err.msg, "{{/documents}}"), "an unclosed block refused");
	free(s);
	write_file(path, "Mã {{code\n");
	s = slip_render(db, dbpath, SLIP_RECEIPT, out.code, &err);
	ok(s == NULL && has(err.msg, "line 1"), "a {{ without }} refused (%s)", err.msg);
	free(s);
	write_file(path, "Mã {{code:0}}\n");
	s = slip_render(db, dbpath, SLIP_RECEIPT, out.code, &err);
	ok(s == NULL && has(err.msg, "width"), "a bad width refused");
	free(s);
	write_file(path, "Mã \xff{{code}}\n");
	s = slip_render(db, dbpath, SLIP_RECEIPT, out.code, &err);
	ok(s == NULL && has(err.msg, "UTF-8"), "a template not in UTF-8 refused");
	free(s);
	unlink(path);
	s = slip_render(db, NULL, SLIP_RECEIPT, out.code, &err);
	ok(s != NULL && has(s, "GIẤY TIẾP NHẬN"), "no db path: the built-in template");
	free(s);

	/* ---- Mẫu 03, 04, 05: after steps recorded with lifecycle_record ----
	 * (their dossiers received on the morning of 20/11, above: 1001 to
	 * 1004, and 1006) */
	if (unit_officer_add(db, "hung", "Lê Văn Hùng", MC_ROLE_SUPERVISOR, &err))
		bail("officer", &err);
	{
		struct args a;
		long long ev;

		/* Mẫu 03 after a refusal at the counter, by another officer */
		memset(&a, 0, sizeof a);
		a.reason = "Thủ tục này thuộc thẩm quyền của Sở Tư pháp tỉnh, không thuộc "
		    "thẩm quyền giải quyết của Ủy ban nhân dân xã theo quy định hiện hành";
		step(db, cal, c3, MC_KIND_REFUSE, &a, "2026-11-21 10:15", "hung");
		s = slip_render(db, dbpath, SLIP_REFUSAL, c3, &err);
		ok(s != NULL, "Mẫu 03 renders (%s)", s == NULL ? err.msg : "");
		if (getenv("SLIP_DUMP3") != NULL && s != NULL)
			write_file(getenv("SLIP_DUMP3"), s);
		ok(has(s, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"), "Mẫu 03: title");
		ok(has(s, "UBND XÃ MỸ AN") && has(s, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") &&
		    has(s, "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"), "Mẫu 03: header");
		ok(has(s, "Số: 1001/TC"), "Mẫu 03: number from the code");
		ok(has(s, "Mỹ An, ngày 21 tháng 11 năm 2026"), "Mẫu 03: dated the refusal");
		ok(has(s, "Trung tâm Phục vụ hành chính công xã Mỹ An\n"
		    "tiếp nhận hồ sơ của Ông: Phạm Văn Đức"), "Mẫu 03: unit and applicant (Ông: digit 0)");
		ok(has(s, "Mã hồ sơ: ") && has(s, c3), "Mẫu 03: the code");
		ok(has(s, "Nội dung yêu cầu giải quyết: Thủ tục"), "Mẫu 03: the request");
		ok(has(s, "Qua xem xét, Trung tâm Phục vụ hành chính công xã Mỹ An\n"
		    "thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:\n"
		    "   Thủ tục này thuộc thẩm quyền của Sở Tư pháp tỉnh"),
		    "Mẫu 03: the sentence and the reason");
		/* the reason's column is 71 wide (3 + 71 = 74, the form's width) */
		ok(has(s, "\n   thẩm quyền giải quyết của Ủy ban nhân dân xã theo") ||
		    has(s, "\n   giải quyết của Ủy ban nhân dân xã theo") ||
		    has(s, "không thuộc thẩm\n   quyền giải quyết của Ủy ban nhân dân xã theo"),
		    "Mẫu 03: a long reason wraps under itself");
		ok(has(s, "thành thật xin lỗi Ông vì"), "Mẫu 03: the apology sentence");
		ok(has(s, "NGƯỜI TIẾP NHẬN") && has(s, "(Ký và ghi rõ họ tên)"),
		    "Mẫu 03: signature");
		ok(has(s, "Lê Văn Hùng") && !has(s, "Nguyễn Thị Lan"),
		    "Mẫu 03: signed by the officer who refused");
		ok(widest(s) <= 80, "Mẫu 03 no wider than 80 columns (%zu)", widest(s));
		free(s);

		/* Mẫu 03 after a refused result */
		memset(&a, 0, sizeof a);
		a.to = "hung";
		step(db, cal, c3b, MC_KIND_HANDOVER, &a, "2026-11-20 09:30", "lan");
		memset(&a, 0, sizeof a);
		a.refused = true;
		a.reason = "Người yêu cầu không đủ điều kiện";
		step(db, cal, c3b, MC_KIND_RESULT, &a, "2026-11-24 14:00", "lan");
		s = slip_render(db, dbpath, SLIP_REFUSAL, c3b, &err);
		ok(s != NULL && has(s, "như sau:\n   Người yêu cầu không đủ điều kiện\n") &&
		    has(s, "Võ Thị Hoa") && has(s, "Mỹ An, ngày 24 tháng 11 năm 2026"),
		    "Mẫu 03 after a refused result: its reason and day (%s)",
		    s == NULL ? err.msg : "");
		free(s);

		/* no refusal, no apology: refused with a message, nothing recorded */
		ev = count(db, "event");
		s = slip_render(db, dbpath, SLIP_REFUSAL, c0, &err);
		ok(s == NULL && err.kind == MC_EINVAL && has(err.msg, c0) &&
		    has(err.msg, "not refused"), "Mẫu 03 without a refusal (%s)", err.msg);
		free(s);
		memset(&a, 0, sizeof a);
		step(db, cal, c0, MC_KIND_RESULT, &a, "2026-11-21 08:00", "lan");
		s = slip_render(db, dbpath, SLIP_REFUSAL, c0, &err);
		ok(s == NULL && err.kind == MC_EINVAL,
		    "Mẫu 03 for an approved result is refused too");
		free(s);
		s = slip_render(db, dbpath, SLIP_APOLOGY, c0, &err);
		ok(s == NULL && err.kind == MC_EINVAL && has(err.msg, "no apology") &&
		    has(err.msg, "apologize"), "Mẫu 04 without an apology (%s)", err.msg);
		free(s);
		is_int(count(db, "event"), ev + 1, "a refused form records nothing");
		for (int f = SLIP_REFUSAL; f <= SLIP_CONTROL; f++) {
			s = slip_render(db, dbpath, (enum slip_form)f, "000.17.22.H56-261120-9999",
			    &err);
			ok(s == NULL && err.kind == MC_ENOTFOUND && has(err.msg, "9999"),
			    "Mẫu 0%d: an unknown code (%s)", f + 1, err.msg);
			free(s);
		}
		s = slip_render(db, dbpath, (enum slip_form)SLIP_NFORMS, c0, &err);
		ok(s == NULL && err.kind == MC_EINVAL, "no Mẫu 06 (%s)", err.msg);
		free(s);

		/* Mẫu 04: a pause moves the due, two apologies, the last counts */
		memset(&a, 0, sizeof a);
		a.reason = "Chờ bổ sung giấy tờ";
		step(db, cal, c4, MC_KIND_PAUSE, &a, "2026-11-23 09:00", "lan");
		step(db, cal, c4, MC_KIND_RESUME, NULL, "2026-11-24 09:00", "lan");
		memset(&a, 0, sizeof a);
		a.reason = "Chờ xác minh";
		a.new_date = "2026-11-30 10:00";
		step(db, cal, c4, MC_KIND_APOLOGIZE, &a, "2026-11-26 17:00", "lan");
		a.reason = "Cơ quan phối hợp chưa có ý kiến trả lời";
		a.new_date = "2026-12-03 15:00";
		step(db, cal, c4, MC_KIND_APOLOGIZE, &a, "2026-11-30 11:00", "hung");
		s = slip_render(db, dbpath, SLIP_APOLOGY, c4, &err);
		ok(s != NULL, "Mẫu 04 renders (%s)", s == NULL ? err.msg : "");
		if (getenv("SLIP_DUMP4") != NULL && s != NULL)
			write_file(getenv("SLIP_DUMP4"), s);
		ok(has(s, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"), "Mẫu 04: title");
		ok(has(s, "Số: 1004/PXL"), "Mẫu 04: number");
		ok(has(s, "Mỹ An, ngày 30 tháng 11 năm 2026"), "Mẫu 04: dated the last apology");
		ok(has(s, "Kính gửi: Huỳnh Thị Mai"), "Mẫu 04: Kính gửi the applicant");
		ok(has(s, "tiếp nhận hồ sơ của Ông vào 09 giờ 30 phút, ngày 20 tháng 11 "
		    "năm 2026"), "Mẫu 04: the receipt time (Ông: the ID says male)");
		ok(has(s, "Mã hồ sơ: ") && has(s, c4), "Mẫu 04: the code");
		ok(has(s, "Nội dung yêu cầu giải quyết: Thủ tục"), "Mẫu 04: the request");
		ok(has(s, "Thời hạn trả kết quả giải quyết hồ sơ:\n   09 giờ 30 phút, ngày 26 "
		    "tháng 11 năm 2026"), "Mẫu 04: the due, moved one working day by the pause");
		ok(has(s, "Nhưng đến nay,") && has(s, "chưa trả kết quả"),
		    "Mẫu 04: not returned in time");
		ok(has(s, "Lý do: Cơ quan phối hợp chưa có ý kiến trả lời") &&
		    !has(s, "Chờ xác minh"), "Mẫu 04: the last apology's reason");
		ok(has(s, "Hẹn lại ngày trả kết quả: 15 giờ 00 phút, ngày 03 tháng 12 năm "
		    "2026"), "Mẫu 04: the last apology's new date");
		ok(has(s, "xin lỗi"), "Mẫu 04: the apology");
		ok(has(s, "THỦ TRƯỞNG CƠ QUAN") && has(s, "(Ký, ghi rõ họ tên, đóng dấu)\n\n\n"),
		    "Mẫu 04: the head signs, with room for it");
		ok(widest(s) <= 80, "Mẫu 04 no wider than 80 columns (%zu)", widest(s));
		free(s);

		/* Mẫu 05: every hand-off, judged against the due (Wed 25/11 16:10) */
		memset(&a, 0, sizeof a);
		a.to = "hung";
		step(db, cal, c5, MC_KIND_HANDOVER, &a, "2026-11-20 16:30", "lan");
		memset(&a, 0, sizeof a);
		a.agency = "Phòng Tư pháp tỉnh";
		step(db, cal, c5, MC_KIND_TRANSFER, &a, "2026-11-23 08:00", "hung");
		step(db, cal, c5, MC_KIND_TRANSFER_BACK, &a, "2026-11-24 10:00", "hung");
		a.agency = "Sở Nội vụ";
		step(db, cal, c5, MC_KIND_TRANSFER, &a, "2026-11-24 14:00", "hung");
		memset(&a, 0, sizeof a);	/* a hand-back that names no agency */
		step(db, cal, c5, MC_KIND_TRANSFER_BACK, &a, "2026-11-25 15:00", "hung");
		step(db, cal, c5, MC_KIND_RESULT, &a, "2026-11-26 09:05", "lan");
		step(db, cal, c5, MC_KIND_RETURN, &a, "2026-11-26 10:00", "lan");
		s = slip_render(db, dbpath, SLIP_CONTROL, c5, &err);
		ok(s != NULL, "Mẫu 05 renders (%s)", s == NULL ? err.msg : "");
		if (getenv("SLIP_DUMP5") != NULL && s != NULL)
			write_file(getenv("SLIP_DUMP5"), s);
		ok(has(s, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"), "Mẫu 05: title");
		ok(has(s, "Mã hồ sơ: ") && has(s, c5), "Mẫu 05: the code");
		ok(has(s, "Kèm theo hồ sơ của: Trần Văn Long"), "Mẫu 05: the applicant");
		ok(has(s, "Ngày nhận: 16 giờ 10 phút, ngày 20 tháng 11 năm 2026"),
		    "Mẫu 05: received");
		ok(has(s, "Ngày, giờ hẹn trả: 16 giờ 10 phút, ngày 25 tháng 11 năm 2026"),
		    "Mẫu 05: due");
		ok(has(s, "Cơ quan giải quyết: Sở Nội vụ"),
		    "Mẫu 05: the solving agency is the last transfer's");
		ok(has(s, "TÊN CƠ QUAN") && has(s, "THỜI GIAN GIAO,") && has(s, "NHẬN HỒ SƠ") &&
		    has(s, "KẾT QUẢ") && has(s, "(trước hạn/") && has(s, "GHI CHÚ"),
		    "Mẫu 05: the table's heading");
		is_int(occurrences(s, "Người giao:"), 8, "Mẫu 05: one row per hand-off");
		is_int(occurrences(s, "Người nhận:"), 8, "Mẫu 05: Người giao / Người nhận");
		ok(line_has(s, " Trung tâm Phục vụ ", "16 giờ 10 phút,") &&
		    line_has(s, "16 giờ 10 phút,", "Tiếp nhận: Nguyễn Thị") &&
		    next_line_has(s, "Tiếp nhận: Nguyễn Thị", "ngày 20/11/2026"),
		    "Mẫu 05 row 1: the receipt, its time, the officer");
		ok(line_has(s, " UBND xã Mỹ An", "16 giờ 30 phút,") &&
		    line_has(s, "16 giờ 30 phút,", "Giao: Nguyễn Thị Lan →") &&
		    next_line_has(s, "Giao: Nguyễn Thị Lan →", "Lê Văn Hùng"),
		    "Mẫu 05 row 2: the handover, Giao: officer → specialist");
		ok(line_has(s, " Phòng Tư pháp tỉnh", "08 giờ 00 phút,") &&
		    line_has(s, "08 giờ 00 phút,", "Chuyển: Lê Văn Hùng →") &&
		    next_line_has(s, "08 giờ 00 phút,", "ngày 23/11/2026"),
		    "Mẫu 05 row 3: the transfer to the agency");
		ok(line_has(s, " Phòng Tư pháp tỉnh", "10 giờ 00 phút,   trước hạn") &&
		    next_line_has(s, "10 giờ 00 phút,   trước hạn", "ngày 24/11/2026"),
		    "Mẫu 05 row 4: handed back a day early: trước hạn");
		ok(line_has(s, " Sở Nội vụ", "14 giờ 00 phút,") &&
		    line_has(s, "14 giờ 00 phút,", "Chuyển: Lê Văn Hùng →"),
		    "Mẫu 05 row 5: the second transfer");
		ok(line_has(s, " Sở Nội vụ", "15 giờ 00 phút,   đúng hạn") &&
		    next_line_has(s, "15 giờ 00 phút,   đúng hạn", "ngày 25/11/2026"),
		    "Mẫu 05 row 6: handed back on the due day, before the hour: đúng hạn, "
		    "the agency from the transfer");
		ok(line_has(s, " Trung tâm Phục vụ ", "09 giờ 05 phút,   quá hạn") &&
		    line_has(s, "quá hạn", "Nhận kết quả: Nguyễn") &&
		    next_line_has(s, "09 giờ 05 phút,", "ngày 26/11/2026"),
		    "Mẫu 05 row 7: the result after the due: quá hạn");
		ok(line_has(s, "10 giờ 00 phút,  ", "Trả kết quả: Nguyễn") &&
		    has(s, "Trần Văn Long\n") && next_line_has(s, "Trả kết quả:", "ngày 26/11/2026"),
		    "Mẫu 05 row 8: the return to the applicant");
		is_int(occurrences(s, "trước hạn") - 1, 1, "Mẫu 05: one trước hạn row");
		is_int(occurrences(s, "đúng hạn") - 1, 1, "Mẫu 05: one đúng hạn row");
		is_int(occurrences(s, "quá hạn") - 1, 1, "Mẫu 05: one quá hạn row");
		ok(strstr(s, "Tiếp nhận: ") < strstr(s, "Giao: ") &&
		    strstr(s, "Giao: ") < strstr(s, "Chuyển: ") &&
		    strstr(s, "Trả về: ") < strstr(s, "Nhận kết quả: ") &&
		    strstr(s, "Nhận kết quả: ") < strstr(s, "Trả kết quả: "),
		    "Mẫu 05: rows in the order they happened");
		ok(widest(s) <= 80, "Mẫu 05 no wider than 80 columns (%zu)", widest(s));
		free(s);
		s = slip_render(db, dbpath, SLIP_CONTROL, c0, &err);
		ok(s != NULL && occurrences(s, "Người giao:") == 2 &&
		    has(s, "Cơ quan giải quyết: UBND xã Mỹ An") &&
		    line_has(s, "08 giờ 00 phút,", "trước hạn"),
		    "Mẫu 05 without a transfer: the unit solves, two rows (%s)",
		    s == NULL ? err.msg : "");
		free(s);

		/* overrides of the new forms, beside the database */
		snprintf(path, sizeof path, "%s/mau05.txt", tdir);
		write_file(path, "{{code}} {{agency}}\n{{#handoffs}}\n"
		    "{{h.n}}|{{h.agency}}|{{h.time}}|{{h.result}}|{{h.note}}\n"
		    "{{?h.result}}  = {{h.result}}\n{{/handoffs}}\n");
		s = slip_render(db, dbpath, SLIP_CONTROL, c5, &err);
		ok(s != NULL && has(s, "Sở Nội vụ\n1|Trung tâm Phục vụ hành chính công xã Mỹ An|"
		    "16 giờ 10 phút, ngày 20/11/2026||Tiếp nhận: Nguyễn Thị Lan\n2|"),
		    "Mẫu 05 override: the rows' fields (%s)", s == NULL ? err.msg : "");
		ok(has(s, "\n4|Phòng Tư pháp tỉnh|10 giờ 00 phút, ngày 24/11/2026|trước hạn|"
		    "Trả về: Phòng Tư pháp tỉnh → Lê Văn Hùng\n  = trước hạn\n5|"),
		    "Mẫu 05 override: {{?h.result}} shows a judged row");
		ok(has(s, "\n8|") && !has(s, "\n9|") && occurrences(s, "  = ") == 3,
		    "Mẫu 05 override: eight rows, three judged");
		free(s);
		write_file(path, "{{h.note}}\n");
		s = slip_render(db, dbpath, SLIP_CONTROL, c5, &err);
		ok(s == NULL && has(err.msg, "{{h.note}}") && has(err.msg, "{{#handoffs}}"),
		    "a row field outside its block (%s)", err.msg);
		free(s);
		write_file(path, "{{#handoffs}}\n{{doc.name}}\n{{/handoffs}}\n");
		s = slip_render(db, dbpath, SLIP_CONTROL, c5, &err);
		ok(s == NULL && has(err.msg, "{{#documents}}"),
		    "a document field in the hand-off block (%s)", err.msg);
		free(s);
		write_file(path, "{{#handoffs}}\n{{h.agenc}}\n{{/handoffs}}\n");
		s = slip_render(db, dbpath, SLIP_CONTROL, c5, &err);
		ok(s == NULL && has(err.msg, "{{h.agenc}}") && has(err.msg, path),
		    "an unknown row field (%s)", err.msg);
		free(s);
		write_file(path, "{{#handoffs}}\n{{h.n}}\n");
		s = slip_render(db, dbpath, SLIP_CONTROL, c5, &err);
		ok(s == NULL && has(err.msg, "{{/handoffs}}"), "an unclosed hand-off block");
		free(s);
		write_file(path, "{{#handoffs}}\n{{h.nope}}\n{{/handoffs}}\n");
		s = slip_render(db, dbpath, SLIP_REFUSAL, c3, &err);
		ok(s != NULL && has(s, "PHIẾU TỪ CHỐI"), "another form's template is not read");
		free(s);
		unlink(path);
		snprintf(path, sizeof path, "%s/mau03.txt", tdir);
		write_file(path, "TỪ CHỐI {{code}}: {{reason:20}}|\n");
		s = slip_render(db, dbpath, SLIP_REFUSAL, c3b, &err);
		ok(s != NULL && has(s, ": Người yêu cầu không |\n") && has(s, "đủ điều kiện"),
		    "Mẫu 03 override (%s)", s == NULL ? err.msg : "");
		free(s);
		unlink(path);
		snprintf(path, sizeof path, "%s/mau04.txt", tdir);
		write_file(path, "{{applicant}} hẹn {{new_date}} ({{reason}}) {{officer}}\n");
		s = slip_render(db, dbpath, SLIP_APOLOGY, c4, &err);
		is_str(s, "Huỳnh Thị Mai hẹn 15 giờ 00 phút, ngày 03 tháng 12 năm 2026 (Cơ quan "
		    "phối hợp chưa có ý kiến trả lời) Lê Văn Hùng\n", "Mẫu 04 override");
		free(s);
		unlink(path);
		s = slip_render(db, NULL, SLIP_APOLOGY, c4, &err);
		ok(s != NULL && has(s, "PHIẾU XIN LỖI"), "Mẫu 04 built in without a db path");
		free(s);
	}

	/* ---- slip_save ---- */
	ok(slip_save(dbpath, "mau01-x", "Nội dung\n", saved, sizeof saved, &err) == 0,
	    "slip_save (%s)", err.msg);
	snprintf(path, sizeof path, "%s/slips/mau01-x.txt", dir);
	is_str(saved, path, "saved in the slips folder beside the database");
	is_str(read_file(path), "Nội dung\n", "the file holds the text");
	ok(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600, "file mode 0600");
	snprintf(path, sizeof path, "%s/slips", dir);
	ok(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0700, "folder mode 0700");
	ok(slip_save(dbpath, "mau01-x", "Khác\n", saved, sizeof saved, &err) == 0 &&
	    has(read_file(saved), "Khác"), "saving again replaces the file");
	{
		char cmd[600];

		snprintf(cmd, sizeof cmd, "test $(ls -A '%s/slips' | wc -l) -eq 1", dir);
		ok(system(cmd) == 0, "no temporary file left behind");
	}
	snprintf(good, sizeof good, "%s", saved);
	ok(slip_save(dbpath, "../evil", "x", saved, sizeof saved, &err) != 0,
	    "a name with a path refused");
	if (geteuid() != 0) {
		chmod(path, 0500);
		ok(slip_save(dbpath, "mau01-y", "x", saved, sizeof saved, &err) != 0 &&
		    err.kind == MC_EIO && has(err.msg, "slips"),
		    "unwritable folder refused with a message (%s)", err.msg);
		chmod(path, 0700);
	} else {
		/* root writes anywhere: a folder that is a file stands in */
		char other[300], cmd[700];

		snprintf(other, sizeof other, "%s/ro/b.db", dir);
		snprintf(cmd, sizeof cmd, "mkdir -p '%s/ro' && : > '%s/ro/slips'", dir, dir);
		if (system(cmd) != 0)
			return 99;
		ok(slip_save(other, "mau01-y", "x", saved, sizeof saved, &err) != 0 &&
		    err.kind == MC_EIO && has(err.msg, "slips"),
		    "unusable folder refused with a message (%s)", err.msg);
	}
	{
		char cmd[600];

		snprintf(cmd, sizeof cmd, "test $(ls -A '%s/slips' | wc -l) -eq 1", dir);
		ok(system(cmd) == 0, "still nothing partial in the folder");
	}

	/* ---- slip_print ---- */
	{
		char script[300], copy[300], sc[900], before[64], after[64];
		long long ev = count(db, "event WHERE dossier <> ''");

		snprintf(script, sizeof script, "%s/fakelp.sh", dir);
		snprintf(copy, sizeof copy, "%s/printed.txt", dir);
		snprintf(sc, sizeof sc, "#!/bin/sh\necho chatter; echo noise >&2\n"
		    "test \"$1\" = -d && test \"$2\" = A5 && cp \"$3\" '%s'\n", copy);
		write_file(script, sc);
		chmod(script, 0700);
		snprintf(sc, sizeof sc, "%s -d  A5", script);
		if (setting_set(db, "hung", "print_command", sc, &err))
			bail("setting", &err);
		ok(slip_print(db, good, &err) == 0, "printing with a command (%s)", err.msg);
		is_str(read_file(copy), "Khác\n", "the command got the file as its last word");
		snprintf(sc, sizeof sc, "%s/print.log", dir);
		ok(has(read_file(sc), "chatter") && has(read_file(sc), "noise"),
		    "the command's output goes to print.log");
		if (setting_set(db, "hung", "print_command", "false", &err))
			bail("setting", &err);
		db_meta_get(db, "print_command", before, sizeof before);
		ok(slip_print(db, good, &err) != 0 && has(err.msg, "printing failed") &&
		    has(err.msg, "motcua slip CODE --print"),
		    "a failing command: a clear message (%s)", err.msg);
		if (setting_set(db, "hung", "print_command", "/nonexistent/lp", &err))
			bail("setting", &err);
		ok(slip_print(db, good, &err) != 0 && has(err.msg, "printing failed") &&
		    has(err.msg, "/nonexistent/lp"), "a command that cannot run (%s)", err.msg);
		db_meta_get(db, "print_command", after, sizeof after);
		is_int(count(db, "event WHERE dossier <> ''"), ev, "printing records nothing");
		ok(slip_print(db, "/nonexistent/slip.txt", &err) != 0, "no such file refused");
	}

	calendar_close(cal);
	db_close(db);
	{
		char cmd[300];

		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			return 99;
	}
	return tap_done();
}
