/* catalog-search.c — finding procedures in the store: every word of a
 * search, folded (no diacritics, no case), must occur in the code, the name
 * or the field.  For the picker's keystroke-fast filter see catalog-index.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "catalog-int.h"
#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/vntext.h"

int
catalog_search(sqlite3 *db, const char *search, bool all,
    catalog_visit_fn fn, void *arg, struct mc_err *err)
{
	struct catalog_loader l;
	sqlite3_stmt *q = NULL;
	char *folded = NULL, **words = NULL;
	size_t nwords = 0;
	int rc, ret = -1;

	if (search != NULL && search[0] != '\0') {
		char *save = NULL, *w;

		if ((folded = vntext_fold(search, err)) == NULL)
			return -1;
		for (w = strtok_r(folded, " ", &save); w != NULL;
		    w = strtok_r(NULL, " ", &save)) {
			char **nw = realloc(words, (nwords + 1) * sizeof *words);

			if (nw == NULL) {
				err_set(err, MC_ENOMEM, _("out of memory"));
				goto out_words;
			}
			words = nw;
			words[nwords++] = w;
		}
	}
	if (catalog_loader_open(&l, db, err) < 0)
		goto out_words;
	if (db_prepare(db, all ?
	    "SELECT code, name_fold, field_fold FROM procedure "
	    "ORDER BY position, code" :
	    "SELECT code, name_fold, field_fold FROM procedure "
	    "WHERE abolished IS NULL ORDER BY position, code", &q, err) < 0)
		goto out;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(q, 0);
		const char *nf = (const char *)sqlite3_column_text(q, 1);
		const char *ff = (const char *)sqlite3_column_text(q, 2);
		struct mc_procedure p;
		bool match = code != NULL && nf != NULL && ff != NULL;
		char lcode[72];
		int stop;

		/* every word must appear in the code, the name or the field;
		 * codes are ASCII (catalog-read.c checks them), so lower case is their fold */
		if (match) {
			size_t i;

			for (i = 0; code[i] != '\0' && i + 1 < sizeof lcode; i++)
				lcode[i] = (code[i] >= 'A' && code[i] <= 'Z') ?
				    (char)(code[i] - 'A' + 'a') : code[i];
			lcode[i] = '\0';
		}
		for (size_t i = 0; match && i < nwords; i++)
			match = strstr(lcode, words[i]) != NULL ||
			    strstr(nf, words[i]) != NULL ||
			    strstr(ff, words[i]) != NULL;
		if (!match)
			continue;
		if (catalog_loader_get(&l, code, &p, err) != 1) {
			err_set(err, MC_ESTORE, _("the catalog changed while being "
			    "read: try again"));
			goto out;
		}
		stop = fn(&p, arg);
		catalog_procedure_free(&p);
		if (stop)
			break;
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		db_fail(db, err, _("reading the catalog"));
		goto out;
	}
	ret = 0;
out:
	sqlite3_finalize(q);
	catalog_loader_close(&l);
out_words:
	free(words);
	free(folded);
	return ret;
}

int
catalog_list(sqlite3 *db, const char *search, catalog_visit_fn fn, void *arg,
    struct mc_err *err)
{
	return catalog_search(db, search, false, fn, arg, err);
}

