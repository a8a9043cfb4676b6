/* demo.c — a demonstration unit with a year of a commune's dossiers. */
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
#include "motcua/lifecycle.h"
#include "motcua/vocab.h"
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

/* The procedures as a commune's counter sees them in a year, per ten
 * thousand receipts: certified copies and signature certification most,
 * then the civil-status steps (birth, marriage status, marriage, death),
 * the civil-status extracts, contracts, social aid and household
 * businesses.  Codes of the sample catalog; one the catalog lacks is
 * skipped.  (The sample catalog has no residence procedure: residence is
 * the commune police's, not this counter's.) */
static const struct {
	const char *code;
	int weight;
} demo_mix[] = {
	{"2.000815", 3800},	/* chứng thực bản sao từ bản chính */
	{"2.000884", 2000},	/* chứng thực chữ ký */
	{"1.001193", 750},	/* đăng ký khai sinh */
	{"1.004873", 650},	/* xác nhận tình trạng hôn nhân */
	{"2.000635", 450},	/* bản sao trích lục hộ tịch */
	{"1.000894", 300},	/* đăng ký kết hôn */
	{"1.000656", 280},	/* đăng ký khai tử */
	{"2.001035", 280},	/* chứng thực hợp đồng, giao dịch */
	{"1.004859", 200},	/* thay đổi, cải chính hộ tịch */
	{"2.000908", 180},	/* bản sao từ sổ gốc */
	{"1.001776", 150},	/* trợ cấp xã hội hằng tháng */
	{"1.001612", 100},	/* thành lập hộ kinh doanh */
	{"2.000720", 90},	/* thay đổi hộ kinh doanh */
	{"2.001406", 90},	/* thỏa thuận phân chia di sản */
	{"1.001022", 80},	/* nhận cha, mẹ, con */
	{"1.004884", 80},	/* đăng ký lại khai sinh */
	{"1.001731", 60},	/* hỗ trợ chi phí mai táng */
	{"1.001699", 50},	/* xác định mức độ khuyết tật */
	{"2.001019", 50},	/* chứng thực di chúc */
	{"1.000689", 40},	/* khai sinh kết hợp nhận cha, mẹ, con */
	{"2.000913", 40},	/* sửa đổi hợp đồng, giao dịch */
	{"2.000992", 40},	/* chữ ký người dịch */
	{"1.001653", 30},	/* cấp lại giấy xác nhận khuyết tật */
	{"1.012812", 30},	/* hòa giải tranh chấp đất đai */
	{"1.010825", 25},	/* thân nhân liệt sĩ: decided by the province */
	{"1.004746", 20},	/* đăng ký lại kết hôn */
	{"1.005461", 20},	/* đăng ký lại khai tử */
	{"1.004837", 20},	/* đăng ký giám hộ */
	{"1.004845", 10},	/* chấm dứt giám hộ */
};

#define DEMO_MIX (sizeof demo_mix / sizeof demo_mix[0])

/* A procedure of the mix that the catalog holds. */
struct demo_proc {
	char code[32];
	int weight;
	char decided_by[256];	/* "" when this unit decides it */
	char guide_docs[128];	/* all but one required document: "2,3" */
};

struct pick_ctx {
	struct demo_proc p[DEMO_MIX];
	int n, total;
};

