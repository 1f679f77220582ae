/* tap.h -- the smallest test harness: each check prints "ok N - what" or
 * "not ok N - what" (TAP), and tap_done() returns the exit status.
 * tests/run.sh counts the lines of every test binary and script. */
#ifndef COLLOQUY_TAP_H
#define COLLOQUY_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

#define CHECK(cond, ...) tap_check(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static inline int tap_check(int ok, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	tap_n++;
	printf("%sok %d - ", ok ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	if (!ok) {
		printf("  (%s:%d)", file, line);
		tap_failed++;
	}
	putchar('\n');
	return ok;
}

#define CHECK_STR(got, want, what) \
	CHECK((got) && !strcmp((got), (want)), "%s: got '%s', want '%s'", (what), \
	      (got) ? (got) : "(null)", (want))

static inline int tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
