/* mkdb-life.c — what became of each dossier of bench/mkdb, as at a real
 * counter: the steps after the receipt with their times (office hours of
 * working days, never after now), kept in a heap until their time comes,
 * and the dossier row as the projection (dossier-project.c) leaves it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/vocab.h"
#include "mkdb.h"

int
mkdb_fail(const char *what, const char *msg)
{
	fprintf(stderr, "mkdb: %s: %s\n", what, msg);
	return -1;
}

/* ---- the heap of steps to come ------------------------------------- */

static bool
pend_before(const struct pend *a, const struct pend *b)
{
	int c = date_cmp(&a->at, &b->at);

	return c < 0 || (c == 0 && a->ord < b->ord);
}

int
mkdb_heap_push(struct heap *h, const struct pend *p)
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

struct pend
mkdb_heap_pop(struct heap *h)
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

/* ---- a dossier's life ------------------------------------------------ */


static const char specialist[] = "Lê Thị Hoa";

int
mkdb_office_min(uint64_t *s)
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
	if ((p.body = strdup(body)) == NULL || mkdb_heap_push(&g->heap, &p) != 0) {
		free(p.body);
		return mkdb_fail("a step", "out of memory");
	}
	return 0;
}

int
mkdb_life(struct gen *g, struct row *r, const struct mc_time *rt)
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
		t.min = mkdb_office_min(s);
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
		ret.min = mkdb_office_min(s);
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
