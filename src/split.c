/* split.c -- see split.h.
 *
 * The work is done in passes over a table of paragraph facts (struct info):
 * labels are read and the speakers counted, the layout is chosen, the title
 * found, then the layout's rules assign roles, speakers and a confidence.
 * Each rule is one small function, and the phrases they look for are
 * tables, so that a new layout is a new function, not a new branch inside
 * an old one.  Every pass is linear in the paragraphs, but for one sort of
 * the speaker labels. */
#include "split.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

enum label { LBL_NONE, LBL_Q, LBL_A, LBL_NAME };

#define ROLE_DROP ROLE_COUNT

struct info {
	const struct para *p;
	enum label label;
	long spk;            /* LBL_NAME: index into ctx.spk, else -1 */
	const char *body;    /* text after the label, within p->text */
	unsigned quote : 1;  /* wholly a quotation: a cold open before the intro */
	unsigned aside : 1;  /* "[Editor's note: ...]": the host, inside an answer */
	int role;            /* enum role, ROLE_DROP, or -1 while unknown */
	const char *speaker;
	float conf;
};

/* A name used in speaker labels. */
struct speaker {
	char *name;
	size_t uses;         /* labels, its aliases' included once resolved */
	size_t asks;         /* labelled turns that ask something */
	size_t first;        /* paragraph of its first label */
	long alias;          /* the full name these initials stand for, or -1 */
	unsigned colon : 1;  /* used at least once as "Name:" */
	unsigned caps : 1;   /* multi-word or all capitals: safe with a period */
};

struct ctx {
	struct info *v;
	size_t n;
	struct speaker *spk;
	size_t nspk;
	long host;           /* speaker index of the host in the speaker layout */
	char *host_name, *guest_name, *guest_first;
	char **intro_names;  /* proper names the title and intro mention */
	size_t nintro_names, intro_alloc;
};

/* Words that stay lower case in a title, so that they do not count against
 * its capitalisation. */
static const char *const title_small_words[] = {
	"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into",
	"of", "on", "or", "the", "to", "vs", "with", "about", "over", "via", "&",
};

/* A paragraph that opens with one of these is the host closing the show. */
static const char *const closing_openers[] = {
	"thank", "thanks", "next up", "next time", "next week", "that's all",
	"that’s all", "until next", "see you", "goodbye", "that was", "that’s it",
	"that's it", "join us", "we'll be back", "we’ll be back",
};

/* Requests that ask without a question mark. */
static const char *const request_openers[] = {
	"tell me", "tell us", "describe", "walk me through", "walk us through",
	"talk me through", "talk us through", "talk about", "talk to me about",
	"take me back", "take us back", "help me understand", "help us understand",
	"give me a sense", "give us a sense", "say more about", "explain", "paint a picture",
	"let's talk about", "let’s talk about", "let's start with", "let’s start with",
	"share with us", "remind us", "fill us in", "take me through", "take us through",
	"start with", "begin with", "give us", "give me", "i'd love to hear", "i’d love to hear",
	"i would love to hear", "i'm curious", "i’m curious", "i want to ask", "i wanted to ask",
};

/* Words that open a host's prompt that is neither a question nor a
 * request ("Finally, your advice for ..."). */
static const char *const prompt_openers[] = {
	"finally", "lastly", "and finally", "then there is", "then there's", "then there’s",
	"one last", "one more", "last,", "next,", "last question",
};

/* Lower-case name particles allowed inside a speaker's name. */
static const char *const name_particles[] = {
	"de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "le", "la", "bin", "al",
};

/* Openers of a host's note inside an answer, after '['. */
static const char *const aside_openers[] = {
	"editor's note", "editor’s note", "editors' note", "ed. note", "ed.:", "ed note",
	"note from", "interesting note", "host's note", "host’s note", "note:", "update:",
	"interviewer's note", "interviewer’s note",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define HEADER_MAX_WORDS 25
#define TOPIC_MAX_WORDS 12
#define REQUEST_MAX_WORDS 30
#define QMARK_MAX_WORDS 80
#define QMARK_PLAIN_WORDS 30
#define TITLE_MAX_WORDS 20
#define CHROME_MAX_WORDS 12
#define TITLE_SCAN 8
#define NAME_MAX_BYTES 40
#define ALIAS_MAX_SPEAKERS 200
#define LOW_CONFIDENCE 0.6f

static int is_upper_start(const char *s)
{
	/* ASCII capitals, or a non-ASCII letter (accented capitals). */
	return isupper((unsigned char)*s) || ((unsigned char)*s >= 0xc3 && (unsigned char)*s < 0xe0);
}

static int starts_with_word(const char *s, const char *w)
{
	size_t n = strlen(w);
	return !strncasecmp(s, w, n) && !isalnum((unsigned char)s[n]);
}

static int starts_with_any(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (starts_with_word(s, list[i]))
			return 1;
	return 0;
}

static int contains_word(const char *s, const char *w)
{
	size_t n = strlen(w);

	for (const char *p = s; (p = strstr(p, w)); p++)
		if ((p == s || !isalnum((unsigned char)p[-1])) && !isalnum((unsigned char)p[n]))
			return 1;
	return 0;
}

/* The last character that ends a sentence, past closing quotes and
 * brackets; 0 for none. */
static char final_punct(const char *s)
{
	size_t n = strlen(s);

	while (n) {
		unsigned char c = (unsigned char)s[n - 1];
		if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*' || c == '_' || c == ' ') {
			n--;
		} else if (n >= 3 && (unsigned char)s[n - 3] == 0xe2 && (unsigned char)s[n - 2] == 0x80 &&
			   (c == 0x9d || c == 0x99)) {
			n -= 3;	/* ” ’ */
		} else if (n >= 3 && (unsigned char)s[n - 3] == 0xe2 && (unsigned char)s[n - 2] == 0x80 &&
			   c == 0xa6) {
			return '.';	/* … */
		} else {
			return (char)c;
		}
	}
	return 0;
}

