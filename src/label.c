/* label.c -- see label.h. */
#include "label.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

#define NAME_MAX_WORDS 4
#define ROLE_MAX_WORDS 6
#define NAME_MAX_BYTES 40

/* Lower-case name particles allowed inside a name. */
static const char *const particles[] = {
	"de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "le", "la", "bin", "al",
	"dos", "das", "ten", "ter", "y", "of",
};

/* Titles before a name, with a full stop. */
static const char *const honorifics[] = {
	"Dr", "Mr", "Mrs", "Ms", "Prof", "Rev", "Fr", "Gen", "Col", "Capt", "Lt", "Sgt", "Hon",
};

/* Words that label a page's furniture or a topic, never a speaker. */
static const char *const not_names[] = {
	"note", "notes", "update", "updated", "photo", "photos", "image", "images", "source",
	"sources", "credit", "credits", "related", "tags", "tag", "share", "posted", "published",
	"filed", "category", "categories", "listen", "subscribe", "download", "transcript",
	"episode", "season", "disclosure", "correction", "warning", "summary", "background",
	"location", "date", "time", "length", "duration", "recorded", "editor's note",
	"editor’s note", "read more", "see also", "links", "show notes", "sponsor", "sponsors",
	"advertisement", "caption", "pictured", "video", "audio", "bio", "about", "contact",
	"email", "website", "web", "twitter", "instagram", "facebook", "topics", "keywords",
	"language", "format", "place", "mentioned", "resources", "references", "chapters",
	"timestamps", "p.s", "edit", "edited", "editor", "author", "by", "from", "to",
	"subject", "re", "cc", "title", "name", "yes", "no", "well", "so", "but", "and", "first",
	"second", "third", "finally", "example", "for example", "warning", "tip", "important",
	"key", "quote", "headline", "question", "answer", "abstract", "introduction",
	"conclusion", "interview", "interviewed", "intro", "outro", "music", "sound", "sfx",
	"end", "break", "part", "chapter", "section", "page", "step", "fact", "facts", "ed",
	"mastodon", "linkedin", "github", "youtube", "tiktok", "threads", "bluesky", "site", "blog",
	"phone", "tel", "fax", "address", "hours", "open", "price", "tickets", "venue", "where", "when",
};

/* Role words: the side of an interview they stand for. */
static const struct {
	const char *word;
	enum label_kind kind;
	int exact;           /* case-sensitive, and only with ':' */
} roles[] = {
	{ "Interviewer", LABEL_HOST, 0 }, { "Int", LABEL_HOST, 1 }, { "Host", LABEL_HOST, 0 },
	{ "Co-host", LABEL_HOST, 0 }, { "Cohost", LABEL_HOST, 0 }, { "Moderator", LABEL_HOST, 0 },
	{ "Journalist", LABEL_HOST, 0 }, { "Reporter", LABEL_HOST, 0 },
	{ "I", LABEL_HOST, 1 }, { "Interviewee", LABEL_GUEST, 0 }, { "Respondent", LABEL_GUEST, 0 },
	{ "Participant", LABEL_GUEST, 0 }, { "Guest", LABEL_GUEST, 0 }, { "R", LABEL_GUEST, 1 },
	{ "Resp", LABEL_GUEST, 1 }, { "Speaker", LABEL_NAME, 0 },
};

/* "Wren Castellano": two or three capitalised words and nothing else. */
static int just_a_name(const char *s)
{
	int words = 0;

	while (*s) {
		if (!isupper((unsigned char)*s) || !islower((unsigned char)s[1]))
			return 0;
		while (isalpha((unsigned char)*s) || *s == '-' || *s == '\'' || (unsigned char)*s >= 0x80)
			s++;
		words++;
		if (*s == ' ')
			s++;
		else if (*s)
			return 0;
	}
	return words >= 2 && words <= 3;
}

static int upper_start(const char *s)
{
	/* ASCII capitals, or a non-ASCII letter (accented capitals). */
	return isupper((unsigned char)*s) || ((unsigned char)*s >= 0xc3 && (unsigned char)*s < 0xe0);
}

static int word_in(const char *w, size_t n, const char *const *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (strlen(list[i]) == n && !strncasecmp(list[i], w, n))
			return 1;
	return 0;
}

