/* test_id3.c -- id3_write(): an episode's metadata and chapters in, ID3v2.3
 * bytes out, read back by a small walker written here from the ID3v2.3.0
 * informal standard and the ID3v2 Chapter Frame Addendum 1.0. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "episode.h"
#include "id3.h"
#include "split.h"
#include "tap.h"
#include "util.h"

#define RATE 44100

/* One frame found by the walker. */
struct frame {
	char id[5];
	const unsigned char *body;
	size_t size;
	unsigned flags;
};

struct walk {
	struct frame *f;
	size_t n, alloc;
	size_t frames_len;   /* bytes of frames after the header */
	size_t padding;      /* zero bytes after the frames */
	int bad_padding;     /* a non-zero byte after the frames */
	int bad_id;          /* a frame ID that is not [A-Z0-9]{4} */
};

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t syncsafe(const unsigned char *p)
{
	return (uint32_t)p[0] << 21 | (uint32_t)p[1] << 14 | (uint32_t)p[2] << 7 | p[3];
}

static int id_char(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Walk the frames of the buffer [b, b + len) (header excluded): each frame
 * is a 10-byte header (ID, plain big-endian size, flags) and its body; a
 * zero byte where an ID would start is the padding.  Returns 0, or -1 when
 * a frame runs past the end. */
static int walk_frames(const unsigned char *b, size_t len, struct walk *w)
{
	size_t pos = 0;

	memset(w, 0, sizeof(*w));
	while (pos < len && b[pos] != 0) {
		struct frame *f;
		uint32_t size;

		if (pos + 10 > len)
			return -1;
		size = be32(b + pos + 4);
		if (size > len - pos - 10)
			return -1;
		XGROW(w->f, w->alloc, w->n + 1);
		f = &w->f[w->n++];
		memcpy(f->id, b + pos, 4);
		f->id[4] = '\0';
		for (int i = 0; i < 4; i++)
			w->bad_id |= !id_char(b[pos + (size_t)i]);
		f->flags = (unsigned)b[pos + 8] << 8 | b[pos + 9];
		f->body = b + pos + 10;
		f->size = size;
		pos += 10 + size;
	}
	w->frames_len = pos;
	for (; pos < len; pos++) {
		w->bad_padding |= b[pos] != 0;
		w->padding++;
	}
	return 0;
}

/* Check the tag header and walk its frames. */
static int walk_tag(const char *what, const struct sb *tag, struct walk *w)
{
	const unsigned char *b = (const unsigned char *)tag->buf;
	int ok;

	memset(w, 0, sizeof(*w));
	if (!CHECK(tag->len > 10, "%s: tag longer than its header (%zu bytes)", what, tag->len))
		return -1;
	CHECK(!memcmp(b, "ID3", 3), "%s: header starts with \"ID3\"", what);
	CHECK(b[3] == 3 && b[4] == 0, "%s: version 2.3.0 (got 2.%u.%u)", what, b[3], b[4]);
	CHECK(b[5] == 0, "%s: header flags 0 (got 0x%02x)", what, b[5]);
	CHECK(b[6] < 0x80 && b[7] < 0x80 && b[8] < 0x80 && b[9] < 0x80,
	      "%s: every size byte below 0x80 (syncsafe)", what);
	CHECK(syncsafe(b + 6) == tag->len - 10, "%s: syncsafe size %u is the length minus 10 (%zu)",
	      what, syncsafe(b + 6), tag->len - 10);
	ok = walk_frames(b + 10, tag->len - 10, w) == 0;
	CHECK(ok, "%s: every frame fits in the tag", what);
	if (!ok)
		return -1;
	CHECK(!w->bad_id, "%s: every frame ID is four of A-Z0-9", what);
	CHECK(!w->bad_padding, "%s: only zero bytes after the last frame", what);
	CHECK(w->padding == ID3_PADDING, "%s: %d bytes of padding (got %zu)", what, ID3_PADDING, w->padding);
	CHECK(tag->len == 10 + w->frames_len + ID3_PADDING, "%s: total = 10 + frames + padding", what);
	ok = 1;
	for (size_t i = 0; i < w->n; i++)
		ok &= w->f[i].flags == 0;
	CHECK(ok, "%s: every frame's flags are 0", what);
	return 0;
}

static void put_utf8(struct sb *sb, uint32_t cp)
{
	if (cp < 0x80) {
		sb_addch(sb, (int)cp);
	} else if (cp < 0x800) {
		sb_addch(sb, (int)(0xc0 | cp >> 6));
		sb_addch(sb, (int)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		sb_addch(sb, (int)(0xe0 | cp >> 12));
		sb_addch(sb, (int)(0x80 | (cp >> 6 & 0x3f)));
		sb_addch(sb, (int)(0x80 | (cp & 0x3f)));
	} else {
		sb_addch(sb, (int)(0xf0 | cp >> 18));
		sb_addch(sb, (int)(0x80 | (cp >> 12 & 0x3f)));
		sb_addch(sb, (int)(0x80 | (cp >> 6 & 0x3f)));
		sb_addch(sb, (int)(0x80 | (cp & 0x3f)));
	}
}

/* An ID3v2.3 string in encoding enc (0: ISO-8859-1; 1: UTF-16 with BOM)
 * as UTF-8, caller frees; NULL when malformed (odd length, no BOM, a lone
 * surrogate, a NUL inside). */
static char *decode(int enc, const unsigned char *p, size_t n)
{
	struct sb sb = SB_INIT;

	sb_grow(&sb, 0);
	sb.buf[0] = '\0';
	if (enc == 0) {
		for (size_t i = 0; i < n; i++) {
			if (!p[i])
				goto bad;
			put_utf8(&sb, p[i]);
		}
		return sb_detach(&sb, NULL);
	}
	if (enc != 1 || n < 2 || n % 2 || p[0] != 0xff || p[1] != 0xfe)
		goto bad;
	for (size_t i = 2; i < n; i += 2) {
		uint32_t u = (uint32_t)p[i] | (uint32_t)p[i + 1] << 8;

		if (!u)
			goto bad;
		if (u >= 0xd800 && u < 0xdc00) {
			uint32_t lo;

			if (i + 4 > n)
				goto bad;
			lo = (uint32_t)p[i + 2] | (uint32_t)p[i + 3] << 8;
			if (lo < 0xdc00 || lo >= 0xe000)
				goto bad;
			u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
			i += 2;
		} else if (u >= 0xdc00 && u < 0xe000) {
			goto bad;
		}
		put_utf8(&sb, u);
	}
	return sb_detach(&sb, NULL);
bad:
	sb_release(&sb);
	return NULL;
}

/* A text frame body (4.2): encoding byte, then the text. */
static void check_text_frame(const char *what, const struct frame *f, const char *id,
			     const char *want, int want_enc)
{
	char *got;

	CHECK(!strcmp(f->id, id), "%s: frame is %s (got %s)", what, id, f->id);
	if (!CHECK(f->size >= 1, "%s: %s has an encoding byte", what, id))
		return;
	CHECK(f->body[0] == want_enc, "%s: %s encoding %d (got %d)", what, id, want_enc, f->body[0]);
	if (want_enc == 1)
		CHECK(f->size >= 3 && f->body[1] == 0xff && f->body[2] == 0xfe,
		      "%s: %s UTF-16 text starts with the BOM FF FE", what, id);
	got = decode(f->body[0], f->body + 1, f->size - 1);
	CHECK(got && !strcmp(got, want), "%s: %s reads '%s' (got '%s')", what, id, want,
	      got ? got : "(malformed)");
	free(got);
}

static uint32_t ms_of(uint64_t sample)
{
	return (uint32_t)llround((double)sample * 1000.0 / RATE);
}

/* CHAP (Addendum 3): element ID, start/end ms, start/end offsets, then a
 * TIT2 sub-frame (encoding want_enc) that ends exactly where the CHAP
 * ends.  Returns 1, or 0 with the first difference in why. */
static int chap_ok(const struct frame *f, size_t k, const struct chapter *ch, int want_enc,
		   char *why, size_t whylen)
{
	char id[32];
	size_t idlen;
	const unsigned char *p = f->body, *end = f->body + f->size;
	struct walk sub;
	char *title;
	int ok = 0;

	snprintf(id, sizeof(id), "chp%zu", k);
	idlen = strlen(id) + 1;
	memset(&sub, 0, sizeof(sub));
	if (strcmp(f->id, "CHAP")) {
		snprintf(why, whylen, "frame is %s, not CHAP", f->id);
		return 0;
	}
	if (f->size < idlen + 16 || memcmp(p, id, idlen)) {
		snprintf(why, whylen, "element ID is not %s", id);
		return 0;
	}
	p += idlen;
	if (be32(p) != ms_of(ch->start_sample) || be32(p + 4) != ms_of(ch->end_sample)) {
		snprintf(why, whylen, "%s is %u..%u ms, want %u..%u", id, be32(p), be32(p + 4),
			 ms_of(ch->start_sample), ms_of(ch->end_sample));
		return 0;
	}
	if (be32(p + 8) != 0xffffffffu || be32(p + 12) != 0xffffffffu) {
		snprintf(why, whylen, "%s byte offsets are not 0xFFFFFFFF", id);
		return 0;
	}
	p += 16;
	if (walk_frames(p, (size_t)(end - p), &sub) < 0 || sub.padding || sub.frames_len != (size_t)(end - p)) {
		snprintf(why, whylen, "%s sub-frames do not end exactly at the end of the CHAP", id);
		goto out;
	}
	if (sub.n != 1 || strcmp(sub.f[0].id, "TIT2") || sub.f[0].size < 1) {
		snprintf(why, whylen, "%s does not hold exactly one TIT2 sub-frame", id);
		goto out;
	}
	if (sub.f[0].body[0] != want_enc) {
		snprintf(why, whylen, "%s TIT2 encoding is %d, want %d", id, sub.f[0].body[0], want_enc);
		goto out;
	}
	title = decode(sub.f[0].body[0], sub.f[0].body + 1, sub.f[0].size - 1);
	if (!title || strcmp(title, ch->title)) {
		snprintf(why, whylen, "%s TIT2 reads '%s', want '%s'", id, title ? title : "(malformed)",
			 ch->title);
		free(title);
		goto out;
	}
	free(title);
	snprintf(why, whylen, "%s", id);
	ok = 1;
out:
	free(sub.f);
	return ok;
}

/* CTOC (Addendum 4): element ID, flags, entry count, the children's IDs;
 * no sub-frames here.  Children are copied into kids[]. */
static void check_ctoc(const char *what, const struct frame *f, const char *want_id,
		       unsigned want_flags, char (*kids)[16], size_t max_kids, size_t *nkids)
{
	const unsigned char *p = f->body, *end = f->body + f->size;
	size_t idlen = strlen(want_id) + 1, count;

	*nkids = 0;
	if (!CHECK(!strcmp(f->id, "CTOC"), "%s: frame is CTOC (got %s)", what, f->id))
		return;
	if (!CHECK(f->size >= idlen + 2, "%s: CTOC %s long enough", what, want_id))
		return;
	CHECK(!memcmp(p, want_id, idlen), "%s: CTOC element ID is '%s' (got '%.*s')", what, want_id,
	      (int)strnlen((const char *)p, f->size), (const char *)p);
	p += idlen;
	CHECK(p[0] == want_flags, "%s: CTOC %s flags 0x%02x (got 0x%02x)", what, want_id, want_flags, p[0]);
	count = p[1];
	p += 2;
	while (p < end && *nkids < max_kids) {
		const unsigned char *nul = memchr(p, 0, (size_t)(end - p));

		if (!nul || nul - p >= 16)
			break;
		memcpy(kids[*nkids], p, (size_t)(nul - p) + 1);
		(*nkids)++;
		p = nul + 1;
	}
	CHECK(p == end, "%s: CTOC %s is its children and nothing else", what, want_id);
	CHECK(count == *nkids, "%s: CTOC %s entry count %zu matches its %zu children", what, want_id,
	      count, *nkids);
	CHECK(*nkids <= ID3_CTOC_MAX, "%s: CTOC %s lists at most %d entries", what, want_id, ID3_CTOC_MAX);
}

static void check_order(const char *what, const struct walk *w, const char *const *ids, size_t n)
{
	int same = w->n >= n;

	for (size_t i = 0; same && i < n; i++)
		same = !strcmp(w->f[i].id, ids[i]);
	CHECK(same, "%s: frames start %s ... %s in order", what, ids[0], ids[n - 1]);
	if (!same)
		for (size_t i = 0; i < w->n; i++)
			printf("#   frame %zu: %s (%zu bytes)\n", i, w->f[i].id, w->f[i].size);
}

static void add_chapter(struct episode *ep, const char *title, uint64_t start, uint64_t end)
{
	struct chapter *ch;

	XGROW(ep->chapters, ep->chapters_alloc, ep->nchapters + 1);
	ch = &ep->chapters[ep->nchapters++];
	memset(ch, 0, sizeof(*ch));
	ch->title = xstrdup(title);
	ch->start_sample = start;
	ch->end_sample = end;
}

#define CAFE "Caf\xc3\xa9 stories"
#define NAIVE "Na\xc3\xafve questions \xe2\x80\x94 and answers?"
#define MIC "Mic check \xf0\x9f\x8e\x99"

static void test_tag(void)
{
	static const char *const order[] = {
		"TIT2", "TPE1", "TALB", "TCON", "TYER", "TLEN", "COMM", "CTOC",
		"CHAP", "CHAP", "CHAP", "CHAP", "CHAP",
	};
	static const uint64_t starts[] = { 0, 1234567, 2646000, 3000022, 4000023 };
	static const int encs[] = { 0, 0, 1, 1, 0 };
	struct episode *ep = episode_new();
	struct id3_meta m = {
		"Episode 7: Caf\xc3\xa9 Stories", "Jane Roe", "The Show", "Podcast", "2024",
		"Made with colloquy \xe2\x9c\x93", 0,
	};
	struct sb tag = SB_INIT;
	struct walk w;
	char kids[8][16];
	size_t nkids;
	char len[16];
	char why[200];

	ep->title = xstrdup("Episode 7");
	episode_add_segment(ep, ROLE_TITLE, "host", "Episode 7", 1);
	episode_add_segment(ep, ROLE_QUESTION, "host", CAFE, 2);
	episode_add_segment(ep, ROLE_ANSWER, "guest", "Yes.", 3);
	episode_add_segment(ep, ROLE_QUESTION, "host", NAIVE, 4);
	episode_add_segment(ep, ROLE_ANSWER, "guest", "Indeed.", 5);
	episode_add_segment(ep, ROLE_QUESTION, "host", MIC, 6);
	episode_add_segment(ep, ROLE_ANSWER, "guest", "Loud and clear.", 7);
	episode_add_segment(ep, ROLE_OUTRO, "host", "Thanks.", 8);
	split_make_chapters(ep);
	if (!CHECK(ep->nchapters == 5, "five chapters from split_make_chapters() (got %zu)", ep->nchapters)) {
		episode_free(ep);
		return;
	}
	ep->rate_hz = RATE;
	ep->nsamples = 4410023;
	for (size_t k = 0; k < 5; k++) {
		ep->chapters[k].start_sample = starts[k];
		ep->chapters[k].end_sample = k + 1 < 5 ? starts[k + 1] : ep->nsamples;
	}
	m.length_ms = episode_ms(ep, ep->nsamples);
	CHECK(m.length_ms == 100001 && m.length_ms == ms_of(ep->nsamples),
	      "episode_ms() rounds 4410023 samples to 100001 ms (got %u)", m.length_ms);

	id3_write(ep, &m, &tag);
	if (walk_tag("tag", &tag, &w) < 0)
		goto out;
	check_order("tag", &w, order, sizeof(order) / sizeof(order[0]));
	CHECK(w.n == sizeof(order) / sizeof(order[0]), "tag: %zu frames (got %zu)",
	      sizeof(order) / sizeof(order[0]), w.n);
	if (w.n != sizeof(order) / sizeof(order[0]))
		goto out;

	check_text_frame("tag", &w.f[0], "TIT2", m.title, 0);
	CHECK(memchr(w.f[0].body, 0xe9, w.f[0].size) != NULL, "tag: TIT2 carries U+00E9 as the byte 0xE9");
	check_text_frame("tag", &w.f[1], "TPE1", m.artist, 0);
	check_text_frame("tag", &w.f[2], "TALB", m.album, 0);
	check_text_frame("tag", &w.f[3], "TCON", m.genre, 0);
	check_text_frame("tag", &w.f[4], "TYER", m.year, 0);
	snprintf(len, sizeof(len), "%u", m.length_ms);
	check_text_frame("tag", &w.f[5], "TLEN", len, 0);

	/* COMM (4.11): encoding, "eng", empty description, the text; with
	 * encoding 1 each string has its own BOM. */
	{
		const struct frame *f = &w.f[6];
		char *text;

		CHECK(f->size > 10 && f->body[0] == 1, "tag: COMM with U+2713 uses encoding 1");
		CHECK(f->size > 10 && !memcmp(f->body + 1, "eng", 3), "tag: COMM language 'eng'");
		CHECK(f->size > 10 && !memcmp(f->body + 4, "\xff\xfe\0\0", 4),
		      "tag: COMM description is empty: BOM and a two-byte NUL");
		text = f->size > 8 ? decode(1, f->body + 8, f->size - 8) : NULL;
		CHECK(text && !strcmp(text, m.comment), "tag: COMM text reads '%s' (got '%s')", m.comment,
		      text ? text : "(malformed)");
		free(text);
	}

	check_ctoc("tag", &w.f[7], "toc", 0x03, kids, 8, &nkids);
	CHECK(nkids == 5, "tag: CTOC lists five chapters (got %zu)", nkids);
	for (size_t k = 0; k < nkids; k++) {
		char id[32];
		snprintf(id, sizeof(id), "chp%zu", k);
		CHECK_STR(kids[k], id, "tag: CTOC child");
	}
	for (size_t k = 0; k < 5; k++)
		CHECK(chap_ok(&w.f[8 + k], k, &ep->chapters[k], encs[k], why, sizeof(why)),
		      "tag: CHAP %zu: id, ms times, offsets, TIT2 '%s' (%s)", k, ep->chapters[k].title, why);

	/* U+1F399 in UTF-16LE is the surrogate pair D83C DF99. */
	{
		const struct frame *f = &w.f[8 + 3];
		int found = 0;
		for (size_t i = 0; i + 4 <= f->size; i++)
			found |= !memcmp(f->body + i, "\x3c\xd8\x99\xdf", 4);
		CHECK(found, "tag: a character beyond U+FFFF is written as a surrogate pair");
	}
	CHECK(ms_of(1234567) == 27995 && ms_of(22) == 0 && ms_of(23) == 1, "rounding in ms_of() as expected");

out:
	free(w.f);
	sb_release(&tag);

	/* No year, no comment: those frames are left out. */
	{
		static const char *const short_order[] = { "TIT2", "TPE1", "TALB", "TCON", "TLEN", "CTOC", "CHAP" };
		struct sb t2 = SB_INIT;

		m.year = NULL;
		m.comment = NULL;
		id3_write(ep, &m, &t2);
		if (walk_tag("tag without year and comment", &t2, &w) == 0) {
			check_order("tag without year and comment", &w, short_order,
				    sizeof(short_order) / sizeof(short_order[0]));
			CHECK(w.n == 11, "tag without year and comment: 11 frames (got %zu)", w.n);
		}
		free(w.f);
		sb_release(&t2);
	}

	/* Appending: the tag goes after what the buffer already holds. */
	{
		struct sb t3 = SB_INIT;

		sb_addstr(&t3, "xyz");
		id3_write(ep, &m, &t3);
		CHECK(t3.len > 13 && !memcmp(t3.buf, "xyzID3", 6), "id3_write() appends to the buffer");
		sb_release(&t3);
	}
	episode_free(ep);
}

static void test_no_chapters(void)
{
	struct episode *ep = episode_new();
	struct id3_meta m = { "Solo", "Me", "Album", "Podcast", NULL, NULL, 1500 };
	struct sb tag = SB_INIT;
	struct walk w;

	ep->rate_hz = RATE;
	id3_write(ep, &m, &tag);
	if (walk_tag("no chapters", &tag, &w) == 0) {
		CHECK(w.n == 5, "no chapters: five text frames (got %zu)", w.n);
		for (size_t i = 0; i < w.n; i++)
			CHECK(strcmp(w.f[i].id, "CTOC") && strcmp(w.f[i].id, "CHAP"),
			      "no chapters: frame %zu is no chapter frame (%s)", i, w.f[i].id);
		if (w.n == 5)
			check_text_frame("no chapters", &w.f[4], "TLEN", "1500", 0);
	}
	free(w.f);
	sb_release(&tag);
	episode_free(ep);
}

/* More chapters than one CTOC can count: a top-level table of sub-tables. */
static void test_many_chapters(size_t n)
{
	struct episode *ep = episode_new();
	struct id3_meta m = { "Long", "Me", "Album", "Podcast", NULL, NULL, 0 };
	struct sb tag = SB_INIT;
	struct walk w;
	char what[64];
	char (*kids)[16] = xcalloc(n + 8, 16);
	char top[8][16];
	size_t ntop = 0, nleaf = 0, ntoc = (n + ID3_CTOC_MAX - 1) / ID3_CTOC_MAX, pos;
	int leaves_ok = 1, chaps_ok = 1;
	char why[200] = "";

	snprintf(what, sizeof(what), "%zu chapters", n);
	ep->rate_hz = RATE;
	ep->nsamples = (uint64_t)n * 10 * RATE;
	for (size_t k = 0; k < n; k++) {
		char title[32];
		snprintf(title, sizeof(title), "Chapter %zu", k + 1);
		add_chapter(ep, title, (uint64_t)k * 10 * RATE, (uint64_t)(k + 1) * 10 * RATE);
	}
	m.length_ms = episode_ms(ep, ep->nsamples);
	id3_write(ep, &m, &tag);
	if (walk_tag(what, &tag, &w) < 0)
		goto out;
	pos = 5;	/* TIT2 TPE1 TALB TCON TLEN */
	if (!CHECK(w.n == pos + (n > ID3_CTOC_MAX ? 1 + ntoc : 1) + n, "%s: frame count (got %zu)", what, w.n))
		goto out;
	if (n <= ID3_CTOC_MAX) {
		check_ctoc(what, &w.f[pos++], "toc", 0x03, kids, n + 8, &nleaf);
	} else {
		check_ctoc(what, &w.f[pos++], "toc", 0x02 | 0x01, top, 8, &ntop);
		CHECK(ntop == ntoc, "%s: top-level CTOC lists %zu sub-tables (got %zu)", what, ntoc, ntop);
		for (size_t t = 0; t < ntop; t++) {
			char id[32];
			size_t got;

			snprintf(id, sizeof(id), "toc%zu", t);
			CHECK_STR(top[t], id, "sub-table ID");
			check_ctoc(what, &w.f[pos++], id, 0x01, kids + nleaf, n + 8 - nleaf, &got);
			CHECK(got == (t + 1 < ntop ? (size_t)ID3_CTOC_MAX : n - t * ID3_CTOC_MAX),
			      "%s: sub-table %zu lists %zu chapters", what, t, got);
			nleaf += got;
		}
	}
	CHECK(nleaf == n, "%s: the tables list every chapter (got %zu)", what, nleaf);
	for (size_t k = 0; k < nleaf && k < n; k++) {
		char id[32];
		snprintf(id, sizeof(id), "chp%zu", k);
		leaves_ok &= !strcmp(kids[k], id);
	}
	CHECK(leaves_ok, "%s: the tables list chp0..chp%zu once each, in order", what, n - 1);
	for (size_t k = 0; k < n && chaps_ok; k++)
		chaps_ok = chap_ok(&w.f[pos + k], k, &ep->chapters[k], 0, why, sizeof(why));
	CHECK(chaps_ok, "%s: every CHAP has its id, ms times, offsets and TIT2 (%s)", what, why);
out:
	free(w.f);
	free(kids);
	sb_release(&tag);
	episode_free(ep);
}

int main(void)
{
	/* Lines whole, in order with the library's messages on stderr. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_tag();
	test_no_chapters();
	test_many_chapters(255);
	test_many_chapters(256);
	test_many_chapters(300);
	return tap_done();
}
