/* lunar.c — the Vietnamese lunar calendar, after Hồ Ngọc Đức's method.
 *
 * A lunar month starts on the local day of a new moon.  Month 11 is the
 * month that holds the winter solstice.  A lunar year with 13 months
 * (13 new moons from one month 11 to the next) has a leap month: the first
 * month after month 11 in which the sun enters no new 30° sector (no
 * "major solar term"); it repeats the number of the month before it.
 *
 * New moons and the sun's longitude follow Meeus, "Astronomical
 * Algorithms" (the short series, good to a few minutes).  Everything is
 * evaluated at UTC+7: the time zone enters as a fraction of a day, and
 * that fraction must be floating point — 7 / 24 in integers is 0 and
 * quietly gives the UTC calendar instead (Tết one day early in some
 * years). */
#include "config.h"

#include <math.h>

#include "motcua/date.h"
#include "motcua/lunar.h"

#define TZ_DAYS (MC_TZ_MINUTES / 1440.0)	/* 7/24 of a day, NOT 0 */
#define SYNODIC 29.530588853			/* mean lunation, days */
#define NEWMOON_EPOCH 2415021.076998695	/* JD of new moon k = 0 (Jan 1900) */

static const double PI = 3.14159265358979323846;

static double
rad(double deg)
{
	return deg * PI / 180.0;
}

/* Julian Day (UT, fractional) of the k-th new moon after January 1900. */
static double
newmoon_jd(int k)
{
	double t = k / 1236.85;	/* Julian centuries since 1900 */
	double t2 = t * t, t3 = t2 * t;
	double jd, m, mp, f, c, dt;

	jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
	jd += 0.00033 * sin(rad(166.56 + 132.87 * t - 0.009173 * t2));
	m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;	/* sun's anomaly */
	mp = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;	/* moon's */
	f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;	/* latitude arg */
	c = (0.1734 - 0.000393 * t) * sin(rad(m)) + 0.0021 * sin(rad(2 * m));
	c += -0.4068 * sin(rad(mp)) + 0.0161 * sin(rad(2 * mp)) - 0.0004 * sin(rad(3 * mp));
	c += 0.0104 * sin(rad(2 * f)) - 0.0051 * sin(rad(m + mp));
	c += -0.0074 * sin(rad(m - mp)) + 0.0004 * sin(rad(2 * f + m));
	c += -0.0004 * sin(rad(2 * f - m)) - 0.0006 * sin(rad(2 * f + mp));
	c += 0.0010 * sin(rad(2 * f - mp)) + 0.0005 * sin(rad(2 * mp + m));
	/* ΔT (TT − UT), in days */
	if (t < -11)
		dt = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 -
		    0.000000081 * t * t3;
	else
		dt = -0.000278 + 0.000265 * t + 0.000262 * t2;
	return jd + c - dt;
}

/* The local (UTC+7) day on which new moon k falls, as a JDN.
 * A JD starts at noon, hence the half day. */
static int
newmoon_day(int k)
{
	return (int)floor(newmoon_jd(k) + 0.5 + TZ_DAYS);
}

/* The sun's apparent longitude at Julian Day jd (UT), in radians [0, 2π). */
static double
sun_longitude(double jd)
{
	double t = (jd - 2451545.0) / 36525;	/* centuries since J2000 */
	double t2 = t * t;
	double m, l0, dl, l;

	m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
	l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
	dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(rad(m));
	dl += (0.019993 - 0.000101 * t) * sin(rad(2 * m)) + 0.000290 * sin(rad(3 * m));
	l = rad(l0 + dl);
	return l - 2 * PI * floor(l / (2 * PI));
}

/* Which 30° sector (0..11) the sun is in at the local midnight that
 * starts day `jdn`.  Sector 9 begins at the winter solstice (270°). */
static int
sun_sector(int jdn)
{
	return (int)floor(sun_longitude(jdn - 0.5 - TZ_DAYS) / PI * 6);
}

/* Index k of the mean new moon on or before day `jdn`; the true new
 * moon may fall a day or so either side, so callers check k + 1. */
