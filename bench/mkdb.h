/* mkdb.h — the parts of bench/mkdb (a realistic database for `make
 * bench`): the seeded generator, the people and the procedures' mix
 * (mkdb-people.c). */
#ifndef MOTCUA_BENCH_MKDB_H
#define MOTCUA_BENCH_MKDB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

#endif
