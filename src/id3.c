/* id3.c -- see id3.h.  References: ID3v2.3.0 informal standard (sections
 * 3.1 header, 3.3 frame header, 4.2 text frames, 4.11 COMM) and the ID3v2
 * Chapter Frame Addendum 1.0 (CHAP, CTOC). */
#include "id3.h"

#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

/* ID3v2.3 3.1: the tag size is a 28-bit syncsafe integer. */
static void put_syncsafe(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)((v >> 21) & 0x7f);
	p[1] = (unsigned char)((v >> 14) & 0x7f);
	p[2] = (unsigned char)((v >> 7) & 0x7f);
	p[3] = (unsigned char)(v & 0x7f);
}

/* ID3v2.3 3.3: frame ID, 32-bit size (not syncsafe in 2.3), two flag bytes. */
static void put_frame(struct sb *out, const char *id, const struct sb *body)
{
	sb_add(out, id, 4);
	sb_be32(out, (uint32_t)body->len);
	sb_be16(out, 0);
	sb_add(out, body->buf, body->len);
}

static int fits_latin1(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;

	while (*p && (n = utf8proc_iterate(p, -1, &cp)) > 0) {
		if (cp > 0xff)
			return 0;
		p += n;
	}
	return 1;
}

/* ID3v2.3 4.2: encoding 0 is ISO-8859-1, 1 is UTF-16 with a byte order
 * mark (2.3 has no UTF-8).  Latin-1 is used whenever it can carry the text,
 * as the readers that know least understand it. */
static void put_string(struct sb *out, const char *s, int enc, int terminate)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;

	if (enc == 1) {
		sb_addch(out, 0xff);
		sb_addch(out, 0xfe);
	}
	while (*p && (n = utf8proc_iterate(p, -1, &cp)) > 0) {
		p += n;
		if (enc == 0) {
			sb_addch(out, (char)cp);
		} else if (cp < 0x10000) {
			sb_addch(out, cp & 0xff);
			sb_addch(out, cp >> 8);
		} else {
			utf8proc_int32_t hi = 0xd800 + ((cp - 0x10000) >> 10);
			utf8proc_int32_t lo = 0xdc00 + ((cp - 0x10000) & 0x3ff);
			sb_addch(out, hi & 0xff);
			sb_addch(out, hi >> 8);
			sb_addch(out, lo & 0xff);
			sb_addch(out, lo >> 8);
		}
	}
	if (terminate) {
		sb_addch(out, 0);
		if (enc == 1)
			sb_addch(out, 0);
	}
}

static void text_frame(struct sb *out, const char *id, const char *text)
{
	struct sb body = SB_INIT;
	int enc;

	char *safe;

	if (!text || !*text)
		return;
	safe = util_text_safe(text);
	enc = fits_latin1(safe) ? 0 : 1;
	sb_addch(&body, enc);
	put_string(&body, safe, enc, 0);
	put_frame(out, id, &body);
	sb_release(&body);
	free(safe);
}

/* ID3v2.3 4.11: encoding, language, short description, text. */
static void comment_frame(struct sb *out, const char *text)
{
	struct sb body = SB_INIT;
	char *safe = util_text_safe(text);
	int enc = fits_latin1(safe) ? 0 : 1;

	sb_addch(&body, enc);
	sb_add(&body, "eng", 3);
	put_string(&body, "", enc, 1);
	put_string(&body, safe, enc, 0);
	put_frame(out, "COMM", &body);
	sb_release(&body);
	free(safe);
}

/* ID3v2.3 4.15: encoding, MIME type, picture type (3: front cover),
 * description, the picture. */
static void apic_frame(struct sb *out, const struct id3_meta *m)
{
	struct sb body = SB_INIT;

	sb_addch(&body, 0);
	sb_addstr(&body, m->art_mime);
	sb_addch(&body, 0);
	sb_addch(&body, 3);
	sb_addch(&body, 0);
	sb_add(&body, m->art, m->art_len);
	put_frame(out, "APIC", &body);
	sb_release(&body);
}

