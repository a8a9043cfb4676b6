/* test_enforce.c — every role × every action, through core's writers:
 * what the role table (role.h) allows is done, what it does not is
 * refused with a sentence saying who may, and a refusal leaves every row
 * of the database as it was (station.h's digest).  Also the colleague
 * rule, the backdate rule, and the audit events the writers record. */
#include "config.h"

#include "motcua/attach.h"
#include "tap.h"
#include "station.h"

#include "motcua/audit.h"
#include "motcua/auth.h"
#include "motcua/calendar.h"
#include "motcua/publish.h"
#include "motcua/role.h"
#include "motcua/setting.h"
#include "motcua/sync.h"

static sqlite3 *db;
static struct mc_calendar *cal;
static const char *const who[MC_ROLE_COUNT] = {
	[MC_ROLE_OFFICER] = "lan", [MC_ROLE_SUPERVISOR] = "truong",
	[MC_ROLE_AUDITOR] = "kiem",
};
static int serial;

/* The clock follows the story: the day of the matrix is 20 November 2026,
 * and each receipt and step happens a minute after the one before, the
 * clock saying it (a receipt before the station's newest event, or before
 * today, is a supervisor's: clock.h).  The time of that next moment; the
 * clock is set to it. */
static struct mc_time
next_moment(void)
{
	static struct mc_time t;

	if (t.jdn == 0)
		t = moment("2026-11-20 07:30");
	if (++t.min >= 1440) {
		t.min -= 1440;
		t.jdn++;
	}
	{
		char when[MC_TIME_LEN];

		date_format_time(&t, when);
		tap_now(when);
	}
	return t;
}

/* A receipt by `officer` (the actor's own dossier); code to out. */
static void
own_receipt(const char *officer, char out[MC_CODE_LEN])
{
	struct mc_receipt r;
	struct mc_receipt_out o;
	struct mc_err err;
	char id[24];

	memset(&r, 0, sizeof r);
	snprintf(id, sizeof id, "087090%06d", ++serial);
	r.procedure = "1.001022";
	r.docs = "all";
	r.applicant.name = "Người Thử";
	r.applicant.id = id;
	r.applicant.address = "Ấp 3, xã Mỹ An";
	r.officer = officer;
	r.at = next_moment();
	if (dossier_receive(db, cal, &r, &o, &err) != 0)
		bail("receipt", err.msg);
	snprintf(out, MC_CODE_LEN, "%s", o.code);
}

/* Record kind k on code as `officer`, with what each kind needs, at the
 * story's next moment. */
static int
record(const char *code, enum mc_kind_id k, const char *officer, struct mc_err *err)
{
	const struct mc_kind *kind = vocab_kind(k);
	struct mc_step_args a;
	struct mc_time t = next_moment();

	memset(&a, 0, sizeof a);
	(void)lifecycle_arg(&a, kind, "to", "Phạm Văn Tư");
	(void)lifecycle_arg(&a, kind, "agency", "Phòng Tư pháp");
	if (k != MC_KIND_RESULT)
		(void)lifecycle_arg(&a, kind, "reason", "Lý do");
	(void)lifecycle_arg(&a, kind, "new_date", "2026-12-30 09:00");
	return lifecycle_record(db, cal, code, kind, &a, &t, officer, err);
}

/* The step a kind needs before it (none: the receipt is enough). */
static int
before(enum mc_kind_id k)
{
	switch (k) {
	case MC_KIND_TRANSFER_BACK: return MC_KIND_TRANSFER;
	case MC_KIND_RESUME: return MC_KIND_PAUSE;
	case MC_KIND_RETURN: return MC_KIND_RESULT;
	default: return -1;
	}
}

/* What action a as role r needs first: for a step, a dossier of the
 * actor's own (an officer's, for the auditor, who receives none) with the
 * step it needs before it; its code to code. */
static void
prepare(enum mc_action a, enum mc_role r, char code[MC_CODE_LEN])
{
	const char *owner = r == MC_ROLE_AUDITOR ? "lan" : who[r];
	struct mc_err err;

	code[0] = '\0';
	if ((unsigned)a >= MC_KIND_COUNT || a == role_kind(MC_KIND_RECEIVE) ||
	    a == role_kind(MC_KIND_GUIDE))
		return;
	own_receipt(owner, code);
	if (before((enum mc_kind_id)a) >= 0 && record(code, (enum mc_kind_id)before((enum mc_kind_id)a),
	    owner, &err) != 0)
		bail("the step before", err.msg);
}

