/* split.c -- see split.h.
 *
 * The work is done in passes over a table of paragraph facts (struct info):
 * labels are read first, then the layout is chosen, then the title found,
 * then each layout's rules assign roles and speakers.  Each rule is one
 * small function so that a new layout is a new function, not a new branch
 * inside an old one. */
#include "split.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

enum label { LBL_NONE, LBL_Q, LBL_A, LBL_NAME };

#define ROLE_DROP ROLE_COUNT

struct info {
	const struct para *p;
	enum label label;
	char *name;          /* LBL_NAME: the speaker as written */
	const char *body;    /* text after the label */
	int role;            /* enum role, ROLE_DROP, or -1 for not yet known */
	const char *speaker;
};

struct ctx {
	struct info *v;
	size_t n;
	char *guest_first;   /* guest's first name, when the text gives it */
};

/* Words that stay lower case in a title, so that they do not count against
 * its capitalisation. */
static const char *const title_small_words[] = {
	"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into",
	"of", "on", "or", "the", "to", "vs", "with", "about", "over", "via",
};

/* A paragraph that opens with one of these is the host closing the show. */
static const char *const closing_openers[] = {
	"thank", "thanks", "next up", "next time", "next week", "that's all",
	"that’s all", "until next", "see you", "goodbye", "that was",
};

#define HEADER_MAX_WORDS 25
#define TITLE_MAX_WORDS 20
#define CHROME_MAX_WORDS 12
#define TITLE_SCAN 8

static int is_upper_start(const char *s)
{
	/* ASCII capitals, or any non-ASCII letter (accented capitals). */
	return isupper((unsigned char)*s) || ((unsigned char)*s >= 0xc3 && (unsigned char)*s < 0xe0);
}

/* The last character that ends a sentence, past closing quotes and
 * brackets; 0 for none. */
static char final_punct(const char *s)
{
	size_t n = strlen(s);

	while (n) {
		unsigned char c = (unsigned char)s[n - 1];
		if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*' || c == '_') {
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

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
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

/* "Jane Roe: ...", "MEL: ...": one to four capitalised words and a colon.
 * Returns the name's length and sets *body, or 0. */
static size_t name_label(const char *s, const char **body)
{
	const char *p = s;
	int words = 0;

	while (*p && words < 4) {
		if (!is_upper_start(p))
			return 0;
		while (*p && *p != ' ' && *p != ':')
			p++;
		words++;
		if (*p == ':')
			break;
		if (*p == ' ')
			p++;
	}
	if (*p != ':' || p[1] != ' ' || p - s > 40 || !p[2])
		return 0;
	*body = p + 2;
	return (size_t)(p - s);
}

static void read_labels(struct ctx *c)
{
	for (size_t i = 0; i < c->n; i++) {
		struct info *in = &c->v[i];
		const char *body;
		size_t len;

		in->body = in->p->text;
		in->role = -1;
		if ((in->label = qa_label(in->p->text, &body)) != LBL_NONE) {
			in->body = body;
		} else if ((len = name_label(in->p->text, &body))) {
			in->label = LBL_NAME;
			in->name = xstrndup(in->p->text, len);
			in->body = body;
		}
	}
}

static size_t count_label(const struct ctx *c, enum label l)
{
	size_t k = 0;
	for (size_t i = 0; i < c->n; i++)
		k += c->v[i].label == l;
	return k;
}

/* How many paragraphs carry the speaker label name. */
static size_t count_name(const struct ctx *c, const char *name)
{
	size_t k = 0;
	for (size_t i = 0; i < c->n; i++)
		k += c->v[i].label == LBL_NAME && !strcmp(c->v[i].name, name);
	return k;
}

/* Speaker labels are a layout only when two speakers use them at least
 * twice each; otherwise "Background: ..." is text, not a speaker. */
static int has_speaker_labels(const struct ctx *c)
{
	const char *first = NULL;

	for (size_t i = 0; i < c->n; i++) {
		const char *name = c->v[i].name;
		if (c->v[i].label != LBL_NAME || count_name(c, name) < 2)
			continue;
		if (!first)
			first = name;
		else if (strcmp(first, name))
			return 1;
	}
	return 0;
}

/* Turn speaker labels used fewer than min_uses times back into text
 * ("Field Notes: Maps Drawn By Hand" is a title, not a speaker). */
static void forget_names(struct ctx *c, size_t min_uses)
{
	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i].label == LBL_NAME && count_name(c, c->v[i].name) < min_uses) {
			c->v[i].label = LBL_NONE;
			c->v[i].body = c->v[i].p->text;
		}
	}
}