/* Chapter Frame Addendum 3: element ID, start and end time in ms, start
 * and end byte offsets (0xFFFFFFFF: not given), then a TIT2 sub-frame. */
static void chap_frame(struct sb *out, size_t k, uint32_t start_ms, uint32_t end_ms,
		       const char *title)
{
	struct sb body = SB_INIT;

	sb_addf(&body, "chp%zu", k);
	sb_addch(&body, 0);
	sb_be32(&body, start_ms);
	sb_be32(&body, end_ms);
	sb_be32(&body, 0xffffffffu);
	sb_be32(&body, 0xffffffffu);
	text_frame(&body, "TIT2", title);
	put_frame(out, "CHAP", &body);
	sb_release(&body);
}

/* Chapter Frame Addendum 4: element ID, flags (bit 1 top-level, bit 0
 * ordered), entry count, the children's element IDs. */
static void ctoc_frame(struct sb *out, const char *id, int top, const char *child_fmt,
		       size_t first, size_t n, const char *title)
{
	struct sb body = SB_INIT;

	sb_addstr(&body, id);
	sb_addch(&body, 0);
	sb_addch(&body, (top ? 0x02 : 0) | 0x01);
	sb_addch(&body, (int)n);
	for (size_t i = first; i < first + n; i++) {
		sb_addf(&body, child_fmt, i);
		sb_addch(&body, 0);
	}
	if (title)
		text_frame(&body, "TIT2", title);
	put_frame(out, "CTOC", &body);
	sb_release(&body);
}

static void chapters(struct sb *out, const struct episode *ep)
{
	size_t n = ep->nchapters;

	if (!n)
		return;
	if (n <= ID3_CTOC_MAX) {
		ctoc_frame(out, "toc", 1, "chp%zu", 0, n, NULL);
	} else {
		/* More chapters than one CTOC can list: a top-level table of
		 * ordered sub-tables of up to 255 chapters each. */
		size_t ntoc = (n + ID3_CTOC_MAX - 1) / ID3_CTOC_MAX;
		ctoc_frame(out, "toc", 1, "toc%zu", 0, ntoc, NULL);
		for (size_t t = 0; t < ntoc; t++) {
			size_t first = t * ID3_CTOC_MAX;
			size_t cnt = n - first < ID3_CTOC_MAX ? n - first : ID3_CTOC_MAX;
			char id[32];
			snprintf(id, sizeof(id), "toc%zu", t);
			ctoc_frame(out, id, 0, "chp%zu", first, cnt, NULL);
		}
	}
	for (size_t k = 0; k < n; k++)
		chap_frame(out, k, episode_ms(ep, ep->chapters[k].start_sample),
			   episode_ms(ep, ep->chapters[k].end_sample), ep->chapters[k].title);
}

void id3_write(const struct episode *ep, const struct id3_meta *m, struct sb *out)
{
	struct sb frames = SB_INIT;
	unsigned char header[10] = { 'I', 'D', '3', 3, 0, 0 };
	char len[16];

	text_frame(&frames, "TIT2", m->title);
	text_frame(&frames, "TPE1", m->artist);
	text_frame(&frames, "TALB", m->album);
	text_frame(&frames, "TCON", m->genre);
	if (m->year)
		text_frame(&frames, "TYER", m->year);
	snprintf(len, sizeof(len), "%lu", (unsigned long)m->length_ms);
	text_frame(&frames, "TLEN", len);
	if (m->comment)
		comment_frame(&frames, m->comment);
	if (m->art)
		apic_frame(&frames, m);
	chapters(&frames, ep);

	put_syncsafe(header + 6, (uint32_t)(frames.len + ID3_PADDING));
	sb_add(out, header, sizeof(header));
	sb_add(out, frames.buf, frames.len);
	sb_grow(out, ID3_PADDING);
	memset(out->buf + out->len, 0, ID3_PADDING);
	out->len += ID3_PADDING;
	out->buf[out->len] = '\0';
	sb_release(&frames);
}
