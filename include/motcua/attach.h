/* attach.h — the files kept with a dossier: scans and attached files.
 *
 * A file is a PDF, JPEG, PNG or TIFF, known by its content (never by its
 * name alone: a name whose extension says otherwise is refused), no larger
 * than the setting attach_max_mb.  It is kept beside the database in a
 * content-addressed folder,
 *
 *   <folder of the database>/files/ab/abcdef…<sha256>.<ext>
 *
 * (folders 0700, files 0600; the same content is stored once however many
 * times it is attached), or as a row of file_blob when the setting
 * attach_blobs is 1.  Each file attached is an event of its dossier (kind
 * "file_added", vocab.h), so the event chain and the station's signature
 * vouch for the file's SHA-256; its body is
 *
 *   {"document": N|null, "doc_name": TEXT|null, "result": true|false,
 *    "sha256": HEX, "type": "pdf"|"jpeg"|"png"|"tiff", "pages": N,
 *    "bytes": N, "source": "scan"|"attach", "name": BASENAME}
 *
 * and the table dossier_file is its projection, written in the event's
 * transaction (attach_project).  Every way a file comes in — a path named
 * on the command line, a scanner's output in memory or in an open file —
 * ends in the same attach_add_buf, with the same checks. */
#ifndef MOTCUA_ATTACH_H
#define MOTCUA_ATTACH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "motcua/date.h"
#include "motcua/error.h"
#include "motcua/event.h"

/* ---- what a file is (attach-type.c) ----------------------------------- */

enum attach_type { ATTACH_PDF, ATTACH_JPEG, ATTACH_PNG, ATTACH_TIFF };

/* The most pages one file may claim (a PDF's /Count, a TIFF's
 * directories): more is refused as not a document of a dossier. */
#define ATTACH_MAX_PAGES 10000

/* "pdf", "jpeg", "png", "tiff": as stored and in JSON. */
const char *attach_type_name(enum attach_type t);
/* The extension its stored file gets: "pdf", "jpg", "png", "tif". */
const char *attach_type_ext(enum attach_type t);
/* The type a file name's extension names (.pdf, .jpg/.jpeg, .png,
 * .tif/.tiff, in any case); -1 if none of them. */
int attach_type_of_name(const char *name, enum attach_type *t);

/* What the bytes are, read from the bytes alone: the type (by its magic
 * number, then parsed by its own library: libjpeg, libpng, libtiff, or
 * for a PDF the small bounded reader of attach-pdf.c) and the number of
 * pages (JPEG and PNG 1, TIFF its directories, PDF the /Count of the
 * root of its page tree, checked against the tree's leaves).  0, or -1
 * with err saying why the file is refused.  The bytes are untrusted:
 * nothing here reads outside buf[0..n). */
int attach_detect(const uint8_t *buf, size_t n, enum attach_type *t, int *pages,
    struct mc_err *err);
/* The PDF part of it: the pages of a PDF's page tree; -1 with err if it
 * has no readable one. */
int attach_pdf_pages(const uint8_t *buf, size_t n, int *pages, struct mc_err *err);

/* ---- where files may come from (attach-store.c) ----------------------- */

/* Read the file at `path` (up to max bytes) for attaching: refused unless
 * it resolves (realpath) to a regular file under $HOME, under removable
 * media (/media, /mnt, /run/media) or under a folder of the setting
 * attach_roots, and is no larger than max.  *buf is malloc'd (free it),
 * *n its length, base (n_base bytes) the file's base name as named.
 * 0, or -1 with err. */
int attach_read_path(sqlite3 *db, const char *path, size_t max, uint8_t **buf,
    size_t *n, char *base, size_t n_base, struct mc_err *err);
/* The check of the setting attach_roots: absolute folders separated by
 * ':', or empty.  0 or -1 with err. */
int attach_roots_check(const char *value, struct mc_err *err);
/* The setting attach_max_mb in bytes. */
size_t attach_max_bytes(sqlite3 *db);

/* The folder of the content-addressed store beside the database
 * ("<dir of db>/files"); -1 with err for a database with no file (in
 * memory). */
int attach_store_dir(sqlite3 *db, char *buf, size_t n, struct mc_err *err);
/* The path the file of this hash and type has in the store. */
int attach_store_path(sqlite3 *db, const char *sha256, enum attach_type t, char *buf,
    size_t n, struct mc_err *err);

/* ---- attaching, listing, fetching (attach.c) -------------------------- */

enum attach_source { ATTACH_SOURCE_ATTACH, ATTACH_SOURCE_SCAN };

/* What to attach the file to, and who does. */
struct attach_req {
	const char *acting;	/* the officer (role.h: an officer or a
				 * supervisor); NULL: the only active one */
	const char *code;	/* the dossier's code */
	int document;		/* 1-based position in its documents (as
				 * show and F3 number them); 0: the dossier as
				 * a whole */
	bool result;		/* the result returned to the citizen */
	enum attach_source source;
	const char *name;	/* the file's base name as it came (kept in the
				 * event); NULL for a scan: "scan.<ext>".  Its
				 * extension, if it has one, must name the type
				 * the content is */
	const struct mc_time *at;	/* NULL: now */
};

