/* encode.c -- see encode.h. */
#include "encode.h"

#include <lame/lame.h>
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

struct enc *enc_new(unsigned rate_hz, unsigned kbps, int vbr_quality)
{
	struct enc *e = xcalloc(1, sizeof(*e));

	e->gfp = lame_init();
	if (!e->gfp) {
		free(e);
		error("cannot start the MP3 encoder");
		return NULL;
	}
	lame_set_num_channels(e->gfp, 1);
	lame_set_mode(e->gfp, MONO);
	lame_set_in_samplerate(e->gfp, (int)rate_hz);
	lame_set_out_samplerate(e->gfp, (int)rate_hz);
	/* LAME's middle setting: its slower searches buy nothing audible in
	 * synthetic speech at podcast bit rates. */
	lame_set_quality(e->gfp, 5);
	if (vbr_quality >= 0) {
		lame_set_VBR(e->gfp, vbr_default);
		lame_set_VBR_quality(e->gfp, (float)vbr_quality);
	} else {
		lame_set_VBR(e->gfp, vbr_off);
		lame_set_brate(e->gfp, (int)kbps);
	}
	/* Only id3.c writes tags; LAME writes the Xing/Info frame. */
	lame_set_write_id3tag_automatic(e->gfp, 0);
	lame_set_bWriteVbrTag(e->gfp, 1);
	if (lame_init_params(e->gfp) < 0) {
		lame_close(e->gfp);
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
