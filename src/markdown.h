/* markdown.h -- a Markdown post read by a CommonMark parser (md4c).
 *
 * Paragraphs, headings, list items, block quotes and table cells become
 * paragraphs with their source line; headings and list items say so, bold
 * stays bold ("**...**"), italics become "*...*", link text is read and
 * its address left, and a paragraph that is mostly link text says so.
 * Code blocks, images and raw HTML tags are never spoken.  A soft line
 * break joins words as CommonMark does in a hard-wrapped text, except
 * before what opens a turn (a label such as "Ada:" or a bold run); in a
 * text whose lines are not wrapped at a column, each line is the
 * author's, as a transcript written one turn a line has it.  The front
 * matter is read by front.c before. */
#ifndef COLLOQUY_MARKDOWN_H
#define COLLOQUY_MARKDOWN_H

#include <stddef.h>

#include "clean.h"

/* Does a file called name hold Markdown by its name (.md, .markdown)? */
int markdown_detect(const char *name);

/* Read the UTF-8 Markdown data (its front matter blanked out) into t, as
 * clean_text gives paragraphs.  Returns 0, or -1 after one message. */
int markdown_read(const char *name, const char *data, size_t len, struct text *t);

#endif
