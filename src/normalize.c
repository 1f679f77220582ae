/* normalize.c -- see normalize.h.
 *
 * The text goes through the passes below in order, each one small and
 * each a whole rewrite of the string (paragraphs are short).  What each
 * does, with an example, is the table normalize_rules[]. */
#include "normalize.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

const struct normalize_rule normalize_rules[] = {
	{ "stray Markdown", "**bold**, `code`, [a link](http://x.org)", "bold, code, a link" },
	{ "list markers", "2) Be kind.", "2: Be kind." },
	{ "bullets", "\xe2\x80\xa2 Hire well.", "Hire well." },
	{ "editorial brackets", "he told [his father] no", "he told his father no" },
	{ "emoticons", "who's counting? ;-)", "who's counting?" },
	{ "bracketed punctuation", "chat(!) and email(?)", "chat and email" },
	{ "numbers with #", "Employee #41", "Employee number 41" },
	{ "abbreviations", "Sr. Manager, Acme Inc., e.g. this vs. that",
	  "Senior Manager, Acme Incorporated, for example this versus that" },
	{ "ampersands", "P&L, R&D, salt & pepper", "P and L, R and D, salt and pepper" },
	{ "ellipses and dashes as pauses", "end up...looking -- or not \xe2\x80\x94 ever",
	  "end up, looking, or not, ever" },
	{ "number ranges", "10\xe2\x80\x93" "20 people", "10 to 20 people" },
	{ "web addresses", "see https://www.example.com/about", "see example dot com slash about" },
	{ "e-mail addresses", "write to jane@example.org", "write to jane at example dot org" },
};
const unsigned normalize_nrules = sizeof(normalize_rules) / sizeof(normalize_rules[0]);

static const struct {
	const char *written;
	const char *spoken;
	int ends_sentence;   /* may stand at the end of a sentence: keep its stop */
} abbreviations[] = {
	{ "Sr.", "Senior", 0 }, { "Jr.", "Junior", 1 }, { "Inc.", "Incorporated", 1 },
	{ "Ltd.", "Limited", 1 }, { "Corp.", "Corporation", 1 }, { "Co.", "Company", 1 },
	{ "vs.", "versus", 0 }, { "e.g.", "for example", 0 }, { "i.e.", "that is", 0 },
	{ "etc.", "et cetera", 1 }, { "approx.", "approximately", 0 }, { "Dr.", "Doctor", 0 },
	{ "Mr.", "Mister", 0 }, { "Mrs.", "Missus", 0 }, { "Ms.", "Miz", 0 },
	{ "Prof.", "Professor", 0 }, { "Dept.", "Department", 1 }, { "Gov.", "Governor", 0 },
	{ "Sen.", "Senator", 0 }, { "Rep.", "Representative", 0 }, { "St.", "Saint", 0 },
	{ "Mt.", "Mount", 0 }, { "Ave.", "Avenue", 1 }, { "approx", "approximately", 0 },
};

static const char *const emoticons[] = {
	";-)", ":-)", ";)", ":)", ":-(", ":(", ":-D", ":D", ":-P", ":P", ";-P", ";P",
	":-/", ":'(", "<3", "^_^", ":-O", ":O", "xD", "XD",
};

static const char *const bracketed_punct[] = { "(!)", "(?)", "(!?)", "(?!)", "(sic)", "[sic]" };

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int word_start(const char *base, const char *p)
{
	return p == base || !isalnum((unsigned char)p[-1]);
}

static int word_end(const char *p)
{
	return !*p || !isalnum((unsigned char)*p);
}

/* Replace every whole-token occurrence of the strings in list by with. */
static void drop_tokens(struct sb *out, const char *s, const char *const *list, size_t n)
{
	while (*s) {
		size_t i;

		for (i = 0; i < n; i++) {
			size_t len = strlen(list[i]);
			if (!strncmp(s, list[i], len) &&
			    (!s[len] || s[len] == ' ' || s[len] == ',' || s[len] == '.')) {
				s += len;
				break;
			}
		}
		if (i == n)
			sb_addch(out, *s++);
	}
}

