/* test_format.c — one spelling per value and style: time limits, fees,
 * moments, as the screen, the forms, table columns and the data write them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "motcua/format.h"
#include "tap.h"

static const char *
lim(const char *text, enum format_style st)
{
	static char buf[FORMAT_LEN];

	format_limit_text(text, st, buf, sizeof buf);
	return buf;
}

static const char *
fee(long long v, enum format_style st)
{
	static char buf[FORMAT_LEN];

	format_fee(v, st, buf, sizeof buf);
	return buf;
}

static const char *
when(const char *iso, enum format_style st)
{
	static char buf[FORMAT_LEN];

	format_time_text(iso, st, buf, sizeof buf);
	return buf;
}

int
main(void)
{
	static const char *const canon[] = {"1 day", "3 days", "1 hour", "8 hours", "same day"};
	char buf[FORMAT_LEN];
	struct mc_limit l;
	int n = 0;

	setenv("LANGUAGE", "en", 1);
	is_str(lim("3 days", FORMAT_SCREEN), "3 days", "limit, screen");
	is_str(lim("1 day", FORMAT_SCREEN), "1 day", "limit, screen, singular");
	is_str(lim("8 hours", FORMAT_SCREEN), "8 hours", "hours, screen");
	is_str(lim("same day", FORMAT_SCREEN), "same day", "same day, screen");
	is_str(lim("3 days", FORMAT_COLUMN), "3 days", "limit, column as the screen");
	is_str(lim("3 days", FORMAT_FORM), "3 ngày làm việc", "limit, form");
	is_str(lim("8 giờ", FORMAT_FORM), "8 giờ làm việc", "hours, form");
	is_str(lim("trong ngày", FORMAT_FORM), "trong ngày", "same day, form");
	is_str(lim("3 ngày", FORMAT_DATA), "3 days", "limit, data is canonical");
	is_str(lim("1 ngày", FORMAT_DATA), "1 day", "limit, data, singular");
	is_str(lim("2 tuần", FORMAT_SCREEN), "2 tuần", "not a limit: shown as it is");
	is_str(lim(NULL, FORMAT_FORM), "", "no limit: empty");
	for (size_t i = 0; i < sizeof canon / sizeof canon[0]; i++) {
		struct mc_limit back;

		if (calendar_limit_parse(canon[i], &l, NULL) != 0)
			continue;
		format_limit(&l, FORMAT_DATA, buf, sizeof buf);
		n += strcmp(buf, canon[i]) == 0 && calendar_limit_parse(buf, &back, NULL) == 0 &&
		    back.kind == l.kind && (l.kind == MC_LIMIT_SAMEDAY || back.n == l.n);
	}
	is_int(n, 5, "the data spelling reads back through calendar_limit_parse");

	is_str(fee(15000, FORMAT_SCREEN), "15.000 đ", "fee, screen");
	is_str(fee(0, FORMAT_SCREEN), "free", "no fee, screen");
	is_str(fee(15000, FORMAT_FORM), "15.000 đồng", "fee, form");
	is_str(fee(0, FORMAT_FORM), "Không", "no fee, form");
	is_str(fee(1234567, FORMAT_COLUMN), "1.234.567", "fee, column");
	is_str(fee(0, FORMAT_COLUMN), "0", "no fee, column");
	is_str(fee(999, FORMAT_FORM), "999 đồng", "under a thousand: no dot");
	is_str(fee(100000, FORMAT_SCREEN), "100.000 đ", "six digits");
	is_str(fee(15000, FORMAT_DATA), "15000", "fee, data");

	is_str(when("2026-11-20T09:05:00+07:00", FORMAT_FORM),
	    "09 giờ 05 phút, ngày 20 tháng 11 năm 2026", "moment, form");
	is_str(when("2026-11-20T16:10:00+07:00", FORMAT_COLUMN),
	    "16 giờ 10 phút, ngày 20/11/2026", "moment, column");
	is_str(when("2026-11-20T16:10:00+07:00", FORMAT_SCREEN), "2026-11-20 16:10",
	    "moment, screen");
	is_str(when("2026-11-20 16:10", FORMAT_DATA), "2026-11-20T16:10:00+07:00",
	    "moment, data");
	is_str(when("soon", FORMAT_FORM), "soon", "not a moment: shown as it is");
	is_str(when(NULL, FORMAT_FORM), "", "no moment: empty");

	format_date_typed(date_jdn(1984, 3, 5), buf, sizeof buf);
	is_str(buf, "05/03/1984", "a date as it is typed back");
	format_fee(1234567, FORMAT_FORM, buf, 6);
	is_str(buf, "1.234", "a short buffer is cut, terminated");
	return tap_done();
}
