/* test_auth.c — passwords, failures and the lockout (auth.h), the table of
 * roles × actions and the colleague setting (role.h), the settings they
 * bring, and the migration that gives every officer a login row. */
#include "config.h"

#include <string.h>

#include "motcua/auth.h"
#include "motcua/role.h"
#include "motcua/setting.h"
#include "schema.h"
#include "station.h"
#include "tap.h"

#define PW_LAN "mật khẩu của Lan 1"
#define PW_TRUONG "trưởng-ban-2026"
#define PW_TEMP "tạm thời 12345"

/* The whole file's bytes ("" if it does not exist), malloc'd. */
static char *
slurp(const char *p, size_t *n)
{
	FILE *f = fopen(p, "rb");
	char *b;
	long len;

	*n = 0;
	if (f == NULL)
		return calloc(1, 1);
	if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0) {
		fclose(f);
		return NULL;
	}
	rewind(f);
	if ((b = malloc((size_t)len + 1)) != NULL &&
	    fread(b, 1, (size_t)len, f) != (size_t)len) {
		free(b);
		b = NULL;
	}
	fclose(f);
	*n = (size_t)len;
	return b;
}

/* Does the database file or its write-ahead log hold these bytes? */
static bool
file_holds(const char *db_file, const char *needle)
{
	char wal[160];
	const char *files[2] = {db_file, wal};
	size_t k = strlen(needle);

	snprintf(wal, sizeof wal, "%s-wal", db_file);
	for (int f = 0; f < 2; f++) {
		size_t n;
		char *b = slurp(files[f], &n);
		bool found = false;

		if (b == NULL)
			bail("reading", files[f]);
		for (size_t i = 0; !found && i + k <= n; i++)
			found = memcmp(b + i, needle, k) == 0;
		free(b);
		if (found)
			return true;
	}
	return false;
}

