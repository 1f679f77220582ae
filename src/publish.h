/* publish.h -- the sidecar files a podcast host publishes beside the MP3.
 * In:  a mastered episode (chapter times known).
 * Out: document bytes appended to an sb the caller owns.  Pure, no I/O:
 *      render.c writes them (atomically) next to the episode. */
#ifndef COLLOQUY_PUBLISH_H
#define COLLOQUY_PUBLISH_H

#include "episode.h"
#include "show.h"
#include "util.h"

/* Podcasting 2.0 JSON chapters (version 1.2.0): startTime and endTime in
 * seconds, title. */
void publish_chapters_json(const struct episode *ep, struct sb *out);

/* Captions from the cues that speak timed: WebVTT with a <v Speaker> tag
 * on every cue, SubRip with the speaker's name before the text, and the
 * Podcasting 2.0 JSON transcript (version 1.0.0: speaker, startTime,
 * endTime, body).  Speakers are the names the text gives ("guest" becomes
 * the guest's name when it is known). */
void publish_vtt(const struct episode *ep, struct sb *out);
void publish_srt(const struct episode *ep, struct sb *out);
void publish_transcript_json(const struct episode *ep, struct sb *out);


/* NAME.episode.json: what the feed needs of an episode that the MP3 does
 * not say plainly (title, date, numbers, description, duration, people,
 * the show as rendered).  colloquy feed reads these. */
void publish_episode_json(const struct episode *ep, const struct show *sh, const char *date,
			  const char *source, struct sb *out);

#endif