/* Markdown marks and links, and the brackets of editorial insertions. */
static void pass_markup(struct sb *out, const char *s)
{
	while (*s == '#')
		s++;
	while (*s) {
		if (*s == '[') {
			const char *close = strchr(s, ']');
			/* [text](url): keep the text */
			if (close && close[1] == '(' && strchr(close, ')')) {
				sb_add(out, s + 1, (size_t)(close - s - 1));
				s = strchr(close, ')') + 1;
				continue;
			}
			s++;	/* [his father]: read without the brackets */
			continue;
		}
		if (*s == ']' || *s == '*' || *s == '`' || (*s == '_' && (s[1] == '_' || word_start(s, s))))
			s++;
		else
			sb_addch(out, *s++);
	}
}

/* "- item", "* item", "• item": the marker goes; "2) item" reads "2:". */
static void pass_list(struct sb *out, const char *s)
{
	const char *p = s;

	if ((s[0] == '-' || s[0] == '*') && s[1] == ' ') {
		s += 2;
	} else if (!strncmp(s, "\xe2\x80\xa2 ", 4)) {
		s += 4;
	} else {
		while (isdigit((unsigned char)*p))
			p++;
		if (p > s && *p == ')' && p[1] == ' ') {
			sb_add(out, s, (size_t)(p - s));
			sb_addch(out, ':');
			s = p + 1;
		}
	}
	sb_addstr(out, s);
}

static void pass_numbers(struct sb *out, const char *s)
{
	for (const char *p = s; *p; p++) {
		if (*p == '#' && isdigit((unsigned char)p[1]) && word_start(s, p)) {
			sb_addstr(out, "number ");
			continue;
		}
		/* 10–20, 10-20: a range */
		if (isdigit((unsigned char)*p) && !strncmp(p + 1, "\xe2\x80\x93", 3) && isdigit((unsigned char)p[4])) {
			sb_addch(out, *p);
			sb_addstr(out, " to ");
			p += 3;
			continue;
		}
		sb_addch(out, *p);
	}
}

static void pass_abbreviations(struct sb *out, const char *s)
{
	const char *p = s;

	while (*p) {
		size_t i;

		for (i = 0; i < COUNT(abbreviations); i++) {
			size_t len = strlen(abbreviations[i].written);

			if (strncmp(p, abbreviations[i].written, len) || !word_start(s, p) ||
			    (abbreviations[i].written[len - 1] != '.' && !word_end(p + len)))
				continue;
			sb_addstr(out, abbreviations[i].spoken);
			/* "at Acme Inc. We" keeps its full stop; "Sr. Manager"
			 * does not get one. */
			if (abbreviations[i].ends_sentence && (!p[len] || (p[len] == ' ' && isupper((unsigned char)p[len + 1]))))
				sb_addch(out, '.');
			p += len;
			break;
		}
		if (i == COUNT(abbreviations))
			sb_addch(out, *p++);
	}
}

static void pass_ampersands(struct sb *out, const char *s)
{
	for (const char *p = s; *p; p++) {
		if (*p == '&' && p > s && isalpha((unsigned char)p[-1]) && isalpha((unsigned char)p[1]))
			sb_addstr(out, " and ");
		else if (*p == '&')
			sb_addstr(out, "and");
		else
			sb_addch(out, *p);
	}
}

/* Ellipses and dashes are pauses: a comma, or a full stop at the end. */
static void pass_pauses(struct sb *out, const char *s)
{
	static const char *const marks[] = { "...", "\xe2\x80\xa6", " -- ", "--", " \xe2\x80\x94 ",
					     "\xe2\x80\x94", " \xe2\x80\x93 " };
	const char *p = s;

	while (*p) {
		size_t i;

		for (i = 0; i < COUNT(marks); i++) {
			size_t len = strlen(marks[i]);
			if (strncmp(p, marks[i], len))
				continue;
			p += len;
			while (*p == ' ' || *p == '.')
				p++;
			while (out->len && out->buf[out->len - 1] == ' ')
				out->buf[--out->len] = '\0';
			if (*p && *p != '"' && *p != ')' && !ispunct((unsigned char)*p))
				sb_addstr(out, out->len ? ", " : "");
			else if (!*p)
				sb_addch(out, '.');
			break;
		}
		if (i == COUNT(marks))
			sb_addch(out, *p++);
	}
}

