/* split.c -- see split.h.
 *
 * Document-level inference in five stages, each a function over a table of
 * paragraph facts (struct info):
 *   1. units      paragraphs, a bold or Q/A-marked question and its answer
 *                 in one paragraph cut in two;
 *   2. turns      labels read with label.h's grammar, kept only where the
 *                 document confirms them (repetition, a shared typography,
 *                 role words), initials and first names resolved, and each
 *                 paragraph given the turn it belongs to;
 *   3. sides      which speakers are hosts (they ask, open, steer and
 *                 close) and which are guests;
 *   4. scores     for every paragraph, how well it fits each state of an
 *                 interview (furniture, title, intro, question, answer,
 *                 outro) from features that name no layout;
 *   5. decode     the whole sequence at once against the grammar of an
 *                 interview (decode.h), with each step's posterior as the
 *                 confidence; speakers follow from turns and roles.
 * The phrases the features look for are tables, so that what real pages
 * say is data, not code. */
#define _GNU_SOURCE	/* strcasestr() */
#include "split.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cruft.h"
#include "decode.h"
#include "label.h"
#include "util.h"

/* The states of the interview grammar. */
enum state {
	S_PRE,       /* furniture above the title */
	S_TITLE,
	S_HEAD,      /* furniture in the opening: a byline, a date, a caption */
	S_INTRO,     /* the host's introduction, a cold open */
	S_Q,         /* a host's turn: a question, a request, a remark */
	S_A,         /* a guest's turn, or a host's note inside it */
	S_MID,       /* furniture inside the interview: an ad, a caption */
	S_OUTRO,     /* the host closing */
	S_POST,      /* furniture below the interview */
	NSTATE
};

#define ROLE_DROP ROLE_COUNT

static const int state_role[NSTATE] = {
	ROLE_DROP, ROLE_TITLE, ROLE_DROP, ROLE_INTRO, ROLE_QUESTION, ROLE_ANSWER, ROLE_DROP,
	ROLE_OUTRO, ROLE_DROP,
};

enum side { SIDE_NONE, SIDE_HOST, SIDE_GUEST };

struct info {
	const struct para *p;
	char *own;           /* the text of half a paragraph, or NULL */
	const char *text;    /* the unit's text: p->text or own */
	const char *body;    /* the words said, past any label */
	struct label lab;    /* the label as read */
	enum label_kind kind;/* the label once the document confirms it */
	long spk;            /* speaker of its turn, or -1 */
	int side;            /* enum side of its turn */
	unsigned bare : 1;   /* only a label; the words are in the next unit */
	unsigned free : 1;   /* no turn: the decoder gives role and speaker */
	unsigned quote : 1;  /* wholly a quotation: a cold open before the intro */
	unsigned aside : 1;  /* "[Editor's note: ...]": the host, inside an answer */
	unsigned inline_q : 1;   /* the question half of a paragraph */
	unsigned inline_a : 1;   /* the answer half */
	unsigned asker : 1;      /* an unlabelled question on a page that labels only answers */
	unsigned asks_ : 1;  /* its text asks (a '?', a request, a prompt) */
	unsigned thanks : 1; /* it opens with thanks or a goodbye */
	unsigned banter : 1; /* hosts among themselves before the guest */
	unsigned greets : 1; /* the guest's first words greet */
	unsigned answers : 1;    /* a host's turn that answers another's question */
	unsigned unasked : 1;    /* a turn before any question: an opening statement */
	unsigned legend : 1;     /* "BK: Brackwater": a key to the labels, not a turn */
	unsigned fact : 1;       /* "Hometown: Port Alder": a profile's line, not a turn */
	unsigned tally : 1;      /* "28" under a turn: a page's count of likes, not said */
	float furn, q, title;
	unsigned close : 1;  /* the host closing: thanks, a sign-off */
	unsigned close_weak : 1;     /* ... perhaps: the guest named */
	unsigned bio : 1;    /* "Ada Stone is a ... ": about the guest */
	unsigned seen : 1;   /* an earlier unit has the same text */
	unsigned repeats : 16;   /* units with this text, itself included */
	int role;            /* enum role, ROLE_DROP, or -1 while unknown */
	const char *speaker;
	float conf;
};

static int capitalised(const char *s);

/* A name used in speaker labels. */
struct speaker {
	char *name;
	char *role;          /* "MINISTER FOR WATER" after the name, or NULL */
	enum label_kind kind;
	size_t uses;         /* labels, its aliases' included once resolved */
	size_t turns, asks, words;
	size_t first, last;  /* units of its first and last label */
	long alias;          /* the full name this short form stands for, or -1 */
	int side;
	unsigned colon : 1;  /* used at least once with ':' */
	unsigned caps : 1;   /* several words or capitals */
	unsigned ts : 1;     /* with a timestamp */
	unsigned whole : 1;  /* a name on a line of its own */
	long next;           /* the next speaker in its hash bucket, or -1 */
	unsigned valid : 1;
	unsigned guest_named : 1;    /* the title or the intro names them the guest */
	unsigned host_named : 1;     /* ... a co-host */
	unsigned guest_said : 1;     /* says what guests say: "thanks for having me" */
	unsigned title_named : 1;    /* the title names them */
};

struct ctx {
	struct info *v;
	size_t n, alloc;
	struct speaker *spk;
	size_t nspk, spk_alloc;
	long *spk_hash;      /* SPK_HASH buckets of speaker indices, or NULL */
	long host;           /* the host who speaks first, or -1 */
	long guest;          /* the guest who answers first, or -1 */
	int two_sided;       /* both sides carry labels */
	int bold_asks;       /* the page sets its questions in bold or as headings */
	int block_pairs;     /* each block is a question line over its answer */
	int unpunctuated;    /* a machine transcript that sets no question marks */
	int all_quoted;      /* most paragraphs are set in quotation marks */
	int name_lines;      /* speakers' names stand on lines of their own */
	size_t first_kept;   /* the first unit that is not furniture */
	long h1_title;       /* the one top-level heading near the top, or -1 */
	const char *known_title;   /* from front matter, or NULL */
	size_t free_asks;    /* unlabelled questions on a page that labels only answers */
	unsigned char legend_marks[2];   /* "Q:" [0], "A:" [1] name someone in a key */
	const char *hint_host, *hint_guest;   /* front matter's speakers, or NULL */
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
	"share with us", "tell our", "introduce yourself", "remind us", "fill us in", "take me through", "take us through",
	"start with", "begin with", "give us", "give me", "i'd love to hear", "i’d love to hear",
	"i would love to hear", "complete this", "finish this", "fill in the blank", "name one", "name a", "i'm curious", "i’m curious", "i want to ask", "i wanted to ask",
};

/* Words that open a host's prompt that is neither a question nor a
 * request ("Finally, your advice for ..."). */
