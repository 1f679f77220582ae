/* lexicon.c -- see lexicon.h. */
#include "lexicon.h"

#include <ctype.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

struct lexicon_entry {
	char *word;          /* a literal word, or NULL for a pattern */
	int nocase;
	regex_t re;
	char *replacement;
};

/* glibc's regcomp() takes time and memory exponential in nested or long
 * counted repetitions ("(a+)+++", "x{1000}"): such patterns are refused
 * rather than let a lexicon exhaust the machine. */
#define PATTERN_MAX 200
#define REPEAT_MAX 20

static int pattern_too_costly(const char *re)
{
	int after_quantifier = 0;

	if (strlen(re) > PATTERN_MAX)
		return 1;
	for (const char *p = re; *p; p++) {
		int quantifier = *p == '+' || *p == '*' || *p == '?' || *p == '{';

		if (*p == '\\' && p[1]) {
			p++;
			after_quantifier = 0;
			continue;
		}
		if (quantifier && after_quantifier)
			return 1;
		if (*p == '{') {
			long n = strtol(p + 1, NULL, 10);
			const char *comma = strchr(p, ',');
			if (n > REPEAT_MAX || (comma && strtol(comma + 1, NULL, 10) > REPEAT_MAX))
				return 1;
			p = strchr(p, '}') ? strchr(p, '}') : p;
		}
		/* a group that ends in a quantifier and is repeated: (a+)+ */
		if (*p == ')' && p > re && (p[-1] == '+' || p[-1] == '*') &&
		    (p[1] == '+' || p[1] == '*' || p[1] == '{'))
			return 1;
		after_quantifier = quantifier;
	}
	return 0;
}

static int add_entry(struct lexicon *lx, const char *name, int line, const char *key,
		     size_t key_len, const char *value)
{
	struct lexicon_entry *e;
	char *k = xstrndup(key, key_len);

	XGROW(lx->e, lx->alloc, lx->n + 1);
	e = &lx->e[lx->n];
	memset(e, 0, sizeof(*e));
	if (k[0] == '/') {
		char *close = strrchr(k, '/');
		int flags = REG_EXTENDED, err;

		if (close == k || (close[1] && strcmp(close + 1, "i"))) {
			free(k);
			return error("'%s' line %d: a pattern is /REGEX/ or /REGEX/i", name, line);
		}
		if (close[1] == 'i')
			flags |= REG_ICASE;
		*close = '\0';
		if (pattern_too_costly(k + 1)) {
			free(k);
			return error("'%s' line %d: the pattern repeats a repetition or is longer than %d "
				     "characters; write it more simply", name, line, PATTERN_MAX);
		}
		/* \b is a GNU extension glibc's regcomp() understands */
		if ((err = regcomp(&e->re, k + 1, flags))) {
			char msg[200];

			regerror(err, &e->re, msg, sizeof(msg));
			free(k);
			return error("'%s' line %d: bad pattern: %s", name, line, msg);
		}
		free(k);
		if (regexec(&e->re, "", 0, NULL, 0) == 0) {
			regfree(&e->re);
			return error("'%s' line %d: the pattern matches nothing at all (an empty string)",
				     name, line);
		}
	} else {
		if (strpbrk(k, " \t")) {
			error("'%s' line %d: '%s' is more than one word; use a /pattern/", name, line, k);
			free(k);
			return -1;
		}
		e->word = k;
		e->nocase = 1;
		for (char *c = k; *c; c++)
			if (isupper((unsigned char)*c))
				e->nocase = 0;
	}
	e->replacement = xstrdup(value);
	lx->n++;
	return 0;
}

