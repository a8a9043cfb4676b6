/* tap.h — a tiny Test Anything Protocol emitter for the unit tests.
 *
 *   ok(cond, "what %d", x);   is_int(got, want, "what");
 *   is_str(got, want, "what"); return tap_done();
 *
 * Each check prints "ok N - what" or "not ok N - what" with the values
 * on failure; tap_done prints the plan and returns the exit status. */
#ifndef MOTCUA_TAP_H
#define MOTCUA_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_n, tap_failed;

/* The clock follows the test's story.  At a real counter a receipt is
 * recorded when it happens, and the clock rules (clock.h: a receipt before
 * today or more than a day ahead is a supervisor's) hold against that
 * moment; so a test sets the clock to each moment of its story with
 * tap_now before it records what happened then.  The story starts on
 * 1 November 2026, unless the environment sets its own clock. */
__attribute__((constructor, unused))
static void tap_clock(void)
{
	setenv("MOTCUA_NOW", "2026-11-01 07:00", 0);
}

/* tap_now WHEN — the clock now says WHEN ("YYYY-MM-DD HH:MM"). */
__attribute__((unused))
static void tap_now(const char *when)
{
	if (setenv("MOTCUA_NOW", when, 1) != 0)
		exit(99);
}

static void tap_vreport(int pass, const char *fmt, va_list ap)
{
	tap_n++;
	if (!pass)
		tap_failed++;
	printf("%sok %d - ", pass ? "" : "not ", tap_n);
	vprintf(fmt, ap);
	putchar('\n');
	fflush(stdout);
}

__attribute__((format(printf, 2, 3), unused))
static int ok(int pass, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tap_vreport(pass, fmt, ap);
	va_end(ap);
	return pass;
}

__attribute__((format(printf, 3, 4), unused))
static int is_int(long long got, long long want, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tap_vreport(got == want, fmt, ap);
	va_end(ap);
	if (got != want)
		printf("#   got: %lld\n#  want: %lld\n", got, want);
	return got == want;
}

__attribute__((format(printf, 3, 4), unused))
static int is_str(const char *got, const char *want, const char *fmt, ...)
{
	va_list ap;
	int pass = got != NULL && want != NULL ? strcmp(got, want) == 0 : got == want;

	va_start(ap, fmt);
	tap_vreport(pass, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got: '%s'\n#  want: '%s'\n", got ? got : "(null)",
		    want ? want : "(null)");
	return pass;
}

__attribute__((unused))
static void diag(const char *s)
{
	printf("# %s\n", s);
}

__attribute__((unused))
static int tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
