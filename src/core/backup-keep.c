/* backup-keep.c — the backups folder (backup.h): where it is, the names
 * of this station's backups, the daily rule, the rotation, the list and
 * the age of the newest.  The writing itself is backup.c's. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup-int.h"
#include "motcua/backup.h"
#include "motcua/clock.h"
#include "motcua/db.h"
#include "motcua/demo.h"
#include "motcua/i18n.h"
#include "motcua/setting.h"
#include "motcua/unit.h"

int
backup_dir(char *buf, size_t n, struct mc_err *err)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	int w;

	/* the rule of db_default_path and db_backup_latest (db.h) */
	if (xdg != NULL && *xdg == '/')
		w = snprintf(buf, n, "%s/motcua/backups", xdg);
	else if (home != NULL && *home != '\0')
		w = snprintf(buf, n, "%s/.local/share/motcua/backups", home);
	else
		return err_set(err, MC_EINVAL, _("there is no home folder for the backups: set "
		    "HOME, or give a folder with --out"));
	if (w < 0 || (size_t)w >= n)
		return err_set(err, MC_EINVAL, _("the path of the backups folder is too long"));
	return 0;
}

/* The folder, made 0700 with its parents when missing. */
static int
dir_make(const char *dir, struct mc_err *err)
{
	char p[4096];

	snprintf(p, sizeof p, "%s", dir);
	for (char *s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;

		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			return err_set(err, MC_EIO, _("cannot make the backups folder %s (%s): "
			    "check that the disk is not full and the folder may be written"),
			    p, strerror(errno));
		*s = c;
		if (c == '\0')
			break;
	}
	return 0;
}

/* "motcua-<unit code>-<station>-": the start of this station's names.
 * The code is written with letters, digits, '.' and '-' only (any other
 * byte becomes '_'), so it can never name another folder. */
static int
name_prefix(sqlite3 *db, char *buf, size_t n, struct mc_err *err)
{
	struct mc_unit u;
	char code[sizeof u.code];
	size_t i;

	if (unit_get(db, &u, err) != 0)
		return -1;
	for (i = 0; u.code[i] != '\0' && i + 1 < sizeof code; i++) {
		char c = u.code[i];

		code[i] = ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '-') ? c : '_';
	}
	code[i] = '\0';
	snprintf(buf, n, "motcua-%s-%d-", code, u.station);
	return 0;
}

/* Is `name` prefix + "YYYYMMDD-HHMM" [+ "-N"] + ".db"?  Its time into *at. */
static bool
name_parse(const char *prefix, const char *name, struct mc_time *at)
{
	size_t p = strlen(prefix);
	const char *s = name + p;
	int y, mo, d, h, mi;

	if (strncmp(name, prefix, p) != 0 || strlen(s) < 16)
		return false;
	for (int i = 0; i < 13; i++)
		if (i == 8 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return false;
	y = atoi((char[5]){s[0], s[1], s[2], s[3], 0});
	mo = (s[4] - '0') * 10 + (s[5] - '0');
	d = (s[6] - '0') * 10 + (s[7] - '0');
	h = (s[9] - '0') * 10 + (s[10] - '0');
	mi = (s[11] - '0') * 10 + (s[12] - '0');
	s += 13;
	if (s[0] == '-' && s[1] >= '2' && s[1] <= '9')
		s += 2;
	if (strcmp(s, ".db") != 0 || !date_valid(y, mo, d) || h > 23 || mi > 59)
		return false;
	at->jdn = date_jdn(y, mo, d);
	at->min = h * 60 + mi;
	return true;
}

/* This station's backups in dir, newest first (of one minute, the later
 * "-N"); *out malloc'd (NULL when none).  The number, or -1. */
static int
scan(sqlite3 *db, const char *dir, struct mc_backup **out, struct mc_err *err)
{
	char prefix[128];
	struct mc_backup *v = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	DIR *d;

	*out = NULL;
	if (name_prefix(db, prefix, sizeof prefix, err) != 0)
		return -1;
	if ((d = opendir(dir)) == NULL) {
		if (errno == ENOENT)
			return 0;
		return err_set(err, MC_EIO, _("cannot read the backups folder %s (%s)"), dir,
		    strerror(errno));
	}
	while ((e = readdir(d)) != NULL) {
		struct mc_backup b = {0};
		struct stat sb;

		if (!name_parse(prefix, e->d_name, &b.at) ||
		    (size_t)snprintf(b.path, sizeof b.path, "%s/%s", dir, e->d_name) >=
		    sizeof b.path || lstat(b.path, &sb) != 0 || !S_ISREG(sb.st_mode))
			continue;	/* not one of ours */
		snprintf(b.name, sizeof b.name, "%s", e->d_name);
		b.size = (long long)sb.st_size;
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 32;
			struct mc_backup *nv = realloc(v, nc * sizeof *v);

			if (nv == NULL) {
				free(v);
				closedir(d);
				return err_set(err, MC_ENOMEM, _("out of memory"));
			}
			v = nv;
			cap = nc;
		}
		v[n++] = b;
	}
	closedir(d);
	/* newest first: the time, then the name ("-3" after "-2") */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0; j--) {
			int c = date_cmp(&v[j - 1].at, &v[j].at);

			if (c > 0 || (c == 0 && strcmp(v[j - 1].name, v[j].name) > 0))
				break;
			struct mc_backup t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	*out = v;
	return (int)n;
}

