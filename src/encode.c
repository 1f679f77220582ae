/* encode.c -- see encode.h. */
#include "encode.h"

#include <lame/lame.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define ENC_BLOCK 8192

struct enc {
	lame_global_flags *gfp;
	struct sb out;
	int finished;
};

static const char *lame_reason(int code)
{
	switch (code) {
	case -1: return "output buffer too small";
	case -2: return "out of memory";
	case -3: return "encoder parameters not initialised";
	case -4: return "psycho-acoustic problem";
	default: return "encoder failure";
	}
}

static lame_global_flags *configure(unsigned rate_hz, unsigned kbps, int vbr_quality)
{
	lame_global_flags *g = lame_init();

	if (!g)
		return NULL;
	lame_set_num_channels(g, 1);
	lame_set_mode(g, MONO);
	lame_set_in_samplerate(g, (int)rate_hz);
	lame_set_out_samplerate(g, (int)rate_hz);
	/* LAME's middle setting: its slower searches buy nothing audible in
	 * synthetic speech at podcast bit rates. */
	lame_set_quality(g, 5);
	if (vbr_quality >= 0) {
		lame_set_VBR(g, vbr_default);
		lame_set_VBR_quality(g, (float)vbr_quality);
	} else {
		lame_set_VBR(g, vbr_off);
		lame_set_brate(g, (int)kbps);
	}
	/* Only id3.c writes tags; LAME writes the Xing/Info frame. */
	lame_set_write_id3tag_automatic(g, 0);
	lame_set_bWriteVbrTag(g, 1);
	if (lame_init_params(g) < 0) {
		lame_close(g);
		return NULL;
	}
	return g;
}

/* A CBR Info frame is as big as every other frame, and LAME leaves it out
 * when that is too small for the LAME tag (low bit rates at a given sample
 * rate).  Encoding one frame of silence tells whether it fits. */
static int info_frame_fits(unsigned rate_hz, unsigned kbps)
{
	static const float silence[1152];
	unsigned char buf[16384];
	lame_global_flags *g = configure(rate_hz, kbps, -1);
	int fits = 0;

	if (!g)
		return 0;
	if (lame_encode_buffer_ieee_float(g, silence, silence, 1152, buf, sizeof(buf)) >= 0 &&
	    lame_encode_flush(g, buf, sizeof(buf)) >= 0)
		fits = lame_get_lametag_frame(g, buf, sizeof(buf)) > 0;
	lame_close(g);
	return fits;
}

double enc_level_db(unsigned rate_hz, unsigned kbps, int vbr_quality)
{
	const size_t n = 2 * (size_t)rate_hz;
	float *tone = xmalloc(n * sizeof(*tone));
	short *left = xmalloc((n + 8192) * sizeof(*left)), *right = xmalloc((n + 8192) * sizeof(*right));
	struct sb mp3 = SB_INIT;
	lame_global_flags *g = configure(rate_hz, kbps, vbr_quality);
	hip_t hip = hip_decode_init();
	double in = 0, out = 0, db = 0;
	int got;

	for (size_t i = 0; i < n; i++)
		tone[i] = 0.25f * (float)sin(2 * 3.14159265358979 * 1000.0 * (double)i / rate_hz);
	if (!g || !hip)
		goto out;
	sb_grow(&mp3, n * 5 / 4 + 14400);
	got = lame_encode_buffer_ieee_float(g, tone, tone, (int)n, (unsigned char *)mp3.buf, (int)mp3.alloc);
	if (got < 0)
		goto out;
	mp3.len = (size_t)got;
	got = lame_encode_flush(g, (unsigned char *)mp3.buf + mp3.len, (int)(mp3.alloc - mp3.len));
	if (got < 0)
		goto out;
	mp3.len += (size_t)got;
	/* hip_decode1() returns a frame at a time: the bytes go in once, the
	 * frames come out until it has none left. */
	{
		size_t done = 0, feed_len = mp3.len;
		unsigned char *feed = (unsigned char *)mp3.buf;
		int idle = 0;

		/* a frame can give no samples (the Info frame does): stop after
		 * a few such calls in a row */
		while (done + 1152 <= n + 8192 &&
		       (got = hip_decode1(hip, feed, feed_len, left + done, right + done)) >= 0) {
			feed_len = 0;
			done += (size_t)got;
			idle = got ? 0 : idle + 1;
			if (idle > 2)
				break;
		}
		/* the middle second, far from the encoder's delay at either end */
		if (done < rate_hz + rate_hz / 2)
			goto out;
	}
	for (size_t i = rate_hz / 2; i < rate_hz + rate_hz / 2; i++) {
		in += (double)tone[i] * tone[i];
		out += (double)left[i] / 32768 * left[i] / 32768;
	}
	db = 10 * log10(out / in);
out:
	if (hip)
		hip_decode_exit(hip);
	if (g)
		lame_close(g);
	sb_release(&mp3);
	free(tone);
	free(left);
	free(right);
	return db;
}

