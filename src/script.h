/* script.h -- the labelled script: split's output that a person can edit
 * and render back, and the JSON form of the same labelling.
 *
 * The script is plain text:
 *     # colloquy script 1
 *     title [host]: The Show: Jane Roe
 *     question [host]: What do you build?
 *     answer [Jane Roe]: Tools for people who ...
 * one paragraph per entry (blank line between), "ROLE [SPEAKER]: TEXT";
 * lines that start with '#' are comments; a line without a label continues
 * the paragraph above it.  Pure: no I/O. */
#ifndef COLLOQUY_SCRIPT_H
#define COLLOQUY_SCRIPT_H

#include <stddef.h>

#include "episode.h"
#include "util.h"

#define SCRIPT_MAGIC "# colloquy script 1"

/* Does the file's text start with SCRIPT_MAGIC (after a BOM)? */
int script_detect(const char *data, size_t len);

/* Append the script of ep to sb. */
void script_write(const struct episode *ep, struct sb *sb);

/* Parse a script into a new episode with its chapters.  Returns NULL after
 * a message naming the file, the line and the cause. */
struct episode *script_read(const char *name, const char *data, size_t len);

/* Append the `split --json` document of ep to sb (UTF-8, indented). */
void script_write_json(const struct episode *ep, struct sb *sb);

#endif
