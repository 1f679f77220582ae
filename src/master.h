/* master.h -- turn spoken segments into the episode's PCM timeline.
 * In:  segments with PCM (mono int16 at ep->speech_rate_hz) and gap_ms.
 * Out: ep->pcm/nsamples at o->rate_hz (mono float, -1..1), each segment's
 *      start/end_sample, each chapter's start/end_sample, and the measured
 *      loudness; nothing else is touched.
 * Each segment is trimmed of its own silence, resampled, and levelled per
 * speaker; pauses are ours: after a question, between paragraphs, and a
 * longer one before each chapter, which starts inside that pause.  The whole
 * is then brought to the loudness target and peak-limited.
 * Errs: returns 0, or -1 after one message. */
#ifndef COLLOQUY_MASTER_H
#define COLLOQUY_MASTER_H

#include "episode.h"
#include "voice.h"

struct master_opts {
	unsigned rate_hz;
	double loudness_lufs;      /* integrated target */
	double peak_dbfs;          /* sample-peak ceiling of the limiter */
	unsigned lead_ms;          /* silence before the first word */
	unsigned tail_ms;          /* silence after the last */
	unsigned answer_gap_ms;    /* between a question and its answer */
	unsigned chapter_gap_ms;   /* before a question that opens a chapter */
	unsigned chapter_lead_ms;  /* a chapter starts this long before its first sound */
	unsigned list_item_ms;     /* before and after each item of a list */
};

/* Defaults, with the pauses of pacing when it is not NULL. */
void master_opts_init(struct master_opts *o, unsigned rate_hz, double loudness_lufs,
		      const struct pacing *pacing);
int master_episode(struct episode *ep, const struct master_opts *o);

#endif
