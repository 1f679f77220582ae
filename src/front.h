/* front.h -- a transcript's front matter: the episode's own metadata in a
 * block at the top of the file.
 *     ---
 *     title: Keeping the Light
 *     date: 2024-05-01
 *     episode: 12
 *     season: 2
 *     description: Eleven winters on a rock in the North Sea.
 *     ---
 * Keys are the ones above; a value runs to the end of its line.  Pure, no
 * I/O but the message for a bad line. */
#ifndef COLLOQUY_FRONT_H
#define COLLOQUY_FRONT_H

#include <stddef.h>

struct front {
	char *title;
	char *date;          /* YYYY-MM-DD */
	char *description;
	int episode, season; /* 0 when not given */
};

/* Read front matter at the start of data (after a BOM) into fm (zeroed
 * first) and set *body to the offset of the text after it (0 when there is
 * none).  Returns 0, or -1 after one message naming file and line. */
int front_parse(const char *name, const char *data, size_t len, struct front *fm, size_t *body);
void front_release(struct front *fm);

#endif
