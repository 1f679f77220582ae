/* fuzz_id3.c -- the ID3v2.3 writer on episodes built from any bytes (text
 * of any encoding, any number of chapters, any times), checked by a small
 * reader: the header, a syncsafe size that matches, frames that tile the
 * tag up to the padding, CTOC entry counts of at most 255 whose children
 * exist, CHAP times that do not run backwards. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "id3.h"
#include "split.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void check(const unsigned char *t, size_t len, size_t nchap)
{
	size_t p = 10, chaps = 0;
	uint32_t size;

	if (len < 10 || memcmp(t, "ID3\x03\x00\x00", 6))
		abort();
	for (int i = 6; i < 10; i++)
		if (t[i] & 0x80)
			abort();	/* syncsafe */
	size = (uint32_t)t[6] << 21 | (uint32_t)t[7] << 14 | (uint32_t)t[8] << 7 | t[9];
	if (size + 10 != len)
		abort();
	while (p + 10 <= len && t[p]) {
		uint32_t fsize = be32(t + p + 4);
		const unsigned char *body = t + p + 10;

		if (p + 10 + fsize > len)
			abort();
		if (!memcmp(t + p, "CHAP", 4)) {
			const unsigned char *q = memchr(body, 0, fsize);
			if (!q || (size_t)(q - body) + 17 > fsize || be32(q + 1) > be32(q + 5))
				abort();
			chaps++;
		} else if (!memcmp(t + p, "CTOC", 4)) {
			const unsigned char *q = memchr(body, 0, fsize);
			if (!q || (size_t)(q - body) + 3 > fsize || (q[1] & ~3))
				abort();
		}
		p += 10 + fsize;
	}
	for (; p < len; p++)
		if (t[p])
			abort();	/* only padding after the frames */
	if (chaps != nchap)
		abort();
}

/* Bytes to valid UTF-8 that reaches every text path of the writer:
 * ASCII, Latin-1, the rest of the BMP, and beyond it (surrogate pairs). */
static char *utf8_of(const uint8_t *d, size_t n)
{
	struct sb sb = SB_INIT;

	for (size_t i = 0; i < n; i++) {
		uint8_t c = d[i];

		if (!c)
			sb_addch(&sb, 'x');
		else if (c < 0x80)
			sb_addch(&sb, c);
		else if (c < 0xc0)
			sb_addstr(&sb, "\xc3\xa9");		/* é */
		else if (c < 0xe0)
			sb_addstr(&sb, "\xd0\x96");		/* Ж */
		else if (c < 0xf0)
			sb_addstr(&sb, "\xe6\x9d\xb1");	/* 東 */
		else
			sb_addstr(&sb, "\xf0\x9f\x98\x80");	/* U+1F600 */
	}
	if (!sb.buf)
		sb_addstr(&sb, "");
	return sb_detach(&sb, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct episode *ep;
	struct id3_meta m;
	struct sb tag = SB_INIT;
	size_t nseg;
	char *text;

	if (size < 3)
		return 0;
	text = utf8_of(data + 2, size - 2);
	ep = episode_new();
	ep->title = xstrdup(text);
	ep->rate_hz = 8000 + data[0] * 100u;
	nseg = 1 + (size_t)data[1] * 3;
	for (size_t i = 0; i < nseg; i++) {
		struct segment *s = episode_add_segment(ep, i % 2 ? ROLE_ANSWER : ROLE_QUESTION, "host",
							i % 3 ? text : "Why?", 1);
		s->start_sample = (uint64_t)i * 1000 + (data[i % size] % 7);
		s->end_sample = s->start_sample + 500;
	}
	split_make_chapters(ep);
	ep->nsamples = nseg * 1000 + 600;
	for (size_t k = 0; k < ep->nchapters; k++) {
		ep->chapters[k].start_sample = ep->segs[ep->chapters[k].seg].start_sample;
		ep->chapters[k].end_sample = k + 1 < ep->nchapters ?
			ep->segs[ep->chapters[k + 1].seg].start_sample : ep->nsamples;
	}
	memset(&m, 0, sizeof(m));
	m.title = ep->title;
	m.artist = text;
	m.album = "";
	m.genre = "Podcast";
	m.comment = text;
	m.length_ms = episode_ms(ep, ep->nsamples);
	id3_write(ep, &m, &tag);
	check((const unsigned char *)tag.buf, tag.len, ep->nchapters);
	sb_release(&tag);
	episode_free(ep);
	free(text);
	return 0;
}
