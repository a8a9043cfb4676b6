/* mkdb.c — `bench/mkdb DB N [--seed S] [--now "YYYY-MM-DD HH:MM"]`: a
 * realistic database of N dossiers for `make bench` (issue 15's contract).
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
#include "motcua/unit.h"
#include "motcua/vntext.h"
#include "motcua/vocab.h"
#include "mkdb.h"

#define PASSWORD "bench-2026"
#define PER_DAY_MAX 900		/* receipts of a day: codes go to 999 */
#define BATCH 8192		/* events signed at a time */

/* key.c's domain of an event's signature (key.h): checked against
 * key_verify on the first event, so a change there stops mkdb */
#define SIG_DOMAIN "motcua-event-sig-1\n"

struct proc {
	struct mc_procedure p;
	struct mc_limit lim;
	char *docs;		/* the documents' JSON, all handed in */
	int weight;
};

struct batch;

/* A step of a dossier's life, waiting for its time in the heap. */
struct pend {
	struct mc_time at;
	long long ord;		/* ties: the order they were made */
	enum mc_kind_id kind;
	char dossier[MC_UUID_LEN];
	char *body;
};

struct heap {
	struct pend *v;
	size_t n, cap;
};

struct gen {
	sqlite3 *db;
	struct mc_calendar *cal;
	struct mc_unit u;
	uint64_t rng;
	struct mc_time now;
	struct proc procs[64];
	int nprocs, total_weight;
	unsigned char sk[crypto_sign_SECRETKEYBYTES];
	char pub[MC_KEY_HEX];
	char prev[MC_HASH_LEN];
	long long seq, ord, events, dossiers;
	sqlite3_stmt *ins_event, *ins_dossier, *ins_word, *receipt_body, *meta;
	struct heap heap;
	struct batch *batch[2];	/* filling, signing */
	pthread_t signer;
	bool signing, sig_checked;
};

static int
fail(const char *what, const char *msg)
{
	fprintf(stderr, "mkdb: %s: %s\n", what, msg);
	return -1;
}

static int
sql_fail(struct gen *g, const char *what)
{
	return fail(what, sqlite3_errmsg(g->db));
}

/* ---- the heap of steps to come ------------------------------------- */

static bool
pend_before(const struct pend *a, const struct pend *b)
{
	int c = date_cmp(&a->at, &b->at);

	return c < 0 || (c == 0 && a->ord < b->ord);
}

static int
heap_push(struct heap *h, const struct pend *p)
{
	size_t i;

	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 1024;
		struct pend *v = realloc(h->v, cap * sizeof *v);

		if (v == NULL)
			return -1;
		h->v = v;
		h->cap = cap;
	}
	for (i = h->n++; i > 0 && pend_before(p, &h->v[(i - 1) / 2]); i = (i - 1) / 2)
		h->v[i] = h->v[(i - 1) / 2];
	h->v[i] = *p;
	return 0;
}

static struct pend
heap_pop(struct heap *h)
{
	struct pend top = h->v[0], last = h->v[--h->n];
	size_t i = 0;

	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= h->n)
			break;
		if (c + 1 < h->n && pend_before(&h->v[c + 1], &h->v[c]))
			c++;
		if (!pend_before(&h->v[c], &last))
			break;
		h->v[i] = h->v[c];
		i = c;
	}
	if (h->n > 0)
		h->v[i] = last;
	return top;
}

/* ---- writing ---------------------------------------------------------- */

/* The events wait in batches: the hash chain is made as they come (each
 * links to the one before), the signatures — most of the time of a
 * build — by a second thread while this one writes the batch before. */
struct ev {
	long long seq;
	char at[MC_ISO_LEN], dossier[MC_UUID_LEN], prev[MC_HASH_LEN], hash[MC_HASH_LEN];
	char sig[MC_SIG_HEX];
	const char *kind;
	char *body;
};

struct batch {
	struct ev v[BATCH];
	size_t n;
	const unsigned char *sk;
};

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
				rc = fail("signing", "key.c signs events otherwise: update SIG_DOMAIN");
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
		return fail("an event", "out of memory");
	me = (struct mc_event){ g->u.station_id, e->seq, e->at, "bench", dossier, kind, body,
	    e->prev };
	if (event_hash(&me, e->hash) != 0)
		return fail("hashing an event", "the hash function failed");
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
		struct pend p = heap_pop(&g->heap);
		int rc = put_event(g, p.dossier, vocab_kind(p.kind)->name, &p.at, p.body);

		free(p.body);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* ---- a dossier's life ------------------------------------------------ */

