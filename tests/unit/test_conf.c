/* test_conf.c -- conf_parse(): the INI grammar the README gives, one file
 * at a time from memory.  (tests/e2e/t019 reads a show file with Python's
 * configparser too.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "tap.h"

struct seen {
	char text[16384];
	int refuse_line;     /* refuse the key of this line (0: none) */
};

static int collect(void *user, const char *section, const char *key, const char *value, int line)
{
	struct seen *s = user;
	size_t n = strlen(s->text);

	snprintf(s->text + n, sizeof(s->text) - n, "%d [%s] %s=<%s>;", line, section, key, value);
	return line != s->refuse_line;
}

/* in is read whole; want is what the handler saw, line by line; bad the
 * line conf_parse() stops at (0: none) and why a part of its reason. */
static void parse(const char *in, size_t len, const char *want, int bad, const char *why, int refuse)
{
	struct seen s = { "", refuse };
	FILE *f = fmemopen((void *)in, len, "r");
	char *reason = NULL;
	int got = conf_parse(f, collect, &s, &reason);

	fclose(f);
	CHECK(got == bad, "stops at line %d (got %d)", bad, got);
	CHECK_STR(s.text, want, "what the handler saw");
	if (why)
		CHECK(reason && strstr(reason, why), "the reason holds '%s' (got '%s')", why, reason ? reason : "");
	else
		CHECK(!reason, "no reason (got '%s')", reason ? reason : "");
	free(reason);
}

#define PARSE(in, want, bad, why) parse(in, sizeof(in) - 1, want, bad, why, 0)

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);

	PARSE("[show]\nname = Harbour Voices\n", "2 [show] name=<Harbour Voices>;", 0, NULL);
	/* comments: lines, and a '#' after a blank; a '#' inside a word stays */
	PARSE("# top\n; also\n[show]\nurl = https://ex.org/a#b   # where\n",
	      "4 [show] url=<https://ex.org/a#b>;", 0, NULL);
	/* ';' is part of a value, '=' after the first too */
	PARSE("[s]\nd = one; two ; three = four\n", "2 [s] d=<one; two ; three = four>;", 0, NULL);
	/* an indented line goes on with the value; a blank line ends it */
	PARSE("[s]\nd = first\n   second  # note\n\tthird\n\n  x = 1\n",
	      "2 [s] d=<first second third>;6 [s] x=<1>;", 0, NULL);
	/* empty values, a value that is only a comment */
	PARSE("[s]\ne =\nf = # nothing\n", "2 [s] e=<>;3 [s] f=<>;", 0, NULL);
	/* CRLF, a byte order mark, no newline at the end */
	PARSE("\xef\xbb\xbf[s]\r\nk = v\r\nl = w", "2 [s] k=<v>;3 [s] l=<w>;", 0, NULL);
	/* a long line */
	{
		static char in[6000];
		static char want[7000];

		strcpy(in, "[s]\nd = ");
		memset(in + strlen(in), 'x', 5000);
		strcat(in, "\n");
		strcpy(want, "2 [s] d=<");
		memset(want + strlen(want), 'x', 5000);
		strcat(want, ">;");
		parse(in, strlen(in), want, 0, NULL, 0);
	}
	/* what is refused, with its line */
	PARSE("[s]\nk = v\nno equals here\n", "2 [s] k=<v>;", 3, "not a key = value line");
	PARSE("[s]\n= v\n", "", 2, "no key");
	PARSE("[s\nk = v\n", "", 1, "no ']'");
	PARSE("[s] x\n", "", 1, "words after a section name");
	PARSE("[s]\nk = a\x01b\n", "", 2, "byte 6 is a control character");
	PARSE("[s]\nk = caf\xe9\n", "", 2, "byte 8 is not UTF-8");
	PARSE("[s]\nk = a\0b\n", "", 2, "NUL");
	/* a handler that refuses stops at its key's line, after the
	 * continuation lines were read */
	parse("[s]\na = 1\nb = 2\n  more\nc = 3\n", sizeof("[s]\na = 1\nb = 2\n  more\nc = 3\n") - 1,
	      "2 [s] a=<1>;3 [s] b=<2 more>;", 3, NULL, 3);
	return tap_done();
}
