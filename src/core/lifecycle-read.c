/* lifecycle-read.c — reading dossiers the way the counter asks: find by
 * code or its last part, ID (typed or the chip card's QR), phone or
 * name (its pages: lifecycle-page.c); the dossiers with a result to
 * return; the due board's counts; a dossier's history. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/citizen.h"
#include "motcua/db.h"
#include "motcua/format.h"
#include "motcua/i18n.h"
#include "motcua/lifecycle.h"
#include "motcua/report.h"
#include "motcua/vntext.h"
#include "motcua/vocab.h"
#include "lifecycle-int.h"

#define MAX_WORDS 6

void
lifecycle_found_row(sqlite3_stmt *st, struct mc_found *f)
{
	struct mc_time t;

	memset(f, 0, sizeof *f);
	snprintf(f->code, sizeof f->code, "%s", sqlite3_column_text(st, 0));
	snprintf(f->name, sizeof f->name, "%s", sqlite3_column_text(st, 1));
	snprintf(f->id_number, sizeof f->id_number, "%s", sqlite3_column_text(st, 2));
	snprintf(f->procedure, sizeof f->procedure, "%s", sqlite3_column_text(st, 3));
	snprintf(f->status, sizeof f->status, "%s", sqlite3_column_text(st, 4));
	format_time_text((const char *)sqlite3_column_text(st, 5), FORMAT_SCREEN, f->received,
	    sizeof f->received);
	format_time_text((const char *)sqlite3_column_text(st, 6), FORMAT_SCREEN,
	    f->appointment, sizeof f->appointment);
	if (sqlite3_column_type(st, 6) != SQLITE_NULL &&
	    date_parse_time((const char *)sqlite3_column_text(st, 6), &t) == 0)
		f->appointment_jdn = t.jdn;
	if (sqlite3_column_type(st, 7) != SQLITE_NULL)
		snprintf(f->phone, sizeof f->phone, "%s", sqlite3_column_text(st, 7));
}

int
lifecycle_days_late(const struct mc_found *f, int as_of)
{
	const struct mc_status *s = vocab_status(f->status);

	if (s == NULL || s->phase != MC_PHASE_OPEN || s->paused ||
	    f->appointment_jdn == 0 || f->appointment_jdn >= as_of)
		return 0;
	return as_of - f->appointment_jdn;
}

/* A found row to the caller's visitor (db_each). */
struct found_visit {
	int (*fn)(const struct mc_found *, void *);
	void *arg;
};

static int
found_visit(sqlite3_stmt *st, void *arg)
{
	struct found_visit *v = arg;
	struct mc_found f;

	lifecycle_found_row(st, &f);
	return v->fn(&f, v->arg);
}

static int
each_row(sqlite3 *db, sqlite3_stmt *st, int (*fn)(const struct mc_found *, void *),
    void *arg, struct mc_err *err)
{
	struct found_visit v = {fn, arg};

	return db_each(db, st, found_visit, &v, _("searching the dossiers"), err);
}

/* Is text the last part of a code: digits after the day's "-" (the
 * station and the sequence, "1001"), or the day and those digits
 * ("261130-1001")?  Up to 8 digits: ten are a phone, twelve an ID. */
static bool
code_tail(const char *text)
{
	size_t n = strspn(text, "0123456789");

	size_t k;

	if (text[n] == '\0')
		return n >= 1 && n <= 8;
	if (n != 6 || text[6] != '-')
		return false;
	k = strspn(text + 7, "0123456789");
	return k >= 1 && k <= 8 && text[7 + k] == '\0';
}

/* A page of a search by code, ID or phone (a few rows: the rows before
 * the page are read again and skipped). */
struct skip_visit {
	struct mc_page *pg;
	size_t start, seen, given;	/* rows before the page, read, given */
	int (*fn)(const struct mc_found *, void *);
	void *arg;
};

static int
skip_visit(const struct mc_found *f, void *arg)
{
	struct skip_visit *v = arg;

	if (v->seen++ < v->start)
		return 0;
	if (v->pg->limit > 0 && v->given == v->pg->limit) {
		v->pg->more = true;
		return 1;
	}
	v->pg->given = v->start + ++v->given;
	return v->fn(f, v->arg);
}

