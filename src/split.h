/* split.h -- label paragraphs as title, intro, question, answer or outro.
 * In:  paragraphs from clean_text() and the transcript's file name.
 * Out: a new episode (caller frees with episode_free()) with title, one
 *      segment per spoken paragraph, chapters, and the dropped cruft.
 * Pure: no I/O.  Recognises three layouts, tried in this order:
 *   - Q:/A: labels (Q., Question:, A., Answer:);
 *   - speaker labels ("Jane Roe: ...", "MEL: ...") used by two or more
 *     speakers at least twice each;
 *   - unlabelled text whose questions are short header lines or
 *     paragraphs ending in '?', each opening its block. */
#ifndef COLLOQUY_SPLIT_H
#define COLLOQUY_SPLIT_H

#include "clean.h"
#include "episode.h"

struct episode *split_text(const struct text *t, const char *name);

/* (Re)build ep->chapters from the segment roles: "Introduction" when the
 * episode does not open with a question, one chapter per run of question
 * segments, "Closing" at the first outro segment.  A text without
 * questions gets one chapter named after the episode.  Used by split_text()
 * and by the labelled-script reader, so both give the same chapters. */
void split_make_chapters(struct episode *ep);

/* A chapter title from a question: trailing ':' removed, shortened at a
 * word boundary to at most SPLIT_TITLE_MAX characters.  Caller frees. */
#define SPLIT_TITLE_MAX 80
char *split_chapter_title(const char *question);

#endif
