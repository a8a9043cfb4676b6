/* doctor.c — the checks of `motcua doctor` and F9 → "Check this PC"
 * (doctor.h): the terminal, the locale, the console font, the colours,
 * the clock, the disks, the database, the backups and the keys; the
 * printer and the scanner are doctor-dev.c's. */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "motcua/backup.h"
#include "motcua/clock.h"
#include "motcua/db.h"
#include "motcua/doctor.h"
#include "motcua/i18n.h"
#include "motcua/key.h"
#include "motcua/trust.h"

/* ---- the environment -------------------------------------------------------- */

static int
env_int(const char *name, int dflt)
{
	const char *v = getenv(name);
	char *end;
	long n;

	if (v == NULL || v[0] == '\0')
		return dflt;
	n = strtol(v, &end, 10);
	return *end == '\0' && n >= 0 && n <= 1000000000 ? (int)n : dflt;
}

/* Which variable chooses LC_CTYPE, as setlocale reads them. */
static void
locale_source(char *buf, size_t n)
{
	static const char *const vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};

	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);

		if (v != NULL && v[0] != '\0') {
			snprintf(buf, n, "%s=%s", vars[i], v);
			return;
		}
	}
	snprintf(buf, n, "%s", _("LANG not set"));
}

void
doctor_env_process(struct doctor_env *env)
{
	struct winsize ws;
	const char *cur;
	char saved[256];

	memset(env, 0, sizeof *env);
	/* $COLUMNS and $LINES first, as curses reads them; then standard
	 * output, error and input, the first that is a terminal */
	env->cols = env_int("COLUMNS", 0);
	env->rows = env_int("LINES", 0);
	for (int fd = 1; (env->cols <= 0 || env->rows <= 0) && fd <= 3; fd++)
		if (ioctl(fd % 3, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0) {
			env->cols = ws.ws_col;
			env->rows = ws.ws_row;
		}
	env->term = getenv("TERM");
	if (env->term != NULL && env->term[0] == '\0')
		env->term = NULL;
	/* the environment's locale, not the program's (main.c falls back to
	 * C.UTF-8): set it for a moment, then put the program's back */
	locale_source(env->buf_locale, sizeof env->buf_locale);
	env->locale_var = env->buf_locale;
	cur = setlocale(LC_CTYPE, NULL);
	snprintf(saved, sizeof saved, "%s", cur != NULL ? cur : "C.UTF-8");
	if (setlocale(LC_CTYPE, "") != NULL) {
		snprintf(env->buf_codeset, sizeof env->buf_codeset, "%s", nl_langinfo(CODESET));
		env->codeset = env->buf_codeset;
	}
	if (setlocale(LC_CTYPE, saved) == NULL)
		(void)setlocale(LC_CTYPE, "C.UTF-8");
	env->console_setup = getenv("MOTCUA_CONSOLE_SETUP");
	if (env->console_setup == NULL || env->console_setup[0] == '\0')
		env->console_setup = "/etc/default/console-setup";
	env->path = getenv("PATH");
	if (env->path == NULL)
		env->path = "/usr/bin:/bin";
	env->lpstat = getenv("MOTCUA_LPSTAT");
	if (env->lpstat == NULL || env->lpstat[0] == '\0')
		env->lpstat = doctor_which("lpstat", env->path, env->buf_lpstat,
		    sizeof env->buf_lpstat) == 1 ? env->buf_lpstat : NULL;
	env->min_free_mb = env_int("MOTCUA_DOCTOR_MIN_FREE_MB", DOCTOR_MIN_FREE_MB);
	env->scan_ms = env_int("MOTCUA_DOCTOR_SCAN_MS", DOCTOR_SCAN_MS);
	env->lpstat_ms = DOCTOR_LPSTAT_MS;
	date_now(&env->now);
}

/* ---- items ---------------------------------------------------------------------- */

static struct doctor_item *
item_new(struct doctor_report *r, const char *name)
{
	struct doctor_item *it = &r->item[r->n++];

	memset(it, 0, sizeof *it);
	snprintf(it->name, sizeof it->name, "%s", name);
	it->ok = true;
	return it;
}

static void item_say(struct doctor_item *it, bool ok, const char *fmt, ...) MC_PRINTF(3, 4);
static void
item_say(struct doctor_item *it, bool ok, const char *fmt, ...)
{
	va_list ap;

	it->ok = ok;
	va_start(ap, fmt);
	vsnprintf(it->advice, sizeof it->advice, fmt, ap);
	va_end(ap);
}

/* ---- the terminal ----------------------------------------------------------------- */

static void
check_size(const struct doctor_env *env, struct doctor_item *it)
{
	if (env->cols <= 0 || env->rows <= 0)
		item_say(it, false, "%s", _("the terminal's size is not known (not run in a "
		    "terminal?): run 'motcua doctor' in the terminal the officers use"));
	else if (env->cols < DOCTOR_MIN_COLS || env->rows < DOCTOR_MIN_ROWS)
		item_say(it, false, _("the terminal is %d×%d and motcua needs at least %d×%d: "
		    "make the window larger or its font smaller"), env->cols, env->rows,
		    DOCTOR_MIN_COLS, DOCTOR_MIN_ROWS);
	else
		item_say(it, true, "%d×%d", env->cols, env->rows);
}

static void
check_locale(const struct doctor_env *env, struct doctor_item *it)
{
	if (env->codeset == NULL)
		item_say(it, false, _("the locale %s is not installed on this PC: make it "
		    "with 'sudo dpkg-reconfigure locales' (choose vi_VN.UTF-8), or set "
		    "LANG=C.UTF-8"), env->locale_var);
	else if (strcmp(env->codeset, "UTF-8") != 0)
		item_say(it, false, _("the locale (%s) is %s, not UTF-8: set LANG=vi_VN.UTF-8 "
		    "(or C.UTF-8) for the officers' account, so that the terminal and the "
		    "printer get Vietnamese letters"), env->locale_var, env->codeset);
	else
		item_say(it, true, "%s", env->locale_var);
}

/* The value of VAR in a console-setup file (VAR="value", VAR='value' or
 * VAR=value), into buf; "" when it is not set. */
static void
setup_value(FILE *f, const char *var, char *buf, size_t n)
{
	char line[512];
	size_t vl = strlen(var);

	buf[0] = '\0';
	rewind(f);
	while (fgets(line, sizeof line, f) != NULL) {
		char *p = line, *e;

		while (*p == ' ' || *p == '\t')
			p++;
		if (strncmp(p, var, vl) != 0 || p[vl] != '=')
			continue;
		p += vl + 1;
		if (*p == '"' || *p == '\'') {
			char q = *p++;

			if ((e = strchr(p, q)) != NULL)
				*e = '\0';
		}
		p[strcspn(p, "\r\n")] = '\0';
		/* the last assignment wins, as in the shell */
		snprintf(buf, n, "%s", p);
	}
}

/* The setting that makes the Linux console show Vietnamese, said the
 * same way in every message. */
#define CONSOLE_SETTING "CHARMAP=\"UTF-8\" CODESET=\"Vietnamese\" FONTFACE=\"Fixed\" " \
	"FONTSIZE=\"8x16\""

static void
check_console(const struct doctor_env *env, struct doctor_item *it)
{
	char charmap[64], codeset[64], face[64], size[64];
	/* the sizes console-setup makes its Vietnamese font in (README.fonts) */
	static const char *const sizes[] = {"8x13", "8x15", "8x16", "8x18", "13", "15", "16",
	    "18"};
	bool size_ok = false;
	FILE *f;

	if (env->term == NULL || strcmp(env->term, "linux") != 0) {
		item_say(it, true, "%s", _("not the Linux console"));
		return;
	}
	if ((f = fopen(env->console_setup, "r")) == NULL) {
		item_say(it, false, _("the Linux console shows Vietnamese letters only with the "
		    "Vietnamese font of the package console-setup, and %s is missing: install "
		    "console-setup, set %s in %s, then run 'sudo setupcon'"), env->console_setup,
		    CONSOLE_SETTING, env->console_setup);
		return;
	}
	setup_value(f, "CHARMAP", charmap, sizeof charmap);
	setup_value(f, "CODESET", codeset, sizeof codeset);
	setup_value(f, "FONTFACE", face, sizeof face);
	setup_value(f, "FONTSIZE", size, sizeof size);
	fclose(f);
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
		size_ok = size_ok || strcmp(size, sizes[i]) == 0;
	if ((charmap[0] != '\0' && strcmp(charmap, "UTF-8") != 0) ||
	    strcmp(codeset, "Vietnamese") != 0 || strcmp(face, "Fixed") != 0 || !size_ok)
		item_say(it, false, _("the Linux console cannot show Vietnamese letters with "
		    "CODESET=\"%s\" FONTFACE=\"%s\" FONTSIZE=\"%s\" (only console-setup's "
		    "Vietnamese font has them): set %s in %s, then run 'sudo setupcon'"),
		    codeset, face, size, CONSOLE_SETTING, env->console_setup);
	else
		item_say(it, true, "Vietnamese-Fixed %s", size);
}

static void
check_colours(const struct doctor_env *env, struct doctor_item *it)
{
	if (env->colors >= 8)
		item_say(it, true, _("%d colours"), env->colors);
	else if (env->term == NULL)
		item_say(it, false, "%s", _("TERM is not set: set it to the terminal's type "
		    "(linux on the console, xterm-256color in most windows)"));
	else
		item_say(it, false, _("the terminal (TERM=%s) shows no colours, so warnings are "
		    "not red: set TERM to the terminal's type (linux on the console, "
		    "xterm-256color in most windows)"), env->term);
}

/* ---- the disks ------------------------------------------------------------------ */

/* The folder of path (".": none), into buf. */
static void
folder_of(const char *path, char *buf, size_t n)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		snprintf(buf, n, ".");
	else if (slash == path)
		snprintf(buf, n, "/");
	else
		snprintf(buf, n, "%.*s", (int)(slash - path), path);
}

