/* ui-media.c — where motcua looks for USB sticks and the files on them:
 * the bundles F7 imports, the catalog files the first start imports.
 *
 * A folder one level down a root is a medium when it is a mount point
 * (another device than its parent, /media/LABEL); otherwise the mount
 * points among its own folders are (/media/USER/LABEL, /run/media/USER/
 * LABEL).  The folders named by MOTCUA_MEDIA are searched the same way but
 * their folders count as media mounted or not, so that tests and odd
 * set-ups can use plain folders: one level down when it holds no folder,
 * else two. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ui-media.h"

bool
media_is_bundle(const char *name)
{
	size_t n = strlen(name);

	/* dot files: the core's temporary names, editors' leftovers */
	return name[0] != '.' && n > 7 && strcmp(name + n - 7, ".motcua") == 0;
}

/* Calls fn for every folder (dirs) or regular file of dir, dot names left
 * out; stops when fn returns false. */
static void
each_entry(const char *dir, bool dirs, bool (*fn)(const char *, const struct stat *, void *),
    void *arg)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (d == NULL)
		return;		/* gone, or another user's: not ours */
	while ((e = readdir(d)) != NULL) {
		char p[512];
		struct stat st;

		if (e->d_name[0] == '.' || (size_t)snprintf(p, sizeof p, "%s/%s", dir,
		    e->d_name) >= sizeof p || stat(p, &st) != 0)
			continue;
		if ((dirs ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode)) && !fn(p, &st, arg))
			break;
	}
	closedir(d);
}

static bool
count_one(const char *p, const struct stat *st, void *arg)
{
	(void)st;
	if (media_is_bundle(strrchr(p, '/') + 1))
		(*(int *)arg)++;
	return true;
}

struct walk {
	struct medium *m;
	size_t max, n;
	dev_t parent;
	bool any;		/* MOTCUA_MEDIA: mounted or not */
	bool found;		/* has_dir: a folder was seen */
};

static void
add(struct walk *w, const char *p)
{
	if (w->n >= w->max)
		return;
	snprintf(w->m[w->n].path, sizeof w->m[0].path, "%s", p);
	w->m[w->n].bundles = 0;
	each_entry(p, false, count_one, &w->m[w->n].bundles);
	w->n++;
}

static bool
has_dir(const char *p, const struct stat *st, void *arg)
{
	(void)p;
	(void)st;
	((struct walk *)arg)->found = true;
	return false;
}

static bool
level2(const char *p, const struct stat *st, void *arg)
{
	struct walk *w = arg;

	if (w->any || st->st_dev != w->parent)
		add(w, p);
	return true;
}

static bool
level1(const char *p, const struct stat *st, void *arg)
{
	struct walk *w = arg;
	dev_t parent = w->parent;

	w->found = false;
	if (w->any)
		each_entry(p, true, has_dir, w);
	if (st->st_dev != parent || (w->any && !w->found)) {
		add(w, p);
		return true;
	}
	w->parent = st->st_dev;
	each_entry(p, true, level2, w);
	w->parent = parent;
	return true;
}

const char *
media_roots(bool *from_env)
{
	const char *env = getenv("MOTCUA_MEDIA");

	*from_env = env != NULL && env[0] != '\0';
	return *from_env ? env : "/media:/run/media";
}

static int
by_path(const void *a, const void *b)
{
	return strcmp(((const struct medium *)a)->path, ((const struct medium *)b)->path);
}

size_t
media_scan(struct medium *m, size_t max)
{
	char roots[1024];
	struct walk w = { m, max, 0, 0, false, false };
	struct stat st;

	snprintf(roots, sizeof roots, "%s", media_roots(&w.any));
	for (char *save = NULL, *r = strtok_r(roots, ":", &save); r != NULL;
	    r = strtok_r(NULL, ":", &save)) {
		if (stat(r, &st) != 0 || !S_ISDIR(st.st_mode))
			continue;
		w.parent = st.st_dev;
		each_entry(r, true, level1, &w);
	}
	qsort(m, w.n, sizeof *m, by_path);
	return w.n;
}

struct list {
	char **v;
	size_t n, max;
	bool (*want)(const char *path);
};

static bool
add_file(const char *p, const struct stat *st, void *arg)
{
	struct list *l = arg;

	(void)st;
	if (!l->want(p))
		return true;
	if (l->n >= l->max)
		return false;
	if ((l->v[l->n] = strdup(p)) != NULL)
		l->n++;
	return true;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
is_bundle_path(const char *path)
{
	return media_is_bundle(strrchr(path, '/') + 1);
}

size_t
media_bundles(const char *dir, char **v, size_t max)
{
	struct list l = { v, 0, max, is_bundle_path };

	each_entry(dir, false, add_file, &l);
	qsort(v, l.n, sizeof *v, by_name);
	return l.n;
}

/* How a catalog is recognised without reading it all: a name ending in
 * ".json" (any case: sticks are often FAT) that either starts like the
 * names provinces give it (catalog…, danhmuc…, danh-muc…, danh_muc…), or
 * whose first 4 KiB hold the format's name "motcua-catalog" (its first
 * key in every file motcua writes, near the top in any other).  A file
 * named like a catalog but broken is listed on purpose: its import then
 * says what is wrong with it, instead of the file being silently left
 * out.  The import (core) checks the whole file either way. */
bool
media_is_catalog(const char *path)
{
	static const char *const prefix[] = { "catalog", "danhmuc", "danh-muc", "danh_muc" };
	const char *name = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;
	size_t n = strlen(name), got;
	char head[4097];
	FILE *f;

	if (name[0] == '.' || n <= 5 || strcasecmp(name + n - 5, ".json") != 0)
		return false;
	for (size_t i = 0; i < sizeof prefix / sizeof prefix[0]; i++)
		if (strncasecmp(name, prefix[i], strlen(prefix[i])) == 0)
			return true;
	if ((f = fopen(path, "rb")) == NULL)
		return false;	/* unreadable: nothing to import from it */
	got = fread(head, 1, sizeof head - 1, f);
	(void)fclose(f);	/* read only: a failed close loses nothing */
	head[got] = '\0';
	/* NUL bytes end the search early: such a file is no catalog anyway */
	return strstr(head, "\"motcua-catalog\"") != NULL;
}

size_t
media_catalogs(char **v, size_t max)
{
	struct medium m[MEDIA_MAX];
	size_t nm = media_scan(m, MEDIA_MAX);
	struct list l = { v, 0, max, media_is_catalog };

	for (size_t i = 0; i < nm && l.n < max; i++)
		each_entry(m[i].path, false, add_file, &l);
	qsort(v, l.n, sizeof *v, by_name);
	return l.n;
}

void
media_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
}