static const char *const prompt_openers[] = {
	"finally", "lastly", "and finally", "then there is", "then there's", "then there’s",
	"one last", "one more", "last,", "next,", "last question",
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
#define TITLE_SCAN 8
#define CHROME_MAX_WORDS 12
#define INLINE_MAX_WORDS 60
#define NUMBERED_Q_WORDS 30
#define PLAIN_Q_WORDS 25
#define LEGEND_MAX 40
#define TALLY_MIN 5
#define ALTERNATE_MIN 6
#define CUED_GUEST_SCAN 40
#define LEGEND_KEY_BYTES 24
#define ALIAS_MAX_SPEAKERS 200
#define LOW_CONFIDENCE 0.6f
#define INTRO_NAMES_MAX 64
#define UNASKED_TURNS 3	/* guest's turns of substance that are a conversation, not an opening */

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

static int contains_any(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (contains_word(s, list[i]))
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

/* Does s end with a stop of any kind (. ? ! : ;)? */
static int stops(const char *s)
{
	char c = final_punct(s);

	return c && strchr(".?!:;", c);
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
	if (!strncasecmp(s, "please ", 7))
		s += 7, n -= 7;
	if (starts_with_any(s, request_openers, COUNT(request_openers)) ||
	    starts_with_any(s + sentence, request_openers, COUNT(request_openers)))
		return 1;
	for (size_t i = sentence; i + 2 < n; i++)
		if ((s[i] == ',' || s[i] == ';') && s[i + 1] == ' ' &&
		    starts_with_any(s + i + 2, request_openers, COUNT(request_openers)))
			return 1;
	return 0;
}

/* "how do you pick the fifty", "so could you say your name": the
 * words of a question, for transcripts that set no question marks.  The
 * paragraph's last sentence, or its opening, after a filler, opens with a
 * question word or a verb before "you". */
static int interrogative(const char *s)
{
	static const char *const openers[] = {
		"what", "why", "how", "when", "where", "who", "which", "do you", "did you", "have you",
		"are you", "were you", "can you", "could you", "would you", "will you", "is it", "is there",
		"was it", "does", "did the", "is that", "are there", "tell me", "let's talk", "let’s talk",
	};
	static const char *const fillers[] = { "so ", "and ", "but ", "okay ", "ok ", "right ", "well ", "now " };
	const char *last = s;

	for (const char *p = s; *p; p++)
		if ((*p == '.' || *p == '!') && p[1] == ' ' && p[2])
			last = p + 2;
	for (int k = 0; k < 2; k++) {
		const char *p = k ? last : s;

		for (size_t i = 0; i < COUNT(fillers); i++)
			if (!strncasecmp(p, fillers[i], strlen(fillers[i])))
				p += strlen(fillers[i]);
		for (size_t i = 0; i < COUNT(openers); i++) {
			size_t n = strlen(openers[i]);

			if (!strncasecmp(p, openers[i], n) && (p[n] == ' ' || p[n] == ',' || p[n] == '\''))
				return 1;
		}
	}
	return 0;
}

/* Does a paragraph ask something?  A question mark, a request, a prompt,
 * or a header line that ends no sentence. */
static int asks(const char *s)
{
	return strchr(s, '?') || is_request(s) || !ends_sentence(s) ||
	       starts_with_any(s, prompt_openers, COUNT(prompt_openers));
}


static int is_name_word(const char *p);

/* The words before the name a speaker gives themselves. */
static const char *const self_intros[] = { "I'm ", "I’m ", "I am ", "my name is ", "My name is " };

/* "Hello from Pune", "Thanks, Odette. I'm Priya, in Bergen": a panel's
 * round of hellos, not yet its conversation. */
static int introduces_self(const char *s)
{
	static const char *const hellos[] = { "hello", "hi", "hey", "good morning", "good afternoon", "good evening" };

	if (starts_with_any(s, hellos, COUNT(hellos)))
		return 1;
	for (size_t i = 0; i < COUNT(self_intros); i++)
		for (const char *p = strstr(s, self_intros[i]); p; p = strstr(p + 1, self_intros[i]))
			if (is_name_word(p + strlen(self_intros[i])))
				return 1;
	return 0;
}

/* A capital and then small letters: "Jane", "Ngozi", "Łódź", not "CEO". */
static int is_name_word(const char *p)
{
	unsigned char c;

	if (!is_upper_start(p) || !p[1])
		return 0;
	c = (unsigned char)p[(unsigned char)*p >= 0x80 ? 2 : 1];	/* past an accented capital's two bytes */
	return islower(c) || c >= 0x80;
}

/* Two or three capitalised words at s: a person's name. */
static int is_contraction_end(const char *start, const char *end)
{
	return (end - start > 2 && end[-2] == '\'' && end[-1] == 's') ||
	       (end - start > 4 && !strncmp(end - 4, "\xe2\x80\x99s", 4));
}

/* Words that start sentences and headlines, never a name. */
static const char *const not_name_words[] = {
	"Why", "What", "How", "When", "Where", "Who", "Which", "Do", "Does", "Did", "Is", "Are",
	"Was", "Were", "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "We", "You",
	"I", "My", "Your", "Our", "Their", "His", "Her", "Meet", "Inside", "Behind", "Can", "Should",
	"Will", "Would", "Could", "In", "On", "At", "For", "With", "From", "And", "Or", "But", "If",
	"Interview", "Episode", "Part", "Notes", "Questions", "Quick", "Question",
};

static int is_name_stop(const char *p)
{
	size_t n = strcspn(p, " ,:.?!");

	for (size_t i = 0; i < sizeof(not_name_words) / sizeof(not_name_words[0]); i++)
		if (strlen(not_name_words[i]) == n && !strncmp(p, not_name_words[i], n))
			return 1;
	return 0;
}

static char *name_at(const char *s)
{
	const char *p = s;
	int words = 0;

	while (words < 3 && is_name_word(p) && !is_name_stop(p)) {
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
		if (*p != ' ' || !is_name_word(p + 1) || is_name_stop(p + 1))
			break;
		p++;
	}
	return words >= 2 ? xstrndup(s, (size_t)(p - s)) : NULL;
}

/* The guest as a title names them: "A Conversation with Jane Roe",
 * "Interview: Jane Roe on ...", "Jane Roe on Running a Bakery". */
static char *guest_from_title(const char *t)
{
	static const char *const before[] = { " with ", ": ", "\xe2\x80\x94 ", "- ", "Know ", "Meet " };
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

/* "“The accordion is a pair of lungs”", "'I still get seasick'": a short
 * quotation and nothing else, as a headline quotes its subject. */
static int quoted_headline(const char *s)
{
	size_t n = strlen(s);

	if (!n || clean_count_words(s) > TITLE_MAX_WORDS)
		return 0;
	if (*s == '\'' || !strncmp(s, "\xe2\x80\x98", 3))	/* ' ‘ */
		return s[n - 1] == '\'' || (n >= 3 && !strcmp(s + n - 3, "\xe2\x80\x99"));
	return is_quotation(s) && (s[n - 1] == '"' || (n >= 3 && !strcmp(s + n - 3, "\xe2\x80\x9d")));
}

static int is_aside(const char *s)
{
	size_t n = strlen(s);
	return s[0] == '[' && s[n - 1] == ']' && starts_with_any(s + 1, aside_openers, COUNT(aside_openers));
}

/* "JR" for "Jane Roe". */
static int are_initials(const char *initials, const char *full)
{
	const char *i = initials;

	if (!strncmp(full, "The ", 4) && are_initials(initials, full + 4))
		return 1;	/* "LL", The Larkspur Ledger */

	for (const char *p = full; *p; p++) {
		if ((p == full || p[-1] == ' ') && isupper((unsigned char)*p)) {
			if (*i != *p)
				return 0;
			i++;
		}
	}
	return !*i && i - initials >= 2;
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
	const char *s = in->body;
	size_t words = clean_count_words(s), caps = 0, other = 0;
	char last = final_punct(s);
	int first = 1;

	if (in->kind != LABEL_NONE || in->p->list_item || in->quote || words > TITLE_MAX_WORDS)
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

/* ---- 1. units ---------------------------------------------------------- */

static struct info *add_unit(struct ctx *c, const struct para *p, char *own)
{
	struct info *in;

	XGROW(c->v, c->alloc, c->n + 1);
	in = &c->v[c->n++];
	memset(in, 0, sizeof(*in));
	in->p = p;
	in->own = own;
	in->text = own ? own : p->text;
	in->body = in->text;
	in->spk = -1;
	in->role = -1;
	return in;
}

/* Where the answer starts in "Q: Why? A: Because." and in "**Why bees?**
 * Because ...": the offset of the answer, with *qlen the question's
 * length, or 0 when the paragraph is not such a pair. */
static size_t inline_pair(const struct para *p, size_t *qlen)
{
	const char *s = p->text, *a;
	struct label l;
	size_t n = strlen(s);

	if (p->lead && p->lead < n && label_parse_bold(s, p->lead, &l) == LABEL_NONE) {
		char last = s[p->lead - 1];
		size_t words = 0;

		for (size_t i = 0; i < p->lead; i++)
			words += s[i] == ' ';
		if ((last == '?' || last == ':' || last == '.') && words < INLINE_MAX_WORDS &&
		    clean_count_words(s + p->lead) >= 3) {
			*qlen = p->lead - (last == ':');
			return p->lead + strspn(s + p->lead, " ");
		}
	}
	if (label_parse(s, &l) != LABEL_Q)
		return 0;
	for (a = strchr(s, '?'); a; a = strchr(a + 1, '?')) {
		const char *b = a + 1 + strspn(a + 1, " ");

		if (label_parse(b, &l) == LABEL_A) {
			*qlen = (size_t)(a + 1 - s);
			return (size_t)(b - s);
		}
	}
	return 0;
}

/* "Favourite time of year? Late May, when ...": a short question and its
 * answer in one paragraph with no mark between them.  Returns where the
 * answer starts, or 0. */
static size_t plain_pair(const char *s, size_t min_words)
{
	const char *q = strchr(s, '?');
	size_t words = 0;

	if (!q || !is_upper_start(s))
		return 0;
	for (const char *p = s; p < q; p++)
		words += *p == ' ';
	words++;
	q++;
	while (*q == '"' || !strncmp(q, "\xe2\x80\x9d", 3))
		q += *q == '"' ? 1 : 3;
	if (words < min_words || words > PLAIN_Q_WORDS || *q != ' ' || clean_count_words(q) < 2)
		return 0;
	/* the answer may be quoted: 'Where did you learn? "In a shed ..."' */
	if (!is_upper_start(q + 1) && !(is_quote_open(q + 1) && is_upper_start(q + 1 + (q[1] == '"' ? 1 : 3))))
		return 0;
	if (capitalised(s) && !strstr(s, ". "))
		return 0;	/* "Will It Blow? And Other Questions From ...": a headline */
	return (size_t)(q + 1 - s);
}

/* "Best part of the job: You get to feed people ...": a questionnaire's
 * prompt, a colon, and the answer, with no label.  The prompt is not a
 * name (a word in lower case), of two to fifteen words.  Returns where
 * the answer starts, or 0; *qlen is the prompt's length. */
static size_t colon_pair(const char *s, size_t *qlen)
{
	const char *c = strstr(s, ": ");
	struct label l;
	size_t words = 1;
	int lower = 0;

	if (!c || !is_upper_start(s) || label_parse(s, &l) != LABEL_NONE)
		return 0;
	for (const char *p = s; p < c; p++) {
		if (*p == ' ') {
			words++;
			lower |= islower((unsigned char)p[1]);
		}
	}
	if (words < 2 || words > 15 || !lower || clean_count_words(c + 2) < 2 ||
	    !(is_upper_start(c + 2) || isdigit((unsigned char)c[2]) || is_quote_open(c + 2)))
		return 0;
	*qlen = (size_t)(c - s);
	while (*qlen && s[*qlen - 1] == ' ')
		(*qlen)--;	/* "Favourite book : ..." */
	return (size_t)(c + 2 - s);
}

/* The number of a "12. Why lifts?" paragraph, its text after the number
 * in *rest, or 0. */
static unsigned list_number(const char *s, const char **rest)
{
	unsigned n = 0;
	size_t d = 0;

	while (isdigit((unsigned char)s[d]) && d < 3)
		n = n * 10 + (unsigned)(s[d++] - '0');
	if (!d || (s[d] != '.' && s[d] != ')') || s[d + 1] != ' ')
		return 0;
	*rest = s + d + 2;
	return n;
}

/* "7. What surprised you? The meetings ...": a numbered question and its
 * answer in one paragraph.  The question ends at its first '?', or at its
 * first sentence's end or an ellipsis within NUMBERED_Q_WORDS words.
 * Returns where the answer starts, or 0; *q and *qlen give the question
 * without its number. */
static size_t numbered_pair(const char *s, size_t *q, size_t *qlen)
{
	const char *r, *p, *end = NULL;
	size_t words = 0;

	if (!list_number(s, &r) || !is_upper_start(r))
		return 0;
	for (p = r; *p && words < NUMBERED_Q_WORDS && !end; p++) {
		words += *p == ' ';
		if (p[1] != ' ')
			continue;
		if (*p == '?' || (*p == '.' && p - r >= 3 && !strncmp(p - 2, "...", 3)))
			end = p + 1;
		else if (*p == '.' && is_upper_start(p + 2) && !is_contraction_end(r, p))
			end = p + 1;
	}
	if (!end || clean_count_words(end) < 2)
		return 0;
	*q = (size_t)(r - s);
	*qlen = (size_t)(end - r);
	return (size_t)(end + 1 - s);
}

/* Do paragraphs numbered 1, 2, 3 ... carry their questions and answers? */
static int numbered_pairs(const struct text *t)
{
	unsigned next = 1, pairs = 0, asked = 0;

	for (size_t i = 0; i < t->n; i++) {
		const char *r;
		size_t q, ql;
		unsigned n = list_number(t->paras[i].text, &r);

		if (n == next && numbered_pair(t->paras[i].text, &q, &ql)) {
			next++;
			pairs++;
			asked += t->paras[i].text[q + ql - 1] == '?';
		} else if (n == 1 && numbered_pair(t->paras[i].text, &q, &ql)) {
			next = 2;	/* a list inside an answer restarts */
		}
	}
	return pairs >= 4 && asked * 2 >= pairs;
}

static const struct ctx *sort_ctx;

static int cmp_text(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int d = strcmp(sort_ctx->v[x].text, sort_ctx->v[y].text);

	return d ? d : x < y ? -1 : x > y;
}

/* How often each unit's text occurs in the document, and whether it
 * occurred before: one sort, so that a long document costs n log n. */
static void count_repeats(struct ctx *c)
{
	size_t *idx = xmalloc((c->n ? c->n : 1) * sizeof(*idx));

	for (size_t i = 0; i < c->n; i++)
		idx[i] = i;
	sort_ctx = c;
	qsort(idx, c->n, sizeof(*idx), cmp_text);
	for (size_t a = 0, b; a < c->n; a = b) {
		for (b = a + 1; b < c->n && !strcmp(c->v[idx[a]].text, c->v[idx[b]].text); b++)
			;
		for (size_t k = a; k < b; k++) {
			c->v[idx[k]].repeats = (unsigned)(b - a > 0xffff ? 0xffff : b - a);
			c->v[idx[k]].seen = k > a;
		}
	}
	free(idx);
}

/* A name in capitals and a colon inside a paragraph ("... 1931? MABRY: No,
 * the third. DELACROIX: The third."): where a transcript copied from a
 * printed page runs its turns together.  Returns the name's length at p,
 * or 0. */
static size_t caps_label_at(const char *p)
{
	const char *q = p;
	int words = 0;

	for (;;) {
		const char *w = q;

		while (isupper((unsigned char)*q) || *q == '\'' || *q == '-' || *q == '.')
			q++;
		if (q - w < 2)
			return 0;
		words++;
		if (*q == ':' && q[1] == ' ')
			return (size_t)(q - p);
		if (*q != ' ' || words == 3)
			return 0;
		q++;
	}
}

/* "Okonjo: ", "Dr. Okonjo: " after the end of a sentence: a label in
 * mixed case inside a paragraph, as pages that flatten a transcript
 * give it.  Its length up to the colon, or 0. */
static size_t name_label_at(const char *s, const char *p)
{
	const char *q = p;
	int words = 0;

	/* after a stop, with or without the space a flattened page lost */
	if (!((p - s >= 2 && p[-1] == ' ' && strchr(".?!\"", p[-2])) || (p - s >= 1 && strchr(".?!\"", p[-1]))))
		return 0;
	for (;;) {
		const char *w = q;

		if (!isupper((unsigned char)*q))
			return 0;
		q++;
		while (islower((unsigned char)*q) || *q == '\'' || *q == '-' || (unsigned char)*q >= 0x80)
			q++;
		if (*q == '.' && q[1] == ' ' && q - w <= 3)
			q++;	/* "Dr." */
		if (q - w < 2)
			return 0;
		words++;
		if (*q == ':' && q[1] == ' ')
			return (size_t)(q - p);
		if (*q != ' ' || words == 2)
			return 0;
		q++;
	}
}

#define INLINE_NAMES 16

/* The names that label turns inside paragraphs: each used twice there at
 * least, four uses in all.  Fills names (NUL-terminated copies, freed by
 * the caller) and returns how many. */
static size_t inline_names(const struct text *t, char **names)
{
	char *seen[INLINE_NAMES * 4];
	size_t uses[INLINE_NAMES * 4], nseen = 0, total = 0, n = 0;

	for (size_t i = 0; i < t->n; i++) {
		const char *s = t->paras[i].text;

		for (const char *p = s + 1; *p; p++) {
			size_t len = isupper((unsigned char)*p) ? name_label_at(s, p) : 0, k;

			if (!len)
				continue;
			for (k = 0; k < nseen && !(strlen(seen[k]) == len && !strncmp(seen[k], p, len)); k++)
				;
			if (k == nseen) {
				if (nseen == COUNT(seen))
					continue;
				seen[nseen] = xstrndup(p, len);
				uses[nseen++] = 0;
			}
			uses[k]++;
		}
	}
	for (size_t k = 0; k < nseen; k++)
		total += uses[k] >= 2 ? uses[k] : 0;
	for (size_t k = 0; k < nseen; k++) {
		if (total >= 4 && uses[k] >= 2 && n < INLINE_NAMES)
			names[n++] = seen[k];
		else
			free(seen[k]);
	}
	return n;
}

/* The capitals-and-colon labels that recur inside paragraphs, once the
 * document shows three at least. */
static int runs_turns_together(const struct text *t)
{
	size_t inside = 0;

	for (size_t i = 0; i < t->n && inside < 3; i++) {
		const char *s = t->paras[i].text;

		for (const char *p = strchr(s, ' '); p && inside < 3; p = strchr(p + 1, ' '))
			inside += p > s && p[-1] != ',' && caps_label_at(p + 1) > 0 && memchr(s, ' ', (size_t)(p - s)) &&
				  !label_timestamp_lead(s);
	}
	return inside >= 3;
}

/* Is there one of the learnt inline names at p? */
static size_t known_label_at(const char *s, const char *p, char *const *names, size_t nnames)
{
	size_t len = nnames ? name_label_at(s, p) : 0;

	for (size_t k = 0; len && k < nnames; k++)
		if (strlen(names[k]) == len && !strncmp(names[k], p, len))
			return len;
	return 0;
}

/* Cut paragraph p at each capitals label inside it (caps), and at each
 * of the names learnt. */
static void cut_at_labels(struct ctx *c, const struct para *p, int caps, char *const *names, size_t nnames)
{
	const char *s = p->text, *from = s;

	for (const char *q = s + 1; *q; q++) {
		size_t n = caps && q[-1] == ' ' ? caps_label_at(q) : 0;
		const char *end = q;	/* of the words before it */
		char *before;
		int said;

		if (!n && isupper((unsigned char)*q))
			n = known_label_at(s, q, names, nnames);
		if (!n || (q - s >= 2 && q[-1] == ' ' && q[-2] == ','))
			continue;	/* ", HOST:" is the role of the label before */
		while (end > from && end[-1] == ' ')
			end--;
		/* words said before it, not "[00:12]" or a page number */
		before = xstrndup(from, (size_t)(end - from));
		said = clean_count_words(before) >= 2 && !label_timestamp_lead(before);
		/* "HELEN PARATA, MINISTER FOR WATER:": capitals before it are
		 * the same label's, not words said */
		if (caps && from == s && !strpbrk(before, "abcdefghijklmnopqrstuvwxyz.?!"))
			said = 0;
		free(before);
		if (!said)
			continue;
		if (end > from)
			add_unit(c, p, xstrndup(from, (size_t)(end - from)));
		from = q;
		q += n - 1;	/* past "ANNIKA FRY", not again at "FRY" */
	}
	add_unit(c, p, xstrdup(from));
}

static void make_units(struct ctx *c, const struct text *t)
{
	size_t plain = 0, prose = 0, colons = 0;
	int split_plain, split_colons, run_together = runs_turns_together(t), numbered = numbered_pairs(t);
	char *names[INLINE_NAMES];
	size_t nnames = inline_names(t, names);


	/* a page of such pairs splits them all */
	for (size_t i = 0; i < t->n; i++) {
		size_t ql;

		prose += clean_count_words(t->paras[i].text) >= 8;
		plain += plain_pair(t->paras[i].text, 3) > 0;
		colons += colon_pair(t->paras[i].text, &ql) > 0;
	}
	split_plain = plain >= 3 && plain * 5 >= prose;
	split_colons = colons >= 4 && colons * 5 >= prose * 2;
	for (size_t i = 0; i < t->n; i++) {
		const struct para *p = &t->paras[i];
		size_t qlen, q = 0, a = inline_pair(p, &qlen);

		if (!a && numbered)
			a = numbered_pair(p->text, &q, &qlen);

		if (!a && split_plain && (a = plain_pair(p->text, 2)))
			qlen = a - 1;
		if (!a && split_colons)
			a = colon_pair(p->text, &qlen);
		if (!a && (run_together || nnames)) {
			cut_at_labels(c, p, run_together, names, nnames);
			continue;
		}

		if (!a) {
			add_unit(c, p, NULL);
			continue;
		}
		add_unit(c, p, xstrndup(p->text + q, qlen))->inline_q = 1;
		add_unit(c, p, xstrdup(p->text + a))->inline_a = 1;
	}
	for (size_t k = 0; k < nnames; k++)
		free(names[k]);
}

/* ---- 2. turns ---------------------------------------------------------- */

static long canonical(const struct ctx *c, long k)
{
	return k >= 0 && c->spk[k].alias >= 0 ? c->spk[k].alias : k;
}

#define SPK_HASH 4096	/* buckets of the speaker index */

static size_t name_hash(const char *name, size_t len, enum label_kind kind)
{
	uint32_t h = 2166136261u ^ (uint32_t)kind;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)name[i]) * 16777619u;
	return h % SPK_HASH;
}

static long find_speaker(const struct ctx *c, const char *name, size_t len, enum label_kind kind)
{
	if (!c->spk_hash)
		return -1;
	for (long k = c->spk_hash[name_hash(name, len, kind)]; k >= 0; k = c->spk[k].next)
		if (c->spk[k].kind == kind && strlen(c->spk[k].name) == len && !memcmp(c->spk[k].name, name, len))
			return k;
	return -1;
}

static long new_speaker(struct ctx *c, const char *name, size_t len, enum label_kind kind, size_t first)
{
	struct speaker *s;

	XGROW(c->spk, c->spk_alloc, c->nspk + 1);
	s = &c->spk[c->nspk];
	memset(s, 0, sizeof(*s));
	s->name = xstrndup(name, len);
	s->kind = kind;
	s->first = first;
	s->alias = -1;
	if (!c->spk_hash) {
		c->spk_hash = xmalloc(SPK_HASH * sizeof(*c->spk_hash));
		for (size_t b = 0; b < SPK_HASH; b++)
			c->spk_hash[b] = -1;
	}
	s->next = c->spk_hash[name_hash(name, len, kind)];
	c->spk_hash[name_hash(name, len, kind)] = (long)c->nspk;
	return (long)c->nspk++;
}

/* The last word of a name: "Stone" of "Ada Stone". */
static const char *surname(const char *full)
{
	const char *sp = strrchr(full, ' ');
	return sp ? sp + 1 : full;
}

/* A short form used after a full name is the same speaker: initials
 * ("AS", "TRG" for "THE RIVER GAZETTE"), the first name, the surname, or
 * the same name in other capitals ("STONE" for "Stone"). */
static void resolve_aliases(struct ctx *c)
{
	if (c->nspk > ALIAS_MAX_SPEAKERS)
		return;
	for (size_t a = 0; a < c->nspk; a++) {
		const char *short_name = c->spk[a].name;
		long match = -1;

		if (c->spk[a].kind != LABEL_NAME)
			continue;
		/* "HELEN PARATA, MINISTER FOR WATER:", then "MINISTER:" */
		for (size_t b = 0; b < c->nspk; b++) {
			const char *role = c->spk[b].role;
			size_t n = strlen(short_name);

			if (b != a && role && c->spk[b].first < c->spk[a].first &&
			    ((!strncasecmp(role, short_name, n) && (!role[n] || role[n] == ' ')) ||
			     are_initials(short_name, role)))	/* "PRIME MINISTER", then "PM" */
				match = match < 0 || match == (long)b ? (long)b : -2;
		}
		/* "HELMUT VOSS, FORECASTER:", then "H. VOSS:" */
		if (match == -1 && short_name[0] && short_name[1] == '.' && short_name[2] == ' ') {
			for (size_t b = 0; b < c->nspk; b++) {
				const char *full = c->spk[b].name;

				if (b != a && c->spk[b].kind == LABEL_NAME && c->spk[b].first < c->spk[a].first &&
				    toupper((unsigned char)full[0]) == (unsigned char)short_name[0] && strchr(full, ' ') &&
				    !strcasecmp(surname(full), short_name + 3) && full[1] != '.')
					match = match < 0 || match == (long)b ? (long)b : -2;
			}
		}
		for (size_t b = 0; b < c->nspk && match == -1 && !strchr(short_name, ' '); b++) {
			const char *full = c->spk[b].name;
			size_t first = strcspn(full, " ");

			if (b == a || c->spk[b].kind != LABEL_NAME || c->spk[b].first > c->spk[a].first)
				continue;
			/* "Miles:" once, then "M:" */
			if (!strchr(full, ' ')) {
				if (strlen(short_name) == 1 && isupper((unsigned char)*short_name) && *full == *short_name &&
				    strlen(full) > 1)
					match = match < 0 || match == (long)b ? (long)b : -2;
				continue;
			}
			if (are_initials(short_name, full) ||
			    (strlen(short_name) == first && !strncasecmp(short_name, full, first)) ||
			    !strcasecmp(short_name, surname(full)))
				match = match < 0 || match == (long)b ? (long)b : -2;	/* -2: ambiguous */
		}
		if (match >= 0) {
			c->spk[a].alias = match;
			c->spk[match].uses += c->spk[a].uses;
			c->spk[match].host_named |= c->spk[a].host_named;
			c->spk[match].guest_named |= c->spk[a].guest_named;
			c->spk[match].colon |= c->spk[a].colon;
			c->spk[match].ts |= c->spk[a].ts;
		}
	}
}

static const char *const name_titles[] = {
	"Host", "Guest", "Reporter", "Dr", "Mr", "Mrs", "Ms", "Miss", "Professor", "Prof", "Chef",
	"Coach", "Captain", "Editor", "Writer", "President", "Senator", "Interview", "Interviewer",
	"With", "By", "Meet", "Author", "Correspondent", "Producer", "Director", "Founder", "Sir",
	"Dame", "Lord", "Lady", "Judge", "Father", "Sister", "Brother", "Rev", "Rabbi", "Imam",
	"Mayor", "Governor", "General", "Colonel", "Detective", "Officer", "Doctor", "Nurse",
	"Deputy", "Chief", "Commissioner", "Minister", "Premier", "Secretary", "Chancellor", "Councillor",
	"Councilmember", "Alderman", "Inspector", "Superintendent", "Sergeant", "Lieutenant", "Sheriff",
	"Representative", "Rep",
};

/* Past the titles that open a name: "Deputy Mayor Cade" is "Cade". */
static const char *past_titles(const char *name)
{
	for (;;) {
		size_t wl = strcspn(name, " .,:"), i;

		for (i = 0; i < COUNT(name_titles); i++)
			if (strlen(name_titles[i]) == wl && !strncmp(name, name_titles[i], wl) &&
			    (name[wl] == ' ' || (name[wl] == '.' && name[wl + 1] == ' ')))
				break;
		if (i == COUNT(name_titles))
			return name;
		name += wl + (name[wl] == '.') + 1;
	}
}

/* "Ada Stone", "Ben Okafor": capitalised words, small letters after the
 * first, as a person is named (not "Note", "THE END"). */
static int person_shaped(const char *name)
{
	int words = 0;

	static const char *const bodies[] = {	/* "Wrenhaven University News" is no one */
		"University", "College", "School", "News", "Magazine", "Journal", "Review", "Times", "Post",
		"Press", "Radio", "Podcast", "Show", "Club", "Society", "Company", "Association", "Foundation",
		"Institute", "Council", "Centre", "Center", "Library", "Museum", "Festival", "Records", "Studio",
		"Studios", "Network", "Media", "Group", "Gazette", "Herald", "Tribune", "Weekly", "Daily", "Blog",
	};

	name = past_titles(name);
	for (const char *p = name; *p;) {
		size_t wl = strcspn(p, " ");

		for (size_t i = 0; i < COUNT(bodies); i++)
			if (strlen(bodies[i]) == wl && !strncmp(p, bodies[i], wl))
				return 0;
		if (!is_name_word(p))
			return 0;
		words++;
		p += strcspn(p, " ");
		p += *p == ' ';
	}
	return words >= 2 && words <= 3;
}

/* A line that is only a name ("Lina Moreau", "breadhead22") and comes
 * back as a line of its own: who speaks the text below it. */
/* "Male Interview 2", "Caller 3": capitalised words and a number, as a
 * transcript names the people it does not name. */
static int numbered_name(const char *s)
{
	const char *last = strrchr(s, ' ');

	if (!last || !isdigit((unsigned char)last[1]) || strspn(last + 1, "0123456789") != strlen(last + 1))
		return 0;
	for (const char *p = s; p < last; p += strcspn(p, " ") + 1)
		if (!isupper((unsigned char)*p))
			return 0;
	return 1;
}

static int name_line(const struct ctx *c, size_t i)
{
	const char *s = c->v[i].text;
	size_t words = clean_count_words(s), again = 0;

	if (!i || words > 4 || c->v[i].own || strpbrk(s, ".?!:,;\"()[]") ||
	    !(isalpha((unsigned char)s[0]) || (unsigned char)s[0] >= 0xc3) ||	/* not "$", "0" */
	    i + 1 >= c->n || cruft_score(s) > (words == 1 ? 0.7f : 0.5f))
		return 0;
	if (words > 1 && !person_shaped(s) && !numbered_name(s))
		return 0;
	again = c->v[i].repeats;
	return again >= 2 || (c->name_lines && words <= 2 && clean_count_words(c->v[i + 1].text) >= 4);
}

static int stands_for(const char *label, const char *full);

/* Does a front matter's "Ann Lee, Bob Hart" name the speaker labelled
 * label ("ANN LEE", "Ann", "LEE", "AL")? */
static int names_person(const char *list, const char *label)
{
	char *copy = xstrdup(list), *save = NULL;
	int hit = 0;

	for (char *one = strtok_r(copy, ",&", &save); one && !hit; one = strtok_r(NULL, ",&", &save)) {
		one += strspn(one, " ");
		for (size_t n = strlen(one); n && one[n - 1] == ' '; n--)
			one[n - 1] = '\0';
		hit = !strcasecmp(one, label) || (strchr(one, ' ') && stands_for(label, one));
	}
	free(copy);
	return hit;
}

/* "Bee Keepers: With Ada and Bo | Site", the page's title and its
 * headline again: a "label" whose every use sits above the first turn of
 * the others, on a line that says no sentence, is a headline's. */
static void unlabel_headlines(struct ctx *c)
{
	size_t others = c->n;
	unsigned char *head;

	if (!c->nspk)
		return;
	head = xcalloc(c->nspk, 1);
	for (size_t k = 0; k < c->nspk; k++)
		head[k] = 1;
	for (size_t i = 0; i < c->n; i++) {
		long k = c->v[i].spk >= 0 ? canonical(c, c->v[i].spk) : -1;

		if (k >= 0 && (i >= TITLE_SCAN || clean_count_words(c->v[i].text) > TITLE_MAX_WORDS ||
			       ends_sentence(c->v[i].text)))
			head[k] = 0;
	}
	for (size_t k = 0; k < c->nspk; k++)
		if (c->spk[k].alias < 0 && c->spk[k].valid && !head[k] && c->spk[k].first < others)
			others = c->spk[k].first;
	for (size_t k = 0; k < c->nspk; k++)
		if (c->spk[k].alias < 0 && c->spk[k].valid && head[k] && c->spk[k].last < others)
			c->spk[k].valid = 0;
	free(head);
}

/* "Who's who: BK: Brackwater, A: Corwin Adebayo-Frost, NV: ...": three
 * or more labels in a row, each with a few words that say no sentence,
 * are a key to the labels of the turns below.  Marks them; a Q or an A
 * in the key is a speaker's initial, not a question or answer mark. */
static void find_legend(struct ctx *c)
{
	for (size_t i = 0; i < c->n;) {
		size_t j = i;
		struct label l;

		while (j < c->n && j < i + LEGEND_MAX && label_parse(c->v[j].text, &l) != LABEL_NONE &&
		       l.sep == ':' && l.name_len <= LEGEND_KEY_BYTES && c->v[j].text[l.body] &&
		       clean_count_words(c->v[j].text + l.body) <= 6 && !ends_sentence(c->v[j].text + l.body) &&
		       !strchr(c->v[j].text + l.body, ':'))
			j++;
		if (j - i >= 3) {
			for (size_t k = i; k < j; k++) {
				enum label_kind kind = label_parse(c->v[k].text, &l);

				c->v[k].legend = 1;
				if (kind == LABEL_A || kind == LABEL_Q)
					c->legend_marks[kind == LABEL_A] = 1;
			}
		}
		i = j > i ? j : i + 1;
	}
}

/* Does a label end with a profile box's key ("Name", "IMG_4471Name",
 * "Hometown", "Based In")? */
static int fact_key(const char *name, size_t n)
{
	static const char *const keys[] = {
		"name", "hometown", "home town", "age", "born", "birthplace", "occupation", "profession",
		"education", "location", "based in", "current residence", "lives in", "website", "day job",
		"current city", "current job",
	};

	for (size_t i = 0; i < COUNT(keys); i++) {
		size_t k = strlen(keys[i]);

		if (n >= k && !strncasecmp(name + n - k, keys[i], k) && (n == k || !isalpha((unsigned char)name[n - k - 1])))
			return 1;
	}
	return 0;
}

/* "Name: Odile Brennan-Sato / Hometown: Port Alder / Education: ...": a
 * profile box above an interview.  Three or more labelled lines in a row
 * (an unlabelled line may sit between two), one of them a profile's key,
 * are its lines, not turns. */
static void find_fact_sheets(struct ctx *c)
{
	unsigned char *lab = xcalloc(c->n ? c->n : 1, 1);
	struct label l;

	for (size_t i = 0; i < c->n; i++)
		lab[i] = label_parse(c->v[i].text, &l) == LABEL_NAME ? 1 + fact_key(c->v[i].text + l.name, l.name_len) : 0;
	for (size_t i = 0; i < c->n; i++) {
		size_t from = i, to = i, labelled = 1;

		if (lab[i] != 2 || c->v[i].fact)
			continue;
		while (from > 0 && (lab[from - 1] || (from >= 2 && lab[from - 2])))
			labelled += lab[--from] != 0;
		while (to + 1 < c->n && (lab[to + 1] || (to + 2 < c->n && lab[to + 2])))
			labelled += lab[++to] != 0;
		for (size_t k = from; labelled >= 3 && k <= to; k++)
			c->v[k].fact = lab[k] != 0;
	}
	free(lab);
}

/* "mossbank77", "wren_on_a_wire", "Doug_Lee": a handle, one token with a
 * mark no word has (an underscore, or digits after letters). */
static int handle_shaped(const char *s)
{
	size_t n = strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

	return !s[n] && n >= 3 && isalpha((unsigned char)*s) && (strchr(s, '_') || isdigit((unsigned char)s[n - 1]));
}

/* Which labels are this document's turn markers.  A name is one when it
 * labels two turns or more; once names are confirmed, a name that labels
 * one turn in the same way among them is one too (a panel where each guest
 * speaks once).  Q/A marks need a question mark and a second mark; the
 * one-letter role marks I: and R: need each other. */
static void confirm_labels(struct ctx *c)
{
	size_t nq = 0, na = 0, nhost = 0, nguest = 0, ni = 0, nr = 0, first = c->n, last = 0;
	int lone_role;

	size_t upper = 0, letters = 0;	/* a caption file in capitals throughout */

	for (size_t i = 0; i < c->n; i++)
		for (const char *p = c->v[i].text; *p; p++) {
			upper += isupper((unsigned char)*p) != 0;
			letters += isalpha((unsigned char)*p) != 0;
		}
	count_repeats(c);
	find_legend(c);
	find_fact_sheets(c);
	/* "I:" and "R:" are interviewer and respondent only together; "R:"
	 * alone is someone's initial ("Ravi:", then "R:") */
	for (size_t i = 0; i < c->n; i++) {
		struct label l;
		enum label_kind k = label_parse(c->v[i].text, &l);

		ni += k == LABEL_HOST && l.name_len == 1;
		nr += k == LABEL_GUEST && l.name_len == 1;
	}
	lone_role = !ni || !nr;
	ni = nr = 0;
	/* names on lines of their own that come back make the others so too */
	for (size_t i = 0; i < c->n && !c->name_lines; i++)
		c->name_lines = label_parse(c->v[i].text, &c->v[i].lab) == LABEL_NONE && name_line(c, i);
	for (size_t i = 0; i < c->n; i++) {
		struct info *in = &c->v[i];
		enum label_kind k;

		if (in->inline_a || in->fact)
			continue;
		k = label_parse_bold(in->text, in->own ? 0 : in->p->lead, &in->lab);
		if (k == LABEL_NONE && !in->own && label_timestamp_lead(in->text) && in->text[label_timestamp_lead(in->text)])
			in->body = in->text + label_timestamp_lead(in->text);	/* a turn's next cue */
		if (k == LABEL_NONE && name_line(c, i)) {
			/* a forum's or a transcript's name on a line of its own */
			in->lab.kind = k = LABEL_NAME;
			in->lab.name = 0;
			in->lab.name_len = strlen(in->text);
			in->lab.body = in->lab.name_len;
			in->lab.caps = 1;
			in->lab.whole = 1;
		}
		/* "GOOD MORNING. I'M CALLING ...": in a text all in capitals, a
		 * sentence, not a name and a full stop */
		if (k == LABEL_NAME && in->lab.sep == '.' && upper * 10 >= letters * 8)
			k = in->lab.kind = LABEL_NONE;
		if ((k == LABEL_HOST || k == LABEL_GUEST) && in->lab.name_len == 1 && lone_role)
			in->lab.kind = k = LABEL_NAME;
		if ((k == LABEL_A || k == LABEL_Q) && c->legend_marks[k == LABEL_A] && in->lab.name_len == 1)
			in->lab.kind = k = LABEL_NAME;	/* "A: Corwin Adebayo-Frost" in the key */
		if (k == LABEL_NONE || (in->p->list_item && k == LABEL_NAME && !in->legend))	/* "- Ada Stone: CEO" lists, "- Q: Why?" asks */
			continue;
		nq += k == LABEL_Q;
		na += k == LABEL_A;
		nhost += k == LABEL_HOST;
		nguest += k == LABEL_GUEST;
		ni += k == LABEL_HOST && in->lab.name_len == 1;
		nr += k == LABEL_GUEST && in->lab.name_len == 1;
		if (k == LABEL_NAME) {
			const char *name = in->text + in->lab.name;
			long s = find_speaker(c, name, in->lab.name_len, LABEL_NAME);

			if (s < 0)
				s = new_speaker(c, name, in->lab.name_len, LABEL_NAME, i);
			c->spk[s].uses++;
			c->spk[s].last = i;
			if (in->lab.role_len && !c->spk[s].role)
				c->spk[s].role = xstrndup(in->text + in->lab.role, in->lab.role_len);
			c->spk[s].colon |= in->lab.sep == ':' || in->lab.sep == '|';
			c->spk[s].caps |= in->lab.caps;
			c->spk[s].ts |= in->lab.ts;
			c->spk[s].whole |= in->lab.whole;
			c->spk[s].host_named |= in->lab.role_side == 1;
			c->spk[s].guest_named |= in->lab.role_side == 2;
			in->spk = s;
		}
	}
	resolve_aliases(c);
	for (size_t k = 0; k < c->nspk; k++) {
		struct speaker *s = &c->spk[k];
		if (s->alias < 0)
			s->valid = s->uses >= 2 && (s->colon || s->caps || s->ts);
	}
	unlabel_headlines(c);
	for (size_t k = 0; k < c->nspk; k++) {
		struct speaker *s = &c->spk[k];
		if (s->alias >= 0)
			s->valid = c->spk[s->alias].valid;
		if (s->valid) {
			first = s->first < first ? s->first : first;
			last = s->last > last ? s->last : last;
		}
	}
	/* names the front matter gives are speakers however often they speak */
	for (size_t k = 0; k < c->nspk; k++) {
		struct speaker *s = &c->spk[k];

		if (s->alias >= 0 || s->valid)
			continue;
		if ((c->hint_host && names_person(c->hint_host, s->name)) ||
		    (c->hint_guest && names_person(c->hint_guest, s->name)))
			s->valid = 1;
	}
	/* once-only names among confirmed ones, or alongside role labels */
	if (first < c->n || nhost + nguest + nq >= 2) {
		if (first >= c->n) {
			first = 0;
			last = c->n;
		}
		for (size_t k = 0; k < c->nspk; k++) {
			struct speaker *s = &c->spk[k];
			if (!s->valid && s->alias < 0 && s->uses == 1 && (s->colon || s->ts) &&
			    person_shaped(s->name) && s->first > first && s->first <= last + 3)
				s->valid = 1;
			if (!s->valid && s->alias < 0 && s->whole && c->name_lines)
				s->valid = 1;	/* a forum's member who posts once */
			/* "Doug_Lee:", "mossbank77:": a forum's handles, once
			 * each, around an AMA's confirmed poster; the first
			 * asks just before the poster's first answer */
			if (!s->valid && s->alias < 0 && s->uses == 1 && s->colon && handle_shaped(s->name) &&
			    s->first + 3 >= first && s->first <= last + 3)
				s->valid = 1;
			if (!s->valid && s->alias < 0 && s->uses == 1 && s->colon && strlen(s->name) >= 2 &&
			    strlen(s->name) <= 4 && strspn(s->name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == strlen(s->name) &&
			    s->first > first && s->first <= last + 3)
				s->valid = 1;	/* "PR:" once among "TW:" turns */
		}
	}
	/* Labels on the first exchange only ("Garden Ledger: ..." then "Odile
	 * Brancusi: ..."): two names, once each, one turn apart, and no other
	 * speaker confirmed. */
	if (first >= c->n && nq + na + nhost + nguest == 0) {
		long a = -1, b = -1;
		size_t cands = 0;

		for (size_t k = 0; k < c->nspk; k++) {
			if (c->spk[k].alias >= 0 || !(c->spk[k].colon || c->spk[k].ts) || c->spk[k].first == 0 ||
			    c->spk[k].first * 2 >= c->n || looks_like_title(&c->v[c->spk[k].first]) ||
			    cruft_score(c->v[c->spk[k].first].text) >= 0.7f)
				continue;	/* the first exchange is in the first half */
			cands++;
			if (a < 0)
				a = (long)k;
			else if (b < 0)
				b = (long)k;
		}
		if (cands == 2 && c->spk[b].first > c->spk[a].first && c->spk[b].first - c->spk[a].first <= 3 &&
		    c->spk[b].first * 2 < c->n && strchr(c->v[c->spk[a].first].text, '?') &&
		    clean_count_words(c->v[c->spk[b].first].text) >= 6)
			c->spk[a].valid = c->spk[b].valid = 1;
		/* or one name on the first answer, or on the first question (a
		 * publication asking) */
		if (cands == 1 && c->spk[a].first * 2 < c->n && c->spk[a].uses == 1 &&
		    (final_punct(c->v[c->spk[a].first - 1].text) == '?' ||
		     final_punct(c->v[c->spk[a].first].text) == '?'))
			c->spk[a].valid = 1;
	}
	for (size_t i = 0, turns = 0; i < c->n; i++) {
		struct info *in = &c->v[i];
		enum label_kind k = in->lab.kind;
		int ok;

		if (k == LABEL_NONE || in->inline_a || (in->p->list_item && k == LABEL_NAME))
			continue;
		if (k == LABEL_Q || k == LABEL_A)
			ok = nq >= 1 && nq + na >= 2;
		else if (k == LABEL_HOST || k == LABEL_GUEST)
			ok = in->lab.name_len == 1 ? ni >= 1 && nr >= 1 : nhost + nguest >= 2 || nq + na > 0;
		else
			ok = in->spk >= 0 && c->spk[in->spk].valid;
		/* 'Ines Darrow: "A pair of lungs with buttons"' above the first
		 * turn is the article's headline, not her words */
		if (ok && k == LABEL_NAME && !turns && i < TITLE_SCAN && quoted_headline(in->text + in->lab.body))
			ok = 0;
		/* "Tomasz Lind — Tower Clocks and the Art of Waiting": a name and a
		 * headline, set apart by a dash */
		if (ok && k == LABEL_NAME && in->lab.sep == '-' && !stops(in->text + in->lab.body) &&
		    capitalised(in->text + in->lab.body))
			ok = 0;
		if (!ok) {
			in->spk = -1;
			continue;
		}
		turns++;
		in->kind = k;
		in->spk = k == LABEL_NAME ? canonical(c, in->spk) : -1;
		in->body = in->text + in->lab.body;
		in->bare = !*in->body;
	}
}

/* The speaker index that stands for a role mark ("Q:", "Interviewer:"). */
static long role_speaker(struct ctx *c, enum label_kind kind)
{
	enum label_kind side = kind == LABEL_Q || kind == LABEL_HOST ? LABEL_HOST : LABEL_GUEST;
	const char *name = side == LABEL_HOST ? "host" : "guest";
	long s = find_speaker(c, name, strlen(name), side);

	if (s >= 0)
		return s;
	s = new_speaker(c, name, strlen(name), side, c->n);
	c->spk[s].side = side == LABEL_HOST ? SIDE_HOST : SIDE_GUEST;
	c->spk[s].valid = 1;
	return s;
}

/* Each unit joins the turn of the label above it; a bare label's words
 * are the unit below it. */
/* "What is your death row meal?" then "Niamh: Chowder ...": a page that
 * labels its answers and not its questions.  Its short unlabelled
 * questions before a labelled turn are the unnamed interviewer's, not a
 * continuation of the turn above them.  Marks them and returns their
 * number, or 0 when the labelled turns ask as often. */
static int free_question(const struct ctx *c, size_t i)
{
	const struct info *in = &c->v[i];

	return in->kind == LABEL_NONE && !in->inline_a && !in->inline_q && final_punct(in->body) == '?' &&
	       clean_count_words(in->body) <= QMARK_PLAIN_WORDS && i + 1 < c->n && c->v[i + 1].kind == LABEL_NAME &&
	       i > 0 && c->v[i - 1].kind == LABEL_NAME && !c->v[i - 1].bare && c->v[i - 1].p != in->p;
}

static size_t unlabelled_asker(struct ctx *c)
{
	size_t free_q = 0, labelled_q = 0;

	for (size_t i = 0; i + 1 < c->n; i++) {
		const struct info *in = &c->v[i];

		if (in->kind == LABEL_NAME && final_punct(in->body) == '?')
			labelled_q++;
		free_q += free_question(c, i);
	}
	if (free_q < 3 || labelled_q * 4 >= free_q)
		return 0;
	for (size_t i = 0; i + 1 < c->n; i++) {
		struct info *in = &c->v[i];

		in->asker = free_question(c, i);
	}
	return free_q;
}

static void follow_turns(struct ctx *c)
{
	long cur = -1;

	c->free_asks = unlabelled_asker(c);

	for (size_t i = 0; i < c->n; i++) {
		struct info *in = &c->v[i];

		if (in->kind == LABEL_Q || in->kind == LABEL_A || in->kind == LABEL_HOST || in->kind == LABEL_GUEST)
			in->spk = role_speaker(c, in->kind);
		if (in->kind != LABEL_NONE) {
			struct speaker *s = &c->spk[in->spk];

			cur = in->spk;
			if (i < s->first)
				s->first = i;
			s->last = i;
			continue;
		}
		if (in->inline_a && i && c->v[i - 1].kind == LABEL_Q) {
			in->spk = role_speaker(c, LABEL_A);
			in->kind = LABEL_A;
			continue;
		}
		if (in->p->heading)	/* a section of the page: whose it is, is not known */
			cur = -1;
		in->spk = in->asker ? -1 : cur;
	}
}

/* ---- 3. sides ---------------------------------------------------------- */

/* Words before a name in the opening that say who the name is: "my guest
 * today is Ada", "joined by Ada", "my co-host Ben". */
static const char *const guest_cues[] = {
	"guest", "guests", "joined by", "joining us", "joining me", "welcome", "with me is",
	"with us is", "in conversation with", "please welcome", "we have", "today i'm talking to",
	"i sat down with", "we sat down with", "i spoke with", "i spoke to", "we spoke with", "we spoke to",
	"i talked to", "i talked with", "we talked to", "we talked with", "i asked", "we asked",
	"i caught up with", "we caught up with", "i interviewed", "we interviewed",
	"today i'm talking with", "i'm talking to", "i'm talking with", "i'm joined by",
	"conversation with", "chatted with", "a chat with",
};
static const char *const cohost_cues[] = { "co-host", "cohost", "co-hosts", "co-presenter", "my fellow host" };

/* Does the text name first (a first name) right after one of cues? */
static int names_after(const char *text, const char *first, const char *const *cues, size_t ncues)
{
	size_t n = strlen(first);

	for (const char *p = text; (p = strcasestr(p, first)); p++) {
		const char *from = p - text > 48 ? p - 48 : text;
		char *before;
		int hit = 0;

		if ((p > text && isalnum((unsigned char)p[-1])) || isalnum((unsigned char)p[n]))
			continue;
		before = xstrndup(from, (size_t)(p - from));
		for (char *b = before; *b; b++)
			*b = (char)tolower((unsigned char)*b);
		for (size_t i = 0; i < ncues && !hit; i++)
			hit = strstr(before, cues[i]) != NULL;
		free(before);
		if (hit)
			return 1;
	}
	return 0;
}

static int unit_asks(const struct info *in)
{
	return final_punct(in->body) == '?' || is_request(in->body) ||
	       (strchr(in->body, '?') && clean_count_words(in->body) <= QMARK_PLAIN_WORDS);
}

/* "Tova, welcome", "welcome, Tova": a greeting that names the guest. */
static int welcomed(const char *text, const char *first)
{
	size_t n = strlen(first);

	for (const char *p = text; (p = strcasestr(p, first)); p++) {
		if ((p > text && isalnum((unsigned char)p[-1])) || isalnum((unsigned char)p[n]))
			continue;
		if (!strncasecmp(p + n, ", welcome", 9))
			return 1;
	}
	return 0;
}

/* Sides.  The guest is the speaker the opening names as the guest, else
 * the one who says the most and asks the least.  Hosts are those named as
 * hosts, those who speak before the guest first does (co-hosts open the
 * show together), and the speaker who asks the most.  Everyone else is a
 * guest: a panel has several. */
/* Does s open a show and name its speaker, whose label is name ("This is
 * the Night Desk. I'm Ada Stone.")? */
static int names_self_on_show(const char *s, const char *name)
{
	static const char *const show[] = { "podcast", "show", "program", "welcome to", "listening to", "on air" };
	static const char *const self[] = { "i'm ", "i’m ", "i am ", "my name is " };
	char *low = xstrndup(s, strnlen(s, 400));
	int on_show = 0, hit = 0;

	for (char *p = low; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	for (size_t i = 0; i < COUNT(show) && !on_show; i++)
		on_show = strstr(low, show[i]) != NULL;
	for (size_t i = 0; i < COUNT(self) && on_show && !hit; i++) {
		for (const char *p = low; (p = strstr(p, self[i])) != NULL && !hit; p++) {
			const char *w = s + (p - low) + strlen(self[i]);

			/* the label's first name or surname among the next words */
			for (const char *n = name; *n && !hit; n += strcspn(n, " "), n += *n == ' ') {
				size_t len = strcspn(n, " ");

				hit = len >= 2 && !strncasecmp(w, n, len) && !isalpha((unsigned char)w[len]);
				if (!hit && strchr(w, ' ') && strchr(w, ' ') - w < 20) {
					const char *w2 = strchr(w, ' ') + 1;
					hit = !strncasecmp(w2, n, len) && !isalpha((unsigned char)w2[len]);
				}
			}
		}
	}
	free(low);
	return hit;
}

/* Does the prose above the first turn, said by no one, name this
 * speaker ("Ada Stone and Bo Li have run ...")? */
static int in_standfirst(const struct ctx *c, const char *name)
{
	for (size_t i = 0; i < c->n && c->v[i].kind == LABEL_NONE && c->v[i].spk < 0; i++)
		if (clean_count_words(c->v[i].body) >= 12 && strstr(c->v[i].body, name))
			return 1;
	return 0;
}

static void find_sides(struct ctx *c, const char *title)
{
	long best = -1, guest = -1;
	char *tguest = title ? guest_from_title(title) : NULL;
	size_t in_title = 0;	/* speakers the title names */
	size_t opener = (size_t)-1;	/* the first label's unit */
	size_t most = 0;	/* the most words a speaker but the chief asker says */
	size_t named = 0;	/* speakers with names */

	for (size_t i = 0; i < c->n; i++) {
		struct info *in = &c->v[i];
		struct speaker *s;

		if (in->spk < 0 || in->bare)
			continue;
		s = &c->spk[in->spk];
		s->words += clean_count_words(in->body);
		if (in->kind != LABEL_NONE || (i && c->v[i - 1].bare)) {
			s->turns++;
			s->asks += unit_asks(in);
		} else if (unit_asks(in) && (i + 1 == c->n || c->v[i + 1].kind != LABEL_NONE) &&
			   !in->p->emphasis && !in->p->heading && !in->inline_q) {
			s->asks++;	/* a turn that ends on a question */
		}
	}
	/* "Thanks for having us.", "Happy to be here.": who says so is a guest */
	for (size_t i = 0; i < c->n && i < 24; i++) {
		static const char *const cues[] = {
			"for having me", "for having us", "to be here", "to be with you", "to be on the show",
			"to be back", "for inviting me", "for inviting us",
		};
		long k = canonical(c, c->v[i].spk);
		char *low;

		if (k < 0 || c->spk[k].kind != LABEL_NAME || c->v[i].kind == LABEL_NONE)
			continue;
		low = xstrndup(c->v[i].body, strnlen(c->v[i].body, 80));	/* as the turn opens */
		for (char *p = low; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		for (size_t j = 0; j < COUNT(cues); j++)
			if (strstr(low, cues[j]) && clean_count_words(c->v[i].body) <= 40)
				c->spk[k].guest_said = 1;
		free(low);
	}
	/* "It's the Statehouse Podcast. I'm Lucia Ferrante.": who opens the
	 * show by name is one of its hosts, where several speak (with two,
	 * who asks tells better: an expert may open a call-in) */
	for (size_t k = 0; k < c->nspk; k++)
		named += c->spk[k].kind == LABEL_NAME && c->spk[k].alias < 0 && c->spk[k].valid;
	for (size_t i = 0; i < c->n && i < 16 && named >= 3; i++) {
		long k = canonical(c, c->v[i].spk);

		if (k >= 0 && c->spk[k].kind == LABEL_NAME && names_self_on_show(c->v[i].body, c->spk[k].name))
			c->spk[k].host_named = 1;
	}
	for (size_t k = 0; k < c->nspk && title; k++) {
		const struct speaker *s = &c->spk[k];
		char *fn = xstrndup(s->name, strcspn(s->name, " "));

		if (s->kind == LABEL_NAME && s->alias < 0 && s->valid && strcasestr(title, fn))
			in_title++;
		free(fn);
	}
	for (size_t k = 0; k < c->nspk; k++) {
		struct speaker *s = &c->spk[k];
		size_t fl;
		char *fn;

		if (s->kind != LABEL_NAME || s->alias >= 0 || !s->valid)
			continue;
		fl = strcspn(s->name, " ");
		fn = xstrndup(s->name, fl);
		if (tguest && in_title == 1 && (!strcasecmp(tguest, s->name) || !strncasecmp(tguest, s->name, fl) ||
						strcasestr(tguest, surname(s->name))))
			s->title_named = 1;
		for (size_t i = 0; i < c->n && i < 16; i++) {
			const struct info *in = &c->v[i];

			if (canonical(c, in->spk) == (long)k)
				continue;
			if (names_after(in->body, fn, cohost_cues, COUNT(cohost_cues)))
				s->host_named = 1;
			else if (names_after(in->body, fn, guest_cues, COUNT(guest_cues)) || welcomed(in->body, fn))
				s->guest_named = 1;
		}
		free(fn);
	}
	free(tguest);
	for (size_t k = 0; k < c->nspk; k++)
		if (c->spk[k].guest_said && !c->spk[k].host_named)
			c->spk[k].guest_named = 1;
	/* "Night Shift with Ada Brennan": a title names the show's host as
	 * often as its guest; believe it unless the text welcomes another
	 * guest and the one it names asks */
	{
		int other = 0;

		for (size_t k = 0; k < c->nspk; k++)
			other |= c->spk[k].guest_named && !c->spk[k].title_named;
		for (size_t k = 0; k < c->nspk; k++) {
			struct speaker *s = &c->spk[k];

			if (s->title_named && !(other && s->asks * 2 >= s->turns && s->turns))
				s->guest_named = 1;
		}
	}
	/* the one who asks the most */
	for (size_t k = 0; k < c->nspk; k++) {
		struct speaker *s = &c->spk[k];

		if (s->kind != LABEL_NAME || s->alias >= 0 || !s->valid || s->guest_named)
			continue;
		if (s->asks == 0 || s->asks * 4 < s->turns)
			continue;	/* a host asks in a quarter of their turns at least */
		if (best < 0 || s->asks > c->spk[best].asks ||
		    (s->asks == c->spk[best].asks && s->first < c->spk[best].first))
			best = (long)k;
	}
	/* the guest: the first named so, else the first other speaker who
	 * seldom asks and does not open the show */
	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i].kind == LABEL_NAME) {
			opener = c->spk[canonical(c, c->v[i].spk)].first;
			break;
		}
	}
	for (size_t k = 0; k < c->nspk; k++) {
		const struct speaker *s = &c->spk[k];
		if (s->kind == LABEL_NAME && s->alias < 0 && s->valid && (long)k != best && s->words > most)
			most = s->words;
	}
	for (size_t k = 0; k < c->nspk; k++) {
		struct speaker *s = &c->spk[k];
		/* and who says a good part of what is said */
		int like = s->turns && s->asks * 3 < s->turns + 1 && (long)k != best && s->first != opener &&
			   s->words * 2 >= most;

		if (s->kind != LABEL_NAME || s->alias >= 0 || !s->valid || s->host_named)
			continue;
		if (s->guest_named && (guest < 0 || !c->spk[guest].guest_named || s->first < c->spk[guest].first))
			guest = (long)k;
		else if (!s->guest_named && (guest < 0 || !c->spk[guest].guest_named) && like &&
			 (guest < 0 || s->first < c->spk[guest].first))
			guest = (long)k;
	}
	/* a cold open: the guest speaks first */
	for (size_t k = 0; k < c->nspk && guest < 0; k++) {
		struct speaker *s = &c->spk[k];
		if (s->kind == LABEL_NAME && s->alias < 0 && s->valid && !s->host_named && s->first == opener &&
		    s->turns && s->asks * 3 < s->turns + 1 && (long)k != best)
			guest = (long)k;
	}
	if (best == guest)
		best = -1;
	for (size_t k = 0; k < c->nspk; k++) {
		struct speaker *s = &c->spk[k];

		if (s->kind != LABEL_NAME || s->alias >= 0 || !s->valid)
			continue;
		if (c->hint_host && names_person(c->hint_host, s->name))
			s->host_named = 1, s->guest_named = 0;
		else if (c->hint_guest && names_person(c->hint_guest, s->name))
			s->guest_named = 1, s->host_named = 0;
		if (s->host_named && !s->guest_named)
			s->side = SIDE_HOST;
		else if (s->guest_named || (long)k == guest || (c->free_asks && s->asks * 4 < s->turns + 1))
			s->side = SIDE_GUEST;
		else if ((long)k == best ||
			 (guest >= 0 && s->first < c->spk[guest].first &&
			  !(s->turns >= 3 && s->asks * 4 < s->turns && s->words * 2 >= most && best >= 0 &&
			    in_standfirst(c, s->name))) ||
			 (s->turns && s->asks == s->turns) ||	/* a caller, a reader who asks */
			 (s->asks >= 2 && s->asks * 2 >= s->turns))	/* a co-host who asks half the time */
			s->side = SIDE_HOST;
		else
			s->side = SIDE_GUEST;
	}
	/* With Q/A marks or role labels beside names, a name that does not
	 * ask is a guest: "Q: ..." then "Pete Childers: ...". */
	for (size_t k = 0; k < c->nspk; k++)
		if (c->spk[k].kind == LABEL_HOST || c->spk[k].kind == LABEL_GUEST)
			for (size_t j = 0; j < c->nspk; j++)
				if (c->spk[j].kind == LABEL_NAME && !c->spk[j].host_named && c->spk[j].asks * 2 < c->spk[j].turns)
					c->spk[j].side = SIDE_GUEST;
	c->host = c->guest = -1;
	for (size_t i = 0; i < c->n; i++) {
		long s = c->v[i].spk;

		if (s < 0)
			continue;
		if (c->spk[s].side == SIDE_HOST && c->host < 0)
			c->host = s;
		if (c->spk[s].side == SIDE_GUEST && c->guest < 0)
			c->guest = s;
	}
	c->two_sided = c->host >= 0 && c->guest >= 0;
}

/* Full names the title, the author line and the opening give ("Noa
 * Tamsalu", "R.T. Vance"): two or three capitalised words or initials. */

static int is_calendar_word(const char *w)
{
	static const char *const words[] = {
		"January", "February", "March", "April", "May", "June", "July", "August", "September",
		"October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
		"Saturday", "Sunday",
	};
	size_t n = strcspn(w, " ,.:;!?");

	for (size_t i = 0; i < COUNT(words); i++)
		if (strlen(words[i]) == n && !strncmp(w, words[i], n))
			return 1;
	return 0;
}

static size_t full_names(const char *s, char **out, size_t n, size_t max)
{
	while (*s && n < max) {
		const char *p = s;
		int words = 0;

		s = p = past_titles(s);

		while (words < 3) {
			const char *w = p;
			int initials = 0;

			if (!is_upper_start(w))
				break;
			while (isupper((unsigned char)p[0]) && p[1] == '.') {
				p += 2;
				initials = 1;
			}
			if (!initials) {
				/* "But Sora said": a sentence's first word is no name's;
				 * "with Garrett and Theo October 7": a date's month ends
				 * the name before it */
				if (!is_name_word(w) || (!words && is_name_stop(w) && strncmp(w, "The ", 4)) ||
				    (words && is_calendar_word(w)))
					break;
				while (*p && *p != ' ' && *p != ',' && *p != ':' && *p != '.' && *p != '?' &&
				       *p != '!' && *p != ')' && *p != ';' && strncmp(p, "\xe2\x80\x99", 3) && *p != '\'')
					p++;
			}
			words++;
			if (*p != ' ' || !is_upper_start(p + 1))
				break;
			p++;
		}
		while (p > s && p[-1] == ' ')
			p--;
		if (words >= 2) {
			out[n++] = xstrndup(s, (size_t)(p - s));
			s = p;
		} else {
			s += strcspn(s, " ");
			s += *s == ' ';
		}
	}
	return n;
}

/* Does the short label stand for the full name: its first name, its
 * surname, its initials ("LM", "R.T.") in any capitals? */
static int stands_for(const char *label, const char *full)
{
	char ini[16], lab[16];
	size_t ni = 0, nl = 0;
	size_t first = strcspn(full, " ");

	if ((strlen(label) == first && !strncasecmp(label, full, first)) || !strcasecmp(label, surname(full)))
		return 1;
	for (const char *p = full; *p && ni + 1 < sizeof(ini); p++)
		if ((p == full || p[-1] == ' ' || p[-1] == '.') && isupper((unsigned char)*p))
			ini[ni++] = *p;
	for (const char *p = label; *p && nl + 1 < sizeof(lab); p++)
		if (*p != '.')
			lab[nl++] = (char)toupper((unsigned char)*p);
	ini[ni] = lab[nl] = '\0';
	/* "LL" for "The Larkspur Ledger": a publication's article aside */
	return nl >= 2 && (!strcmp(ini, lab) || (!strncmp(full, "The ", 4) && !strcmp(ini + 1, lab)));
}

#define FULL_NAMES_MAX 128

/* The one first name, of those the speakers give themselves ("I'm
 * Tadhg", "my name is Fionn"), that opens with the letter; or NULL. */
static char *self_named(const struct ctx *c, char letter)
{
	char *found = NULL;

	for (size_t i = 0; i < c->n && i < CUED_GUEST_SCAN; i++)
		for (size_t k = 0; k < COUNT(self_intros); k++)
			for (const char *p = strstr(c->v[i].body, self_intros[k]); p; p = strstr(p + 1, self_intros[k])) {
				const char *w = p + strlen(self_intros[k]);
				size_t n = strcspn(w, " ,.;:!?");

				if (*w != letter || !is_name_word(w) || n < 2 || (found && strlen(found) == n && !strncmp(found, w, n)))
					continue;
				if (found) {	/* two names with the letter: neither */
					free(found);
					return NULL;
				}
				found = xstrndup(w, n);
			}
	return found;
}

/* "between Helen Voss (H) and Matthias Grünwald of Quarrystone (M)": the
 * full name a text gives the label in brackets after it, the last one of
 * its clause; or NULL. */
static char *bracketed_name(const char *text, const char *label)
{
	size_t n = strlen(label);

	for (const char *p = strchr(text, '('); p; p = strchr(p + 1, '(')) {
		const char *from = text;
		char *clause, *names[FULL_NAMES_MAX], *name = NULL;
		size_t got;

		if (strncmp(p + 1, label, n) || p[n + 1] != ')')
			continue;
		for (const char *q = text; q < p; q++)
			if (*q == ',' || *q == ';' || *q == '(' || *q == ')' || !strncmp(q, " and ", 5))
				from = q + 1;
		clause = xstrndup(from, (size_t)(p - from));
		got = full_names(clause, names, 0, FULL_NAMES_MAX);
		if (got)
			name = xstrdup(names[got - 1]);
		for (size_t i = 0; i < got; i++)
			free(names[i]);
		free(clause);
		if (name)
			return name;
	}
	return NULL;
}

/* A speaker labelled by a short form takes the full name that the page
 * gives it elsewhere: "Tamsalu:" is Noa Tamsalu, "LM:" is Lidia Marsh. */
static void full_speaker_names(struct ctx *c, const char *title, const char *author, const char *host,
			       const char *guest)
{
	char *names[FULL_NAMES_MAX];
	size_t n = 0;

	if (title)
		n = full_names(title, names, n, FULL_NAMES_MAX);
	if (author)
		n = full_names(author, names, n, FULL_NAMES_MAX);
	if (host)
		n = full_names(host, names, n, FULL_NAMES_MAX);
	if (guest)
		n = full_names(guest, names, n, FULL_NAMES_MAX);
	/* the intro, and the hellos of a panel ("this week we have Maeve
	 * Ortolan", "I'm Dorian Pell") */
	size_t from = 0;

	while (from < c->n && c->v[from].kind == LABEL_NONE)
		from++;
	from = from < c->n ? from : 0;
	for (size_t i = 0; i < c->n && i < from + TITLE_SCAN + 4; i++)
		n = full_names(c->v[i].body, names, n, FULL_NAMES_MAX);
	/* a key to the labels above the turns: "BK: Brackwater", "NV: Nevermoor" */
	for (size_t i = 0; i < c->n; i++) {
		struct info *in = &c->v[i];
		long k = in->kind == LABEL_NAME ? canonical(c, in->spk) : -1;
		size_t words = clean_count_words(in->body);

		const char *who = in->body;

		/* "The one and only Corwin Adebayo-Frost" */
		for (const char *p = strchr(who, ' '); in->legend && words > 3 && p && !person_shaped(who); p = strchr(who, ' '))
			if (person_shaped(p + 1) || !strchr(p + 1, ' '))
				who = p + 1, words = clean_count_words(who);
			else
				who = p + 1;
		if (k < 0 || c->spk[k].first != i || c->spk[k].uses < 2 || strchr(c->spk[k].name, ' ') ||
		    !words || words > 3 || stops(who) || strchr(who, '?') ||
		    !(person_shaped(who) || (words == 1 && strlen(who) >= 3 && !strpbrk(who, ",;"))))
			continue;
		in->legend = 1;
		free(c->spk[k].name);
		c->spk[k].name = xstrdup(who);
	}
	for (size_t k = 0; k < c->nspk; k++) {
		struct speaker *s = &c->spk[k];
		long match = -1;
		const char *bare;

		if (s->kind != LABEL_NAME || s->alias >= 0 || strchr(past_titles(s->name), ' '))
			continue;
		for (size_t i = 0; i < c->n && i < TITLE_SCAN + 4 && strlen(s->name) <= 4; i++) {
			char *full = c->v[i].kind == LABEL_NONE ? bracketed_name(c->v[i].body, s->name) : NULL;

			if (full) {
				free(s->name);
				s->name = full;
				break;
			}
		}
		/* "I'm Tadhg, I hit things", then "T:" */
		if (strlen(s->name) == 1 && isupper((unsigned char)*s->name)) {
			char *said = self_named(c, *s->name);

			if (said) {
				free(s->name);
				s->name = said;
			}
		}
		/* "The Hon Lorna Quaintance MP / Premier" above the turns, and
		 * "PREMIER:" labels her */
		for (size_t i = 1; i < c->n && i < TITLE_SCAN + 4 && !strchr(s->name, ' '); i++) {
			const char *card = c->v[i - 1].text, *hon[] = { "The Hon ", "The Hon. ", "The Honourable ", "Hon ", "Hon. " };
			char *found[4];
			size_t got;

			if (c->v[i].kind != LABEL_NONE || strcasecmp(c->v[i].text, s->name) || c->v[i - 1].kind != LABEL_NONE)
				continue;
			for (size_t h = 0; h < COUNT(hon); h++)
				if (!strncmp(card, hon[h], strlen(hon[h]))) {
					card += strlen(hon[h]);
					break;
				}
			got = full_names(card, found, 0, 4);
			if (got && strlen(found[0]) + 8 >= strlen(card)) {
				free(s->name);
				s->name = found[0];
				found[0] = NULL;
			}
			for (size_t f = 0; f < got; f++)
				free(found[f]);
		}
		/* "Mayor Osterhagen" is the Ruth Osterhagen of the intro */
		bare = past_titles(s->name);
		if (strchr(bare, ' '))
			continue;
		for (size_t i = 0; i < n; i++)
			if (stands_for(bare, names[i]) && (bare == s->name || !strcasecmp(bare, surname(names[i]))))
				match = match < 0 || !strcmp(names[match], names[i]) ? (long)i : -2;
		if (match >= 0) {
			free(s->name);
			s->name = xstrdup(names[match]);
		}
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
}

/* After its labels, a unit takes its turn's side.  Where only one side
 * is labelled, or the labels stop (a page that names the speakers of its
 * first exchange only), the units without a label are left to the
 * decoder. */
static void assign_sides(struct ctx *c)
{
	size_t last_label = 0;
	int any = 0;

	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i].kind != LABEL_NONE) {
			last_label = i;
			any = 1;
		}
	}
	for (size_t i = 0; i < c->n; i++) {
		struct info *in = &c->v[i];

		in->side = in->spk >= 0 ? c->spk[in->spk].side : SIDE_NONE;
		if (in->kind != LABEL_NONE || (i && c->v[i - 1].bare))
			continue;
		if (!any || in->spk < 0 || !c->two_sided)
			in->free = 1;
	}
	/* the labels stop: from the first question-shaped unit after the
	 * last label, the rest is unlabelled */
	if (any && c->two_sided) {
		size_t asking = 0, after = 0, from = c->n;

		for (size_t i = last_label + 1; i < c->n; i++) {
			const struct info *in = &c->v[i];
			int q = final_punct(in->body) == '?' && clean_count_words(in->body) <= QMARK_PLAIN_WORDS;

			after++;
			if (q) {
				asking++;
				if (from == c->n)
					from = i;
			}
		}
		if (after >= 4 && asking >= 2)
			for (size_t i = from; i < c->n; i++)
				c->v[i].free = 1;
	}
}

