/* cue.h -- cut a paragraph into captions.
 * A cue is a sentence, or where a sentence is longer than two caption lines
 * a clause, or where a clause is, words up to that length.  Abbreviations
 * ("Dr.", "e.g.") and initials do not end a sentence.  Pure, no I/O. */
#ifndef COLLOQUY_CUE_H
#define COLLOQUY_CUE_H

#include <stddef.h>

#include "episode.h"

/* A caption line holds about this many characters (WebVTT practice). */
#define CUE_LINE_MAX 65
/* ... and a cue two lines. */
#define CUE_MAX (2 * CUE_LINE_MAX)

/* Cut text into cues; *cues is a new array the caller frees (and each
 * cue's text), with only the text set. */
void cue_split(const char *text, struct cue **cues, size_t *n);

/* The cue's text broken into lines of at most CUE_LINE_MAX characters at
 * word boundaries, joined by '\n'; caller frees. */
char *cue_lines(const char *text);

#endif