/* The row as the projection leaves it (dossier-project.c); "" is NULL. */
struct row {
	char id[MC_UUID_LEN], code[MC_CODE_LEN], book[MC_BOOK_LEN];
	long long book_no;
	const struct proc *pr;
	struct mkdb_person who;
	const char *delivery, *channel, *status, *paused_from;
	const char *handler, *agency, *result, *result_reason, *rating, *closed_reason;
	const char *collector;
	char received[MC_ISO_LEN], due[MC_ISO_LEN], appointment[MC_ISO_LEN];
	char updated[MC_ISO_LEN], paused_at[MC_ISO_LEN], result_at[MC_ISO_LEN];
	char returned_at[MC_ISO_LEN], closed_at[MC_ISO_LEN];
	int paused_days, apologies;
	struct mc_time last, due_t;
};

static const char specialist[] = "Lê Thị Hoa";

/* A moment of the office day (07:35..11:15 or 13:35..16:45). */
static int
office_min(uint64_t *s)
{
	return mkdb_below(s, 2) ? 455 + (int)mkdb_below(s, 220) : 815 + (int)mkdb_below(s, 190);
}

static int
next_working(struct gen *g, int jdn)
{
	int next = calendar_next_working_day(g->cal, jdn);

	return next > 0 ? next : jdn + 1;
}

/* A moment of office time about frac % of the way from `from` to `to` in
 * working days (demo.c's), `to` itself when they are too close. */
static struct mc_time
between(struct gen *g, const struct mc_time *from, const struct mc_time *to, int frac)
{
	struct mc_time t = *to;
	int days = 0, lo, hi;

	for (int j = from->jdn; j < to->jdn; j = next_working(g, j))
		days++;
	t.jdn = from->jdn;
	for (int k = days * frac / 100; k > 0; k--)
		t.jdn = next_working(g, t.jdn);
	lo = t.jdn == from->jdn ? from->min + 10 : 455;
	hi = t.jdn == to->jdn ? to->min - 5 : 1005;
	if (hi <= lo)
		return *to;
	t.min = lo + (int)mkdb_below(&g->rng, (unsigned)(hi - lo));
	if (t.min > 690 && t.min < 810)	/* not over lunch */
		t.min = t.min - 690 + 810 < hi ? t.min - 690 + 810 : lo;
	return t;
}

static struct mc_time
later(struct gen *g, const struct mc_time *t, int minutes)
{
	struct mc_time u = *t;

	u.min += minutes;
	if (u.min > 1010) {
		u.jdn = next_working(g, u.jdn);
		u.min = 455 + (u.min - 1010) % 200;
	}
	return u;
}

/* A JSON string of text without quotes or backslashes, or null. */
static const char *
jq(const char *s, char *buf, size_t n)
{
	if (s == NULL)
		return "null";
	snprintf(buf, n, "\"%s\"", s);
	return buf;
}

/* One step at `at` with its body: applied to the row as its projector
 * does, and kept for its time.  1: the moment is after now (it has not
 * happened, nor anything after it). */
static int
step(struct gen *g, struct row *r, enum mc_kind_id k, struct mc_time at, const char *body)
{
	const struct mc_kind *kind = vocab_kind(k);
	struct pend p;
	char iso[MC_ISO_LEN];

	if (date_cmp(&at, &r->last) < 0)
		at = r->last;
	if (date_cmp(&at, &g->now) > 0)
		return 1;
	r->last = at;
	date_format_iso(&at, iso);
	if (kind->back)
		r->status = r->paused_from != NULL ? r->paused_from : "received";
	switch (k) {
	case MC_KIND_HANDOVER:
		r->handler = specialist;
		r->agency = NULL;
		break;
	case MC_KIND_TRANSFER:
		r->agency = r->pr->p.decided_by;
		break;
	case MC_KIND_TRANSFER_BACK:
		r->agency = NULL;
		break;
	case MC_KIND_PAUSE:
		r->paused_from = r->status;
		snprintf(r->paused_at, sizeof r->paused_at, "%s", iso);
		break;
	case MC_KIND_RESUME:
		r->paused_from = NULL;
		r->paused_at[0] = '\0';
		break;		/* the days and the due: the caller's */
	case MC_KIND_RESULT:
		snprintf(r->result_at, sizeof r->result_at, "%s", iso);
		break;
	case MC_KIND_RETURN:
		snprintf(r->returned_at, sizeof r->returned_at, "%s", iso);
		break;
	case MC_KIND_REFUSE: case MC_KIND_WITHDRAW: case MC_KIND_STOP:
		snprintf(r->closed_at, sizeof r->closed_at, "%s", iso);
		break;
	case MC_KIND_APOLOGIZE:
		r->apologies++;
		break;
	default:
		break;
	}
	if (kind->to != NULL)
		r->status = kind->to;
	snprintf(r->updated, sizeof r->updated, "%s", iso);
	memset(&p, 0, sizeof p);
	p.at = at;
	p.ord = ++g->ord;
	p.kind = k;
	snprintf(p.dossier, sizeof p.dossier, "%s", r->id);
	if ((p.body = strdup(body)) == NULL || heap_push(&g->heap, &p) != 0) {
		free(p.body);
		return fail("a step", "out of memory");
	}
	return 0;
}

