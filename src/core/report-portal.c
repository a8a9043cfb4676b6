/* report-portal.c — the dossiers of a period in the shape of the national
 * public service portal's dossier sync (report.h, doc/portal.md).
 *
 * The whole export is made by SQLite's JSON functions: one row per dossier
 * received in the period, each row one JSON object with its progress list
 * (one item per event of the dossier, in the order they happened); C only
 * joins the objects into the array.  Every value's source and format, and
 * the mapping tables below, are documented in doc/portal.md: keep the two
 * in step. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/date.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/report.h"

/* motcua's status → the portal's TrangThaiHoSo.  The codes are the list
 * integrators of the portal use (1 newly registered, 2 received, 3 not
 * received, 4 being processed, 5 supplement requested, 7 withdrawn at the
 * applicant's request, 8 processing stopped, 9 processed, 10 result
 * returned); they could not be checked against the portal's own
 * integration document (doc/portal.md says so).  NULL: a dossier in that
 * status is not exported (a cancellation is an entry error, never a
 * dossier).  "stopped" is the "dừng giải quyết" step's status, mapped
 * ahead so that the export knows it when it lands.  A status not listed
 * makes the export fail rather than guess. */
static const struct portal_status {
	const char *status;
	const char *code;
} portal_statuses[] = {
	{"received", "2"},
	{"processing", "4"},
	{"transferred", "4"},
	{"paused", "5"},
	{"stopped", "8"},
	{"result_ready", "9"},
	{"returned", "10"},
	{"refused", "3"},
	{"withdrawn", "7"},
	{"cancelled", NULL},
};
#define NSTATUSES (sizeof portal_statuses / sizeof portal_statuses[0])

/* A stored time ("2026-11-21T09:30:00+07:00", or local without an offset)
 * in strftime's format fmt, in Asia/Ho_Chi_Minh (UTC+7, no daylight
 * saving): with an offset, SQLite reads it as UTC and +420 minutes brings
 * it to Vietnam's clock; without one it is already local.  NULL or "" gives
 * "".  PORTAL_TIME is the portal's yyyyMMddHHmmss. */
#define LOCAL_TIME(fmt, x) \
	"(CASE WHEN " x " IS NULL OR " x " = '' THEN '' " \
	"WHEN " x " GLOB '*[+-][0-9][0-9]:[0-9][0-9]' OR " x " GLOB '*Z' " \
	"THEN strftime('" fmt "', " x ", '+420 minutes') " \
	"ELSE strftime('" fmt "', " x ") END)"
#define PORTAL_TIME(x) LOCAL_TIME("%%Y%%m%%d%%H%%M%%S", x)

/* The text of one field of an event's body, "" when absent. */
#define BODY(k) "coalesce(json_extract(e.body, '$." k "'), '')"
/* ": " and the field, when the body has it. */
#define WITH(k) "(CASE WHEN " BODY(k) " = '' THEN '' ELSE ': ' || " BODY(k) " END)"

/* NoiDungXuLy: what the step was, in Vietnamese (the portal's language,
 * whatever the counter's locale), with what the step recorded; an ID
 * number (the collector's) is never written.  A kind not listed is named
 * as motcua names it. */
#define PROGRESS_TEXT \
	"CASE e.kind " \
	"WHEN 'receive' THEN 'Tiếp nhận hồ sơ' " \
	"WHEN 'handover' THEN 'Chuyển cán bộ xử lý' || " WITH("to") " " \
	"WHEN 'transfer' THEN 'Chuyển cơ quan giải quyết' || " WITH("agency") " " \
	"WHEN 'transfer-back' THEN 'Cơ quan giải quyết chuyển lại hồ sơ' || " \
	    WITH("agency") " " \
	"WHEN 'pause' THEN 'Tạm dừng, chờ bổ sung hồ sơ' || " WITH("reason") " " \
	"WHEN 'resume' THEN 'Tiếp tục giải quyết' " \
	"WHEN 'stop' THEN 'Dừng giải quyết' || " WITH("reason") " " \
	"WHEN 'result' THEN CASE " BODY("outcome") " WHEN 'refused' " \
	    "THEN 'Có kết quả: từ chối giải quyết' || " WITH("reason") " " \
	    "ELSE 'Có kết quả giải quyết' END " \
	"WHEN 'return' THEN 'Trả kết quả' || CASE WHEN " BODY("collector") " = '' " \
	    "THEN ' cho người nộp hồ sơ' ELSE ', người nhận: ' || " BODY("collector") \
	    " END " \
	"WHEN 'refuse' THEN 'Từ chối tiếp nhận hồ sơ' || " WITH("reason") " " \
	"WHEN 'withdraw' THEN 'Rút hồ sơ' || " WITH("reason") " " \
	"WHEN 'cancel' THEN 'Hủy hồ sơ nhập nhầm' || " WITH("reason") " " \
	"WHEN 'apologize' THEN 'Xin lỗi, hẹn lại ngày ' || " \
	    "coalesce(" LOCAL_TIME("%%d/%%m/%%Y %%H:%%M", "json_extract(e.body, '$.new_date')") \
	    ", '') || " \
	    WITH("reason") " " \
	"ELSE e.kind END"

/* One object per dossier received in [?1, ?2) (local days), in receipt
 * order.  The progress list's subquery is ordered and the aggregate over
 * it is not flattened into it (SQLite keeps a subquery's ORDER BY when an
 * aggregate reads it), so the items come in the order of the events.
 * %s: the CASE of TrangThaiHoSo, then the statuses not exported. */
