/* mkdb.c — `bench/mkdb DB N [--seed S] [--now "YYYY-MM-DD HH:MM"]
 * [--catalog P] [--unit CODE NAME] [--station K]`: a realistic database
 * of N dossiers for `make bench` (issue 15's contract); --catalog makes
 * the catalog P procedures long, a province's list (mkdb-catalog.c);
 * --unit and --station make another commune's station (the province's
 * benchmark makes a hundred, each with its own seed).
 *
 * A commune's counter over several years of working days, up to now:
 * the sample catalog's procedures as often as a commune sees them, people
 * with Vietnamese names as common as they are (mkdb-people.c), and what
 * became of each dossier — most returned, some being worked on, some due
 * today, a few overdue, supplements (pause and resume), apologies with a
 * new date, refusals, withdrawals, stops, transfers to the deciding body.
 *
 * A receipt through the core takes a transaction and dozens of
 * statements; a million of them would take hours.  So the rows are
 * written here, with prepared statements in one transaction, journal and
 * sync off: the same rows the program writes (dossier.c, event.c,
 * dossier-project.c, logbook.c) — events with their hash chain and the
 * station's signature, the dossier rows as the projection makes them,
 * the name words, the day's code marks, the logbook's numbers and marks.
 * `motcua check` re-projects every dossier from its events and compares:
 * the test (tests/cli/mkdb.sh) runs it.
 *
 * The unit, its supervisor `bench` (password in DB.pw, mode 0600) and
 * the catalog are made through the core, at the time of the first
 * receipt.  The station's id and key come from the seed, so two runs with
 * one seed and one --now make the same database (but for the password's
 * salt). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "motcua/auth.h"
#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/demo.h"
#include "motcua/dossier.h"
#include "motcua/event.h"
#include "motcua/key.h"
#include "motcua/logbook.h"
#include "motcua/report.h"
#include "motcua/unit.h"
#include "motcua/vntext.h"
#include "motcua/vocab.h"
#include "mkdb.h"

#define PASSWORD "bench-2026"


static int
sql_fail(struct gen *g, const char *what)
{
	return mkdb_fail(what, sqlite3_errmsg(g->db));
}

/* ---- writing ---------------------------------------------------------- */


static void *
batch_sign(void *arg)
{
	struct batch *b = arg;
	char msg[sizeof SIG_DOMAIN + MC_HASH_LEN];
	unsigned char s[crypto_sign_BYTES];

	for (size_t i = 0; i < b->n; i++) {
		snprintf(msg, sizeof msg, "%s%s", SIG_DOMAIN, b->v[i].hash);
		crypto_sign_detached(s, NULL, (const unsigned char *)msg, strlen(msg), b->sk);
		sodium_bin2hex(b->v[i].sig, sizeof b->v[i].sig, s, sizeof s);
	}
	return NULL;
}

static int
batch_write(struct gen *g, struct batch *b)
{
	sqlite3_stmt *st = g->ins_event;
	int rc = 0;

	for (size_t i = 0; i < b->n; i++) {
		struct ev *e = &b->v[i];

		if (rc == 0 && !g->sig_checked) {
			if (!key_verify(g->pub, KEY_EVENT, e->hash, e->sig))
				rc = mkdb_fail("signing", "key.c signs events otherwise: update SIG_DOMAIN");
			g->sig_checked = true;
		}
		sqlite3_bind_text(st, 1, g->u.station_id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, e->seq);
		sqlite3_bind_text(st, 3, e->at, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, "bench", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, e->dossier, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, e->kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, e->body, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, e->prev, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 9, e->hash, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 10, e->sig, -1, SQLITE_STATIC);
		if (rc == 0 && sqlite3_step(st) != SQLITE_DONE)
			rc = sql_fail(g, "writing an event");
		sqlite3_reset(st);
		free(e->body);
	}
	b->n = 0;
	return rc;
}

/* Hand the full batch to the signer, after writing the one it signed
 * before; last: sign and write everything now. */
static int
batch_flush(struct gen *g, bool last)
{
	struct batch *t;
	int rc = 0;

	if (g->signing) {
		pthread_join(g->signer, NULL);
		g->signing = false;
		rc = batch_write(g, g->batch[1]);
	}
	if (last) {
		batch_sign(g->batch[0]);
		return batch_write(g, g->batch[0]) || rc ? -1 : 0;
	}
	t = g->batch[1];
	g->batch[1] = g->batch[0];
	g->batch[0] = t;
	if (pthread_create(&g->signer, NULL, batch_sign, g->batch[1]) != 0) {
		batch_sign(g->batch[1]);
		return batch_write(g, g->batch[1]) || rc ? -1 : 0;
	}
	g->signing = true;
	return rc;
}

