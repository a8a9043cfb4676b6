/* calendar-limit.c — time limits: "3 days", "8 hours", "same day" (and the
 * Vietnamese spellings) read into a struct mc_limit, and written back in
 * the one canonical spelling the catalog stores. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "motcua/calendar.h"
#include "motcua/i18n.h"

static const char *
skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Does p (up to trailing spaces) equal word, ignoring ASCII case? */
static bool
word_is(const char *p, const char *word)
{
	size_t n = strlen(word);
	const char *q;

	if (strncasecmp(p, word, n) != 0)
		return false;
	q = skip_space(p + n);
	return *q == '\0';
}

int
calendar_limit_parse(const char *s, struct mc_limit *out, struct mc_err *err)
{
	static const char *const day_words[] = {"days", "day", "ngày làm việc", "ngày"};
	static const char *const hour_words[] = {"hours", "hour", "giờ làm việc", "giờ"};
	const char *p;
	long n = 0;
	int digits = 0;

	if (s == NULL)
		s = "";
	p = skip_space(s);
	if (word_is(p, "same day") || word_is(p, "trong ngày")) {
		out->kind = MC_LIMIT_SAMEDAY;
		out->n = 0;
		return 0;
	}
	while (isdigit((unsigned char)*p)) {
		if (n <= MC_LIMIT_MAX)
			n = n * 10 + (*p - '0');
		digits++;
		p++;
	}
	if (digits == 0 || (*p != ' ' && *p != '\t'))
		goto bad;
	p = skip_space(p);
	for (size_t i = 0; i < sizeof day_words / sizeof day_words[0]; i++)
		if (word_is(p, day_words[i])) {
			out->kind = MC_LIMIT_DAYS;
			goto unit;
		}
	for (size_t i = 0; i < sizeof hour_words / sizeof hour_words[0]; i++)
		if (word_is(p, hour_words[i])) {
			out->kind = MC_LIMIT_HOURS;
			goto unit;
		}
bad:
	return err_set(err, MC_EINVAL, _("unknown time limit \"%s\"; write it as "
	    "\"3 days\", \"8 hours\" or \"same day\""), s);
unit:
	if (n < 1 || n > MC_LIMIT_MAX)
		return err_set(err, MC_EINVAL, _("time limit \"%s\" is out of range; give "
		    "1 to %d days or hours, or \"same day\""), s, MC_LIMIT_MAX);
	out->n = (int)n;
	return 0;
}
