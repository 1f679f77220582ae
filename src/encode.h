/* encode.h -- PCM -> MPEG audio frames (the only file that calls libmp3lame).
 * An episode is encoded as chunks, each by a fresh encoder (so chunks can be
 * encoded in parallel processes and kept in the cache), and the chunks'
 * frames are joined behind one Info frame for the whole stream.
 * A chunk of n samples decodes to delay + n + padding samples, a whole
 * number of frames; each chunk's first frame starts an empty bit reservoir,
 * so joined chunks decode as one stream.  A chunk of enc_chunk_samples(f,
 * span) samples fills exactly span samples (a multiple of the frame size)
 * of the joined stream: the next chunk's delay and this one's padding take
 * the place of its last samples, which the caller keeps silent.
 * The Info frame (Xing/Info tag with LAME's extension) gives players the
 * frame count, a seek table, and the first chunk's delay and the last one's
 * padding, so they trim to the exact samples.  LAME writes no ID3 tag:
 * id3.c does.
 * In:  mono float PCM (-1..1) at the format's rate.
 * Errs: returns 0, or -1 after one message. */
#ifndef COLLOQUY_ENCODE_H
#define COLLOQUY_ENCODE_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

#define ENC_MAX_FRAME 2880
/* LAME pads a stream to whole frames with at least this many samples. */
#define ENC_MIN_PADDING 576

struct enc_format {
	unsigned rate_hz, kbps;
	int vbr_quality;              /* 0..9 for VBR, -1 for CBR at kbps */
	unsigned frame_samples;       /* 1152 (MPEG-1) or 576 (MPEG-2 and 2.5) */
	unsigned delay;               /* encoder delay, samples */
	unsigned char info[ENC_MAX_FRAME];   /* LAME's Info frame, to fill in */
	size_t info_len;
	size_t tag_at;                /* offset of "Info"/"Xing" in it */
};

/* Check the settings and learn the encoder's frame size, delay and Info
 * frame.  CBR settings whose frames are too small for the Info frame are
 * refused, naming the least bit rate that works. */
int enc_format_init(struct enc_format *f, unsigned rate_hz, unsigned kbps, int vbr_quality);

/* The samples a chunk may hold to fill span samples of the joined stream,
 * span a multiple of the frame size and larger than two frames. */
size_t enc_chunk_samples(const struct enc_format *f, uint64_t span);

/* Encode pcm[0..n) with a fresh encoder, appending its frames (no Info
 * frame) to out; *padding is the samples added after the last. */
int enc_chunk(const struct enc_format *f, const float *pcm, size_t n, struct sb *out,
	      unsigned *padding);

/* The length of the MPEG audio frame at p, or 0 when p holds none. */
size_t enc_frame_len(const unsigned char *p, size_t avail);
/* Walk the whole frames at the start of p: their number, and the bytes
 * they take (len when p is nothing but frames). */
size_t enc_frames(const unsigned char *p, size_t len, size_t *nframes);

/* CRC-16 as the LAME tag uses it (polynomial 0x8005, reflected). */
uint16_t enc_crc16(uint16_t crc, const unsigned char *p, size_t n);

/* The Info frame (f->info_len bytes) of a stream of nframes audio frames,
 * audio_bytes long, whose frames' CRC is crc, first chunk delay f->delay
 * and last chunk padding padding; toc[i] is the offset within the audio of
 * frame i * nframes / 100. */
void enc_info_frame(const struct enc_format *f, uint32_t nframes, uint64_t audio_bytes,
		    uint16_t crc, unsigned padding, const uint64_t toc[100], unsigned char *out);

/* Decode frames with LAME's own decoder, as a player would, into a new
 * array the caller frees (the delay at the start included). */
int enc_decode(const unsigned char *frames, size_t len, int16_t **pcm, size_t *nsamples);

/* How much louder (dB, usually below 0) the encoder at these settings
 * plays than its input: LAME's CBR mode plays a steady tone about 0.45 dB
 * quieter.  Measured by encoding a 1 kHz tone and decoding it with LAME's
 * own decoder; 0 when that cannot be done. */
double enc_level_db(unsigned rate_hz, unsigned kbps, int vbr_quality);

#endif
