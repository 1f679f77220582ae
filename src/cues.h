/* cues.h -- caption files read as a transcript: WebVTT and SubRip.
 * In:  a file's bytes.
 * Out: when they are cues, plain text for clean_text(): the file's title
 *      (WebVTT's "WEBVTT - Title") first, then each run of one speaker's
 *      cues as one paragraph, "Name: words" where WebVTT's <v Name> names
 *      the speaker.  Timings, cue numbers, NOTE and STYLE blocks and markup
 *      go.  Each paragraph starts on the line of its first cue's words, so
 *      that line numbers in messages stay the file's.
 * Pure, no I/O. */
#ifndef COLLOQUY_CUES_H
#define COLLOQUY_CUES_H

#include <stddef.h>

/* Is data a WebVTT or SubRip file? */
int cues_detect(const char *data, size_t len);

/* Convert; *text is malloc'd, NUL-terminated, *text_len its length. */
void cues_to_text(const char *data, size_t len, char **text, size_t *text_len);

#endif