static int ends_sentence(const char *s)
{
	char c = final_punct(s);
	return c == '.' || c == '!' || c == '?' || c == ';' || c == ',';
}

/* A request opens the paragraph, its last sentence ("The final came down
 * to the last minute. Take me through it.") or that sentence's last clause
 * ("For listeners who missed it, give us the short version."). */
static int is_request(const char *s)
{
	size_t n = strlen(s), sentence = 0;

	for (size_t i = 0; i + 2 < n; i++)
		if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ' && isupper((unsigned char)s[i + 2]))
			sentence = i + 2;
	if (starts_with_any(s, request_openers, COUNT(request_openers)) ||
	    starts_with_any(s + sentence, request_openers, COUNT(request_openers)))
		return 1;
	for (size_t i = sentence; i + 2 < n; i++)
		if ((s[i] == ',' || s[i] == ';') && s[i + 1] == ' ' &&
		    starts_with_any(s + i + 2, request_openers, COUNT(request_openers)))
			return 1;
	return 0;
}

/* Does a paragraph ask something?  A question mark, a request, a prompt,
 * or a header line that ends no sentence. */
static int asks(const char *s)
{
	return strchr(s, '?') || is_request(s) || !ends_sentence(s) ||
	       starts_with_any(s, prompt_openers, COUNT(prompt_openers));
}

/* "Q:", "Q.", "Q1:", "Question:", "A.", "Answer -" ...: returns the label
 * and sets *body past it, or LBL_NONE. */
static enum label qa_label(const char *s, const char **body)
{
	static const struct {
		const char *word;
		enum label label;
		int nocase;
	} words[] = {
		{ "Question", LBL_Q, 1 }, { "Answer", LBL_A, 1 },
		{ "Q", LBL_Q, 0 }, { "A", LBL_A, 0 },
	};

	for (size_t i = 0; i < COUNT(words); i++) {
		size_t n = strlen(words[i].word);
		const char *p = s;

		if (words[i].nocase ? strncasecmp(s, words[i].word, n) : strncmp(s, words[i].word, n))
			continue;
		p += n;
		while (isdigit((unsigned char)*p))
			p++;
		if (*p == ' ' && (p[1] == '-' || p[1] == ':'))
			p++;
		if (*p != ':' && *p != '.' && *p != ')' && *p != '-')
			continue;
		p++;
		if (*p != ' ')
			continue;
		while (*p == ' ')
			p++;
		if (!*p)
			continue;
		*body = p;
		return words[i].label;
	}
	return LBL_NONE;
}

static int is_particle(const char *w, size_t n)
{
	for (size_t i = 0; i < COUNT(name_particles); i++)
		if (strlen(name_particles[i]) == n && !strncmp(name_particles[i], w, n))
			return 1;
	return 0;
}

/* Skip a timestamp after a speaker's name: " (00:37)", " [01:02:03]",
 * " 00:37".  Returns the position after it, or p when there is none. */
static const char *skip_timestamp(const char *p)
{
	const char *q = p;
	char close = 0;

	if (*q != ' ')
		return p;
	q++;
	if (*q == '(' || *q == '[')
		close = *q++ == '(' ? ')' : ']';
	if (!isdigit((unsigned char)*q))
		return p;
	while (isdigit((unsigned char)*q) || *q == ':' || *q == '.')
		q++;
	if (close && *q++ != close)
		return p;
	return q;
}

/* "Jane Roe: ", "MAYA: ", "Jane (00:37): ", "Jane Roe. ", "JR. ": up to
 * four capitalised words (name particles allowed inside), an optional
 * timestamp, then ": " or (for multi-word or capitals-only names) ". ".
 * Returns the name's length and sets *body, or 0. */
static size_t name_label(const char *s, const char **body, int *caps, int *colon)
{
	const char *p = s, *end;
	int words = 0, all_caps = 1;

	for (;;) {
		const char *w = p;

		if (!is_upper_start(p) && !(words && is_particle(p, strcspn(p, " .:"))))
			return 0;
		while (*p && *p != ' ' && *p != ':' && *p != '.' && *p != ',')
			p++;
		for (const char *c = w; c < p; c++)
			all_caps &= !islower((unsigned char)*c);
		words++;
		if (*p != ' ' || words == 4 || !(is_upper_start(p + 1) || is_particle(p + 1, strcspn(p + 1, " .:"))))
			break;
		/* a next word that is a timestamp ends the name */
		if (isdigit((unsigned char)p[1]) || p[1] == '(' || p[1] == '[')
			break;
		p++;
	}
	end = p;
	p = skip_timestamp(p);
	if (end - s > NAME_MAX_BYTES || end == s)
		return 0;
	*caps = words > 1 || (all_caps && end - s >= 2);
	if (p[0] == ':' && p[1] == ' ' && p[2]) {
		*colon = 1;
	} else if (p[0] == '.' && p[1] == ' ' && p[2] && *caps && p == end) {
		*colon = 0;
	} else {
		return 0;
	}
	*body = p + 2;
	return (size_t)(end - s);
}

struct name_ref {
	const char *name;
	size_t len, para;
	int caps, colon;
};

static int cmp_ref(const void *a, const void *b)
{
	const struct name_ref *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->name, y->name, n);

	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->para < y->para ? -1 : x->para > y->para;
}

/* "JR" for "Jane Roe". */
static int are_initials(const char *initials, const char *full)
{
	const char *i = initials;

	for (const char *p = full; *p; p++) {
		if ((p == full || p[-1] == ' ') && isupper((unsigned char)*p)) {
			if (*i != *p)
				return 0;
			i++;
		}
	}
	return !*i && i - initials >= 2;
}

