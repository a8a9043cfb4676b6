/* audit.c — audit events in the station's chain, and their list (audit.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "motcua/audit.h"
#include "motcua/db.h"
#include "motcua/event.h"
#include "motcua/i18n.h"
#include "motcua/strbuf.h"

#define AUDIT_KEYS 4

/* One kind: its label, and the line its body reads as: the template's
 * %1 … %4 are the values of keys[0] … keys[3] (empty when absent). */
struct audit_kind {
	const char *name;
	const char *label;	/* N_() */
	const char *detail;	/* N_(), or "" */
	const char *keys[AUDIT_KEYS];
	bool screen;		/* recorded by a front end (audit_note) */
};

static const struct audit_kind kinds[] = {
	{"login", N_("Logged in"), "", {NULL}, true},
	{"login_failed", N_("Wrong password"), N_("%1 in a row"), {"failures"}, false},
	{"locked_out", N_("Locked out"), N_("after %1 wrong passwords, until %2"),
	    {"failures", "until"}, false},
	{"lock", N_("Screen locked"), "%1", {"how"}, true},
	{"unlock", N_("Screen unlocked"), "%1", {"by"}, true},
	{"logout", N_("Session ended"), N_("%1 logged in at this counter"), {"by"}, true},
	{"password", N_("Own password changed"), "", {NULL}, false},
	{"password_reset", N_("Password reset"), N_("of %1"), {"username"}, false},
	{"officer_unlock", N_("Officer unlocked"), "%1", {"username"}, false},
	{"officer_add", N_("Officer added"), N_("%1 (%2), role %3"),
	    {"username", "full_name", "role"}, false},
	{"officer_deactivate", N_("Officer deactivated"), "%1", {"username"}, false},
	{"officer_activate", N_("Officer reactivated"), "%1", {"username"}, false},
	{"officer_role", N_("Role changed"), N_("%1: %2"), {"username", "role"}, false},
	{"setting", N_("Setting changed"), N_("%1 = “%2”"), {"name", "value"}, false},
	{"unit", N_("Unit details changed"), N_("%1; %2; place %3"),
	    {"name", "body", "place"}, false},
	{"catalog_import", N_("Catalog imported"), N_("%1: %2 new, %3 amended, %4 abolished"),
	    {"file", "new", "amended", "abolished"}, false},
	{"catalog_amend", N_("Procedure amended"), N_("%1, version %2"),
	    {"procedure", "version"}, false},
	{"catalog_abolish", N_("Procedure abolished"), "%1", {"procedure"}, false},
	{"catalog_restore", N_("Procedure restored"), "%1", {"procedure"}, false},
	{"calendar_set", N_("Calendar day set"), N_("%1: %2 %3"), {"date", "day", "name"},
	    false},
	{"calendar_unset", N_("Calendar day back to normal"), "%1", {"date"}, false},
	{"calendar_import", N_("Calendar imported"), N_("%1: years %2"), {"file", "years"},
	    false},
	{"publish", N_("Published"), N_("%1 version %2 to %3"), {"kind", "version", "file"},
	    false},
	{"import", N_("Bundle imported"), N_("%1: %2 events from %3"),
	    {"file", "events", "sender"}, false},
	{"export", N_("Bundle exported"), N_("%1: %2 events"), {"file", "events"}, false},
	{"rebuild", N_("Dossiers rebuilt from the log"), N_("%1 dossiers, %2 differed"),
	    {"total", "differ"}, false},
	{"keys_upgrade", N_("Events signed at the upgrade"), N_("%1 events; officers %2"),
	    {"signed", "officers"}, false},
	{"keys_new", N_("New station key"), "%1", {"fingerprint"}, false},
	{"trust", N_("Station trusted"), N_("%1: station %2 of %3"),
	    {"fingerprint", "number", "unit"}, false},
	{"revoke", N_("Station key revoked"), N_("%1: station %2 of %3"),
	    {"fingerprint", "number", "unit"}, false},
	{"station_restored", N_("Restored from a backup as a new station"),
	    N_("station %1 is now station %2; backup %3 (SHA-256 %4)"),
	    {"old_number", "new_number", "file", "sha256"}, false},
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

static const struct audit_kind *
kind_find(const char *name)
{
	for (size_t i = 0; name != NULL && i < NKINDS; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

bool
audit_is_kind(const char *kind)
{
	return kind_find(kind) != NULL;
}

/* The body: json_object() over the pairs, so that SQLite escapes them. */
static int
record_v(sqlite3 *db, const char *kind, const char *officer, const struct mc_time *at,
    struct mc_err *err, va_list ap)
{
	const char *k[16], *v[16];
	char origin[MC_UUID_LEN];
	struct mc_time now;
	sqlite3_stmt *st;
	sqlite3_str *sql;
	char *text, *body = NULL;
	int n = 0, rc;

	if (kind_find(kind) == NULL)
		return err_set(err, MC_EINVAL, _("'%s' is not a kind of audit event"), kind);
	/* a database that is no station yet (before init) has no chain to
	 * record in; nobody has logged in to it either */
	if (db_meta_get(db, "station_id", origin, sizeof origin) != 0 || origin[0] == '\0')
		return 0;
	for (const char *key; (key = va_arg(ap, const char *)) != NULL;) {
		const char *val = va_arg(ap, const char *);

		if (val == NULL)
			continue;
		if (n == 16)
			return err_set(err, MC_EINVAL, _("an audit event has too many fields"));
		k[n] = key;
		v[n++] = val;
	}
	sql = sqlite3_str_new(db);
	sqlite3_str_appendall(sql, "SELECT json_object(");
	for (int i = 0; i < n; i++)
		sqlite3_str_appendf(sql, "%s?%d, ?%d", i ? ", " : "", 2 * i + 1, 2 * i + 2);
	sqlite3_str_appendall(sql, ")");
	if ((text = sqlite3_str_finish(sql)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	rc = db_prepare(db, text, &st, err);
	sqlite3_free(text);
	if (rc)
		return -1;
	for (int i = 0; i < n; i++) {
		sqlite3_bind_text(st, 2 * i + 1, k[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2 * i + 2, v[i], -1, SQLITE_STATIC);
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		body = sqlite3_mprintf("%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (body == NULL)
		return db_fail(db, err, _("writing an audit event"));
	if (at == NULL) {
		date_now(&now);
		at = &now;
	}
	rc = event_append(db, MC_AUDIT_DOSSIER, kind, at, officer, body, err);
	sqlite3_free(body);
	return rc;
}

int
audit_record(sqlite3 *db, const char *kind, const char *officer,
    const struct mc_time *at, struct mc_err *err, ...)
{
	va_list ap;
	int rc;

	va_start(ap, err);
	rc = record_v(db, kind, officer, at, err, ap);
	va_end(ap);
	return rc;
}

int
audit_note(sqlite3 *db, const char *kind, const char *officer, const char *detail,
    struct mc_err *err)
{
	const struct audit_kind *k = kind_find(kind);
	struct db_tx tx;

	if (k == NULL || !k->screen)
		return err_set(err, MC_EINVAL, _("'%s' is not recorded by a screen"), kind);
	if (db_tx_begin(db, &tx, err))
		return -1;
	if (audit_record(db, kind, officer, NULL, err, k->keys[0], detail, (char *)NULL) ||
	    db_tx_commit(&tx, err)) {
		db_tx_rollback(&tx);
		return -1;
	}
	return 0;
}

/* The template with %1 … %4 replaced by the body's values. */
static void
detail_fill(const struct audit_kind *k, const char *body, char *out, size_t n,
    sqlite3_stmt *get)
{
	const char *tpl = k->detail[0] != '\0' ? _(k->detail) : "";
	sqlite3_str *s = sqlite3_str_new(NULL);
	char *text;

	for (const char *p = tpl; *p != '\0'; p++) {
		int i;

		if (p[0] != '%' || p[1] < '1' || p[1] > '0' + AUDIT_KEYS) {
			sqlite3_str_appendchar(s, 1, *p);
			continue;
		}
		i = p[1] - '1';
		p++;
		if (k->keys[i] == NULL)
			continue;
		sqlite3_reset(get);
		sqlite3_bind_text(get, 1, body, -1, SQLITE_STATIC);
		sqlite3_bind_text(get, 2, k->keys[i], -1, SQLITE_STATIC);
		if (sqlite3_step(get) == SQLITE_ROW && sqlite3_column_text(get, 0) != NULL)
			sqlite3_str_appendall(s, (const char *)sqlite3_column_text(get, 0));
	}
	text = sqlite3_str_finish(s);
	snprintf(out, n, "%s", text != NULL ? text : "");
	sqlite3_free(text);
}

int
audit_list(sqlite3 *db, const struct audit_filter *f,
    int (*fn)(const struct audit_item *, void *), void *arg, struct mc_err *err)
{
	struct audit_filter none = {0, 0, NULL};
	sqlite3_stmt *st, *get;
	char from[MC_DATE_LEN] = "", to[MC_DATE_LEN] = "";
	int rc = 0, step;

	if (f == NULL)
		f = &none;
	/* the day bounds as the text `at` starts with (every time is +07:00);
	 * times are to the minute, so within one the later row is the newer */
	if (f->from > 0)
		date_format(f->from, from);
	if (f->to > 0)
		date_format(f->to + 1, to);
	if (db_prepare(db, "SELECT origin, seq, at, officer, kind, body FROM event "
	    "WHERE dossier = '' AND (?1 = '' OR at >= ?1) AND (?2 = '' OR at < ?2) "
	    "AND (?3 IS NULL OR officer = ?3) ORDER BY at DESC, rowid DESC", &st, err))
		return -1;
	if (db_prepare(db, "SELECT json_extract(?1, '$.' || json_quote(?2))", &get, err)) {
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	if (f->officer != NULL)
		sqlite3_bind_text(st, 3, f->officer, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const struct audit_kind *k = kind_find((const char *)sqlite3_column_text(st, 4));
		struct audit_item it = {0};

		if (k == NULL)
			continue;	/* an audit kind of a later version */
		snprintf(it.origin, sizeof it.origin, "%s", sqlite3_column_text(st, 0));
		it.seq = sqlite3_column_int64(st, 1);
		snprintf(it.at, sizeof it.at, "%s", sqlite3_column_text(st, 2));
		snprintf(it.officer, sizeof it.officer, "%s", sqlite3_column_text(st, 3));
		snprintf(it.kind, sizeof it.kind, "%s", k->name);
		it.label = _(k->label);
		detail_fill(k, (const char *)sqlite3_column_text(st, 5), it.detail,
		    sizeof it.detail, get);
		if ((rc = fn(&it, arg)) != 0)
			break;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = db_fail(db, err, _("reading the audit events"));
	sqlite3_finalize(get);
	sqlite3_finalize(st);
	return rc;
}
