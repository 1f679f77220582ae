/* front.c -- see front.h. */
#include "front.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "util.h"

/* Front matter is a post's metadata: past this it is something else, and
 * a YAML parser's time on nested input grows faster than its size. */
#define FRONT_MAX_BYTES (64 * 1024)

/* The keys colloquy uses, and the names publishing systems give them. */
enum key { K_NONE, K_TITLE, K_DATE, K_AUTHOR, K_HOST, K_GUEST, K_DESCRIPTION, K_EPISODE, K_SEASON };

static const struct {
	const char *name;
	enum key key;
} keys[] = {
	{ "title", K_TITLE }, { "date", K_DATE }, { "published", K_DATE }, { "pubdate", K_DATE },
	{ "author", K_AUTHOR }, { "authors", K_AUTHOR }, { "description", K_DESCRIPTION },
	{ "summary", K_DESCRIPTION }, { "subtitle", K_DESCRIPTION }, { "excerpt", K_DESCRIPTION },
	{ "episode", K_EPISODE }, { "season", K_SEASON }, { "host", K_HOST }, { "hosts", K_HOST },
	{ "interviewer", K_HOST }, { "guest", K_GUEST }, { "guests", K_GUEST }, { "interviewee", K_GUEST },
};

static enum key key_of(const char *name)
{
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!strcasecmp(name, keys[i].name))
			return keys[i].key;
	return K_NONE;
}

static int days_in(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0) ? 29 : days[m - 1];
}

/* An ISO 8601 date or date-time ("2008-09-10", "2008-09-10T09:36:22+00:00",
 * "2008-09-10 09:36:22 +0000"): its YYYY-MM-DD into out. */
int front_read_date(const char *s, char out[11])
{
	int y, m, d;

	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return 0;
	if (s[10] && s[10] != 'T' && s[10] != 't' && s[10] != ' ')
		return 0;
	if (s[10] && !isdigit((unsigned char)s[11]))
		return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in(y, m))
		return 0;
	memcpy(out, s, 10);
	out[10] = '\0';
	return 1;
}

/* "March 2, 2023", "2 March 2023", "Mar 2, 2023": a date as people
 * write it, into YYYY-MM-DD. */
int front_read_written_date(const char *s, char out[11])
{
	static const char *const months[] = {
		"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
	};
	int day = 0, month = 0, year = 0;

	for (const char *p = s; *p;) {
		size_t n = strcspn(p, " ,.");

		if (n && isdigit((unsigned char)*p)) {
			int v = atoi(p);
			if (n == 4)
				year = v;
			else if (n <= 2 && !day)
				day = v;
		} else if (n >= 3) {
			for (int m = 0; m < 12; m++)
				if (!strncasecmp(p, months[m], 3))
					month = m + 1;
		}
		p += n;
		p += strspn(p, " ,.");
	}
	if (year < 1900 || year > 9999 || !month || day < 1 || day > days_in(year, month))
		return 0;
	snprintf(out, 11, "%04d-%02d-%02d", year % 10000, month % 100, day % 100);
	return 1;
}

static void replace(char **field, const char *value)
{
	free(*field);
	*field = xstrdup(value);
}

/* One key's value; line is the file's line for the message. */
static int take(const char *name, int line, enum key key, const char *value, struct front *fm)
{
	char date[11], *end;
	long v;

	switch (key) {
	case K_NONE:
		return 0;
	case K_TITLE:
		replace(&fm->title, value);
		return 0;
	case K_AUTHOR:
		replace(&fm->author, value);
		return 0;
	case K_HOST:
		replace(&fm->host, value);
		return 0;
	case K_GUEST:
		replace(&fm->guest, value);
		return 0;
	case K_DESCRIPTION:
		if (!fm->description)	/* "description" wins over "summary" */
			replace(&fm->description, value);
		return 0;
	case K_DATE:
		/* the front matter is the publishing system's: a date colloquy
		 * cannot read is passed over, not a reason to fail */
		if (!front_read_date(value, date) && !front_read_written_date(value, date)) {
			warning("'%s' line %d: date '%s' is not an ISO 8601 date (YYYY-MM-DD); it is not used",
				name, line, value);
			return 0;
		}
		replace(&fm->date, date);
		return 0;
	case K_EPISODE:
	case K_SEASON:
		v = strtol(value, &end, 10);
		if (!*value || *end || v < 1 || v > 100000) {
			warning("'%s' line %d: %s '%s' is not a whole number from 1; it is not used", name, line,
				key == K_EPISODE ? "episode" : "season", value);
			return 0;
		}
		*(key == K_EPISODE ? &fm->episode : &fm->season) = (int)v;
		return 0;
	}
	return 0;
}