/* Try action a as role r (after prepare); 0 done, -1 refused (err). */
static int
attempt(enum mc_action a, enum mc_role r, const char *code, struct mc_err *err)
{
	const char *me = who[r];
	char path[256], out[512];
	struct mc_receipt rc;
	struct mc_receipt_out o;
	struct catalog_stats cs;
	struct mc_time now;
	long long n, total, differ;
	char *cat;
	int rv;

	if (code[0] != '\0' && a == role_kind(MC_KIND_FILE)) {
		/* a file attached: a 1x1 grey PNG */
		static const uint8_t png[] = {0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a,
		    0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
		    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3a, 0x7e,
		    0x9b, 0x55, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c,
		    0x63, 0x68, 0x00, 0x00, 0x00, 0x82, 0x00, 0x81, 0x77, 0xcd, 0x72, 0xb6,
		    0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
		struct attach_req req = {.acting = me, .code = code,
		    .source = ATTACH_SOURCE_SCAN};

		return attach_add_buf(db, &req, png, sizeof png, NULL, err);
	}
	if (code[0] != '\0')
		return record(code, (enum mc_kind_id)a, me, err);
	switch (a) {
	case MC_ACT_READ: case MC_ACT_REPORT: case MC_ACT_AUDIT: case MC_ACT_RESTORE:
		/* not writers: the screens and the command line ask role_may */
		return role_require(db, me, a, NULL, err);
	default:
		break;
	}
	memset(&rc, 0, sizeof rc);
	rc.procedure = "1.001022";
	rc.applicant.name = "Người Thử";
	rc.applicant.id = "087090999999";
	rc.applicant.address = "Ấp 3, xã Mỹ An";
	rc.officer = me;
	rc.at = next_moment();
	switch ((int)a) {
	case MC_KIND_RECEIVE:
		rc.docs = "all";
		return dossier_receive(db, cal, &rc, &o, err);
	case MC_KIND_GUIDE:
		rc.docs = "none";
		return dossier_guide(db, &rc, &o, err);
	case MC_ACT_BACKDATE:
		/* a day before the clock (the story's moment, next_moment) */
		rc.docs = "all";
		rc.applicant.id = "087090999998";
		date_now(&now);
		rc.at = now;
		rc.at.jdn--;
		rc.procedure = "1.001193";
		rv = dossier_receive(db, cal, &rc, &o, err);
		/* only the date's rule (or the role's) may refuse it */
		if (rv != 0 && strstr(err->msg, "before today") == NULL &&
		    strstr(err->msg, "may not") == NULL)
			bail("backdate", err->msg);
		return rv;
	case MC_ACT_CATALOG:
		/* the sample again under a higher version: an amendment of nothing */
		if ((cat = catalog_export_json(db, err)) == NULL)
			bail("export", err->msg);
		rv = catalog_import_json(db, me, cat, &cs, err);
		free(cat);
		return rv;
	case MC_ACT_CALENDAR:
		return calendar_set(db, me, date_jdn(2026, 12, 24), true, "Ngày thử", err);
	case MC_ACT_SETTING:
		return setting_set(db, me, "paper_width", "58", err);
	case MC_ACT_OFFICER:
		return unit_officer_set_role(db, me, "hoa", MC_ROLE_OFFICER, err);
	case MC_ACT_PUBLISH:
		snprintf(path, sizeof path, "%s/pub-%d.motcua", test_dir, r);
		return publish_write(db, me, "calendar", 10 + r, path, out, sizeof out, err);
	case MC_ACT_EXPORT:
		snprintf(path, sizeof path, "%s/exp-%d.motcua", test_dir, r);
		return sync_export(db, me, NULL, path, out, sizeof out, &n, NULL, NULL, err);
	case MC_ACT_IMPORT: {
		struct sync_report rep;

		snprintf(path, sizeof path, "%s/other-%d.motcua", test_dir, r);
		return sync_import(db, me, path, false, &rep, NULL, NULL, err);
	}
	case MC_ACT_REBUILD:
		return dossier_rebuild(db, me, &total, &differ, err);
	case MC_ACT_TRUST: {
		/* a station's key of its own, for each attempt */
		unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
		char pub[MC_KEY_HEX], id[MC_UUID_LEN];

		crypto_sign_keypair(pk, sk);
		sodium_bin2hex(pub, sizeof pub, pk, sizeof pk);
		if (event_uuid(id, err))
			return -1;
		return trust_add(db, me, id, pub, UNIT_CODE, 3, err);
	}
	default:
		bail("an action without a test", role_action_name(a));
	}
}

/* Every role × every action. */
static void
test_matrix(void)
{
	/* F7 is one screen for both: the main menu asks for export */
	for (int r = 0; r < MC_ROLE_COUNT; r++)
		ok(role_may((enum mc_role)r, MC_ACT_EXPORT) == role_may((enum mc_role)r,
		    MC_ACT_IMPORT), "%s: export and import go together",
		    unit_role_name((enum mc_role)r));
	for (int a = 0; a < MC_ACT_COUNT; a++)
		for (int r = 0; r < MC_ROLE_COUNT; r++) {
			char before_h[MC_HASH_LEN], after_h[MC_HASH_LEN], code[MC_CODE_LEN];
			bool may = role_may((enum mc_role)r, (enum mc_action)a);
			struct mc_err err = {0};
			int rv;

			prepare((enum mc_action)a, (enum mc_role)r, code);
			digest(db, before_h);
			rv = attempt((enum mc_action)a, (enum mc_role)r, code, &err);
			if (may) {
				ok(rv == 0, "%s may %s (%s)", unit_role_name((enum mc_role)r),
				    role_action_name((enum mc_action)a), rv ? err.msg : "done");
				continue;
			}
			ok(rv != 0 && err.msg[0] != '\0', "%s may not %s (%s)",
			    unit_role_name((enum mc_role)r), role_action_name((enum mc_action)a),
			    err.msg);
			digest(db, after_h);
			is_str(after_h, before_h, "... and the refusal changed nothing");
		}
}

/* An officer imports events, but a publication changes the calendar (or
 * the catalog), which is a supervisor's: refused, with nothing changed. */
static void
test_publication(void)
{
	char path[256], h1[MC_HASH_LEN], h2[MC_HASH_LEN];
	struct sync_report rep;
	struct mc_err err;

	snprintf(path, sizeof path, "%s/other-calendar.motcua", test_dir);
	digest(db, h1);
	ok(sync_import(db, "lan", path, false, &rep, NULL, NULL, &err) != 0 &&
	    strstr(err.msg, "calendar") != NULL && strstr(err.msg, "supervisor") != NULL,
	    "an officer's import of a calendar publication is refused (%s)", err.msg);
	digest(db, h2);
	is_str(h2, h1, "... and nothing changed");
	ok(sync_import(db, "truong", path, false, &rep, NULL, NULL, &err) == 0 && rep.version == 50,
	    "a supervisor's applies it (%s)", rep.version == 50 ? "version 50" : err.msg);
}

/* A colleague's dossier: the setting colleague_steps. */
static void
test_colleague(void)
{
	char code[MC_CODE_LEN], h1[MC_HASH_LEN], h2[MC_HASH_LEN];
	struct mc_err err;

	own_receipt("lan", code);
	digest(db, h1);
	ok(record(code, MC_KIND_WITHDRAW, "hoa", &err) != 0 &&
	    strstr(err.msg, "lan") != NULL && strstr(err.msg, "colleague_steps") != NULL,
	    "an officer may not withdraw a colleague's dossier (%s)", err.msg);
	digest(db, h2);
	is_str(h2, h1, "... and nothing changed");
	ok(record(code, MC_KIND_PAUSE, "hoa", &err) != 0,
	    "nor pause it (%s)", err.msg);
	ok(record(code, MC_KIND_HANDOVER, "hoa", &err) == 0,
	    "but may hand it over (%s)", err.msg);
	ok(record(code, MC_KIND_RESULT, "hoa", &err) == 0,
	    "record its result (%s)", err.msg);
	ok(record(code, MC_KIND_RETURN, "hoa", &err) == 0,
	    "and return it (%s)", err.msg);
	own_receipt("lan", code);
	ok(setting_set(db, "truong", "colleague_steps", "withdraw", &err) == 0,
	    "(colleague_steps = withdraw)");
	ok(record(code, MC_KIND_HANDOVER, "hoa", &err) != 0,
	    "now an officer may not hand a colleague's dossier over");
	ok(record(code, MC_KIND_WITHDRAW, "hoa", &err) == 0,
	    "but may withdraw it (%s)", err.msg);
	ok(setting_unset(db, "truong", "colleague_steps", &err) == 0, "(back to the default)");
	own_receipt("lan", code);
	ok(record(code, MC_KIND_WITHDRAW, "truong", &err) == 0,
	    "a supervisor withdraws anyone's dossier (%s)", err.msg);
}

/* The writers' audit events: who, what, no secret. */
static void
test_audit(void)
{
	struct mc_err err;
	struct mc_time t;
	long long before = db_int(db, "SELECT count(*) FROM event WHERE dossier = ''", -1);

	date_now(&t);
	ok(auth_set(db, "hoa", "mật khẩu của Hoa", &err) == 0, "(hoa's password)");
	ok(auth_verify(db, "hoa", "sai mật khẩu", &t, NULL, &err) != 0, "(a wrong one)");
	ok(auth_verify(db, "hoa", "mật khẩu của Hoa", &t, NULL, &err) == 0 &&
	    audit_note(db, "login", "hoa", NULL, &err) == 0, "(a login, as the screen records it)");
	ok(audit_note(db, "lock", "hoa", "key", &err) == 0, "a screen records a lock");
	ok(audit_note(db, "setting", "hoa", "x", &err) != 0,
	    "... but not what core records itself");
	is_int(db_int(db, "SELECT count(*) FROM event WHERE dossier = ''", -1), before + 4,
	    "password, failure, login and lock are four audit events");
	is_int(db_int(db, "SELECT count(*) FROM event WHERE dossier = '' AND (body LIKE "
	    "'%argon%' OR body LIKE '%mật khẩu%')", -1), 0, "no password or hash in any");
	is_int(event_verify(db, &err), 0, "they are chained like every event");
	is_int(db_int(db, "SELECT count(*) FROM dossier WHERE id = ''", -1), 0,
	    "and make no dossier");
}

static int
count_item(const struct audit_item *it, void *arg)
{
	int *n = arg;

	if (strcmp(it->officer, "truong") != 0)
		return -5;
	(*n)++;
	return 0;
}

static int
first_item(const struct audit_item *it, void *arg)
{
	snprintf(arg, 160, "%.20s|%.60s|%.60s", it->kind, it->label, it->detail);
	return 1;
}

static void
test_list(void)
{
	struct audit_filter f = {0, 0, "truong"};
	struct mc_err err;
	char first[160] = "";
	int n = 0;

	ok(audit_list(db, &f, count_item, &n, &err) == 0 && n > 0,
	    "the filter by officer gives only theirs (%d)", n);
	f.officer = NULL;
	ok(audit_list(db, &f, first_item, first, &err) == 1, "the walk stops when asked");
	is_str(first, "lock|Screen locked|key", "newest first: the lock");
	f.from = date_jdn(2030, 1, 1);
	n = 0;
	ok(audit_list(db, &f, count_item, &n, &err) == 0 && n == 0, "nothing from 2030");
}

int
main(void)
{
	struct mc_err err;

	setenv("LANGUAGE", "en", 1);
	test_dir_make("enforce");
	db = station_new("e.db", 1);
	if (unit_officer_add(db, "kiem", "Phạm Thị Kiểm", MC_ROLE_AUDITOR, &err) ||
	    unit_officer_add(db, "hoa", "Đỗ Thị Hoa", MC_ROLE_OFFICER, &err) ||
	    calendar_open(db, &cal, &err))
		bail("setup", err.msg);
	/* a bundle of another station, for the import */
	{
		sqlite3 *other = station_new("o.db", 2);
		struct mc_calendar *oc;
		char code[MC_CODE_LEN], out[512];
		long long n;

		if (calendar_open(other, &oc, &err))
			bail("other", err.msg);
		/* its receipt the day before the matrix, the clock saying so */
		tap_now("2026-11-19 09:00");
		receive(other, oc, "1.001022", "2026-11-19 09:00", code);
		/* a bundle is made after the events it carries (an import refuses
		 * an event more than a day after its bundle was made): one, made
		 * then, copied for each role (no export's record in them) */
		tap_now("2026-11-19 09:30");
		for (int r = 0; r < MC_ROLE_COUNT; r++) {
			char path[128], cmd[300];

			snprintf(path, sizeof path, "%s/other-%d.motcua", test_dir, r);
			snprintf(cmd, sizeof cmd, "cp '%s/other-0.motcua' '%s'", test_dir, path);
			if (r == 0 ? sync_export(other, "lan", NULL, path, out, sizeof out, &n, NULL,
			    NULL, &err) : system(cmd) != 0)
				bail("other's bundle", r == 0 ? err.msg : cmd);
		}
		snprintf(out, sizeof out, "%s/other-calendar.motcua", test_dir);
		{
			char msg[512];

			if (calendar_set(other, "truong", date_jdn(2026, 12, 31), true, "Ngày nghỉ thử",
			    &err) || publish_write(other, "truong", "calendar", 50, out, msg, sizeof msg,
			    &err))
				bail("other's publication", err.msg);
		}
		station_trust(db, other);	/* this station takes its bundles */
		calendar_close(oc);
		db_close(other);
	}
	test_matrix();
	test_publication();
	test_colleague();
	test_audit();
	test_list();
	calendar_close(cal);
	db_close(db);
	test_dir_remove();
	return tap_done();
}
