/* speak.h -- segment text -> PCM with libespeak-ng (the only file that
 * calls it).
 * In:  the episode's segments, the voice cast (voices_cast()) and the
 *      show's lexicon (may be NULL).
 * Out: each segment's pcm/nsamples (mono int16 at ep->speech_rate_hz) and
 *      gap_ms; nothing else is touched.
 * Each paragraph is normalised (normalize.h) and run through the lexicon
 * before synthesis; its text in the episode stays as it is.  A voice's wpm
 * is met by measurement: espeak-ng's rate setting is calibrated once per
 * profile on a passage of prose (speak_rate_setting()).  Every paragraph
 * starts from a freshly selected voice, so its audio does not depend on
 * what was spoken before it.
 * libespeak-ng keeps global state and is not reentrant: one process speaks
 * at a time; parallel work uses processes, not threads.
 * Errs: returns 0, or -1 after one message (an unknown voice or variant
 *      names the profile's file and line and suggests close names). */
#ifndef COLLOQUY_SPEAK_H
#define COLLOQUY_SPEAK_H

#include "episode.h"
#include "lexicon.h"
#include "master.h"
#include "store.h"
#include "util.h"
#include "voice.h"

/* Below this a sample is silence (about -45 dBFS). */
#define SPEAK_SILENCE 184

int speak_episode(struct episode *ep, const struct voiceset *vs, const struct lexicon *lx);

/* The espeak-ng rate setting that makes v speak v->wpm words a minute, or
 * -1 after a message. */
int speak_rate_setting(const struct voice *v);

/* A calibrated voice's loudness (LUFS) on the calibration passage. */
double speak_voice_lufs(const struct voice *v);

/* Append the installed espeak-ng voices, one a line. */
int speak_voices(struct sb *out);

/* Rendering through the cache (store.h), a segment at a time.  A plan says
 * what each segment is spoken from (its cues cut, its text normalised and
 * run through the lexicon, its voice's rate calibrated) and the cache key
 * of its speech; planning fills each segment's cues, gap_ms and gain_db.
 * The voices' calibrations (rate and loudness, on a passage of prose) run
 * in parallel (jobs at once) and are kept in st; a speaker's gain brings
 * its voice to the loudness target, so it does not depend on what else
 * the episode says. */
struct speak_plan {
	const struct voice *voice;
	int setting;           /* espeak-ng rate */
	double gain_db;        /* the speaker's level: the voice to the target */
	char *said;            /* what espeak-ng is given */
	int32_t *first;        /* where each cue starts in it */
	struct store_key key;
};
int speak_plan(struct episode *ep, const struct voiceset *vs, const struct lexicon *lx,
	       const struct master_opts *mo, const struct store *st, unsigned jobs,
	       struct speak_plan **plans);
void speak_plan_free(struct speak_plan *plans, size_t n);

/* What espeak-ng is given for segment s, as speak_plan() gives it: its
 * cues cut afresh, each normalised and run through the lexicon lx (may be
 * NULL).  A new string; for `colloquy split --spoken`. */
char *speak_said(struct segment *s, const struct lexicon *lx);

/* Select v in this process, never to speak here: the processes forked
 * from it then start with v's voice and dictionary loaded, all from the
 * same state (selecting speaks nothing). */
int speak_select(const struct voice *v);

/* In a process of its own (pool.h): speak segment i and put its clip at
 * the output rate (master_clip()), its cue times and the energies of the
 * clip at its gain and limited (master_limit()) in the cache. */
int speak_to_store(const struct episode *ep, size_t i, const struct speak_plan *p,
		   const struct master_opts *mo, const struct store *st);

/* Fill segment i's clip_n, trim, cue times and energies from the cache:
 * 0, or 1 when the entry was damaged and has been removed (speak it
 * again), or -1 after a message. */
int speak_from_store(struct episode *ep, size_t i, const struct speak_plan *p,
		     const struct store *st);

/* Segment s's clip samples from the cache (speak_from_store() filled s),
 * a new array. */
int speak_clip(const struct store *st, const struct speak_plan *p, const struct segment *s,
	       float **pcm, size_t *n);

/* Stop espeak-ng and free what it holds (its threads included); the next
 * call starts it again. */
void speak_release(void);

#endif
