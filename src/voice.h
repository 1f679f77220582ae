/* voice.h -- voice profiles: how each speaker sounds.
 * A profile is voices/NAME.ini:
 *     [voice]
 *     espeak = en-us        espeak-ng voice (see `espeak-ng --voices`)
 *     variant = m3          espeak-ng variant, or empty
 *     wpm = 165             words per minute, 80..450
 *     pitch = 40            base pitch, 0..100
 *     range = 50            pitch range, 0..100
 *     volume = 100          0..200
 *     word_gap = 0          extra pause between words, in 10 ms units
 *     pause_ms = 450        silence after each of this speaker's paragraphs
 * host.ini and guest.ini must exist; NAME.ini for a named speaker is used
 * for that speaker (matched without case, spaces as '-').  Pure parsing
 * here; speak.c checks the espeak-ng names. */
#ifndef COLLOQUY_VOICE_H
#define COLLOQUY_VOICE_H

#include <stddef.h>

#include "episode.h"

struct voice {
	char *name;          /* profile name: the file's stem */
	char *path;          /* the file, for messages */
	char *espeak;        /* espeak-ng voice name */
	char *variant;       /* espeak-ng variant ("" for none) */
	int wpm, pitch, range, volume, word_gap;
	unsigned pause_ms;
};

struct voiceset {
	struct voice *v;
	size_t n, alloc;
};

/* Load every *.ini in dir, in name order.  Returns 0, or -1 after one
 * message naming the file, the line and the cause. */
int voices_load(const char *dir, struct voiceset *vs);
void voices_release(struct voiceset *vs);

/* The profile that speaks seg: the speaker's own profile, else host's for
 * every role but answer, else guest's.  Never NULL after voices_load(). */
const struct voice *voices_for(const struct voiceset *vs, const struct segment *seg);

#endif
