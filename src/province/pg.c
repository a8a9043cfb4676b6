/* pg.c — motcua-pg.so: the one file that calls libpq (province-int.h's
 * struct pg_module).  Each function is libpq's own, with its outcome
 * turned into an mc_err; the province's logic is in the core
 * (province*.c). */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "province-int.h"

/* libpq's message on one line: its newlines and tabs (a hint on a line
 * of its own) become spaces, the trailing ones go */
static void
fail(struct mc_err *err, const char *msg)
{
	char one[sizeof err->msg];
	size_t n = 0;

	for (const char *p = msg; *p != '\0' && n + 1 < sizeof one; p++) {
		bool space = *p == '\n' || *p == '\t' || *p == ' ';

		if (space && (n == 0 || one[n - 1] == ' '))
			continue;
		one[n++] = space ? ' ' : *p;
	}
	while (n > 0 && one[n - 1] == ' ')
		n--;
	one[n] = '\0';
	err_set(err, MC_EIO, "%s", one);
}

static struct pg_conn *
pg_connect(const char *conninfo, struct mc_err *err)
{
	PGconn *c = PQconnectdb(conninfo);

	if (c == NULL) {
		err_set(err, MC_ENOMEM, "out of memory");
		return NULL;
	}
	if (PQstatus(c) != CONNECTION_OK) {
		fail(err, PQerrorMessage(c));
		PQfinish(c);
		return NULL;
	}
	return (struct pg_conn *)c;
}

static void
pg_finish(struct pg_conn *c)
{
	PQfinish((PGconn *)c);
}

/* r's outcome: r itself when it succeeded, else NULL (r cleared) */
static struct pg_result *
outcome(PGconn *c, PGresult *r, struct mc_err *err)
{
	ExecStatusType s = r != NULL ? PQresultStatus(r) : PGRES_FATAL_ERROR;

	if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK)
		return (struct pg_result *)r;
	fail(err, r != NULL ? PQresultErrorMessage(r) : PQerrorMessage(c));
	PQclear(r);
	return NULL;
}

static struct pg_result *
pg_exec(struct pg_conn *c, const char *sql, int n, const char *const *values,
    struct mc_err *err)
{
	return outcome((PGconn *)c, PQexecParams((PGconn *)c, sql, n, NULL, values, NULL,
	    NULL, 0), err);
}

static int
pg_script(struct pg_conn *c, const char *sql, struct mc_err *err)
{
	struct pg_result *r = outcome((PGconn *)c, PQexec((PGconn *)c, sql), err);

	PQclear((PGresult *)r);
	return r != NULL ? 0 : -1;
}

static int
pg_prepare(struct pg_conn *c, const char *name, const char *sql, int n, struct mc_err *err)
{
	struct pg_result *r = outcome((PGconn *)c, PQprepare((PGconn *)c, name, sql, n, NULL),
	    err);

	PQclear((PGresult *)r);
	return r != NULL ? 0 : -1;
}

static struct pg_result *
pg_run(struct pg_conn *c, const char *name, int n, const char *const *values,
    struct mc_err *err)
{
	return outcome((PGconn *)c, PQexecPrepared((PGconn *)c, name, n, values, NULL, NULL,
	    0), err);
}

static int
pg_rows(const struct pg_result *r)
{
	return PQntuples((const PGresult *)r);
}

static const char *
pg_value(const struct pg_result *r, int i, int j)
{
	if (PQgetisnull((const PGresult *)r, i, j))
		return NULL;
	return PQgetvalue((const PGresult *)r, i, j);
}

static void
pg_clear(struct pg_result *r)
{
	PQclear((PGresult *)r);
}

static int
pg_copy_begin(struct pg_conn *c, const char *sql, struct mc_err *err)
{
	PGresult *r = PQexec((PGconn *)c, sql);
	int ok = r != NULL && PQresultStatus(r) == PGRES_COPY_IN;

	if (!ok)
		fail(err, r != NULL ? PQresultErrorMessage(r) : PQerrorMessage((PGconn *)c));
	PQclear(r);
	return ok ? 0 : -1;
}

static int
pg_copy_put(struct pg_conn *c, const char *data, size_t n, struct mc_err *err)
{
	/* PQputCopyData takes an int: large buffers go in pieces */
	while (n > 0) {
		int k = n > (1u << 30) ? 1 << 30 : (int)n;

		if (PQputCopyData((PGconn *)c, data, k) != 1) {
			fail(err, PQerrorMessage((PGconn *)c));
			return -1;
		}
		data += k;
		n -= (size_t)k;
	}
	return 0;
}

static int
pg_copy_end(struct pg_conn *c, struct mc_err *err)
{
	PGresult *r;
	int rc = 0;

	if (PQputCopyEnd((PGconn *)c, NULL) != 1) {
		fail(err, PQerrorMessage((PGconn *)c));
		rc = -1;
	}
	/* the copy's own result, then the end of results */
	while ((r = PQgetResult((PGconn *)c)) != NULL) {
		if (PQresultStatus(r) != PGRES_COMMAND_OK && rc == 0) {
			fail(err, PQresultErrorMessage(r));
			rc = -1;
		}
		PQclear(r);
	}
	return rc;
}

/* the one symbol the module exports (built with hidden visibility) */
__attribute__((visibility("default"))) extern const struct pg_module motcua_pg_module;
const struct pg_module motcua_pg_module = {
	.abi = PG_MODULE_ABI,
	.connect = pg_connect,
	.finish = pg_finish,
	.exec = pg_exec,
	.script = pg_script,
	.prepare = pg_prepare,
	.run = pg_run,
	.rows = pg_rows,
	.value = pg_value,
	.clear = pg_clear,
	.copy_begin = pg_copy_begin,
	.copy_put = pg_copy_put,
	.copy_end = pg_copy_end,
};
