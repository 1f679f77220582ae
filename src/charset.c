/* charset.c -- see charset.h. */
#include "charset.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uchardet.h>
#include <utf8proc.h>

#include "util.h"

/* How much of the start decides whether text is UTF-16 without a mark. */
#define SNIFF 4096

void charset_position(const char *data, size_t off, int *line, size_t *byte)
{
	size_t start = 0;

	*line = 1;
	for (size_t i = 0; i < off; i++) {
		if (data[i] == '\n' || (data[i] == '\r' && data[i + 1] != '\n')) {
			(*line)++;
			start = i + 1;
		}
	}
	*byte = off - start + 1;
}

/* The offset of the first byte that is not UTF-8, or of a NUL (*nul set),
 * or len when the whole is UTF-8. */
static size_t utf8_end(const char *data, size_t len, int *nul)
{
	const unsigned char *s = (const unsigned char *)data;
	size_t i = 0;

	*nul = 0;
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);

		if (n < 0)
			return i;
		if (cp == 0) {
			*nul = 1;
			return i;
		}
		i += (size_t)n;
	}
	return len;
}

/* UTF-16 without a byte order mark: in its first bytes, the NULs all sit
 * on one side of each pair, as they do in text of Latin letters.  Returns
 * "UTF-16LE", "UTF-16BE" or NULL. */
static const char *utf16_unmarked(const unsigned char *s, size_t len)
{
	size_t n = len < SNIFF ? len : SNIFF, even = 0, odd = 0, pairs = n / 2;

	if (pairs < 2)
		return NULL;
	for (size_t i = 0; i + 1 < n; i += 2) {
		even += s[i] == 0;
		odd += s[i + 1] == 0;
	}
	if (odd * 10 >= pairs * 4 && even * 50 <= pairs)
		return "UTF-16LE";
	if (even * 10 >= pairs * 4 && odd * 50 <= pairs)
		return "UTF-16BE";
	/* text of few Latin letters (Japanese with ASCII labels): NULs fewer,
	 * but only ever on one side */
	if (pairs >= 32 && odd * 20 >= pairs && even * 8 <= odd)
		return "UTF-16LE";
	if (pairs >= 32 && even * 20 >= pairs && odd * 8 <= even)
		return "UTF-16BE";
	return NULL;
}

static int convert(const char *cs, const char *in, size_t len, char **out, size_t *outlen, size_t *bad);

/* Does data, read as cs, come out as text: few control codes, private or
 * unassigned characters among its first ones (audio samples do not)? */
static int utf16_reads(const char *data, size_t len, const char *cs)
{
	char *out;
	size_t n, bad, odd = 0, chars = 0;

	if (len % 2 || convert(cs, data, len < SNIFF ? len : SNIFF, &out, &n, &bad) != 0)
		return 0;	/* an odd length is no UTF-16 */
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)out + i, (utf8proc_ssize_t)(n - i), &cp);
		utf8proc_category_t cat;

		if (k <= 0)
			break;
		cat = utf8proc_category(cp);
		odd += (cp < 0x20 && !strchr("\t\n\r\f", (int)cp)) || cat == UTF8PROC_CATEGORY_CN ||
		       cat == UTF8PROC_CATEGORY_CO || cat == UTF8PROC_CATEGORY_CS || cp == 0;
		chars++;
		i += (size_t)k;
	}
	free(out);
	return chars && odd * 20 <= chars;
}

/* Convert from cs to UTF-8.  Returns 0, 1 when cs cannot read some byte
 * (*bad set to its offset in the input), or -1 when iconv knows no cs. */
static int convert(const char *cs, const char *in, size_t len, char **out, size_t *outlen, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", cs);
	size_t cap = len * 2 + 16, left_in = len, left_out;
	char *buf, *src = (char *)in, *dst;

	if (cd == (iconv_t)-1)
		return -1;
	buf = xmalloc(cap + 1);
	dst = buf;
	left_out = cap;
	while (left_in) {
		if (iconv(cd, &src, &left_in, &dst, &left_out) != (size_t)-1)
			continue;
		if (errno == E2BIG) {
			size_t used = (size_t)(dst - buf);

			cap *= 2;
			buf = xrealloc(buf, cap + 1);
			dst = buf + used;
			left_out = cap - used;
			continue;
		}
		/* EILSEQ, or EINVAL: a sequence cut off at the end */
		*bad = (size_t)(src - in);
		free(buf);
		iconv_close(cd);
		return 1;
	}
	iconv_close(cd);
	*outlen = (size_t)(dst - buf);
	buf[*outlen] = '\0';
	*out = buf;
	return 0;
}