static char *
stored_hash(sqlite3 *db, const char *user, char *buf, size_t n)
{
	sqlite3_stmt *st;

	buf[0] = '\0';
	if (sqlite3_prepare_v2(db, "SELECT hash FROM officer_login WHERE username = ?1",
	    -1, &st, NULL) != SQLITE_OK)
		bail("hash", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, user, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		snprintf(buf, n, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

static long long
failures(sqlite3 *db, const char *user)
{
	char sql[128];

	snprintf(sql, sizeof sql, "SELECT failures FROM officer_login WHERE username = '%s'",
	    user);
	return db_int(db, sql, -1);
}

static void
test_policy(sqlite3 *db)
{
	struct mc_err err;
	char longpw[MC_PASSWORD_MAX + 2];

	ok(auth_policy_check(db, "short", &err) != 0 && strstr(err.msg, "at least 8") != NULL,
	    "a password of 5 characters is refused, saying 'at least 8' (%s)", err.msg);
	ok(auth_policy_check(db, "Hòa bình", &err) == 0,
	    "8 characters (some of them two bytes) are enough");
	ok(auth_policy_check(db, "Hòa bì", &err) != 0,
	    "characters are counted, not bytes: 'Hòa bì' is 6");
	ok(auth_policy_check(db, "tab\there ok", &err) != 0 &&
	    strstr(err.msg, "control") != NULL, "a tab is refused");
	memset(longpw, 'a', sizeof longpw - 1);
	longpw[sizeof longpw - 1] = '\0';
	ok(auth_policy_check(db, longpw, &err) != 0 && strstr(err.msg, "at most") != NULL,
	    "%d characters are too many", MC_PASSWORD_MAX + 1);
	longpw[MC_PASSWORD_MAX] = '\0';
	ok(auth_policy_check(db, longpw, &err) == 0, "%d are not", MC_PASSWORD_MAX);

	ok(setting_set(db, "truong", "password_kind", "pin", &err) == 0, "password_kind pin");
	ok(auth_policy_check(db, "12345a", &err) != 0 && strstr(err.msg, "digits only") != NULL,
	    "a PIN with a letter is refused, saying digits only (%s)", err.msg);
	ok(auth_policy_check(db, "12345", &err) != 0 && strstr(err.msg, "at least 6") != NULL,
	    "a PIN of 5 digits is refused, saying 'at least 6' (%s)", err.msg);
	ok(auth_policy_check(db, "123 456", &err) != 0, "a PIN with a space is refused");
	ok(auth_policy_check(db, "123456", &err) == 0, "a PIN of 6 digits is accepted");
	ok(auth_set(db, "lan", "password", &err) != 0, "auth_set checks the policy");
	ok(setting_unset(db, "truong", "password_kind", &err) == 0, "back to passwords");
	ok(auth_policy_check(db, "123456", &err) != 0, "6 digits are too short a password");
}

static void
test_settings(sqlite3 *db)
{
	struct mc_err err;
	char v[64];

	/* the screen's idle lock: whole minutes 0 (never) to 240 */
	ok(setting_get(db, "lock_minutes", v, sizeof v) == 0 && strcmp(v, "5") == 0,
	    "lock_minutes defaults to 5");
	ok(setting_set(db, "truong", "lock_minutes", "0", &err) == 0, "lock_minutes 0 (never) accepted");
	ok(setting_set(db, "truong", "lock_minutes", "240", &err) == 0, "lock_minutes 240 accepted");
	ok(setting_set(db, "truong", "lock_minutes", "241", &err) != 0 &&
	    strstr(err.msg, "lock_minutes") != NULL, "lock_minutes 241 refused (%s)", err.msg);
	ok(setting_set(db, "truong", "lock_minutes", "-1", &err) != 0, "lock_minutes -1 refused");
	ok(setting_set(db, "truong", "lock_minutes", "05", &err) != 0, "lock_minutes 05 refused");
	ok(setting_set(db, "truong", "lock_minutes", "2.5", &err) != 0, "lock_minutes 2.5 refused");
	ok(setting_set(db, "truong", "lock_minutes", "", &err) != 0, "an empty lock_minutes refused");
	ok(setting_get(db, "lock_minutes", v, sizeof v) == 0 && strcmp(v, "240") == 0,
	    "a refused value leaves the last one");
	ok(setting_unset(db, "truong", "lock_minutes", &err) == 0, "lock_minutes unset");
	ok(setting_get(db, "password_kind", v, sizeof v) == 0 && strcmp(v, "password") == 0,
	    "password_kind defaults to password");
	ok(setting_get(db, "colleague_steps", v, sizeof v) == 0 &&
	    strcmp(v, "handover,result,return") == 0,
	    "colleague_steps defaults to handover,result,return");
	ok(setting_set(db, "truong", "password_kind", "word", &err) != 0, "password_kind word refused");
	ok(setting_set(db, "truong", "colleague_steps", "receive", &err) != 0 &&
	    strstr(err.msg, "not a step") != NULL,
	    "colleague_steps: the receipt is not a step (%s)", err.msg);
	ok(setting_set(db, "truong", "colleague_steps", "handover,nonsense", &err) != 0,
	    "colleague_steps: an unknown name refused");
	ok(setting_set(db, "truong", "colleague_steps", "handover,", &err) != 0,
	    "colleague_steps: a trailing comma refused");
	ok(setting_set(db, "truong", "colleague_steps", ",handover", &err) != 0,
	    "colleague_steps: a leading comma refused");
	ok(setting_set(db, "truong", "colleague_steps", "withdraw,cancel", &err) == 0,
	    "colleague_steps withdraw,cancel accepted");
}

static void
test_passwords(sqlite3 *db)
{
	struct mc_auth_state st;
	struct mc_err err;
	struct mc_time t = moment("2026-11-02 09:00");
	char hash[crypto_pwhash_STRBYTES];

	is_int(db_int(db, "SELECT count(*) FROM officer_login", -1),
	    db_int(db, "SELECT count(*) FROM officer", -2), "every officer has a login row");
	ok(auth_state(db, "lan", &t, &st, &err) == 0 && !st.has_password && !st.locked &&
	    st.failures == 0, "a new officer has no password");
	ok(auth_verify(db, "lan", PW_LAN, &t, &st, &err) != 0 && err.kind == MC_ECONFLICT &&
	    strstr(err.msg, "no password yet") != NULL,
	    "verifying without a password set says so (%s)", err.msg);
	is_int(failures(db, "lan"), 0, "... and counts no failure");
	ok(auth_verify(db, "nobody", PW_LAN, &t, &st, &err) != 0 &&
	    err.kind == MC_ENOTFOUND, "an unknown officer");

	ok(auth_set(db, "lan", PW_LAN, &err) == 0, "set lan's password");
	ok(auth_set(db, "truong", PW_TRUONG, &err) == 0, "set truong's password");
	stored_hash(db, "lan", hash, sizeof hash);
	ok(strncmp(hash, "$argon2id$", 10) == 0, "the stored hash is an Argon2id string");
	ok(strstr(hash, PW_LAN) == NULL, "... which does not hold the password");
	ok(db_exec(db, "PRAGMA wal_checkpoint(PASSIVE)", &err) == 0, "(checkpoint)");
	ok(file_holds(test_path("a.db"), hash), "the database file holds the hash");
	ok(!file_holds(test_path("a.db"), PW_LAN) && !file_holds(test_path("a.db"), PW_TRUONG),
	    "... and never a password");
	{
		char other[crypto_pwhash_STRBYTES];

		ok(auth_set(db, "kiem", PW_LAN, &err) == 0 &&
		    strcmp(stored_hash(db, "kiem", other, sizeof other), hash) != 0,
		    "the same password hashes differently for another officer (salt)");
	}

	ok(auth_verify(db, "lan", PW_LAN, &t, &st, &err) == 0 && st.failures == 0 &&
	    !st.must_change, "the right password");
	ok(auth_verify(db, "lan", "mật khẩu của Lan 2", &t, &st, &err) != 0 &&
	    err.kind == MC_EINVAL && strstr(err.msg, "wrong password") != NULL,
	    "a wrong password is refused (%s)", err.msg);
	ok(st.failures == 1 && failures(db, "lan") == 1, "... and counted");
	ok(auth_verify(db, "lan", PW_LAN, &t, &st, &err) == 0 && st.failures == 0 &&
	    failures(db, "lan") == 0, "the right one resets the count");

	/* five in a row lock for five minutes */
	for (int i = 1; i <= 4; i++) {
		ok(auth_verify(db, "lan", "sai mật khẩu", &t, &st, &err) != 0 &&
		    st.failures == i && !st.locked, "wrong password %d: counted, not locked", i);
		ok(auth_delay_ms(st.failures) > auth_delay_ms(st.failures - 1),
		    "... and the wait grows (%ld ms)", auth_delay_ms(st.failures));
	}
	ok(auth_verify(db, "lan", "sai mật khẩu", &t, &st, &err) != 0 && st.failures == 5 &&
	    st.locked, "the 5th wrong password locks");
	ok(strstr(err.msg, "locked until 2026-11-02 09:05") != NULL &&
	    strstr(err.msg, "supervisor") != NULL,
	    "... saying until when and that a supervisor can unlock (%s)", err.msg);
	{
		struct mc_time t4 = moment("2026-11-02 09:04"), t5 = moment("2026-11-02 09:05");

		ok(auth_verify(db, "lan", PW_LAN, &t4, &st, &err) != 0 &&
		    err.kind == MC_ECONFLICT && st.locked,
		    "a 6th try during the lock is refused, the right password too");
		ok(strstr(err.msg, "until 2026-11-02 09:05") != NULL &&
		    strstr(err.msg, "supervisor") != NULL, "... saying until when (%s)", err.msg);
		is_int(failures(db, "lan"), 5, "... and counts nothing more");
		ok(auth_state(db, "lan", &t4, &st, &err) == 0 && st.locked &&
		    date_cmp(&st.locked_until, &t5) == 0, "auth_state: locked until 09:05");
		ok(auth_state(db, "lan", &t5, &st, &err) == 0 && !st.locked && st.failures == 0,
		    "auth_state at 09:05: the lock has run out");
		ok(auth_verify(db, "lan", PW_LAN, &t5, &st, &err) == 0 && !st.locked &&
		    st.failures == 0, "after 5 minutes the right password works");
		is_int(db_int(db, "SELECT locked_until IS NULL FROM officer_login WHERE "
		    "username = 'lan'", -1), 1, "... and the lock is gone from the store");
	}

	/* the lock runs past midnight; an expired lock's failures start again */
	{
		struct mc_time late = moment("2026-11-02 23:58"), next = moment("2026-11-03 00:03");

		for (int i = 0; i < MC_AUTH_MAX_FAILURES; i++)
			(void)auth_verify(db, "lan", "sai", &late, &st, &err);
		ok(st.locked && date_cmp(&st.locked_until, &next) == 0,
		    "locked at 23:58 until 00:03 the next day (%s)", err.msg);
		ok(auth_verify(db, "lan", "sai", &next, &st, &err) != 0 && st.failures == 1 &&
		    !st.locked, "after the lock a wrong password counts from 1 again");
		ok(auth_verify(db, "lan", PW_LAN, &next, &st, &err) == 0, "the right one works");
	}

	/* the delays */
	is_int(auth_delay_ms(0), 0, "no wait before any failure");
	is_int(auth_delay_ms(-3), 0, "nor for a negative count");
	for (int n = 1; n <= 8; n++)
		ok(auth_delay_ms(n) > auth_delay_ms(n - 1), "failure %d waits longer than "
		    "failure %d (%ld > %ld ms)", n, n - 1, auth_delay_ms(n), auth_delay_ms(n - 1));
	ok(auth_delay_ms(9) == auth_delay_ms(8) && auth_delay_ms(1000) == auth_delay_ms(8) &&
	    auth_delay_ms(8) <= 60000, "the wait stops growing at %ld ms", auth_delay_ms(8));
}

static void
test_supervisor(sqlite3 *db)
{
	struct mc_auth_state st;
	struct mc_err err;
	struct mc_time t = moment("2026-11-04 10:00");

	for (int i = 0; i < MC_AUTH_MAX_FAILURES; i++)
		(void)auth_verify(db, "lan", "sai", &t, &st, &err);
	ok(st.locked, "(lan locked)");
	ok(auth_unlock(db, "lan", "lan", &err) != 0 && strstr(err.msg, "officer") != NULL,
	    "an officer may not unlock (%s)", err.msg);
	ok(auth_unlock(db, "kiem", "lan", &err) != 0, "an auditor may not unlock");
	ok(auth_unlock(db, "nobody", "lan", &err) != 0, "nor an unknown officer");
	ok(auth_state(db, "lan", &t, &st, &err) == 0 && st.locked, "... lan is still locked");
	ok(auth_unlock(db, "truong", "nobody", &err) != 0 && err.kind == MC_ENOTFOUND,
	    "unlocking an unknown officer");
	ok(auth_unlock(db, "truong", "lan", &err) == 0, "the supervisor unlocks");
	ok(auth_state(db, "lan", &t, &st, &err) == 0 && !st.locked && st.failures == 0,
	    "... lock and failures gone");
	ok(auth_verify(db, "lan", PW_LAN, &t, &st, &err) == 0,
	    "the right password works at once");

	/* reset: a temporary password the officer must change */
	ok(auth_reset(db, "lan", "kiem", PW_TEMP, &err) != 0, "an officer may not reset");
	ok(auth_reset(db, "kiem", "lan", PW_TEMP, &err) != 0, "an auditor may not reset");
	ok(auth_reset(db, "truong", "lan", "ngắn", &err) != 0 &&
	    strstr(err.msg, "at least 8") != NULL, "a temporary password meets the policy");
	is_int(auth_needs_change(db, "lan", &err), 0, "(nothing to change yet)");
	for (int i = 0; i < 3; i++)
		(void)auth_verify(db, "lan", "sai", &t, &st, &err);
	ok(auth_reset(db, "truong", "lan", PW_TEMP, &err) == 0, "the supervisor resets");
	is_int(auth_needs_change(db, "lan", &err), 1, "lan must change the password");
	is_int(failures(db, "lan"), 0, "the reset clears the failures");
	ok(auth_verify(db, "lan", PW_LAN, &t, &st, &err) != 0, "the old password no longer works");
	ok(auth_verify(db, "lan", PW_TEMP, &t, &st, &err) == 0 && st.must_change,
	    "the temporary one does, and says it must be changed");
	ok(auth_set(db, "lan", PW_TEMP, &err) != 0 && strstr(err.msg, "temporary") != NULL,
	    "the temporary password is refused as the new one (%s)", err.msg);
	ok(auth_set(db, "lan", PW_LAN, &err) == 0, "lan sets a new password");
	is_int(auth_needs_change(db, "lan", &err), 0, "... and need not change it again");
	ok(auth_verify(db, "lan", PW_LAN, &t, &st, &err) == 0 && !st.must_change,
	    "the new password works");
	is_int(auth_needs_change(db, "nobody", &err), -1, "auth_needs_change: unknown officer");

	/* an inactive officer */
	ok(auth_set(db, "cu", "mật khẩu cũ", &err) == 0, "(cu has a password)");
	ok(db_exec(db, "UPDATE officer SET active = 0 WHERE username = 'cu'", &err) == 0,
	    "(cu is no longer active)");
	ok(auth_verify(db, "cu", "mật khẩu cũ", &t, &st, &err) != 0 && err.kind == MC_EINVAL &&
	    strstr(err.msg, "no longer active") != NULL,
	    "an inactive officer is refused, the right password too (%s)", err.msg);
	ok(auth_set(db, "cu", "mật khẩu mới", &err) != 0, "... and may not set a password");
	ok(auth_reset(db, "cu", "lan", PW_TEMP, &err) != 0, "an inactive officer cannot reset");
}

/* The defaults: every role × every action.  A change to the
 * matrix must change this table. */
static const struct {
	const char *action;
	bool officer, supervisor, auditor;
} matrix[] = {
	{"receive", 1, 1, 0},
	{"guide", 1, 1, 0},
	{"handover", 1, 1, 0},
	{"transfer", 1, 1, 0},
	{"transfer-back", 1, 1, 0},
	{"pause", 1, 1, 0},
	{"resume", 1, 1, 0},
	{"result", 1, 1, 0},
	{"return", 1, 1, 0},
	{"refuse", 1, 1, 0},
	{"withdraw", 1, 1, 0},
	{"cancel", 0, 1, 0},
	{"apologize", 1, 1, 0},
	{"stop", 1, 1, 0},
	{"catalog", 0, 1, 0},
	{"calendar", 0, 1, 0},
	{"setting", 0, 1, 0},
	{"officer", 0, 1, 0},
	{"publish", 0, 1, 0},
	{"import", 1, 1, 0},
	{"export", 1, 1, 0},
	{"restore", 0, 1, 0},
	{"read", 1, 1, 1},
	{"report", 1, 1, 1},
	{"audit", 0, 1, 1},
	{"backdate", 0, 1, 0},
	{"rebuild", 0, 1, 0},
	{"trust", 0, 1, 0},
};

static void
test_roles(sqlite3 *db)
{
	size_t n = sizeof matrix / sizeof *matrix;
	struct mc_err err;
	char label[160];

	is_int(MC_ACT_COUNT, (long long)n, "the test's matrix has every action");
	for (size_t i = 0; i < n; i++) {
		enum mc_action a;
		bool want[MC_ROLE_COUNT] = {matrix[i].officer, matrix[i].supervisor,
		    matrix[i].auditor};

		if (!ok(role_action_parse(matrix[i].action, &a) == 0, "action %s known",
		    matrix[i].action))
			continue;
		is_str(role_action_name(a), matrix[i].action, "%s: its name", matrix[i].action);
		for (int r = 0; r < MC_ROLE_COUNT; r++) {
			ok(role_may((enum mc_role)r, a) == want[r], "%s %s %s",
			    unit_role_name((enum mc_role)r), want[r] ? "may" : "may not",
			    matrix[i].action);
			ok((role_check((enum mc_role)r, a, &err) == 0) == want[r] &&
			    (want[r] || strstr(err.msg, "may not") != NULL),
			    "role_check agrees%s%s", want[r] ? "" : ": ", want[r] ? "" : err.msg);
		}
		role_action_label(a, label, sizeof label);
		ok(label[0] != '\0' && strcmp(label, "?") != 0, "%s reads '%s'",
		    matrix[i].action, label);
	}
	/* the kinds' actions are vocab's kinds, in order */
	for (int k = 0; k < MC_KIND_COUNT; k++)
		is_str(role_action_name(role_kind((enum mc_kind_id)k)),
		    vocab_kind((enum mc_kind_id)k)->name, "action %d is the kind %s", k,
		    vocab_kind((enum mc_kind_id)k)->name);
	ok(role_check(MC_ROLE_AUDITOR, role_kind(MC_KIND_RECEIVE), &err) != 0 &&
	    strstr(err.msg, "auditor") != NULL && strstr(err.msg, "officer, supervisor") != NULL,
	    "the refusal names the role and who may (%s)", err.msg);
	ok(!role_may((enum mc_role)7, MC_ACT_READ) && !role_may(MC_ROLE_SUPERVISOR,
	    MC_ACT_COUNT), "an unknown role or action may nothing");
	ok(role_action_name(MC_ACT_COUNT) == NULL, "an unknown action has no name");
	{
		enum mc_action a;

		ok(role_action_parse("fly", &a) != 0, "an unknown action name");
	}

	/* a colleague's dossier: the setting's defaults */
	{
		static const struct {
			enum mc_kind_id k;
			int officer, supervisor, auditor;
		} coll[] = {
			{MC_KIND_HANDOVER, 1, 1, 0}, {MC_KIND_RESULT, 1, 1, 0},
			{MC_KIND_RETURN, 1, 1, 0}, {MC_KIND_WITHDRAW, 0, 1, 0},
			{MC_KIND_PAUSE, 0, 1, 0}, {MC_KIND_CANCEL, 0, 1, 0},
		};

		ok(setting_unset(db, "truong", "colleague_steps", &err) == 0, "(colleague_steps default)");
		for (size_t i = 0; i < sizeof coll / sizeof *coll; i++) {
			const char *name = vocab_kind(coll[i].k)->name;

			is_int(role_colleague_may(db, MC_ROLE_OFFICER, coll[i].k, &err),
			    coll[i].officer, "colleague's dossier: an officer %s %s",
			    coll[i].officer ? "may" : "may not", name);
			is_int(role_colleague_may(db, MC_ROLE_SUPERVISOR, coll[i].k, &err),
			    coll[i].supervisor, "colleague's dossier: a supervisor may %s", name);
			is_int(role_colleague_may(db, MC_ROLE_AUDITOR, coll[i].k, &err), 0,
			    "colleague's dossier: an auditor may not %s", name);
		}
		ok(setting_set(db, "truong", "colleague_steps", "withdraw,cancel", &err) == 0, "(withdraw,cancel)");
		is_int(role_colleague_may(db, MC_ROLE_OFFICER, MC_KIND_WITHDRAW, &err), 1,
		    "the setting lets an officer withdraw a colleague's dossier");
		is_int(role_colleague_may(db, MC_ROLE_OFFICER, MC_KIND_HANDOVER, &err), 0,
		    "... and no longer hand one over");
		is_int(role_colleague_may(db, MC_ROLE_OFFICER, MC_KIND_CANCEL, &err), 0,
		    "the setting never gives an officer what the role may not");
		ok(setting_set(db, "truong", "colleague_steps", "", &err) == 0, "colleague_steps empty");
		is_int(role_colleague_may(db, MC_ROLE_OFFICER, MC_KIND_RESULT, &err), 0,
		    "... an officer records nothing on a colleague's dossier");
		ok(setting_unset(db, "truong", "colleague_steps", &err) == 0, "(back to the default)");
	}
}

/* A database made by the schema before 008 keeps its officers, and each
 * gets a login row with no password. */
static void
test_migration(void)
{
	const char *p = test_path("old.db");
	struct mc_auth_state st;
	struct mc_time t = moment("2026-11-05 08:00");
	struct mc_err err;
	sqlite3 *raw, *db;
	int before = -1;

	for (int i = 0; i < schema_nsteps; i++)
		if (strcmp(schema_steps[i].name, "008_auth.sql") == 0)
			before = i;
	if (!ok(before > 0, "008_auth.sql is a migration step"))
		return;
	/* the steps before 008 on a connection that has our SQL functions */
	if (db_open(p, DB_CREATE | DB_NO_MIGRATE, &raw, &err) != 0)
		bail("old.db", err.msg);
	for (int i = 0; i < before; i++)
		if (db_exec(raw, schema_steps[i].sql, &err) != 0)
			bail(schema_steps[i].name, err.msg);
	{
		char sql[512];

		snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA application_id = %d; "
		    "INSERT INTO officer VALUES ('lan', 'Nguyễn Thị Lan', 'officer', 1, "
		    "'2025-01-01T00:00:00+07:00'), ('truong', 'Trần Văn Trưởng', 'supervisor', 1, "
		    "'2025-01-01T00:00:00+07:00'), ('cu', 'Lê Văn Cũ', 'officer', 0, "
		    "'2025-01-01T00:00:00+07:00');", schema_steps[before - 1].version,
		    MC_APPLICATION_ID);
		ok(db_exec(raw, sql, &err) == 0, "(a database at schema %d with three officers)",
		    schema_steps[before - 1].version);
	}
	is_int(db_schema_version(raw), schema_steps[before - 1].version,
	    "(not migrated further)");
	db_close(raw);
	if (!ok(db_open(p, 0, &db, &err) == 0, "open and migrate it (%s)", err.msg))
		return;
	is_int(db_schema_version(db), db_schema_latest(), "now at the latest schema");
	is_int(db_int(db, "SELECT count(*) FROM officer", -1), 3, "the three officers are kept");
	{
		sqlite3_stmt *s;
		char got[128] = "";

		if (sqlite3_prepare_v2(db, "SELECT group_concat(username || ':' || role || ':' "
		    "|| active, ' ') FROM (SELECT * FROM officer ORDER BY username)", -1, &s,
		    NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
			snprintf(got, sizeof got, "%s", sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
		is_str(got, "cu:officer:0 lan:officer:1 truong:supervisor:1",
		    "... with their roles and whether active");
	}
	is_int(db_int(db, "SELECT count(*) FROM officer_login WHERE hash IS NULL AND "
	    "must_change = 0 AND failures = 0 AND locked_until IS NULL", -1), 3,
	    "each has a login row with no password yet");
	ok(auth_set(db, "truong", PW_TRUONG, &err) == 0 &&
	    auth_verify(db, "truong", PW_TRUONG, &t, &st, &err) == 0,
	    "a migrated officer sets a password and logs in");
	ok(unit_officer_add(db, "moi", "Người Mới", MC_ROLE_OFFICER, &err) == 0 &&
	    db_int(db, "SELECT count(*) FROM officer_login WHERE username = 'moi'", -1) == 1,
	    "an officer added after the migration gets a login row");
	db_close(db);
}

/* auth_officer_add: the officer and the password, or neither. */
static void
test_officer_add(sqlite3 *db)
{
	struct mc_err err;
	struct mc_time at = moment("2026-11-06 08:00");
	char hash[256];
	long long before = db_int(db, "SELECT count(*) FROM officer", -1);

	ok(auth_officer_add(db, "truong", "moi", "Người Mới", MC_ROLE_OFFICER, "short", &err) != 0 &&
	    strstr(err.msg, "at least 8") != NULL, "a refused password adds nobody (%s)",
	    err.msg);
	ok(db_int(db, "SELECT count(*) FROM officer", -1) == before,
	    "... the officer count unchanged");
	ok(auth_officer_add(db, "truong", "kiem", "Trùng Tên", MC_ROLE_OFFICER, PW_TEMP, &err) != 0,
	    "a username taken is refused");
	ok(auth_officer_add(db, "truong", "moi", "Người Mới", MC_ROLE_OFFICER, PW_TEMP, &err) == 0,
	    "an officer with a password is added");
	ok(strncmp(stored_hash(db, "moi", hash, sizeof hash), "$argon2id$", 10) == 0,
	    "... with an Argon2id hash");
	ok(auth_verify(db, "moi", PW_TEMP, &at, NULL, &err) == 0, "... which verifies");
	ok(auth_officer_add(db, "truong", "khong", "Chưa Có", MC_ROLE_OFFICER, NULL, &err) == 0 &&
	    stored_hash(db, "khong", hash, sizeof hash)[0] == '\0',
	    "without a password: added, no hash");
	before = db_int(db, "SELECT count(*) FROM officer", -1);
	ok(auth_officer_add(db, "lan", "moi2", "Người Mới", MC_ROLE_OFFICER, PW_TEMP, &err) != 0 &&
	    strstr(err.msg, "may not") != NULL, "an officer may not add one (%s)", err.msg);
	ok(auth_officer_add(db, "kiem", "moi2", "Người Mới", MC_ROLE_OFFICER, PW_TEMP, &err) != 0,
	    "nor may an auditor");
	ok(auth_officer_add(db, NULL, "moi2", "Người Mới", MC_ROLE_OFFICER, PW_TEMP, &err) != 0,
	    "nor may nobody, once the unit has officers (%s)", err.msg);
	is_int(db_int(db, "SELECT count(*) FROM officer", -1), before,
	    "... the officer count unchanged");
}

/* The unit's first officer: nobody vouches, so a supervisor with a
 * password, recorded as having added themselves. */
static void
test_first_officer(void)
{
	struct mc_unit u = {0};
	struct mc_err err;
	sqlite3 *db;

	snprintf(u.code, sizeof u.code, "%s", UNIT_CODE);
	snprintf(u.name, sizeof u.name, "%s", UNIT_NAME);
	u.station = 1;
	if (db_open(test_path("first.db"), DB_CREATE, &db, &err) || unit_init(db, &u, &err))
		bail("first.db", err.msg);
	ok(auth_officer_add(db, NULL, "lan", "Nguyễn Thị Lan", MC_ROLE_OFFICER, PW_LAN, &err) != 0
	    && strstr(err.msg, "supervisor") != NULL,
	    "the first officer must be a supervisor (%s)", err.msg);
	ok(auth_officer_add(db, NULL, "truong", "Trần Văn Trưởng", MC_ROLE_SUPERVISOR, NULL,
	    &err) != 0 && strstr(err.msg, "password") != NULL,
	    "... with a password (%s)", err.msg);
	is_int(db_int(db, "SELECT count(*) FROM officer", -1), 0, "... nobody added");
	ok(auth_officer_add(db, NULL, "truong", "Trần Văn Trưởng", MC_ROLE_SUPERVISOR, PW_TRUONG,
	    &err) == 0, "the first supervisor is added (%s)", err.msg);
	is_int(db_int(db, "SELECT count(*) FROM event WHERE dossier = '' AND kind = "
	    "'officer_add' AND officer = 'truong' AND body NOT LIKE '%argon%'", -1), 1,
	    "... an audit event, by themselves, without the hash");
	db_close(db);
}

/* Set `user`'s hash to one made with libsodium's interactive limits (t=2,
 * m=64 MiB), as every hash was before MC_AUTH_OPSLIMIT/MEMLIMIT. */
static void
old_hash_put(sqlite3 *db, const char *user, const char *password, char *out)
{
	sqlite3_stmt *st;

	if (crypto_pwhash_str(out, password, strlen(password),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		bail("hash", "out of memory");
	if (sqlite3_prepare_v2(db, "UPDATE officer_login SET hash = ?2, must_change = 0, "
	    "failures = 0, locked_until = NULL WHERE username = ?1", -1, &st, NULL) != SQLITE_OK)
		bail("old hash", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, user, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, out, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		bail("old hash", sqlite3_errmsg(db));
	sqlite3_finalize(st);
}

static long long
notes_of(sqlite3 *db, const char *user, const char *kind)
{
	char sql[192];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM event WHERE dossier = '' AND "
	    "officer = '%s' AND kind = '%s'", user, kind);
	return db_int(db, sql, -1);
}

/* Hashes of other limits: they verify, and the first right login makes
 * them again with today's, in the same transaction as its events. */
static void
test_rehash(sqlite3 *db)
{
	struct mc_auth_state st;
	struct mc_err err;
	struct mc_time t = moment("2026-11-03 08:00");
	char old[crypto_pwhash_STRBYTES], now[crypto_pwhash_STRBYTES],
	    again[crypto_pwhash_STRBYTES];
	const struct mc_auth_note login = {"login", "hoa", NULL};
	const struct mc_auth_note bad = {"password", "hoa", NULL};	/* not a screen's */
	long long logins;

	if (unit_officer_add(db, "hoa", "Trần Thị Hoa", MC_ROLE_OFFICER, &err))
		bail("officer", err.msg);
	ok(auth_set(db, "hoa", "mật khẩu của Cũ", &err) == 0, "set hoa's password");
	ok(strncmp(stored_hash(db, "hoa", now, sizeof now), "$argon2id$v=19$m=7168,t=5,p=1$",
	    30) == 0, "a new hash has 7 MiB, 5 passes, 1 lane (%s)", now);
	ok(crypto_pwhash_str_needs_rehash(now, MC_AUTH_OPSLIMIT, MC_AUTH_MEMLIMIT) == 0,
	    "... which are today's limits");

	old_hash_put(db, "hoa", "mật khẩu của Cũ", old);
	ok(strstr(old, "m=65536,t=2") != NULL, "(an old hash: %s)", old);
	ok(auth_verify(db, "hoa", "mật khẩu của Củ", &t, &st, &err) != 0 &&
	    err.kind == MC_EINVAL && st.failures == 1,
	    "an old hash: a wrong password is refused and counted");
	ok(strcmp(stored_hash(db, "hoa", now, sizeof now), old) == 0,
	    "... and the old hash is kept");

	/* a note that cannot be recorded: the login fails whole, the old
	 * hash and the count stay */
	ok(auth_login(db, "hoa", "mật khẩu của Cũ", &t, &bad, 1, &st, &err) != 0,
	    "a login whose event cannot be recorded fails (%s)", err.msg);
	ok(strcmp(stored_hash(db, "hoa", now, sizeof now), old) == 0 && failures(db, "hoa") == 1,
	    "... and neither the re-hash nor the cleared count is kept");

	logins = notes_of(db, "hoa", "login");
	ok(auth_login(db, "hoa", "mật khẩu của Cũ", &t, &login, 1, &st, &err) == 0 &&
	    st.failures == 0 && !st.must_change, "an old hash: the right password logs in");
	stored_hash(db, "hoa", now, sizeof now);
	ok(strcmp(now, old) != 0 && strstr(now, "$m=7168,t=5,p=1$") != NULL,
	    "... and the hash is made again with today's limits (%s)", now);
	is_int(notes_of(db, "hoa", "login"), logins + 1, "... with the login's event");
	is_int(failures(db, "hoa"), 0, "... and the count cleared");

	ok(auth_verify(db, "hoa", "mật khẩu của Cũ", &t, &st, &err) == 0,
	    "the new hash lets the same password in");
	ok(strcmp(stored_hash(db, "hoa", again, sizeof again), now) == 0,
	    "... without being made again");
	ok(auth_verify(db, "hoa", "mật khẩu của Cu", &t, &st, &err) != 0 &&
	    err.kind == MC_EINVAL && st.failures == 1, "... and refuses a wrong one");
	ok(auth_verify(db, "hoa", "mật khẩu của Cũ", &t, &st, &err) == 0 && st.failures == 0,
	    "(the right one again)");

	/* a temporary password: the right one records no login yet */
	ok(auth_reset(db, "truong", "hoa", PW_TEMP, &err) == 0, "truong resets hoa's password");
	ok(strstr(stored_hash(db, "hoa", now, sizeof now), "$m=7168,t=5,p=1$") != NULL,
	    "... hashed with today's limits");
	logins = notes_of(db, "hoa", "login");
	ok(auth_login(db, "hoa", PW_TEMP, &t, &login, 1, &st, &err) == 0 && st.must_change,
	    "the temporary password is right and must change");
	is_int(notes_of(db, "hoa", "login"), logins, "... and no login is recorded yet");
}

int
main(void)
{
	struct mc_err err;
	sqlite3 *db;

	test_dir_make("auth");
	db = station_new("a.db", 1);
	if (unit_officer_add(db, "kiem", "Phạm Thị Kiểm", MC_ROLE_AUDITOR, &err) ||
	    unit_officer_add(db, "cu", "Lê Văn Cũ", MC_ROLE_OFFICER, &err))
		bail("officers", err.msg);
	test_settings(db);
	test_policy(db);
	test_passwords(db);
	test_supervisor(db);
	test_rehash(db);
	test_roles(db);
	test_officer_add(db);
	db_close(db);
	test_first_officer();
	test_migration();
	test_dir_remove();
	return tap_done();
}