static int rotate(sqlite3 *db, const char *written, struct mc_err *err);

/* A free name for `now` in dir: the minute's, else with "-2" … "-9". */
static int
name_free(sqlite3 *db, const char *dir, const struct mc_time *now, char *buf, size_t n,
    struct mc_err *err)
{
	char prefix[128];
	int y, mo, d;

	if (name_prefix(db, prefix, sizeof prefix, err) != 0)
		return -1;
	date_ymd(now->jdn, &y, &mo, &d);
	for (int k = 1; k <= 9; k++) {
		char p[4096 + 256];
		struct stat sb;

		if (k == 1)
			snprintf(buf, n, "%s%04d%02d%02d-%02d%02d.db", prefix, y, mo, d,
			    now->min / 60, now->min % 60);
		else
			snprintf(buf, n, "%s%04d%02d%02d-%02d%02d-%d.db", prefix, y, mo, d,
			    now->min / 60, now->min % 60, k);
		snprintf(p, sizeof p, "%s/%s", dir, buf);
		if (lstat(p, &sb) != 0)
			return 0;
	}
	return err_set(err, MC_ECONFLICT, _("nine backups were already written in %s this "
	    "minute: wait a minute and try again"), dir);
}

int
backup_write(sqlite3 *db, const char *target, const struct mc_time *now,
    struct mc_backup *out, struct mc_err *err)
{
	char dir[4096], name[256];
	struct mc_backup b = {0};
	struct stat sb;
	bool folder = target == NULL;

