/* episode.c -- constructors and destructors of the data model. */
#include "episode.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *const role_names[ROLE_COUNT] = {
	"title", "intro", "question", "answer", "outro"
};

const char *role_name(enum role r)
{
	return (unsigned)r < ROLE_COUNT ? role_names[r] : "?";
}

int role_parse(const char *name, size_t len)
{
	for (int i = 0; i < ROLE_COUNT; i++)
		if (strlen(role_names[i]) == len && !strncmp(role_names[i], name, len))
			return i;
	return -1;
}

struct episode *episode_new(void)
{
	return xcalloc(1, sizeof(struct episode));
}

void episode_free(struct episode *ep)
{
	if (!ep)
		return;
	for (size_t i = 0; i < ep->nsegs; i++) {
		free(ep->segs[i].speaker);
		free(ep->segs[i].text);
		free(ep->segs[i].pcm);
		free(ep->segs[i].energy);
		for (size_t k = 0; k < ep->segs[i].ncues; k++)
			free(ep->segs[i].cues[k].text);
		free(ep->segs[i].cues);
	}
	free(ep->segs);
	for (size_t i = 0; i < ep->nchapters; i++)
		free(ep->chapters[i].title);
	free(ep->chapters);
	free(ep->chunks);
	for (size_t i = 0; i < ep->ndropped; i++)
		free(ep->dropped[i]);
	free(ep->dropped);
	free(ep->title);
	free(ep->host_name);
	free(ep->guest_name);
	free(ep->date);
	free(ep->description);
	free(ep->read_as);
	free(ep->pcm);
	free(ep);
}

struct segment *episode_add_segment(struct episode *ep, enum role role,
				    const char *speaker, const char *text, int line)
{
	struct segment *s;

	XGROW(ep->segs, ep->segs_alloc, ep->nsegs + 1);
	s = &ep->segs[ep->nsegs++];
	memset(s, 0, sizeof(*s));
	s->role = role;
	s->speaker = xstrdup(speaker);
	s->text = xstrdup(text);
	s->line = line;
	s->confidence = 1.0f;
	return s;
}

/* Where to end a piece of at most max bytes of s: after the last sentence
 * end in it, else after its last comma, else at its last space, else at
 * the last character boundary. */
static size_t piece_end(const char *s, size_t max)
{
	size_t comma = 0, space = 0, sentence = 0;

	for (size_t i = 1; i < max; i++) {
		if (s[i] != ' ')
			continue;
		space = i;
		if (s[i - 1] == ',' || s[i - 1] == ';')
			comma = i;
		else if (s[i - 1] == '.' || s[i - 1] == '?' || s[i - 1] == '!' ||
			 (s[i - 1] == '"' && i > 1 && strchr(".?!", s[i - 2])))
			sentence = i;
	}
	if (sentence)
		return sentence;
	if (comma)
		return comma;
	if (space)
		return space;
	while (max > 1 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

void episode_cut_long(struct episode *ep, size_t max)
{
	if (max < 2)
		return;
	for (size_t i = 0; i < ep->nsegs; i++) {
		struct segment *s = &ep->segs[i];
		const char *text = s->text;
		size_t n = strlen(text), end;
		char *rest;

		if (n <= max)
			continue;
		end = piece_end(text, max);
		rest = xstrdup(text + end + (text[end] == ' '));
		s->text = xstrndup(text, end);
		free((char *)text);
		if (!*rest) {
			free(rest);
			continue;
		}
		/* the rest becomes the next segment, cut again in its turn */
		XGROW(ep->segs, ep->segs_alloc, ep->nsegs + 1);
		s = &ep->segs[i];
		memmove(&ep->segs[i + 2], &ep->segs[i + 1], (ep->nsegs - i - 1) * sizeof(*ep->segs));
		ep->nsegs++;
		memset(&ep->segs[i + 1], 0, sizeof(*ep->segs));
		ep->segs[i + 1].role = s->role;
		ep->segs[i + 1].speaker = xstrdup(s->speaker);
		ep->segs[i + 1].text = rest;
		ep->segs[i + 1].line = s->line;
		ep->segs[i + 1].confidence = s->confidence;
		ep->segs[i + 1].continues = 1;
		/* chapters after the cut point one segment further */
		for (size_t c = 0; c < ep->nchapters; c++)
			if (ep->chapters[c].seg > i)
				ep->chapters[c].seg++;
	}
}

void episode_add_dropped(struct episode *ep, const char *text)
{
	XGROW(ep->dropped, ep->dropped_alloc, ep->ndropped + 1);
	ep->dropped[ep->ndropped++] = xstrdup(text);
}

uint32_t episode_ms(const struct episode *ep, uint64_t sample)
{
	if (!ep->rate_hz)
		return 0;
	return (uint32_t)((sample * 1000 + ep->rate_hz / 2) / ep->rate_hz);
}