size_t label_timestamp(const char *s)
{
	const char *p = s;
	char close = 0;
	int groups = 0;

	if (*p == '[' || *p == '(')
		close = *p++ == '[' ? ']' : ')';
	if (!isdigit((unsigned char)*p))
		return 0;
	for (;;) {
		int digits = 0;

		while (isdigit((unsigned char)*p) && digits < 3) {
			p++;
			digits++;
		}
		if (!digits || (groups && digits != 2))
			return 0;
		groups++;
		if (*p != ':' || !isdigit((unsigned char)p[1]))
			break;
		p++;
	}
	if (groups < 2 || groups > 3)
		return 0;
	if (*p == '.' && isdigit((unsigned char)p[1]))
		for (p++; isdigit((unsigned char)*p); p++)
			;
	if (close && *p++ != close)
		return 0;
	return (size_t)(p - s);
}

/* Skip " ts" at p; returns the position after it, or p. */
/* "0.612 - 26.132": a range of seconds, as some transcript sites give a
 * turn's span.  Its length, or 0. */
static size_t seconds_range(const char *s)
{
	const char *p = s;

	for (int k = 0; k < 2; k++) {
		size_t d = strspn(p, "0123456789");

		if (!d || d > 5 || p[d] != '.' || !isdigit((unsigned char)p[d + 1]))
			return 0;
		p += d + 1;
		p += strspn(p, "0123456789");
		if (k == 0) {
			if (strncmp(p, " - ", 3))
				return 0;
			p += 3;
		}
	}
	return (size_t)(p - s);
}

static const char *skip_ts(const char *p, int *ts)
{
	const char *q = p + strspn(p, " ");
	size_t n = label_timestamp(q);

	if (!n)
		n = seconds_range(q);
	if (!n || (q[n] && q[n] != ' ' && q[n] != ':'))
		return p;
	*ts = 1;
	q += n;
	/* "00:00:41 - 00:01:02 Jane:": a span, its end skipped too */
	if (!strncmp(q, " - ", 3) && label_timestamp(q + 3) &&
	    (!q[3 + label_timestamp(q + 3)] || q[3 + label_timestamp(q + 3)] == ' '))
		q += 3 + label_timestamp(q + 3);
	/* "0:00:30 | AUDIENCE:", "[00:12] - Jane:" */
	if (q[0] == ' ' && (q[1] == '|' || q[1] == '-') && q[2] == ' ')
		q += 2;
	return q;
}

size_t label_timestamp_lead(const char *s)
{
	int ts = 0;
	const char *p = skip_ts(s, &ts);

	return ts ? (size_t)(p + strspn(p, " ") - s) : 0;
}

/* "LENA MARSH, HOST:", "JANE DOE (Caller):": a role after the name, as
 * radio transcripts give it the first time. */
static const struct {
	const char *word;
	int side;
} name_roles[] = {
	{ "host", 1 }, { "co-host", 1 }, { "byline", 1 }, { "anchor", 1 }, { "reporter", 1 },
	{ "correspondent", 1 }, { "moderator", 1 }, { "interviewer", 1 }, { "presenter", 1 },
	{ "guest", 2 }, { "interviewee", 2 }, { "caller", 1 },
};

/* "MINISTER FOR REGIONAL WATER:" after "HELEN PARATA, ": a title in
 * capitals, of at most ROLE_MAX_WORDS words.  Returns the ':' after it,
 * with l->role_len set (l->role is set by the caller, which knows the
 * text's start), or p - 2 (the comma) when there is none. */
static const char *title_role(const char *p, struct label *l)
{
	size_t words = 0;
	const char *q = p;

	while (words < ROLE_MAX_WORDS) {
		const char *e = q;

		while (isupper((unsigned char)*e) || *e == '-' || *e == '\'' || *e == '&' || *e == '.')
			e++;
		if (e == q || islower((unsigned char)*e) || isdigit((unsigned char)*e))
			return p - 2;
		words++;
		if (*e == ':') {
			l->role_len = (size_t)(e - p);
			return e;
		}
		if (*e != ' ')
			return p - 2;
		q = e + 1;
	}
	return p - 2;
}