/* lifecycle_find, or with pg a page of it. */
static int
find(sqlite3 *db, const char *text, struct mc_page *pg,
    int (*fn)(const struct mc_found *, void *), void *arg, struct mc_err *err)
{
	char digits[32], *fold, *words[MAX_WORDS];
	struct skip_visit skip = { pg, pg != NULL ? pg->given : 0, 0, 0, fn, arg };
	sqlite3_stmt *st;
	int nw = 0, rc;

	if (pg != NULL) {
		pg->more = false;
		if (!pg->name) {
			/* every search but a name's goes through skip_visit */
			fn = skip_visit;
			arg = &skip;
		}
	}

	/* a code as printed on the slip (or scanned) */
	if (db_prepare(db, "SELECT " FOUND_COLUMNS " FROM dossier d WHERE d.code = ?1",
	    &st, err))
		return -1;
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return each_row(db, st, fn, arg, err);
	sqlite3_finalize(st);

	/* the chip card's QR, scanned into the search box: its ID number */
	if (citizen_is_cccd_qr(text)) {
		struct mc_cccd_qr q;

		if (citizen_parse_cccd_qr(text, &q, NULL, err) != 0)
			return -1;
		if (db_prepare(db, "SELECT " FOUND_COLUMNS " FROM dossier d WHERE "
		    "d.applicant_id = ?1 ORDER BY d.received DESC", &st, err))
			return -1;
		sqlite3_bind_text(st, 1, q.id, -1, SQLITE_TRANSIENT);
		return each_row(db, st, fn, arg, err);
	}

	/* the last part of a code, as the citizen reads it off the slip:
	 * "1001" or "261130-1001" */
	if (code_tail(text)) {
		const char *dash = strchr(text, '-');

		/* four digits or more after the text's "-": the code's last four
		 * are the text's, and dossier_code_tail (020_indexes.sql)
		 * finds them; fewer match no code motcua gives, and only a scan
		 * says so of every code */
		if (strlen(dash != NULL ? dash + 1 : text) >= 4 ? db_prepare(db, "SELECT "
		    FOUND_COLUMNS " FROM dossier d WHERE substr(d.code, -4) = substr(?1, -4) "
		    "AND substr(d.code, -length(?1) - 1) = '-' || ?1 ORDER BY d.received DESC",
		    &st, err) :
		    db_prepare(db, "SELECT " FOUND_COLUMNS " FROM dossier d WHERE "
		    "substr(d.code, -length(?1) - 1) = '-' || ?1 ORDER BY d.received DESC",
		    &st, err))
			return -1;
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
		return each_row(db, st, fn, arg, err);
	}

	citizen_digits(text, digits, sizeof digits);
	if (strlen(digits) == 12 || (strlen(digits) == 10 && digits[0] == '0')) {
		if (db_prepare(db, strlen(digits) == 12 ?
		    "SELECT " FOUND_COLUMNS " FROM dossier d WHERE d.applicant_id = ?1 "
		    "ORDER BY d.received DESC" :
		    "SELECT " FOUND_COLUMNS " FROM dossier d WHERE d.phone = ?1 "
		    "ORDER BY d.received DESC", &st, err))
			return -1;
		sqlite3_bind_text(st, 1, digits, -1, SQLITE_STATIC);
		return each_row(db, st, fn, arg, err);
	}

	/* a name: every word a prefix of a word of the name, in any order */
	if ((fold = vntext_fold(text, err)) == NULL)
		return -1;
	for (char *w = strtok(fold, " "); w != NULL && nw < MAX_WORDS; w = strtok(NULL, " "))
		words[nw++] = w;
	if (nw == 0) {
		free(fold);
		return err_set(err, MC_EINVAL, _("type a code, an ID number, a phone number "
		    "or a name to search for"));
	}
	/* from here on the words of a name: the pages are the name search's */
	if (pg != NULL) {
		pg->name = true;
		fn = skip.fn;
		arg = skip.arg;
	}
	rc = lifecycle_find_names(db, words, nw, pg, fn, arg, err);
	free(fold);
	return rc;
}

int
lifecycle_find(sqlite3 *db, const char *text, int (*fn)(const struct mc_found *, void *),
    void *arg, struct mc_err *err)
{
	return find(db, text, NULL, fn, arg, err);
}

int
lifecycle_find_page(sqlite3 *db, const char *text, struct mc_page *pg,
    int (*fn)(const struct mc_found *, void *), void *arg, struct mc_err *err)
{
	return find(db, text, pg, fn, arg, err);
}

/* The rows of a search that have a result to return (F4). */
struct ready_visit {
	int (*fn)(const struct mc_found *, void *);
	void *arg;
	size_t *others;
};

static int
ready_visit(const struct mc_found *f, void *arg)
{
	struct ready_visit *v = arg;

	if (!lifecycle_allowed(f->status, vocab_kind(MC_KIND_RETURN))) {
		(*v->others)++;
		return 0;
	}
	return v->fn(f, v->arg);
}

int
lifecycle_find_returnable(sqlite3 *db, const char *text,
    int (*fn)(const struct mc_found *, void *), void *arg, size_t *others,
    struct mc_err *err)
{
	struct ready_visit v = {fn, arg, others};

