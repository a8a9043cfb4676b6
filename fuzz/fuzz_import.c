/* fuzz_import.c — libFuzzer target: sync_import of arbitrary bytes.
 *
 * Build:  ./configure --enable-fuzzing CC=clang && make fuzz/fuzz_import
 * Run:    ./fuzz/fuzz_import -max_total_time=300 fuzz/corpus
 *         (or: make fuzz)
 *
 * Once per process: a private temporary directory, a template database
 * (unit, officer, the sample catalog, a few dossiers, so that known events
 * and a held catalog version exist), a working database and the input
 * file.  Every run copies the template over the working database with the
 * SQLite backup API, so each input meets the same state; writes the input
 * bytes to the file; and imports it.  A refusal is the expected answer to
 * nearly every input; a crash, a leak or a sanitizer report is a bug.
 *
 * Bundles are signed (format 2), and a mutated byte breaks a signature, so
 * without help nearly every input would stop at the signature checks and
 * never reach the events, the projection or the publications.  The harness
 * (never the product) therefore re-signs each input that looks like a
 * bundle, as an honest station would have: every station it names gets a
 * key pair derived from its id (seed = SHA-256 of the id), each event is
 * signed over its stored hash, the header gets the sender's key, the
 * content hash is recomputed as sync.c computes it and signed; and those
 * stations are trusted in the working database.  The template's own
 * station signs with the template's real key and is not trusted (it is
 * this station).  So what is fuzzed past the signatures is what a trusted
 * but buggy or malicious station could send.  The forged-signature path
 * itself is kept under test by the inputs that the re-signing cannot
 * mend (no bundle table, a damaged file, more stations than it keys). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/demo.h"
#include "motcua/key.h"
#include "motcua/sync.h"
#include "motcua/unit.h"
#include "../src/core/sync-int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_OFFICER "fuzz"
#define MAX_STATIONS 16		/* keyed per input; more are left unsigned */

/* A station named by an input, with the key the harness gives it. */
struct station {
	char id[MC_UUID_LEN];
	unsigned char pk[crypto_sign_PUBLICKEYBYTES];
	unsigned char sk[crypto_sign_SECRETKEYBYTES];
	char pub[MC_KEY_HEX];
	int self;		/* the template's own station: not trusted */
};

/* What one input named (filled by resign, read by trust_stations). */
struct keyring {
	struct station st[MAX_STATIONS];
	int n;
};

static char dir[] = "/tmp/motcua-fuzz.XXXXXX";
static char tmpl_path[64], work_path[64], input_path[64];
static sqlite3 *tmpl, *work;
static int input_fd = -1;
/* the template station: its id and real key pair */
static struct station tmpl_station;
/* how the inputs fared, printed at exit (does re-signing reach the core?) */
static unsigned long long n_inputs, n_resigned, n_imported, n_refused_sig;

/* The harness itself failed: no input can be judged, stop loudly. */
static void
die(const char *what, const struct mc_err *err)
{
	fprintf(stderr, "fuzz_import: %s: %s\n", what, err != NULL ? err->msg : "");
	abort();
}

static void
unlink_db(const char *path)
{
	static const char *const sfx[] = {"", "-wal", "-shm", "-journal"};
	char p[96];

	for (size_t i = 0; i < sizeof sfx / sizeof sfx[0]; i++) {
		snprintf(p, sizeof p, "%s%s", path, sfx[i]);
		(void)unlink(p);
	}
}

static void
cleanup(void)
{
	fprintf(stderr, "fuzz_import: %llu inputs, %llu re-signed, %llu imported, "
	    "%llu refused by a signature check\n", n_inputs, n_resigned, n_imported,
	    n_refused_sig);
	if (input_fd >= 0)
		close(input_fd);
	db_close(work);
	db_close(tmpl);
	unlink_db(input_path);
	unlink_db(work_path);
	unlink_db(tmpl_path);
	(void)rmdir(dir);
}

