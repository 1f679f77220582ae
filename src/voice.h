/* voice.h -- voice profiles (how each speaker sounds) and pacing (how the
 * show breathes).
 *
 * A profile is voices/NAME.ini:
 *     [voice]
 *     espeak = en-us        espeak-ng voice or language (espeak-ng --voices)
 *     variant = m3          espeak-ng variant (espeak-ng --voices=variant), or empty
 *     wpm = 165             spoken words per minute, 80..450 (measured, see speak.h)
 *     pitch = 40            base pitch, 0..100
 *     range = 50            pitch range, 0..100
 *     volume = 100          0..200
 *     word_gap = 0          extra pause between words, in 10 ms units
 *     pause_ms = 450        silence after each of this speaker's paragraphs
 * host.ini and guest.ini must exist.  voices/pacing.ini, when present, is
 * not a profile but the pauses of struct pacing:
 *     [pacing]
 *     lead_ms, after_question_ms, speaker_change_ms, before_chapter_ms,
 *     list_item_ms, tail_ms
 * Pure parsing; speak.c checks the espeak-ng names against espeak-ng. */
#ifndef COLLOQUY_VOICE_H
#define COLLOQUY_VOICE_H

#include <stddef.h>
#include <stdio.h>

#include "episode.h"

struct voice {
	char *name;          /* profile name: the file's stem */
	char *path;          /* the file, for messages */
	char *espeak;        /* espeak-ng voice name */
	char *variant;       /* espeak-ng variant ("" for none) */
	int espeak_line, variant_line;   /* where they were set, for messages */
	int wpm, pitch, range, volume, word_gap;
	unsigned pause_ms;
	char gender;         /* 'f', 'm' (the gender key, else the variant's
				first letter), or 0 */
};

struct pacing {
	unsigned lead_ms;          /* silence before the first word */
	unsigned after_question_ms;   /* between a question and its answer */
	unsigned speaker_change_ms;   /* when another speaker takes over */
	unsigned before_chapter_ms;   /* before the paragraph that opens a chapter */
	unsigned list_item_ms;     /* before and after each item of a list */
	unsigned tail_ms;          /* silence after the last word */
};

/* Who speaks with which profile, decided once per episode. */
struct cast_entry {
	const char *speaker;       /* as in the segments (owned by the episode) */
	size_t voice;              /* index into voiceset.v */
};

struct voiceset {
	struct voice *v;
	size_t n, alloc;
	struct pacing pacing;
	struct cast_entry *cast;
	size_t ncast, cast_alloc;
};

/* Load every profile in dir, in name order, and dir/pacing.ini.  Returns
 * 0, or -1 after one message naming the file, the line and the cause. */
int voices_load(const char *dir, struct voiceset *vs);
void voices_release(struct voiceset *vs);

/* What a show file says of its speakers: voice.NAME = PROFILE and
 * gender.NAME = female | male. */
struct cast_hint {
	const char *speaker;
	const char *profile;       /* NULL: none given */
	char gender;               /* 'f', 'm' or 0 */
};

/* Give every speaker of ep a profile: the one the show file names for
 * them, else their own NAME.ini (matched without case, spaces as '-');
 * else host.ini for "host" and the host's name, guest.ini for the first
 * other speaker; and when a transcript has three or more speakers, each
 * further one a voice of its own, derived from guest.ini by a palette
 * whose voices are at least 3 semitones apart in pitch.  A speaker's
 * gender, as the show file gives it or else as a list of common first
 * names suggests, picks a voice of that gender (never against the show
 * file), and the name picks which, so that a speaker keeps a voice from
 * episode to episode. */
void voices_cast(struct voiceset *vs, const struct episode *ep, const struct cast_hint *hints, size_t nhints);

/* Parse one profile, or a pacing file, from f (name is for messages):
 * what voices_load() does per file, for tests and fuzzing. */
int voice_read(const char *name, FILE *f, struct voice *v);
int pacing_read(const char *name, FILE *f, struct pacing *p);

/* "female", "f", "male", "m" (any case): 'f' or 'm'; else 0. */
char voice_parse_gender(const char *s);
void voice_release(struct voice *v);

/* The profile that speaks seg, after voices_cast(). */
const struct voice *voices_for(const struct voiceset *vs, const struct segment *seg);

/* Find a profile by name (case folded, spaces as '-'), or NULL. */
const struct voice *voices_find(const struct voiceset *vs, const char *name);

#endif