/* '- "Thank you for meeting me."' then '- "My pleasure ..."': a run of
 * quoted turns with no names, each a line of a dialogue, taking turns.
 * The run's first turn is the interviewer's; then they alternate. */
static int dialogue_line(const char *s)
{
	if ((*s == '-' || *s == '*') && s[1] == ' ')
		s += 2;
	else if (!strncmp(s, "\xe2\x80\x94 ", 4) || !strncmp(s, "\xe2\x80\x93 ", 4))	/* "— ", "– " */
		s += 4;
	else
		return 0;
	return is_quote_open(s);
}

/* A forum post or a club's page that gives the answers in quotation
 * marks, paragraph by paragraph, and the questions, short, without them
 * ("How do you approach the first leg" / "“You will see tomorrow. ...").
 * Two in five paragraphs or more, from the first quotation to the last,
 * open one, three or more short
 * ones between them do not, and no one is labelled: the quotations are
 * the guest's, the short lines between the host's. */
static void quoted_answers(struct ctx *c)
{
	size_t quoted = 0, asks = 0, first = c->n, last = 0;

	for (size_t i = 0; i < c->n; i++) {
		if (is_quote_open(c->v[i].body)) {
			quoted++;
			first = i < first ? i : first;
			last = i;
		}
	}
	if (quoted < 5 || quoted * 10 < (last - first + 1) * 4)
		return;
	first -= first > 0 && !is_quote_open(c->v[first - 1].body);	/* the first question */
	for (size_t i = first; i <= last; i++)
		if (c->v[i].kind != LABEL_NONE || c->v[i].spk >= 0)
			return;
	for (size_t i = first; i < last; i++)
		asks += !is_quote_open(c->v[i].body) && clean_count_words(c->v[i].body) <= PLAIN_Q_WORDS &&
			!contains_word(c->v[i].body, "said") && !contains_word(c->v[i].body, "says");
	if (asks < 3)
		return;
	for (size_t i = first; i <= last; i++) {
		struct info *in = &c->v[i];

		if (is_quote_open(in->body))
			in->side = SIDE_GUEST;
		else if (clean_count_words(in->body) <= PLAIN_Q_WORDS && !contains_word(in->body, "said") &&
			 !contains_word(in->body, "says"))
			in->side = SIDE_HOST;
		else
			continue;
		in->free = 0;
	}
}