int lexicon_parse(const char *name, const char *text, struct lexicon *lx)
{
	const char *p = text;
	int line = 0;

	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		char *l = xstrndup(p, len), *eq, *key, *value, *end;
		int ret = 0;

		line++;
		p += len + (eol != NULL);
		for (end = l + strlen(l); end > l && isspace((unsigned char)end[-1]);)
			*--end = '\0';
		key = l + strspn(l, " \t");
		if (!*key || *key == '#') {
			free(l);
			continue;
		}
		/* a pattern may hold '=': look after its closing '/' */
		eq = strchr(key[0] == '/' ? strrchr(key, '/') : key, '=');
		if (!eq) {
			free(l);
			return error("'%s' line %d: expected WORD = SAYING or /PATTERN/ = SAYING", name, line);
		}
		value = eq + 1 + strspn(eq + 1, " \t");
		for (end = eq; end > key && isspace((unsigned char)end[-1]);)
			end--;
		if (end == key || !*value)
			ret = error("'%s' line %d: expected WORD = SAYING or /PATTERN/ = SAYING", name, line);
		else if (!strncmp(value, "[[", 2) && !strstr(value, "]]"))
			ret = error("'%s' line %d: phonemes open with [[ and close with ]]", name, line);
		else
			ret = add_entry(lx, name, line, key, (size_t)(end - key), value);
		free(l);
		if (ret < 0)
			return -1;
	}
	return 0;
}

int lexicon_load(const char *path, struct lexicon *lx)
{
	char *data;
	size_t len;
	int ret;

	if (util_read_file(path, &data, &len) < 0)
		return -1;
	if (memchr(data, '\0', len))
		ret = error("'%s' is not a text file", path);
	else
		ret = lexicon_parse(path, data, lx);
	free(data);
	if (ret < 0)
		lexicon_release(lx);
	return ret;
}

void lexicon_release(struct lexicon *lx)
{
	for (size_t i = 0; i < lx->n; i++) {
		if (!lx->e[i].word)
			regfree(&lx->e[i].re);
		free(lx->e[i].word);
		free(lx->e[i].replacement);
	}
	free(lx->e);
	memset(lx, 0, sizeof(*lx));
}

static int is_word_char(char c)
{
	return isalnum((unsigned char)c) || c == '\'' || (unsigned char)c >= 0x80;
}

static void apply_word(const struct lexicon_entry *e, const char *s, struct sb *out)
{
	size_t n = strlen(e->word);

	for (const char *p = s; *p;) {
		int at_start = p == s || !is_word_char(p[-1]);

		if (at_start && !(e->nocase ? strncasecmp(p, e->word, n) : strncmp(p, e->word, n)) &&
		    !is_word_char(p[n])) {
			sb_addstr(out, e->replacement);
			p += n;
		} else {
			sb_addch(out, *p++);
		}
	}
}

static void apply_pattern(const struct lexicon_entry *e, const char *s, struct sb *out)
{
	regmatch_t m;
	int flags = 0;

	while (*s && !regexec(&e->re, s, 1, &m, flags)) {
		if (m.rm_eo == 0) {	/* an empty match: move on one character */
			sb_addch(out, *s++);
			flags = REG_NOTBOL;
			continue;
		}
		sb_add(out, s, (size_t)m.rm_so);
		sb_addstr(out, e->replacement);
		s += m.rm_eo;
		flags = REG_NOTBOL;
	}
	sb_addstr(out, s);
}

/* Each entry applies to what the ones before it made; entries whose
 * sayings contain what they replace could make a paragraph grow without
 * bound, so the growth stops here. */
#define GROWTH_MAX(len) (8 * (len) + 1024)

char *lexicon_apply(const struct lexicon *lx, const char *text)
{
	struct sb cur = SB_INIT;
	size_t limit = GROWTH_MAX(strlen(text));

	sb_addstr(&cur, text);
	for (size_t i = 0; lx && i < lx->n && cur.len <= limit; i++) {
		struct sb next = SB_INIT;

		if (lx->e[i].word)
			apply_word(&lx->e[i], cur.buf, &next);
		else
			apply_pattern(&lx->e[i], cur.buf, &next);
		sb_release(&cur);
		cur = next;
		if (!cur.buf)
			sb_addstr(&cur, "");
	}
	return sb_detach(&cur, NULL);
}