#define PORTAL_SQL \
	"SELECT d.status, %s AS code, json_object(" \
	"'MaHoSo', d.code, " \
	"'MaTTHC', d.procedure_code, " \
	"'TenTTHC', d.procedure_name, " \
	"'MaLinhVuc', '', " \
	"'TenLinhVuc', d.field, " \
	"'ChuHoSo', d.applicant_name, " \
	"'LoaiDoiTuong', '1', " \
	"'SoDienThoai', coalesce(d.phone, ''), " \
	"'Email', coalesce(d.email, ''), " \
	"'TrichYeuHoSo', d.procedure_name || ' - ' || d.applicant_name, " \
	"'NgayTiepNhan', " PORTAL_TIME("d.received") ", " \
	"'NgayHenTra', " PORTAL_TIME("coalesce(d.appointment, d.due)") ", " \
	"'TrangThaiHoSo', %s, " \
	"'NgayTra', " PORTAL_TIME("d.returned_at") ", " \
	"'HinhThuc', CASE d.channel WHEN 'online' THEN '1' WHEN 'post' THEN '2' " \
	    "ELSE '0' END, " \
	"'DonViXuLy', coalesce(nullif(d.agency, ''), " \
	    "(SELECT value FROM meta WHERE key = 'unit_name'), ''), " \
	"'QuaTrinhXuLy', (SELECT json_group_array(json(item)) FROM (" \
	    "SELECT json_object(" \
	    "'NguoiXuLy', coalesce((SELECT o.full_name FROM officer o " \
	        "WHERE o.username = e.officer), e.officer), " \
	    "'ThoiDiemXuLy', " PORTAL_TIME("e.at") ", " \
	    "'NoiDungXuLy', " PROGRESS_TEXT ") AS item " \
	    "FROM event e WHERE e.dossier = d.id AND e.kind <> 'guide' " \
	    "ORDER BY e.at, e.origin, e.seq))" \
	") FROM dossier d WHERE d.received >= ?1 AND d.received < ?2 " \
	"AND d.status NOT IN (%s) ORDER BY d.received, d.code"

/* The CASE giving a status its portal code (NULL for a status with none),
 * and the list of the statuses not exported, into sql. */
static void
status_sql(sqlite3_str *cases, sqlite3_str *skipped)
{
	size_t nskip = 0;

	sqlite3_str_appendall(cases, "(CASE d.status");
	for (size_t i = 0; i < NSTATUSES; i++) {
		const struct portal_status *p = &portal_statuses[i];

		if (p->code != NULL)
			sqlite3_str_appendf(cases, " WHEN %Q THEN %Q", p->status, p->code);
		else
			sqlite3_str_appendf(skipped, "%s%Q", nskip++ ? ", " : "", p->status);
	}
	sqlite3_str_appendall(cases, " END)");
	if (nskip == 0)
		sqlite3_str_appendall(skipped, "NULL");
}

struct portal_visit {
	sqlite3_str *out;
	size_t n;
	struct mc_err *err;
	int failed;
};

static int
portal_row(sqlite3_stmt *st, void *arg)
{
	struct portal_visit *v = arg;

	if (sqlite3_column_type(st, 1) == SQLITE_NULL) {
		err_set(v->err, MC_EINVAL, _("the status '%s' has no code of the national "
		    "portal: the export cannot say what it is"),
		    (const char *)sqlite3_column_text(st, 0));
		v->failed = 1;
		return 1;
	}
	sqlite3_str_appendf(v->out, "%s%s", v->n++ ? "," : "", sqlite3_column_text(st, 2));
	return 0;
}

char *
report_portal(sqlite3 *db, int from, int to, struct mc_err *err)
{
	char lo[MC_DATE_LEN], hi[MC_DATE_LEN];
	sqlite3_str *cases, *skipped, *out;
	struct portal_visit v = {NULL, 0, err, 0};
	char *c, *s, *text, *m;
	sqlite3_stmt *st;
	int rc;

	if (from > to) {
		err_set(err, MC_EINVAL, _("the period ends before it starts: its last day "
		    "must not be before its first"));
		return NULL;
	}
	cases = sqlite3_str_new(db);
	skipped = sqlite3_str_new(db);
	status_sql(cases, skipped);
	c = sqlite3_str_finish(cases);
	s = sqlite3_str_finish(skipped);
	if (c == NULL || s == NULL) {
		sqlite3_free(c);
		sqlite3_free(s);
		err_set(err, MC_ENOMEM, _("out of memory"));
		return NULL;
	}
	rc = db_preparef(db, &st, err, PORTAL_SQL, c, c, s);
	sqlite3_free(c);
	sqlite3_free(s);
	if (rc != 0)
		return NULL;
	date_format(from, lo);
	date_format(to + 1, hi);
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_TRANSIENT);
	out = sqlite3_str_new(db);
	sqlite3_str_appendchar(out, 1, '[');
	v.out = out;
	rc = db_each(db, st, portal_row, &v, _("reading the dossiers for the portal"), err);
	sqlite3_str_appendchar(out, 1, ']');
	text = sqlite3_str_finish(out);
	if (rc != 0 || v.failed) {
		sqlite3_free(text);
		return NULL;
	}
	/* hand back malloc'd memory, as the header promises */
	if (text == NULL || (m = strdup(text)) == NULL) {
		sqlite3_free(text);
		err_set(err, MC_ENOMEM, _("out of memory"));
		return NULL;
	}
	sqlite3_free(text);
	return m;
}
