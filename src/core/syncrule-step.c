/* syncrule-step.c — an imported step checked against its dossier's
 * status at its time (syncrule.h's (d)): the dossier's events held here
 * and in the bundle in projection order, replayed as dossier_project
 * applies them, and lifecycle_allowed. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/lifecycle.h"
#include "syncrule-int.h"

#define refuse syncrule_refuse

/* Held here and in the bundle? */
static int
in_bundle(const struct syncrule_ctx *c, const char *origin, long long seq)
{
	int rc;

	sqlite3_reset(c->in_bundle);
	sqlite3_bind_text(c->in_bundle, 1, origin, -1, SQLITE_STATIC);
	sqlite3_bind_int64(c->in_bundle, 2, seq);
	rc = sqlite3_step(c->in_bundle);
	sqlite3_reset(c->in_bundle);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* The dossier's events known here and in the bundle, in projection order,
 * without the same event twice.  With a bundle its new events are in db
 * already (syncrule_base): one indexed read; without, the events checked
 * before (c->added) join those held. */
static int
timeline(sqlite3 *db, const struct syncrule_ctx *c, const char *dossier,
    struct dev **out, size_t *n, struct mc_err *err)
{
	struct dev *t = NULL;
	size_t cap = 0, m = 0;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if (db_cached(db, "SELECT origin, seq, at, kind, rowid FROM event WHERE dossier = ?1",
	    &st, err))
		return -1;
	sqlite3_bind_text(st, 1, dossier, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *origin = (const char *)sqlite3_column_text(st, 0);
		long long seq = sqlite3_column_int64(st, 1);
		int b = 0;

		if (syncrule_grow((void **)&t, &cap, m, sizeof *t))
			goto nomem;
		/* held before the import, unless the bundle brings it too */
		if (c->bundle != NULL && sqlite3_column_int64(st, 4) <= c->base &&
		    (b = in_bundle(c, origin, seq)) < 0) {
			db_release(db, st);
			free(t);
			return err_set(err, MC_EINVAL, _("%s was not imported: %s; nothing was "
			    "changed"), c->path, _("its events cannot be read"));
		}
		syncrule_dev_set(&t[m], dossier, origin, seq,
		    (const char *)sqlite3_column_text(st, 2),
		    (const char *)sqlite3_column_text(st, 3));
		t[m++].held = c->bundle == NULL || (sqlite3_column_int64(st, 4) <= c->base && !b);
	}
	db_release(db, st);
	st = NULL;
	if (rc != SQLITE_DONE) {
		free(t);
		return db_fail(db, err, _("reading the event log"));
	}
	for (size_t i = 0; i < c->nadded; i++)
		if (strcmp(c->added[i].dossier, dossier) == 0) {
			if (syncrule_grow((void **)&t, &cap, m, sizeof *t))
				goto nomem;
			t[m++] = c->added[i];
		}
	if (m > 0)
		qsort(t, m, sizeof *t, syncrule_dev_cmp);
	/* the same event, held and checked before: once */
	for (size_t i = 0; i < m; i++)
		if (*n == 0 || strcmp(t[*n - 1].origin, t[i].origin) != 0 ||
		    t[*n - 1].seq != t[i].seq || strcmp(t[*n - 1].at, t[i].at) != 0)
			t[(*n)++] = t[i];
		else
			t[*n - 1].held = t[*n - 1].held && t[i].held;
	*out = t;
	return 0;
nomem:
	db_release(db, st);
	free(t);
	return err_set(err, MC_ENOMEM, _("out of memory"));
}

/* Is the event (origin, seq) one of these? */
bool
syncrule_same_event(const struct dev *d, const struct mc_event *e)
{
	return d->seq == e->seq && strcmp(d->origin, e->origin) == 0;
}

/* The dossier's status after t[0 .. upto), as dossier_project applies
 * them; NULL before its receipt.  Of the other stations than `own`, only
 * the events before t[known] count (what `own` may have held then); the
 * receipt and own's steps always count. */
static const char *
replay(const struct dev *t, size_t upto, const char *own, size_t known)
{
	const char *status = NULL, *paused_from = NULL;

	for (size_t i = 0; i < upto; i++) {
		const struct mc_kind *k = vocab_kind_named(t[i].kind);

		if (k == NULL || (status == NULL && k->id != MC_KIND_RECEIVE) ||
		    (i >= known && k->id != MC_KIND_RECEIVE && strcmp(t[i].origin, own) != 0))
			continue;
		if (k->id == MC_KIND_RECEIVE) {
			status = k->to;
		} else if (k->back) {
			status = paused_from != NULL ? paused_from :
			    vocab_kind(MC_KIND_RECEIVE)->to;
			paused_from = NULL;
		} else if (k->to != NULL) {
			if (k->id == MC_KIND_PAUSE)
				paused_from = status;
			status = k->to;
		}
	}
	return status;
}

/* May the step t[at] follow the events before it?  Its station recorded
 * it from its own view: all its own steps, and the other stations' up to
 * some moment (what it had imported by then).  Two stations working on
 * one dossier at once each record what their view allows, and neither's
 * bundle may be refused for it for ever; so the step is allowed when some
 * such view allows it.  A resume never paused, a return of a result
 * never recorded, a step after its own station closed the dossier are
 * allowed by none.  *status gets the status of the full view (NULL: no
 * receipt before it). */
static bool
step_fits(const struct dev *t, size_t at, const struct mc_kind *k, const char **status)
{
	*status = replay(t, at, t[at].origin, at);
	if (*status != NULL && lifecycle_allowed(*status, k))
		return true;
	for (size_t known = at; known-- > 0;) {
		const char *v = replay(t, at, t[at].origin, known);

		if (v != NULL && lifecycle_allowed(v, k))
			return true;
	}
	return false;
}

int
syncrule_check_step(sqlite3 *db, const struct syncrule_ctx *c, const struct mc_event *e,
    const struct mc_kind *k, struct mc_err *err)
{
	struct dev *t, me;
	size_t n, at = 0, first = (size_t)-1;
	const char *status;
	char who[16];
	int r = 0;

	if (timeline(db, c, e->dossier, &t, &n, err))
		return -1;
	/* the event itself in its place (given without the bundle read) */
	syncrule_dev_set(&me, e->dossier, e->origin, e->seq, e->at, e->kind);
	while (at < n && !syncrule_same_event(&t[at], e))
		at++;
	if (at == n) {
		struct dev *u = realloc(t, (n + 1) * sizeof *t);

		if (u == NULL) {
			free(t);
			return err_set(err, MC_ENOMEM, _("out of memory"));
		}
		t = u;
		t[n++] = me;
		qsort(t, n, sizeof *t, syncrule_dev_cmp);
		for (at = 0; !syncrule_same_event(&t[at], e); at++)
			;
	}
	for (size_t i = 0; i < n && first == (size_t)-1; i++)
		if (i != at && (strcmp(t[i].kind, "receive") == 0 ||
		    strcmp(t[i].kind, "guide") == 0))
			first = i;
	if (k->id == MC_KIND_RECEIVE || k->id == MC_KIND_GUIDE) {
		/* a receipt or a guidance is a dossier's first and only one */
		if (first != (size_t)-1 || at > 0)
			r = refuse(db, c, e, err, _("the dossier already has events before it"));
		/* and the steps held without it (let in while a chain had a gap)
		 * must follow from it, now that nothing is missing */
		for (size_t j = at + 1; r == 0 && !c->gap && j < n; j++) {
			const struct mc_kind *kj = vocab_kind_named(t[j].kind);

			/* (the bundle's are checked in their turn) */
			if (!t[j].held || kj == NULL || kj->action == NULL ||
			    step_fits(t, j, kj, &status))
				continue;
			syncrule_station_name(db, c, t[j].origin, who, sizeof who);
			/* TRANSLATORS: the step ("resume"), its number and station, the
			 * status ("received") */
			r = refuse(db, c, e, err, _("after it, the step '%s' (event %lld of "
			    "station %s) does not apply to a dossier that is %s"), kj->name,
			    t[j].seq, who, status != NULL ? vocab_status_label(status) : "?");
		}
	} else if (first == (size_t)-1 && c->gap) {
		/* its receipt is not here yet (a gap in a chain): checked when it
		 * comes, with the steps that follow it */
		r = 0;
	} else if (first == (size_t)-1) {
		r = refuse(db, c, e, err, _("its dossier's receipt is neither held here nor "
		    "in the file"));
	} else if (first > at) {
		r = refuse(db, c, e, err, _("its time %s is before the dossier's receipt "
		    "(%s)"), e->at, t[first].at);
	} else if (!step_fits(t, at, k, &status) && !c->gap) {
		/* (while a chain has a gap, the step may follow from the events
		 * missing: it is let in, as its chain's link to them will be
		 * checked when they come) */
		/* TRANSLATORS: the step ("resume"), the status ("received") */
		r = refuse(db, c, e, err, _("the step '%s' does not apply to a dossier that "
		    "is %s"), k->name, status != NULL ? vocab_status_label(status) : "?");
	}
	free(t);
	return r;
}