/* A value as text: a scalar, or a list of scalars joined with ", "
 * ("authors: [Ada, Ben]").  NULL for a mapping. */
/* A block scalar ("title: >") keeps its line breaks and a final one: one
 * line, each run of white space one space, none at the ends. */
static char *one_line(char *s)
{
	char *w = s;

	for (const char *r = s; *r; r++) {
		if (isspace((unsigned char)*r)) {
			if (w > s && w[-1] != ' ')
				*w++ = ' ';
		} else {
			*w++ = *r;
		}
	}
	while (w > s && w[-1] == ' ')
		w--;
	*w = '\0';
	return s;
}

static char *node_text(yaml_document_t *doc, yaml_node_t *n)
{
	struct sb sb = SB_INIT;

	if (n->type == YAML_SCALAR_NODE) {
		const char *v = (const char *)n->data.scalar.value;
		size_t len = n->data.scalar.length;

		/* "~" and "null", unquoted, are YAML's nothing */
		if (n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
		    ((len == 1 && *v == '~') || (len == 4 && !strncasecmp(v, "null", 4))))
			return NULL;
		return one_line(xstrndup(v, len));
	}
	if (n->type != YAML_SEQUENCE_NODE)
		return NULL;
	for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *item = yaml_document_get_node(doc, *it);

		if (!item || item->type != YAML_SCALAR_NODE)
			continue;
		if (sb.len)
			sb_addstr(&sb, ", ");
		sb_add(&sb, item->data.scalar.value, item->data.scalar.length);
	}
	if (!sb.len) {
		sb_release(&sb);
		return NULL;
	}
	return sb_detach(&sb, NULL);
}

static int parse_yaml(const char *name, const char *text, size_t len, int first_line, struct front *fm)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root;
	int ret = 0;

	if (!yaml_parser_initialize(&parser))
		return error("'%s': out of memory reading the front matter", name);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &doc)) {
		warning("'%s' line %d: the front matter is not YAML (%s); its keys are ignored", name,
			first_line + (int)parser.problem_mark.line, parser.problem ? parser.problem : "?");
		yaml_parser_delete(&parser);
		return 0;
	}
	root = yaml_document_get_root_node(&doc);
	if (root && root->type == YAML_MAPPING_NODE) {
		for (yaml_node_pair_t *pr = root->data.mapping.pairs.start;
		     pr < root->data.mapping.pairs.top && ret == 0; pr++) {
			yaml_node_t *k = yaml_document_get_node(&doc, pr->key);
			yaml_node_t *v = yaml_document_get_node(&doc, pr->value);
			char *key, *value;

			if (!k || !v || k->type != YAML_SCALAR_NODE)
				continue;
			key = xstrndup((const char *)k->data.scalar.value, k->data.scalar.length);
			value = node_text(&doc, v);
			if (value && *value)
				ret = take(name, first_line + (int)v->start_mark.line, key_of(key), value, fm);
			free(key);
			free(value);
		}
	}
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	return ret;
}

/* TOML, as Hugo writes it: `key = "value"` lines; tables, arrays of
 * tables and multi-line values are skipped. */
static int parse_toml(const char *name, const char *text, size_t len, int first_line, struct front *fm)
{
	const char *p = text, *end = text + len;
	int line = first_line, ret = 0;

	for (; p < end && ret == 0; line++) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		char *l, *eq, *key, *value;
		size_t n;

		if (!eol)
			eol = end;
		l = xstrndup(p, (size_t)(eol - p));
		p = eol + 1;
		eq = strchr(l, '=');
		if (eq && *l != '[' && *l != '#') {
			*eq = '\0';
			key = l + strspn(l, " \t");
			for (n = strlen(key); n && (key[n - 1] == ' ' || key[n - 1] == '\t'); n--)
				key[n - 1] = '\0';
			value = eq + 1 + strspn(eq + 1, " \t");
			for (n = strlen(value); n && isspace((unsigned char)value[n - 1]); n--)
				value[n - 1] = '\0';
			if (n >= 2 && (value[0] == '"' || value[0] == '\'') && value[n - 1] == value[0]) {
				value[n - 1] = '\0';
				value++;
			}
			if (*value)
				ret = take(name, line, key_of(key), value, fm);
		}
		free(l);
	}
	return ret;
}

/* Keys that only a publishing system writes: a block of them opens a post
 * whose front matter lost its "---" lines in an export. */