static const char *name_role(const char *p, struct label *l)
{
	/* "Mr. JOHN DOE (Author, "The Book"):", "JANE DOE (Caller):" */
	if (p[0] == ' ' && p[1] == '(' && !isdigit((unsigned char)p[2])) {
		const char *close = strchr(p + 2, ')');

		if (close && close - p < 64 && (close[1] == ':' || !close[1])) {
			for (size_t i = 0; i < sizeof(name_roles) / sizeof(name_roles[0]); i++)
				if (!strncasecmp(p + 2, name_roles[i].word, strlen(name_roles[i].word)))
					l->role_side = name_roles[i].side;
			return close + 1;
		}
		return p;
	}
	if (p[0] != ',' || p[1] != ' ')
		return p;
	for (size_t i = 0; i < sizeof(name_roles) / sizeof(name_roles[0]); i++) {
		size_t n = strlen(name_roles[i].word);
		if (!strncasecmp(p + 2, name_roles[i].word, n) && p[2 + n] == ':') {
			l->role_side = name_roles[i].side;
			return p + 2 + n;
		}
	}
	return title_role(p + 2, l);
}

/* After the name at p: the separator, then the body. */
static int read_sep(const char *text, const char *p, struct label *l, int ts)
{
	int ts2 = 0;

	p = skip_ts(p, &ts2);
	ts |= ts2;
	if (p[0] == ':' && (p[1] == ' ' || !p[1])) {
		l->sep = ':';
		p++;
	} else if (p[0] == ' ' && p[1] == ':' && (p[2] == ' ' || !p[2])) {
		l->sep = ':';	/* "Gord : It goes right down" */
		p += 2;
	} else if (p[0] == ':' && l->caps && (isupper((unsigned char)p[1]) || p[1] == '"' || p[1] == '(')) {
		l->sep = ':';	/* "Odessa Grant:Welcome back" */
		p++;
	} else if (p[0] == ' ' && (p[1] == '-' || !strncmp(p + 1, "\xe2\x80\x94", 3) ||
				   !strncmp(p + 1, "\xe2\x80\x93", 3)) && l->caps) {
		p += p[1] == '-' ? 2 : 4;
		if (*p != ' ')
			return 0;
		l->sep = '-';
	} else if ((!strncmp(p, "\xe2\x80\x93", 3) || !strncmp(p, "\xe2\x80\x94", 3)) && l->caps &&
		   (p[3] == ' ' || upper_start(p + 3))) {
		l->sep = '-';	/* "Devendra Rao– Hello", "DR– That is very kind" */
		p += 3;
	} else if (p[0] == '-' && l->caps && isupper((unsigned char)p[1]) &&
		   (islower((unsigned char)p[2]) || p[2] == ' ' || p[2] == '\'') && p - text <= 5) {
		l->sep = '-';	/* "CW-My first impression" */
		p++;
	} else if ((p[0] == ' ' && !strncmp(p + 1, "\xe3\x80\x8c", 3)) || !strncmp(p, "\xe3\x80\x8c", 3)) {
		l->sep = ':';	/* "Haruto 「Still I cannot believe it.」" */
		p += p[0] == ' ' ? 4 : 3;
	} else if (p[0] == ' ' && p[1] == '|' && p[2] == ' ') {
		l->sep = '|';	/* "Odalys | Hello, this is ..." */
		p += 2;
	} else if (p[0] == '.' && p[1] == ' ' && l->caps && !ts) {
		l->sep = '.';
		p++;
	} else if (!*p && ts) {
		l->sep = 0;
	} else if (ts2 && p[0] == ' ' && (isupper((unsigned char)p[1]) || p[1] == '"' || !strncmp(p + 1, "\xe2\x80\x9c", 3))) {
		l->sep = 't';	/* "Speaker 1 00:00:27 You are listening to ..." */
	} else {
		return 0;
	}
	p += strspn(p, " ");
	if (*p)
		p = skip_ts(p, &ts2) + strspn(skip_ts(p, &ts2), " ");
	ts |= ts2;
	l->ts = (unsigned)ts;
	l->body = (size_t)(p - text);
	return 1;
}