static unsigned least_kbps_for_info(unsigned rate_hz)
{
	static const unsigned kbps[] = { 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160 };

	for (size_t i = 0; i < sizeof(kbps) / sizeof(kbps[0]); i++)
		if (info_frame_fits(rate_hz, kbps[i]))
			return kbps[i];
	return 0;
}

struct enc *enc_new(unsigned rate_hz, unsigned kbps, int vbr_quality)
{
	struct enc *e;

	if (vbr_quality < 0 && !info_frame_fits(rate_hz, kbps)) {
		error("%u kbit/s at %u Hz leaves no room for the Info frame that gives players "
		      "the exact duration; use --bitrate %u or more", kbps, rate_hz,
		      least_kbps_for_info(rate_hz));
		return NULL;
	}
	e = xcalloc(1, sizeof(*e));
	e->gfp = configure(rate_hz, kbps, vbr_quality);
	if (!e->gfp) {
		free(e);
		error("the MP3 encoder rejects %u Hz at %u kbit/s", rate_hz, kbps);
		return NULL;
	}
	return e;
}

int enc_write(struct enc *e, const float *pcm, size_t nsamples)
{
	while (nsamples) {
		int n = nsamples > ENC_BLOCK ? ENC_BLOCK : (int)nsamples;
		/* lame.h: worst case 1.25 * nsamples + 7200 bytes */
		size_t cap = (size_t)n * 5 / 4 + 7200;
		int got;

		sb_grow(&e->out, cap);
		got = lame_encode_buffer_ieee_float(e->gfp, pcm, pcm, n,
						    (unsigned char *)e->out.buf + e->out.len, (int)cap);
		if (got < 0)
			return error("MP3 encoding failed: %s", lame_reason(got));
		e->out.len += (size_t)got;
		pcm += n;
		nsamples -= (size_t)n;
	}
	return 0;
}

int enc_finish(struct enc *e)
{
	unsigned char tag[2880];
	size_t taglen;
	int got;

	if (e->finished)
		return 0;
	sb_grow(&e->out, 7200);
	got = lame_encode_flush(e->gfp, (unsigned char *)e->out.buf + e->out.len, 7200);
	if (got < 0)
		return error("MP3 encoding failed: %s", lame_reason(got));
	e->out.len += (size_t)got;
	/* LAME left an empty frame first; its final Info frame goes there. */
	taglen = lame_get_lametag_frame(e->gfp, tag, sizeof(tag));
	if (taglen == 0 || taglen > sizeof(tag) || taglen > e->out.len)
		return error("the MP3 encoder gave no Info frame");
	memcpy(e->out.buf, tag, taglen);
	e->finished = 1;
	return 0;
}

int enc_decode(const struct enc *e, int16_t **pcm, size_t *nsamples)
{
	hip_t hip = hip_decode_init();
	size_t cap = (size_t)lame_get_totalframes(e->gfp) * 1152 + 4608, done = 0;
	short *left, *right;
	unsigned char *feed = (unsigned char *)e->out.buf;
	size_t feed_len = e->out.len;
	int got, idle = 0;

	if (!hip)
		return error("cannot start the MP3 decoder");
	left = xmalloc(cap * sizeof(*left));
	right = xmalloc(1152 * 2 * sizeof(*right));
	/* hip_decode1() gives a frame at a time; a frame can give no samples
	 * (the Info frame does) */
	while (done + 1152 <= cap && (got = hip_decode1(hip, feed, feed_len, left + done, right)) >= 0) {
		feed_len = 0;
		done += (size_t)got;
		idle = got ? 0 : idle + 1;
		if (idle > 2)
			break;
	}
	hip_decode_exit(hip);
	free(right);
	*pcm = left;
	*nsamples = done;
	return 0;
}

const unsigned char *enc_bytes(const struct enc *e, size_t *len)
{
	*len = e->out.len;
	return (const unsigned char *)e->out.buf;
}

void enc_free(struct enc *e)
{
	if (!e)
		return;
	lame_close(e->gfp);
	sb_release(&e->out);
	free(e);
}
