/* test_encode.c -- chunked encoding against LAME's own single stream: the
 * same samples encoded as one chunk must give LAME's frames and LAME's Info
 * frame (all but the seek table, which LAME samples more coarsely), and
 * chunks must fill exactly the spans they are given. */
#include <lame/lame.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "encode.h"
#include "tap.h"
#include "util.h"

static float *speechlike(size_t n, unsigned rate)
{
	float *x = xmalloc(n * sizeof(*x));

	for (size_t i = 0; i < n; i++) {
		double t = (double)i / rate;
		/* a warbling tone that comes and goes */
		x[i] = (float)(0.3 * sin(2 * M_PI * (180 + 40 * sin(t * 3)) * t) *
			       (0.5 + 0.5 * sin(t * 2.1)));
	}
	return x;
}

/* LAME's own stream, Info frame first. */
static void lame_stream(unsigned rate, unsigned kbps, int vbr, const float *x, size_t n, struct sb *out)
{
	lame_global_flags *g = lame_init();
	unsigned char tag[ENC_MAX_FRAME];
	size_t len;

	lame_set_num_channels(g, 1);
	lame_set_mode(g, MONO);
	lame_set_in_samplerate(g, (int)rate);
	lame_set_out_samplerate(g, (int)rate);
	lame_set_quality(g, 7);   /* as encode.c */
	if (vbr >= 0) {
		lame_set_VBR(g, vbr_default);
		lame_set_VBR_quality(g, (float)vbr);
	} else {
		lame_set_brate(g, (int)kbps);
	}
	lame_set_write_id3tag_automatic(g, 0);
	lame_set_bWriteVbrTag(g, 1);
	lame_init_params(g);
	sb_grow(out, n * 2 + 20000);
	out->len = (size_t)lame_encode_buffer_ieee_float(g, x, x, (int)n, (unsigned char *)out->buf,
							 (int)out->alloc);
	out->len += (size_t)lame_encode_flush(g, (unsigned char *)out->buf + out->len, 7200);
	len = lame_get_lametag_frame(g, tag, sizeof(tag));
	memcpy(out->buf, tag, len);
	lame_close(g);
}

static void one_chunk(unsigned rate, unsigned kbps, int vbr)
{
	struct enc_format f;
	size_t n = rate * 3 + 123;
	float *x = speechlike(n, rate);
	struct sb ours = SB_INIT, theirs = SB_INIT;
	unsigned padding;
	uint64_t toc[100];
	uint32_t nframes = 0;
	unsigned char info[ENC_MAX_FRAME];
	size_t at = 0, tag;
	const char *what = vbr >= 0 ? "VBR" : "CBR";

	if (!CHECK(enc_format_init(&f, rate, kbps, vbr) == 0, "%u Hz %s: format", rate, what))
		return;
	tag = f.tag_at;
	CHECK(enc_chunk(&f, x, n, &ours, &padding) == 0, "%u Hz %s: one chunk encodes", rate, what);
	lame_stream(rate, kbps, vbr, x, n, &theirs);
	CHECK(ours.len + f.info_len == theirs.len &&
	      !memcmp(ours.buf, theirs.buf + f.info_len, ours.len),
	      "%u Hz %s: the chunk's frames are LAME's frames (%zu + %zu bytes vs %zu)", rate, what,
	      f.info_len, ours.len, theirs.len);
	{
		size_t count;
		at = enc_frames((unsigned char *)ours.buf, ours.len, &count);
		nframes = (uint32_t)count;
	}
	CHECK(at == ours.len, "%u Hz %s: enc_frame_len() walks every frame", rate, what);
	CHECK((uint64_t)nframes * f.frame_samples == f.delay + n + padding,
	      "%u Hz %s: frames hold delay + samples + padding", rate, what);
	for (int i = 0; i < 100; i++) {
		uint32_t want = (uint32_t)((uint64_t)i * nframes / 100), k = 0;
		at = 0;
		while (k < want) {
			at += enc_frame_len((unsigned char *)ours.buf + at, ours.len - at);
			k++;
		}
		toc[i] = at;
	}
	enc_info_frame(&f, nframes, ours.len, enc_crc16(0, (unsigned char *)ours.buf, ours.len), padding,
		       toc, info);
	CHECK(!memcmp(info, theirs.buf, tag + 16) &&
	      !memcmp(info + tag + 116, theirs.buf + tag + 116, 38),
	      "%u Hz %s: the Info frame is LAME's, byte for byte, to the tag's CRC but for the seek "
	      "table", rate, what);
	{
		/* with LAME's seek table, the tag's CRC is LAME's */
		uint16_t crc;

		memcpy(info + tag + 16, theirs.buf + tag + 16, 100);
		crc = enc_crc16(0, info, tag + 154);
		CHECK((crc >> 8) == (unsigned char)theirs.buf[tag + 154] &&
		      (crc & 255) == (unsigned char)theirs.buf[tag + 155],
		      "%u Hz %s: the tag's CRC covers what LAME's does", rate, what);
	}
	if (getenv("TEST_ENCODE_DIFF"))
		for (size_t i = 0; i < f.info_len; i++)
			if (info[i] != (unsigned char)theirs.buf[i])
				printf("# %zu (tag+%d): ours %02x LAME %02x\n", i, (int)(i - tag), info[i],
				       (unsigned char)theirs.buf[i]);
	{
		int close = 1;
		for (int i = 0; i < 100; i++)
			close &= abs((int)info[tag + 16 + i] - (int)(unsigned char)theirs.buf[tag + 16 + i]) <= 3;
		CHECK(close, "%u Hz %s: the seek table is within 3/256 of LAME's", rate, what);
	}
	free(x);
	sb_release(&ours);
	sb_release(&theirs);
}

static void spans(unsigned rate)
{
	struct enc_format f;
	int ok = 1;

	if (enc_format_init(&f, rate, 64, -1) < 0)
		return;
	for (uint64_t frames = 3; frames < 40; frames += 7) {
		uint64_t span = frames * f.frame_samples;
		size_t n = enc_chunk_samples(&f, span);
		float *x = speechlike(n, rate);
		struct sb out = SB_INIT;
		unsigned padding;
		size_t at, count;

		ok &= enc_chunk(&f, x, n, &out, &padding) == 0;
		at = enc_frames((unsigned char *)out.buf, out.len, &count);
		ok &= at == out.len && count == frames && f.delay + n + padding == span;
		free(x);
		sb_release(&out);
	}
	CHECK(ok, "%u Hz: a chunk of enc_chunk_samples(span) fills span exactly", rate);
}

int main(void)
{
	struct enc_format f;

	one_chunk(44100, 64, -1);
	one_chunk(22050, 64, -1);
	one_chunk(44100, 0, 4);
	spans(44100);
	spans(22050);
	spans(16000);
	CHECK(enc_format_init(&f, 44100, 32, -1) < 0, "32 kbit/s at 44.1 kHz is refused (no room for the Info frame)");
	{
		static const unsigned char check[] = "123456789";
		CHECK(enc_crc16(0, check, 9) == 0xbb3d, "CRC-16 of '123456789' is 0xBB3D (CRC-16/ARC)");
	}
	return tap_done();
}
