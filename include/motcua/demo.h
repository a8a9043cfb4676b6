/* demo.h — a demonstration database, so every screen has something to show.
 *
 * The demo unit has the sample catalog, an officer ("demo", password
 * "demo1234"), a supervisor ("truong", "truong1234") and about 200
 * dossiers received over the last months, made with a fixed seed so two
 * demo databases made on the same day are alike. */
#ifndef MOTCUA_DEMO_H
#define MOTCUA_DEMO_H

#include <stdbool.h>
#include <sqlite3.h>

#include "motcua/error.h"

/* The sample catalog shipped with the program (data/catalog-sample.json,
 * compiled in so a fresh build runs without installing). */
extern const char catalog_sample_json[];

/* Open the demo database at path, creating and filling it the first time. */
int demo_open(const char *path, sqlite3 **db, struct mc_err *err);

/* Is this the demo database (its unit code, and its active officer
 * "demo")?  Only there does --demo start logged in without a password. */
bool demo_is(sqlite3 *db);

/* Fill an initialised database with n dossiers received by `officer`
 * over the `days` days before today (office hours of working days). */
int demo_fill(sqlite3 *db, const char *officer, int n, int days, struct mc_err *err);

#endif