static int
collect_proc(const struct mc_procedure *p, void *arg)
{
	struct pick_ctx *c = arg;
	struct demo_proc *d;
	size_t used = 0;
	bool left_out = false;

	for (size_t i = 0; i < DEMO_MIX; i++) {
		if (strcmp(demo_mix[i].code, p->code) != 0 || c->n >= (int)DEMO_MIX)
			continue;
		d = &c->p[c->n++];
		snprintf(d->code, sizeof d->code, "%s", p->code);
		d->weight = demo_mix[i].weight;
		c->total += d->weight;
		snprintf(d->decided_by, sizeof d->decided_by, "%s",
		    p->decided_by != NULL ? p->decided_by : "");
		/* a citizen who came without the first required document */
		d->guide_docs[0] = '\0';
		for (size_t k = 0; k < p->ndocs; k++) {
			if (p->docs[k].required && !left_out) {
				left_out = true;
				continue;
			}
			if (used + 8 < sizeof d->guide_docs)
				used += (size_t)snprintf(d->guide_docs + used,
				    sizeof d->guide_docs - used, "%s%d", used ? "," : "",
				    p->docs[k].position);
		}
		if (!left_out)
			d->guide_docs[0] = '\0';
		else if (used == 0)	/* nothing brought at all */
			snprintf(d->guide_docs, sizeof d->guide_docs, "%s", "none");
		break;
	}
	return 0;
}

static const struct demo_proc *
pick_proc(const struct pick_ctx *c, unsigned *seed)
{
	int w = (int)(rnd(seed) % (unsigned)c->total);

	for (int i = 0; i < c->n; i++) {
		if (w < c->p[i].weight)
			return &c->p[i];
		w -= c->p[i].weight;
	}
	return &c->p[c->n - 1];
}

static int
cmp_time(const void *a, const void *b)
{
	return date_cmp(a, b);
}

/* A moment of the office day (07:35..11:15 or 13:35..16:45). */
static int
office_min(unsigned *seed)
{
	return rnd(seed) % 2 ? 455 + (int)(rnd(seed) % 220) : 815 + (int)(rnd(seed) % 190);
}

static int
next_working(struct mc_calendar *cal, int jdn)
{
	do
		jdn++;
	while (!calendar_is_working_day(cal, jdn));
	return jdn;
}

/* A moment of office time after `from` and before `to`, about `frac` of
 * the way (in working days when they are days apart): when an officer
 * would record a step between the two.  `to` itself when they are too
 * close. */
static struct mc_time
between(struct mc_calendar *cal, const struct mc_time *from, const struct mc_time *to,
    int frac, unsigned *seed)
{
	struct mc_time t = *to;
	int days = 0, lo, hi;

	for (int j = from->jdn; j < to->jdn; j = next_working(cal, j))
		days++;
	t.jdn = from->jdn;
	for (int k = days * frac / 100; k > 0; k--)
		t.jdn = next_working(cal, t.jdn);
	lo = t.jdn == from->jdn ? from->min + 10 : 455;
	hi = t.jdn == to->jdn ? to->min - 5 : 1005;
	if (hi <= lo) {
		t = *to;
		return t;
	}
	t.min = lo + (int)(rnd(seed) % (unsigned)(hi - lo));
	/* an officer is not at the desk over lunch */
	if (t.min > 690 && t.min < 810)
		t.min = t.min - 690 + 810 < hi ? t.min - 690 + 810 : lo;
	return t;
}

static struct mc_time
later(struct mc_calendar *cal, const struct mc_time *t, int minutes)
{
	struct mc_time u = *t;

	u.min += minutes;
	if (u.min > 1010) {
		u.jdn = next_working(cal, u.jdn);
		u.min = 455 + (u.min - 1010) % 200;
	}
	return u;
}

/* One step on a dossier, if its moment has come: a step whose time is
 * after now has not happened yet (1), and nothing after it either. */
static int
step(sqlite3 *db, struct mc_calendar *cal, const char *code, enum mc_kind_id id,
    const char *const *fv, const struct mc_time *at, const struct mc_time *now,
    const char *officer, struct mc_err *err)
{
	const struct mc_kind *k = vocab_kind(id);
	struct mc_step_args a;

	if (date_cmp(at, now) > 0)
		return 1;
	memset(&a, 0, sizeof a);
	for (; fv != NULL && fv[0] != NULL; fv += 2)
		if (lifecycle_arg(&a, k, fv[0], fv[1]) != 0)
			/* TRANSLATORS: a step's name ("return"), a field's ("rating") */
			return err_set(err, MC_EINVAL, _("the demo's step %s has no field %s"),
			    k->name, fv[0]);
	return lifecycle_record(db, cal, code, k, &a, at, officer, err) != 0 ? -1 : 0;
}

