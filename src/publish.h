/* publish.h -- the sidecar files a podcast host publishes beside the MP3.
 * In:  a mastered episode (chapter times known).
 * Out: document bytes appended to an sb the caller owns.  Pure, no I/O:
 *      render.c writes them (atomically) next to the episode. */
#ifndef COLLOQUY_PUBLISH_H
#define COLLOQUY_PUBLISH_H

#include "episode.h"
#include "util.h"

/* Podcasting 2.0 JSON chapters (version 1.2.0): startTime and endTime in
 * seconds, title. */
void publish_chapters_json(const struct episode *ep, struct sb *out);

#endif
