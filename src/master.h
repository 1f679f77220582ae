/* master.h -- turn spoken segments into the episode's timeline, a chunk at
 * a time.
 * Each segment's speech is trimmed of its own silence and resampled to the
 * output rate (master_clip(), in the process that speaks it), and its
 * loudness kept as the power of each 100 ms (master_energies()).  From
 * those alone, without the audio, master_layout() places every segment,
 * chapter and caption and cuts the timeline into chunks at pauses, and
 * master_programme_lufs() foretells the timeline's loudness.
 * master_render() then makes any one chunk's samples, reading only its own
 * segments' clips, so chunks are made in parallel processes and memory is
 * bounded by the largest chunk.
 * Each segment plays at its speaker's gain (set by speak_plan() from the
 * voice, or by master_level() from the segments in master_episode()).
 * Pauses are ours: after a question, between paragraphs, and a longer one
 * before each chapter, which starts inside that pause.  Gains are set in
 * steps of 0.1 dB, so that editing one paragraph leaves the other chunks'
 * samples, and so their cached encodings, as they were.
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
 * words and plays out after the last.  No chunk is cut where music plays. */
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
	unsigned speaker_gap_ms;   /* when another speaker takes over */
	unsigned chapter_gap_ms;   /* before a question that opens a chapter */
	unsigned chapter_lead_ms;  /* a chapter starts this long before its first sound */
	unsigned list_item_ms;     /* before and after each item of a list */
	unsigned chunk_ms;         /* cut a chapter into chunks of about this */
	const struct master_music *music;   /* NULL for none */
};

/* Defaults, with the pauses of pacing when it is not NULL. */
void master_opts_init(struct master_opts *o, unsigned rate_hz, double loudness_lufs,
		      const struct pacing *pacing);

/* Speech (mono int16 at in_hz) trimmed of its leading and trailing
 * silence and resampled to out_hz with soxr: a new array of *n samples,
 * *trim the speech samples cut from its start. */
int master_clip(const int16_t *pcm, size_t len, unsigned in_hz, unsigned out_hz, float **clip,
		size_t *n, size_t *trim);

/* The K-weighted power (BS.1770) of each whole 100 ms of x, as a new array
 * of the returned length; libebur128 does the weighting. */
size_t master_energies(const float *x, size_t n, unsigned rate_hz, float **e);
size_t master_energies_s16(const int16_t *x, size_t n, unsigned rate_hz, float **e);

/* BS.1770 integrated loudness (LUFS) and EBU R 128 loudness range (LU) of
 * programmes given as the 100 ms powers of their parts; 400 ms gating
 * blocks and 3 s windows do not span parts.  -HUGE_VAL when too quiet. */
double master_integrated(const float *const *e, const size_t *n, size_t parts);
double master_range(const float *const *e, const size_t *n, size_t parts);

/* True peak (dBTP) of decoded samples, 4x oversampled by libebur128 where
 * the sample peak comes within 2 dB of the highest. */
double master_true_peak(const int16_t *x, size_t n, unsigned rate_hz);

/* Each speaker's gain, from its segments' energies: all of a speaker's
 * speech meets the loudness target. */
void master_level(struct episode *ep, const struct master_opts *o);

/* Place the segments (their clip_n, trim and cue times known), chapters
 * and cues, and cut the timeline into chunks.  Chunks start on a multiple
 * of frame samples and their last boundary samples are left silent, for
 * the encoder (encode.h); frame 0 makes one chunk of the whole. */
int master_layout(struct episode *ep, const struct master_opts *o, unsigned frame,
		  unsigned boundary);

/* The integrated loudness the laid-out timeline will have, from its
 * segments' energies alone (each clip's 100 ms, measured at its gain and
 * limited, placed on the nearest tenth of a second). */
double master_programme_lufs(const struct episode *ep);

/* The peak limiter, on samples at rate_hz, to a sample-peak ceiling. */
void master_limit(float *x, size_t n, unsigned rate_hz, double ceiling_dbfs);

/* Give segment seg's clip (master_clip()'s samples), a new array. */
typedef int (*master_clip_fn)(void *ctx, size_t seg, float **pcm, size_t *n);

/* Chunk k's nsamples samples into out: speech at its speaker's gain,
 * music, and the peak limiter.  With makeup_db NAN that is the level the
 * make-up gain is measured on; otherwise the gain is applied and the
 * result limited again, as encoded. */
int master_render(const struct episode *ep, const struct master_opts *o, size_t k,
		  double makeup_db, master_clip_fn get, void *ctx, float *out);

/* Gains are set in these steps. */
double master_step_db(double db);

/* The whole pipeline in memory, for segments whose pcm speak_episode()
 * filled: ep->pcm/nsamples at o->rate_hz (mono float, -1..1), and the
 * measured loudness, range and true peak. */
int master_episode(struct episode *ep, const struct master_opts *o);

#endif
