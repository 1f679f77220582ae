/* art.c -- see art.h.  PNG: 8-byte signature, then the IHDR chunk with
 * width and height as 32-bit big-endian (PNG spec 11.2.2).  JPEG: SOI, then
 * markers; a start-of-frame marker (SOF0-SOF15 but DHT, JPG and DAC) holds
 * precision, height and width (ITU T.81 B.2.2). */
#include "art.h"

#include <string.h>

static unsigned be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned be32(const unsigned char *p)
{
	return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3];
}

int art_probe(const unsigned char *d, size_t len, struct art *a)
{
	if (len >= 24 && !memcmp(d, "\x89PNG\r\n\x1a\n", 8) && !memcmp(d + 12, "IHDR", 4)) {
		a->mime = "image/png";
		a->width = be32(d + 16);
		a->height = be32(d + 20);
		return a->width && a->height ? 0 : -1;
	}
	if (len >= 4 && d[0] == 0xff && d[1] == 0xd8) {
		size_t p = 2;

		while (p + 4 <= len) {
			unsigned marker, seglen;

			if (d[p] != 0xff)
				return -1;
			marker = d[p + 1];
			if (marker == 0xff) {	/* fill byte */
				p++;
				continue;
			}
			if (marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker == 0x01) {
				p += 2;	/* markers without a length */
				continue;
			}
			seglen = be16(d + p + 2);
			if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 &&
			    marker != 0xcc) {
				if (p + 9 > len)
					return -1;
				a->mime = "image/jpeg";
				a->height = be16(d + p + 5);
				a->width = be16(d + p + 7);
				return a->width && a->height ? 0 : -1;
			}
			if (seglen < 2)
				return -1;
			p += 2 + seglen;
		}
	}
	return -1;
}
