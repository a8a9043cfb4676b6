/* calendar-default.c — the default holidays of any year, computed from the
 * Labour Code 2019 (art. 112) with the lunar calendar, make-up days
 * included; used for a year that has no official calendar. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar-int.h"
#include "motcua/calendar.h"
#include "motcua/date.h"
#include "motcua/lunar.h"

static bool
weekend(int jdn)
{
	return date_weekday(jdn) >= 5;
}

int
calendar_holiday_cmp(const void *a, const void *b)
{
	const struct mc_holiday *x = a, *y = b;

	return (x->jdn > y->jdn) - (x->jdn < y->jdn);
}

/* Add a default day off, merging with a holiday already on that date. */
static void
defaults_add(struct mc_holiday *h, size_t *n, int jdn, const char *name)
{
	for (size_t i = 0; i < *n; i++)
		if (h[i].jdn == jdn) {
			size_t len = strlen(h[i].name);

			snprintf(h[i].name + len, sizeof h[i].name - len, " / %s", name);
			return;
		}
	if (*n >= MC_DEFAULT_HOLIDAYS_MAX)
		return;	/* cannot happen: 11 holidays and their make-ups */
	h[*n].jdn = jdn;
	h[*n].off = true;
	h[*n].source = MC_HOL_DEFAULT;
	snprintf(h[*n].name, sizeof h[*n].name, "%.*s", MC_HOLIDAY_NAME - 1, name);
	(*n)++;
}

static bool
defaults_has(const struct mc_holiday *h, size_t n, int jdn)
{
	for (size_t i = 0; i < n; i++)
		if (h[i].jdn == jdn)
			return true;
	return false;
}

/* The names are the official Vietnamese ones: data, not UI text. */
size_t
calendar_default_holidays(int year, struct mc_holiday *out, size_t max)
{
	struct mc_holiday h[MC_DEFAULT_HOLIDAYS_MAX];
	struct mc_lunar gio_to = {year, 3, 10, false};
	size_t n = 0, nhol;
	int tet = lunar_tet(year);
	int gt = lunar_to_jdn(&gio_to);

	defaults_add(h, &n, date_jdn(year, 1, 1), "Tết Dương lịch");
	/* The last day of the lunar year (29 or 30 of month 12) and 1–4/1. */
	for (int i = -1; tet > 0 && i <= 3; i++)
		defaults_add(h, &n, tet + i, "Tết Nguyên đán");
	if (gt > 0)
		defaults_add(h, &n, gt, "Giỗ Tổ Hùng Vương");
	defaults_add(h, &n, date_jdn(year, 4, 30), "Ngày Chiến thắng");
	defaults_add(h, &n, date_jdn(year, 5, 1), "Ngày Quốc tế Lao động");
	defaults_add(h, &n, date_jdn(year, 9, 1), "Quốc khánh");
	defaults_add(h, &n, date_jdn(year, 9, 2), "Quốc khánh");
	qsort(h, n, sizeof h[0], calendar_holiday_cmp);

	/* Make-up days, in date order, so that each takes the first free
	 * weekday after its block and after the make-ups given before it. */
	nhol = n;
	for (size_t i = 0; i < nhol; i++) {
		char name[MC_HOLIDAY_NAME + 16];
		int d;

		if (!weekend(h[i].jdn))
			continue;
		d = h[i].jdn + 1;
		while (weekend(d) || defaults_has(h, n, d))
			d++;
		snprintf(name, sizeof name, "Nghỉ bù %s", h[i].name);
		defaults_add(h, &n, d, name);
	}
	qsort(h, n, sizeof h[0], calendar_holiday_cmp);
	for (size_t i = 0; i < n && i < max; i++)
		out[i] = h[i];
	return n;
}

