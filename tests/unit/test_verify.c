/* test_verify.c — an import's signatures checked on a second core
 * (sync-verify.c): key_check_prepare and key_check_run say what
 * key_verify says; every check given is answered, more than the worker's
 * queue holds included (the caller then checks some itself); the first
 * forged event in the bundle's order is the one named, whichever thread
 * found it and in whatever order; a wait again says the same, and a
 * check given after the wait runs at once. */
#include "config.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/key.h"
#include "sync-int.h"
#include "tap.h"

#define ORIGIN "0f0e0d0c-0b0a-4908-8706-050403020100"

static void
bail(const char *what, const char *why)
{
	printf("Bail out! %s: %s\n", what, why);
	exit(1);
}

static unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
static char pub[MC_KEY_HEX];

/* The text an event's signature is made over, for event i. */
static void
event_text(long long i, char out[MC_HASH_LEN])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char in[32];

	snprintf(in, sizeof in, "event %lld", i);
	crypto_hash_sha256(h, (const unsigned char *)in, strlen(in));
	sodium_bin2hex(out, MC_HASH_LEN, h, sizeof h);
}

/* Event i's signature, as key.c makes one (bent: one bit of it changed). */
static void
event_sig(long long i, bool bent, char out[MC_SIG_HEX])
{
	char text[MC_HASH_LEN], msg[128];
	unsigned char s[crypto_sign_BYTES];

	event_text(i, text);
	snprintf(msg, sizeof msg, "motcua-event-sig-1\n%s", text);
	crypto_sign_detached(s, NULL, (const unsigned char *)msg, strlen(msg), sk);
	if (bent)
		s[i % sizeof s] ^= 0x10;
	sodium_bin2hex(out, MC_SIG_HEX, s, sizeof s);
}

static void
test_halves(void)
{
	char text[MC_HASH_LEN], sig[MC_SIG_HEX], bent[MC_SIG_HEX];
	struct key_check c;

	event_text(1, text);
	event_sig(1, false, sig);
	event_sig(1, true, bent);
	ok(key_verify(pub, KEY_EVENT, text, sig), "key_verify takes the test's signature");
	ok(key_check_prepare(&c, pub, KEY_EVENT, text, sig) == 0 && key_check_run(&c),
	    "prepared and run, the same signature holds");
	ok(key_check_prepare(&c, pub, KEY_EVENT, text, bent) == 0 && !key_check_run(&c),
	    "a changed bit fails");
	ok(key_check_prepare(&c, pub, KEY_BUNDLE, text, sig) == 0 && !key_check_run(&c),
	    "an event's signature is no bundle's");
	ok(key_check_prepare(&c, "zz", KEY_EVENT, text, sig) != 0 && !key_check_run(&c),
	    "a malformed key: refused, and the check fails");
	ok(key_check_prepare(&c, pub, KEY_EVENT, text, "12") != 0 && !key_check_run(&c),
	    "a cut signature: refused, and the check fails");
	ok(key_check_prepare(&c, pub, KEY_EVENT, NULL, sig) != 0 &&
	    key_check_prepare(&c, NULL, KEY_EVENT, text, sig) != 0, "no text or no key: refused");
}

/* n checks, those whose order is in bad[] forged; the wait's answer. */
static bool
run(long long n, const long long *bad, size_t nbad, long long *seq, long long *order,
    char origin[MC_UUID_LEN])
{
	struct sync_sigs *s = sync_sigs_start();
	bool held;

	if (s == NULL)
		bail("sync_sigs_start", "out of memory");
	for (long long i = 0; i < n; i++) {
		char text[MC_HASH_LEN], sig[MC_SIG_HEX];
		bool bent = false;

		for (size_t k = 0; k < nbad; k++)
			bent = bent || bad[k] == i;
		event_text(i, text);
		event_sig(i, bent, sig);
		sync_sigs_add(s, pub, KEY_EVENT, text, sig, ORIGIN, i + 1, i);
	}
	held = sync_sigs_wait(s, origin, seq, order);
	sync_sigs_free(s);
	return held;
}

static void
test_many(void)
{
	static const long long two[] = {5200, 4500};
	char origin[MC_UUID_LEN] = "";
	long long seq = -1, order = -1;

	/* 6,000 checks: more than the worker's 4,096 waiting */
	ok(run(6000, NULL, 0, &seq, &order, origin), "6,000 good signatures all hold");
	ok(!run(6000, two, 2, &seq, &order, origin), "two forged among 6,000: refused");
	is_int(order, 4500, "the first forged in the bundle's order is named");
	is_int(seq, 4501, "with its number");
	is_str(origin, ORIGIN, "and its station");
	ok(!run(3, (const long long[]){0}, 1, &seq, &order, origin) && order == 0,
	    "a forged first event of three is named");
}

static void
test_order(void)
{
	struct sync_sigs *s = sync_sigs_start();
	char text[MC_HASH_LEN], sig[MC_SIG_HEX], origin[MC_UUID_LEN];
	long long seq, order;

	if (s == NULL)
		bail("sync_sigs_start", "out of memory");
	/* given out of order: the earlier in the bundle wins */
	event_text(100, text);
	event_sig(100, true, sig);
	sync_sigs_add(s, pub, KEY_EVENT, text, sig, ORIGIN, 101, 100);
	event_text(50, text);
	event_sig(50, true, sig);
	sync_sigs_add(s, pub, KEY_EVENT, text, sig, ORIGIN, 51, 50);
	ok(!sync_sigs_wait(s, origin, &seq, &order) && order == 50 && seq == 51,
	    "given out of order, the earlier forged event is named");
	ok(!sync_sigs_wait(s, origin, &seq, &order) && order == 50,
	    "a second wait says the same");
	/* after the wait, a check runs at once in the caller */
	event_text(10, text);
	event_sig(10, true, sig);
	sync_sigs_add(s, pub, KEY_EVENT, text, sig, ORIGIN, 11, 10);
	ok(!sync_sigs_wait(s, origin, &seq, &order) && order == 10,
	    "a check given after the wait is answered at once");
	sync_sigs_free(s);
	sync_sigs_free(NULL);
	ok(1, "freeing no worker is harmless");
}

int
main(void)
{
	if (sodium_init() < 0)
		bail("sodium_init", "failed");
	crypto_sign_keypair(pk, sk);
	sodium_bin2hex(pub, sizeof pub, pk, sizeof pk);
	test_halves();
	test_many();
	test_order();
	return tap_done();
}