	if (target == NULL) {
		if (backup_dir(dir, sizeof dir, err) != 0 || dir_make(dir, err) != 0)
			return -1;
	} else if (stat(target, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		snprintf(dir, sizeof dir, "%s", target);
	} else {
		/* a new file's path: its folder and its name */
		const char *slash = strrchr(target, '/');

		if (slash == NULL)
			snprintf(dir, sizeof dir, ".");
		else if (slash == target)
			snprintf(dir, sizeof dir, "/");
		else
			snprintf(dir, sizeof dir, "%.*s", (int)(slash - target), target);
		snprintf(name, sizeof name, "%s", slash != NULL ? slash + 1 : target);
		if (name[0] == '\0' || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
			return err_set(err, MC_EINVAL, _("%s names no file: give a folder or a "
			    "file's path"), target);
		if (backup_write_to(db, dir, name, &b, err) != 0)
			return -1;
		b.at = *now;
		goto done;
	}
	if (name_free(db, dir, now, name, sizeof name, err) != 0 ||
	    backup_write_to(db, dir, name, &b, err) != 0)
		return -1;
	b.at = *now;
	/* a backup written; what the rotation could not delete stays */
	if (folder) {
		struct mc_err e2;

		(void)rotate(db, name, &e2);
	}
done:
	if (out != NULL)
		*out = b;
	return 0;
}

int
backup_before_migrate(sqlite3 *db, int from, const struct mc_time *now,
    struct mc_backup *out, struct mc_err *err)
{
	char dir[4096], name[256], prefix[128], id[64];
	struct mc_backup b = {0};
	struct mc_err why;
	int y, mo, d, k;

	if (db_meta_get(db, "station_id", id, sizeof id) != 0 || id[0] == '\0')
		return 0;
	memset(&why, 0, sizeof why);
	if (backup_dir(dir, sizeof dir, &why) != 0 || dir_make(dir, &why) != 0 ||
	    name_prefix(db, prefix, sizeof prefix, &why) != 0)
		goto refused;
	date_ymd(now->jdn, &y, &mo, &d);
	/* the minute's name, else "-2" … "-9" after it */
	for (k = 1; k <= 9; k++) {
		char p[4096 + 256], tail[8] = "";
		struct stat sb;

		if (k > 1)
			snprintf(tail, sizeof tail, "-%d", k);
		snprintf(name, sizeof name, "%s%04d%02d%02d-%02d%02d-schema%03d%s.db", prefix,
		    y, mo, d, now->min / 60, now->min % 60, from, tail);
		snprintf(p, sizeof p, "%s/%s", dir, name);
		if (lstat(p, &sb) != 0)
			break;
	}
	if (k > 9) {
		err_set(&why, MC_ECONFLICT, _("nine copies were already written in %s this "
		    "minute"), dir);
		goto refused;
	}
	if (backup_write_to(db, dir, name, &b, &why) != 0)
		goto refused;
	b.at = *now;
	if (out != NULL)
		*out = b;
	return 1;
refused:
	return err_set(err, why.kind, _("the database is at schema %d and this motcua "
	    "upgrades it to %d, but first keeps a copy of it as it is; that copy could not "
	    "be written: %s; the database was not changed"), from, db_schema_latest(),
	    why.msg);
}

/* A count setting: its value, or dflt when it is not a whole number. */
static int
count_setting(sqlite3 *db, const char *name, int dflt)
{
	char v[16], *end;
	long x;

	if (setting_get(db, name, v, sizeof v) != 0)
		return dflt;
	x = strtol(v, &end, 10);
	return (end == v || *end != '\0' || x < 0 || x > 1000) ? dflt : (int)x;
}

int
backup_warn_days(sqlite3 *db)
{
	return count_setting(db, "backup_warn_days", 2);
}

/* Keep the newest of each of the first `limit` distinct keys (newest
 * first: a key's first backup is its newest). */
static void
keep_each(const struct mc_backup *v, int n, int (*key)(const struct mc_time *), int limit,
    bool *keep)
{
	int seen = 0, last = 0;

	for (int i = 0; i < n && seen < limit; i++) {
		int k = key(&v[i].at);

		if (seen > 0 && k == last)
			continue;
		keep[i] = true;
		last = k;
		seen++;
	}
}

static int
key_day(const struct mc_time *t)
{
	return t->jdn;
}

static int
key_week(const struct mc_time *t)
{
	return t->jdn - date_weekday(t->jdn);	/* its Monday */
}

static int
key_month(const struct mc_time *t)
{
	int y, m, d;

	date_ymd(t->jdn, &y, &m, &d);
	return y * 12 + m;
}

/* The rotation; `written` (or NULL) is the backup just written, kept
 * even when its name is older than the others (a clock set back). */
static int
rotate(sqlite3 *db, const char *written, struct mc_err *err)
{
	char dir[4096];
	struct mc_backup *v;
	bool *keep;
	int n, removed = 0;

	if (backup_dir(dir, sizeof dir, err) != 0 || (n = scan(db, dir, &v, err)) < 0)
		return -1;
	if (n == 0)
		return 0;
	if ((keep = calloc((size_t)n, sizeof *keep)) == NULL) {
		free(v);
		return err_set(err, MC_ENOMEM, _("out of memory"));
	}
	keep[0] = true;		/* the newest, whatever the settings */
	keep_each(v, n, key_day, count_setting(db, "backup_daily", 7), keep);
	keep_each(v, n, key_week, count_setting(db, "backup_weekly", 4), keep);
	keep_each(v, n, key_month, count_setting(db, "backup_monthly", 12), keep);
	for (int i = 0; i < n; i++)
		if (!keep[i] && (written == NULL || strcmp(v[i].name, written) != 0) &&
		    unlink(v[i].path) == 0)
			removed++;
	free(keep);
	free(v);
	return removed;
}

int
backup_rotate(sqlite3 *db, struct mc_err *err)
{
	return rotate(db, NULL, err);
}

/* Does the file open read-only and pass integrity_check? */
static bool
sound(const char *path)
{
	sqlite3 *b = NULL;
	sqlite3_stmt *st;
	bool ok = false;

	if (sqlite3_open_v2(path, &b, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) ==
	    SQLITE_OK && sqlite3_prepare_v2(b, "PRAGMA integrity_check", -1, &st, NULL) ==
	    SQLITE_OK) {
		const unsigned char *t;

		ok = sqlite3_step(st) == SQLITE_ROW && (t = sqlite3_column_text(st, 0)) != NULL &&
		    strcmp((const char *)t, "ok") == 0 && sqlite3_step(st) == SQLITE_DONE;
		sqlite3_finalize(st);
		ok = ok && db_int(b, "PRAGMA application_id", -1) == MC_APPLICATION_ID;
	}
	sqlite3_close(b);
	return ok;
}

int
backup_list(sqlite3 *db, bool check, int (*fn)(const struct mc_backup *b, void *arg),
    void *arg, struct mc_err *err)
{
	char dir[4096];
	struct mc_backup *v;
	int n;

	if (backup_dir(dir, sizeof dir, err) != 0 || (n = scan(db, dir, &v, err)) < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		v[i].ok = check && sound(v[i].path);
		if (fn(&v[i], arg) != 0)
			break;
	}
	free(v);
	return n;
}

int
backup_age(sqlite3 *db, const struct mc_time *now, long long *minutes, struct mc_err *err)
{
	char dir[4096];
	struct mc_backup *v;
	int n;

	*minutes = 0;
	if (backup_dir(dir, sizeof dir, err) != 0 || (n = scan(db, dir, &v, err)) < 0)
		return -1;
	if (n > 0)
		*minutes = clock_minutes(&v[0].at, now);
	free(v);
	return n > 0;
}

/* The events that are a day's work: all but the officers' sessions
 * (a login is an event too, and a session that only looked writes no
 * backup at its end). */
static const char work_sql[] = "SELECT count(*) FROM event WHERE kind NOT IN "
    "('login', 'login_failed', 'locked_out', 'lock', 'unlock', 'logout')";

/* Events of work in the backup at path: -1 when it cannot be read. */
static long long
events_in(const char *path)
{
	sqlite3 *b = NULL;
	long long n = -1;

	if (sqlite3_open_v2(path, &b, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) ==
	    SQLITE_OK)
		n = db_int(b, work_sql, -1);
	sqlite3_close(b);
	return n;
}

int
backup_rotate_after(sqlite3 *db, const char *written, struct mc_err *err)
{
	return rotate(db, written, err);
}

/* Is the day's backup due: at the start (at_quit false) none in the
 * folder dated today; at the end, work recorded since the newest one?
 * 1 due, 0 not, -1 with err. */
static int
daily_due(sqlite3 *db, bool at_quit, const struct mc_time *now, struct mc_err *err)
{
	char dir[4096], code[32];
	struct mc_backup *v;
	bool need;
	int n;

	/* the demo is shown, not kept; a unit not set up has nothing yet */
	if (demo_is(db) || db_meta_get(db, "unit_code", code, sizeof code) != 0)
		return 0;
	if (backup_dir(dir, sizeof dir, err) != 0 || (n = scan(db, dir, &v, err)) < 0)
		return -1;
	if (n == 0)
		need = true;
	else if (!at_quit)
		need = v[0].at.jdn < now->jdn;	/* none dated today (or later) */
	else {
		/* the log only grows: fewer events in the newest backup means
		 * work was recorded or imported since (an unreadable one: write) */
		long long had = events_in(v[0].path);

		need = had < 0 || had < db_int(db, work_sql, 0);
	}
	free(v);
	return need ? 1 : 0;
}

int
backup_daily(sqlite3 *db, bool at_quit, const struct mc_time *now, struct mc_backup *out,
    struct mc_err *err)
{
	int due = daily_due(db, at_quit, now, err);

	if (due <= 0)
		return due;
	return backup_write(db, NULL, now, out, err) == 0 ? 1 : -1;
}

int
backup_daily_begin(sqlite3 *db, const struct mc_time *now, struct backup_job **job,
    struct mc_err *err)
{
	char dir[4096], name[256];
	int due = daily_due(db, false, now, err);

	*job = NULL;
	if (due <= 0)
		return due;
	if (backup_dir(dir, sizeof dir, err) != 0 || dir_make(dir, err) != 0 ||
	    name_free(db, dir, now, name, sizeof name, err) != 0 ||
	    backup_job_open(db, dir, name, now, true, job, err) != 0)
		return -1;
	return 1;
}
