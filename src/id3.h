/* id3.h -- episode metadata -> ID3v2.3 tag bytes, with chapters.
 * In:  the episode's chapters (start/end_sample at rate_hz) and the text
 *      frames in struct id3_meta.
 * Out: a complete tag (header, frames, padding) appended to an sb the
 *      caller owns.  Pure, no I/O.
 * Why 2.3: it is the version every podcast app and desktop player reads
 * (Apple's and Windows' readers among them), and the chapter frames
 * (CHAP, CTOC) are defined for it as for 2.4. */
#ifndef COLLOQUY_ID3_H
#define COLLOQUY_ID3_H

#include "episode.h"
#include "util.h"

struct id3_meta {
	const char *title;     /* TIT2 */
	const char *artist;    /* TPE1 */
	const char *album;     /* TALB */
	const char *genre;     /* TCON */
	const char *year;      /* TYER, four digits, or NULL */
	const char *comment;   /* COMM, or NULL */
	uint32_t length_ms;    /* TLEN */
	const unsigned char *art;   /* APIC front cover, or NULL */
	size_t art_len;
	const char *art_mime;
};

/* Bytes of zero padding after the frames, so taggers can edit in place. */
#define ID3_PADDING 512
/* CTOC counts its entries in one byte (ID3v2 Chapter Frame Addendum 4). */
#define ID3_CTOC_MAX 255

void id3_write(const struct episode *ep, const struct id3_meta *m, struct sb *out);

#endif
