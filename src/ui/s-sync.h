/* s-sync.h — F7 sync by file: the removable media it offers
 * (s-sync-media.c) and the screen (s-sync.c). */
#ifndef MOTCUA_S_SYNC_H
#define MOTCUA_S_SYNC_H

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
void media_free(char **v, size_t n);

#endif
