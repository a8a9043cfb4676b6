/* demo.c — a demonstration unit with a few months of dossiers. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "motcua/auth.h"
#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/db.h"
#include "dossier-int.h"
#include "motcua/demo.h"
#include "motcua/dossier.h"
#include "motcua/i18n.h"
#include "motcua/unit.h"

/* xorshift32: a fixed seed gives the same demo everywhere */
static unsigned
rnd(unsigned *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

#define PICK(s, a) ((a)[rnd(s) % (sizeof(a) / sizeof((a)[0]))])

static const char *const family[] = {
	"Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng",
	"Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
};
static const char *const middle_m[] = {"Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh",
	"Công", "Xuân"};
static const char *const middle_f[] = {"Thị", "Thị", "Ngọc", "Thanh", "Thu", "Kim",
	"Mỹ", "Hồng"};
static const char *const given_m[] = {"An", "Bình", "Dũng", "Hải", "Hùng", "Khánh",
	"Long", "Nam", "Phúc", "Quân", "Sơn", "Tuấn", "Việt", "Đạt", "Trung", "Lộc",
	"Thắng", "Hòa"};
static const char *const given_f[] = {"Lan", "Linh", "Mai", "Nga", "Thảo", "Trang",
	"Uyên", "Xuân", "Yến", "Ánh", "Hà", "Hương", "Ngọc", "Phương", "Thủy", "Hằng"};
static const char *const hamlets[] = {"Ấp 1", "Ấp 2", "Ấp 3", "Ấp Mỹ Phước",
	"Ấp Tân Hòa", "Ấp Bình Thạnh", "Ấp Long Hưng", "Tổ 4, khu phố 2"};
static const char *const provinces[] = {"087", "087", "087", "089", "086", "082",
	"079", "001", "092", "080"};

struct pick_ctx {
	char codes[64][32];
	int n;
};

static int
collect_code(const struct mc_procedure *p, void *arg)
{
	struct pick_ctx *c = arg;

	if (c->n < 64)
		snprintf(c->codes[c->n++], sizeof c->codes[0], "%s", p->code);
	return 0;
}

static int
cmp_time(const void *a, const void *b)
{
	return date_cmp(a, b);
}

int
demo_fill(sqlite3 *db, const char *officer, int n, int days, struct mc_err *err)
{
	struct pick_ctx pc = {.n = 0};
	struct mc_calendar *cal;
	struct mc_time now, *when;
	unsigned seed = 20251121u;
	int rc = 0;

	if (catalog_list(db, NULL, collect_code, &pc, err))
		return -1;
	if (pc.n == 0)
		return err_set(err, MC_ENOTFOUND, _("the catalog is empty: import one first"));
	if (calendar_open(db, &cal, err))
		return -1;
	if ((when = calloc((size_t)n, sizeof *when)) == NULL) {
		calendar_close(cal);
		return err_set(err, MC_ENOMEM, _("out of memory"));
	}
	date_now(&now);
	for (int i = 0; i < n; i++) {
		do {
			when[i].jdn = now.jdn - 1 - (int)(rnd(&seed) % (unsigned)days);
		} while (!calendar_is_working_day(cal, when[i].jdn));
		/* 07:30..11:20 or 13:30..16:50 */
		when[i].min = rnd(&seed) % 2 ? 450 + (int)(rnd(&seed) % 230)
		    : 810 + (int)(rnd(&seed) % 200);
	}
	qsort(when, (size_t)n, sizeof *when, cmp_time);
	/* disposable data: no need to wait for the disk at every receipt */
	(void)db_exec(db, "PRAGMA synchronous = OFF", NULL);
	for (int i = 0; i < n && rc == 0; i++) {
		bool female = rnd(&seed) % 2;
		int year = 1950 + (int)(rnd(&seed) % 55);
		char name[128], id[16], phone[16], address[160], birth[MC_DATE_LEN];
		struct mc_receipt r;
		struct mc_receipt_out out;

		snprintf(name, sizeof name, "%s %s %s", PICK(&seed, family),
		    female ? PICK(&seed, middle_f) : PICK(&seed, middle_m),
		    female ? PICK(&seed, given_f) : PICK(&seed, given_m));
		snprintf(id, sizeof id, "%s%d%02d%06u", PICK(&seed, provinces),
		    (year >= 2000 ? 2 : 0) + (female ? 1 : 0), year % 100,
		    rnd(&seed) % 1000000u);
		snprintf(phone, sizeof phone, "09%08u", rnd(&seed) % 100000000u);
		snprintf(address, sizeof address, "%s, xã Mỹ An", PICK(&seed, hamlets));
		date_format(date_jdn(year, 1 + (int)(rnd(&seed) % 12),
		    1 + (int)(rnd(&seed) % 28)), birth);
		memset(&r, 0, sizeof r);
		/* the first procedures of the catalog are the common ones */
		r.procedure = pc.codes[rnd(&seed) % 3 == 0 ? rnd(&seed) % (unsigned)pc.n
		    : rnd(&seed) % (unsigned)(pc.n < 8 ? pc.n : 8)];
		r.docs = "all";
		r.applicant = (struct mc_applicant){ name, id, birth, phone, address, NULL,
		    rnd(&seed) % 10 == 0 ? MC_DELIVER_POST : MC_DELIVER_COUNTER };
		r.at = when[i];
		r.officer = officer;
		rc = dossier_receive_history(db, cal, &r, &out, err);
	}
	(void)db_exec(db, "PRAGMA synchronous = FULL", NULL);
	free(when);
	calendar_close(cal);
	return rc;
}

/* The demo's officers and their passwords, shown in the README so that
 * the login and the lock can be tried.  A demo database made before
 * passwords existed gets them when it is next opened. */
static const struct {
	const char *user, *name, *password;
	enum mc_role role;
} demo_officers[] = {
	/* the supervisor first: the unit's first officer adds the others */
	{"truong", "Trần Văn Trưởng", "truong1234", MC_ROLE_SUPERVISOR},
	{"demo", "Nguyễn Thị Thu", "demo1234", MC_ROLE_OFFICER},
};

static int
demo_passwords(sqlite3 *db, struct mc_err *err)
{
	struct mc_auth_state st;
	struct mc_time now;

	date_now(&now);
	for (size_t i = 0; i < sizeof demo_officers / sizeof demo_officers[0]; i++) {
		if (auth_state(db, demo_officers[i].user, &now, &st, err) != 0) {
			if (err->kind == MC_ENOTFOUND)
				continue;	/* --db pointed at another database */
			return -1;
		}
		if (!st.has_password &&
		    auth_set(db, demo_officers[i].user, demo_officers[i].password, err) != 0)
			return -1;
	}
	return 0;
}

static int
demo_officers_add(sqlite3 *db, struct mc_err *err)
{
	for (size_t i = 0; i < sizeof demo_officers / sizeof demo_officers[0]; i++)
		if (auth_officer_add(db, i == 0 ? NULL : demo_officers[0].user,
		    demo_officers[i].user, demo_officers[i].name,
		    demo_officers[i].role, demo_officers[i].password, err) != 0)
			return -1;
	return 0;
}

#define DEMO_UNIT_CODE "000.00.00.H01"

bool
demo_is(sqlite3 *db)
{
	struct mc_unit u;
	struct mc_err err;

	return unit_get(db, &u, &err) == 0 && strcmp(u.code, DEMO_UNIT_CODE) == 0 &&
	    unit_officer_active(db, "demo", &err) > 0;
}

int
demo_open(const char *path, sqlite3 **db, struct mc_err *err)
{
	struct stat sb;
	struct mc_unit u = {.code = DEMO_UNIT_CODE, .station = 1};
	struct catalog_stats cs;
	bool fresh = stat(path, &sb) != 0;

	if (db_open(path, DB_CREATE, db, err))
		return -1;
	if (!fresh && db_int(*db, "SELECT count(*) FROM station WHERE self = 1", 0) > 0) {
		if (demo_passwords(*db, err) != 0) {
			db_close(*db);
			*db = NULL;
			return -1;
		}
		return 0;
	}
	snprintf(u.name, sizeof u.name, "%s", "UBND xã Mỹ An");
	snprintf(u.address, sizeof u.address, "%s",
	    "Ấp 1, xã Mỹ An, tỉnh Đồng Tháp (dữ liệu mẫu / demo data)");
	if (unit_init(*db, &u, err) ||
	    demo_officers_add(*db, err) ||
	    catalog_import_json(*db, "truong", catalog_sample_json, &cs, err) ||
	    demo_fill(*db, "demo", 200, 120, err)) {
		db_close(*db);
		*db = NULL;
		/* a half-made demo is no use: start again next time */
		if (fresh)
			remove(path);
		return -1;
	}
	return 0;
}