/* What became of the dossier, as at a real counter, up to now. */
static int
life(struct gen *g, struct row *r, const struct mc_time *rt)
{
	const struct mc_time *due = &r->due_t;
	uint64_t *s = &g->rng;
	unsigned u = mkdb_below(s, 1000);
	struct mc_time t, res, ret;
	char b[1024], q[3][300];
	char nd[MC_ISO_LEN];
	const char *reason;
	int rc;
	bool recent = g->now.jdn - rt->jdn < 45;

#define STEP(k, at, ...) do { snprintf(b, sizeof b, __VA_ARGS__); \
	if ((rc = step(g, r, (k), (at), b)) != 0) return rc < 0 ? -1 : 0; } while (0)
	if (r->pr->p.decided_by != NULL && r->pr->p.forward) {
		t = between(g, rt, due, 5);
		STEP(MC_KIND_TRANSFER, t, "{\"agency\":%s}", jq(r->pr->p.decided_by, q[0], 300));
		t = between(g, &t, due, 85);
		STEP(MC_KIND_TRANSFER_BACK, t, "{\"agency\":%s}", q[0]);
		res = between(g, &t, due, 50);
	} else if (u < 6) {
		reason = "Hồ sơ không thuộc thẩm quyền giải quyết của UBND xã";
		STEP(MC_KIND_REFUSE, later(g, rt, 5 + (int)mkdb_below(s, 10)), "{\"reason\":%s}",
		    jq(reason, q[0], 300));
		r->closed_reason = reason;
		return 0;
	} else if (u < 12) {
		reason = "Người nộp xin rút hồ sơ để bổ sung giấy tờ";
		STEP(MC_KIND_WITHDRAW, between(g, rt, due, 50), "{\"reason\":%s}",
		    jq(reason, q[0], 300));
		r->closed_reason = reason;
		return 0;
	} else if (u < 14 && due->jdn > rt->jdn + 1) {
		reason = "Người yêu cầu có văn bản đề nghị dừng giải quyết hồ sơ";
		STEP(MC_KIND_STOP, between(g, rt, due, 40), "{\"reason\":%s,\"ground\":null}",
		    jq(reason, q[0], 300));
		r->closed_reason = reason;
		return 0;
	} else if (u < 20 && recent) {
		return 0;	/* forgotten in a drawer: overdue once due */
	} else if (u < 45 && due->jdn > rt->jdn) {
		/* a supplement: paused for the citizen's paper, resumed */
		struct mc_time pa = between(g, rt, due, 30), moved = *due;
		int n = 0;

		STEP(MC_KIND_PAUSE, pa, "{\"reason\":%s}",
		    jq("Yêu cầu bổ sung giấy tờ theo quy định", q[0], 300));
		t.jdn = pa.jdn;
		for (int k = 1 + (int)mkdb_below(s, 4); k > 0; k--)
			t.jdn = next_working(g, t.jdn);
		t.min = office_min(s);
		for (int j = pa.jdn; j < t.jdn; j = next_working(g, j))
			n++;
		for (int k = 0; k < n; k++)
			moved.jdn = next_working(g, moved.jdn);
		date_format_iso(&moved, nd);
		STEP(MC_KIND_RESUME, t, "{\"paused_days\":%d,\"due\":\"%s\"}", n, nd);
		r->paused_days += n;
		snprintf(r->due, sizeof r->due, "%s", nd);
		if (r->apologies == 0)
			snprintf(r->appointment, sizeof r->appointment, "%s", nd);
		r->due_t = moved;
		res = between(g, &t, due, 60 + (int)mkdb_below(s, 40));
	} else if (u < 65) {
		/* late: the apology before the due time, a new date after it */
		t = between(g, rt, due, 60);
		ret.jdn = next_working(g, due->jdn);
		ret.min = 960;
		date_format_iso(&ret, nd);
		STEP(MC_KIND_APOLOGIZE, t, "{\"reason\":%s,\"new_date\":\"%s\"}",
		    jq("Cần xác minh thêm thông tin với cơ quan liên quan", q[0], 300), nd);
		snprintf(r->appointment, sizeof r->appointment, "%s", nd);
		res.jdn = ret.jdn;
		res.min = 480 + (int)mkdb_below(s, 150);
	} else if (u < 70) {
		res = between(g, rt, due, 70 + (int)mkdb_below(s, 30));
		reason = "Không đủ điều kiện theo quy định";
		STEP(MC_KIND_RESULT, res, "{\"outcome\":\"refused\",\"reason\":%s}",
		    jq(reason, q[0], 300));
		r->result = "refused";
		r->result_reason = reason;
		/* no collector named: the applicant (lifecycle.c) */
		STEP(MC_KIND_RETURN, later(g, &res, 30 + (int)mkdb_below(s, 90)),
		    "{\"collector\":%s,\"collector_id\":null,\"rating\":null}",
		    jq(r->who.name, q[1], 300));
		r->collector = r->who.name;
		return 0;
	} else {
		if (mkdb_below(s, 10) < 3) {
			t = between(g, rt, due, 10);
			STEP(MC_KIND_HANDOVER, t, "{\"to\":%s}", jq(specialist, q[0], 300));
		}
		res = between(g, rt, due, 55 + (int)mkdb_below(s, 46));
	}
	STEP(MC_KIND_RESULT, res, "{\"outcome\":\"approved\",\"reason\":null}");
	r->result = "approved";
	if (mkdb_below(s, 100) < 2)
		return 0;	/* never collected */
	/* the citizen comes on the appointment's day, some a few days on */
	if (res.jdn < r->due_t.jdn) {
		ret.jdn = r->due_t.jdn;
		for (int k = mkdb_below(s, 5) == 0 ? 1 + (int)mkdb_below(s, 4) : 0; k > 0; k--)
			ret.jdn = next_working(g, ret.jdn);
		ret.min = office_min(s);
	} else
		ret = later(g, &res, 20 + (int)mkdb_below(s, 120));
	u = mkdb_below(s, 100);
	reason = u < 62 ? "very_satisfied" : u < 94 ? "satisfied" : u < 97 ?
	    "not_satisfied" : NULL;
	STEP(MC_KIND_RETURN, ret, "{\"collector\":%s,\"collector_id\":null,\"rating\":%s}",
	    jq(r->who.name, q[1], 300), jq(reason, q[0], 300));
	r->rating = reason;
	r->collector = r->who.name;
