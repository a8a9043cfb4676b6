/* ui-media.h — the removable media (USB sticks) mounted now and the files
 * at their top (ui-media.c): F7 lists the media and their bundles, F9's
 * file chooser and the first start's catalog step the files to import. */
#ifndef MOTCUA_UI_MEDIA_H
#define MOTCUA_UI_MEDIA_H

#include <stdbool.h>
#include <stddef.h>

#define MEDIA_MAX 32
#define BUNDLES_MAX 256

struct medium {
	char path[512];
	int bundles;		/* *.motcua files at its top */
};

/* The folders searched, colon-separated: MOTCUA_MEDIA if set (from_env),
 * else "/media:/run/media". */
const char *media_roots(bool *from_env);
/* The media mounted now, sorted by path: a folder one level down the
 * roots (/media/LABEL) or two (/media/USER/LABEL).  Returns how many. */
size_t media_scan(struct medium *m, size_t max);
/* A bundle's name: "*.motcua", not a dot file. */
bool media_is_bundle(const char *name);
/* The bundles at the top of folder dir, sorted by name, malloc'd paths
 * in v (at most max); returns how many.  media_free frees them. */
size_t media_bundles(const char *dir, char **v, size_t max);
/* Whether the file at path looks like a procedure catalog (a guess to
 * list it; the import itself checks the whole file). */
bool media_is_catalog(const char *path);
/* The catalog files at the top of every medium mounted now, sorted by
 * path, malloc'd in v (at most max); returns how many. */
size_t media_catalogs(char **v, size_t max);
void media_free(char **v, size_t n);

#endif
