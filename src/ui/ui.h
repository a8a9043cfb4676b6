/* ui.h — the full-screen front end (the only code that includes curses). */
#ifndef MOTCUA_UI_H
#define MOTCUA_UI_H

#include <sqlite3.h>

/* Run the program's screens on an open database until the officer quits.
 * A database without identity (just created) starts with the setup.
 * `db_path` locates the slips and templates folders.  `officer` may be
 * NULL (the officer on duty is then chosen at start).  Returns the
 * process exit status. */
int ui_run(sqlite3 *db, const char *db_path, const char *officer);

#endif
