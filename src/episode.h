/* episode.h -- the data model handed from stage to stage (types only).
 *
 * One struct episode travels down the pipeline:
 *   split   fills title, segs[].role/speaker/text/line, chapters[].title/seg
 *           and dropped[];
 *   speak   fills segs[].pcm/nsamples at speech_rate_hz;
 *   master  fills segs[].gain_db/start/end_sample, chapters[].start/
 *           end_sample and chunks[] (and, for master_episode(), pcm);
 *   encode, id3 and publish only read it.
 * Whoever creates the episode frees it with episode_free(). */
#ifndef COLLOQUY_EPISODE_H
#define COLLOQUY_EPISODE_H

#include <stddef.h>
#include <stdint.h>

enum role {
	ROLE_TITLE,
	ROLE_INTRO,
	ROLE_QUESTION,
	ROLE_ANSWER,
	ROLE_OUTRO,
	ROLE_COUNT
};

/* A caption: a sentence or clause of a segment, timed from synthesis. */
struct cue {
	char *text;          /* the words as written */
	size_t speech_sample;   /* speak: where they start in the segment's pcm */
	uint64_t start_sample, end_sample;   /* master: in the timeline */
};

struct segment {
	enum role role;
	char *speaker;       /* "host", "guest", or a name from the transcript */
	char *text;          /* as spoken: one paragraph, labels removed */
	int line;            /* 1-based line of the paragraph in its source */
	float confidence;    /* split's certainty of role and speaker, 0..1 */
	int continues;       /* a piece of the paragraph before it, cut where a
				sentence ends (episode_cut_long()) */

	/* speak */
	int16_t *pcm;        /* mono speech at episode.speech_rate_hz */
	size_t nsamples;
	unsigned gap_ms;     /* the voice's pause after this segment */
	struct cue *cues;    /* the text cut into captions, in order */
	size_t ncues;

	/* speak, for master: the trimmed clip at the output rate */
	size_t clip_n;       /* its samples */
	size_t trim;         /* speech samples cut from the start */
	float *energy;       /* its loudness: K-weighted power of each 100 ms
				(in a render, at its gain and limited) */
	size_t nenergy;

	/* master: the speaker's level, and where the speech lies in the
	 * timeline */
	double gain_db;
	uint64_t start_sample, end_sample;
};

/* A piece of the timeline encoded on its own: its samples
 * [start, start + nsamples) are encoded, and the rest of its span (silence)
 * is taken by the encoder's delay and padding at the join. */
struct chunk {
	uint64_t start, span;
	size_t nsamples;
	size_t seg_first, seg_end;   /* the segments it holds */
	int music;                   /* music plays in it */
};

struct chapter {
	char *title;
	size_t seg;          /* index of the segment that opens the chapter */
	uint64_t start_sample, end_sample;   /* master */
};

struct episode {
	char *title;
	char *host_name;     /* names the text gives, or NULL */
	char *guest_name;
	char *date;          /* front matter: YYYY-MM-DD, or NULL */
	char *description;   /* front matter, or NULL */
	char *read_as;       /* how the source was read ("HTML page, Windows-1252"), or NULL */
	int number, season;  /* front matter: episode and season, 0 for none */
	struct segment *segs;
	size_t nsegs, segs_alloc;
	struct chapter *chapters;
	size_t nchapters, chapters_alloc;
	char **dropped;      /* page cruft that is not spoken, as found */
	size_t ndropped, dropped_alloc;

	unsigned speech_rate_hz;   /* speak */

	struct chunk *chunks;      /* master: the timeline cut at pauses */
	size_t nchunks, chunks_alloc;

	float *pcm;          /* master: the whole episode, mono, -1..1 */
	size_t nsamples;
	unsigned rate_hz;
	double loudness_lufs, loudness_range_lu, true_peak_dbtp;
};

const char *role_name(enum role r);
/* Parse a role name; returns -1 when name is none of them. */
int role_parse(const char *name, size_t len);

struct episode *episode_new(void);
void episode_free(struct episode *ep);
struct segment *episode_add_segment(struct episode *ep, enum role role,
				    const char *speaker, const char *text, int line);
/* Cut each segment longer than max bytes into pieces of at most max bytes
 * at sentence ends (at a comma or a space inside a longer sentence, never
 * inside a UTF-8 character), so that speaking a paragraph needs memory for
 * a piece, not the paragraph.  The pieces keep the segment's role, speaker
 * and line; all but the first have continues set.  Chapters are not
 * touched. */
void episode_cut_long(struct episode *ep, size_t max);

void episode_add_dropped(struct episode *ep, const char *text);
uint32_t episode_ms(const struct episode *ep, uint64_t sample);

#endif