/* Free MiB for this user in the folder (or, when it does not exist yet,
 * in the nearest folder above it that does): -1 when none can be read. */
static long long
free_mb(const char *folder)
{
	char p[4096];
	struct statvfs sv;

	snprintf(p, sizeof p, "%s", folder);
	for (;;) {
		if (statvfs(p, &sv) == 0)
			return (long long)((unsigned long long)sv.f_bavail * sv.f_frsize /
			    (1024 * 1024));
		char *slash = strrchr(p, '/');

		if (slash == NULL || slash == p)
			return statvfs(slash == p ? "/" : ".", &sv) == 0 ?
			    (long long)((unsigned long long)sv.f_bavail * sv.f_frsize /
			    (1024 * 1024)) : -1;
		*slash = '\0';
	}
}

static void
check_disk_db(const struct doctor_env *env, struct doctor_item *it)
{
	char dir[4096];
	long long mb;

	folder_of(env->db_path != NULL ? env->db_path : "", dir, sizeof dir);
	if ((mb = free_mb(dir)) < 0)
		item_say(it, false, _("the free space in %s cannot be read: check that the "
		    "disk is mounted"), dir);
	else if (mb < env->min_free_mb)
		item_say(it, false, _("only %lld MiB free in %s, the database's folder (at "
		    "least %lld wanted): delete files nobody needs, or ask the technician for "
		    "a larger disk"), mb, dir, env->min_free_mb);
	else
		item_say(it, true, _("%lld MiB free"), mb);
}

