/* encode.c -- see encode.h. */
#include "encode.h"

#include <lame/lame.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define ENC_BLOCK 8192
#define ENC_QUALITY 7

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
	/* LAME's fast setting (7): its slower noise-shaping searches buy
	 * nothing audible in synthetic mono speech at podcast bit rates, and
	 * cost more than half the encoding time. */
	lame_set_quality(g, ENC_QUALITY);
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

/* The bit rates a frame header can give (ISO 11172-3 and 13818-3): MPEG-1
 * at 32 kHz and above, MPEG-2 at 16 to 24 kHz, MPEG 2.5 below.  Any other
 * would be rounded by the encoder without a word. */
static const unsigned *kbps_table(unsigned rate_hz)
{
	static const unsigned mpeg1[] = { 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0 };
	static const unsigned mpeg2[] = { 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0 };
	static const unsigned mpeg25[] = { 8, 16, 24, 32, 40, 48, 56, 64, 0 };

	return rate_hz >= 32000 ? mpeg1 : rate_hz >= 16000 ? mpeg2 : mpeg25;
}

static int standard_kbps(unsigned rate_hz, unsigned kbps)
{
	for (const unsigned *k = kbps_table(rate_hz); *k; k++)
		if (*k == kbps)
			return 1;
	return 0;
}

int enc_format_init(struct enc_format *f, unsigned rate_hz, unsigned kbps, int vbr_quality)
{
	static const float silence[1152];
	unsigned char buf[16384];
	lame_global_flags *g;
	size_t len;

	memset(f, 0, sizeof(*f));
	f->rate_hz = rate_hz;
	f->kbps = kbps;
	f->vbr_quality = vbr_quality;
	if (vbr_quality < 0 && !standard_kbps(rate_hz, kbps)) {
		struct sb list = SB_INIT;
		const unsigned *k = kbps_table(rate_hz);

		for (; *k; k++)
			sb_addf(&list, "%s%u", list.len ? ", " : "", *k);
		error("%u kbit/s is not an MP3 bit rate at %u Hz; the bit rates there are %s", kbps, rate_hz,
		      list.buf);
		sb_release(&list);
		return -1;
	}
	if (vbr_quality < 0 && !info_frame_fits(rate_hz, kbps))
		return error("%u kbit/s at %u Hz leaves no room for the Info frame that gives players "
			     "the exact duration; use --bitrate %u or more", kbps, rate_hz,
			     least_kbps_for_info(rate_hz));
	g = configure(rate_hz, kbps, vbr_quality);
	if (!g)
		return error("the MP3 encoder rejects %u Hz at %u kbit/s", rate_hz, kbps);
	f->frame_samples = (unsigned)lame_get_framesize(g);
	f->delay = (unsigned)lame_get_encoder_delay(g);
	if (lame_encode_buffer_ieee_float(g, silence, silence, 1152, buf, sizeof(buf)) < 0 ||
	    lame_encode_flush(g, buf, sizeof(buf)) < 0)
		len = 0;
	else
		len = lame_get_lametag_frame(g, f->info, sizeof(f->info));
	lame_close(g);
	if (len < 4 || len > sizeof(f->info))
		return error("the MP3 encoder gives no Info frame at %u Hz", rate_hz);
	f->info_len = len;
	/* the tag follows the side information: 17 bytes for MPEG-1 mono, 9
	 * for MPEG-2 and 2.5 */
	f->tag_at = 4 + (f->frame_samples == 1152 ? 17 : 9);
	if (f->tag_at + 156 > len || (memcmp(f->info + f->tag_at, "Info", 4) &&
				      memcmp(f->info + f->tag_at, "Xing", 4)))
		return error("the MP3 encoder's Info frame is not one colloquy knows");
	return 0;
}

/* LAME pads a stream to whole frames with at least 576 samples (its MDCT
 * overlap); a chunk that leaves exactly that fills its span. */
size_t enc_chunk_samples(const struct enc_format *f, uint64_t span)
{
	return (size_t)(span - f->delay - ENC_MIN_PADDING);
}

int enc_chunk(const struct enc_format *f, const float *pcm, size_t n, struct sb *out,
	      unsigned *padding)
{
	lame_global_flags *g = configure(f->rate_hz, f->kbps, f->vbr_quality);
	size_t start = out->len, first;
	int got;

	if (!g)
		return error("the MP3 encoder rejects %u Hz at %u kbit/s", f->rate_hz, f->kbps);
	while (n) {
		int m = n > ENC_BLOCK ? ENC_BLOCK : (int)n;
		/* lame.h: worst case 1.25 * nsamples + 7200 bytes */
		size_t cap = (size_t)m * 5 / 4 + 7200;

		sb_grow(out, cap);
		got = lame_encode_buffer_ieee_float(g, pcm, pcm, m, (unsigned char *)out->buf + out->len,
						    (int)cap);
		if (got < 0)
			goto fail;
		out->len += (size_t)got;
		pcm += m;
		n -= (size_t)m;
	}
	sb_grow(out, 7200);
	got = lame_encode_flush(g, (unsigned char *)out->buf + out->len, 7200);
	if (got < 0)
		goto fail;
	out->len += (size_t)got;
	*padding = (unsigned)lame_get_encoder_padding(g);
	lame_close(g);
	/* LAME's first frame is the place it keeps for its Info frame: the
	 * joined stream has one Info frame of its own */
	first = out->len > start ? enc_frame_len((unsigned char *)out->buf + start, out->len - start) : 0;
	if (!first)
		return error("the MP3 encoder gave no frames");
	memmove(out->buf + start, out->buf + start + first, out->len - start - first);
	out->len -= first;
	return 0;
fail:
	lame_close(g);
	return error("MP3 encoding failed: %s", lame_reason(got));
}