static long canonical(const struct ctx *c, long k)
{
	return k >= 0 && c->spk[k].alias >= 0 ? c->spk[k].alias : k;
}

/* Initials ("JR.") and first names ("Jane:") used after a full name
 * ("Jane Roe:") are the same speaker. */
static void resolve_aliases(struct ctx *c)
{
	if (c->nspk > ALIAS_MAX_SPEAKERS)
		return;
	for (size_t a = 0; a < c->nspk; a++) {
		const char *short_name = c->spk[a].name;
		long match = -1;

		if (strchr(short_name, ' '))
			continue;
		for (size_t b = 0; b < c->nspk; b++) {
			const char *full = c->spk[b].name;
			size_t first = strcspn(full, " ");

			if (b == a || !strchr(full, ' ') || c->spk[b].first > c->spk[a].first)
				continue;
			if (are_initials(short_name, full) ||
			    (strlen(short_name) == first && !strncasecmp(short_name, full, first)))
				match = match < 0 ? (long)b : -2;	/* -2: ambiguous */
		}
		if (match >= 0) {
			c->spk[a].alias = match;
			c->spk[match].uses += c->spk[a].uses;
			c->spk[match].colon |= c->spk[a].colon;
		}
	}
}

static int speaker_valid(const struct ctx *c, long k)
{
	const struct speaker *s = &c->spk[canonical(c, k)];
	return s->uses >= 2 && (s->colon || s->caps);
}

static void read_labels(struct ctx *c)
{
	struct name_ref *refs = xmalloc((c->n ? c->n : 1) * sizeof(*refs));
	size_t nrefs = 0;

	for (size_t i = 0; i < c->n; i++) {
		struct info *in = &c->v[i];
		const char *body;
		size_t len;
		int caps, colon;

		in->body = in->p->text;
		in->role = -1;
		in->spk = -1;
		if ((in->label = qa_label(in->p->text, &body)) != LBL_NONE) {
			in->body = body;
		} else if (!in->p->list_item && (len = name_label(in->p->text, &body, &caps, &colon))) {
			refs[nrefs++] = (struct name_ref){ in->p->text, len, i, caps, colon };
		}
	}
	qsort(refs, nrefs, sizeof(*refs), cmp_ref);
	c->spk = xcalloc(nrefs ? nrefs : 1, sizeof(*c->spk));
	for (size_t r = 0; r < nrefs; r++) {
		struct speaker *s;

		if (!r || cmp_ref(&(struct name_ref){ refs[r].name, refs[r].len, 0, 0, 0 },
				  &(struct name_ref){ refs[r - 1].name, refs[r - 1].len, 0, 0, 0 })) {
			s = &c->spk[c->nspk++];
			s->name = xstrndup(refs[r].name, refs[r].len);
			s->first = refs[r].para;
			s->alias = -1;
		}
		s = &c->spk[c->nspk - 1];
		s->uses++;
		s->colon |= (unsigned)refs[r].colon;
		s->caps |= (unsigned)refs[r].caps;
		c->v[refs[r].para].label = LBL_NAME;
		c->v[refs[r].para].spk = (long)(c->nspk - 1);
		c->v[refs[r].para].body = refs[r].name + refs[r].len;
	}
	free(refs);
	resolve_aliases(c);
	/* Only now is it known which labels are speakers: give the others
	 * their text back, and find where each body starts. */
	for (size_t i = 0; i < c->n; i++) {
		struct info *in = &c->v[i];
		const char *body;
		int caps, colon;

		if (in->label != LBL_NAME)
			continue;
		if (!speaker_valid(c, in->spk)) {
			in->label = LBL_NONE;
			in->spk = -1;
			in->body = in->p->text;
			continue;
		}
		name_label(in->p->text, &body, &caps, &colon);
		in->body = body;
		in->spk = canonical(c, in->spk);
	}
}

static size_t count_label(const struct ctx *c, enum label l)
{
	size_t k = 0;
	for (size_t i = 0; i < c->n; i++)
		k += c->v[i].label == l;
	return k;
}

static size_t count_speakers(const struct ctx *c)
{
	size_t k = 0;
	for (size_t i = 0; i < c->nspk; i++)
		k += c->spk[i].alias < 0 && speaker_valid(c, (long)i);
	return k;
}

static void forget_names(struct ctx *c)
{
	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i].label == LBL_NAME) {
			c->v[i].label = LBL_NONE;
			c->v[i].spk = -1;
			c->v[i].body = c->v[i].p->text;
		}
	}
}

static int is_small_word(const char *w, size_t n)
{
	for (size_t i = 0; i < COUNT(title_small_words); i++)
		if (strlen(title_small_words[i]) == n && !strncasecmp(title_small_words[i], w, n))
			return 1;
	return 0;
}

/* A headline: a Markdown heading, or short, no full stop, its words
 * capitalised (small words aside), at least one capitalised word after the
 * first. */
static int looks_like_title(const struct info *in)
{
	const char *s = in->p->text;
	size_t words = clean_count_words(s), caps = 0, other = 0;
	char last = final_punct(s);
	int first = 1;

	if (in->label != LBL_NONE || in->p->list_item || in->quote || words > TITLE_MAX_WORDS)
		return 0;
	if (in->p->heading)
		return 1;
	if (last == '.' || last == '?' || last == ',' || last == ';' || last == ':')
		return 0;
	if (strstr(s, ": ") && is_upper_start(s))	/* "Signal box to museum: the ..." */
		return 1;
	while (*s) {
		const char *w;
		size_t n;

		while (*s == ' ' || *s == '(' || *s == '"' || *s == '\'')
			s++;
		w = s;
		while (*s && *s != ' ')
			s++;
		n = (size_t)(s - w);
		if (!n)
			continue;
		if (first) {
			first = 0;
			continue;
		}
		if (isdigit((unsigned char)*w) || is_small_word(w, n) ||
		    !(isalpha((unsigned char)*w) || (unsigned char)*w >= 0xc3))
			continue;
		if (is_upper_start(w))
			caps++;
		else
			other++;
	}
	return caps >= 1 && caps >= 2 * other;
}