/* What was attached. */
struct attach_out {
	int number;		/* its number in the dossier's list (files, file N) */
	char sha256[MC_HASH_LEN];
	enum attach_type type;
	int pages;
	long long bytes;
	bool stored;		/* new in the store (false: the same content was
				 * there already) */
};

/* Attach n bytes to the dossier: checks the officer, the dossier, the
 * document position, the size and the content, stores the bytes, appends
 * the event and projects it, all or nothing (a file it stored is removed
 * again if the event is not recorded).  0, or -1 with err; out may be
 * NULL. */
int attach_add_buf(sqlite3 *db, const struct attach_req *r, const uint8_t *buf, size_t n,
    struct attach_out *out, struct mc_err *err);
/* The same, reading the bytes from an open file (a scanner's temporary
 * file), from where it stands to its end. */
int attach_add_fd(sqlite3 *db, const struct attach_req *r, int fd, struct attach_out *out,
    struct mc_err *err);
/* The same, for a file a person names (attach_read_path's rules); r->name
 * NULL takes the path's base name. */
int attach_add_path(sqlite3 *db, const struct attach_req *r, const char *path,
    struct attach_out *out, struct mc_err *err);

/* Which scanner, and who may stop it: `device` (NULL: the settings'
 * scan_device), and `cancel`, asked as the data comes and ten times a
 * second while the scanner is silent (scan.h; NULL: never stopped).  A
 * NULL struct attach_scanner is the settings' scanner, not stopped. */
struct attach_scanner {
	const char *device;
	int (*cancel)(void *arg);
	void *arg;
};

/* Scan a document (scan.h, with the scanner sc says) and attach it as r
 * says, with the source "scan": a PDF of the pages scanned.  A scanner
 * that fails (no such device, jammed, no paper, …) or a cancel is err's
 * sentence and the dossier is unchanged.  0, or -1. */
int attach_scan(sqlite3 *db, const struct attach_req *r, const struct attach_scanner *sc,
    struct attach_out *out, struct mc_err *err);

/* The same scan for a dossier not recorded yet (F2's checklist: nothing
 * is written before the receipt is confirmed): the pages as one PDF in
 * memory, *buf (malloc'd: free it) of *n bytes, checked as attach_detect
 * checks a file, *pages their number; attach them with attach_add_buf
 * (source "scan") once the dossier exists.  No file is left behind.  0,
 * or -1 with err (a scanner's failure is its sentence). */
int attach_scan_buf(sqlite3 *db, const struct attach_scanner *sc, uint8_t **buf,
    size_t *n, int *pages, struct mc_err *err);

/* One file of a dossier, as attach_list gives it. */
struct attach_item {
	int number;		/* 1, 2, … in the order attached */
	int document;		/* 0: the dossier as a whole */
	const char *doc_name;	/* NULL for the whole */
	bool result;
	const char *type;	/* attach_type_name */
	int pages;
	long long bytes;
	const char *sha256;
	const char *source;	/* "scan" | "attach" */
	const char *name;	/* the original base name */
	const char *at;		/* ISO 8601 */
	const char *officer;
};

/* The files of the dossier with this code, in the order attached; fn's
 * non-zero stops the walk and is returned.  MC_ENOTFOUND for no such
 * dossier.  -1 with err. */
int attach_list(sqlite3 *db, const char *code,
    int (*fn)(const struct attach_item *, void *), void *arg, struct mc_err *err);

/* Copy file `number` of the dossier to `out` (mode 0600), verifying its
 * SHA-256 as it is copied: refused if `out` exists (unless overwrite), if
 * the stored file is missing or its hash is not the event's (nothing is
 * left at `out` then).  0, or -1 with err. */
int attach_fetch(sqlite3 *db, const char *code, int number, const char *out,
    bool overwrite, struct mc_err *err);

/* Project the file_added event (origin, seq) into dossier_file (inside
 * the caller's transaction; an event already projected is left alone).
 * For the importer of bundles, as for attach_add. */
int attach_project(sqlite3 *db, const char *origin, long long seq, struct mc_err *err);
/* Project every file_added event of the dossier (id) not yet in
 * dossier_file: the importer, once a bundle's events are in. */
int attach_project_dossier(sqlite3 *db, const char *dossier, struct mc_err *err);
/* Is `body` a file_added body as attach_add writes it (every key, of its
 * type: a 64-hex sha256, a known type, pages 1 … ATTACH_MAX_PAGES, bytes
 * above 0, a source "scan" or "attach", a name; document null or 1 or
 * more)?  For the importer of bundles, before it keeps another station's
 * event.  0, or -1 with err saying what is wrong. */
int attach_body_check(sqlite3 *db, const char *body, struct mc_err *err);
/* Re-project every file_added event into dossier_file, in one
 * transaction (check --rebuild, after dossier_rebuild); `acting` must be
 * allowed to (role_require, MC_ACT_REBUILD). */
int attach_rebuild(sqlite3 *db, const char *acting, struct mc_err *err);

/* ---- is every file there? (check.h's check_files) ---------------------- */

enum attach_problem { ATTACH_MISSING, ATTACH_ALTERED };

struct attach_finding {
	enum attach_problem problem;
	const char *code;	/* the dossier's code */
	int number;		/* the file's number in its list */
	int document;		/* 0: the dossier as a whole */
	const char *doc_name;
	const char *sha256;	/* what the event says */
	const char *path;	/* where it should be (NULL: a blob) */
};

#endif
