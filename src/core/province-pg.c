/* province-pg.c — the province's PostgreSQL connection: the libpq module
 * opened on the first connection (province-int.h), the small helpers the
 * other province files run statements with, and the migrations
 * (schema-pg/, table schema_version). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/i18n.h"
#include "motcua/module.h"
#include "motcua/province.h"
#include "province-int.h"

static int
pg_module_complete(const void *table)
{
	const struct pg_module *m = table;

	return m->connect != NULL && m->finish != NULL && m->exec != NULL &&
	    m->script != NULL && m->prepare != NULL && m->run != NULL && m->rows != NULL &&
	    m->value != NULL && m->clear != NULL && m->copy_begin != NULL &&
	    m->copy_put != NULL && m->copy_end != NULL;
}

/* Loaded once per process, never unloaded, as the PDF module
 * (pdf-load.c says why a process-wide pointer). */
static const struct pg_module *pg_loaded;

int
province_open(const char *conninfo, struct province **out, struct mc_err *err)
{
	struct module_what what = {_("cannot reach the province database"),
	    _("the PostgreSQL module"), pg_module_complete};
	struct province *p;
	struct mc_err e2;

	*out = NULL;
	if (pg_loaded == NULL)
		pg_loaded = module_open(PG_MODULE_FILE, "MOTCUA_PG_MODULE", PG_MODULE_SYMBOL,
		    PG_MODULE_ABI, &what, err);
	if (pg_loaded == NULL)
		return -1;
	if ((p = calloc(1, sizeof *p)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	p->pg = pg_loaded;
	if ((p->c = p->pg->connect(conninfo, &e2)) == NULL) {
		free(p);
		return err_set(err, MC_EIO, _("cannot connect to the province database (%s): %s; "
		    "check --pg"), conninfo, e2.msg);
	}
	/* the messages this program reads stay PostgreSQL's English ones, the
	 * notices quiet; the times are the stations' own text, never
	 * converted */
	if (pv_do(p, "SET client_min_messages = warning", 0, NULL, err)) {
		province_close(p);
		return -1;
	}
	*out = p;
	return 0;
}

void
province_close(struct province *p)
{
	if (p == NULL)
		return;
	p->pg->finish(p->c);
	free(p);
}

struct pg_result *
pv_exec(struct province *p, const char *sql, int n, const char *const *values,
    struct mc_err *err)
{
	struct pg_result *r = p->pg->exec(p->c, sql, n, values, err);

	if (r == NULL) {
		char msg[sizeof err->msg];

		snprintf(msg, sizeof msg, "%s", err->msg);
		err_set(err, MC_EIO, _("the province database refused a statement: %s"), msg);
	}
	return r;
}

int
pv_do(struct province *p, const char *sql, int n, const char *const *values,
    struct mc_err *err)
{
	struct pg_result *r = pv_exec(p, sql, n, values, err);

	if (r == NULL)
		return -1;
	p->pg->clear(r);
	return 0;
}

long long
pv_int(struct province *p, const char *sql, int n, const char *const *values,
    long long dflt, struct mc_err *err)
{
	struct pg_result *r = pv_exec(p, sql, n, values, err);
	long long v = dflt;

	if (r == NULL)
		return dflt;
	if (p->pg->rows(r) > 0 && p->pg->value(r, 0, 0) != NULL)
		v = atoll(p->pg->value(r, 0, 0));
	p->pg->clear(r);
	return v;
}

static void
buf_put(struct pv_buf *b, const char *s, size_t n)
{
	if (b->nomem)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap > 0 ? b->cap : 4096;
		char *q;

		while (b->len + n + 1 > cap)
			cap *= 2;
		if ((q = realloc(b->p, cap)) == NULL) {
			b->nomem = 1;
			return;
		}
		b->p = q;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
pv_buf_field(struct pv_buf *b, const char *s, char sep)
{
	if (s == NULL) {
		buf_put(b, "\\N", 2);
	} else {
		const char *run = s;

		/* COPY's text format: these four escaped, the rest as is */
		for (; *s != '\0'; s++) {
			const char *esc = *s == '\\' ? "\\\\" : *s == '\t' ? "\\t" :
			    *s == '\n' ? "\\n" : *s == '\r' ? "\\r" : NULL;

			if (esc != NULL) {
				buf_put(b, run, (size_t)(s - run));
				buf_put(b, esc, 2);
				run = s + 1;
			}
		}
		buf_put(b, run, (size_t)(s - run));
	}
	buf_put(b, &sep, 1);
}

void
pv_buf_free(struct pv_buf *b)
{
	free(b->p);
	memset(b, 0, sizeof *b);
}

int
province_version(struct province *p, struct mc_err *err)
{
	long long n, v;

	/* no table yet: a database province_init never touched */
	n = pv_int(p, "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = "
	    "current_schema() AND tablename = 'schema_version'", 0, NULL, -1, err);
	if (n <= 0)
		return n < 0 ? -1 : 0;
	v = pv_int(p, "SELECT coalesce(max(version), 0) FROM schema_version", 0, NULL, -1,
	    err);
	return v < 0 ? -1 : (int)v;
}

int
province_init(struct province *p, int *applied, int *version, struct mc_err *err)
{
	int have;

	*applied = 0;
	err->msg[0] = '\0';
	if (pv_do(p, "BEGIN", 0, NULL, err))
		return -1;
	/* one initialiser at a time: a second waits, then finds it done */
	if (pv_do(p, "SELECT pg_advisory_xact_lock(1836016993)", 0, NULL, err) ||
	    pv_do(p, "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY "
	    "KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())", 0, NULL,
	    err))
		goto fail;
	if ((have = province_version(p, err)) < 0)
		goto fail;
	if (have > province_steps[province_nsteps - 1].version) {
		err_set(err, MC_ECONFLICT, _("the province database is at version %d, newer than "
		    "this motcua knows (%d): use a newer motcua"), have,
		    province_steps[province_nsteps - 1].version);
		goto fail;
	}
	for (int i = 0; i < province_nsteps; i++) {
		const struct schema_step *s = &province_steps[i];
		char v[16];
		const char *vals[2] = {v, s->name};

		if (s->version <= have)
			continue;
		snprintf(v, sizeof v, "%d", s->version);
		if (p->pg->script(p->c, s->sql, err) != 0) {
			char msg[sizeof err->msg];

			snprintf(msg, sizeof msg, "%s", err->msg);
			err_set(err, MC_EIO, _("the province database's step %s failed: %s"),
			    s->name, msg);
			goto fail;
		}
		if (pv_do(p, "INSERT INTO schema_version(version, name) VALUES ($1, $2)", 2,
		    vals, err))
			goto fail;
		(*applied)++;
		have = s->version;
	}
	if (pv_do(p, "COMMIT", 0, NULL, err))
		return -1;
	*version = have;
	return 0;
fail:
	{
		struct mc_err e2;

		(void)pv_do(p, "ROLLBACK", 0, NULL, &e2);
	}
	return -1;
}

int
province_ready(struct province *p, struct mc_err *err)
{
	int v;

	err->msg[0] = '\0';
	if ((v = province_version(p, err)) < 0)
		return -1;
	if (v < province_steps[province_nsteps - 1].version)
		return err_set(err, MC_ENOTFOUND, _("the province database is not set up (version "
		    "%d of %d): run 'motcua province init --pg ...' first"), v,
		    province_steps[province_nsteps - 1].version);
	return 0;
}
