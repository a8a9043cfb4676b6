/* format.c — every value both front ends and the forms show, spelled in
 * one place (styles in format.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "motcua/format.h"
#include "motcua/i18n.h"

void
format_limit(const struct mc_limit *l, enum format_style style, char *buf, size_t n)
{
	switch (style) {
	case FORMAT_FORM:
		if (l->kind == MC_LIMIT_SAMEDAY)
			snprintf(buf, n, "trong ngày");
		else
			snprintf(buf, n, "%d %s làm việc", l->n,
			    l->kind == MC_LIMIT_HOURS ? "giờ" : "ngày");
		return;
	case FORMAT_DATA:
		if (l->kind == MC_LIMIT_DAYS)
			snprintf(buf, n, "%d %s", l->n, l->n == 1 ? "day" : "days");
		else if (l->kind == MC_LIMIT_HOURS)
			snprintf(buf, n, "%d %s", l->n, l->n == 1 ? "hour" : "hours");
		else
			snprintf(buf, n, "same day");
		return;
	case FORMAT_SCREEN:
	case FORMAT_COLUMN:
		break;
	}
	if (l->kind == MC_LIMIT_SAMEDAY)
		snprintf(buf, n, "%s", _("same day"));
	else if (l->kind == MC_LIMIT_HOURS)
		snprintf(buf, n, ngettext("%d hour", "%d hours", (unsigned long)l->n), l->n);
	else
		snprintf(buf, n, ngettext("%d day", "%d days", (unsigned long)l->n), l->n);
}

void
format_limit_text(const char *text, enum format_style style, char *buf, size_t n)
{
	struct mc_limit l;

	if (text == NULL || calendar_limit_parse(text, &l, NULL) != 0)
		snprintf(buf, n, "%s", text != NULL ? text : "");
	else
		format_limit(&l, style, buf, n);
}

/* 1234567 → "1.234.567": the Vietnamese thousands separator is a dot. */
static void
group_thousands(long long v, char *buf, size_t n)
{
	char digits[32], out[48];
	size_t len, j = 0, lead = 0;

	len = (size_t)snprintf(digits, sizeof digits, "%lld", v);
	if (digits[0] == '-')
		out[j++] = '-', lead = 1;
	for (size_t i = lead; i < len; i++) {
		if (i > lead && (len - i) % 3 == 0)
			out[j++] = '.';
		out[j++] = digits[i];
	}
	out[j] = '\0';
	snprintf(buf, n, "%s", out);
}

void
format_fee(long long fee, enum format_style style, char *buf, size_t n)
{
	char num[48];

	if (style == FORMAT_DATA) {
		snprintf(buf, n, "%lld", fee);
		return;
	}
	group_thousands(fee, num, sizeof num);
	if (style == FORMAT_COLUMN)
		snprintf(buf, n, "%s", num);
	else if (fee <= 0)
		snprintf(buf, n, "%s", style == FORMAT_FORM ? "Không" : _("free"));
	else
		snprintf(buf, n, "%s %s", num, style == FORMAT_FORM ? "đồng" : "đ");
}

void
format_time(const struct mc_time *t, enum format_style style, char *buf, size_t n)
{
	char tmp[MC_ISO_LEN];
	int y, m, d;

	switch (style) {
	case FORMAT_SCREEN:
		date_format_time(t, tmp);
		snprintf(buf, n, "%s", tmp);
		return;
	case FORMAT_DATA:
		date_format_iso(t, tmp);
		snprintf(buf, n, "%s", tmp);
		return;
	case FORMAT_FORM:
	case FORMAT_COLUMN:
		break;
	}
	date_ymd(t->jdn, &y, &m, &d);
	if (style == FORMAT_FORM)
		snprintf(buf, n, "%02d giờ %02d phút, ngày %02d tháng %02d năm %04d",
		    t->min / 60, t->min % 60, d, m, y);
	else
		snprintf(buf, n, "%02d giờ %02d phút, ngày %02d/%02d/%04d",
		    t->min / 60, t->min % 60, d, m, y);
}

void
format_time_text(const char *iso, enum format_style style, char *buf, size_t n)
{
	struct mc_time t;

	if (iso == NULL || date_parse_time(iso, &t) != 0)
		snprintf(buf, n, "%s", iso != NULL ? iso : "");
	else
		format_time(&t, style, buf, n);
}

void
format_date_typed(int jdn, char *buf, size_t n)
{
	int y, m, d;

	date_ymd(jdn, &y, &m, &d);
	snprintf(buf, n, "%02d/%02d/%04d", d, m, y);
}