/* What became of the dossiers; a few of each, as at a real counter. */
enum fate { F_DONE, F_LATE, F_TRANSFER, F_REFUSED_RESULT, F_REFUSED, F_WITHDRAWN,
	F_STOPPED };

static enum fate
pick_fate(const struct demo_proc *p, const struct mc_time *r, const struct mc_time *due,
    unsigned *seed, int *stops)
{
	unsigned u = rnd(seed) % 1000;

	if (p->decided_by[0] != '\0')
		return F_TRANSFER;
	if (u < 6)
		return F_REFUSED;
	if (u < 12)
		return F_WITHDRAWN;
	/* one or two a year: a dossier of some days, stopped on request */
	if (*stops < 2 && due->jdn > r->jdn + 1 && u < 100 && rnd(seed) % 8 == 0) {
		++*stops;
		return F_STOPPED;
	}
	if (u < 25)
		return F_LATE;
	if (u < 30)
		return F_REFUSED_RESULT;
	return F_DONE;
}

static const char *
pick_rating(unsigned *seed)
{
	unsigned u = rnd(seed) % 100;

	return u < 62 ? "very_satisfied" : u < 94 ? "satisfied" : u < 97 ?
	    "not_satisfied" : NULL;
}

/* The life of one dossier after its receipt at r, due at due. */
static int
demo_life(sqlite3 *db, struct mc_calendar *cal, const struct demo_proc *p,
    const struct mc_receipt_out *out, const struct mc_time *r, const struct mc_time *now,
    const char *officer, unsigned *seed, int *stops, struct mc_err *err)
{
	const struct mc_time *due = &out->due;
	struct mc_time res, ret, t;
	char nd[MC_TIME_LEN];
	const char *rating;
	int rc;

	switch (pick_fate(p, r, due, seed, stops)) {
	case F_REFUSED:
		t = later(cal, r, 5 + (int)(rnd(seed) % 10));
		return step(db, cal, out->code, MC_KIND_REFUSE, (const char *const[]){
		    "reason", "Hồ sơ không thuộc thẩm quyền giải quyết của UBND xã", NULL},
		    &t, now, officer, err);
	case F_WITHDRAWN:
		t = between(cal, r, due, 50, seed);
		return step(db, cal, out->code, MC_KIND_WITHDRAW, (const char *const[]){
		    "reason", "Người nộp xin rút hồ sơ để bổ sung giấy tờ", NULL},
		    &t, now, officer, err);
	case F_STOPPED:
		t = between(cal, r, due, 40, seed);
		return step(db, cal, out->code, MC_KIND_STOP, (const char *const[]){
		    "reason", "Người yêu cầu có văn bản đề nghị dừng giải quyết hồ sơ",
		    NULL}, &t, now, officer, err);
	case F_LATE:
		/* the apology before the due time, a new date after it, and
		 * the result between the two (Mẫu 04) */
		t = between(cal, r, due, 60, seed);
		ret.jdn = next_working(cal, due->jdn);
		ret.min = 960;
		date_format_time(&ret, nd);
		if ((rc = step(db, cal, out->code, MC_KIND_APOLOGIZE, (const char *const[]){
		    "reason", "Cần xác minh thêm thông tin với cơ quan liên quan",
		    "new_date", nd, NULL}, &t, now, officer, err)) != 0)
			return rc < 0 ? -1 : 0;
		res.jdn = ret.jdn;
		res.min = 480 + (int)(rnd(seed) % 150);
		break;
	case F_TRANSFER:
		t = between(cal, r, due, 5, seed);
		if ((rc = step(db, cal, out->code, MC_KIND_TRANSFER, (const char *const[]){
		    "agency", p->decided_by, NULL}, &t, now, officer, err)) != 0)
			return rc < 0 ? -1 : 0;
		t = between(cal, &t, due, 85, seed);
		if ((rc = step(db, cal, out->code, MC_KIND_TRANSFER_BACK,
		    (const char *const[]){"agency", p->decided_by, NULL}, &t, now, officer,
		    err)) != 0)
			return rc < 0 ? -1 : 0;
		res = between(cal, &t, due, 50, seed);
		break;
	case F_REFUSED_RESULT:
		res = between(cal, r, due, 70 + (int)(rnd(seed) % 30), seed);
		if ((rc = step(db, cal, out->code, MC_KIND_RESULT, (const char *const[]){
		    "outcome", "refused",
		    "reason", "Không đủ điều kiện theo quy định", NULL}, &res, now, officer,
		    err)) != 0)
			return rc < 0 ? -1 : 0;
		ret = later(cal, &res, 30 + (int)(rnd(seed) % 90));
		return step(db, cal, out->code, MC_KIND_RETURN, NULL, &ret, now, officer,
		    err) < 0 ? -1 : 0;
	case F_DONE:
	default:
		res = between(cal, r, due, 55 + (int)(rnd(seed) % 46), seed);
		break;
	}
	if ((rc = step(db, cal, out->code, MC_KIND_RESULT, (const char *const[]){
	    "outcome", "approved", NULL}, &res, now, officer, err)) != 0)
		return rc < 0 ? -1 : 0;
	/* the citizen comes on the appointment's day, some a few days on */
	if (res.jdn < due->jdn) {
		ret.jdn = due->jdn;
		for (int k = rnd(seed) % 5 == 0 ? 1 + (int)(rnd(seed) % 4) : 0; k > 0; k--)
			ret.jdn = next_working(cal, ret.jdn);
		ret.min = office_min(seed);
	} else
		ret = later(cal, &res, 20 + (int)(rnd(seed) % 120));
	rating = pick_rating(seed);
	return step(db, cal, out->code, MC_KIND_RETURN, (const char *const[]){
	    rating != NULL ? "rating" : NULL, rating, NULL}, &ret, now, officer,
	    err) < 0 ? -1 : 0;
}

