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

struct enc;

/* vbr_quality: 0..9 for VBR, -1 for CBR at kbps. */
struct enc *enc_new(unsigned rate_hz, unsigned kbps, int vbr_quality);
int enc_write(struct enc *e, const float *pcm, size_t nsamples);
int enc_finish(struct enc *e);
const unsigned char *enc_bytes(const struct enc *e, size_t *len);
void enc_free(struct enc *e);

#endif
