/* dossier-intake.c — the checks of a receipt or a guidance before
 * anything is written: the applicant (name, ID number, birth date, phone,
 * e-mail), the procedure in force that day, the documents handed in and
 * whether every required one is there. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/i18n.h"
#include "motcua/setting.h"
#include "motcua/vntext.h"
#include "dossier-int.h"

static void
applicant_free(struct clean_applicant *a)
{
	free(a->name);
	free(a->address);
	free(a->email);
}

/* Optional text: NULL or blank stays NULL. */
static int
clean_optional(const char *in, char **out, struct mc_err *err)
{
	*out = NULL;
	if (in == NULL)
		return 0;
	if ((*out = vntext_clean(in, err)) == NULL)
		return -1;
	if ((*out)[0] == '\0') {
		free(*out);
		*out = NULL;
	}
	return 0;
}

static int
check_applicant(sqlite3 *db, const struct mc_applicant *in, struct clean_applicant *a,
    struct mc_warnings *w, struct mc_err *err)
{
	int birth = 0;

	memset(a, 0, sizeof *a);
	if (in->name == NULL || (a->name = vntext_clean(in->name, err)) == NULL) {
		if (in->name == NULL)
			err_set(err, MC_EINVAL, _("the applicant's name is missing: give --name"));
		return -1;
	}
	if (a->name[0] == '\0')
		return err_set(err, MC_EINVAL, _("the applicant's name is empty: type the "
		    "full name as on the ID card"));
	if (in->birth_date != NULL && in->birth_date[0] != '\0' &&
	    citizen_check_birth(in->birth_date, &birth, a->birth, err) != 0)
		return -1;
	if (citizen_check_id(in->id, birth, a->id, w, err))
		return -1;
	if (in->phone != NULL && in->phone[0] != '\0' &&
	    citizen_check_phone(in->phone, a->phone, err))
		return -1;
	if (clean_optional(in->address, &a->address, err) ||
	    clean_optional(in->email, &a->email, err))
		return -1;
	if (a->email != NULL && citizen_check_email(a->email, err) != 0)
		return -1;
	return 0;
}

/* Which documents were handed in: "all" or a list of positions "1,3".
 * Fills received[ndocs]. */
static int
parse_docs(const char *spec, const struct mc_procedure *p, bool *received,
    struct mc_err *err)
{
	const char *s = spec;

	if (spec == NULL || strcmp(spec, "all") == 0) {
		for (size_t i = 0; i < p->ndocs; i++)
			received[i] = true;
		return 0;
	}
	for (size_t i = 0; i < p->ndocs; i++)
		received[i] = false;
	if (strcmp(spec, "none") == 0)
		return 0;
	while (*s != '\0') {
		char *end;
		long n = strtol(s, &end, 10);

		if (end == s || n < 1 || (size_t)n > p->ndocs || (*end != ',' && *end != '\0'))
			return err_set(err, MC_EINVAL,
			    _("the document list '%s' is not valid: give 'all' or the numbers "
			    "of the documents received, 1 to %zu, like 1,3"), spec, p->ndocs);
		if (received[n - 1])
			return err_set(err, MC_EINVAL,
			    _("document %ld is listed twice in '%s'"), n, spec);
		received[n - 1] = true;
		s = *end == ',' ? end + 1 : end;
	}
	return 0;
}

int
intake_required(sqlite3 *db, const struct clean_applicant *a, struct mc_err *err)
{
	return setting_check_required(db, "phone", a->phone, err) ||
	    setting_check_required(db, "address", a->address, err) ? -1 : 0;
}

int
intake_complete(const struct mc_procedure *p, const bool *received, struct mc_err *err)
{
	char list[400] = "";
	size_t used = 0;
	int missing = 0;

	for (size_t i = 0; i < p->ndocs; i++) {
		if (!p->docs[i].required || received[i])
			continue;
		missing++;
		int w = snprintf(list + used, sizeof list - used, "%s%d. %s",
		    used ? "; " : "", p->docs[i].position, p->docs[i].name);
		if (w > 0 && used + (size_t)w < sizeof list)
			used += (size_t)w;
	}
	if (missing == 0)
		return 0;
	return err_set(err, MC_EINVAL,
	    _("required documents are missing (%s): receive the dossier when they are "
	    "handed in, or give the citizen the supplement request"), list);
}

/* Is the procedure in force on the day of receipt? */
static int
check_in_force(const struct mc_procedure *p, int jdn, struct mc_err *err)
{
	int day;
	char today[MC_DATE_LEN];

	date_format(jdn, today);
	if (p->abolished != NULL && date_parse(p->abolished, &day) == 0 && day <= jdn)
		return err_set(err, MC_EINVAL, _("the procedure %s was abolished on %s: "
		    "choose the procedure that replaced it"), p->code, p->abolished);
	if (p->effective != NULL && date_parse(p->effective, &day) == 0 && day > jdn)
		return err_set(err, MC_EINVAL, _("the procedure %s takes effect only on %s "
		    "(receipt date %s)"), p->code, p->effective, today);
	return 0;
}

void
intake_free(struct intake *in)
{
	free(in->received);
	applicant_free(&in->a);
	catalog_procedure_free(&in->p);
}

int
intake_check(sqlite3 *db, const struct mc_receipt *r, struct intake *in,
    struct mc_warnings *w, struct mc_err *err)
{
	memset(in, 0, sizeof *in);
	if (unit_get(db, &in->u, err) || unit_officer_get(db, r->officer, &in->off, err))
		return -1;
	if (r->procedure == NULL)
		return err_set(err, MC_EINVAL,
		    _("no procedure given: name it by its code (see 'motcua catalog list')"));
	if (catalog_get(db, r->procedure, &in->p, err) ||
	    check_in_force(&in->p, r->at.jdn, err) ||
	    calendar_limit_parse(in->p.time_limit, &in->lim, err) ||
	    check_applicant(db, &r->applicant, &in->a, w, err))
		return -1;
	if ((in->received = calloc(in->p.ndocs + 1, sizeof *in->received)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	return parse_docs(r->docs, &in->p, in->received, err);
}
