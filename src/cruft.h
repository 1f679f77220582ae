/* cruft.h -- what a web page or a transcript file wraps around the words
 * that were said: menus, banners, bylines, dates, captions, share and
 * cookie prompts, copyright lines, page markers, stage directions.
 * Each rule is a small function over one paragraph's text (folded white
 * space, NFC); the tables of phrases are data.  Pure, no I/O. */
#ifndef COLLOQUY_CRUFT_H
#define COLLOQUY_CRUFT_H

#include <stddef.h>

/* Is the whole paragraph page chrome (never spoken)? */
int cruft_is_chrome(const char *text);

/* How much a paragraph looks like furniture, 0..1: 0.97 for chrome,
 * less for what is furniture only where it stands apart (a player's
 * controls, a byline, a comment count).  split.c weighs it with the
 * paragraph's place in the document. */
float cruft_score(const char *text);

/* A heading after which a page lists links to other articles ("Related
 * posts", "Read more"). */
int cruft_opens_link_list(const char *text);

/* A note by the author about themself ("Jane Roe is a staff writer at
 * ..."), which pages put after an article. */
int cruft_is_author_bio(const char *text);

/* Remove stage directions such as "(laughs)" and "[inaudible]" from
 * text, in place; returns the new length. */
size_t cruft_strip_directions(char *text);

/* The bytes of a dateline that opens a paragraph and runs into its first
 * sentence ("Date 2021-10-14 How did you ...", "Aug 10, 2025 Most ..."),
 * or 0. */
size_t cruft_date_prefix(const char *text);

#endif