static void alternate_quotes(struct ctx *c)
{
	for (size_t i = 0; i < c->n;) {
		size_t j = i;

		while (j < c->n && c->v[j].kind == LABEL_NONE && c->v[j].spk < 0 && dialogue_line(c->v[j].body))
			j++;
		if (j - i >= ALTERNATE_MIN)
			for (size_t k = i; k < j; k++) {
				c->v[k].side = (k - i) % 2 ? SIDE_GUEST : SIDE_HOST;
				c->v[k].free = 0;
			}
		i = j > i ? j : i + 1;
	}
}

/* A title to read the guest's name from before decoding: the front
 * matter's, else the first headline near the top. */
static const char *title_guess(const struct ctx *c)
{
	if (c->known_title)
		return c->known_title;
	for (size_t i = 0; i < c->n && i < TITLE_SCAN; i++)
		if (c->v[i].kind == LABEL_NONE && looks_like_title(&c->v[i]))
			return c->v[i].body;
	return NULL;
}

/* ---- 4. scores --------------------------------------------------------- */

/* The host's opening words: a welcome, a name given, the tape started. */
static int opens_show(const char *s)
{
	static const char *const cues[] = {
		"welcome", "i'm ", "i’m ", "i am ", "this is ", "joining me", "my guest", "with me",
		"recording", "good morning", "good evening", "good afternoon", "hello", "hi ",
	};
	char *low = xstrndup(s, strnlen(s, 300));
	int hit = 0;

	for (char *p = low; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	for (size_t i = 0; i < COUNT(cues) && !hit; i++)
		hit = strstr(low, cues[i]) != NULL;
	free(low);
	return hit;
}

static const char *const greetings[] = {
	"hi", "hello", "hey", "thanks", "thank you", "glad", "great to be", "good to be",
	"happy to be", "it's a pleasure", "it’s a pleasure", "pleasure", "good morning",
	"good evening", "good afternoon", "oh", "ha", "sorry",
};

/* "Ada Stone is a ...", "Ada has spent ...": a paragraph about someone,
 * as an introduction describes the guest. */
static int is_bio(const char *s)
{
	static const char *const verbs[] = {
		"is", "was", "has", "had", "spent", "runs", "leads", "founded", "grew", "works",
		"teaches", "writes", "joined", "became", "began", "started", "lives", "studied",
		"directs", "owns", "trained", "served", "holds", "made", "wrote", "built",
	};
	char *name = name_at(s);
	const char *p;
	int hit = 0;

	if (!name) {
		/* "Ada is ..." */
		if (!is_name_word(s))
			return 0;
		name = xstrndup(s, strcspn(s, " ,"));
		if (strlen(name) < 3 || speaks_of_self(name)) {
			free(name);
			return 0;
		}
	}
	p = s + strlen(name);
	if (*p == ',') {	/* "Ada Stone, a potter from Leeds, has ..." */
		const char *close = strchr(p + 1, ',');
		p = close && close - p < 80 ? close + 1 : p;
	}
	p += strspn(p, " ");
	for (size_t i = 0; i < COUNT(verbs) && !hit; i++)
		hit = starts_with_word(p, verbs[i]);
	free(name);
	return hit && !addresses_guest(s) && !strchr(s, '?');
}

/* How likely an unlabelled unit is a question, from its shape and its
 * neighbours.  The layouts of real pages are features here, not rules
 * tried in turn: a '?', a request, a heading or a bold line, a short line
 * that ends no sentence, a topic ending in ':', a short line between long
 * answers. */
/* "Maren Ostby": a name on a line of its own, no mark after it */
static int name_alone(const char *s)
{
	return person_shaped(s) && !strpbrk(s, ".,:;?!()");
}

/* "LINCOLN, NEBRASKA", "Eastmoor, Ohio": a dateline's place, two or
 * three capitalised words around one comma, no sentence. */
static int is_place_line(const char *s)
{
	static const char *const not_places[] = {
		"Thanks", "Thank", "Yes", "No", "Well", "Okay", "OK", "Hi", "Hello", "Welcome", "Sorry", "Right",
		"So", "And", "But", "Oh", "Wow", "Sure", "Absolutely", "Good", "Great", "Hey", "Now", "Again",
	};
	const char *comma = strchr(s, ',');
	size_t words = clean_count_words(s);

	if (!comma || strchr(comma + 1, ',') || words < 2 || words > 4 || stops(s))
		return 0;
	for (size_t i = 0; i < COUNT(not_places); i++)
		if (starts_with_word(s, not_places[i]))
			return 0;
	for (const char *p = s; *p; p += strcspn(p, " "), p += *p == ' ')
		if (!is_upper_start(p))
			return 0;
	return 1;
}

/* "Getting Started (01:12)", "0:00 Introduction": a video page's list of
 * chapter marks, each a topic with its time. */
static int is_time_mark(const char *s)
{
	size_t words = clean_count_words(s), n = strlen(s), lead = label_timestamp_lead(s);
	const char *open = strrchr(s, '(');

	if (words > 10 || strchr(s, '?') || !n)
		return 0;
	if (lead && lead < n && words <= 7 && !ends_sentence(s + lead))
		return 1;
	return open && open > s && s[n - 1] == ')' && label_timestamp(open) == (size_t)(s + n - open);
}

static float question_shape(const struct ctx *c, size_t i)
{
	const struct info *in = &c->v[i];
	const char *s = in->body;
	char last = final_punct(s);
	size_t words = clean_count_words(s);
	const struct info *next = i + 1 < c->n ? &c->v[i + 1] : NULL;
	const struct info *prev = i ? &c->v[i - 1] : NULL;
	float q = 0.03f;

	if (in->inline_q)
		return 0.95f;
	/* a block's first line over a longer answer, where the page's blocks
	 * are so: "All of that out of a kitchen the size of a van." */
	if (c->block_pairs && in->p->first_in_block && !in->p->last_in_block && next && next->p->block == in->p->block &&
	    words <= QMARK_PLAIN_WORDS && clean_count_words(next->body) > words && !in->p->list_item &&
	    in->kind == LABEL_NONE && next->kind == LABEL_NONE && !in->quote && !looks_like_title(in) &&
	    cruft_score(next->body) < 0.5f)
		return last == '?' ? 0.9f : 0.8f;
	if (in->inline_a || in->aside || in->quote || !next)
		return 0.02f;
	if (in->bio)
		return 0.03f;
	if (last != '?' && (is_place_line(s) || is_time_mark(s) || (name_alone(s) && !in->p->heading)))
		return 0.05f;	/* a dateline, a chapter mark, a name alone */
	if ((in->p->heading || in->p->emphasis) && last != '?' && prev && prev->title >= 0.5f && i < TITLE_SCAN &&
	    (!c->bold_asks || (prev->p->heading && in->p->heading && clean_count_words(s) >= 5)))
		return 0.25f;	/* the deck under the headline (where the questions are headings, one
				   that asks nothing) */
	if ((in->p->heading || in->p->emphasis) && words <= HEADER_MAX_WORDS * 2)
		return (last == '.' && words > 12 && !c->bold_asks) || words > HEADER_MAX_WORDS ?
			       (c->bold_asks ? 0.8f : 0.5f) : 0.9f;
	if (c->unpunctuated && last != '?' && in->kind == LABEL_NONE && words <= QMARK_MAX_WORDS && interrogative(s) &&
	    (!next || clean_count_words(next->body) >= 3)) {
		q = 0.7f;	/* "how do you pick the fifty" */
	} else if (last == '?') {
		if (words <= QMARK_PLAIN_WORDS || (words <= QMARK_MAX_WORDS && addresses_guest(s)))
			q = 0.9f;
		else
			q = 0.1f;
	} else if (is_request(s) && words <= REQUEST_MAX_WORDS && (last == '.' || !last)) {
		q = 0.7f;
	} else if (strchr(s, '?') && words <= QMARK_PLAIN_WORDS && addresses_guest(s) &&
		   (size_t)(strchr(s, '?') - s) < strlen(s) / 2) {
		q = 0.6f;	/* "Why do rooftops work, though? I'd assume ..." */
	} else if (words <= HEADER_MAX_WORDS && !ends_sentence(s)) {
		/* a header line: followed by text, not by another header */
		if (ends_sentence(next->body) || next->p->list_item || clean_count_words(next->body) > HEADER_MAX_WORDS)
			q = last == ':' ? (words <= TOPIC_MAX_WORDS && !next->p->list_item && !speaks_of_self(s) ? 0.7f : 0.05f)
					: 0.75f;
		else
			q = 0.2f;
	} else if (last == ':' && words <= TOPIC_MAX_WORDS && !speaks_of_self(s)) {
		q = 0.6f;
	} else if (starts_with_any(s, prompt_openers, COUNT(prompt_openers)) && words <= 25 &&
		   clean_count_words(next->body) > words) {
		q = 0.55f;
	} else if (words <= 20 && prev && clean_count_words(prev->body) >= 3 * words &&
		   clean_count_words(next->body) >= 3 * words && words >= 3) {
		q = 0.45f;	/* stands alone between long answers */
	}
	if (!in->p->first_in_block && last != '?' && !in->p->heading && !in->p->emphasis)
		q *= 0.3f;
	if (in->p->list_item && last != '?' && !(isdigit((unsigned char)s[0]) && is_request(s)))
		q *= 0.2f;	/* but "3. Tell us about the shop." asks */
	return q;
}

/* "Why Do Cats Purr?": most words capitalised, as a headline is. */
static int capitalised(const char *s)
{
	size_t caps = 0, words = 0;

	for (const char *p = s; *p; p += strcspn(p, " "), p += *p == ' ') {
		words++;
		caps += is_upper_start(p) || is_small_word(p, strcspn(p, " "));
	}
	return words >= 2 && caps * 4 >= words * 3;
}

/* Does another paragraph near it name the person that unit i names
 * alone ("Noor Haddad" above "... Noor ...")? */
static int named_elsewhere(const struct ctx *c, size_t i)
{
	const char *name = c->v[i].body, *sp = strchr(name, ' ');
	size_t first = sp ? (size_t)(sp - name) : strlen(name);
	char *fn = xstrndup(name, first);
	size_t from = i > 40 ? i - 40 : 0;
	int hit = 0;

	for (size_t k = from; k < c->n && k < i + 40 && !hit; k++)
		hit = k != i && (strstr(c->v[k].text, name) || contains_word(c->v[k].text, fn) ||
				 (sp && contains_word(c->v[k].text, sp + 1)));
	free(fn);
	return hit;
}

/* How the title shows: a heading or a headline near the top. */
static float title_shape(const struct ctx *c, size_t i)
{
	const struct info *in = &c->v[i];

	if (i >= TITLE_SCAN + c->n / 50 || in->kind != LABEL_NONE || in->inline_q || in->inline_a || i + 1 >= c->n)
		return 0.001f;
	if (c->known_title)
		return !strcasecmp(in->body, c->known_title) ? 0.97f : 0.001f;
	if (c->h1_title >= 0)	/* the page's one top-level heading */
		return (long)i == c->h1_title ? 0.97f : 0.001f;
	if (i > 0 && person_shaped(in->body) && named_elsewhere(c, i))
		return 0.2f;	/* a name alone: a byline, a speaker */
	if ((i == 0 || i == c->first_kept) && clean_count_words(in->body) <= 15 && !in->p->list_item &&
	    (!ends_sentence(in->body) || (final_punct(in->body) == '?' && capitalised(in->body))))
		return looks_like_title(in) || final_punct(in->body) == '?' ? 0.9f : 0.5f;	/* the first line names the file */
	if (looks_like_title(in))
		return in->p->heading || strstr(in->body, ": ") ? 0.9f : clean_count_words(in->body) >= 5 ? 0.8f : 0.6f;
	/* a headline in sentence case, above any prose */
	if (clean_count_words(in->body) >= 5 && clean_count_words(in->body) <= TITLE_MAX_WORDS && !stops(in->body) &&
	    !in->p->list_item && !in->quote && !is_request(in->body)) {
		for (size_t k = 0; k < i; k++)
			if (c->v[k].kind != LABEL_NONE ||
			    (clean_count_words(c->v[k].body) >= 12 && ends_sentence(c->v[k].body)))
				return 0.01f;
		return 0.5f;
	}
	return 0.01f;
}

/* "Hamish Dalgleish in the clock room above the square. Photo: ...": an
 * image's caption, its subject and where they are. */
static int is_caption(const char *s)
{
	static const char *const where[] = { " at ", " in ", " on ", " during ", " with ", " outside ", " inside " };
	char *name = name_at(s);
	const char *p;
	int hit = 0;

	if (!name)
		return 0;
	p = s + strlen(name);
	if (clean_count_words(s) <= 30 && !strchr(s, '?'))
		for (size_t i = 0; i < COUNT(where) && !hit; i++)
			hit = !strncmp(p, where[i], strlen(where[i]));
	free(name);
	return hit && (strstr(s, "Photo") || strstr(s, "photo") || strstr(s, "Credit") || strstr(s, "courtesy") ||
		       strstr(s, "Courtesy") || strstr(s, "Image") || strstr(s, "Getty") || strstr(s, " / "));
}

/* "Oskar Vennberg, Quality Coach": a name and a job title, no sentence. */
static int is_name_card(const char *s)
{
	char *name = name_at(s);
	const char *p;
	int ok;

	if (!name)
		return 0;
	p = s + strlen(name);
	ok = p[0] == ',' && p[1] == ' ' && clean_count_words(s) <= 8 && !ends_sentence(s);
	for (p += 2; ok && *p; p += strcspn(p, " ") + (p[strcspn(p, " ")] == ' '))
		ok = is_upper_start(p) || is_small_word(p, strcspn(p, " ,"));
	free(name);
	return ok;
}

static int seen_before(const struct ctx *c, size_t i)
{
	size_t words = clean_count_words(c->v[i].text);

	return words >= 2 && words <= 20 && c->v[i].seen;
}

static void collect_intro_names(struct ctx *c, size_t upto)
{
	for (size_t i = 0; i < upto && i < c->n && c->nintro_names < INTRO_NAMES_MAX; i++) {
		const char *s = c->v[i].body;

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

/* The host speaking after the interview: a thank-you or sign-off (2), or
 * the guest addressed or spoken of by first name or a name from the intro
 * (1, which an answer can do too); 0 for neither. */
/* Does a paragraph of at most 60 words say one of a host's sign-offs? */
static int signs_off(const char *body)
{
	static const char *const phrases[] = {
		"thank you so much", "thanks so much", "thank you for joining", "thanks for joining",
		"thank you for coming", "thanks for coming", "thank you for talking", "thanks for talking",
		"thank you for taking the time", "thanks for listening", "thank you for listening",
		"that's our show", "that’s our show", "that's all for", "that’s all for", "see you next",
		"until next time", "that's it for", "that’s it for", "we'll leave it there",
		"we’ll leave it there", "we'll have to leave it", "we’ll have to leave it",
		"thank you very much for", "thanks very much for", "i'll stop the recording",
		"i’ll stop the recording", "that's everything i", "that’s everything i",
		"that was my interview", "that was my conversation", "that was our conversation",
		"see you again", "see you later", "see you soon", "catch you next", "tell a friend",
		"leave a rating", "leave a review", "rate and review",
	};
	char *low;
	int hit = 0;

	if (clean_count_words(body) > 60)
		return 0;
	low = xstrdup(body);
	for (char *p = low; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	for (size_t i = 0; i < COUNT(phrases) && !hit; i++)
		hit = strstr(low, phrases[i]) != NULL;
	free(low);
	return hit;
}

static int is_host_closing(const struct ctx *c, const struct info *in)
{
	if (signs_off(in->body))
		return 2;
	if (starts_with_any(in->body, closing_openers, COUNT(closing_openers)))
		return 2;
	for (size_t i = 0; i < c->nintro_names; i++) {
		const char *name = c->intro_names[i];
		size_t first = strcspn(name, " ");

		if (strstr(in->body, name))
			return 2;
		/* "Hemi runs courses ...", "Siobhán's plot is open ..." */
		if (!strncmp(in->body, name, first) && (in->body[first] == ' ' || in->body[first] == '\'' ||
							 !strncmp(in->body + first, "\xe2\x80\x99", 3)))
			return 2;
	}
	if (c->guest_first && contains_word(in->body, c->guest_first))
		return 1;
	return 0;
}

static double lg(double p)
{
	return log(p < 1e-6 ? 1e-6 : p);
}

/* Does unit i go on with the turn of the unit before it (a paragraph of
 * the same speaker, no label line between)? */
static int goes_on(const struct ctx *c, size_t i)
{
	return i > 0 && c->v[i].kind == LABEL_NONE && !c->v[i - 1].bare && c->v[i].spk >= 0 &&
	       c->v[i - 1].spk == c->v[i].spk;
}

/* Does unlabelled unit i, among the last few, follow a closing, one of
 * the two units before it (the sign-off's second paragraph)? */
static int after_closing(const struct ctx *c, size_t i)
{
	if (strchr(c->v[i].body, '?'))
		return 0;
	for (size_t k = 1; k <= 2 && k <= i && i + 6 >= c->n; k++)
		if (c->v[i - k].close && c->v[i - k].free && signs_off(c->v[i - k].body) &&
		    !strchr(c->v[i - k].body, '?'))
			return 1;
	return 0;
}

/* The emission scores of unit i for each state. */
static void emissions(const struct ctx *c, size_t i, double *e)
{
	const struct info *in = &c->v[i];
	/* a closing that names the guest or thanks is the host, whatever
	 * else it mentions (a sign-up sheet, a website) */
	double furn = in->close && in->kind == LABEL_NONE && in->furn > 0.4f && in->furn <= 0.8f ? 0.4 : in->furn,
	       keep = 1 - furn, q, a, intro, outro;

	if (in->free || in->side == SIDE_NONE) {
		q = in->close && in->q > 0.3f ? 0.3 : in->q;
		a = (1 - q) * (in->close ? 0.2 : 0.5);
		intro = (1 - q) * (in->bio ? 0.8 : 0.5);
		outro = (1 - q) * (in->close ? 0.9 : in->close_weak || after_closing(c, i) ? 0.45 : 0.12);
		if (in->side == SIDE_HOST && !in->free)
			a *= 0.3;
	} else if (in->side == SIDE_HOST) {
		q = in->aside ? 0.05 : in->asks_ ? 0.9 : 0.6;
		a = in->aside ? 0.8 : 0.05;
		intro = in->kind == LABEL_Q && in->asks_ ? 0.05 : in->asks_ ? 0.3 : 0.5;	/* "Q: Why?" asks */
		outro = in->close ? 0.9 : in->close_weak ? 0.45 : in->asks_ || clean_count_words(in->body) > 15 ? 0.12 : 0.4;
		if (in->banter) {	/* hosts among themselves before the guest */
			q = 0.15;
			intro = 0.8;
		}
		if (in->unasked && !in->banter) {
			q = 0.3;
			intro = 0.6;
		}
		if (in->answers) {	/* one host answering another */
			q = 0.1;
			a = 0.7;
			intro = in->banter ? 0.5 : 0.25;
		}
	} else {
		/* a guest's own thanks ("for having me"), in the paragraphs
		 * of an answer, are still the answer */
		static const char *const guest_thanks[] = {
			"for having me", "for inviting me", "for the interview", "for the opportunity",
			"for asking me",
		};
		int own = goes_on(c, i) && (is_host_closing(c, in) != 2 ||
					    contains_any(in->body, guest_thanks, COUNT(guest_thanks)));

		q = 0.01;
		a = own ? 0.6 : in->close ? 0.2 : in->thanks ? 0.4 : 0.6;
		intro = in->greets ? 0.7 : 0.3;
		/* after the host's closing, a guest's short reply goes with it */
		outro = own ? 0.2 : in->close ? 0.9 : in->thanks ? 0.7 : clean_count_words(in->body) <= 12 ? 0.45 : 0.2;
		if (in->unasked) {
			intro = intro > 0.6 ? intro : 0.6;
			a = 0.3;
		}
	}
	e[S_PRE] = lg(furn);
	e[S_HEAD] = lg(furn);
	e[S_MID] = lg(furn * 0.8);
	e[S_POST] = lg(furn);
	e[S_TITLE] = lg(in->title * keep);
	e[S_INTRO] = lg(intro * keep);
	e[S_Q] = lg(q * keep);
	e[S_A] = lg(a * keep);
	e[S_OUTRO] = lg(outro * keep);
}

/* A page that puts a bare number under turn after turn (a transcript
 * site's likes, a comment count): those numbers are its furniture, and
 * are left out of the decoding, so that they do not break the turns. */
static void find_tallies(struct ctx *c)
{
	size_t n = 0;

	for (size_t i = 0; i < c->n; i++) {
		const char *s = c->v[i].text;

		n += c->v[i].kind == LABEL_NONE && *s && strspn(s, "0123456789") == strlen(s) && strlen(s) <= 6;
	}
	if (n < TALLY_MIN || n * 8 < c->n)
		return;
	for (size_t i = 0; i < c->n; i++) {
		const char *s = c->v[i].text;

		c->v[i].tally = c->v[i].kind == LABEL_NONE && *s && strspn(s, "0123456789") == strlen(s) &&
				strlen(s) <= 6;
	}
}

static void score_units(struct ctx *c)
{
	const char *tg = title_guess(c);
	size_t bold_q = 0;

	/* A page that sets its questions in bold or as headings does so for
	 * all of them, those that end in '.' too. */
	for (size_t i = 0; i < c->n; i++)
		bold_q += (c->v[i].p->emphasis || c->v[i].p->heading) && final_punct(c->v[i].body) == '?';
	c->bold_asks = bold_q >= 3;
	{
		size_t marks = 0;

		for (size_t i = 0; i < c->n; i++)
			marks += strchr(c->v[i].body, '?') != NULL;
		c->unpunctuated = c->n >= 12 && marks < 2;
	}
	{
		size_t pairs = 0, shorter = 0, blocks = 0;

		for (size_t i = 0; i + 1 < c->n; i++) {
			const struct info *in = &c->v[i], *nx = &c->v[i + 1];
			int below;

			if (!in->p->first_in_block || in->p->last_in_block || nx->p->block != in->p->block ||
			    in->kind != LABEL_NONE)
				continue;
			blocks++;
			below = clean_count_words(nx->body) > clean_count_words(in->body);
			shorter += below;
			pairs += below && strchr(in->body, '?');
		}
		c->block_pairs = pairs >= 3 && shorter * 10 >= blocks * 7;
	}
	c->first_kept = 0;
	c->h1_title = -1;
	for (size_t i = 0, h1s = 0; i < c->n; i++) {
		if (!c->v[i].p->h1 || c->v[i].kind != LABEL_NONE)
			continue;
		if (h1s++ || i >= TITLE_SCAN) {
			c->h1_title = -1;
			break;
		}
		c->h1_title = (long)i;
	}
	/* an archive's "Title: ..." line in the record above the interview */
	for (size_t i = 0; i < c->n && i < TITLE_SCAN + c->n / 50 && c->h1_title < 0 && !c->known_title; i++) {
		struct info *in = &c->v[i];

		if (in->kind == LABEL_NONE && !strncmp(in->body, "Title: ", 7) &&
		    clean_count_words(in->body + 7) >= 2 && clean_count_words(in->body + 7) <= TITLE_MAX_WORDS) {
			in->body += 7;
			c->h1_title = (long)i;
		}
	}
	if (c->h1_title >= 0 && !c->known_title)
		tg = c->v[c->h1_title].body;

	/* a page that sets every turn in quotation marks: they mark nothing */
	{
		size_t quoted = 0;

		for (size_t i = 0; i < c->n; i++)
			quoted += is_quote_open(c->v[i].body) != 0;
		c->all_quoted = quoted >= 5 && quoted * 10 >= c->n * 4;
	}
	for (size_t i = 0; i < c->n; i++) {
		struct info *in = &c->v[i];

		in->quote = !c->all_quoted && is_quotation(in->body);
		in->aside = (unsigned)is_aside(in->body);
		in->bio = in->kind == LABEL_NONE && !in->inline_q && (unsigned)is_bio(in->body);
		in->asks_ = (unsigned)unit_asks(in);
		in->thanks = (unsigned)starts_with_any(in->body, closing_openers, COUNT(closing_openers));
	}
	/* Before the first question, the turns are statements: a briefing's
	 * opening, a show's hellos. */
	if (c->two_sided) {
		size_t first_q = 0;	/* where someone first asks, if anyone does */

		while (first_q < c->n && (c->v[first_q].free || c->v[first_q].side == SIDE_NONE ||
					  !(c->v[first_q].asks_ || strchr(c->v[first_q].body, '?'))))
			first_q++;
		size_t said = 0;	/* a conversation before it is not an opening */
		long last = -1;

		for (size_t i = 0; first_q < c->n && i < first_q; i++) {
			const struct info *in = &c->v[i];

			if (in->free || in->bare || in->spk < 0)
				continue;
			said += in->spk != last && in->side == SIDE_GUEST && clean_count_words(in->body) > 15 &&
				!introduces_self(in->body);
			last = in->spk;
		}
		for (size_t i = 0; first_q < c->n && said < UNASKED_TURNS && i < first_q; i++)
			if (!c->v[i].free && !c->v[i].bare && c->v[i].side != SIDE_NONE)
				c->v[i].unasked = 1;
	}
	/* Co-hosts ask each other too: a host's turn after another speaker's
	 * question answers it, and so do the paragraphs it goes on with. */
	for (size_t i = 1, j = 0; i < c->n; i++) {
		struct info *in = &c->v[i], *prev = &c->v[j];

		if (in->bare)
			continue;
		if (in->side == SIDE_HOST && !in->free && in->spk >= 0 && !in->asks_ && prev->spk >= 0 &&
		    ((prev->spk != in->spk && prev->asks_ && final_punct(prev->body) == '?') ||
		     (prev->spk == in->spk && prev->answers)))
			in->answers = 1;
		j = i;
	}
	for (size_t i = 0; i < c->n; i++) {
		struct info *in = &c->v[i];

		in->furn = cruft_score(in->body);
		if (in->kind != LABEL_NONE || in->inline_q || in->inline_a)
			in->furn = in->furn >= 0.8f ? 0.6f : 0.01f;	/* a sponsor read in a turn */
		else if (in->body != tg && ((i > 0 && person_shaped(in->body) &&
					     (named_elsewhere(c, i) ||
					      (name_alone(in->body) && final_punct(c->v[i - 1].body) != '?'))) ||
					    is_caption(in->body) || is_name_card(in->body) || is_place_line(in->body) ||
					    is_time_mark(in->body)))
			in->furn = in->furn > 0.75f ? in->furn : 0.75f;
		if (in->kind == LABEL_NONE && in->p->chrome_near >= 2 && in->body != tg &&
		    clean_count_words(in->body) <= CHROME_MAX_WORDS && !ends_sentence(in->body) && in->furn < 0.8f)
			in->furn = 0.8f;	/* a menu's items that no rule knew */
		if (in->kind == LABEL_NONE && seen_before(c, i) && in->furn < 0.8f)
			in->furn = 0.8f;	/* a headline or a button again */
		if (in->kind == LABEL_NONE && tg && in->body != tg && strcasecmp(in->body, tg) && strlen(tg) >= 12 &&
		    strstr(in->body, tg) &&
		    clean_count_words(in->body) <= clean_count_words(tg) + 6 && in->furn < 0.85f)
			in->furn = 0.85f;	/* "Ep 9 – <the headline>" */
		if (in->quote || in->aside)
			in->furn = 0.02f;
		if (in->legend)
			in->furn = 0.9f;
		if (in->kind == LABEL_NONE && in->p->linked && clean_count_words(in->body) <= 15 && in->furn < 0.8f)
			in->furn = 0.8f;	/* a line of links: a page's menu, its related posts */
		if (c->first_kept == i && in->furn >= 0.5f)
			c->first_kept = i + 1;	/* the headline may come after it */
		in->q = question_shape(c, i);
		in->title = title_shape(c, i);
	}
	/* Before the guest first speaks, hosts talk among themselves; the
	 * host turn that hands over to the guest asks the first question. A
	 * guest's first words that greet are part of the opening. */
	if (c->two_sided) {
		size_t g = 0, lasthost = c->n;

		while (g < c->n && !(c->v[g].side == SIDE_GUEST && !c->v[g].free && !c->v[g].bare))
			g++;
		for (size_t i = 0; i < g; i++)
			if (c->v[i].side == SIDE_HOST && !c->v[i].bare)
				lasthost = i;
		for (size_t i = 0; i < g; i++)
			if (c->v[i].side == SIDE_HOST && !c->v[i].free && i != lasthost)
				c->v[i].banter = 1;
		if (g < c->n && clean_count_words(c->v[g].body) <= 25 &&
		    (starts_with_any(c->v[g].body, greetings, COUNT(greetings)) || c->v[g].thanks ||
		     (lasthost < c->n && opens_show(c->v[lasthost].body) &&
		      (clean_count_words(c->v[g].body) <= 6 ||
		       (clean_count_words(c->v[g].body) <= 15 && final_punct(c->v[lasthost].body) != '?'))))) {
			c->v[g].greets = 1;
			if (lasthost < c->n && !c->v[lasthost].free)
				c->v[lasthost].banter = 1;
			/* then the hosts go on among themselves until one asks */
			for (size_t i = g + 1; i < c->n && c->v[i].side == SIDE_HOST && !c->v[i].asks_; i++)
				c->v[i].banter = 1;
		}
	}
	/* The opening, before the first sentence of prose or the first turn:
	 * its short lines that say no sentence and ask nothing are a page's
	 * datelines, bylines and players, not the host. */
	for (size_t i = 0; i < c->n; i++) {
		struct info *in = &c->v[i];
		size_t words = clean_count_words(in->body);

		if (in->kind != LABEL_NONE || in->bare || (words >= 12 && ends_sentence(in->body)))
			break;
		if (in->body == tg || in->quote || words > 8 || ends_sentence(in->body) || in->q >= 0.5f ||
		    in->p->heading)
			continue;
		if (in->furn < (c->host >= 0 ? 0.7f : 0.5f))
			in->furn = c->host >= 0 ? 0.7f : 0.5f;
	}
	/* Where labels mark the turns, the short lines between the opening
	 * prose and the first turn are the page's links ("Full bio"). */
	for (size_t i = 0, prose = 0; c->two_sided && i < c->n; i++) {
		struct info *in = &c->v[i];
		size_t words = clean_count_words(in->body);

		if (in->kind != LABEL_NONE || in->bare)
			break;
		prose |= words >= 12 && ends_sentence(in->body);
		if (prose && in->body != tg && !in->quote && words <= 6 && !stops(in->body) &&
		    !in->p->heading && !in->p->emphasis && in->furn < 0.7f)
			in->furn = 0.7f;
	}
	/* After the last labelled turn, short lines that say no sentence
	 * are a page's credits and links ("Transcript by ...", "Related"). */
	for (size_t i = c->n, last = c->n; i-- > 0 && last == c->n;) {
		if (c->v[i].kind == LABEL_NONE || c->v[i].bare)
			continue;
		last = i;
		for (size_t k = last + 1; k < c->n; k++) {
			struct info *in = &c->v[k];

			if (clean_count_words(in->body) <= 8 && !ends_sentence(in->body) && !in->asks_ &&
			    !in->quote && in->furn < 0.75f)
				in->furn = 0.75f;
		}
	}
	/* After the last question, headlines are other articles' ("Related",
	 * the next page's title). */
	for (size_t i = c->n, last = c->n; i-- > 0 && last == c->n;) {
		if (!(c->v[i].q >= 0.5f || c->v[i].kind == LABEL_Q || (c->v[i].side == SIDE_HOST && c->v[i].asks_)))
			continue;
		last = i;
		for (size_t k = last + 2; k < c->n; k++) {
			struct info *in = &c->v[k];

			if (in->kind == LABEL_NONE && looks_like_title(in) && !in->p->heading &&
			    clean_count_words(in->body) >= 3 && in->furn < 0.75f)
				in->furn = 0.75f;
		}
	}
	/* A quotation that repeats words of another paragraph is a pull
	 * quote, set there for the eye. */
	for (size_t i = 0; i < c->n; i++) {
		struct info *in = &c->v[i];
		const char *inner = in->body + (*in->body == '"' ? 1 : 3);
		char *probe;

		if (in->kind != LABEL_NONE || !is_quotation(in->body) || strlen(inner) < 30)
			continue;
		probe = xstrndup(inner, 24);
		for (size_t k = 0; k < c->n; k++)
			if (k != i && strstr(c->v[k].body, probe) && in->furn < 0.85f)
				in->furn = 0.85f;
		free(probe);
	}
	/* Where labels carry the turns, a heading that asks nothing is a
	 * section's name ("## Later"), said by no one. */
	for (size_t i = 0; c->two_sided && i < c->n; i++) {
		struct info *in = &c->v[i];

		if (in->kind == LABEL_NONE && in->p->heading && (long)i != c->h1_title && in->body != tg &&
		    !strchr(in->body, '?') && !is_request(in->body) && clean_count_words(in->body) <= 8 &&
		    in->title < 0.5f && in->furn < 0.75f)
			in->furn = 0.75f;
	}
	/* A name alone near the top is the byline ("Noor Haddad"). */
	for (size_t i = 0; i < c->n && i < TITLE_SCAN; i++) {
		struct info *in = &c->v[i];

		if (in->kind == LABEL_NONE && person_shaped(in->body) && in->furn < 0.7f)
			in->furn = 0.7f;
	}
	/* Of the headlines in the opening, the fullest is the title: a page's
	 * or a show's name above it is furniture. */
	{
		long best = -1;
		size_t best_words = 0;
		int headed = 0;

		for (size_t i = 0; i < c->n && i < TITLE_SCAN + 4; i++) {
			const struct info *in = &c->v[i];
			size_t words = clean_count_words(in->body);

			if (in->kind != LABEL_NONE || (words >= 12 && ends_sentence(in->body)))
				break;
			if (in->title < 0.5f || in->furn >= 0.7f)
				continue;
			words += strstr(in->body, ": ") ? 4 : 0;
			words += in->title >= 0.6f ? 50 : 0;	/* set as a headline, not a deck */
			if (in->p->heading && !headed) {
				words += 100;	/* the page's first heading is its headline */
				headed = 1;
			}
			if (words > best_words) {
				best = (long)i;
				best_words = words;
			}
		}
		for (size_t i = 0; best >= 0 && i < c->n && i < TITLE_SCAN + 4; i++) {
			struct info *in = &c->v[i];

			if ((long)i != best && in->title >= 0.5f && !c->known_title) {
				in->title = 0.2f;
				if ((long)i < best && in->furn < 0.6f)
					in->furn = 0.6f;
			}
		}
		if (best >= 0 && c->v[best].furn > 0.1f && c->v[best].furn < 0.8f)
			c->v[best].furn = 0.1f;	/* what made it look like a banner */
		/* the deck under it, set as plain text, asks nothing */
		if (best >= 0 && (size_t)best + 1 < c->n) {
			struct info *deck = &c->v[best + 1];

			if (deck->kind == LABEL_NONE && !deck->p->heading && !deck->p->emphasis &&
			    final_punct(deck->body) != '?' && !is_request(deck->body) &&
			    clean_count_words(deck->body) >= 5 && deck->q > 0.25f)
				deck->q = 0.25f;
		}
	}
	/* Short lines above the headline are a page's menus and banners. */
	for (size_t i = 0, top = 0; i < c->n && i < TITLE_SCAN; i++) {
		struct info *in = &c->v[i];

		while (top < c->n && top < TITLE_SCAN && c->v[top].title < 0.5f && c->v[top].kind == LABEL_NONE)
			top++;
		if (top >= c->n || top >= TITLE_SCAN || c->v[top].title < 0.5f || i >= top)
			break;
		if (!in->quote && clean_count_words(in->body) <= CHROME_MAX_WORDS && !ends_sentence(in->body) &&
		    in->furn < 0.6f)
			in->furn = 0.6f;
	}
	if (c->h1_title >= 0 && c->v[c->h1_title].furn > 0.3f)
		c->v[c->h1_title].furn = 0.3f;	/* the page says which line is its title */
}

/* ---- 5. decode ------------------------------------------------------- */

#define NO -INFINITY

/* The grammar of an interview: furniture, a title, furniture, an intro,
 * turns of questions and answers with furniture between, an outro,
 * furniture.  Scores are log-probabilities of a step. */
static const double transitions[NSTATE][NSTATE] = {
	/*            PRE   TITLE HEAD  INTRO Q     A     MID   OUTRO POST */
	[S_PRE]   = { 0,    0,    NO,   -1.0, -1.5, NO,   NO,   NO,   NO },
	[S_TITLE] = { NO,   NO,   -0.3, 0,    -0.3, NO,   NO,   NO,   NO },
	[S_HEAD]  = { NO,   NO,   0,    0,    -0.3, NO,   NO,   NO,   NO },
	[S_INTRO] = { NO,   NO,   -1.0, -0.1, -0.2, NO,   NO,   NO,   -2.0 },
	[S_Q]     = { NO,   NO,   NO,   NO,   -1.0, 0,    -1.5, NO,   NO },
	[S_A]     = { NO,   NO,   NO,   NO,   -0.3, -0.1, -1.5, -0.5, -1.0 },
	[S_MID]   = { NO,   NO,   NO,   NO,   -0.2, -0.2, 0,    -1.0, -0.5 },
	[S_OUTRO] = { NO,   NO,   NO,   NO,   NO,   NO,   NO,   0,    -0.5 },
	[S_POST]  = { NO,   NO,   NO,   NO,   NO,   NO,   NO,   -2.0, 0 },
};
static const double start_scores[NSTATE] = { -0.5, 0, NO, -1.0, -1.5, NO, NO, NO, NO };
static const double end_scores[NSTATE] = { -3, -3, -3, -1.0, -2.0, 0, -1.0, 0, 0 };

/* Decode the units that are not bare labels; give each its role and
 * confidence. */
static void decode(struct ctx *c, int with_confidence)
{
	size_t *idx = xmalloc((c->n ? c->n : 1) * sizeof(size_t)), m = 0;
	double *emit, *post;
	int *path;
	struct hmm model = { NSTATE, &transitions[0][0], start_scores, end_scores };

	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i].tally)
			c->v[i].role = ROLE_DROP;
		else if (!c->v[i].bare)
			idx[m++] = i;
	}
	emit = xmalloc((m ? m : 1) * NSTATE * sizeof(double));
	path = xmalloc((m ? m : 1) * sizeof(int));
	post = xmalloc((m ? m : 1) * sizeof(double));
	for (size_t k = 0; k < m; k++)
		emissions(c, idx[k], emit + k * NSTATE);
	if (decode_best(&model, emit, m, path, with_confidence ? post : NULL) < 0) {
		for (size_t k = 0; k < m; k++) {	/* cannot happen: INTRO throughout is allowed */
			path[k] = S_INTRO;
			post[k] = 0;
		}
	}
	for (size_t k = 0; k < m; k++) {
		struct info *in = &c->v[idx[k]];

		in->role = state_role[path[k]];
		in->conf = with_confidence ? (float)post[k] : 0;
	}
	free(idx);
	free(emit);
	free(path);
	free(post);
}

/* The closing cue needs the names of the intro, known only once the
 * first question is: decode once, then again with them. */
static void mark_closings(struct ctx *c)
{
	size_t first_q = c->n;

	for (size_t i = 0; i < c->n && first_q == c->n; i++)
		if (c->v[i].role == ROLE_QUESTION)
			first_q = i;
	collect_intro_names(c, first_q);
	for (size_t i = 0; i < c->n; i++) {
		struct info *in = &c->v[i];
		in->close = (in->side != SIDE_GUEST || in->free || in->kind == LABEL_NONE) && i > first_q &&
			    (is_host_closing(c, in) == 2 ||
			     /* a list that ends an answer, then the host */
			     (i && c->v[i - 1].p->list_item && !in->p->list_item && in->kind == LABEL_NONE &&
			      i + 3 >= c->n));
		in->close_weak = !in->close && (in->side != SIDE_GUEST || in->free || in->kind == LABEL_NONE) &&
				 i > first_q && is_host_closing(c, in) == 1;
	}
}

/* Speakers: a turn's own; without one, the role's side. */
static void assign_speakers(struct ctx *c)
{
	long host = c->host, guest = c->guest, last_host = c->host, last_guest = c->guest;
	size_t first_q = c->n;
	const char *hname = host >= 0 ? c->spk[host].name : "host";
	const char *gname = guest >= 0 ? c->spk[guest].name : "guest";
	size_t askers = 0;

	/* an AMA's askers, each once: none of them wrote the page's intro */
	for (size_t k = 0; k < c->nspk; k++)
		askers += c->spk[k].alias < 0 && c->spk[k].valid && c->spk[k].side == SIDE_HOST && c->spk[k].uses == 1;
	if (askers >= 3)
		hname = "host", host = last_host = -1;
	for (size_t i = 0; i < c->n && first_q == c->n; i++)
		if (c->v[i].role == ROLE_QUESTION)
			first_q = i;
	for (size_t i = 0; i < c->n; i++) {
		struct info *in = &c->v[i];

		if (in->role < 0 || in->role == ROLE_DROP)
			continue;
		if (!in->free && in->spk >= 0 && !in->aside &&
		    !(in->role == ROLE_OUTRO && in->close && in->kind == LABEL_NONE)) {
			in->speaker = c->spk[in->spk].name;
			if (c->spk[in->spk].side == SIDE_HOST)
				last_host = in->spk;
			else
				last_guest = in->spk;
			continue;
		}
		if (in->aside)
			in->speaker = hname;
		else if (in->role == ROLE_ANSWER)
			in->speaker = last_guest >= 0 ? c->spk[last_guest].name : gname;
		else if (in->quote && in->role == ROLE_INTRO && i < first_q)
			in->speaker = gname;
		else if (in->role == ROLE_QUESTION)
			in->speaker = last_host >= 0 ? c->spk[last_host].name : hname;
		else
			in->speaker = hname;
	}
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

	size_t first = i;

	for (; i < ep->nsegs && ep->segs[i].role == ROLE_QUESTION; i++) {
		const char *t = ep->segs[i].text;
		if (final_punct(t) == '?' || (!title && asks(t)))
			title = t;
	}
	/* "All of that out of a kitchen the size of a camper van.": a
	 * statement the guest answers, on a page without labels */
	if (!title && i == first + 1 && !strchr(ep->segs[first].speaker, ' ') &&
	    !strcmp(ep->segs[first].speaker, "host") && clean_count_words(ep->segs[first].text) >= 6 &&
	    i < ep->nsegs && ep->segs[i].role == ROLE_ANSWER)
		title = ep->segs[first].text;
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
	char *stem = util_stem(name), *title;

	for (char *p = stem; *p; p++)
		if (*p == '-' || *p == '_')
			*p = ' ';
	title = util_text_safe(stem);	/* a name need not be UTF-8 */
	free(stem);
	return title;
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
	if (in->role == ROLE_QUESTION && text[0] == '(' && strlen(text) > 2 && text[strlen(text) - 1] == ')' &&
	    !strchr(text + 1, '(')) {
		/* "(On the short week after Sunday)": a press office's
		 * bracketed question, said without its brackets */
		char *inner = xstrndup(text + 1, strlen(text) - 2);
		episode_add_segment(ep, (enum role)in->role, in->speaker, inner, in->p->line)->confidence = in->conf;
		free(inner);
	} else if (*text) {
		episode_add_segment(ep, (enum role)in->role, in->speaker, text, in->p->line)->confidence = in->conf;
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

static void set_guest(struct ctx *c, char *name)
{
	if (!name || c->guest_name) {
		free(name);
		return;
	}
	/* "Chef Delphine Okerlund", "Dr. Ada Stone": the person, not the title */
	for (size_t i = 0; i < COUNT(name_titles); i++) {
		size_t n = strlen(name_titles[i]), skip;

		if (strncmp(name, name_titles[i], n) || !(name[n] == ' ' || (name[n] == '.' && name[n + 1] == ' ')))
			continue;
		skip = n + (name[n] == '.') + 1;
		if (strchr(name + skip, ' ')) {
			memmove(name, name + skip, strlen(name + skip) + 1);
			break;
		}
	}
	/* "Dean Teodora Vasquez-Healy": a title that is also a first name
	 * ("Dean Martin") goes only before two more names */
	if ((!strncmp(name, "Dean ", 5) || !strncmp(name, "Provost ", 8) || !strncmp(name, "Bishop ", 7) ||
	     !strncmp(name, "Pastor ", 7) || !strncmp(name, "Principal ", 10)) &&
	    strchr(strchr(name, ' ') + 1, ' ')) {
		char *rest = strchr(name, ' ') + 1;

		memmove(name, rest, strlen(rest) + 1);
	}
	c->guest_name = name;
	free(c->guest_first);
	c->guest_first = xstrndup(name, strcspn(name, " "));
}

/* The guest's name, for "guest" in the sidecars and for the closing cue:
 * the first guest's label, else what the title, the intro or the first
 * answer says. */
/* "We caught up with Okerlund on a Tuesday": the one the opening says
 * it talked to, by a guest cue, with the full name the opening gives
 * ("Delphine Okerlund cooks ...") when the cue has the surname only.
 * Returns the name, or NULL. */
static char *cued_guest(const struct ctx *c)
{
	size_t end = 0;

	/* the opening: up to the first turn, and no further than the top of
	 * the page, so a long narration costs no more than a short one */
	while (end < c->n && end < CUED_GUEST_SCAN && c->v[end].role != ROLE_QUESTION && c->v[end].role != ROLE_ANSWER)
		end++;
	for (size_t i = 0; i < end; i++) {
		const char *body = c->v[i].body;

		if (c->v[i].kind != LABEL_NONE)
			continue;
		for (size_t k = 0; k < COUNT(guest_cues); k++) {
			const char *p = strcasestr(body, guest_cues[k]);
			char *name, *one;
			size_t n;

			if (!p || strlen(guest_cues[k]) < 8 || (p > body && isalpha((unsigned char)p[-1])))
				continue;	/* "caught up with", not "guest" or "we have" */
			p += strlen(guest_cues[k]);
			if (*p != ' ' || !is_name_word(p + 1))
				continue;
			if ((name = name_at(p + 1)))
				return name;
			n = strcspn(p + 1, " ,.;:!?");
			one = xstrndup(p + 1, n);
			/* the surname alone: the full name the opening gives */
			{
				char *names[FULL_NAMES_MAX];
				size_t nn = 0;

				for (size_t j = 0; j < end; j++)
					nn = full_names(c->v[j].body, names, nn, FULL_NAMES_MAX);
				name = NULL;
				for (size_t j = 0; j < nn; j++) {
					if (!name && strchr(names[j], ' ') && stands_for(one, names[j]))
						name = xstrdup(names[j]);
					free(names[j]);
				}
				free(one);
				if (name)
					return name;
			}
		}
	}
	return NULL;
}

static void find_guest_name(struct ctx *c)
{
	const char *t = title_guess(c);

	if (c->guest >= 0 && c->spk[c->guest].kind == LABEL_NAME)
		set_guest(c, xstrdup(c->spk[c->guest].name));
	for (size_t i = 0; i < c->n && !c->guest_name; i++) {	/* a profile's "Name: Odile Brennan-Sato" */
		struct label l;
		const char *value;

		if (!c->v[i].fact || label_parse(c->v[i].text, &l) != LABEL_NAME || l.name_len < 4 ||
		    strncasecmp(c->v[i].text + l.name + l.name_len - 4, "name", 4))
			continue;
		value = c->v[i].text + l.body;
		if (person_shaped(value))
			set_guest(c, xstrdup(value));
	}
	if (t)
		set_guest(c, guest_from_title(t));
	if (!c->guest_name)
		set_guest(c, cued_guest(c));
	if (t && person_shaped(t))
		set_guest(c, xstrdup(t));	/* the headline is a name: "Chef Ingrid Solvang-Reyes" */
	/* the body's own headline, under a front matter title */
	for (size_t i = 0; i < c->n && i < TITLE_SCAN && !c->guest_name; i++)
		if (c->v[i].kind == LABEL_NONE && looks_like_title(&c->v[i]))
			set_guest(c, guest_from_title(c->v[i].body));
	for (size_t i = 0; i < c->n && !c->guest_name; i++) {
		const struct info *in = &c->v[i];

		if (in->role == ROLE_INTRO && in->kind == LABEL_NONE)
			set_guest(c, subject_name(in->body));
		if (in->role == ROLE_ANSWER && i && c->v[i - 1].role == ROLE_QUESTION) {
			set_guest(c, name_before_comma(in->body));
			break;
		}
	}
}

/* COLLOQUY_TRACE_SPLIT=1: each unit's evidence and role, on stderr, for
 * whoever asks why a paragraph went where it did. */
static void trace(const struct ctx *c)
{
	static const char *const roles[] = { "title", "intro", "question", "answer", "outro", "drop" };

	for (size_t i = 0; i < c->n; i++) {
		const struct info *in = &c->v[i];

		fprintf(stderr, "%4d %-8s kind=%d side=%d spk=%ld furn=%.2f q=%.2f title=%.2f%s%s%s | %.60s\n",
			in->p->line, in->role >= 0 && in->role <= ROLE_DROP ? roles[in->role] : "-", (int)in->kind,
			in->side, in->spk, in->furn, in->q, in->title, in->free ? " free" : "",
			in->bare ? " bare" : "", in->answers ? " answers" : in->close ? " close" : "", in->text);
	}
}

/* "By Wren", "Posted on March 3, 2024 by Wren", "Interview by Ravi
 * Sandhu. Photos by ...": the writer a byline names, or NULL. */
static char *byline_name(const char *s, int interview)
{
	const char *by = !strncmp(s, "By ", 3) && !interview ? s : NULL;

	if (clean_count_words(s) > 14 || (interview && !strstr(s, "nterview")))
		return NULL;
	for (const char *p = strstr(s, " by "); !by && p; p = strstr(p + 1, " by "))
		if (p == strstr(s, " by ") && (strstr(s, "osted") || strstr(s, "nterview") || strstr(s, "ritten") ||
					       strstr(s, "ords") || strstr(s, "eporting")))
			by = p + 1;
	if (!by)
		return NULL;
	by += 3;
	{
		const char *e = by;
		int words = 0;

		while (words < 3 && is_name_word(e)) {
			e += strcspn(e, " .,|;");
			words++;
			if (*e != ' ' || !is_name_word(e + 1))
				break;
			e++;
		}
		if (!words || (*e && !strchr(".,|;", *e) && strncmp(e, " |", 2) && strncmp(e, " on ", 4)))
			return NULL;
		return xstrndup(by, (size_t)(e - by));
	}
}

/* "Hi, Bettina. Thanks for having me.": the name the guest's first turn
 * greets the host by, or NULL. */
static char *greeted_host(const struct ctx *c)
{
	static const char *const hellos[] = { "Hi, ", "Hello, ", "Hey, ", "Thanks, ", "Thank you, ", "Hi ", "Hey " };

	for (size_t i = 0; i < c->n; i++) {
		const char *b = c->v[i].body;

		if (c->v[i].side != SIDE_GUEST || c->v[i].kind == LABEL_NONE)
			continue;
		for (size_t k = 0; k < COUNT(hellos); k++) {
			const char *w = b + strlen(hellos[k]);
			size_t n = strcspn(w, " ,.!;:");

			if (!strncmp(b, hellos[k], strlen(hellos[k])) && is_name_word(w) && !is_name_stop(w) &&
			    strchr(".,!", w[n]) && w[n] && (!c->guest_first || strncmp(w, c->guest_first, n)))
				return xstrndup(w, n);
		}
		return NULL;	/* the first turn only */
	}
	return NULL;
}

/* The writer of an interview whose questions carry no name: the page's
 * byline ("Interview by ..." only, when interview is set), among the
 * lines it drops or the paragraphs it keeps. */
static char *writer(const struct ctx *c, const struct text *t, int interview)
{
	char *name = NULL;

	for (size_t i = 0; i < t->ndropped && !name; i++)
		name = byline_name(t->dropped[i], interview);
	for (size_t i = 0; i < c->n && !name; i++)
		if (c->v[i].kind == LABEL_NONE || interview)
			name = byline_name(c->v[i].text, interview);
	return name;
}

struct episode *split_text_hints(const struct text *t, const char *name, const struct split_hints *h)
{
	static const struct split_hints none;
	const char *known_title, *author;
	struct episode *ep = episode_new();
	struct ctx c;
	const char *host;
	char *byline;
	long title = -1;

	memset(&c, 0, sizeof(c));
	h = h ? h : &none;
	known_title = h->title;
	author = h->author;
	c.known_title = known_title && *known_title ? known_title : NULL;
	c.hint_host = h->host && *h->host ? h->host : NULL;
	c.hint_guest = h->guest && *h->guest ? h->guest : NULL;
	c.host = c.guest = -1;
	for (size_t i = 0; i < t->ndropped; i++)
		episode_add_dropped(ep, t->dropped[i]);
	make_units(&c, t);
	confirm_labels(&c);
	follow_turns(&c);
	find_sides(&c, title_guess(&c));
	full_speaker_names(&c, title_guess(&c), author, c.hint_host, c.hint_guest);
	assign_sides(&c);
	alternate_quotes(&c);
	quoted_answers(&c);
	find_tallies(&c);
	score_units(&c);
	decode(&c, 0);
	find_guest_name(&c);
	mark_closings(&c);
	decode(&c, 1);
	assign_speakers(&c);
	if (getenv("COLLOQUY_TRACE_SPLIT"))
		trace(&c);

	byline = c.host < 0 ? greeted_host(&c) : NULL;
	if (!byline && c.host < 0 && c.guest < 0)
		byline = writer(&c, t, 0);
	if (c.host >= 0 && c.spk[c.host].kind != LABEL_NAME && (byline = writer(&c, t, 1))) {
		/* "Q:" turns under "Interview by Tobias Wrenfield" are his */
		free(c.spk[c.host].name);
		c.spk[c.host].name = byline;
		byline = NULL;
		for (size_t i = 0; i < c.n; i++)
			if (c.v[i].spk == c.host && c.v[i].speaker)
				c.v[i].speaker = c.spk[c.host].name;
	}
	host = c.host >= 0 ? c.spk[c.host].name : byline ? byline : "host";
	for (size_t i = 0; i < c.n; i++) {
		struct info *in = &c.v[i];

		if (in->role == ROLE_TITLE && title < 0) {
			title = (long)i;
			in->speaker = host;
		}
	}
	ep->title = title >= 0 ? xstrdup(c.v[title].body) : c.known_title ? xstrdup(c.known_title)
							      : title_from_name(name);
	for (size_t i = 0; i < c.n; i++) {
		const struct info *in = &c.v[i];

		if (in->role == ROLE_DROP)
			episode_add_dropped(ep, in->text);
		else if (in->role >= 0)
			emit(ep, in, host);
	}
	split_make_chapters(ep);
	if (c.host >= 0 && c.spk[c.host].kind == LABEL_NAME)
		ep->host_name = xstrdup(c.spk[c.host].name);
	else if (byline)
		ep->host_name = byline;
	ep->guest_name = c.guest_name;

	for (size_t i = 0; i < c.n; i++)
		free(c.v[i].own);
	for (size_t i = 0; i < c.nspk; i++) {
		free(c.spk[i].name);
		free(c.spk[i].role);
	}
	free(c.spk);
	free(c.spk_hash);
	free(c.v);
	free(c.guest_first);
	for (size_t i = 0; i < c.nintro_names; i++)
		free(c.intro_names[i]);
	free(c.intro_names);
	return ep;
}

struct episode *split_text(const struct text *t, const char *name)
{
	return split_text_hints(t, name, NULL);
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
