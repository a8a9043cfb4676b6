/* mkdb.h — the parts of bench/mkdb (a realistic database for `make
 * bench`): the seeded generator, the people and the procedures' mix
 * (mkdb-people.c); the generator's state, the steps to come and the
 * dossiers' lives (mkdb-life.c); the writing (mkdb.c). */
#ifndef MOTCUA_BENCH_MKDB_H
#define MOTCUA_BENCH_MKDB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <pthread.h>
#include <sodium.h>
#include <sqlite3.h>

#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/dossier.h"
#include "motcua/event.h"
#include "motcua/key.h"
#include "motcua/logbook.h"
#include "motcua/unit.h"
#include "motcua/vocab.h"

/* The next number of the generator whose state is *s (never 0). */
uint64_t mkdb_rnd(uint64_t *s);
/* A number 0 .. n-1. */
unsigned mkdb_below(uint64_t *s, unsigned n);

struct mkdb_person {
	char name[128], id[16], phone[16], address[160], birth[16];
};

/* A citizen: name, ID number, phone ("" for none), address, birth date. */
void mkdb_person(struct mkdb_person *p, uint64_t *s);

struct mkdb_mix {
	const char *code;
	int weight;		/* receipts per ten thousand */
};

extern const struct mkdb_mix mkdb_mix[];
extern const size_t mkdb_nmix;

/* ---- mkdb.c and mkdb-life.c ---------------------------------------- */

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
	long long catalog;	/* --catalog N: procedures wanted, 0 for the sample's */
	const char *unit_code, *unit_name;	/* --unit */
	int station;				/* --station */
};

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

/* Say what failed; -1. */
int mkdb_fail(const char *what, const char *msg);

/* mkdb-catalog.c: the catalog grown to `want` procedures by copying the
 * ones it has (mkdb --catalog N); 0, or -1 said. */
int mkdb_catalog_grow(sqlite3 *db, long long want);

/* The steps to come, earliest first (ties: in the order made). */
int mkdb_heap_push(struct heap *h, const struct pend *p);
struct pend mkdb_heap_pop(struct heap *h);

/* A moment of the office day (07:35..11:15 or 13:35..16:45). */
int mkdb_office_min(uint64_t *s);

/* What became of the dossier received at rt, up to now: its steps into
 * g's heap, the row as they leave it. */
int mkdb_life(struct gen *g, struct row *r, const struct mc_time *rt);

#endif