/* A made-up citizen for a receipt or a guidance (strings in the caller's
 * buffers). */
struct person {
	char name[128], id[16], phone[16], address[160], birth[MC_DATE_LEN];
};

static struct mc_applicant
make_person(struct person *p, unsigned *seed)
{
	bool female = rnd(seed) % 2;
	int year = 1950 + (int)(rnd(seed) % 55);

	snprintf(p->name, sizeof p->name, "%s %s %s", PICK(seed, family),
	    female ? PICK(seed, middle_f) : PICK(seed, middle_m),
	    female ? PICK(seed, given_f) : PICK(seed, given_m));
	snprintf(p->id, sizeof p->id, "%s%d%02d%06u", PICK(seed, provinces),
	    (year >= 2000 ? 2 : 0) + (female ? 1 : 0), year % 100,
	    rnd(seed) % 1000000u);
	snprintf(p->phone, sizeof p->phone, "09%08u", rnd(seed) % 100000000u);
	snprintf(p->address, sizeof p->address, "%s, xã Mỹ An", PICK(seed, hamlets));
	date_format(date_jdn(year, 1 + (int)(rnd(seed) % 12), 1 + (int)(rnd(seed) % 28)),
	    p->birth);
	return (struct mc_applicant){ p->name, p->id, p->birth, p->phone, p->address, NULL,
	    rnd(seed) % 20 == 0 ? MC_DELIVER_POST : MC_DELIVER_COUNTER };
}

/* The receipt times: n moments of office hours on the working days of the
 * `days` before today, and today's share up to now, in order. */