/* The title, and the page chrome above it: short lines before the headline
 * are menus and banners (a quotation there is a cold open, and stays).
 * Returns the title's index, or -1. */
static long find_title(struct ctx *c, struct episode *ep)
{
	long best = -1;
	size_t best_words = 0;

	/* A blog's name can stand above the headline: of the headlines
	 * before the text begins, the longest wins, and one with a colon or
	 * of six words or more ends the search. */
	for (size_t i = 0; i < c->n && i < TITLE_SCAN; i++) {
		const struct info *in = &c->v[i];
		size_t words = clean_count_words(in->p->text);

		if (in->label != LBL_NONE)
			break;
		if (looks_like_title(in) && i + 1 < c->n) {
			if (words > best_words) {
				best = (long)i;
				best_words = words;
			}
			if (words >= 6 || strstr(in->p->text, ": ") || in->p->heading)
				break;
		} else if (!in->quote && words > CHROME_MAX_WORDS) {
			break;
		}
	}
	if (best < 0)
		return -1;
	for (long k = 0; k < best; k++) {
		if (c->v[k].quote)
			continue;
		c->v[k].role = ROLE_DROP;
		episode_add_dropped(ep, c->v[k].p->text);
	}
	c->v[best].role = ROLE_TITLE;
	c->v[best].conf = c->v[best].p->heading ? 0.95f : 0.85f;
	return best;
}

/* A page that repeats its headline further down (a multi-page article)
 * does not get it spoken twice. */
static void drop_repeated_title(struct ctx *c, long title, struct episode *ep)
{
	for (size_t i = (size_t)title + 1; i < c->n; i++) {
		if (c->v[i].role == -1 && !strcmp(c->v[i].p->text, c->v[title].p->text)) {
			c->v[i].role = ROLE_DROP;
			episode_add_dropped(ep, c->v[i].p->text);
		}
	}
}

static int is_quote_open(const char *s)
{
	return *s == '"' || !strncmp(s, "\xe2\x80\x9c", 3);	/* “ */
}

/* A whole paragraph in quotation marks, perhaps with its attribution
 * after it ("... ever." -- Jane Roe). */
static int is_quotation(const char *s)
{
	const char *close;

	if (!is_quote_open(s))
		return 0;
	close = strstr(s + 1, "\xe2\x80\x9d");	/* ” */
	if (!close)
		close = strrchr(s + 1, '"');
	if (!close)
		return 0;
	close += *close == '"' ? 1 : 3;
	while (*close == ' ')
		close++;
	return !*close || !strncmp(close, "\xe2\x80\x94", 3) || !strncmp(close, "--", 2) ||
	       !strncmp(close, "\xe2\x80\x93", 3);
}

static int is_aside(const char *s)
{
	size_t n = strlen(s);
	return s[0] == '[' && s[n - 1] == ']' && starts_with_any(s + 1, aside_openers, COUNT(aside_openers));
}

static void read_shapes(struct ctx *c)
{
	for (size_t i = 0; i < c->n; i++) {
		c->v[i].quote = (unsigned)is_quotation(c->v[i].body);
		c->v[i].aside = (unsigned)is_aside(c->v[i].body);
	}
}

/* "Jane Roe, CTO, Example Corp": the guest introducing themself.  Returns
 * the name, or NULL. */
static char *name_before_comma(const char *s)
{
	const char *p = s;
	int words = 0;

	while (*p && words < 4) {
		if (!is_upper_start(p))
			return NULL;
		while (*p && *p != ' ' && *p != ',')
			p++;
		words++;
		if (*p == ',')
			break;
		if (*p == ' ')
			p++;
	}
	if (*p != ',' || words < 2)
		return NULL;
	return xstrndup(s, (size_t)(p - s));
}

/* A capital and then small letters: "Jane", "Ngozi", "Łódź", not "CEO". */
static int is_name_word(const char *p)
{
	unsigned char c = (unsigned char)p[is_upper_start(p) && (unsigned char)*p >= 0x80 ? 2 : 1];
	return is_upper_start(p) && (islower(c) || c >= 0x80);
}

/* Two or three capitalised words at s: a person's name. */
static int is_contraction_end(const char *start, const char *end)
{
	return (end - start > 2 && end[-2] == '\'' && end[-1] == 's') ||
	       (end - start > 4 && !strncmp(end - 4, "\xe2\x80\x99s", 4));
}

static char *name_at(const char *s)
{
	const char *p = s;
	int words = 0;

	while (words < 3 && is_name_word(p)) {
		const char *w = p;

		while (*p && *p != ' ' && *p != ',' && *p != ':' && *p != '(' && *p != ')' &&
		       *p != '.' && *p != '?' && *p != '!')
			p++;
		if (is_contraction_end(w, p)) {
			/* "Doña Lupe's": the name ends with the possessive;
			 * "That's Hemi": a contraction starts none */
			if (!words)
				break;
			p -= p[-2] == '\'' ? 2 : 4;
			words++;
			break;
		}
		words++;
		if (*p != ' ' || !is_name_word(p + 1))
			break;
		p++;
	}
	return words >= 2 ? xstrndup(s, (size_t)(p - s)) : NULL;
}

