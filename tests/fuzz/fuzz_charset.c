/* fuzz_charset.c -- any bytes through the encoding reader.  Invariants:
 * what it accepts comes out as UTF-8 (every sequence decodes), and a
 * position it reports lies within the bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "charset.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = xmalloc(size + 1);
	size_t len = size;
	const char *found;
	int line;
	size_t byte;

	util_quiet = 1;
	memcpy(buf, data, size);
	buf[size] = '\0';
	charset_position(buf, size, &line, &byte);
	if (line < 1 || byte < 1 || byte > size + 1)
		abort();
	if (charset_to_utf8("fuzz", &buf, &len, NULL, &found) == 0) {
		for (size_t i = 0; i < len;) {
			utf8proc_int32_t cp;
			utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)buf + i,
							      (utf8proc_ssize_t)(len - i), &cp);

			if (n <= 0)
				abort();	/* accepted, yet not UTF-8 */
			i += (size_t)n;
		}
	}
	free(buf);
	return 0;
}
