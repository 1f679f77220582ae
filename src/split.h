/* split.h -- label paragraphs as title, intro, question, answer or outro.
 * In:  paragraphs from clean_text() and the transcript's file name.
 * Out: a new episode (caller frees with episode_free()) with title, one
 *      segment per spoken paragraph, chapters, and the dropped furniture.
 * Pure: no I/O.
 *
 * Design: document-level inference, not a choice among layouts.
 *   - The document's own turn markers are found with one label grammar
 *     (label.h: timestamps, names, roles, Q/A marks) and kept where the
 *     document confirms them: repetition, a typography shared with
 *     confirmed labels, role words.
 *   - Speakers are sided: hosts open, ask, steer and close (any number of
 *     them), guests answer (any number of them).
 *   - Every paragraph is scored for each state of an interview (furniture,
 *     title, intro, question, answer, outro) from features of its text and
 *     its neighbours: a question mark, a request, a heading or a bold
 *     line, a short line between long ones, furniture vocabulary and
 *     repetition, a description of the guest, a thank-you.
 *   - The sequence is decoded at once (decode.h) against the grammar
 *     furniture, title, furniture, intro, (question answer)*, outro,
 *     furniture, with furniture allowed between turns.  Each segment's
 *     confidence is the posterior of its state.
 * ep->host_name and ep->guest_name are set when the text names them. */
#ifndef COLLOQUY_SPLIT_H
#define COLLOQUY_SPLIT_H

#include "clean.h"
#include "episode.h"

struct episode *split_text(const struct text *t, const char *name);

/* What the front matter says of the text; any field may be NULL. */
struct split_hints {
	const char *title;   /* a paragraph that repeats it is the title, and a
				heading under it may be a question */
	const char *author;  /* whom a label by initials may stand for */
	const char *host, *guest;    /* the speakers, by name */
};
struct episode *split_text_hints(const struct text *t, const char *name, const struct split_hints *h);

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
