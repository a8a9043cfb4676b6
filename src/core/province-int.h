/* province-int.h — what the province's core files share (province-pg.c,
 * province.c, province-report.c), and the boundary with motcua-pg.so,
 * the loadable module that holds every call to libpq.
 *
 * libpq pulls a dozen shared libraries (OpenSSL, Kerberos, LDAP …) that
 * a station never needs; the station program does not link it.  The
 * module is a thin table over libpq's own calls, opened with module_open
 * (module.h) on the first connection: $MOTCUA_PG_MODULE, beside the
 * program, then $(pkglibdir).  Internal: nothing outside these files and
 * the module includes it. */
#ifndef MOTCUA_PROVINCE_INT_H
#define MOTCUA_PROVINCE_INT_H

#include <stddef.h>

#include "motcua/error.h"
#include "schema.h"

/* Raised whenever struct pg_module or struct mc_err change. */
#define PG_MODULE_ABI 1
#define PG_MODULE_FILE "motcua-pg.so"
#define PG_MODULE_SYMBOL "motcua_pg_module"

/* libpq's connection and result, opaque on this side. */
struct pg_conn;
struct pg_result;

/* Each call fails with err set (MC_EIO, libpq's own words) and returns
 * NULL or -1. */
struct pg_module {
	int abi;	/* PG_MODULE_ABI */
	struct pg_conn *(*connect)(const char *conninfo, struct mc_err *err);
	void (*finish)(struct pg_conn *c);
	/* one statement with text parameters ($1 …; NULL values are NULL);
	 * a result whose command or query succeeded, else NULL */
	struct pg_result *(*exec)(struct pg_conn *c, const char *sql, int n,
	    const char *const *values, struct mc_err *err);
	/* several statements without parameters (a migration): 0 or -1 */
	int (*script)(struct pg_conn *c, const char *sql, struct mc_err *err);
	int (*prepare)(struct pg_conn *c, const char *name, const char *sql, int n,
	    struct mc_err *err);
	struct pg_result *(*run)(struct pg_conn *c, const char *name, int n,
	    const char *const *values, struct mc_err *err);
	int (*rows)(const struct pg_result *r);
	/* the text of row i, column j, or NULL for a NULL */
	const char *(*value)(const struct pg_result *r, int i, int j);
	void (*clear)(struct pg_result *r);
	/* COPY … FROM STDIN: begin (the statement), put text-format lines,
	 * end (the copy's outcome) */
	int (*copy_begin)(struct pg_conn *c, const char *sql, struct mc_err *err);
	int (*copy_put)(struct pg_conn *c, const char *data, size_t n, struct mc_err *err);
	int (*copy_end)(struct pg_conn *c, struct mc_err *err);
};

/* The province database: the module and a connection (province.h's
 * struct province is this). */
struct province {
	const struct pg_module *pg;
	struct pg_conn *c;
};

/* A statement's result, or NULL with err set (the module's call, with
 * the step it was for added). */
struct pg_result *pv_exec(struct province *p, const char *sql, int n,
    const char *const *values, struct mc_err *err);
/* A statement whose result is not needed: 0 or -1. */
int pv_do(struct province *p, const char *sql, int n, const char *const *values,
    struct mc_err *err);
/* The one value of a one-row query as a number (dflt: none, or an error:
 * err set then). */
long long pv_int(struct province *p, const char *sql, int n, const char *const *values,
    long long dflt, struct mc_err *err);

/* COPY's text format: s escaped (backslash, tab, newline, CR) and added
 * to the buffer, or \N for NULL; then the separator. */
struct pv_buf {
	char *p;
	size_t len, cap;
	int nomem;
};
void pv_buf_field(struct pv_buf *b, const char *s, char sep);
void pv_buf_free(struct pv_buf *b);

/* The PostgreSQL migrations (schema-pg/, generated province-sql.c). */
extern const struct schema_step province_steps[];
extern const int province_nsteps;

#endif
