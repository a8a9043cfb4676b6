/* catalog.h — the procedures a counter receives, and their document lists.
 *
 * The catalog arrives as JSON (doc/catalog-format.md), parsed with SQLite's
 * JSON functions.  An import checks the whole file before it changes
 * anything, then applies it in one transaction.  A dossier keeps its own
 * snapshot of the procedure, so later imports never change a dossier. */
#ifndef MOTCUA_CATALOG_H
#define MOTCUA_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "motcua/error.h"

enum mc_docform {
	MC_FORM_ORIGINAL,	/* bản chính */
	MC_FORM_CERTIFIED,	/* bản sao chứng thực */
	MC_FORM_COPY		/* bản chụp / bản sao */
};

struct mc_document {
	int position;		/* 1-based, the order of the official list */
	char *name;
	enum mc_docform form;
	int quantity;
	bool required;
	/* When a document that is not required is needed ("trường hợp trẻ
	 * bị bỏ rơi"), shown beside its name; NULL when none is given. */
	char *condition;
};

struct mc_procedure {
	char *code;		/* national code, e.g. "1.001193" */
	char *name;
	char *field;		/* lĩnh vực */
	char *level;		/* "commune", "province", ... */
	char *time_limit;	/* "3 days", "8 hours", "same day" (calendar.h) */
	long long fee;		/* VND, 0 when free */
	char *fee_note;		/* free text, may be NULL */
	char *result;
	char *legal_basis;
	char *effective;	/* YYYY-MM-DD or NULL */
	char *abolished;	/* YYYY-MM-DD or NULL */
	/* The deciding body (cơ quan có thẩm quyền giải quyết: "Sở Tư pháp
	 * tỉnh …"), NULL when the catalog does not name it; and whether this
	 * unit decides the procedure (false, the default) or receives it and
	 * forwards it to that body (true: decided_by is then never NULL). */
	char *decided_by;
	bool forward;
	struct mc_document *docs;
	size_t ndocs;
};

struct catalog_stats {
	int added, amended, abolished, unchanged;
};

/* Import a catalog file / JSON text.  All or nothing: the whole file is
 * checked first (MC_EINVAL naming the procedure and the field), then
 * applied in one transaction.  The file is the issuer's whole catalog:
 * a held procedure missing from it is abolished (kept, never deleted).
 * A file older than the catalog held is refused (MC_ECONFLICT).  `acting`
 * must be allowed to change the catalog (role_require, MC_ACT_CATALOG);
 * the import is an audit event with its counts. */
int catalog_import_file(sqlite3 *db, const char *acting, const char *path,
    struct catalog_stats *st, struct mc_err *err);
int catalog_import_json(sqlite3 *db, const char *acting, const char *json,
    struct catalog_stats *st, struct mc_err *err);
/* The whole catalog as JSON in the same format (malloc'd). */
char *catalog_export_json(sqlite3 *db, struct mc_err *err);

/* Load one procedure with its documents.  MC_ENOTFOUND if unknown. */
int catalog_get(sqlite3 *db, const char *code, struct mc_procedure *p,
    struct mc_err *err);
void catalog_procedure_free(struct mc_procedure *p);

/* Visit the procedures in force whose code, name or field matches `search`
 * folded (NULL or "" = all), in catalog order.  Every word of the search
 * must match (in any of the three), without diacritics or case.  The
 * callback returns nonzero to stop.  The procedure passed is freed after
 * the call. */
typedef int (*catalog_visit_fn)(const struct mc_procedure *p, void *arg);
int catalog_list(sqlite3 *db, const char *search, catalog_visit_fn fn, void *arg,
    struct mc_err *err);
/* The same, abolished procedures included when `all` is true. */
int catalog_search(sqlite3 *db, const char *search, bool all,
    catalog_visit_fn fn, void *arg, struct mc_err *err);

/* One procedure as a JSON object of the file format, indented by `indent`
 * spaces (continuation lines too); malloc'd, NULL if out of memory. */
char *catalog_procedure_json(const struct mc_procedure *p, int indent);

/* The catalog in memory for the procedure picker: loaded once, filtered
 * at every key without touching the database (2,000 procedures filter in
 * a few milliseconds). */
struct catalog_text;
struct catalog_entry {
	char *code, *name, *field, *time_limit;
	long long fee;
	char *initials;		/* first letters of the name's words, folded:
				 * "Đăng ký khai sinh" → "dkks" */
	int uses;		/* dossiers of this procedure at this station */
	int position;		/* catalog order */
	struct catalog_text *keys;	/* private to the index: the name, and
					 * code name field, as keys to match */
};
struct catalog_index {
	struct catalog_entry *e;
	size_t n;
};
/* Procedures in force, most used at this station first, then catalog
 * order. */
int catalog_index_load(sqlite3 *db, struct catalog_index *idx, struct mc_err *err);
void catalog_index_free(struct catalog_index *idx);
/* Indexes (into idx->e) of the entries matching `query`, best match
 * first.  Every word of the query must be found in the code, name or
 * field without regard to case, or the whole query (one word) in the
 * initials ("dkks"); a diacritic typed must be there too ("khai tử" does
 * not find "khai sinh"), one not typed matches any.  The ranking, best
 * first: every word at the start of a word of the name; every word in
 * the name, some inside a word; the initials; the code or field.  Among
 * equals, more words that are whole words of the name first ("khai tu":
 * "khai tử" before "khai sinh", whose "tục" only starts with "tu"), then
 * the index's order (most used, then catalog order).  Fills at most max;
 * returns the count (0 also when memory ran out). */
