/* demo.h — a demonstration database, so every screen has something to show.
 *
 * The demo unit has the sample catalog, an officer ("demo", password
 * "demo1234"), a supervisor ("truong", "truong1234") and a year of a
 * commune's dossiers up to now, each with the steps it went through, made
 * with a fixed seed so two demo databases made at the same time are
 * alike. */
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
 * over the `days` days before today and today up to now (office hours of
 * working days), weighted as a commune sees its procedures, with what
 * became of each (result and return with a rating, a few late with an
 * apology, refused, withdrawn, stopped, handed to the deciding body) and
 * a few supplement requests besides.  No step is dated after now. */
int demo_fill(sqlite3 *db, const char *officer, int n, int days, struct mc_err *err);

#endif
