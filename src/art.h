/* art.h -- podcast artwork: what kind of image a file holds, and its size.
 * Reads the PNG IHDR chunk and the JPEG start-of-frame marker; pure. */
#ifndef COLLOQUY_ART_H
#define COLLOQUY_ART_H

#include <stddef.h>

struct art {
	const char *mime;    /* "image/png" or "image/jpeg" */
	unsigned width, height;
};

/* 0 and *a filled when data is a PNG or JPEG image with a readable size,
 * -1 otherwise (no message: the caller names the file). */
int art_probe(const unsigned char *data, size_t len, struct art *a);

#endif
