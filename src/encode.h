/* encode.h -- PCM -> MPEG audio frames (the only file that calls libmp3lame).
 * Lifecycle: enc_new -> enc_write... -> enc_finish -> enc_bytes -> enc_free.
 * In:  mono float PCM (-1..1) at the rate given to enc_new().
 * Out: Layer III frames, the first of which is the Xing/Info frame with
 *      LAME's tag (frame count, encoder delay and padding), so players show
 *      the exact duration and trim to the exact samples.  The encoder owns
 *      the bytes until enc_free().  LAME writes no ID3 tag: id3.c does.
 * Errs: returns 0 (or an encoder), or -1 (NULL) after one message. */
#ifndef COLLOQUY_ENCODE_H
#define COLLOQUY_ENCODE_H

#include <stddef.h>
#include <stdint.h>

struct enc;

/* vbr_quality: 0..9 for VBR, -1 for CBR at kbps. */
struct enc *enc_new(unsigned rate_hz, unsigned kbps, int vbr_quality);
int enc_write(struct enc *e, const float *pcm, size_t nsamples);
int enc_finish(struct enc *e);
const unsigned char *enc_bytes(const struct enc *e, size_t *len);

/* Decode the finished stream with LAME's own decoder, as a player would
 * (encoder delay included), into a new array the caller frees. */
int enc_decode(const struct enc *e, int16_t **pcm, size_t *nsamples);
void enc_free(struct enc *e);

/* How much louder (dB, usually below 0) the encoder at these settings
 * plays than its input: LAME's CBR mode plays a steady tone about 0.45 dB
 * quieter.  Measured by encoding a 1 kHz tone and decoding it with LAME's
 * own decoder; 0 when that cannot be done. */
double enc_level_db(unsigned rate_hz, unsigned kbps, int vbr_quality);

#endif