static void
check_disk_backups(const struct doctor_env *env, struct doctor_item *it)
{
	char dir[4096];
	struct mc_err err;
	long long mb, need = env->min_free_mb, size;

	if (backup_dir(dir, sizeof dir, &err) != 0) {
		item_say(it, false, "%s", err.msg);
		return;
	}
	/* the next backup is a whole copy of the database */
	size = env->db_path != NULL ? db_disk_size(env->db_path) : -1;
	if (size > 0 && size / (1024 * 1024) + 1 > need)
		need = size / (1024 * 1024) + 1;
	if ((mb = free_mb(dir)) < 0)
		item_say(it, false, _("the free space in %s cannot be read: check that the "
		    "disk is mounted"), dir);
	else if (mb < need)
		item_say(it, false, _("only %lld MiB free in %s, the backups folder (at least "
		    "%lld wanted): delete files nobody needs, or write the backups to a USB "
		    "stick with 'motcua backup --out FOLDER'"), mb, dir, need);
	else
		item_say(it, true, _("%lld MiB free"), mb);
}

/* ---- the database ----------------------------------------------------------------- */

#define DAMAGED_TODO N_("record nothing more on this PC and ask a supervisor to " \
	"bring back the newest backup that 'motcua backup --list' shows as checked OK, " \
	"with 'motcua restore FILE'")

static void
check_quick(sqlite3 *db, struct doctor_item *it)
{
	struct mc_err err;
	sqlite3_stmt *st;
	char *first;

	/* quick_check: the pages and rows, in one pass; the indexes are
	 * integrity_check's (`motcua check`), minutes on a big database */
	if (db_prepare(db, "PRAGMA quick_check(1)", &st, &err) != 0) {
		item_say(it, false, _("the database is damaged (%s): %s"), err.msg,
		    _(DAMAGED_TODO));
		return;
	}
	if ((first = db_step_text(db, st, _("the database's quick check"), &err)) == NULL) {
		item_say(it, false, _("the database is damaged (%s): %s"), err.msg,
		    _(DAMAGED_TODO));
		return;
	}
	if (strcmp(first, "ok") != 0)
		item_say(it, false, _("the database is damaged (%s): %s"), first,
		    _(DAMAGED_TODO));
	else
		item_say(it, true, "%s", _("quick_check passed; 'motcua check' is the full one"));
	sqlite3_free(first);
}

static void
check_schema(sqlite3 *db, struct doctor_item *it)
{
	int v = db_schema_version(db), latest = db_schema_latest();

	if (v == latest)
		item_say(it, true, _("version %d"), v);
	else if (v < latest)
		item_say(it, false, _("the database is at schema version %d and this program "
		    "at %d: run 'motcua check' once to bring it up to date"), v, latest);
	else
		item_say(it, false, _("the database is at schema version %d, newer than this "
		    "program (%d): install the newer motcua that wrote it"), v, latest);
}