/* One event of this station: the next number, the link, the hash
 * (event.c's event_append, without its look-ups); the signature later. */
static int
put_event(struct gen *g, const char *dossier, const char *kind, const struct mc_time *at,
    const char *body)
{
	struct batch *b = g->batch[0];
	struct ev *e = &b->v[b->n];
	struct mc_event me;

	date_format_iso(at, e->at);
	e->seq = ++g->seq;
	snprintf(e->dossier, sizeof e->dossier, "%s", dossier);
	memcpy(e->prev, g->prev, sizeof e->prev);
	e->kind = kind;
	if ((e->body = strdup(body)) == NULL)
		return mkdb_fail("an event", "out of memory");
	me = (struct mc_event){ g->u.station_id, e->seq, e->at, "bench", dossier, kind, body,
	    e->prev };
	if (event_hash(&me, e->hash) != 0)
		return mkdb_fail("hashing an event", "the hash function failed");
	memcpy(g->prev, e->hash, sizeof g->prev);
	g->events++;
	return ++b->n == BATCH ? batch_flush(g, false) : 0;
}

static int
put_meta(struct gen *g, const char *key, long long v)
{
	sqlite3_stmt *st = g->meta;

	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, v);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_reset(st);
		return sql_fail(g, "writing a mark");
	}
	sqlite3_reset(st);
	return 0;
}

