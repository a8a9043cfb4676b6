/* lunar.h — the Vietnamese lunar calendar (âm lịch), computed at UTC+7.
 *
 * Hồ Ngọc Đức's method: new moons and the sun's longitude after Meeus,
 * evaluated in Vietnam's time zone.  It differs from the Chinese calendar
 * (UTC+8) in some years, e.g. Tết 1985. */
#ifndef MOTCUA_LUNAR_H
#define MOTCUA_LUNAR_H

#include <stdbool.h>

struct mc_lunar {
	int year;	/* lunar year (the solar year its Tết falls in) */
	int month;	/* 1..12 */
	int day;	/* 1..30 */
	bool leap;	/* a leap month (tháng nhuận) */
};

/* Solar date (JDN) -> lunar date. */
void lunar_from_jdn(int jdn, struct mc_lunar *out);
/* Lunar date -> JDN of the solar day; -1 if that lunar date does not
 * exist (a leap month that year does not have, day 30 of a short month). */
int lunar_to_jdn(const struct mc_lunar *l);
/* JDN of Tết (lunar 1/1) of the lunar year that starts in solar `year`. */
int lunar_tet(int year);

#endif
