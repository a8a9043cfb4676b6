/* date.c — Gregorian dates as Julian Day Numbers, local time in UTC+7. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "motcua/date.h"

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
	int h, mi, sec;

	if (s == NULL || parse_date_part(&p, &t->jdn))
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
	t->min = h * 60 + mi;
	return 0;
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
