/* schema.h — the compiled-in migration steps (generated schema-sql.c). */
#ifndef MOTCUA_SCHEMA_H
#define MOTCUA_SCHEMA_H

struct schema_step {
	int version;		/* the step brings the database to this version */
	const char *name;	/* file name, for messages */
	const char *sql;
};

extern const struct schema_step schema_steps[];
extern const int schema_nsteps;

#endif
