/* charset.h -- a transcript's bytes as UTF-8, whatever they were saved as.
 *
 * UTF-8 passes through (a byte order mark is kept for clean.c to skip).
 * UTF-16 with a byte order mark, or without one when every other byte of
 * its text is NUL, is converted.  Anything else that is not UTF-8 is
 * given to uchardet, which names the legacy encoding (Windows-1252 from a
 * word processor, ISO-8859-2, KOI8-R, Shift_JIS ...), and converted with
 * iconv.  What is truly binary is refused. */
#ifndef COLLOQUY_CHARSET_H
#define COLLOQUY_CHARSET_H

#include <stddef.h>

/* Make *data (len *len, owned by the caller, from malloc) UTF-8 in place
 * (declared: the encoding the file names for itself, as an HTML page's
 * <meta charset> does, tried first when the bytes are not UTF-8; or NULL):
 * on a conversion the buffer is replaced and *len updated.  Sets *found
 * to the encoding's name when one was converted (a static string), else
 * NULL.  Returns 0, or -1 after one message that names the file and the
 * cause (binary data, the line and byte of an undecodable byte). */
int charset_to_utf8(const char *name, char **data, size_t *len, const char *declared, const char **found);

/* The 1-based line and byte within it of offset off in data, counting
 * LF, CRLF and a lone CR each as one line end. */
void charset_position(const char *data, size_t off, int *line, size_t *byte);

#endif