/* The guest as a title names them: "A Conversation with Jane Roe",
 * "Interview: Jane Roe on ...", "Jane Roe on Running a Bakery". */
static char *guest_from_title(const char *t)
{
	static const char *const before[] = { " with ", ": ", "\xe2\x80\x94 ", "- " };
	char *name;

	for (size_t i = 0; i < COUNT(before); i++) {
		const char *p = strstr(t, before[i]);
		if (p && (name = name_at(p + strlen(before[i]))))
			return name;
	}
	name = name_at(t);
	if (name && !strncmp(t + strlen(name), " on ", 4))
		return name;
	free(name);
	return NULL;
}

/* A profile opens with its subject: "Jane Roe runs a bakery ...". */
static char *subject_name(const char *s)
{
	char *name = name_at(s);

	if (name && s[strlen(name)] == ' ' && islower((unsigned char)s[strlen(name) + 1]))
		return name;
	free(name);
	return NULL;
}

static void set_guest(struct ctx *c, char *name)
{
	if (!name || c->guest_name) {
		free(name);
		return;
	}
	c->guest_name = name;
	c->guest_first = xstrndup(name, strcspn(name, " "));
}

#define INTRO_NAMES_MAX 64

/* Runs of two or more capitalised words in the title and the intro (the
 * guest, their orchestra, their town): when the end of an answer names one
 * of them, it is the host speaking about the guest. */
static void collect_intro_names(struct ctx *c)
{
	for (size_t i = 0; i < c->n && c->nintro_names < INTRO_NAMES_MAX; i++) {
		const char *s = c->v[i].body;

		if (c->v[i].role != ROLE_TITLE && c->v[i].role != ROLE_INTRO)
			continue;
		while (*s && c->nintro_names < INTRO_NAMES_MAX) {
			char *name = (s == c->v[i].body || s[-1] == ' ') ? name_at(s) : NULL;

			if (name) {
				XGROW(c->intro_names, c->intro_alloc, c->nintro_names + 1);
				c->intro_names[c->nintro_names++] = name;
				s += strlen(name);
			} else {
				s++;
			}
		}
	}
}

/* The host speaking after the interview: a thank-you or sign-off, the
 * guest addressed or spoken of by first name, or a name from the intro. */
static int is_host_closing(const struct ctx *c, const struct info *in)
{
	if (starts_with_any(in->body, closing_openers, COUNT(closing_openers)) ||
	    (c->guest_first && contains_word(in->body, c->guest_first)))
		return 1;
	for (size_t i = 0; i < c->nintro_names; i++) {
		const char *name = c->intro_names[i];
		size_t first = strcspn(name, " ");

		if (strstr(in->body, name))
			return 1;
		/* "Hemi runs courses ...", "Siobhán's plot is open ..." */
		if (!strncmp(in->body, name, first) && (in->body[first] == ' ' || in->body[first] == '\'' ||
							 !strncmp(in->body + first, "\xe2\x80\x99", 3)))
			return 1;
	}
	return 0;
}

/* After the last question: its answer runs on over the following blocks
 * until the host closes (see is_host_closing()) or a list ends; from there
 * on the host speaks the outro.  An explicit answer label always wins. */
static void mark_last_answer(struct ctx *c, size_t q)
{
	int list_ended = 0, closing = 0;

	collect_intro_names(c);
	for (size_t i = q + 1; i < c->n; i++) {
		struct info *in = &c->v[i];

		if (in->role == ROLE_DROP)
			continue;
		if (in->p->first_in_block && i > q + 1 && in->label != LBL_A && !in->aside) {
			if (list_ended && !in->p->list_item) {
				closing = 1;
				in->conf = 0.55f;
			}
			if (is_host_closing(c, in)) {
				closing = 1;
				in->conf = 0.75f;
			}
		}
		if (closing) {
			in->role = ROLE_OUTRO;
			if (!in->conf)
				in->conf = 0.7f;
			continue;
		}
		in->role = ROLE_ANSWER;
		if (!in->conf)
			in->conf = i == q + 1 || in->label == LBL_A ? 0.85f : 0.6f;
		list_ended = in->p->list_item;
	}
}

static int addresses_guest(const char *s)
{
	static const char *const you[] = { "you", "your", "you're", "you’re", "you've", "you’ve",
					   "you'd", "you’d", "yours", "You", "Your" };

	for (size_t i = 0; i < COUNT(you); i++)
		if (contains_word(s, you[i]))
			return 1;
	return 0;
}

/* A clause in the first person is somebody talking, not a topic header. */
static int speaks_of_self(const char *s)
{
	static const char *const self[] = { "I", "I'm", "I've", "I’m", "I’ve", "me", "my", "we", "our", "us" };

	for (size_t i = 0; i < COUNT(self); i++)
		if (contains_word(s, self[i]) || starts_with_word(s, self[i]))
			return 1;
	return 0;
}

/* Unlabelled layouts: how sure is it that paragraph i is a question?  A
 * question opens its block (or is a heading or a bold line) and is followed
 * by text; it ends with '?', or it is a header line that ends no sentence, a
 * topic header ending in ':', or a request ("Tell me about ...").  0 for
 * none. */
