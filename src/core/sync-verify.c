/* sync-verify.c — an import's event signatures checked on a second core.
 *
 * An ed25519 verification costs about as much as everything else the
 * import does for an event (its hash, its rules, its rows and their
 * projection) put together.  The import gives each new event's check to
 * a worker thread here and goes on; the worker verifies them in order,
 * and the import asks for the answer before anything of the bundle can
 * stay (sync-import.c: before the commit, and on any refusal, so that the
 * first failing event in the bundle's order is the one named, as when
 * each was checked in turn).  The worker touches nothing but the checks
 * it is given: the database stays the import's thread's alone.  Without
 * a thread (pthread_create failing) each check runs at once, in the
 * caller. */
#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/key.h"
#include "sync-int.h"

#define RING 4096	/* checks waiting at most: ~1.3 MB */

struct sig_item {
	struct key_check c;
	bool prepared;		/* key_check_prepare succeeded */
	long long order;	/* the event's place in the bundle */
	long long seq;
	char origin[MC_UUID_LEN];
};

struct sync_sigs {
	pthread_mutex_t mu;
	pthread_cond_t more;
	pthread_t worker;
	bool threaded, closing;
	size_t head, count;	/* the ring: count items from head */
	struct sig_item ring[RING];
	/* the first failure in the bundle's order (order < 0: none yet) */
	long long bad_order, bad_seq;
	char bad_origin[MC_UUID_LEN];
};

/* A failed check kept if it comes before the one kept (the worker takes
 * them in order, but a caller may check one at once out of turn). */
static void
note_bad(struct sync_sigs *s, const struct sig_item *it)
{
	if (s->bad_order < 0 || it->order < s->bad_order) {
		s->bad_order = it->order;
		s->bad_seq = it->seq;
		snprintf(s->bad_origin, sizeof s->bad_origin, "%s", it->origin);
	}
}

static bool
item_ok(const struct sig_item *it)
{
	return it->prepared && key_check_run(&it->c);
}

static void *
work(void *arg)
{
	struct sync_sigs *s = arg;

	for (;;) {
		struct sig_item it;
		bool ok;

		pthread_mutex_lock(&s->mu);
		while (s->count == 0 && !s->closing)
			pthread_cond_wait(&s->more, &s->mu);
		if (s->count == 0) {
			pthread_mutex_unlock(&s->mu);
			return NULL;
		}
		it = s->ring[s->head];
		s->head = (s->head + 1) % RING;
		s->count--;
		pthread_mutex_unlock(&s->mu);
		ok = item_ok(&it);
		if (!ok) {
			pthread_mutex_lock(&s->mu);
			note_bad(s, &it);
			pthread_mutex_unlock(&s->mu);
		}
	}
}

struct sync_sigs *
sync_sigs_start(void)
{
	struct sync_sigs *s = calloc(1, sizeof *s);

	if (s == NULL)
		return NULL;
	s->bad_order = -1;
	/* libsodium's own set-up, before two threads may use it */
	if (sodium_init() < 0 || pthread_mutex_init(&s->mu, NULL) != 0) {
		free(s);
		return NULL;
	}
	if (pthread_cond_init(&s->more, NULL) != 0) {
		pthread_mutex_destroy(&s->mu);
		free(s);
		return NULL;
	}
	s->threaded = pthread_create(&s->worker, NULL, work, s) == 0;
	return s;
}

void
sync_sigs_add(struct sync_sigs *s, const char *pub, enum key_domain d, const char *text,
    const char *sig, const char *origin, long long seq, long long order)
{
	struct sig_item it;

	it.prepared = key_check_prepare(&it.c, pub, d, text, sig) == 0;
	it.order = order;
	it.seq = seq;
	snprintf(it.origin, sizeof it.origin, "%s", origin);
	if (!s->threaded) {
		if (!item_ok(&it))
			note_bad(s, &it);
		return;
	}
	pthread_mutex_lock(&s->mu);
	if (s->count == RING) {
		/* the worker is behind: this one is checked here, so that both
		 * cores verify while the import reads faster than one can */
		pthread_mutex_unlock(&s->mu);
		if (!item_ok(&it)) {
			pthread_mutex_lock(&s->mu);
			note_bad(s, &it);
			pthread_mutex_unlock(&s->mu);
		}
		return;
	}
	s->ring[(s->head + s->count) % RING] = it;
	s->count++;
	pthread_cond_signal(&s->more);
	pthread_mutex_unlock(&s->mu);
}

bool
sync_sigs_wait(struct sync_sigs *s, char origin[MC_UUID_LEN], long long *seq,
    long long *order)
{
	if (s->threaded) {
		pthread_mutex_lock(&s->mu);
		s->closing = true;
		pthread_cond_signal(&s->more);
		pthread_mutex_unlock(&s->mu);
		pthread_join(s->worker, NULL);
		s->threaded = false;	/* what is added after runs at once */
	}
	if (s->bad_order < 0)
		return true;
	snprintf(origin, MC_UUID_LEN, "%s", s->bad_origin);
	*seq = s->bad_seq;
	*order = s->bad_order;
	return false;
}

void
sync_sigs_free(struct sync_sigs *s)
{
	char origin[MC_UUID_LEN];
	long long seq, order;

	if (s == NULL)
		return;
	(void)sync_sigs_wait(s, origin, &seq, &order);
	pthread_cond_destroy(&s->more);
	pthread_mutex_destroy(&s->mu);
	free(s);
}
