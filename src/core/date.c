/* date.c — Gregorian dates as Julian Day Numbers, local time in UTC+7. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "motcua/date.h"
#include "motcua/i18n.h"

/* Fliegel & Van Flandern, valid for every Gregorian date we meet. */
int
date_jdn(int y, int m, int d)
{
	int a = (14 - m) / 12;
	int yy = y + 4800 - a;
	int mm = m + 12 * a - 3;

	return d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - yy / 100 + yy / 400 - 32045;
}

void
date_ymd(int jdn, int *y, int *m, int *d)
{
	int a = jdn + 32044;
	int b = (4 * a + 3) / 146097;
	int c = a - 146097 * b / 4;
	int dd = (4 * c + 3) / 1461;
	int e = c - 1461 * dd / 4;
	int mm = (5 * e + 2) / 153;

	*d = e - (153 * mm + 2) / 5 + 1;
	*m = mm + 3 - 12 * (mm / 10);
	*y = 100 * b + dd - 4800 + mm / 10;
}

int
date_days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

bool
date_valid(int y, int m, int d)
{
	return y >= 1800 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= date_days_in_month(y, m);
}

int
date_weekday(int jdn)
{
	return jdn % 7;	/* JDN 0 was a Monday */
}

/* Read exactly n decimal digits. */
static int
digits(const char **p, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		char c = (*p)[i];
		if (c < '0' || c > '9')
			return -1;
		v = v * 10 + (c - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

static int
parse_date_part(const char **p, int *jdn)
{
	int y, m, d;

	if (digits(p, 4, &y) || **p != '-')
		return -1;
	(*p)++;
	if (digits(p, 2, &m) || **p != '-')
		return -1;
	(*p)++;
	if (digits(p, 2, &d))
		return -1;
	if (!date_valid(y, m, d))
		return -1;
	*jdn = date_jdn(y, m, d);
	return 0;
}

int
date_parse(const char *s, int *jdn)
{
	const char *p = s;

	if (s == NULL || parse_date_part(&p, jdn) || *p != '\0')
		return -1;
	return 0;
}

int
date_parse_time(const char *s, struct mc_time *t)
{
	const char *p = s;
	int jdn, h, mi, sec;

	/* read into locals: *t changes only when the whole text is a time */
	if (s == NULL || parse_date_part(&p, &jdn))
		return -1;
	if (*p != ' ' && *p != 'T')
		return -1;
	p++;
	if (digits(&p, 2, &h) || *p != ':')
		return -1;
	p++;
	if (digits(&p, 2, &mi))
		return -1;
	if (*p == ':') {
		p++;
		if (digits(&p, 2, &sec) || sec > 59)
			return -1;
	}
	/* Only our own offset is accepted: every time we store is local. */
	if (strcmp(p, "+07:00") != 0 && *p != '\0')
		return -1;
	if (h > 23 || mi > 59)
		return -1;
	t->jdn = jdn;
	t->min = h * 60 + mi;
	return 0;
}

/* Read one or two decimal digits (a day or a month written by hand). */
static int
digits12(const char **p, int *out)
{
	const char *s = *p;

	if (s[0] < '0' || s[0] > '9')
		return -1;
	if (s[1] >= '0' && s[1] <= '9')
		return digits(p, 2, out);
	return digits(p, 1, out);
}

/* One date as a person types it, from *p; *p is left after it. */
static int
parse_input_date(const char **p, int *jdn)
{
	const char *s = *p;
	int y, m, d;
	char sep;

	/* YYYY-MM-DD: four digits and a dash can only be the ISO form */
	if (strspn(s, "0123456789") == 4 && s[4] == '-')
		return parse_date_part(p, jdn);
	/* DDMMYYYY: eight digits, not followed by another */
	if (strspn(s, "0123456789") == 8) {
		if (digits(&s, 2, &d) || digits(&s, 2, &m) || digits(&s, 4, &y))
			return -1;
	} else {
		/* D/M/YYYY, DD.MM.YYYY, DD-MM-YYYY: the same separator twice */
		if (digits12(&s, &d))
			return -1;
		sep = *s;
		if (sep != '/' && sep != '.' && sep != '-')
			return -1;
		s++;
		if (digits12(&s, &m) || *s != sep)
			return -1;
		s++;
		if (digits(&s, 4, &y) || (*s >= '0' && *s <= '9'))
			return -1;
	}
	if (!date_valid(y, m, d))
		return -1;
	*jdn = date_jdn(y, m, d);
	*p = s;
	return 0;
}

static const char *
skip_spaces(const char *p)
{
	while (*p == ' ')
		p++;
	return p;
}

/* Is the rest of the string only spaces? */
static bool
only_spaces(const char *p)
{
	return *skip_spaces(p) == '\0';
}

int
date_parse_input(const char *s, int *jdn, struct mc_err *err)
{
	const char *p = s != NULL ? skip_spaces(s) : NULL;

	if (p == NULL || parse_input_date(&p, jdn) != 0 || !only_spaces(p))
		return err_set(err, MC_EINVAL, _("'%s' is not a date: write it as "
		    "DD/MM/YYYY, DDMMYYYY or YYYY-MM-DD"), s != NULL ? s : "");
	return 0;
}

int
date_parse_input_time(const char *s, struct mc_time *t, struct mc_err *err)
{
	const char *p = s != NULL ? skip_spaces(s) : NULL;
	char copy[64];
	size_t n;
	int jdn, h, mi;

	if (p == NULL)
		goto bad;
	/* the stored and ISO forms, with 'T', seconds or the offset */
	n = strlen(p);
	while (n > 0 && p[n - 1] == ' ')
		n--;
	if (n < sizeof copy) {
		memcpy(copy, p, n);
		copy[n] = '\0';
		if (date_parse_time(copy, t) == 0)
			return 0;
	}
	/* read into locals: *t changes only when the whole text is a time */
	if (parse_input_date(&p, &jdn) != 0 || *p != ' ')
		goto bad;
	p = skip_spaces(p);
	if (digits(&p, 2, &h) || *p != ':')
		goto bad;
	p++;
	if (digits(&p, 2, &mi) || !only_spaces(p) || h > 23 || mi > 59)
		goto bad;
	t->jdn = jdn;
	t->min = h * 60 + mi;
	return 0;
bad:
	return err_set(err, MC_EINVAL, _("the time '%s' is not valid: write it as "
	    "DD/MM/YYYY HH:MM, DDMMYYYY HH:MM or YYYY-MM-DD HH:MM"), s != NULL ? s : "");
}

/* Format into a roomy buffer, then copy what fits: the compiler cannot
 * know that a month has two digits. */
static void
format_parts(char *buf, size_t n, int jdn, int min, const char *sep, const char *tail)
{
	char tmp[80];
	int y, m, d;

	date_ymd(jdn, &y, &m, &d);
	if (sep == NULL)
		snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y % 10000, m, d);
	else
		snprintf(tmp, sizeof tmp, "%04d-%02d-%02d%s%02d:%02d%s", y % 10000, m, d,
		    sep, (min / 60) % 24, min % 60, tail);
	snprintf(buf, n, "%.*s", (int)n - 1, tmp);
}

void
date_format(int jdn, char buf[MC_DATE_LEN])
{
	format_parts(buf, MC_DATE_LEN, jdn, 0, NULL, "");
}

void
date_format_time(const struct mc_time *t, char buf[MC_TIME_LEN])
{
	format_parts(buf, MC_TIME_LEN, t->jdn, t->min, " ", "");
}

void
date_format_iso(const struct mc_time *t, char buf[MC_ISO_LEN])
{
	format_parts(buf, MC_ISO_LEN, t->jdn, t->min, "T", ":00+07:00");
}

void
date_now(struct mc_time *t)
{
	const char *fake = getenv("MOTCUA_NOW");
	time_t now;

	if (fake != NULL && date_parse_time(fake, t) == 0)
		return;
	now = time(NULL) + (time_t)MC_TZ_MINUTES * 60;
	/* 2440588 is the JDN of 1970-01-01 */
	t->jdn = (int)(now / 86400) + 2440588;
	t->min = (int)(now % 86400) / 60;
}

int
date_cmp(const struct mc_time *a, const struct mc_time *b)
{
	if (a->jdn != b->jdn)
		return a->jdn < b->jdn ? -1 : 1;
	return (a->min > b->min) - (a->min < b->min);
}