size_t enc_frame_len(const unsigned char *p, size_t avail)
{
	/* kbit/s by bit-rate index, for MPEG-1 and for MPEG-2/2.5 Layer III */
	static const unsigned short kbps[2][16] = {
		{ 0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0 },
		{ 0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0 },
	};
	static const unsigned hz[4][3] = {
		{ 11025, 12000, 8000 },    /* 2.5 */
		{ 0, 0, 0 },
		{ 22050, 24000, 16000 },   /* 2 */
		{ 44100, 48000, 32000 },   /* 1 */
	};
	unsigned version, br, sr, pad, rate;

	if (avail < 4 || p[0] != 0xff || (p[1] & 0xe0) != 0xe0 || ((p[1] >> 1) & 3) != 1)
		return 0;
	version = (p[1] >> 3) & 3;
	br = p[2] >> 4;
	sr = (p[2] >> 2) & 3;
	pad = (p[2] >> 1) & 1;
	if (version == 1 || sr == 3 || br == 0 || br == 15)
		return 0;
	rate = hz[version][sr];
	if (version == 3)
		return 144000u * kbps[0][br] / rate + pad;
	return 72000u * kbps[1][br] / rate + pad;
}

size_t enc_frames(const unsigned char *p, size_t len, size_t *nframes)
{
	size_t at = 0, flen;

	*nframes = 0;
	while (at < len && (flen = enc_frame_len(p + at, len - at)) != 0) {
		at += flen;
		(*nframes)++;
	}
	return at;
}

uint16_t enc_crc16(uint16_t crc, const unsigned char *p, size_t n)
{
	static uint16_t table[256];

	if (!table[1]) {
		for (unsigned i = 0; i < 256; i++) {
			uint16_t c = (uint16_t)i;
			for (int k = 0; k < 8; k++)
				c = c & 1 ? (uint16_t)((c >> 1) ^ 0xa001) : (uint16_t)(c >> 1);
			table[i] = c;
		}
	}
	while (n--)
		crc = (uint16_t)((crc >> 8) ^ table[(crc ^ *p++) & 0xff]);
	return crc;
}

static void put_be32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

void enc_info_frame(const struct enc_format *f, uint32_t nframes, uint64_t audio_bytes,
		    uint16_t crc, unsigned padding, const uint64_t toc[100], unsigned char *out)
{
	unsigned char *t;
	uint64_t total = f->info_len + audio_bytes;
	uint32_t bytes = total > UINT32_MAX ? UINT32_MAX : (uint32_t)total;
	uint16_t tag_crc;

	memcpy(out, f->info, f->info_len);
	t = out + f->tag_at;
	/* Xing/Info: flags, frames, bytes, seek table, quality */
	put_be32(t + 8, nframes);
	put_be32(t + 12, bytes);
	for (int i = 0; i < 100; i++) {
		uint64_t at = (toc[i] + f->info_len) * 256 / (total ? total : 1);
		t[16 + i] = (unsigned char)(at > 255 ? 255 : at);
	}
	/* LAME extension (from t + 120): delay and padding, 12 bits each */
	t[141] = (unsigned char)(f->delay >> 4);
	t[142] = (unsigned char)(((f->delay & 15) << 4) | ((padding >> 8) & 15));
	t[143] = (unsigned char)padding;
	put_be32(t + 148, bytes);          /* music length */
	t[152] = (unsigned char)(crc >> 8); /* music CRC */
	t[153] = (unsigned char)crc;
	tag_crc = enc_crc16(0, out, f->tag_at + 154);
	t[154] = (unsigned char)(tag_crc >> 8);
	t[155] = (unsigned char)tag_crc;
}

static void quiet_report(const char *fmt, va_list ap)
{
	(void)fmt;
	(void)ap;
}

int enc_decode(const unsigned char *frames, size_t len, int16_t **pcm, size_t *nsamples)
{
	hip_t hip = hip_decode_init();
	size_t cap = 4608, done = 0;
	short *left = NULL, right[1152 * 2];
	int got, idle = 0;

	if (!hip)
		return error("cannot start the MP3 decoder");
	/* a stretch cut from a stream starts without its bit reservoir, and
	 * the decoder says so; the caller discards those frames */
	hip_set_errorf(hip, quiet_report);
	hip_set_msgf(hip, quiet_report);
	left = xmalloc(cap * sizeof(*left));
	/* hip_decode1() takes the bytes once and then gives a frame a call */
	for (;;) {
		if (done + 1152 > cap) {
			cap *= 2;
			left = xrealloc(left, cap * sizeof(*left));
		}
		got = hip_decode1(hip, (unsigned char *)frames, len, left + done, right);
		len = 0;
		if (got < 0)
			break;
		done += (size_t)got;
		idle = got ? 0 : idle + 1;
		if (idle > 2)
			break;
	}
	hip_decode_exit(hip);
	*pcm = left;
	*nsamples = done;
	return 0;
}