static float question_score(const struct ctx *c, size_t i)
{
	const struct info *in = &c->v[i];
	const char *s = in->body, *next;
	char last = final_punct(s);
	size_t words = clean_count_words(s);

	if (in->role != -1 || in->aside || in->quote || i + 1 >= c->n)
		return 0;
	next = c->v[i + 1].body;
	if (in->p->heading || in->p->emphasis)
		return words <= HEADER_MAX_WORDS ? 0.9f : 0;
	if (!in->p->first_in_block || (in->p->list_item && last != '?'))
		return 0;
	/* A long paragraph that ends in '?' but never says "you" is an
	 * answer closing on a rhetorical question. */
	if (last == '?')
		return words <= QMARK_MAX_WORDS && (words <= QMARK_PLAIN_WORDS || addresses_guest(s)) ? 0.9f : 0;
	if (is_request(s) && words <= REQUEST_MAX_WORDS && (last == '.' || !last))
		return 0.65f;
	if (words > HEADER_MAX_WORDS || ends_sentence(s))
		return 0;
	/* A header is followed by text, not by another header; right under
	 * the title it is the deck (a subtitle), not a question. */
	if (!ends_sentence(next) && !c->v[i + 1].p->list_item)
		return 0;
	if (i > 0 && c->v[i - 1].role == ROLE_TITLE)
		return 0;
	if (last == ':')	/* "On hiring:", not "There are three things I like:" */
		return words <= TOPIC_MAX_WORDS && !c->v[i + 1].p->list_item && !speaks_of_self(s) ? 0.7f : 0;
	return 0.75f;
}

static void assign_between(struct ctx *c, size_t from, size_t to, int role, float conf)
{
	for (size_t i = from; i < to; i++) {
		if (c->v[i].role == -1) {
			c->v[i].role = role;
			c->v[i].conf = conf;
		}
	}
}

/* Without speaker labels the guest answers and speaks a cold open; the
 * host says the rest, asides included. */
static void speakers_by_role(struct ctx *c, size_t first_q)
{
	for (size_t i = 0; i < c->n; i++) {
		struct info *in = &c->v[i];

		if (in->role == ROLE_DROP)
			continue;
		if (in->aside)
			in->speaker = "host";
		else if (in->role == ROLE_ANSWER || (in->quote && in->role == ROLE_INTRO && i < first_q))
			in->speaker = "guest";
		else
			in->speaker = "host";
	}
}

#define PROMPT_MAX_WORDS 25

/* Once an interview shows its questions, a short line between two answers
 * that opens like a prompt ("Finally, your advice for ...", "Then there is
 * the customer with ...") and is followed by a longer paragraph is the
 * host prompting too. */
static void find_prompts(struct ctx *c, size_t first_q, long *last_q)
{
	for (size_t i = first_q + 2; i + 1 < c->n; i++) {
		struct info *in = &c->v[i];
		size_t words = clean_count_words(in->body);

		if (in->role != -1 || c->v[i - 1].role != -1 || !in->p->first_in_block ||
		    in->p->list_item || in->aside || words > PROMPT_MAX_WORDS ||
		    clean_count_words(c->v[i + 1].body) <= words ||
		    !starts_with_any(in->body, prompt_openers, COUNT(prompt_openers)))
			continue;
		in->role = ROLE_QUESTION;
		in->conf = 0.55f;
		if ((long)i > *last_q)
			*last_q = (long)i;
	}
}

static void layout_unlabelled(struct ctx *c, size_t start)
{
	long first_q = -1, last_q = -1;

	for (size_t i = start; i < c->n; i++) {
		float q = question_score(c, i);

		if (q > 0) {
			c->v[i].role = ROLE_QUESTION;
			c->v[i].conf = q;
			if (first_q < 0)
				first_q = (long)i;
			last_q = (long)i;
		}
	}
	if (first_q < 0) {
		assign_between(c, 0, c->n, ROLE_INTRO, 0.5f);
		speakers_by_role(c, c->n);
		return;
	}
	if (first_q != last_q)
		find_prompts(c, (size_t)first_q, &last_q);
	if ((size_t)first_q + 1 < c->n && c->v[first_q + 1].role == -1)
		set_guest(c, name_before_comma(c->v[first_q + 1].body));
	assign_between(c, 0, (size_t)first_q, ROLE_INTRO, 0.8f);
	assign_between(c, (size_t)first_q, (size_t)last_q, ROLE_ANSWER, 0.85f);
	mark_last_answer(c, (size_t)last_q);
	speakers_by_role(c, (size_t)first_q);
}

/* Q/A labels: a label sets the role of its paragraph and of the unlabelled
 * ones after it (a question over two lines, an answer of many paragraphs).
 * Where only the questions are labelled, what follows a question is its
 * answer. */
static void layout_qa_labels(struct ctx *c, size_t start)
{
	long first_q = -1, last_q = -1;
	int role = ROLE_INTRO, answers_labelled = count_label(c, LBL_A) > 0;

	for (size_t i = start; i < c->n; i++) {
		if (c->v[i].label == LBL_Q) {
			if (first_q < 0)
				first_q = (long)i;
			last_q = (long)i;
		}
	}
	for (size_t i = 0; (long)i <= last_q; i++) {
		struct info *in = &c->v[i];

		if (in->label == LBL_Q)
			role = ROLE_QUESTION;
		else if (in->label == LBL_A || (role == ROLE_QUESTION && !answers_labelled && !in->aside))
			role = ROLE_ANSWER;
		if (in->role == -1) {
			in->role = role;
			in->conf = in->label != LBL_NONE ? 0.95f : 0.85f;
		}
	}
	mark_last_answer(c, (size_t)last_q);
	speakers_by_role(c, (size_t)first_q);
}

/* The host is the speaker who asks the most; on a tie, the one who speaks
 * first. */
static long pick_host(struct ctx *c)
{
	long best = -1;

	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].label == LBL_NAME && (strchr(c->v[i].body, '?') || is_request(c->v[i].body)))
			c->spk[c->v[i].spk].asks++;
	for (size_t k = 0; k < c->nspk; k++) {
		if (c->spk[k].alias >= 0 || !speaker_valid(c, (long)k))
			continue;
		if (best < 0 || c->spk[k].asks > c->spk[best].asks ||
		    (c->spk[k].asks == c->spk[best].asks && c->spk[k].first < c->spk[best].first))
			best = (long)k;
	}
	return best;
}