static void
check_clock(sqlite3 *db, struct doctor_item *it)
{
	struct mc_clock c;
	struct mc_err err;
	char when[MC_TIME_LEN];

	if (clock_check(db, &c, &err) != 0) {
		item_say(it, false, "%s", err.msg);
		return;
	}
	if (c.state != MC_CLOCK_OK) {
		it->ok = false;
		clock_warning(&c, false, it->advice, sizeof it->advice);
		return;
	}
	date_format_time(&c.now, when);
	item_say(it, true, "%s", when);
}

static void
check_backup(sqlite3 *db, const struct doctor_env *env, struct doctor_item *it)
{
	struct mc_err err;
	long long min;
	int rc = backup_age(db, &env->now, &min, &err), warn = backup_warn_days(db);

	if (rc < 0)
		item_say(it, false, "%s", err.msg);
	else if (rc == 0)
		item_say(it, false, "%s", _("no backup of this station yet: run 'motcua "
		    "backup' (the full-screen program also writes one at its first start each "
		    "day)"));
	else if (warn > 0 && min > (long long)warn * 24 * 60)
		item_say(it, false, _("the newest backup is %lld days old: run 'motcua backup', "
		    "and copy one to a USB stick with 'motcua backup --out FOLDER'"),
		    min / (24 * 60));
	else if (min < 60)
		item_say(it, true, "%s", _("less than an hour ago"));
	else if (min < 48 * 60)
		item_say(it, true, _("%lld hours ago"), min / 60);
	else
		item_say(it, true, _("%lld days ago"), min / (24 * 60));
}

struct trust_count {
	int trusted, revoked;
};

static int
trust_row(const struct trust_item *t, void *arg)
{
	struct trust_count *tc = arg;

	if (t->self)
		return 0;
	if (t->revoked[0] != '\0')
		tc->revoked++;
	else
		tc->trusted++;
	return 0;
}

static void
check_trust(sqlite3 *db, struct doctor_item *it)
{
	struct trust_count tc = {0, 0};
	struct mc_err err;
	char pub[MC_KEY_HEX];
	long long alarms;

	if (key_public(db, pub, &err) != 0) {
		item_say(it, false, "%s", err.msg);
		return;
	}
	if (trust_list(db, trust_row, &tc, &err) < 0 ||
	    (alarms = trust_alarms(db, &err)) < 0) {
		item_say(it, false, "%s", err.msg);
		return;
	}
	if (alarms > 0)
		item_say(it, false, _("%lld clone alarms are held (two stations sign as one): "
		    "see 'motcua station list' and CLONED STATIONS in the manual"), alarms);
	else
		item_say(it, true, _("this station's key; %d other stations trusted, %d "
		    "revoked"), tc.trusted, tc.revoked);
}

/* ---- all of them ---------------------------------------------------------------- */

int
doctor_run(sqlite3 *db, const struct mc_err *open_err, const struct doctor_env *env,
    struct doctor_report *r, struct mc_err *err)
{
	(void)err;
	memset(r, 0, sizeof *r);
	check_size(env, item_new(r, _("Terminal size")));
	check_locale(env, item_new(r, _("Locale")));
	check_console(env, item_new(r, _("Console font")));
	check_colours(env, item_new(r, _("Colours")));
	if (db != NULL) {
		doctor_printer(db, env, item_new(r, _("Printer")));
		doctor_codepage(db, item_new(r, _("Receipt code page")));
		doctor_scanner(db, env, item_new(r, _("Scanner")));
		check_clock(db, item_new(r, _("Clock")));
	}
	check_disk_db(env, item_new(r, _("Disk (database)")));
	check_disk_backups(env, item_new(r, _("Disk (backups)")));
	if (db != NULL) {
		check_quick(db, item_new(r, _("Database")));
		check_schema(db, item_new(r, _("Schema version")));
		check_backup(db, env, item_new(r, _("Last backup")));
		check_trust(db, item_new(r, _("Stations and keys")));
	} else if (open_err != NULL && open_err->kind == MC_ENOTFOUND) {
		/* no database yet: its own message says to set one up */
		item_say(item_new(r, _("Database")), false, "%s", open_err->msg);
	} else {
		item_say(item_new(r, _("Database")), false, _("the database cannot be opened "
		    "(%s): %s"), open_err != NULL ? open_err->msg : "?", _(DAMAGED_TODO));
	}
	for (size_t i = 0; i < r->n; i++)
		if (!r->item[i].ok)
			r->failed++;
	return 0;
}