/* The template station's id and key pair, read from the template. */
static void
load_template_key(sqlite3 *db)
{
	struct mc_err err;
	sqlite3_stmt *st;
	const char *sec;
	size_t got;

	if (key_public(db, tmpl_station.pub, &err) < 0)
		die("template key", &err);
	if (sqlite3_prepare_v2(db, "SELECT (SELECT value FROM meta WHERE key = 'station_id'), "
	    "secret FROM station_key WHERE id = 1", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW)
		die("template key", NULL);
	snprintf(tmpl_station.id, sizeof tmpl_station.id, "%s",
	    (const char *)sqlite3_column_text(st, 0));
	sec = (const char *)sqlite3_column_text(st, 1);
	if (sec == NULL || sodium_hex2bin(tmpl_station.sk, sizeof tmpl_station.sk, sec,
	    strlen(sec), NULL, &got, NULL) != 0 || got != sizeof tmpl_station.sk)
		die("template key", NULL);
	sqlite3_finalize(st);
	crypto_sign_ed25519_sk_to_pk(tmpl_station.pk, tmpl_station.sk);
	tmpl_station.self = 1;
}

static void
setup(void)
{
	struct mc_unit u = {
		.code = "000.17.22.H56",
		.name = "UBND xã Thử Nghiệm",
		.address = "Ấp 1",
		.station = 1,
	};
	struct catalog_stats cs;
	struct mc_err err;
	sqlite3 *db;

	if (sodium_init() < 0)
		die("sodium_init", NULL);
	if (mkdtemp(dir) == NULL)
		die("mkdtemp", NULL);
	snprintf(tmpl_path, sizeof tmpl_path, "%s/template.db", dir);
	snprintf(work_path, sizeof work_path, "%s/work.db", dir);
	snprintf(input_path, sizeof input_path, "%s/input-XXXXXX.motcua", dir);
	if ((input_fd = mkstemps(input_path, 7)) < 0)
		die("mkstemps", NULL);
	atexit(cleanup);

	if (db_open(tmpl_path, DB_CREATE, &db, &err) < 0)
		die("template", &err);
	if (unit_init(db, &u, &err) < 0 ||
	    unit_officer_add(db, FUZZ_OFFICER, "Người Thử", MC_ROLE_SUPERVISOR, &err) < 0 ||
	    catalog_import_json(db, FUZZ_OFFICER, catalog_sample_json, &cs, &err) < 0 ||
	    demo_fill(db, FUZZ_OFFICER, 5, 10, &err) < 0)
		die("template", &err);
	load_template_key(db);
	/* Checkpoint so the template is one plain file for the backups. */
	if (sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) != SQLITE_OK)
		die("checkpoint", NULL);
	tmpl = db;

	if (db_open(work_path, DB_CREATE, &work, &err) < 0)
		die("work", &err);
	/* Nothing here needs to survive a power cut: skip the fsyncs. */
	if (sqlite3_exec(work, "PRAGMA synchronous = OFF", NULL, NULL, NULL) != SQLITE_OK)
		die("pragma", NULL);
}

/* The working database back to the template, page for page. */
static void
restore(void)
{
	sqlite3_backup *b = sqlite3_backup_init(work, "main", tmpl, "main");

	if (b == NULL)
		die("backup", NULL);
	if (sqlite3_backup_step(b, -1) != SQLITE_DONE) {
		fprintf(stderr, "fuzz_import: backup: %s\n", sqlite3_errmsg(work));
		abort();
	}
	if (sqlite3_backup_finish(b) != SQLITE_OK)
		die("backup finish", NULL);
}

/* No side file of the input may survive: a "hot journal" or a WAL would
 * change what SQLite sees in the next input. */
static void
unlink_side_files(void)
{
	static const char *const sfx[] = {"-wal", "-shm", "-journal"};
	char p[96];

	for (size_t i = 0; i < sizeof sfx / sizeof sfx[0]; i++) {
		snprintf(p, sizeof p, "%s%s", input_path, sfx[i]);
		(void)unlink(p);
	}
}

/* The input bytes become the whole content of the input file. */
static void
write_input(const uint8_t *data, size_t size)
{
	size_t done = 0;

	if (ftruncate(input_fd, 0) != 0)
		die("ftruncate", NULL);
	while (done < size) {
		ssize_t w = pwrite(input_fd, data + done, size - done, (off_t)done);

		if (w <= 0)
			die("pwrite", NULL);
		done += (size_t)w;
	}
	unlink_side_files();
}

/* ---- re-signing ------------------------------------------------------------ */

