/* conf.c -- see conf.h. */
#define _GNU_SOURCE	/* getline() */
#include "conf.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util.h"

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* s without the blanks around it, in place. */
static char *trim(char *s)
{
	size_t n;

	while (is_blank(*s))
		s++;
	n = strlen(s);
	while (n && is_blank(s[n - 1]))
		s[--n] = '\0';
	return s;
}

/* Cut a comment off s: a '#' after a blank. */
static void uncomment(char *s)
{
	if (!*s)
		return;
	for (char *p = s + 1; *p; p++)
		if (*p == '#' && is_blank(p[-1])) {
			*p = '\0';
			return;
		}
}

/* Is the line text a user may write: UTF-8, no control character but a
 * tab?  Sets *why when not. */
static int readable(const char *s, size_t n, char **why)
{
	struct sb msg = SB_INIT;

	for (size_t i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);

		if (k < 0) {
			sb_addf(&msg, "byte %zu is not UTF-8 (save the file as UTF-8)", i + 1);
			*why = sb_detach(&msg, NULL);
			return 0;
		}
		if ((cp < 0x20 && cp != '\t') || cp == 0x7f) {
			sb_addf(&msg, "byte %zu is a control character", i + 1);
			*why = sb_detach(&msg, NULL);
			return 0;
		}
		i += (size_t)k;
	}
	return 1;
}

struct pending {
	char *key;
	struct sb value;
	int line;
};

/* Hand over the key waiting for its continuation lines, if any. */
static int flush(struct pending *p, const char *section, conf_handler handler, void *user)
{
	int ok = 1;

	if (p->key) {
		ok = handler(user, section, p->key, p->value.buf ? p->value.buf : "", p->line);
		free(p->key);
		p->key = NULL;
		sb_release(&p->value);
	}
	return ok;
}

int conf_parse(FILE *f, conf_handler handler, void *user, char **why)
{
	char *line = NULL, *section = xstrdup("");
	size_t cap = 0;
	ssize_t got;
	int n = 0, bad = 0;
	struct pending p = { NULL, SB_INIT, 0 };

	*why = NULL;
	while (!bad && (got = getline(&line, &cap, f)) >= 0) {
		char *s = line, *eq;
		size_t len = (size_t)got;

		n++;
		if (n == 1 && len >= 3 && !memcmp(s, "\xef\xbb\xbf", 3)) {
			s += 3;
			len -= 3;
		}
		while (len && (s[len - 1] == '\n' || s[len - 1] == '\r'))
			s[--len] = '\0';
		if (memchr(s, '\0', len)) {
			*why = xstrdup("a NUL byte (is this a text file?)");
			bad = n;
			break;
		}
		if (!readable(s, len, why)) {
			bad = n;
			break;
		}
		/* an indented line goes on with the value above it */
		if (is_blank(*s) && p.key && *trim(s) && *trim(s) != '#' && *trim(s) != ';') {
			s = trim(s);
			uncomment(s);
			s = trim(s);
			if (*s) {
				if (p.value.len)
					sb_addch(&p.value, ' ');
				sb_addstr(&p.value, s);
			}
			continue;
		}
		if (!flush(&p, section, handler, user)) {
			bad = p.line;
			break;
		}
		s = trim(s);
		if (!*s || *s == '#' || *s == ';')
			continue;
		if (*s == '[') {
			char *close = strchr(s, ']'), *after;

			if (!close) {
				*why = xstrdup("a section name with no ']'");
				bad = n;
				break;
			}
			*close = '\0';
			after = trim(close + 1);
			if (*after && *after != '#' && *after != ';') {
				*why = xstrdup("words after a section name");
				bad = n;
				break;
			}
			free(section);
			section = xstrdup(trim(s + 1));
			continue;
		}
		eq = strchr(s, '=');
		if (!eq || eq == s) {
			*why = xstrdup(eq ? "a value with no key" : "not a key = value line");
			bad = n;
			break;
		}
		*eq = '\0';
		uncomment(eq + 1);
		p.key = xstrdup(trim(s));
		sb_addstr(&p.value, trim(eq + 1));
		p.line = n;
	}
	if (!bad && ferror(f)) {
		*why = xstrdup("cannot be read");
		bad = -1;
	}
	if (!bad && !flush(&p, section, handler, user))
		bad = p.line;
	free(p.key);
	sb_release(&p.value);
	free(section);
	free(line);
	return bad;
}