static int is_small_word(const char *w, size_t n)
{
	for (size_t i = 0; i < sizeof(title_small_words) / sizeof(title_small_words[0]); i++)
		if (strlen(title_small_words[i]) == n && !strncasecmp(title_small_words[i], w, n))
			return 1;
	return 0;
}

/* A headline: short, no full stop, its words capitalised (small words
 * aside), at least one capitalised word after the first. */
static int looks_like_title(const struct info *in)
{
	const char *s = in->p->text;
	size_t words = clean_count_words(s), caps = 0, other = 0;
	char last = final_punct(s);
	int first = 1;

	if (in->label != LBL_NONE || in->p->list_item || words > TITLE_MAX_WORDS)
		return 0;
	if (last == '.' || last == '?' || last == ',' || last == ';')
		return 0;
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
		if (isdigit((unsigned char)*w) || is_small_word(w, n) || !(isalpha((unsigned char)*w) || (unsigned char)*w >= 0xc3))
			continue;
		if (is_upper_start(w))
			caps++;
		else
			other++;
	}
	return caps >= 1 && caps >= 2 * other;
}

/* The title, and the page chrome above it: short lines before the headline
 * are menus and banners.  Returns the title's index, or -1. */
static long find_title(struct ctx *c, struct episode *ep)
{
	for (size_t i = 0; i < c->n && i < TITLE_SCAN; i++) {
		const struct info *in = &c->v[i];

		if (in->label != LBL_NONE)
			return -1;
		if (looks_like_title(in) && i + 1 < c->n) {
			for (size_t k = 0; k < i; k++) {
				c->v[k].role = ROLE_DROP;
				episode_add_dropped(ep, c->v[k].p->text);
			}
			c->v[i].role = ROLE_TITLE;
			return (long)i;
		}
		if (clean_count_words(in->p->text) > CHROME_MAX_WORDS)
			return -1;
	}
	return -1;
}

/* "Jane Roe, CTO, Example Corp": the guest introducing themself. */
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
	return xstrndup(s, strcspn(s, " "));
}

static int starts_with_word(const char *s, const char *w)
{
	size_t n = strlen(w);
	return !strncasecmp(s, w, n) && !isalnum((unsigned char)s[n]);
}

static int contains_word(const char *s, const char *w)
{
	size_t n = strlen(w);

	for (const char *p = s; (p = strstr(p, w)); p++) {
		int before = p == s || !isalnum((unsigned char)p[-1]);
		if (before && !isalnum((unsigned char)p[n]))
			return 1;
	}
	return 0;
}

/* The host speaking after the interview: a thank-you or sign-off, or the
 * guest addressed or spoken of by first name. */
static int is_host_closing(const struct ctx *c, const struct info *in)
{
	for (size_t i = 0; i < sizeof(closing_openers) / sizeof(closing_openers[0]); i++)
		if (starts_with_word(in->body, closing_openers[i]))
			return 1;
	return c->guest_first && contains_word(in->body, c->guest_first);
}

/* After the last question: its answer runs on over the following blocks
 * until the host closes (see is_host_closing()) or a list ends; from there
 * on the host speaks the outro.  An explicit answer label always wins. */
static void mark_last_answer(struct ctx *c, size_t q)
{
	int list_ended = 0, closing = 0;
	size_t i = q + 1;

	if (i >= c->n)
		return;
	for (; i < c->n; i++) {
		struct info *in = &c->v[i];
		int new_block = in->p->first_in_block;

		if (in->role == ROLE_DROP)
			continue;
		if (new_block && i > q + 1 && in->label != LBL_A) {
			if (list_ended && !in->p->list_item)
				closing = 1;
			if (is_host_closing(c, in))
				closing = 1;
		}
		if (closing) {
			in->role = ROLE_OUTRO;
			continue;
		}
		in->role = ROLE_ANSWER;
		list_ended = in->p->list_item;
	}
}

/* Unlabelled layouts: a question opens its block, is short, and does not
 * end a sentence (a header line) or ends with '?'. */