size_t catalog_index_filter(const struct catalog_index *idx, const char *query,
    size_t *out, size_t max);

/* The picker's index for a session (catalog-use.c): the front end owns
 * one (zeroed to start), catalog_picker_get gives the index, loading it
 * the first time and again only when the catalog or a use count changed
 * since (or the day did); NULL on error.  The index stays valid until the
 * next catalog_picker_get or catalog_picker_free. */
struct catalog_picker {
	struct catalog_index idx;
	bool loaded;
	long long version;	/* picker_version when loaded */
	char day[16];		/* the day it was loaded for, YYYY-MM-DD */
};
const struct catalog_index *catalog_picker_get(sqlite3 *db, struct catalog_picker *p,
    struct mc_err *err);
void catalog_picker_free(struct catalog_picker *p);

/* The use counts (procedure_use), kept by the projection: dossier_project
 * calls catalog_uses_project after it made the row of dossier `id`
 * (existed: there was a row before it), a rebuild calls catalog_uses_reset
 * as it empties the dossier table.  catalog_uses_differ gives fn each
 * count that differs between the table and one projected into a
 * temporary table of the same name (check_dossiers); fn returns nonzero
 * to stop.  Each returns 0 (differ: 1 if stopped), or -1 on error. */
int catalog_uses_project(sqlite3 *db, const char *id, bool existed, struct mc_err *err);
/* One more dossier of procedure `code` at `station`: what
 * catalog_uses_project counts for a new row, for a receipt that has the
 * two in hand. */
int catalog_uses_count(sqlite3 *db, const char *station, const char *code,
    struct mc_err *err);
int catalog_uses_reset(sqlite3 *db, struct mc_err *err);
/* Count the use counts afresh from the dossier table, for a writer that
 * made dossier rows without the projection (bench/mkdb). */
int catalog_uses_recount(sqlite3 *db, struct mc_err *err);
int catalog_uses_differ(sqlite3 *db, int (*fn)(const char *station, const char *code,
    long long held, long long counted, void *), void *arg, struct mc_err *err);

/* ---- a supervisor's changes at this station (catalog-admin.c) ----------
 * Each takes the acting officer's username, refuses unless that officer
 * is active and the role may change the catalog (role_check with
 * MC_ACT_CATALOG), and is one transaction: a refusal changes nothing.
 * The first change of a procedure records the state it had (revision 1,
 * "held"), each change the state it leaves (the next revision): the
 * procedure's versions (catalog_revisions).  Dossiers already received
 * keep their own copy of the procedure and are never changed. */
struct mc_time;

/* Whether this unit decides a procedure or forwards it (mc_procedure's
 * forward), as an amendment gives it: KEEP (0) leaves it as held. */
enum catalog_routing {
	CATALOG_ROUTING_KEEP,
	CATALOG_ROUTING_DECIDE,
	CATALOG_ROUTING_FORWARD
};

/* What an amendment changes: NULL / a negative fee / set_docs false /
 * CATALOG_ROUTING_KEEP keep the value held.  time_limit is any spelling
 * calendar_limit_parse takes (stored canonical); documents are numbered
 * in the order given.  decided_by "" clears the deciding body (the
 * catalog then names none); a procedure left forwarded must name one, as
 * the import requires (MC_EINVAL otherwise). */
struct catalog_amend {
	const char *time_limit;
	long long fee;
	bool set_docs;
	const struct mc_document *docs;
	size_t ndocs;
	const char *decided_by;
	enum catalog_routing routing;
};
int catalog_amend(sqlite3 *db, const char *acting, const char *code,
    const struct catalog_amend *a, const struct mc_time *at, struct mc_err *err);
/* Abolish a procedure in force (dated at's day; kept, never deleted), or
 * put an abolished one back in force.  MC_ECONFLICT when it is already
 * so, MC_ENOTFOUND for an unknown code. */
int catalog_abolish(sqlite3 *db, const char *acting, const char *code,
    const struct mc_time *at, struct mc_err *err);
int catalog_restore(sqlite3 *db, const char *acting, const char *code,
    const struct mc_time *at, struct mc_err *err);

/* One version of a procedure, oldest first. */
struct catalog_revision {
	int revision;
	const char *change;		/* "held", "amend", "abolish", "restore" */
	long long catalog_version;
	const char *officer;		/* "" for "held" */
	const char *made;		/* ISO 8601 */
	const char *time_limit;
	long long fee;
	int ndocs;
	const char *abolished;		/* "" in force */
	const char *decided_by;		/* "" when the catalog names none */
	bool forward;			/* forwarded to decided_by */
};
/* Visit the versions of `code` (none if it was never changed here); the
 * strings live for the call.  fn returns nonzero to stop. */
int catalog_revisions(sqlite3 *db, const char *code,
    int (*fn)(const struct catalog_revision *r, void *arg), void *arg,
    struct mc_err *err);

/* The dry run of catalog_import_file: the same code run in a transaction
 * that is then rolled back, so the counts are exactly what applying the
 * file would do, and the same refusals.  Changes nothing. */
int catalog_import_preview(sqlite3 *db, const char *acting, const char *path,
    struct catalog_stats *st, struct mc_err *err);

const char *catalog_form_name(enum mc_docform f);	/* "original", ... */
int catalog_form_parse(const char *s, enum mc_docform *f);

#endif