/* "Q:", "Q3.", "Question:", "A -", "Answer:". */
static enum label_kind qa_mark(const char *s, const char **after)
{
	static const struct {
		const char *word;
		enum label_kind kind;
		int nocase;
	} marks[] = {
		{ "Question", LABEL_Q, 1 }, { "Answer", LABEL_A, 1 }, { "Q", LABEL_Q, 0 }, { "A", LABEL_A, 0 },
	};

	/* "― What is your feeling now?": the horizontal bar of a translated
	 * Japanese interview's questions */
	if (!strncmp(s, "\xe2\x80\x95", 3) && s[3] == ' ' && s[4]) {
		*after = s + 4;
		return LABEL_Q;
	}
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
		size_t n = strlen(marks[i].word);
		const char *p = s;

		if (marks[i].nocase ? strncasecmp(s, marks[i].word, n) : strncmp(s, marks[i].word, n))
			continue;
		p += n;
		while (isdigit((unsigned char)*p))
			p++;
		if (*p == ' ' && (p[1] == '-' || p[1] == ':'))
			p++;
		/* "Q    Thanks, Irene.": a briefing's reporter, the mark alone */
		if (i == 2 && p == s + 1 && *p == ' ' && isupper((unsigned char)p[1]) && p[2] != ' ' && p[2] != '.') {
			*after = p + 1;
			return LABEL_Q;
		}
		if (*p != ':' && *p != '.' && *p != ')' && *p != '-')
			continue;
		p++;
		if (*p && *p != ' ')
			continue;
		p += strspn(p, " ");
		if (!*p)
			continue;
		*after = p;
		return marks[i].kind;
	}
	return LABEL_NONE;
}

/* A user name: one word of letters, digits and '_', with a digit, a '_'
 * or a capital inside ("mossbank77", "wren_on_a_wire", "bakerBob"),
 * followed by ':'.  Sets *end after it. */
static int username(const char *p, const char **end)
{
	const char *q = p;
	int marked = 0;

	while (isalnum((unsigned char)*q) || *q == '_') {
		marked |= q > p && (isdigit((unsigned char)*q) || *q == '_' || isupper((unsigned char)*q));
		q++;
	}
	if (q - p < 3 || q - p > 30 || *q != ':' || !marked || !isalpha((unsigned char)*p))
		return 0;
	*end = q;
	return 1;
}

static const char *word_end(const char *p)
{
	const char *start = p;

	while (*p && *p != ' ' && *p != ':' && *p != ',' && *p != '(' && *p != '[' &&
	       !(*p == '.' && (p[1] == ' ' || !p[1])) &&
	       strncmp(p, "\xe2\x80\x93", 3) && strncmp(p, "\xe2\x80\x94", 3)) {	/* "Rao– Hello" */
		/* "CW-My first impression": initials, a hyphen, the words */
		if (*p == '-' && p - start >= 2 && p - start <= 4 && isupper((unsigned char)p[1]) &&
		    (islower((unsigned char)p[2]) || p[2] == ' ' || p[2] == '\'')) {
			const char *c = start;

			while (c < p && isupper((unsigned char)*c))
				c++;
			if (c == p)
				break;
		}
		p++;
	}
	return p;
}

enum label_kind label_parse(const char *text, struct label *l)
{
	return label_parse_bold(text, 0, l);
}

enum label_kind label_parse_bold(const char *text, size_t bold_end, struct label *l)
{
	const char *p = text, *after, *start, *end = NULL, *e0;
	int ts = 0, words = 0, all_caps = 1;