	*others = 0;
	return lifecycle_find(db, text, ready_visit, &v, err);
}

/* ---- the due board ------------------------------------------------------ */

int
lifecycle_due(sqlite3 *db, struct mc_calendar *cal, int as_of,
    int (*fn)(enum mc_due_group g, const struct mc_found *, void *), void *arg,
    struct mc_err *err)
{
	struct mc_page pg;

	/* the whole board as one page (lifecycle-page.c) */
	memset(&pg, 0, sizeof pg);
	return lifecycle_due_page(db, cal, as_of, &pg, fn, arg, err);
}

int
lifecycle_due_counts(sqlite3 *db, struct mc_calendar *cal, int as_of, int *today,
    int *overdue, struct mc_err *err)
{
	(void)cal;
	/* the same rows as the board's first two groups, from the counts the
	 * projection keeps per day of appointment: no dossier is read */
	return report_agg_due(db, as_of, today, overdue, err);
}

const char *
lifecycle_due_group_name(enum mc_due_group g)
{
	static const char *const names[] = {"overdue", "today", "soon", "paused"};

	return (unsigned)g < sizeof names / sizeof names[0] ? names[g] : "";
}

/* ---- history ---------------------------------------------------------- */

/* A field of an event's body, decoded: its raw value, the text to show,
 * the timeline's phrase.  False if the body does not have it (or null). */
static bool
decode_value(sqlite3_stmt *get, const char *body, const struct mc_field *f,
    struct mc_history_value *v)
{
	const unsigned char *raw = NULL;
	char path[64];
	bool have;

	vocab_path(f, path, sizeof path);
	sqlite3_bind_text(get, 1, body, -1, SQLITE_STATIC);
	sqlite3_bind_text(get, 2, path, -1, SQLITE_TRANSIENT);
	have = sqlite3_step(get) == SQLITE_ROW &&
	    (raw = sqlite3_column_text(get, 0)) != NULL && raw[0] != '\0';
	if (have) {
		const struct mc_choice *c;

		v->field = f;
		snprintf(v->raw, sizeof v->raw, "%s", raw);
		memcpy(v->text, v->raw, sizeof v->text);
		if (f->type == MC_FT_TIME)	/* "YYYY-MM-DDTHH:MM…" → "YYYY-MM-DD HH:MM" */
			format_time_text((const char *)raw, FORMAT_SCREEN, v->text,
			    sizeof v->text);
		else if (f->type == MC_FT_ENUM && (c = vocab_choice(f, v->raw)) != NULL)
			snprintf(v->text, sizeof v->text, "%s", _(c->label));
		if (f->hidden)
			v->line[0] = '\0';
		else if (f->phrase != NULL)
			vocab_fill(_(f->phrase), (const char *[]){v->text}, 1, v->line,
			    sizeof v->line);
		else
			memcpy(v->line, v->text, sizeof v->text);
	}
	sqlite3_reset(get);
	sqlite3_clear_bindings(get);
	return have;
}

int
lifecycle_history(sqlite3 *db, const char *code,
    int (*fn)(const struct mc_history_item *, void *), void *arg, struct mc_err *err)
{
	sqlite3_stmt *st, *get;
	struct mc_history_item *h;
	int rc, n = 0;

	if ((h = malloc(sizeof *h)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	if (db_prepare(db, "SELECT e.at, e.officer, e.kind, e.body FROM event e "
	    "WHERE e.dossier = (SELECT id FROM dossier WHERE code = ?1) "
	    "ORDER BY e.at, e.origin, e.seq", &st, err)) {
		free(h);
		return -1;
	}
	if (db_prepare(db, "SELECT json_extract(?1, ?2)", &get, err)) {
		sqlite3_finalize(st);
		free(h);
		return -1;
	}
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		format_time_text((const char *)sqlite3_column_text(st, 0), FORMAT_SCREEN,
		    h->at, sizeof h->at);
		snprintf(h->officer, sizeof h->officer, "%s", sqlite3_column_text(st, 1));
		snprintf(h->kind_name, sizeof h->kind_name, "%s", sqlite3_column_text(st, 2));
		h->kind = vocab_kind_named(h->kind_name);
		h->body = (const char *)sqlite3_column_text(st, 3);
		h->nvalues = 0;
		for (size_t i = 0; h->kind != NULL && h->body != NULL &&
		    i < vocab_nfields(h->kind); i++)
			if (decode_value(get, h->body, &h->kind->fields[i],
			    &h->values[h->nvalues]))
				h->nvalues++;
		n++;
		if (fn(h, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(get);
	sqlite3_finalize(st);
	free(h);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the history"));
	if (n == 0)
		return err_set(err, MC_ENOTFOUND,
		    _("there is no dossier %s: check the code on the slip"), code);
	return 0;
}
