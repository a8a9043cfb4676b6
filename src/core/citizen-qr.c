/* citizen-qr.c — the chip card's QR as a scanner types it (citizen.h):
 * split on '|', every field checked, all or nothing, so the counter
 * never gets half a citizen from a partial or garbled scan. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/citizen.h"
#include "motcua/date.h"
#include "motcua/i18n.h"
#include "motcua/vntext.h"

#define QR_FIELDS 7
#define QR_MAX 4096		/* longer than any card's QR */

bool
citizen_is_cccd_qr(const char *s)
{
	return s != NULL && strchr(s, '|') != NULL;
}

/* A ddmmyyyy date of the card: exactly 8 digits and a real day. */
static int
card_date(const char *s, int *jdn)
{
	int d, m, y;

	if (strlen(s) != 8 || strspn(s, "0123456789") != 8)
		return -1;
	d = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[2] - '0') * 10 + (s[3] - '0');
	y = atoi(s + 4);
	if (!date_valid(y, m, d))
		return -1;
	*jdn = date_jdn(y, m, d);
	return 0;
}

/* A name or an address: plain text, cleaned, within its limit. */
static int
card_text(const char *in, size_t max, char *out, size_t n, struct mc_err *err)
{
	char *c;

	if (vntext_check_plain(in, max, err) != 0)
		return -1;
	if ((c = vntext_clean(in, err)) == NULL)
		return -1;
	snprintf(out, n, "%s", c);
	free(c);
	return 0;
}

static int
bad(struct mc_cccd_qr *q, struct mc_err *err, const char *why)
{
	memset(q, 0, sizeof *q);
	/* one sentence that wraps to two lines at 80 columns with the
	 * longest reason, in English and in Vietnamese */
	return err_set(err, MC_EINVAL, _("the chip card's QR was not read because %s, so "
	    "scan it again or type the details"), why);
}

int
citizen_parse_cccd_qr(const char *s, struct mc_cccd_qr *q, struct mc_warnings *w,
    struct mc_err *err)
{
	char buf[QR_MAX], *field[QR_FIELDS], *p;
	struct mc_err e2;
	struct mc_time now;
	size_t len, nf = 0;

	memset(q, 0, sizeof *q);
	if (s == NULL || (len = strlen(s)) >= sizeof buf)
		return bad(q, err, _("it is too long"));
	memcpy(buf, s, len + 1);
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
		buf[--len] = '\0';
	/* seven fields: six '|', no more, no fewer */
	field[nf++] = buf;
	for (p = buf; *p != '\0'; p++)
		if (*p == '|') {
			*p = '\0';
			if (nf == QR_FIELDS)
				return bad(q, err, _("it has more than 7 fields"));
			field[nf++] = p + 1;
		}
	if (nf != QR_FIELDS)
		return bad(q, err, _("it has fewer than 7 fields (a partial scan)"));

	/* the card's own ID: 12 digits, nothing else (no spaces in a QR) */
	if (strlen(field[0]) != 12 || strspn(field[0], "0123456789") != 12)
		return bad(q, err, _("the ID number is not 12 digits"));
	if (field[1][0] != '\0' && ((strlen(field[1]) != 9 && strlen(field[1]) != 12) ||
	    strspn(field[1], "0123456789") != strlen(field[1])))
		return bad(q, err, _("the old ID number is not 9 or 12 digits"));
	if (field[2][strspn(field[2], " ")] == '\0')
		return bad(q, err, _("the name is empty"));
	if (card_text(field[2], MC_QR_NAME_MAX, q->name, sizeof q->name, &e2) != 0)
		return bad(q, err, _("the name is not plain text"));
	if (card_date(field[3], &q->birth_jdn) != 0)
		return bad(q, err, _("the date of birth is not a day (ddmmyyyy)"));
	date_now(&now);
	if (q->birth_jdn > now.jdn)
		return bad(q, err, _("the date of birth is in the future"));
	if (strcmp(field[4], "Nam") == 0)
		q->female = false;
	else if (strcmp(field[4], "Nữ") == 0 || strcmp(field[4], "Nu\xcc\x9b\xcc\x83") == 0)
		q->female = true;	/* NFC, or the decomposed form */
	else
		return bad(q, err, _("the sex is neither Nam nor Nữ"));
	if (field[5][strspn(field[5], " ")] == '\0')
		return bad(q, err, _("the address is empty"));
	if (card_text(field[5], MC_QR_ADDRESS_MAX, q->address, sizeof q->address, &e2) != 0)
		return bad(q, err, _("the address is not plain text"));
	if (card_date(field[6], &q->issue_jdn) != 0)
		return bad(q, err, _("the date of issue is not a day (ddmmyyyy)"));
	if (q->issue_jdn < q->birth_jdn || q->issue_jdn > now.jdn)
		return bad(q, err, _("the date of issue is before the birth or in the future"));
	/* the century digit carries the sex too: a card that disagrees with
	 * itself is a misread (or not a card), and the forms would address
	 * the citizen wrongly, so nothing is taken from it */
	switch (citizen_id_sex(field[0])) {
	case CITIZEN_SEX_MALE:
		if (q->female)
			return bad(q, err, _("the sex is Nữ but the ID number's 4th digit "
			    "says male"));
		break;
	case CITIZEN_SEX_FEMALE:
		if (!q->female)
			return bad(q, err, _("the sex is Nam but the ID number's 4th digit "
			    "says female"));
		break;
	case CITIZEN_SEX_UNKNOWN:	/* a century digit above 5: no sex to compare */
		break;
	}
	if (citizen_check_id(field[0], q->birth_jdn, q->id, w, &e2) != 0)
		return bad(q, err, _("the ID number is not 12 digits"));
	snprintf(q->old_id, sizeof q->old_id, "%s", field[1]);
	date_format(q->birth_jdn, q->birth);
	return 0;
}