/* The key of station `id` in this input, made on first sight; NULL when
 * the ring is full (that station's events stay as the input has them). */
static const struct station *
keyring_get(struct keyring *kr, const char *id)
{
	unsigned char seed[crypto_hash_sha256_BYTES];
	struct station *s;

	if (id == NULL)
		return NULL;
	for (int i = 0; i < kr->n; i++)
		if (strcmp(kr->st[i].id, id) == 0)
			return &kr->st[i];
	/* an id too long for a station is refused by the core anyway */
	if (kr->n == MAX_STATIONS || strlen(id) >= MC_UUID_LEN)
		return NULL;
	s = &kr->st[kr->n++];
	if (strcmp(id, tmpl_station.id) == 0) {
		*s = tmpl_station;
	} else {
		memset(s, 0, sizeof *s);
		snprintf(s->id, sizeof s->id, "%s", id);
		crypto_hash_sha256(seed, (const unsigned char *)id, strlen(id));
		crypto_sign_seed_keypair(s->pk, s->sk, seed);
	}
	sodium_bin2hex(s->pub, sizeof s->pub, s->pk, sizeof s->pk);
	return s;
}

/* Ed25519 over domain + text, as key.c signs, into hex. */
static void
sign_hex(const struct station *s, const char *domain, const char *text,
    char out[MC_SIG_HEX])
{
	unsigned char sig[crypto_sign_BYTES];
	size_t dl = strlen(domain), tl = strlen(text);
	unsigned char *msg = malloc(dl + tl + 1);

	if (msg == NULL)
		die("out of memory", NULL);
	memcpy(msg, domain, dl);
	memcpy(msg + dl, text, tl);
	crypto_sign_detached(sig, NULL, msg, dl + tl, s->sk);
	free(msg);
	sodium_bin2hex(out, MC_SIG_HEX, sig, sizeof sig);
}

/* SQL function fuzz_sig(origin, hash, sig): the signature of the event's
 * hash by its origin's key (the old sig if the origin gets none). */
static void
fn_sig(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct keyring *kr = sqlite3_user_data(ctx);
	const struct station *s = keyring_get(kr, (const char *)sqlite3_value_text(argv[0]));
	const char *hash = (const char *)sqlite3_value_text(argv[1]);
	char sig[MC_SIG_HEX];

	(void)argc;
	if (s == NULL || hash == NULL) {
		sqlite3_result_value(ctx, argv[2]);
		return;
	}
	sign_hex(s, "motcua-event-sig-1\n", hash, sig);
	sqlite3_result_text(ctx, sig, -1, SQLITE_TRANSIENT);
}

