/* speak.h -- segment text -> PCM with libespeak-ng (the only file that
 * calls it).
 * In:  the episode's segments and the voice profiles.
 * Out: each segment's pcm/nsamples (mono int16 at ep->speech_rate_hz) and
 *      gap_ms; nothing else is touched.
 * libespeak-ng keeps global state and is not reentrant: one process speaks
 * at a time; parallel work uses processes, not threads.
 * Errs: returns 0, or -1 after one message (naming the voice profile when
 *      espeak-ng does not know its voice). */
#ifndef COLLOQUY_SPEAK_H
#define COLLOQUY_SPEAK_H

#include "episode.h"
#include "voice.h"

int speak_episode(struct episode *ep, const struct voiceset *vs);

/* Stop espeak-ng and free what it holds (its threads included); the next
 * speak_episode() starts it again. */
void speak_release(void);

#endif
