/* front.c -- see front.h. */
#include "front.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static int valid_date(const char *s)
{
	int y, m, d;
	char end;

	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3)
		return 0;
	return y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= 31 && s[4] == '-' && s[7] == '-';
}

static int set_number(const char *name, int line, const char *key, const char *value, int *out)
{
	char *end;
	long v = strtol(value, &end, 10);

	if (!*value || *end || v < 1 || v > 100000)
		return error("'%s' line %d: %s '%s' is not a whole number from 1", name, line, key, value);
	*out = (int)v;
	return 0;
}

static void replace(char **field, const char *value)
{
	free(*field);
	*field = xstrdup(value);
}

int front_parse(const char *name, const char *data, size_t len, struct front *fm, size_t *body)
{
	size_t p = 0;
	int line = 1;

	memset(fm, 0, sizeof(*fm));
	*body = 0;
	if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3))
		p = 3;
	if (len - p < 4 || strncmp(data + p, "---", 3) || (data[p + 3] != '\n' && data[p + 3] != '\r'))
		return 0;
	p += 3;
	while (p < len) {
		size_t eol, e;
		char *l, *colon, *key, *value;
		int ret = 0;

		p += data[p] == '\r';
		p += data[p] == '\n';
		line++;
		for (eol = p; eol < len && data[eol] != '\n' && data[eol] != '\r'; eol++)
			;
		l = xstrndup(data + p, eol - p);
		p = eol;
		for (e = strlen(l); e && isspace((unsigned char)l[e - 1]); e--)
			l[e - 1] = '\0';
		if (!strcmp(l, "---")) {
			free(l);
			p += p < len && data[p] == '\r';
			p += p < len && data[p] == '\n';
			*body = p;
			return 0;
		}
		if (!*l) {
			free(l);
			continue;
		}
		colon = strchr(l, ':');
		if (!colon) {
			error("'%s' line %d: front matter lines are 'key: value'", name, line);
			free(l);
			front_release(fm);
			return -1;
		}
		*colon = '\0';
		key = l;
		value = colon + 1 + strspn(colon + 1, " \t");
		if (!strcmp(key, "title"))
			replace(&fm->title, value);
		else if (!strcmp(key, "description"))
			replace(&fm->description, value);
		else if (!strcmp(key, "date") && valid_date(value))
			replace(&fm->date, value);
		else if (!strcmp(key, "date"))
			ret = error("'%s' line %d: date '%s' is not YYYY-MM-DD", name, line, value);
		else if (!strcmp(key, "episode"))
			ret = set_number(name, line, key, value, &fm->episode);
		else if (!strcmp(key, "season"))
			ret = set_number(name, line, key, value, &fm->season);
		else
			ret = error("'%s' line %d: unknown front matter key '%s' (keys: title, date, "
				    "episode, season, description)", name, line, key);
		free(l);
		if (ret < 0) {
			front_release(fm);
			return -1;
		}
	}
	front_release(fm);
	return error("'%s': the front matter that opens on line 1 has no closing '---'", name);
}

void front_release(struct front *fm)
{
	free(fm->title);
	free(fm->date);
	free(fm->description);
	memset(fm, 0, sizeof(*fm));
}
