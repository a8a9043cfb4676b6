/* format.h — how a value reads wherever it is shown: one function per
 * value, a style where the screen, the printed forms and the data spell
 * it differently.  The front ends and the slips call these; nothing else
 * groups thousands or spells a time limit.
 *
 *                 time limit          fee            moment
 *   SCREEN        "3 days" (gettext)  "15.000 đ"     "2026-11-20 09:30"
 *                 "same day"          "free"
 *   FORM          "3 ngày làm việc"   "15.000 đồng"  "09 giờ 30 phút, ngày 20 tháng 11
 *                 "trong ngày"        "Không"         năm 2026"
 *   COLUMN        as SCREEN           "15.000", "0"  "09 giờ 30 phút, ngày 20/11/2026"
 *   DATA          "3 days", "1 day",  "15000"        "2026-11-20T09:30:00+07:00"
 *                 "same day" (what
 *                 calendar_limit_parse reads back)
 *
 * FORM is Vietnamese whatever the language of the screen: the forms are
 * official documents.  COLUMN is for table columns (the command line's
 * catalog list, the hand-off table of Mẫu 05).  Every function writes at
 * most n bytes, always terminated. */
#ifndef MOTCUA_FORMAT_H
#define MOTCUA_FORMAT_H

#include <stddef.h>

#include "motcua/calendar.h"
#include "motcua/date.h"

enum format_style {
	FORMAT_SCREEN,
	FORMAT_FORM,
	FORMAT_COLUMN,
	FORMAT_DATA,
};

/* Big enough for any value below. */
#define FORMAT_LEN 96

void format_limit(const struct mc_limit *l, enum format_style style, char *buf, size_t n);
/* The same from the stored text ("3 days"); text that is not a time limit
 * is shown as it is ("" for NULL). */
void format_limit_text(const char *text, enum format_style style, char *buf, size_t n);

/* A fee in đồng; 0 or less is "no fee". */
void format_fee(long long fee, enum format_style style, char *buf, size_t n);

void format_time(const struct mc_time *t, enum format_style style, char *buf, size_t n);
/* The same from the stored form; text that is not a moment is shown as
 * it is ("" for NULL). */
void format_time_text(const char *iso, enum format_style style, char *buf, size_t n);

/* A date as the officer types it back into a field: "15/03/1984". */
void format_date_typed(int jdn, char *buf, size_t n);

#endif
