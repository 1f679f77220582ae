/* normalize.c -- see normalize.h.
 *
 * The text goes through the passes below in order, each one small and
 * each a whole rewrite of the string (paragraphs are short).  What each
 * does, with an example, is the table normalize_rules[]. */
#include "normalize.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	{ "ampersands", "salt & pepper, AT&T", "salt and pepper, AT&T" },
	{ "ellipses and dashes as pauses", "end up...looking -- or not \xe2\x80\x94 ever",
	  "end up, looking, or not, ever" },
	{ "number ranges", "10\xe2\x80\x93" "20 people", "10 to 20 people" },
	{ "web addresses", "see https://www.example.com/about", "see example dot com slash about" },
	{ "e-mail addresses", "write to jane@example.org", "write to jane at example dot org" },
	{ "money", "$14 million, $5.99, \xc2\xa3" "20, $0.50", "14 million dollars, 5 dollars 99, 20 pounds, 50 cents" },
	{ "decades", "the 1990s, the '80s, the 2000s", "the 19 nineties, the eighties, the two thousands" },
	{ "dates with slashes", "on 11/30/2026", "on November 30, 2026" },
	{ "fractions and 24/7", "1/2 cup, 2/3 of them, open 24/7", "one half cup, two thirds of them, open twenty-four seven" },
	{ "ratios and times", "3:1 odds at 9:05, 12:00, 4:00 PM", "3 to 1 odds at 9 oh 5, 12 o'clock, 4 PM" },
	{ "ranges and scores with a hyphen", "5-10 people, a 2-1 win", "5 to 10 people, a 2 to 1 win" },
	{ "ISO dates", "on 2024-05-01", "on May 1, 2024" },
	{ "months cut short", "Nov. 30, 2026", "November 30, 2026" },
	{ "musical and language names", "C#, F# and .NET", "C sharp, F sharp and dot net" },
	{ "initials in the plural", "P&Ls, Q&As", "P&L's, Q&A's" },
	{ "states after a town", "Sunnyvale, CA", "Sunnyvale, California" },
	{ "emoji", "launch day \xf0\x9f\x9a\x80", "launch day" },
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
	{ "Sen.", "Senator", 0 }, { "Rep.", "Representative", 0 },	/* "St." espeak-ng reads by its place */
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

/* "salt & pepper": and.  Between capitals ("AT&T", "A&M", "Q&A") the
 * ampersand is left to espeak-ng, which reads such initials right, where
 * "A and M" would make its A the article. */