/* The value of header key `key`, malloc'd, or NULL if absent. */
static char *
header_get(sqlite3 *b, const char *key)
{
	sqlite3_stmt *st;
	char *v = NULL;

	if (sqlite3_prepare_v2(b, "SELECT value FROM bundle WHERE key = ?1", -1, &st,
	    NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

static int
header_set(sqlite3 *b, const char *key, const char *value)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(b, "UPDATE bundle SET value = ?2 WHERE key = ?1", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	return rc;
}

/* The content hash exactly as sync.c writes it and sync-import.c checks it:
 * the header's keys in key order but content_sha256 and signature, then
 * each event's origin, seq and hash in (origin, seq) order.  -1 if it
 * cannot be computed (the core refuses such a file anyway). */
static int
content_hash(sqlite3 *b, char out[MC_HASH_LEN])
{
	static const char *const keys[] = {
		"count", "created", "format", "format_version", "kind", "payload",
		"sender", "sender_key", "sender_number", "sender_unit", "vector", "version",
	};
	struct sync_hash h;
	sqlite3_stmt *st;
	int step;

	sync_hash_init(&h);
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		char *v = header_get(b, keys[i]);

		if (v != NULL)
			sync_hash_header(&h, keys[i], v);
		free(v);
	}
	if (sqlite3_prepare_v2(b, "SELECT origin, seq, hash FROM event ORDER BY origin, seq",
	    -1, &st, NULL) != SQLITE_OK)
		return -1;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *o = (const char *)sqlite3_column_text(st, 0);
		const char *hs = (const char *)sqlite3_column_text(st, 2);

		if (o == NULL || hs == NULL)
			break;
		sync_hash_event(&h, o, sqlite3_column_int64(st, 1), hs);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return -1;
	sync_hash_final(&h, out);
	return 0;
}

/* Does b look like a format-2 bundle: tables bundle and event, the
 * latter with its 10 columns, sig among them? */
static int
is_bundle(sqlite3 *b)
{
	sqlite3_stmt *st;
	int ok = 0;

	if (sqlite3_prepare_v2(b, "SELECT (SELECT count(*) FROM pragma_table_info('bundle')) "
	    "> 0 AND (SELECT count(*) FROM pragma_table_info('event')) = 10 AND EXISTS "
	    "(SELECT 1 FROM pragma_table_info('event') WHERE name = 'sig')", -1, &st,
	    NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		ok = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return ok;
}

/* Re-sign the input file in place as its stations would have (see the
 * top of the file); kr gets the stations named.  Quietly does nothing
 * to a file that is no bundle or that SQLite will not write. */
static void
resign(struct keyring *kr)
{
	char hash[MC_HASH_LEN], sig[MC_SIG_HEX], *sender;
	const struct station *s;
	sqlite3 *b;

	kr->n = 0;
	if (sqlite3_open_v2(input_path, &b, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		goto out;
	/* the input's schema is not to be trusted by the harness either */
	(void)sqlite3_db_config(b, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	(void)sqlite3_db_config(b, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	/* a WAL left in the file's header would keep the changes out of the
	 * main file, which the core opens immutable */
	if (sqlite3_exec(b, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK ||
	    !is_bundle(b) ||
	    sqlite3_create_function(b, "fuzz_sig", 3, SQLITE_UTF8, kr, fn_sig, NULL,
	    NULL) != SQLITE_OK ||
	    sqlite3_exec(b, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		goto out;
	sender = header_get(b, "sender");
	s = keyring_get(kr, sender);
	free(sender);
	if (sqlite3_exec(b, "UPDATE event SET sig = fuzz_sig(origin, hash, sig)", NULL, NULL,
	    NULL) != SQLITE_OK ||
	    (s != NULL && header_set(b, "sender_key", s->pub) != 0) ||
	    content_hash(b, hash) != 0 || header_set(b, "content_sha256", hash) != 0)
		goto rollback;
	if (s != NULL) {
		sign_hex(s, "motcua-bundle-sig-1\n", hash, sig);
		if (header_set(b, "signature", sig) != 0)
			goto rollback;
	}
	if (sqlite3_exec(b, "COMMIT", NULL, NULL, NULL) == SQLITE_OK) {
		n_resigned++;
		goto out;
	}
rollback:
	(void)sqlite3_exec(b, "ROLLBACK", NULL, NULL, NULL);
out:
	sqlite3_close(b);
	unlink_side_files();
}

/* Trust, in the working database, every station the input was signed
 * for but this one (whose key is its own). */
static void
trust_stations(const struct keyring *kr)
{
	sqlite3_stmt *st;

	if (kr->n == 0)
		return;
	if (sqlite3_prepare_v2(work, "INSERT OR IGNORE INTO trust(station, public, unit, "
	    "number, trusted, officer) VALUES (?1, ?2, '000.17.22.H56', 1, "
	    "'2026-01-01T00:00:00+07:00', '" FUZZ_OFFICER "')", -1, &st, NULL) != SQLITE_OK)
		die("trust", NULL);
	for (int i = 0; i < kr->n; i++) {
		if (kr->st[i].self)
			continue;
		sqlite3_bind_text(st, 1, kr->st[i].id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, kr->st[i].pub, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			die("trust", NULL);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	static struct keyring kr;
	struct sync_report report;
	struct mc_err err;

	if (!ready) {
		setup();
		ready = 1;
	}
	n_inputs++;
	restore();
	write_input(data, size);
	resign(&kr);
	trust_stations(&kr);
	memset(&report, 0, sizeof report);
	memset(&err, 0, sizeof err);
	if (sync_import(work, FUZZ_OFFICER, input_path, false, &report, NULL, NULL, &err) == 0)
		n_imported++;
	else if (strstr(err.msg, "not signed by") != NULL)
		n_refused_sig++;
	return 0;
}