/* "example.com" -> "example dot com"; '/' -> " slash ". */
static void speak_address(struct sb *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.')
			sb_addstr(out, " dot ");
		else if (s[i] == '/')
			sb_addstr(out, " slash ");
		else if (s[i] == '@')
			sb_addstr(out, " at ");
		else if (s[i] == '-' || s[i] == '_')
			sb_addch(out, ' ');
		else
			sb_addch(out, s[i]);
	}
}

static int url_char(char c)
{
	return isalnum((unsigned char)c) || c == '.' || c == '/' || c == '-' || c == '_' ||
	       c == '@' || c == '~' || c == '%' || c == '?' || c == '=' || c == '&' || c == '#' || c == ':';
}

static void pass_addresses(struct sb *out, const char *s)
{
	const char *p = s;

	while (*p) {
		const char *end = p;
		const char *at;
		int url, mail;

		if (!word_start(s, p) || !isalnum((unsigned char)*p)) {
			sb_addch(out, *p++);
			continue;
		}
		while (*end && url_char(*end))
			end++;
		while (end > p + 1 && strchr(".?:,", end[-1]))
			end--;	/* the sentence's punctuation, not the address's */
		url = !strncmp(p, "http://", 7) || !strncmp(p, "https://", 8) || !strncmp(p, "www.", 4);
		at = memchr(p, '@', (size_t)(end - p));
		mail = !url && at && at > p && memchr(at, '.', (size_t)(end - at)) && end[-1] != '.';
		if (url) {
			const char *q = strstr(p, "://");
			const char *path_end;

			if (q && q < end)
				p = q + 3;
			if (!strncmp(p, "www.", 4))
				p += 4;
			path_end = p;
			while (path_end < end && *path_end != '?' && *path_end != '#')
				path_end++;
			while (path_end > p && path_end[-1] == '/')
				path_end--;
			speak_address(out, p, (size_t)(path_end - p));
		} else if (mail) {
			speak_address(out, p, (size_t)(end - p));
		} else {
			sb_add(out, p, (size_t)(end - p));
		}
		p = end;
	}
}

typedef void (*pass_fn)(struct sb *, const char *);

static void run_pass(struct sb *text, pass_fn fn)
{
	struct sb out = SB_INIT;

	fn(&out, text->buf);
	sb_release(text);
	*text = out;
	if (!text->buf)
		sb_addstr(text, "");
}

static void pass_emoticons(struct sb *out, const char *s)
{
	drop_tokens(out, s, emoticons, COUNT(emoticons));
}

static void pass_bracketed_punct(struct sb *out, const char *s)
{
	drop_tokens(out, s, bracketed_punct, COUNT(bracketed_punct));
}

/* Runs of spaces left by the passes, and spaces before punctuation. */
static void pass_spaces(struct sb *out, const char *s)
{
	while (*s == ' ')
		s++;
	for (const char *p = s; *p; p++) {
		if (*p == ' ' && (p[1] == ' ' || p[1] == ',' || p[1] == '.' || p[1] == '?' || p[1] == '!' || !p[1]))
			continue;
		sb_addch(out, *p);
	}
}

char *normalize_text(const char *text)
{
	static const pass_fn passes[] = {
		pass_emoticons, pass_bracketed_punct, pass_markup, pass_list, pass_addresses,
		pass_numbers, pass_abbreviations, pass_ampersands, pass_pauses, pass_spaces,
	};
	struct sb sb = SB_INIT;

	sb_addstr(&sb, text);
	for (size_t i = 0; i < COUNT(passes); i++)
		run_pass(&sb, passes[i]);
	return sb_detach(&sb, NULL);
}
