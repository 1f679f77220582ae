/* test_charset.c -- bytes in the encodings transcripts are saved in, made
 * UTF-8; positions counted for every line ending. */
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "tap.h"
#include "util.h"

/* Convert the len bytes at in; check the result is want (NULL: refused)
 * and the encoding found is cs (NULL: none). */
static void converts(const char *what, const char *in, size_t len, const char *want, const char *cs)
{
	char *data = xmalloc(len + 1);
	size_t n = len;
	const char *found = NULL;
	int rc;

	memcpy(data, in, len);
	data[len] = '\0';
	util_quiet = 1;
	rc = charset_to_utf8("t.txt", &data, &n, NULL, &found);
	if (!want) {
		CHECK(rc == -1, "%s: refused", what);
	} else {
		CHECK(rc == 0 && n == strlen(want) && !memcmp(data, want, n), "%s: '%s' (got %d, '%.*s')", what, want,
		      rc, (int)n, data);
		CHECK(cs ? found && !strcmp(found, cs) : !found, "%s: read as %s (got %s)", what, cs ? cs : "UTF-8",
		      found ? found : "UTF-8");
	}
	free(data);
}

static void position(const char *data, size_t off, int line, size_t byte)
{
	int l;
	size_t b;

	charset_position(data, off, &l, &b);
	CHECK(l == line && b == byte, "offset %zu of '%s' is line %d, byte %zu (got %d, %zu)", off, data, line,
	      byte, l, b);
}

#define CONVERTS(what, lit, want, cs) converts(what, lit, sizeof(lit) - 1, want, cs)

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);

	CONVERTS("UTF-8 passes", "Caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d\n", "Caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d\n",
		 NULL);
	CONVERTS("UTF-16LE with its mark", "\xff\xfeH\0i\0\xe9\0\n\0", "Hi\xc3\xa9\n", "UTF-16LE");
	CONVERTS("UTF-16BE with its mark", "\xfe\xff\0H\0i\0\n", "Hi\n", "UTF-16BE");
	CONVERTS("UTF-16LE without a mark", "Q\0:\0 \0W\0h\0y\0?\0\n\0", "Q: Why?\n", "UTF-16LE");
	CONVERTS("UTF-16BE without a mark", "\0Q\0:\0 \0W\0h\0y\0?\0\n", "Q: Why?\n", "UTF-16BE");
	CONVERTS("Windows-1252 quotes and dashes",
		 "The \x93" "early shift\x94 starts \x96 they don\x92t wait. The caf\xe9 opens at five, and the "
		 "fishermen knock on the glass.\n",
		 "The \xe2\x80\x9c" "early shift\xe2\x80\x9d starts \xe2\x80\x93 they don\xe2\x80\x99t wait. The caf\xc3\xa9 "
		 "opens at five, and the fishermen knock on the glass.\n",
		 "WINDOWS-1252");
	CONVERTS("UTF-16LE without a mark, Japanese with ASCII labels", "\x53\x30\x8c\x30\x6f\x30\xe5\x65\x2c\x67\x9e\x8a\x6e\x30\x87\x65\xe0\x7a\x67\x30\x59\x30\x02\x30\x0a\x00\x51\x00\x3a\x00\x20\x00\x6a\x30\x5c\x30\x67\x30\x59\x30\x4b\x30\x3f\x00\x0a\x00\x41\x00\x3a\x00\x20\x00\x7d\x59\x4d\x30\x60\x30\x4b\x30\x89\x30\x67\x30\x59\x30\x02\x30\x0a\x00", "\xe3\x81\x93\xe3\x82\x8c\xe3\x81\xaf\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe6\x96\x87\xe7\xab\xa0\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82\x0a\x51\x3a\x20\xe3\x81\xaa\xe3\x81\x9c\xe3\x81\xa7\xe3\x81\x99\xe3\x81\x8b\x3f\x0a\x41\x3a\x20\xe5\xa5\xbd\xe3\x81\x8d\xe3\x81\xa0\xe3\x81\x8b\xe3\x82\x89\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82\x0a", "UTF-16LE");
	CONVERTS("binary with NULs", "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", NULL, NULL);
	CONVERTS("control bytes, not UTF-8", "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\xff text", NULL, NULL);

	position("ab\ncd", 4, 2, 2);
	position("ab\r\ncd", 5, 2, 2);
	position("ab\rcd\ref", 7, 3, 2);
	position("ab\r\n\r\ncd", 6, 3, 1);
	return tap_done();
}