/* The steps whose time has come before `until` (NULL: all). */
static int
flush_steps(struct gen *g, const struct mc_time *until)
{
	while (g->heap.n > 0 && (until == NULL || date_cmp(&g->heap.v[0].at, until) < 0)) {
		struct pend p = mkdb_heap_pop(&g->heap);
		int rc = put_event(g, p.dossier, vocab_kind(p.kind)->name, &p.at, p.body);

		free(p.body);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* ---- setting up ------------------------------------------------------- */

static int
docs_json(struct gen *g, struct proc *pr)
{
	sqlite3_stmt *st;
	char *arr = sqlite3_mprintf("[]");

	/* dossier.c's docs_json, every document handed in */
	if (arr == NULL || sqlite3_prepare_v2(g->db, "SELECT json_insert(?1, '$[#]', "
	    "json_object('position', ?2, 'name', ?3, 'form', ?4, 'quantity', ?5, "
	    "'required', json(?6), 'received', json('true')))", -1, &st, NULL) != SQLITE_OK)
		return sql_fail(g, "the documents");
	for (size_t i = 0; i < pr->p.ndocs && arr != NULL; i++) {
		const struct mc_document *d = &pr->p.docs[i];
		char *next = NULL;

		sqlite3_bind_text(st, 1, arr, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, d->position);
		sqlite3_bind_text(st, 3, d->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, catalog_form_name(d->form), -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 5, d->quantity);
		sqlite3_bind_text(st, 6, d->required ? "true" : "false", -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			next = sqlite3_mprintf("%s", sqlite3_column_text(st, 0));
		sqlite3_reset(st);
		sqlite3_free(arr);
		arr = next;
	}
	sqlite3_finalize(st);
	if ((pr->docs = arr) == NULL)
		return mkdb_fail("the documents", "out of memory");
	return 0;
}

static int
load_procs(struct gen *g)
{
	struct mc_err err;

	for (size_t i = 0; i < mkdb_nmix && g->nprocs < 64; i++) {
		struct proc *pr = &g->procs[g->nprocs];

		if (catalog_get(g->db, mkdb_mix[i].code, &pr->p, &err) != 0)
			continue;	/* not in this catalog */
		if (calendar_limit_parse(pr->p.time_limit, &pr->lim, &err) != 0)
			return mkdb_fail(pr->p.code, err.msg);
		if (docs_json(g, pr) != 0)
			return -1;
		pr->weight = mkdb_mix[i].weight;
		g->total_weight += pr->weight;
		g->nprocs++;
	}
	if (g->nprocs == 0)
		return mkdb_fail("the catalog", "none of the mix's procedures is in it");
	return 0;
}

/* The station's id and key from the seed, before anything is signed. */
static int
seeded_identity(struct gen *g, uint64_t seed)
{
	unsigned char ks[crypto_sign_SEEDBYTES], pk[crypto_sign_PUBLICKEYBYTES];
	unsigned char b[16];
	char id[MC_UUID_LEN], skhex[2 * crypto_sign_SECRETKEYBYTES + 1];
	uint64_t s = seed ^ 0x6d6f74637561ull;
	sqlite3_stmt *st;
	struct mc_err err;
	int rc;

	for (size_t i = 0; i < sizeof ks; i++)
		ks[i] = (unsigned char)mkdb_rnd(&s);
	for (size_t i = 0; i < sizeof b; i++)
		b[i] = (unsigned char)mkdb_rnd(&s);
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	snprintf(id, sizeof id, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
	    b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
	crypto_sign_seed_keypair(pk, g->sk, ks);
	sodium_bin2hex(g->pub, sizeof g->pub, pk, sizeof pk);
	sodium_bin2hex(skhex, sizeof skhex, g->sk, sizeof g->sk);
	if (sqlite3_prepare_v2(g->db, "UPDATE station SET id = ?1 WHERE self = 1", -1, &st,
	    NULL) != SQLITE_OK)
		return sql_fail(g, "the station");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE || db_meta_set(g->db, "station_id", id, &err) != 0)
		return sql_fail(g, "the station");
	if (key_public(g->db, skhex, &err) != 0)	/* makes the row if need be */
		return mkdb_fail("the station's key", err.msg);
	sodium_bin2hex(skhex, sizeof skhex, g->sk, sizeof g->sk);
	if (sqlite3_prepare_v2(g->db, "UPDATE station_key SET public = ?1, secret = ?2 "
	    "WHERE id = 1", -1, &st, NULL) != SQLITE_OK)
		return sql_fail(g, "the station's key");
	sqlite3_bind_text(st, 1, g->pub, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, skhex, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	sodium_memzero(skhex, sizeof skhex);
	if (rc != SQLITE_DONE)
		return sql_fail(g, "the station's key");
	snprintf(g->u.station_id, sizeof g->u.station_id, "%s", id);
	return 0;
}

static int
write_password(const char *db_path)
{
	char path[4096];
	int fd;
	FILE *f;

	snprintf(path, sizeof path, "%s.pw", db_path);
	(void)unlink(path);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600)) < 0 ||
	    (f = fdopen(fd, "w")) == NULL)
		return mkdb_fail(path, strerror(errno));
	fprintf(f, "%s\n", PASSWORD);
	return fclose(f) == 0 ? 0 : mkdb_fail(path, strerror(errno));
}

static int
setup(struct gen *g, const char *path, uint64_t seed, const struct mc_time *start)
{
	struct catalog_stats cs;
	struct mc_err err;
	char at[MC_TIME_LEN], suffix[4096];

	for (const char *const *x = (const char *const[]){"", "-wal", "-shm", NULL}; *x;
	    x++) {
		snprintf(suffix, sizeof suffix, "%s%s", path, *x);
		(void)unlink(suffix);
	}
	/* the unit is set up on the morning of its first receipt */
	date_format_time(start, at);
	if (setenv("MOTCUA_NOW", at, 1) != 0)
		return mkdb_fail("MOTCUA_NOW", strerror(errno));
	snprintf(g->u.code, sizeof g->u.code, "%s", g->unit_code);
	snprintf(g->u.name, sizeof g->u.name, "%s", g->unit_name);
	g->u.station = g->station;
	if (db_open(path, DB_CREATE, &g->db, &err) != 0 || unit_init(g->db, &g->u, &err) != 0)
		return mkdb_fail(path, err.msg);
	if (seeded_identity(g, seed) != 0)
		return -1;
	if (auth_officer_add(g->db, NULL, "bench", "Nguyễn Văn Bình", MC_ROLE_SUPERVISOR,
	    PASSWORD, &err) != 0 ||
	    catalog_import_json(g->db, "bench", catalog_sample_json, &cs, &err) != 0 ||
	    unit_get(g->db, &g->u, &err) != 0 || calendar_open(g->db, &g->cal, &err) != 0)
		return mkdb_fail(path, err.msg);
	if (g->catalog > 0 && mkdb_catalog_grow(g->db, g->catalog) != 0)
		return -1;
	if (write_password(path) != 0 || load_procs(g) != 0)
		return -1;
	/* the chain goes on from the set-up's own events (audit) */
	g->seq = db_int(g->db, "SELECT coalesce(max(seq), 0) FROM event", 0);
	{
		sqlite3_stmt *st;

		g->prev[0] = '\0';
		if (sqlite3_prepare_v2(g->db, "SELECT hash FROM event ORDER BY seq DESC LIMIT 1",
		    -1, &st, NULL) != SQLITE_OK)
			return sql_fail(g, "the event log");
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(g->prev, sizeof g->prev, "%s", sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	if (db_exec(g->db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
	    "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; BEGIN", &err) != 0)
		return mkdb_fail(path, err.msg);
	if (sqlite3_prepare_v2(g->db, "INSERT INTO event(origin, seq, at, officer, dossier, "
	    "kind, body, prev, hash, sig) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	    -1, &g->ins_event, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(g->db, "INSERT OR IGNORE INTO name_word(word, received, "
	    "id) VALUES (?1, ?2, ?3)", -1, &g->ins_word, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(g->db, "INSERT OR REPLACE INTO meta(key, value) "
	    "VALUES (?1, CAST(?2 AS TEXT))", -1, &g->meta, NULL) != SQLITE_OK ||
	    /* dossier.c's receipt_body */
	    sqlite3_prepare_v2(g->db, "SELECT json_object('code', ?1, "
	    "'procedure', json_object('code', ?2, 'name', ?3, 'field', ?4, "
	    "'time_limit', ?5, 'fee', ?6, 'documents', json(?7), "
	    "'decided_by', ?19, 'routing', ?20), "
	    "'applicant', json_object('name', ?8, 'id', ?9, 'birth_date', ?10, "
	    "'phone', ?11, 'address', ?12, 'email', ?13), "
	    "'delivery', ?14, 'received', ?15, 'due', ?16, 'book', ?17, 'book_no', ?18, "
	    "'channel', ?21)", -1, &g->receipt_body, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(g->db, "INSERT INTO dossier(id, code, station, officer, "
	    "procedure_code, procedure_name, field, time_limit, fee, documents, "
	    "applicant_name, applicant_id, birth_date, phone, address, email, delivery, "
	    "name_fold, received, due, status, updated, address_fold, appointment, channel, "
	    "decided_by, routing, book, book_no, handler, agency, paused_from, paused_at, "
	    "paused_days, result, result_reason, result_at, returned_at, collector, "
	    "collector_id, rating, closed_reason, closed_at, apologies) VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, "
	    "?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, "
	    "?37, ?38, ?39, ?40, ?41, ?42, ?43, ?44)", -1, &g->ins_dossier, NULL) != SQLITE_OK)
		return sql_fail(g, "preparing");
	return 0;
}

/* ---- the receipts, day by day ----------------------------------------- */

static int
put_words(struct gen *g, const char *id, const char *received, char *fold)
{
	for (char *w = strtok(fold, " "); w != NULL; w = strtok(NULL, " ")) {
		sqlite3_bind_text(g->ins_word, 1, w, -1, SQLITE_STATIC);
		sqlite3_bind_text(g->ins_word, 2, received, -1, SQLITE_STATIC);
		sqlite3_bind_text(g->ins_word, 3, id, -1, SQLITE_STATIC);
		if (sqlite3_step(g->ins_word) != SQLITE_DONE) {
			sqlite3_reset(g->ins_word);
			return sql_fail(g, "indexing a name");
		}
		sqlite3_reset(g->ins_word);
	}
	return 0;
}

static int
put_dossier(struct gen *g, const struct row *r)
{
	sqlite3_stmt *st = g->ins_dossier;
	const struct mc_procedure *p = &r->pr->p;
	struct mc_err err;
	char *nf = vntext_fold(r->who.name, &err), *af = vntext_fold(r->who.address, &err);
	int rc = -1;

	if (nf == NULL || af == NULL)
		goto done;
	sqlite3_bind_text(st, 1, r->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, g->u.station_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, "bench", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, p->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, p->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, p->field, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, p->time_limit, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 9, p->fee);
	sqlite3_bind_text(st, 10, r->pr->docs, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, r->who.name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, r->who.id, -1, SQLITE_STATIC);
	db_bind_opt(st, 13, r->who.birth);
	db_bind_opt(st, 14, r->who.phone);
	db_bind_opt(st, 15, r->who.address);
	sqlite3_bind_null(st, 16);
	sqlite3_bind_text(st, 17, r->delivery, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 18, nf, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 19, r->received, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 20, r->due, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 21, r->status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 22, r->updated, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 23, af, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 24, r->appointment, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 25, r->channel, -1, SQLITE_STATIC);
	db_bind_opt(st, 26, p->decided_by);
	sqlite3_bind_text(st, 27, p->forward ? "forward" : "decide", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 28, r->book, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 29, r->book_no);
	db_bind_opt(st, 30, r->handler);
	db_bind_opt(st, 31, r->agency);
	db_bind_opt(st, 32, r->paused_from);
	db_bind_opt(st, 33, r->paused_at);
	sqlite3_bind_int(st, 34, r->paused_days);
	db_bind_opt(st, 35, r->result);
	db_bind_opt(st, 36, r->result_reason);
	db_bind_opt(st, 37, r->result_at);
	db_bind_opt(st, 38, r->returned_at);
	db_bind_opt(st, 39, r->collector);
	sqlite3_bind_null(st, 40);
	db_bind_opt(st, 41, r->rating);
	db_bind_opt(st, 42, r->closed_reason);
	db_bind_opt(st, 43, r->closed_at);
	sqlite3_bind_int(st, 44, r->apologies);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_reset(st);
		sql_fail(g, "writing a dossier");
		goto done;
	}
	sqlite3_reset(st);
	rc = put_words(g, r->id, r->received, nf);
done:
	if (nf == NULL || af == NULL)
		mkdb_fail("folding a name", err.msg);
	free(nf);
	free(af);
	return rc;
}

static const struct proc *
pick_proc(struct gen *g)
{
	int w = (int)mkdb_below(&g->rng, (unsigned)g->total_weight);

	for (int i = 0; i < g->nprocs; i++) {
		if (w < g->procs[i].weight)
			return &g->procs[i];
		w -= g->procs[i].weight;
	}
	return &g->procs[g->nprocs - 1];
}

/* One receipt at `at`: the code's number of the day, the logbook's. */
static int
receipt(struct gen *g, const struct mc_time *at, const char *prefix, int num,
    const char *book, long long book_no)
{
	struct row r;
	struct mc_err err;
	unsigned char b[16];
	sqlite3_stmt *st = g->receipt_body;
	const struct mc_procedure *p;
	unsigned ch;
	int rc;

	memset(&r, 0, sizeof r);
	r.pr = pick_proc(g);
	p = &r.pr->p;
	mkdb_person(&r.who, &g->rng);
	for (size_t i = 0; i < sizeof b; i++)
		b[i] = (unsigned char)(mkdb_rnd(&g->rng) >> 24);
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	snprintf(r.id, sizeof r.id, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
	    b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
	snprintf(r.code, sizeof r.code, "%s%d%03d", prefix, g->u.station, num);
	snprintf(r.book, sizeof r.book, "%s", book);
	r.book_no = book_no;
	r.delivery = mkdb_below(&g->rng, 20) == 0 ? "post" : "counter";
	ch = mkdb_below(&g->rng, 100);
	r.channel = dossier_channel_name(ch < 4 ? MC_CHANNEL_ONLINE : ch < 7 ?
	    MC_CHANNEL_POST : MC_CHANNEL_DIRECT);
	if (calendar_due(g->cal, at, &r.pr->lim, &r.due_t, &err) != 0)
		return mkdb_fail(p->code, err.msg);
	date_format_iso(at, r.received);
	date_format_iso(&r.due_t, r.due);
	snprintf(r.appointment, sizeof r.appointment, "%s", r.due);
	snprintf(r.updated, sizeof r.updated, "%s", r.received);
	r.status = vocab_kind(MC_KIND_RECEIVE)->to;
	r.last = *at;
	sqlite3_bind_text(st, 1, r.code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, p->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, p->field, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, p->time_limit, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, p->fee);
	sqlite3_bind_text(st, 7, r.pr->docs, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, r.who.name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, r.who.id, -1, SQLITE_STATIC);
	db_bind_opt(st, 10, r.who.birth);
	db_bind_opt(st, 11, r.who.phone);
	db_bind_opt(st, 12, r.who.address);
	sqlite3_bind_null(st, 13);
	sqlite3_bind_text(st, 14, r.delivery, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 15, r.received, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 16, r.due, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 17, r.book, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 18, r.book_no);
	db_bind_opt(st, 19, p->decided_by);
	sqlite3_bind_text(st, 20, p->forward ? "forward" : "decide", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 21, r.channel, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return sql_fail(g, "the receipt's body");
	}
	rc = put_event(g, r.id, vocab_kind(MC_KIND_RECEIVE)->name, at,
	    (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc != 0 || mkdb_life(g, &r, at) != 0 || put_dossier(g, &r) != 0)
		return -1;
	g->dossiers++;
	return 0;
}

static int
cmp_int(const void *a, const void *b)
{
	return (*(const int *)a > *(const int *)b) - (*(const int *)a < *(const int *)b);
}

static int
book_mark(struct gen *g, const char *book, long long no)
{
	char key[128];

	if (book[0] == '\0' || no == 0)
		return 0;
	snprintf(key, sizeof key, "%s%s:%s", MC_BOOK_HIGH_KEY, g->u.station_id, book);
	return put_meta(g, key, no);
}

static int
generate(struct gen *g, const char *path, uint64_t seed, long long n)
{
	struct mc_calendar *cal;
	struct mc_err err;
	struct mc_time start;
	long long w, book_no = 0;
	int *days, mins[PER_DAY_MAX];
	char book[MC_BOOK_LEN] = "", key[160];

	/* several years of working days (three at least, when there are
	 * receipts enough), at most PER_DAY_MAX receipts a day */
	w = (n + PER_DAY_MAX * 4 / 5 - 1) / (PER_DAY_MAX * 4 / 5);
	if (w < (n + 1) / 2)
		w = (n + 1) / 2 < 750 ? (n + 1) / 2 : w < 750 ? 750 : w;
	if ((days = calloc((size_t)w, sizeof *days)) == NULL)
		return mkdb_fail("mkdb", "out of memory");
	/* the working days before today, by the default calendar (the
	 * new database has no other) */
	if (calendar_open(NULL, &cal, &err) != 0) {
		free(days);
		return mkdb_fail("the calendar", err.msg);
	}
	for (long long k = w - 1, j = g->now.jdn - 1; k >= 0; j--)
		if (calendar_is_working_day(cal, (int)j))
			days[k--] = (int)j;
	calendar_close(cal);
	start = (struct mc_time){ days[0], 420 };
	if (setup(g, path, seed, &start) != 0) {
		free(days);
		return -1;
	}
	for (long long k = 0; k < w; k++) {
		int count = (int)((k + 1) * n / w - k * n / w), y, m, d;
		char prefix[48], b[MC_BOOK_LEN];

		if (logbook_book(g->db, g->u.station, days[k], b, &err) != 0) {
			free(days);
			return mkdb_fail("the logbook", err.msg);
		}
		if (strcmp(b, book) != 0) {
			if (book_mark(g, book, book_no) != 0) {
				free(days);
				return -1;
			}
			snprintf(book, sizeof book, "%s", b);
			book_no = 0;
		}
		date_ymd(days[k], &y, &m, &d);
		snprintf(prefix, sizeof prefix, "%s-%02d%02d%02d-", g->u.code, y % 100, m, d);
		for (int i = 0; i < count; i++)
			mins[i] = mkdb_office_min(&g->rng);
		qsort(mins, (size_t)count, sizeof *mins, cmp_int);
		for (int i = 0; i < count; i++) {
			struct mc_time at = { days[k], mins[i] };

			if (flush_steps(g, &at) != 0 ||
			    receipt(g, &at, prefix, i + 1, book, ++book_no) != 0) {
				free(days);
				return -1;
			}
		}
		snprintf(key, sizeof key, "%s%s%d", MC_CODE_HIGH_KEY, prefix, g->u.station);
		if (count > 0 && put_meta(g, key, count) != 0) {
			free(days);
			return -1;
		}
	}
	free(days);
	snprintf(key, sizeof key, "own_seq_high:%s", g->u.station_id);
	if (flush_steps(g, NULL) != 0 || batch_flush(g, true) != 0 ||
	    book_mark(g, book, book_no) != 0 ||
	    put_meta(g, key, g->seq) != 0)
		return -1;
	/* the counts the projection keeps beside the rows, made in one go */
	if (catalog_uses_recount(g->db, &err) != 0 || report_agg_fill(g->db, &err) != 0)
		return mkdb_fail(path, err.msg);
	sqlite3_finalize(g->ins_event);
	sqlite3_finalize(g->ins_dossier);
	sqlite3_finalize(g->ins_word);
	sqlite3_finalize(g->receipt_body);
	sqlite3_finalize(g->meta);
	if (db_exec(g->db, "COMMIT; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL",
	    &err) != 0)
		return mkdb_fail(path, err.msg);
	for (int i = 0; i < g->nprocs; i++) {
		sqlite3_free(g->procs[i].docs);
		catalog_procedure_free(&g->procs[i].p);
	}
	free(g->heap.v);
	free(g->batch[0]);
	free(g->batch[1]);
	calendar_close(g->cal);
	db_close(g->db);
	return 0;
}

static void
usage(void)
{
	fprintf(stderr, "usage: mkdb DB N [--seed S] [--now \"YYYY-MM-DD HH:MM\"] [--catalog P]\n"
	    "            [--unit CODE NAME] [--station K]\n"
	    "  writes a realistic database of N dossiers at DB, with the supervisor\n"
	    "  'bench' whose password is in DB.pw; --catalog: P procedures in the\n"
	    "  catalog (the sample's 29 copied; fewer than 29 keeps the 29), a\n"
	    "  province's list; --unit, --station: the commune (default 000.17.22.H56,\n"
	    "  'UBND xã Mỹ An') and the station's number (1 to 9, default 1)\n");
}

int
main(int argc, char **argv)
{
	struct gen g;
	uint64_t seed = 1;
	long long n, catalog = 0;
	char *end;
	const char *now_s = NULL, *unit_code = "000.17.22.H56", *unit_name = "UBND xã Mỹ An";
	int station = 1;
	struct timespec t0, t1;
	struct mc_err err;
	int rc;

	if (argc < 3) {
		usage();
		return 2;
	}
	for (int i = 3; i < argc; i++) {
		if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--now") == 0 && i + 1 < argc)
			now_s = argv[++i];
		else if (strcmp(argv[i], "--catalog") == 0 && i + 1 < argc) {
			catalog = strtoll(argv[++i], &end, 10);
			if (*end != '\0' || catalog < 1 || catalog > 100000) {
				fprintf(stderr, "mkdb: --catalog must be 1 to 100000, not '%s'\n",
				    argv[i]);
				return 2;
			}
		} else if (strcmp(argv[i], "--unit") == 0 && i + 2 < argc) {
			unit_code = argv[++i];
			unit_name = argv[++i];
			if (!unit_code_valid(unit_code) || unit_name[0] == '\0') {
				fprintf(stderr, "mkdb: --unit takes an agency code such as "
				    "000.17.22.H56 and a name, not '%s'\n", unit_code);
				return 2;
			}
		} else if (strcmp(argv[i], "--station") == 0 && i + 1 < argc) {
			station = (int)strtol(argv[++i], &end, 10);
			if (*end != '\0' || station < 1 || station > 9) {
				fprintf(stderr, "mkdb: --station must be 1 to 9, not '%s'\n",
				    argv[i]);
				return 2;
			}
		} else {
			usage();
			return 2;
		}
	}
	n = strtoll(argv[2], &end, 10);
	if (*end != '\0' || n < 1 || n > 50000000) {
		fprintf(stderr, "mkdb: N must be 1 to 50000000, not '%s'\n", argv[2]);
		return 2;
	}
	memset(&g, 0, sizeof g);
	if ((g.batch[0] = calloc(1, sizeof *g.batch[0])) == NULL ||
	    (g.batch[1] = calloc(1, sizeof *g.batch[1])) == NULL)
		return mkdb_fail("mkdb", "out of memory") ? 1 : 1;
	g.batch[0]->sk = g.batch[1]->sk = g.sk;
	g.catalog = catalog;
	g.unit_code = unit_code;
	g.unit_name = unit_name;
	g.station = station;
	g.rng = seed * 0x9e3779b97f4a7c15ull + 1;
	if (sodium_init() < 0)
		return mkdb_fail("libsodium", "cannot start") ? 1 : 1;
	if (now_s == NULL)
		now_s = getenv("MOTCUA_NOW");
	if (now_s != NULL) {
		if (date_parse_input_time(now_s, &g.now, &err) != 0)
			return mkdb_fail("--now", err.msg) ? 1 : 1;
	} else
		date_now(&g.now);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = generate(&g, argv[1], seed, n);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (rc == 0)
		printf("mkdb: %lld dossiers, %lld events in %.1f s: %s\n", g.dossiers, g.events,
		    (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
		    argv[1]);
	sodium_memzero(g.sk, sizeof g.sk);
	return rc == 0 ? 0 : 1;
}