/* With speaker labels both speakers may greet before the first question
 * and take leave after the last: what the guest says before the host first
 * asks is intro, and from the host's closing words (see is_host_closing())
 * after the last question on, everything is outro. */
static void mark_opening_and_closing(struct ctx *c, size_t start)
{
	long first_q = -1, last_q = -1;

	for (size_t i = start; i < c->n; i++) {
		if (c->v[i].role == ROLE_QUESTION && asks(c->v[i].body)) {
			if (first_q < 0)
				first_q = (long)i;
			last_q = (long)i;
		}
	}
	if (first_q < 0)
		return;
	for (long i = (long)start; i < first_q; i++)
		if (c->v[i].role == ROLE_ANSWER)
			c->v[i].role = ROLE_INTRO;
	collect_intro_names(c);
	for (size_t i = (size_t)last_q + 2; i < c->n; i++) {
		if (c->v[i].spk == c->host && c->v[i].role != ROLE_DROP && is_host_closing(c, &c->v[i])) {
			for (size_t k = i; k < c->n; k++)
				if (c->v[k].role != ROLE_DROP)
					c->v[k].role = ROLE_OUTRO;
			break;
		}
	}
}

static void layout_speaker_labels(struct ctx *c, size_t start)
{
	long spk = -1, first_host = -1, first_guest = -1, last_guest = -1;

	c->host = pick_host(c);
	for (size_t i = start; i < c->n; i++) {
		struct info *in = &c->v[i];

		if (in->label == LBL_NAME)
			spk = in->spk;
		if (in->role != -1)
			continue;
		/* Unlabelled paragraphs continue the turn above; before any
		 * label, the host introduces the show. */
		in->spk = spk >= 0 ? spk : c->host;
		if (in->aside)
			in->spk = c->host;
		if (in->spk == c->host && first_host < 0)
			first_host = (long)i;
		if (in->spk != c->host && first_host >= 0) {
			if (first_guest < 0)
				first_guest = (long)i;
			last_guest = (long)i;
		}
	}
	for (size_t i = start; i < c->n; i++) {
		struct info *in = &c->v[i];

		if (in->role != -1)
			continue;
		in->conf = in->label == LBL_NAME ? 0.95f : 0.85f;
		if (in->aside)
			in->role = ROLE_ANSWER;
		else if (in->spk != c->host)
			in->role = (long)i < first_host ? ROLE_INTRO : ROLE_ANSWER;
		else if (first_guest < 0)
			in->role = ROLE_INTRO;
		else if ((long)i > last_guest)
			in->role = ROLE_OUTRO;
		else if ((long)i > first_guest)
			in->role = ROLE_QUESTION;	/* a remark opens no chapter */
		else
			in->role = ROLE_INTRO;
	}
	/* The end of the opening turn asks the first question: its last
	 * paragraph, and the paragraphs before it that ask too.  A host who
	 * only greets leaves the guest greeting back as part of the intro. */
	for (long i = first_guest - 1; i >= (long)start && c->v[i].role == ROLE_INTRO &&
	     c->v[i].spk == c->host; i--) {
		if (!strchr(c->v[i].body, '?') && !is_request(c->v[i].body))
			break;
		c->v[i].role = ROLE_QUESTION;
	}
	mark_opening_and_closing(c, start);
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].role != ROLE_DROP && c->v[i].spk >= 0)
			c->v[i].speaker = c->spk[c->v[i].spk].name;
	if (c->host >= 0)
		c->host_name = xstrdup(c->spk[c->host].name);
	if (first_guest >= 0)
		set_guest(c, xstrdup(c->spk[c->v[first_guest].spk].name));
}

char *split_chapter_title(const char *question)
{
	size_t len = strlen(question), chars = 0, cut = 0, room = 0;
	struct sb sb = SB_INIT;

	/* "3. What ...?": the number is the page's, not the question's */
	if (clean_is_list_item(question) && isdigit((unsigned char)question[0])) {
		question += strcspn(question, " ") + 1;
	}
	len = strlen(question);
	while (len && (question[len - 1] == ':' || question[len - 1] == ' '))
		len--;
	for (size_t i = 0; i < len; i++)
		chars += ((unsigned char)question[i] & 0xc0) != 0x80;
	if (chars <= SPLIT_TITLE_MAX)
		return xstrndup(question, len);
	/* Keep at most SPLIT_TITLE_MAX - 1 characters, so that with the
	 * ellipsis the title is SPLIT_TITLE_MAX long at most; cut at the last
	 * space among them, or inside a word longer than that. */
	chars = 0;
	for (size_t i = 0; i < len; i++) {
		if (((unsigned char)question[i] & 0xc0) == 0x80)
			continue;
		if (chars == SPLIT_TITLE_MAX - 1) {
			room = i;
			if (question[i] == ' ')
				cut = i;
			break;
		}
		if (question[i] == ' ')
			cut = i;
		chars++;
	}
	if (!cut)
		cut = room;
	while (cut && (question[cut - 1] == ',' || question[cut - 1] == ' ' || question[cut - 1] == ';'))
		cut--;
	sb_add(&sb, question, cut);
	sb_addstr(&sb, "\xe2\x80\xa6");	/* … */
	return sb_detach(&sb, NULL);
}

static void add_chapter(struct episode *ep, const char *title, size_t seg)
{
	struct chapter *ch;

	XGROW(ep->chapters, ep->chapters_alloc, ep->nchapters + 1);
	ch = &ep->chapters[ep->nchapters++];
	memset(ch, 0, sizeof(*ch));
	ch->title = xstrdup(title);
	ch->seg = seg;
}