static int
receipt_times(struct mc_calendar *cal, const struct mc_time *now, int n, int days,
    unsigned *seed, struct mc_time *when)
{
	int working = 0, today = 0;

	for (int j = now->jdn - days; j < now->jdn; j++)
		working += calendar_is_working_day(cal, j);
	if (working == 0)
		return -1;
	/* today's receipts so far: a day's share, by the hour */
	if (calendar_is_working_day(cal, now->jdn) && now->min > 470)
		today = n / working * (now->min < 1010 ? now->min - 450 : 560) / 560;
	for (int i = 0; i < n; i++) {
		if (i < today) {
			when[i].jdn = now->jdn;
			do
				when[i].min = office_min(seed);
			while (when[i].min >= now->min - 5);
			continue;
		}
		do
			when[i].jdn = now->jdn - 1 - (int)(rnd(seed) % (unsigned)days);
		while (!calendar_is_working_day(cal, when[i].jdn));
		when[i].min = office_min(seed);
	}
	qsort(when, (size_t)n, sizeof *when, cmp_time);
	return 0;
}

int
demo_fill(sqlite3 *db, const char *officer, int n, int days, struct mc_err *err)
{
	struct pick_ctx pc;
	struct mc_calendar *cal;
	struct mc_time now, *when;
	struct db_tx tx;
	unsigned seed = 20251121u;
	int rc = 0, stops = 0;

	memset(&pc, 0, sizeof pc);
	if (catalog_list(db, NULL, collect_proc, &pc, err))
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
	if (receipt_times(cal, &now, n, days, &seed, when) != 0) {
		free(when);
		calendar_close(cal);
		return err_set(err, MC_EINVAL, _("the demo found no working day in "
		    "the %d days before today: check the calendar"), days);
	}
	/* disposable data: no need to wait for the disk, and one transaction
	 * for the whole year (a half-made demo is rolled back) */
	(void)db_exec(db, "PRAGMA synchronous = OFF", NULL);
	if (db_tx_begin(db, &tx, err)) {
		free(when);
		calendar_close(cal);
		return -1;
	}
	for (int i = 0; i < n && rc == 0; i++) {
		const struct demo_proc *p = pick_proc(&pc, &seed);
		unsigned ch = rnd(&seed) % 100;
		struct person who;
		struct mc_receipt r;
		struct mc_receipt_out out;

		memset(&r, 0, sizeof r);
		r.procedure = p->code;
		r.applicant = make_person(&who, &seed);
		r.at = when[i];
		r.officer = officer;
		/* one in fifty: just before, a citizen who lacked a paper got the
		 * supplement request (Mẫu 02) instead of a receipt */
		if (p->guide_docs[0] != '\0' && rnd(&seed) % 50 == 0) {
			struct person other;
			struct mc_receipt g = r;

			g.applicant = make_person(&other, &seed);
			g.docs = strcmp(p->guide_docs, "none") == 0 ? "" : p->guide_docs;
			/* not before the opening of the morning or the afternoon */
			if ((r.at.min >= 458 && r.at.min < 810) || r.at.min >= 818)
				g.at.min = r.at.min - 8;
			if ((rc = dossier_guide_history(db, &g, &out, err)) != 0)
				break;
		}
		r.docs = "all";
		/* most hand their papers in; a few post them, a few file online */
		r.channel = ch < 4 ? MC_CHANNEL_ONLINE : ch < 7 ? MC_CHANNEL_POST
		    : MC_CHANNEL_DIRECT;
		if ((rc = dossier_receive_history(db, cal, &r, &out, err)) == 0)
			rc = demo_life(db, cal, p, &out, &r.at, &now, officer, &seed, &stops, err);
	}
	if (rc == 0)
		rc = db_tx_commit(&tx, err);
	else
		db_tx_rollback(&tx);
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
/* a year of a small commune: a large one receives 4,000 to 5,000, but
 * every step re-derives its dossier from its events, and the demo must
 * be made in seconds on a low-end PC */
#define DEMO_DOSSIERS 1500

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
	    demo_fill(*db, "demo", DEMO_DOSSIERS, 365, err)) {
		db_close(*db);
		*db = NULL;
		/* a half-made demo is no use: start again next time */
		if (fresh)
			remove(path);
		return -1;
	}
	return 0;
}
