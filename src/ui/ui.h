/* ui.h — the full-screen front end (the only code that includes curses). */
#ifndef MOTCUA_UI_H
#define MOTCUA_UI_H

#include <stdbool.h>
#include <sqlite3.h>

/* Run the program's screens on an open database until the officer quits.
 * A database without identity (just created) starts with the setup.
 * `db_path` locates the slips and templates folders.  The program starts
 * at the login, where `officer` (may be NULL) is the first choice; it
 * must be an active officer.  With `logged_in` (the demo's own officer on
 * the demo database) `officer` starts at the main screen without a
 * password.  Returns the process exit status. */
int ui_run(sqlite3 *db, const char *db_path, const char *officer, bool logged_in);

#endif