/* A run of question segments is one turn of the host.  It opens a chapter
 * when it asks; its title is the last paragraph that ends with '?', else
 * the first that asks.  Returns NULL for a remark. */
static const char *run_title(const struct episode *ep, size_t i)
{
	const char *title = NULL;

	for (; i < ep->nsegs && ep->segs[i].role == ROLE_QUESTION; i++) {
		const char *t = ep->segs[i].text;
		if (final_punct(t) == '?' || (!title && asks(t)))
			title = t;
	}
	return title;
}

void split_make_chapters(struct episode *ep)
{
	int closed = 0, asked = 0;

	for (size_t i = 0; i < ep->nchapters; i++)
		free(ep->chapters[i].title);
	ep->nchapters = 0;
	if (!ep->nsegs)
		return;
	for (size_t i = 0; i < ep->nsegs; i++) {
		const struct segment *s = &ep->segs[i];
		const char *asking;

		if (s->role == ROLE_QUESTION && (i == 0 || ep->segs[i - 1].role != ROLE_QUESTION) &&
		    (asking = run_title(ep, i))) {
			char *title = split_chapter_title(asking);

			if (!ep->nchapters && i > 0)
				add_chapter(ep, "Introduction", 0);
			add_chapter(ep, title, i);
			free(title);
			asked = 1;
			closed = 0;
		} else if (s->role == ROLE_OUTRO && asked && !closed) {
			add_chapter(ep, "Closing", i);
			closed = 1;
		}
	}
	if (!ep->nchapters)
		add_chapter(ep, ep->title, 0);
}

/* "my-first_interview" -> "my first interview" */
static char *title_from_name(const char *name)
{
	char *stem = util_stem(name);

	for (char *p = stem; *p; p++)
		if (*p == '-' || *p == '_')
			*p = ' ';
	return stem;
}

/* "...[Editor's note: ...] ...": the host's note becomes a segment of its
 * own between the two parts of the paragraph it interrupts. */
static void emit(struct episode *ep, const struct info *in, const char *host)
{
	const char *text = in->body, *open;

	if (in->aside) {
		char *inner = xstrndup(text + 1, strlen(text) - 2);
		episode_add_segment(ep, (enum role)in->role, host, inner, in->p->line)->confidence = in->conf;
		free(inner);
		return;
	}
	while ((open = strchr(text, '[')) && starts_with_any(open + 1, aside_openers, COUNT(aside_openers))) {
		const char *close = strchr(open, ']');
		char *part;

		if (!close)
			break;
		if (open > text) {
			part = xstrndup(text, (size_t)(open - text - (open[-1] == ' ')));
			episode_add_segment(ep, (enum role)in->role, in->speaker, part, in->p->line)->confidence = in->conf;
			free(part);
		}
		part = xstrndup(open + 1, (size_t)(close - open - 1));
		episode_add_segment(ep, (enum role)in->role, host, part, in->p->line)->confidence = in->conf;
		free(part);
		text = close + 1;
		while (*text == ' ')
			text++;
	}
	if (*text)
		episode_add_segment(ep, (enum role)in->role, in->speaker, text, in->p->line)->confidence = in->conf;
}

struct episode *split_text(const struct text *t, const char *name)
{
	struct episode *ep = episode_new();
	struct ctx c;
	void (*layout)(struct ctx *, size_t);
	const char *host;
	long title;
	size_t start;

	memset(&c, 0, sizeof(c));
	c.v = xcalloc(t->n ? t->n : 1, sizeof(struct info));
	c.n = t->n;
	c.host = -1;
	for (size_t i = 0; i < t->ndropped; i++)
		episode_add_dropped(ep, t->dropped[i]);
	for (size_t i = 0; i < t->n; i++)
		c.v[i].p = &t->paras[i];
	read_labels(&c);
	if (count_label(&c, LBL_Q) >= 1 && count_label(&c, LBL_Q) + count_label(&c, LBL_A) >= 2)
		layout = layout_qa_labels;
	else if (count_speakers(&c) >= 2)
		layout = layout_speaker_labels;
	else
		layout = layout_unlabelled;
	if (layout != layout_speaker_labels)
		forget_names(&c);
	read_shapes(&c);
	title = find_title(&c, ep);
	start = title >= 0 ? (size_t)title + 1 : 0;
	if (title >= 0) {
		drop_repeated_title(&c, title, ep);
		set_guest(&c, guest_from_title(c.v[title].p->text));
	}
	if (start < c.n && c.v[start].label == LBL_NONE)
		set_guest(&c, subject_name(c.v[start].body));
	layout(&c, start);

	host = c.host_name ? c.host_name : "host";
	if (title >= 0)
		c.v[title].speaker = host;
	ep->title = title >= 0 ? xstrdup(c.v[title].p->text) : title_from_name(name);
	for (size_t i = 0; i < c.n; i++) {
		const struct info *in = &c.v[i];
		if (in->role != ROLE_DROP && in->role >= 0)
			emit(ep, in, host);
	}
	split_make_chapters(ep);
	ep->host_name = c.host_name;
	ep->guest_name = c.guest_name;

	for (size_t i = 0; i < c.nspk; i++)
		free(c.spk[i].name);
	free(c.spk);
	free(c.v);
	free(c.guest_first);
	for (size_t i = 0; i < c.nintro_names; i++)
		free(c.intro_names[i]);
	free(c.intro_names);
	return ep;
}

size_t split_low_confidence(const struct episode *ep, int *lines, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < ep->nsegs; i++) {
		if (ep->segs[i].confidence < LOW_CONFIDENCE) {
			if (n < max)
				lines[n] = ep->segs[i].line;
			n++;
		}
	}
	return n;
}