/* Is data more control bytes than text could be?  Tabs, line ends and
 * form feeds aside, a text has hardly any. */
static int looks_binary(const unsigned char *s, size_t len)
{
	size_t n = len < SNIFF ? len : SNIFF, ctrl = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == 0)
			return 1;
		ctrl += (s[i] < 0x20 && !strchr("\t\n\r\f\v\x1b", s[i])) || s[i] == 0x7f;
	}
	return ctrl * 20 > n;
}

/* Replace *data by its conversion from cs, a name to report.  Returns 0,
 * 1 when cs does not fit the bytes, -1 on an error already reported. */
static int replace(const char *name, const char *cs, char **data, size_t *len, size_t skip)
{
	char *out;
	size_t outlen, bad = 0;
	int rc = convert(cs, *data + skip, *len - skip, &out, &outlen, &bad);

	if (rc < 0)
		return 1;
	if (rc > 0) {
		if (!strncasecmp(cs, "UTF-16", 6))	/* a mark, then what is not UTF-16 */
			return error("'%s' is marked as %s text but is not: undecodable bytes at offset %zu", name,
				     cs, skip + bad);
		return 1;
	}
	free(*data);
	*data = out;
	*len = outlen;
	return 0;
}

/* What a named encoding means in practice: pages labelled Latin-1 or
 * ASCII are Windows-1252, as browsers read them (its quotes and dashes
 * sit where Latin-1 has control codes). */
static const char *as_read(const char *cs)
{
	static const char *const latin1[] = { "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1",
					      "us-ascii", "ascii", "cp819", "ibm819" };

	for (size_t i = 0; cs && i < sizeof(latin1) / sizeof(latin1[0]); i++)
		if (!strcasecmp(cs, latin1[i]))
			return "WINDOWS-1252";
	return cs;
}

int charset_to_utf8(const char *name, char **data, size_t *len, const char *declared, const char **found)
{
	static char detected[64];
	const unsigned char *s = (const unsigned char *)*data;
	const char *cs = NULL;
	size_t end;
	int nul, rc;

	*found = NULL;
	if (*len >= 2 && ((s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0xfe && s[1] == 0xff))) {
		cs = s[0] == 0xff ? "UTF-16LE" : "UTF-16BE";
		if (replace(name, cs, data, len, 2) != 0)
			return -1;
		*found = cs;
		return 0;
	}
	end = utf8_end(*data, *len, &nul);
	if (end == *len)
		return 0;
	if ((nul || memchr(*data, 0, *len < SNIFF ? *len : SNIFF)) && (cs = utf16_unmarked(s, *len)) != NULL &&
	    utf16_reads(*data, *len, cs)) {
		if (replace(name, cs, data, len, 0) != 0)
			return -1;
		*found = cs;
		return 0;
	}
	if (nul || looks_binary(s, *len)) {
		int line;
		size_t byte;

		charset_position(*data, end, &line, &byte);
		return error("'%s' is binary data, not a transcript (%s byte at line %d, byte %zu)", name,
			     nul ? "a NUL" : "a control", line, byte);
	}
	declared = as_read(declared);
	if (declared && strcasecmp(declared, "UTF-8") && (rc = replace(name, declared, data, len, 0)) <= 0) {
		if (rc < 0)
			return -1;
		snprintf(detected, sizeof(detected), "%s", declared);
		*found = detected;
		return 0;
	}
	{
		uchardet_t ud = uchardet_new();

		if (uchardet_handle_data(ud, *data, *len) == 0) {
			uchardet_data_end(ud);
			snprintf(detected, sizeof(detected), "%s", as_read(uchardet_get_charset(ud)));
		} else {
			detected[0] = '\0';
		}
		uchardet_delete(ud);
	}
	/* What uchardet names, else the word processors' Windows-1252, else
	 * Latin-1, which every byte is. */
	if (detected[0] && strcasecmp(detected, "UTF-8") && strcasecmp(detected, "ASCII") &&
	    (rc = replace(name, detected, data, len, 0)) <= 0) {
		if (rc < 0)
			return -1;
		*found = detected;
		return 0;
	}
	if ((rc = replace(name, "WINDOWS-1252", data, len, 0)) <= 0) {
		if (rc < 0)
			return -1;
		*found = "WINDOWS-1252";
		return 0;
	}
	if ((rc = replace(name, "ISO-8859-1", data, len, 0)) < 0)
		return -1;
	*found = "ISO-8859-1";
	return 0;
}
