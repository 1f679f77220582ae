/* split.h -- label paragraphs as title, intro, question, answer or outro.
 * In:  paragraphs from clean_text() and the transcript's file name.
 * Out: a new episode (caller frees with episode_free()) with title, one
 *      segment per spoken paragraph, chapters, and the dropped cruft.
 * Pure: no I/O.  Recognises three layouts, tried in this order:
 *   - Q:/A: labels (Q., Q1:, Question:, A., Answer:), answers labelled or
 *     not;
 *   - speaker labels ("Jane Roe: ...", "MEL: ...", "Jane (00:37): ...",
 *     "Jane Roe. ..." then "JR. ...") used by two or more speakers at least
 *     twice each; speakers keep their names;
 *   - unlabelled text whose questions open their block: paragraphs ending
 *     in '?', short header lines that end no sentence, topic headers ending
 *     in ':', requests ("Tell me about ..."), Markdown headings and bold
 *     lines.
 * Each segment carries a confidence; ep->host_name and ep->guest_name are
 * set when the text names them. */
#ifndef COLLOQUY_SPLIT_H
#define COLLOQUY_SPLIT_H

#include "clean.h"
#include "episode.h"

struct episode *split_text(const struct text *t, const char *name);

/* Count the segments whose confidence is low, and give the source lines
 * of the first max of them in lines[]. */
size_t split_low_confidence(const struct episode *ep, int *lines, size_t max);

/* (Re)build ep->chapters from the segment roles: "Introduction" when the
 * episode does not open with a question, one chapter per run of question
 * segments that asks (a run of remarks opens none), "Closing" at the first
 * outro segment.  A text without
 * questions gets one chapter named after the episode.  Used by split_text()
 * and by the labelled-script reader, so both give the same chapters. */
void split_make_chapters(struct episode *ep);

/* A chapter title from a question: trailing ':' removed, shortened at a
 * word boundary to at most SPLIT_TITLE_MAX characters.  Caller frees. */
#define SPLIT_TITLE_MAX 80
char *split_chapter_title(const char *question);

#endif