static int is_header_question(const struct ctx *c, size_t i)
{
	const struct info *in = &c->v[i];
	const char *s = in->p->text;
	char last = final_punct(s);
	size_t words = clean_count_words(s);

	if (in->role != -1 || in->p->list_item || !in->p->first_in_block || i + 1 >= c->n)
		return 0;
	if (last == '?')
		return 1;
	if (words > HEADER_MAX_WORDS || ends_sentence(s) || last == ':')
		return 0;
	/* A header is followed by text, not by another header. */
	return ends_sentence(c->v[i + 1].p->text) || c->v[i + 1].p->list_item;
}

/* Without speaker labels the guest answers and the host says the rest. */
static void speakers_by_role(struct ctx *c)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].role != ROLE_DROP)
			c->v[i].speaker = c->v[i].role == ROLE_ANSWER ? "guest" : "host";
}

static void assign_between(struct ctx *c, size_t from, size_t to, int role)
{
	for (size_t i = from; i < to; i++)
		if (c->v[i].role == -1)
			c->v[i].role = role;
}

static void layout_unlabelled(struct ctx *c, size_t start)
{
	long first_q = -1, last_q = -1;

	for (size_t i = start; i < c->n; i++) {
		if (is_header_question(c, i)) {
			c->v[i].role = ROLE_QUESTION;
			if (first_q < 0)
				first_q = (long)i;
			last_q = (long)i;
		}
	}
	if (first_q < 0) {
		assign_between(c, start, c->n, ROLE_INTRO);
		return;
	}
	/* The first answer often names the guest ("Jane Roe, CTO, ..."). */
	if (c->v[first_q + 1].role == -1)
		c->guest_first = name_before_comma(c->v[first_q + 1].body);
	assign_between(c, start, (size_t)first_q, ROLE_INTRO);
	assign_between(c, (size_t)first_q, (size_t)last_q, ROLE_ANSWER);
	mark_last_answer(c, (size_t)last_q);
	speakers_by_role(c);
}

/* Q/A labels: a label sets the role of its paragraph and of the unlabelled
 * ones after it (a question over two lines, an answer of many paragraphs). */
static void layout_qa_labels(struct ctx *c, size_t start)
{
	long last_q = -1;
	int role = ROLE_INTRO;

	for (size_t i = start; i < c->n; i++)
		if (c->v[i].label == LBL_Q)
			last_q = (long)i;
	for (size_t i = start; (long)i <= last_q; i++) {
		struct info *in = &c->v[i];

		if (in->label == LBL_Q)
			role = ROLE_QUESTION;
		else if (in->label == LBL_A)
			role = ROLE_ANSWER;
		if (in->role == -1)
			in->role = role;
	}
	mark_last_answer(c, (size_t)last_q);
	speakers_by_role(c);
}

/* The host is the speaker who asks the most questions (ends the most
 * paragraphs with '?'); on a tie, the one who speaks first. */
static const char *pick_host(const struct ctx *c)
{
	const char *best = NULL;
	size_t best_q = 0;

	for (size_t i = 0; i < c->n; i++) {
		const char *name = c->v[i].name;
		size_t q = 0;

		if (c->v[i].label != LBL_NAME || count_name(c, name) < 2)
			continue;
		for (size_t k = 0; k < c->n; k++)
			if (c->v[k].speaker && !strcmp(c->v[k].speaker, name) &&
			    strchr(c->v[k].body, '?'))
				q++;
		if (!best || q > best_q) {
			best = name;
			best_q = q;
		}
	}
	return best;
}