#undef STEP
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
		return fail("the documents", "out of memory");
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
			return fail(pr->p.code, err.msg);
		if (docs_json(g, pr) != 0)
			return -1;
		pr->weight = mkdb_mix[i].weight;
		g->total_weight += pr->weight;
		g->nprocs++;
	}
	if (g->nprocs == 0)
		return fail("the catalog", "none of the mix's procedures is in it");
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
		return fail("the station's key", err.msg);
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
		return fail(path, strerror(errno));
	fprintf(f, "%s\n", PASSWORD);
	return fclose(f) == 0 ? 0 : fail(path, strerror(errno));
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
		return fail("MOTCUA_NOW", strerror(errno));
	snprintf(g->u.code, sizeof g->u.code, "000.17.22.H56");
	snprintf(g->u.name, sizeof g->u.name, "UBND xã Mỹ An");
	g->u.station = 1;
	if (db_open(path, DB_CREATE, &g->db, &err) != 0 || unit_init(g->db, &g->u, &err) != 0)
		return fail(path, err.msg);
	if (seeded_identity(g, seed) != 0)
		return -1;
	if (auth_officer_add(g->db, NULL, "bench", "Nguyễn Văn Bình", MC_ROLE_SUPERVISOR,
	    PASSWORD, &err) != 0 ||
	    catalog_import_json(g->db, "bench", catalog_sample_json, &cs, &err) != 0 ||
	    unit_get(g->db, &g->u, &err) != 0 || calendar_open(g->db, &g->cal, &err) != 0)
		return fail(path, err.msg);
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
		return fail(path, err.msg);
	if (sqlite3_prepare_v2(g->db, "INSERT INTO event(origin, seq, at, officer, dossier, "
	    "kind, body, prev, hash, sig) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	    -1, &g->ins_event, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(g->db, "INSERT OR IGNORE INTO name_word(word, id) "
	    "VALUES (?1, ?2)", -1, &g->ins_word, NULL) != SQLITE_OK ||
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

static void
bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s != NULL && s[0] != '\0')
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static int
put_words(struct gen *g, const char *id, char *fold)
{
	for (char *w = strtok(fold, " "); w != NULL; w = strtok(NULL, " ")) {
		sqlite3_bind_text(g->ins_word, 1, w, -1, SQLITE_STATIC);
		sqlite3_bind_text(g->ins_word, 2, id, -1, SQLITE_STATIC);
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
	bind_opt(st, 13, r->who.birth);
	bind_opt(st, 14, r->who.phone);
	bind_opt(st, 15, r->who.address);
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
	bind_opt(st, 26, p->decided_by);
	sqlite3_bind_text(st, 27, p->forward ? "forward" : "decide", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 28, r->book, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 29, r->book_no);
	bind_opt(st, 30, r->handler);
	bind_opt(st, 31, r->agency);
	bind_opt(st, 32, r->paused_from);
	bind_opt(st, 33, r->paused_at);
	sqlite3_bind_int(st, 34, r->paused_days);
	bind_opt(st, 35, r->result);
	bind_opt(st, 36, r->result_reason);
	bind_opt(st, 37, r->result_at);
	bind_opt(st, 38, r->returned_at);
	bind_opt(st, 39, r->collector);
	sqlite3_bind_null(st, 40);
	bind_opt(st, 41, r->rating);
	bind_opt(st, 42, r->closed_reason);
	bind_opt(st, 43, r->closed_at);
	sqlite3_bind_int(st, 44, r->apologies);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_reset(st);
		sql_fail(g, "writing a dossier");
		goto done;
	}
	sqlite3_reset(st);
	rc = put_words(g, r->id, nf);
done:
	if (nf == NULL || af == NULL)
		fail("folding a name", err.msg);
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
		return fail(p->code, err.msg);
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
	bind_opt(st, 10, r.who.birth);
	bind_opt(st, 11, r.who.phone);
	bind_opt(st, 12, r.who.address);
	sqlite3_bind_null(st, 13);
	sqlite3_bind_text(st, 14, r.delivery, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 15, r.received, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 16, r.due, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 17, r.book, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 18, r.book_no);
	bind_opt(st, 19, p->decided_by);
	sqlite3_bind_text(st, 20, p->forward ? "forward" : "decide", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 21, r.channel, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return sql_fail(g, "the receipt's body");
	}
	rc = put_event(g, r.id, vocab_kind(MC_KIND_RECEIVE)->name, at,
	    (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc != 0 || life(g, &r, at) != 0 || put_dossier(g, &r) != 0)
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
		return fail("mkdb", "out of memory");
	/* the working days before today, by the default calendar (the
	 * new database has no other) */
	if (calendar_open(NULL, &cal, &err) != 0) {
		free(days);
		return fail("the calendar", err.msg);
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
			return fail("the logbook", err.msg);
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
			mins[i] = office_min(&g->rng);
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
	sqlite3_finalize(g->ins_event);
	sqlite3_finalize(g->ins_dossier);
	sqlite3_finalize(g->ins_word);
	sqlite3_finalize(g->receipt_body);
	sqlite3_finalize(g->meta);
	if (db_exec(g->db, "COMMIT; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL",
	    &err) != 0)
		return fail(path, err.msg);
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
	fprintf(stderr, "usage: mkdb DB N [--seed S] [--now \"YYYY-MM-DD HH:MM\"]\n"
	    "  writes a realistic database of N dossiers at DB, with the supervisor\n"
	    "  'bench' whose password is in DB.pw\n");
}

int
main(int argc, char **argv)
{
	struct gen g;
	uint64_t seed = 1;
	long long n;
	char *end;
	const char *now_s = NULL;
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
		else {
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
		return fail("mkdb", "out of memory") ? 1 : 1;
	g.batch[0]->sk = g.batch[1]->sk = g.sk;
	g.rng = seed * 0x9e3779b97f4a7c15ull + 1;
	if (sodium_init() < 0)
		return fail("libsodium", "cannot start") ? 1 : 1;
	if (now_s == NULL)
		now_s = getenv("MOTCUA_NOW");
	if (now_s != NULL) {
		if (date_parse_input_time(now_s, &g.now, &err) != 0)
			return fail("--now", err.msg) ? 1 : 1;
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