static void pass_ampersands(struct sb *out, const char *s)
{
	for (const char *p = s; *p; p++) {
		if (*p == '&' && p > s && isupper((unsigned char)p[-1]) && isupper((unsigned char)p[1]) &&
		    (p - 1 == s || !isalpha((unsigned char)p[-2]) || isupper((unsigned char)p[-2])))
			sb_addch(out, '&');
		else if (*p == '&' && p > s && isalpha((unsigned char)p[-1]) && isalpha((unsigned char)p[1]))
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

/* The length of the UTF-8 sequence at p when it is an emoji (or a joiner,
 * a variation selector or a skin tone that goes with one), else 0. */
static size_t emoji_at(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	unsigned cp;
	size_t n;

	if (u[0] < 0xe2)
		return 0;
	if (u[0] >= 0xf0 && u[0] < 0xf5 && u[1] && u[2] && u[3]) {
		cp = ((u[0] & 7u) << 18) | ((u[1] & 0x3fu) << 12) | ((u[2] & 0x3fu) << 6) | (u[3] & 0x3fu);
		n = 4;
	} else if (u[0] >= 0xe0 && u[0] < 0xf0 && u[1] && u[2]) {
		cp = ((u[0] & 0xfu) << 12) | ((u[1] & 0x3fu) << 6) | (u[2] & 0x3fu);
		n = 3;
	} else {
		return 0;
	}
	return (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x27bf) || cp == 0x200d ||
	       cp == 0xfe0f || cp == 0x2b50 || cp == 0x2b55 || cp == 0x2934 || cp == 0x2935 ? n : 0;
}

/* Emoji are pictures: not read out ("rocket", "party popper"), but for
 * the few that stand for a word: a heart for "love" ("I <heart> NY"), a
 * star for "star" ("5<star> reviews"), a no-entry sign for "no". */
static void pass_emoji(struct sb *out, const char *s)
{
	static const struct {
		const char *emoji, *word, *after;	/* said only after this ("" anywhere) */
	} words[] = {
		{ "\xe2\x9d\xa4", "love", "I " }, { "\xe2\x99\xa5", "love", "I " }, { "\xe2\x9d\xa4", "love", "we " },
		{ "\xe2\xad\x90", "star", "0123456789" }, { "\xf0\x9f\x9a\xab", "no", "" },
	};

	for (const char *p = s; *p;) {
		size_t n = emoji_at(p), k;

		for (k = 0; k < COUNT(words); k++) {
			size_t a = strlen(words[k].after);

			if (strncmp(p, words[k].emoji, strlen(words[k].emoji)))
				continue;
			if (!a || (isdigit((unsigned char)words[k].after[0]) ? p > s && isdigit((unsigned char)p[-1])
									       : (size_t)(p - s) >= a &&
										 !strncasecmp(p - a, words[k].after, a)))
				break;
		}
		if (k < COUNT(words)) {
			if (out->len && isalnum((unsigned char)out->buf[out->len - 1]))
				sb_addch(out, ' ');
			sb_addstr(out, words[k].word);
			p += strlen(words[k].emoji);
			while ((n = emoji_at(p)))	/* its variation selector */
				p += n;
			if (isalnum((unsigned char)*p))
				sb_addch(out, ' ');
			continue;
		}
		if (!n) {
			sb_addch(out, *p++);
			continue;
		}
		p += n;
		while ((n = emoji_at(p)))
			p += n;
		if (out->len && out->buf[out->len - 1] == ' ' && *p == ' ')
			p++;
	}
}

static const char *const months[] = {
	"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December",
};

static const char *const tens_plural[] = {
	"", "tens", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
};

/* Digits at p: their count, their value in *v (saturating). */
static size_t digits(const char *p, unsigned long *v)
{
	size_t n = 0;

	*v = 0;
	while (isdigit((unsigned char)p[n])) {
		if (*v < 100000000ul)
			*v = *v * 10 + (unsigned long)(p[n] - '0');
		n++;
	}
	return n;
}

/* "$14 million", "$5.99", "$2.5M", "\xc2\xa3" "20", "\xe2\x82\xac" "5": the amount
 * first, then its unit, as people say it.  Returns the bytes read at p,
 * 0 when p holds no amount. */
/* An amount at q ("1,200", "2.5"): the bytes of its number, its whole
 * part in *whole, its decimals' count in *nc and value in *cents; then the
 * scale after it ("M", " million"): its index in scales, or -1, and the
 * bytes read in *len. */
static const struct {
	const char *word, *say;
} scales[] = {
	{ " million", "million" }, { " billion", "billion" }, { " trillion", "trillion" },
	{ " thousand", "thousand" }, { "M", "million" }, { "bn", "billion" }, { "B", "billion" },
	{ "m", "million" }, { "K", "thousand" }, { "k", "thousand" },
};

static size_t amount(const char *q, unsigned long *whole, size_t *nc, unsigned long *cents, int *scale, size_t *len)
{
	unsigned long part;
	size_t nw = digits(q, whole);

	*nc = 0;
	*cents = 0;
	*scale = -1;
	if (!nw)
		return 0;
	while (q[nw] == ',' && isdigit((unsigned char)q[nw + 1]) && digits(q + nw + 1, &part) == 3)
		nw += 4;	/* "$1,200" */
	if (q[nw] == '.' && isdigit((unsigned char)q[nw + 1]))
		*nc = digits(q + nw + 1, cents);
	*len = nw + (*nc ? *nc + 1 : 0);
	for (size_t k = 0; k < COUNT(scales); k++) {
		size_t n = strlen(scales[k].word);

		if (!strncmp(q + *len, scales[k].word, n) && !isalpha((unsigned char)q[*len + n])) {
			*scale = (int)k;
			*len += n;
			break;
		}
	}
	return nw;
}

/* "$14 million", "$5.99", "$2.5M", "£20", "€5", "$5 to $10 million",
 * "$25-$40": the amount first, then its unit, as people say it
 * ("a $20 bill": a 20 dollar bill).  Returns the bytes read at p, 0 when
 * p holds no amount. */
static size_t money(struct sb *out, const char *s, const char *p)
{
	static const struct {
		const char *sign, *one, *many;
	} units[] = {
		{ "$", "dollar", "dollars" }, { "\xc2\xa3", "pound", "pounds" }, { "\xe2\x82\xac", "euro", "euros" },
	};
	static const char *const to[] = { " to ", "-", "\xe2\x80\x93", " - ", " \xe2\x80\x93 " };
	const char *q, *end;
	unsigned long whole, cents, whole2, cents2;
	size_t u, nw, nc, len, nc2, len2 = 0;
	int scale, scale2 = -1, range = 0, one;

	for (u = 0; u < COUNT(units); u++)
		if (!strncmp(p, units[u].sign, strlen(units[u].sign)))
			break;
	if (u == COUNT(units) || (p > s && isalnum((unsigned char)p[-1])))
		return 0;
	q = p + strlen(units[u].sign);
	if (!(nw = amount(q, &whole, &nc, &cents, &scale, &len)))
		return 0;
	end = q + len;
	/* a range: the second amount's scale and unit are the first's too */
	for (size_t k = 0; k < COUNT(to) && !range; k++) {
		const char *r = end + strlen(to[k]);

		if (strncmp(end, to[k], strlen(to[k])))
			continue;
		if (!strncmp(r, units[u].sign, strlen(units[u].sign)))
			r += strlen(units[u].sign);
		if (amount(r, &whole2, &nc2, &cents2, &scale2, &len2) && (!nc2 || scale2 >= 0 || nc2 == 2) &&
		    (scale < 0 || (scale2 >= 0 && !strcmp(scales[scale].say, scales[scale2].say)))) {
			/* "$1.5bn-$2bn", "£30k-£40k": one scale, said once */
			range = 1;
			sb_add(out, q, nw + (nc ? nc + 1 : 0));
			sb_addstr(out, " to ");
			sb_add(out, r, len2 - (scale2 >= 0 ? strlen(scales[scale2].word) : 0));
			end = r + len2;
			scale = scale2;
		}
	}
	/* "a $20 bill", "a $15 million deal": the unit before a noun */
	one = p >= s + 2 && (!strncasecmp(p - 2, "a ", 2) || (p >= s + 3 && !strncasecmp(p - 3, "an ", 3))) &&
	      (p - 2 == s || p[-3] == ' ' || (p >= s + 3 && p[-3] == 'a'));
	if (range) {
		if (scale >= 0)
			sb_addf(out, " %s", scales[scale].say);
		sb_addf(out, " %s", one ? units[u].one : units[u].many);
		return (size_t)(end - p);
	}
	if (scale >= 0) {
		/* "$2.5M": the number as written, the scale, the unit */
		sb_add(out, q, nw + (nc ? nc + 1 : 0));
		sb_addf(out, " %s %s", scales[scale].say, one ? units[u].one : units[u].many);
		return (size_t)(end - p);
	}
	if (nc && nc != 2)
		return 0;	/* "$1.5" without a scale: leave it to the reader */
	if (whole == 0 && nc && u == 0) {
		sb_addf(out, "%lu cent%s", cents, cents == 1 || one ? "" : "s");
	} else {
		sb_add(out, q, nw);
		sb_addf(out, " %s", (whole == 1 && nw == 1) || one ? units[u].one : units[u].many);
		if (nc && cents)
			sb_addf(out, " %02lu", cents);
	}
	return (size_t)(end - p);
}

/* "1990s", "'90s", "80s": a decade, said as one. */
static size_t decade(struct sb *out, const char *s, const char *p)
{
	unsigned long v;
	size_t n, plural;
	const char *q = p;

	if (!strncmp(q, "'", 1))
		q++;
	else if (!strncmp(q, "\xe2\x80\x99", 3))
		q += 3;
	if (p > s && (isalnum((unsigned char)p[-1]) || (q == p && (p[-1] == '$' || p[-1] == '.'))))
		return 0;
	n = digits(q, &v);
	/* "1990s", and "1980's" as some write it */
	plural = q[n] == 's' ? 1 : q[n] == '\'' && q[n + 1] == 's' ? 2 : 0;
	if ((n != 2 && n != 4) || !plural || isalnum((unsigned char)q[n + plural]) || v % 10 || (n == 2 && v < 10))
		return 0;	/* "the 00s" is left to the reader */
	if (n == 2) {
		sb_addstr(out, tens_plural[v / 10]);
	} else if (v % 1000 == 0) {
		sb_addf(out, "%s thousands", v == 1000 ? "one" : v == 2000 ? "two" : "three");
	} else if (v % 100 == 0) {
		sb_addf(out, "%lu hundreds", v / 100);
	} else if (v / 100 == 20 && v % 100 < 10) {
		return 0;
	} else {
		sb_addf(out, "%lu %s", v / 100, tens_plural[(v % 100) / 10]);
	}
	return (size_t)(q + n + plural - p);
}

/* "11/30/2026" (month first, or day first when the first is over 12),
 * "1/2", "3/4", "24/7". */
static size_t slashed(struct sb *out, const char *s, const char *p)
{
	static const char *const parts[][2] = {
		{ "", "" }, { "", "" }, { "half", "halves" }, { "third", "thirds" }, { "quarter", "quarters" },
		{ "fifth", "fifths" }, { "sixth", "sixths" }, { "seventh", "sevenths" }, { "eighth", "eighths" },
		{ "ninth", "ninths" }, { "tenth", "tenths" },
	};
	static const char *const small[] = { "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten" };
	unsigned long a, b, c;
	size_t na, nb, nc;

	if (p > s && (isalnum((unsigned char)p[-1]) || p[-1] == '/' || p[-1] == '.'))
		return 0;
	na = digits(p, &a);
	if (!na || p[na] != '/' || !(nb = digits(p + na + 1, &b)))
		return 0;
	if (p[na + 1 + nb] == '/' && (nc = digits(p + na + 2 + nb, &c)) && (nc == 2 || nc == 4) &&
	    !isalnum((unsigned char)p[na + 2 + nb + nc]) && p[na + 2 + nb + nc] != '/') {
		unsigned long m = a, d = b;

		if (a > 12 && b <= 12)
			m = b, d = a;
		if (m < 1 || m > 12 || d < 1 || d > 31)
			return 0;
		if (nc == 2)
			c += c < 50 ? 2000 : 1900;
		if (m == a)
			sb_addf(out, "%s %lu, %lu", months[m - 1], d, c);
		else
			sb_addf(out, "%lu %s %lu", d, months[m - 1], c);
		return na + nb + nc + 2;
	}
	if (isalnum((unsigned char)p[na + 1 + nb]) || p[na + 1 + nb] == '/')
		return 0;
	if (a == 24 && b == 7) {
		sb_addstr(out, "twenty-four seven");
		return na + nb + 1;
	}
	/* halves, thirds and quarters, and one of up to ten ("1/10"): "4/5
	 * stars", "8/10" are ratings */
	if (a >= 1 && a < b && b >= 2 && (b <= 4 || (a == 1 && b <= 10))) {
		if (p >= s + 2 && p[-1] == ' ' && isdigit((unsigned char)p[-2]))
			sb_addstr(out, "and ");	/* "1 1/2 inches" */
		sb_addf(out, "%s %s", small[a], parts[b][a != 1]);
		return na + nb + 1;
	}
	return 0;
}

/* "3:1" a ratio, "9:05" a time with its nought said as "oh". */
static size_t colon_numbers(struct sb *out, const char *s, const char *p)
{
	unsigned long a, b;
	size_t na, nb;

	if (p > s && (isalnum((unsigned char)p[-1]) || p[-1] == ':' || p[-1] == '.'))
		return 0;
	na = digits(p, &a);
	if (!na || na > 2 || p[na] != ':' || !(nb = digits(p + na + 1, &b)) || isalnum((unsigned char)p[na + 1 + nb]) ||
	    p[na + 1 + nb] == ':')
		return 0;
	if (nb == 1) {
		sb_addf(out, "%lu to %lu", a, b);
		return na + 2;
	}
	if (nb == 2 && p[na + 1] == '0' && b && a <= 23) {
		sb_addf(out, "%lu oh %lu", a, b);
		return na + 3;
	}
	if (nb == 2 && !b && a >= 1 && a <= 12) {
		/* "4:00 AM": four AM; "12:00": twelve o'clock */
		const char *r = p + na + 3;
		int meridian = *r == ' ' && (!strncasecmp(r + 1, "am", 2) || !strncasecmp(r + 1, "pm", 2) ||
					     !strncasecmp(r + 1, "a.m.", 4) || !strncasecmp(r + 1, "p.m.", 4));

		sb_addf(out, meridian ? "%lu" : "%lu o'clock", a);
		return na + 3;
	}
	return 0;
}

/* "5-10" a range, "2-1" a score: "to", never "dash"; "2024-05-01" a
 * date. */
static size_t hyphen_range(struct sb *out, const char *s, const char *p)
{
	unsigned long a, b, c;
	size_t na, nb;

	if (p > s && (isalnum((unsigned char)p[-1]) || p[-1] == '-' || p[-1] == '.' || p[-1] == '/'))
		return 0;
	na = digits(p, &a);
	if (!na || p[na] != '-' || !(nb = digits(p + na + 1, &b)))
		return 0;
	if (na == 4 && nb == 2 && p[7] == '-' && digits(p + 8, &c) == 2 && !isalnum((unsigned char)p[10]) &&
	    b >= 1 && b <= 12 && c >= 1 && c <= 31) {
		sb_addf(out, "%s %lu, %lu", months[b - 1], c, a);
		return 10;
	}
	if (nb > 4 || na > 4 || (na == 3 && nb == 4))
		return 0;	/* a phone number ("555-1234"), a serial */
	if (isalnum((unsigned char)p[na + 1 + nb]) || p[na + 1 + nb] == '-' ||
	    (p[na + 1 + nb] == '.' && isdigit((unsigned char)p[na + 2 + nb])))
		return 0;
	sb_add(out, p, na);
	sb_addstr(out, a == 50 && b == 50 ? " " : " to ");	/* "a 50-50 chance": fifty fifty */
	sb_add(out, p + na + 1, nb);
	return na + 1 + nb;
}

/* Numbers as people say them: money, decades, dates, fractions, ratios,
 * times and ranges. */
static void pass_numerals(struct sb *out, const char *s)
{
	static size_t (*const readers[])(struct sb *, const char *, const char *) = {
		money, decade, slashed, colon_numbers, hyphen_range,
	};

	for (const char *p = s; *p;) {
		size_t n = 0;

		for (size_t i = 0; i < COUNT(readers) && !n; i++)
			n = readers[i](out, s, p);
		if (n)
			p += n;
		else
			sb_addch(out, *p++);
	}
}

static const struct {
	const char code[3], *name;
} states[] = {
	{ "AL", "Alabama" }, { "AK", "Alaska" }, { "AZ", "Arizona" }, { "AR", "Arkansas" }, { "CA", "California" },
	{ "CO", "Colorado" }, { "CT", "Connecticut" }, { "DE", "Delaware" }, { "FL", "Florida" }, { "GA", "Georgia" },
	{ "HI", "Hawaii" }, { "ID", "Idaho" }, { "IL", "Illinois" }, { "IN", "Indiana" }, { "IA", "Iowa" },
	{ "KS", "Kansas" }, { "KY", "Kentucky" }, { "LA", "Louisiana" }, { "ME", "Maine" }, { "MD", "Maryland" },
	{ "MA", "Massachusetts" }, { "MI", "Michigan" }, { "MN", "Minnesota" }, { "MS", "Mississippi" },
	{ "MO", "Missouri" }, { "MT", "Montana" }, { "NE", "Nebraska" }, { "NV", "Nevada" },
	{ "NH", "New Hampshire" }, { "NJ", "New Jersey" }, { "NM", "New Mexico" }, { "NY", "New York" },
	{ "NC", "North Carolina" }, { "ND", "North Dakota" }, { "OH", "Ohio" }, { "OK", "Oklahoma" },
	{ "OR", "Oregon" }, { "PA", "Pennsylvania" }, { "RI", "Rhode Island" }, { "SC", "South Carolina" },
	{ "SD", "South Dakota" }, { "TN", "Tennessee" }, { "TX", "Texas" }, { "UT", "Utah" }, { "VT", "Vermont" },
	{ "VA", "Virginia" }, { "WA", "Washington" }, { "WV", "West Virginia" }, { "WI", "Wisconsin" },
	{ "WY", "Wyoming" }, { "DC", "D.C." },
};

/* Two capitalised words before the comma at comma: "Jane Smith, MD". */
static int after_full_name(const char *s, const char *comma)
{
	const char *w = comma;

	while (w > s && isalpha((unsigned char)w[-1]))
		w--;
	if (w == comma || !isupper((unsigned char)*w) || w < s + 2 || w[-1] != ' ')
		return 0;
	w--;
	while (w > s && isalpha((unsigned char)w[-1]))
		w--;
	return isupper((unsigned char)*w);
}

/* Does the word before p say when: "from Aug. to Nov.", "in Sept."? */
static int after_preposition(const char *s, const char *p)
{
	static const char *const words[] = { "in ", "from ", "to ", "since ", "until ", "by ", "of ", "and ", "through " };

	for (size_t i = 0; i < COUNT(words); i++) {
		size_t n = strlen(words[i]);

		if ((size_t)(p - s) >= n && !strncmp(p - n, words[i], n) && (p - n == s || p[-n - 1] == ' '))
			return 1;
	}
	return 0;
}

/* Is the word before p (which follows ", ") a town's: capitalised, and
 * not a word a sentence opens with ("Yes, OK")? */
static int town_before(const char *s, const char *comma, const char code[2])
{
	static const char *const openers[] = { "Yes", "No", "Well", "So", "Oh", "Okay", "Hey", "Hi", "And", "But", "Now", "Right" };
	const char *w = comma;

	while (w > s && isalpha((unsigned char)w[-1]))
		w--;
	if (w == comma || !isupper((unsigned char)*w) || islower((unsigned char)comma[-1]) == 0)
		return 0;
	/* "Sure, OK", "Fine, ME too": before a code that is also a word, a
	 * sentence's first word is no town */
	if (w == s || (w >= s + 2 && strchr(".!?", w[-2]) && w[-1] == ' ')) {
		static const char *const words[] = { "OK", "ME", "IN", "OR", "HI", "OH", "LA", "MA", "PA", "AL", "ID" };

		for (size_t i = 0; i < COUNT(words); i++)
			if (code[0] == words[i][0] && code[1] == words[i][1])
				return 0;
	}
	for (size_t i = 0; i < COUNT(openers); i++)
		if (strlen(openers[i]) == (size_t)(comma - w) && !strncmp(w, openers[i], (size_t)(comma - w)))
			return 0;
	return 1;
}

/* Words espeak-ng reads letter by letter or by symbol: "C#", ".NET",
 * "P&Ls", "Nov. 30", "Sunnyvale, CA". */
static void pass_symbols(struct sb *out, const char *s)
{
	static const char *const short_months[] = {
		"Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
	};
	static const int month_of[] = { 0, 1, 2, 3, 5, 6, 7, 8, 8, 9, 10, 11 };

	for (const char *p = s; *p;) {
		size_t i;

		if (word_start(s, p) && *p >= 'A' && *p <= 'G' && p[1] == '#' && !isalnum((unsigned char)p[2])) {
			sb_addch(out, *p);
			sb_addstr(out, " sharp");
			p += 2;
			continue;
		}
		if ((p == s || p[-1] == ' ') && !strncmp(p, ".NET", 4) && !isalnum((unsigned char)p[4])) {
			sb_addstr(out, "dot net");
			p += 4;
			continue;
		}
		if (word_start(s, p) && isupper((unsigned char)p[0]) && p[1] == '&' && isupper((unsigned char)p[2]) &&
		    p[3] == 's' && !isalnum((unsigned char)p[4])) {
			sb_addf(out, "%c&%c's", p[0], p[2]);
			p += 4;
			continue;
		}
		for (i = 0; i < COUNT(short_months); i++) {
			size_t n = strlen(short_months[i]);

			if (word_start(s, p) && !strncmp(p, short_months[i], n) &&
			    ((p[n] == ' ' && isdigit((unsigned char)p[n + 1])) || after_preposition(s, p))) {
				sb_addstr(out, months[month_of[i]]);
				p += n;
				break;
			}
		}
		if (i < COUNT(short_months))
			continue;
		if (p > s + 2 && p[-1] == ' ' && p[-2] == ',' && isupper((unsigned char)p[0]) && isupper((unsigned char)p[1]) &&
		    !isalnum((unsigned char)p[2]) && town_before(s, p - 2, p)) {
			for (i = 0; i < COUNT(states); i++)
				if (p[0] == states[i].code[0] && p[1] == states[i].code[1])
					break;
			if (i < COUNT(states) && after_full_name(s, p - 2) && strstr("MD MA MS PA DC", states[i].code))
				i = COUNT(states);	/* "Jane Smith, MD": a degree, not Maryland */
			if (i < COUNT(states)) {
				sb_addstr(out, states[i].name);
				p += 2;
				continue;
			}
		}
		sb_addch(out, *p++);
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
		if (*p == ' ' && (p[1] == ' ' || p[1] == ',' || (p[1] == '.' && !isalnum((unsigned char)p[2])) ||
				  p[1] == '?' || p[1] == '!' || !p[1]))
			continue;
		sb_addch(out, *p);
	}
}

char *normalize_text(const char *text)
{
	static const pass_fn passes[] = {
		pass_emoji, pass_emoticons, pass_bracketed_punct, pass_markup, pass_list, pass_addresses,
		pass_symbols, pass_numerals, pass_numbers, pass_abbreviations, pass_ampersands, pass_pauses,
		pass_spaces,
	};
	struct sb sb = SB_INIT;

	sb_addstr(&sb, text);
	for (size_t i = 0; i < COUNT(passes); i++)
		run_pass(&sb, passes[i]);
	return sb_detach(&sb, NULL);
}