static void layout_speaker_labels(struct ctx *c, size_t start)
{
	const char *speaker = NULL, *host;
	long first_guest = -1, last_guest = -1;

	for (size_t i = start; i < c->n; i++) {
		struct info *in = &c->v[i];
		if (in->label == LBL_NAME)
			speaker = in->name;
		in->speaker = speaker;
	}
	host = pick_host(c);
	if (start > 0 && c->v[start - 1].role == ROLE_TITLE)
		c->v[start - 1].speaker = host;
	for (size_t i = start; i < c->n; i++) {
		if (!c->v[i].speaker)
			c->v[i].speaker = host;
		if (strcmp(c->v[i].speaker, host)) {
			if (first_guest < 0)
				first_guest = (long)i;
			last_guest = (long)i;
		}
	}
	for (size_t i = start; i < c->n; i++) {
		struct info *in = &c->v[i];

		if (in->role != -1)
			continue;
		if (strcmp(in->speaker, host))
			in->role = ROLE_ANSWER;
		else if (first_guest < 0 || (long)i > last_guest)
			in->role = first_guest < 0 ? ROLE_INTRO : ROLE_OUTRO;
		else if ((long)i < first_guest)
			in->role = (long)i + 1 == first_guest || strchr(in->body, '?') ? ROLE_QUESTION : ROLE_INTRO;
		else
			in->role = ROLE_QUESTION;
	}
	/* An intro paragraph after a question of the opening turn is part of
	 * that turn's question. */
	for (size_t i = start + 1; i < c->n && (long)i < first_guest; i++)
		if (c->v[i].role == ROLE_INTRO && c->v[i - 1].role == ROLE_QUESTION)
			c->v[i].role = ROLE_QUESTION;
}

char *split_chapter_title(const char *question)
{
	size_t len = strlen(question), chars = 0, cut = 0, room = 0;
	struct sb sb = SB_INIT;

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

/* A run of question segments is one question; its title is the last
 * paragraph that asks (ends with '?'), else the first. */
static const char *run_title(const struct episode *ep, size_t i)
{
	const char *title = ep->segs[i].text;

	for (; i < ep->nsegs && ep->segs[i].role == ROLE_QUESTION; i++)
		if (final_punct(ep->segs[i].text) == '?')
			title = ep->segs[i].text;
	return title;
}

void split_make_chapters(struct episode *ep)
{
	int closed = 0;
	size_t nq = 0;

	for (size_t i = 0; i < ep->nchapters; i++)
		free(ep->chapters[i].title);
	ep->nchapters = 0;
	for (size_t i = 0; i < ep->nsegs; i++)
		nq += ep->segs[i].role == ROLE_QUESTION;
	if (!ep->nsegs)
		return;
	if (!nq) {
		add_chapter(ep, ep->title, 0);
		return;
	}
	if (ep->segs[0].role != ROLE_QUESTION)
		add_chapter(ep, "Introduction", 0);
	for (size_t i = 0; i < ep->nsegs; i++) {
		const struct segment *s = &ep->segs[i];

		if (s->role == ROLE_QUESTION && (i == 0 || ep->segs[i - 1].role != ROLE_QUESTION)) {
			char *title = split_chapter_title(run_title(ep, i));
			add_chapter(ep, title, i);
			free(title);
			closed = 0;
		} else if (s->role == ROLE_OUTRO && !closed && i > 0) {
			add_chapter(ep, "Closing", i);
			closed = 1;
		}
	}
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

struct episode *split_text(const struct text *t, const char *name)
{
	struct episode *ep = episode_new();
	struct ctx c = { xcalloc(t->n, sizeof(struct info)), t->n, NULL };
	void (*layout)(struct ctx *, size_t);
	long title;
	size_t start;

	for (size_t i = 0; i < t->ndropped; i++)
		episode_add_dropped(ep, t->dropped[i]);
	for (size_t i = 0; i < t->n; i++)
		c.v[i].p = &t->paras[i];
	read_labels(&c);
	if (count_label(&c, LBL_Q) >= 1 && count_label(&c, LBL_Q) + count_label(&c, LBL_A) >= 2)
		layout = layout_qa_labels;
	else if (has_speaker_labels(&c))
		layout = layout_speaker_labels;
	else
		layout = layout_unlabelled;
	forget_names(&c, layout == layout_speaker_labels ? 2 : SIZE_MAX);
	title = find_title(&c, ep);
	start = title >= 0 ? (size_t)title + 1 : 0;
	if (title >= 0)
		c.v[title].speaker = "host";	/* the layout may name the host */
	layout(&c, start);

	ep->title = title >= 0 ? xstrdup(c.v[title].p->text) : title_from_name(name);
	for (size_t i = 0; i < c.n; i++) {
		const struct info *in = &c.v[i];
		if (in->role == ROLE_DROP || in->role < 0)
			continue;
		episode_add_segment(ep, (enum role)in->role, in->speaker ? in->speaker : "host",
				    in->body, in->p->line);
	}
	split_make_chapters(ep);

	for (size_t i = 0; i < c.n; i++)
		free(c.v[i].name);
	free(c.v);
	free(c.guest_first);
	return ep;
}