static int
lunation_index(int jdn)
{
	return (int)floor((jdn - NEWMOON_EPOCH) / SYNODIC);
}

/* JDN of the first day of lunar month 11 that holds the winter solstice
 * of solar year y (the month starting on or before 31 December y whose
 * start is before the sun reaches 270°). */
static int
month11_start(int y)
{
	int k = (int)floor((date_jdn(y, 12, 31) - 2415021) / SYNODIC);
	int nm = newmoon_day(k);

	/* If that new moon is already past the solstice, month 11 is the
	 * one before it. */
	if (sun_sector(nm) >= 9)
		nm = newmoon_day(k - 1);
	return nm;
}

/* For a 13-month year starting at month 11 on day a11: the position
 * (1 = the month after month 11, …) of the leap month, the first month
 * during which the sun does not enter a new sector. */
static int
leap_position(int a11)
{
	int k = (int)floor((a11 - NEWMOON_EPOCH) / SYNODIC + 0.5);
	int i = 1;
	int prev;
	int cur = sun_sector(newmoon_day(k + 1));

	do {
		prev = cur;
		i++;
		cur = sun_sector(newmoon_day(k + i));
	} while (cur != prev && i < 14);
	return i - 1;
}

void
lunar_from_jdn(int jdn, struct mc_lunar *out)
{
	int y, m, d;
	int k = lunation_index(jdn) + 1;
	int start = newmoon_day(k);
	int a11, b11, diff;

	/* The month holding jdn starts at the last new moon on or before it.
	 * The mean index is off by one now and then (the true new moon runs
	 * up to half a day from the mean one): one step back is not always
	 * enough (2054-05-07, 2062-04-09 need two). */
	while (start > jdn)
		start = newmoon_day(--k);
	date_ymd(jdn, &y, &m, &d);

	/* [a11, b11) is the span from one month 11 to the next that holds
	 * the month we are in. */
	a11 = month11_start(y);
	if (a11 >= start) {
		out->year = y;
		b11 = a11;
		a11 = month11_start(y - 1);
	} else {
		out->year = y + 1;
		b11 = month11_start(y + 1);
	}
	out->day = jdn - start + 1;
	/* Months between month 11 and ours; 29 divides safely since a
	 * month is 29 or 30 days and there are at most 13 of them. */
	diff = (start - a11) / 29;
	out->leap = false;
	out->month = diff + 11;
	if (b11 - a11 > 365) {
		int lp = leap_position(a11);

		if (diff >= lp) {
			out->month = diff + 10;
			out->leap = diff == lp;
		}
	}
	if (out->month > 12)
		out->month -= 12;
	/* Months 11 and 12 that come before Tết belong to the previous
	 * lunar year. */
	if (out->month >= 11 && diff < 4)
		out->year -= 1;
}

int
lunar_to_jdn(const struct mc_lunar *l)
{
	int a11, b11, k, off, start, next;

	if (l == NULL || l->month < 1 || l->month > 12 || l->day < 1 || l->day > 30)
		return -1;
	if (l->month < 11) {
		a11 = month11_start(l->year - 1);
		b11 = month11_start(l->year);
	} else {
		a11 = month11_start(l->year);
		b11 = month11_start(l->year + 1);
	}
	k = (int)floor((a11 - NEWMOON_EPOCH) / SYNODIC + 0.5);
	off = l->month - 11;
	if (off < 0)
		off += 12;
	if (b11 - a11 > 365) {
		int lp = leap_position(a11);
		int leap_month = lp - 2;	/* the month number it repeats */

		if (leap_month <= 0)
			leap_month += 12;
		if (l->leap && l->month != leap_month)
			return -1;
		if (l->leap || off >= lp)
			off += 1;
	} else if (l->leap) {
		return -1;
	}
	start = newmoon_day(k + off);
	next = newmoon_day(k + off + 1);
	if (l->day > next - start)
		return -1;	/* day 30 of a 29-day month */
	return start + l->day - 1;
}

int
lunar_tet(int year)
{
	struct mc_lunar l = {year, 1, 1, false};

	return lunar_to_jdn(&l);
}