static int publishing_key(const char *k, size_t n)
{
	static const char *const names[] = {
		"title", "layout", "date", "permalink", "slug", "tags", "categories", "author",
		"published", "draft", "type", "excerpt", "description", "summary", "status",
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == n && !memcmp(k, names[i], n))
			return 1;
	return 0;
}

/* The length of a block of "key: value" lines at the very top, ended by a
 * blank line, that only front matter can be: every line a lowercase key,
 * two or more of them a publishing system's, one of them "title" or
 * "layout".  0 when the text opens otherwise. */
static size_t bare_front(const char *data, size_t len)
{
	size_t p = 0, lines = 0, known = 0;
	int named = 0;

	while (p < len && data[p] != '\n' && data[p] != '\r') {
		size_t k = p, eol;

		while (k < len && (islower((unsigned char)data[k]) || data[k] == '_' || data[k] == '-'))
			k++;
		if (k == p || k + 1 >= len || data[k] != ':' || (data[k + 1] != ' ' && data[k + 1] != '\n'))
			return 0;
		known += (size_t)publishing_key(data + p, k - p);
		named |= (k - p == 5 && !memcmp(data + p, "title", 5)) || (k - p == 6 && !memcmp(data + p, "layout", 6));
		for (eol = k; eol < len && data[eol] != '\n'; eol++)
			;
		lines++;
		p = eol < len ? eol + 1 : eol;
	}
	return lines >= 2 && known >= 2 && named && p < len ? p : 0;
}

int front_parse(const char *name, const char *data, size_t len, struct front *fm, size_t *body)
{
	size_t p = 0, start;
	int line = 1;
	char mark[4];

	memset(fm, 0, sizeof(*fm));
	*body = 0;
	if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3))
		p = 3;
	if (len - p < 4 || (strncmp(data + p, "---", 3) && strncmp(data + p, "+++", 3))) {
		size_t n = bare_front(data + p, len - p);

		if (!n)
			return 0;
		*body = p + n;
		if (parse_yaml(name, data + p, n, 1, fm) < 0) {
			front_release(fm);
			return -1;
		}
		return 0;
	}
	memcpy(mark, data + p, 3);
	mark[3] = '\0';
	p += 3;
	while (p < len && (data[p] == ' ' || data[p] == '\t'))
		p++;
	if (p < len && data[p] != '\n' && data[p] != '\r')
		return 0;	/* "--- text": a rule, not front matter */
	p += p < len && data[p] == '\r';
	p += p < len && data[p] == '\n';
	start = p;
	while (p < len) {
		size_t eol = p, e;

		line++;
		while (eol < len && data[eol] != '\n' && data[eol] != '\r')
			eol++;
		for (e = eol; e > p && (data[e - 1] == ' ' || data[e - 1] == '\t'); e--)
			;
		if ((e - p == 3 && !memcmp(data + p, mark, 3)) ||
		    (mark[0] == '-' && e - p == 3 && !memcmp(data + p, "...", 3))) {
			int ret;

			if (p - start > FRONT_MAX_BYTES) {
				warning("'%s': front matter of %zu KB is more than a post's; its keys are ignored",
					name, (p - start) / 1024);
				ret = 0;
			} else {
				ret = mark[0] == '-' ? parse_yaml(name, data + start, p - start, 2, fm)
						     : parse_toml(name, data + start, p - start, 2, fm);
			}
			p = eol;
			p += p < len && data[p] == '\r';
			p += p < len && data[p] == '\n';
			*body = p;
			if (ret < 0)
				front_release(fm);
			return ret;
		}
		p = eol;
		p += p < len && data[p] == '\r';
		p += p < len && data[p] == '\n';
	}
	return error("'%s': the front matter that opens on line 1 has no closing '%s'", name, mark);
}

void front_merge(struct front *fm, struct front *more)
{
	char **mine[] = { &fm->title, &fm->date, &fm->author, &fm->host, &fm->guest, &fm->description,
			  &fm->fallback_title };
	char **theirs[] = { &more->title, &more->date, &more->author, &more->host, &more->guest,
			    &more->description, &more->fallback_title };

	for (size_t i = 0; i < sizeof(mine) / sizeof(mine[0]); i++)
		if (!*mine[i]) {
			*mine[i] = *theirs[i];
			*theirs[i] = NULL;
		}
	if (!fm->episode)
		fm->episode = more->episode;
	if (!fm->season)
		fm->season = more->season;
	front_release(more);
}

void front_release(struct front *fm)
{
	free(fm->title);
	free(fm->date);
	free(fm->author);
	free(fm->host);
	free(fm->guest);
	free(fm->description);
	free(fm->fallback_title);
	memset(fm, 0, sizeof(*fm));
}