	memset(l, 0, sizeof(*l));
	p = skip_ts(text, &ts);
	p += strspn(p, " ");
	start = p;
	if ((l->kind = qa_mark(p, &after)) != LABEL_NONE) {
		l->name = (size_t)(start - text);
		l->name_len = 1;
		l->sep = ':';
		l->body = (size_t)(after - text);
		l->ts = (unsigned)ts;
		return l->kind;
	}
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++) {
		size_t n = strlen(roles[i].word);
		const char *q = p + n;

		if (roles[i].exact ? strncmp(p, roles[i].word, n) : strncasecmp(p, roles[i].word, n))
			continue;
		if (*q == ' ' && isdigit((unsigned char)q[1])) {
			for (q++; isdigit((unsigned char)*q); q++)
				;
			l->numbered = 1;
		} else if (roles[i].kind == LABEL_NAME) {
			continue;	/* "Speaker" alone is no label */
		}
		if (roles[i].exact && *q != ':')
			continue;
		l->caps = 1;
		if (!read_sep(text, q, l, ts) || l->sep == '.') {
			memset(l, 0, sizeof(*l));
			continue;
		}
		l->kind = l->numbered && roles[i].kind != LABEL_NAME ? LABEL_NAME : roles[i].kind;
		l->name = (size_t)(start - text);
		l->name_len = (size_t)(q - start);
		if (l->sep == '-' && roles[i].kind != LABEL_NAME && !l->numbered && just_a_name(text + l->body)) {
			/* "Interviewer – Wren Castellano" on a line of its own */
			l->role_side = roles[i].kind == LABEL_HOST ? 1 : 2;
			l->kind = LABEL_NAME;
			l->name = l->body;
			l->name_len = strlen(text + l->body);
			l->body += l->name_len;
		}
		return l->kind;
	}
	if (!upper_start(p) && username(p, &e0)) {
		/* "mossbank77:", "wren_on_a_wire:": a forum's user */
		end = e0;
		words = 1;
		all_caps = 0;
		goto named;
	}
	for (;;) {
		const char *w = p, *e;

		if (!upper_start(p) && !(words && word_in(p, (size_t)(word_end(p) - p), particles,
							   sizeof(particles) / sizeof(particles[0]))))
			break;
		e = word_end(p);
		/* "Dr. Farida Nasser": an honorific's full stop is no separator */
		if (!words && *e == '.' && e[1] == ' ' && upper_start(e + 2) &&
		    word_in(p, (size_t)(e - p), honorifics, sizeof(honorifics) / sizeof(honorifics[0]))) {
			p = start = e + 2;	/* the speaker is the name, "Mr." aside */
			continue;
		}
		/* "H. VOSS:", "I. Voss:": an initial, then the surname */
		if (!words && e == w + 1 && *e == '.' && e[1] == ' ' && isupper((unsigned char)e[2]) &&
		    word_end(e + 2) > e + 3) {
			const char *sur_end = word_end(e + 2);

			if (*sur_end == ':' || (sur_end[0] == ' ' && label_timestamp(sur_end + 1))) {
				words = 2;
				end = sur_end;
				break;
			}
		}
		if (e == w)
			break;
		for (const char *c = w; c < e; c++)
			all_caps &= !islower((unsigned char)*c);
		words++;
		end = e;
		if (*e != ' ' || words == NAME_MAX_WORDS || label_timestamp(e + 1) ||
		    (bold_end && (size_t)(e - text) == bold_end))
			break;
		p = e + 1;
	}
named:
	/* a name does not end with a particle ("Ada de") */
	if (!end || end - start > NAME_MAX_BYTES)
		return LABEL_NONE;
	if (word_in(start, (size_t)(end - start), not_names, sizeof(not_names) / sizeof(not_names[0])))
		return LABEL_NONE;
	l->caps = (unsigned)(words > 1 || (all_caps && end - start >= 2));
	if (bold_end && (size_t)(end - text) == bold_end && *end == ' ' && end[1] && end[1] != ':') {
		/* "0:00:11.8 **Ravi Chandran** Hello ...": the bold ends the name */
		l->sep = 'b';
		l->ts = (unsigned)ts;
		l->body = (size_t)(end + 1 - text);
	} else if (!read_sep(text, name_role(end, l), l, ts)) {
		return LABEL_NONE;
	}
	if (l->role_len)
		l->role = (size_t)(end + 2 - text);
	l->kind = LABEL_NAME;
	l->name = (size_t)(start - text);
	l->name_len = (size_t)(end - start);
	return l->kind;
}

int label_is_bare(const char *text, size_t len)
{
	char *s = xstrndup(text, len);
	struct label l;
	int bare;

	/* clean.c asks before Markdown emphasis is gone */
	for (char *r = s, *w = s;; r++) {
		if (*r != '*' && *r != '_')
			*w++ = *r;
		if (!*r)
			break;
	}
	bare = label_parse(s, &l) != LABEL_NONE && !s[l.body] && (l.ts || l.sep == ':');
	free(s);
	return bare;
}
