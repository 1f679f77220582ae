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

/* The sample-peak ceiling that keeps an MP3's true peak at -1 dBTP or
 * below: MP3 encoding lifts true peaks by up to about 0.8 dB. */
#define MASTER_PEAK_DBFS -2.2

/* The show's music, mono at the output rate and loudness-matched by
 * master_load_music(); any part may be NULL.  The intro bed plays alone
 * before the first word, ducks under the host's opening and fades out by
 * the first question; a sting plays in the pause before each question's
 * chapter (which starts with it); the outro bed comes up under the closing
 * words and plays out after the last. */
struct master_music {
	float *intro, *outro, *sting;
	size_t nintro, noutro, nsting;
};

/* Read any audio file libsndfile reads (WAV, FLAC, Ogg, MP3 ...), mix it
 * to mono, resample it to rate_hz with soxr and set its integrated
 * loudness to lufs.  Returns 0, or -1 after one message naming the file. */
int master_load_music(const char *path, unsigned rate_hz, double lufs, float **pcm, size_t *n);
void master_music_release(struct master_music *m);

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
	const struct master_music *music;   /* NULL for none */
};

/* Defaults, with the pauses of pacing when it is not NULL. */
/* BS.1770 integrated loudness, loudness range and true peak of decoded
 * audio (what a listener gets), with libebur128.  Returns 0 or -1. */
int master_measure(const int16_t *pcm, size_t n, unsigned rate_hz, double *lufs, double *lra,
		   double *tp_db);

void master_opts_init(struct master_opts *o, unsigned rate_hz, double loudness_lufs,
		      const struct pacing *pacing);
int master_episode(struct episode *ep, const struct master_opts *o);

#endif
