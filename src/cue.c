/* cue.c -- see cue.h. */
#include "cue.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Words whose full stop does not end a sentence. */
static const char *const no_stop[] = {
	"Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "vs", "etc", "e.g", "i.e",
	"Inc", "Ltd", "Co", "Corp", "No", "approx", "Dept", "Gov", "Sen", "Rep",
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	"Gen", "Capt", "Lt", "Col", "Sgt", "Rev", "Fig", "Vol", "Ave", "Blvd",
};

static size_t chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

/* Does the sentence end after s[i] (a '.', '!' or '?')? */
static int ends_here(const char *s, size_t i)
{
	size_t w = i;

	if (s[i + 1] && s[i + 1] != ' ')
		return 0;
	if (!s[i + 1])
		return 1;
	while (w > 0 && s[w - 1] != ' ')
		w--;
	if (s[i] == '.') {
		for (size_t k = 0; k < sizeof(no_stop) / sizeof(no_stop[0]); k++)
			if (strlen(no_stop[k]) == i - w && !strncmp(s + w, no_stop[k], i - w))
				return 0;
		if (i - w == 1 && isupper((unsigned char)s[w]))
			return 0;	/* an initial: "J. Roe" */
	}
	return 1;
}

static int has_words(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)
			return 1;
	return 0;
}

static void add(struct cue **cues, size_t *n, size_t *alloc, const char *s, size_t len)
{
	while (len && s[0] == ' ') {
		s++;
		len--;
	}
	while (len && s[len - 1] == ' ')
		len--;
	if (!len)
		return;
	/* ";-)" after a sentence is no cue of its own: nothing in it is spoken */
	if (*n && !has_words(s, len)) {
		struct cue *prev = &(*cues)[*n - 1];
		struct sb sb = SB_INIT;

		sb_addf(&sb, "%s %.*s", prev->text, (int)len, s);
		free(prev->text);
		prev->text = sb_detach(&sb, NULL);
		return;
	}
	XGROW(*cues, *alloc, *n + 1);
	memset(&(*cues)[*n], 0, sizeof(**cues));
	(*cues)[(*n)++].text = xstrndup(s, len);
}

/* Cut s[0, len) at the last of the marks before CUE_MAX characters. */
static size_t cut_at(const char *s, size_t len, const char *marks)
{
	size_t best = 0, c = 0;

	for (size_t i = 0; i < len; i++) {
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
		if (c > CUE_MAX)
			break;
		if (strchr(marks, s[i]) && (s[i] == ' ' || (i + 1 < len && s[i + 1] == ' ')))
			best = s[i] == ' ' ? i : i + 1;
	}
	return best;
}

static void add_sentence(struct cue **cues, size_t *n, size_t *alloc, const char *s, size_t len)
{
	while (chars(s, len) > CUE_MAX) {
		size_t cut = cut_at(s, len, ",;:");

		if (!cut)
			cut = cut_at(s, len, " ");
		if (!cut)
			break;
		add(cues, n, alloc, s, cut);
		s += cut;
		len -= cut;
	}
	add(cues, n, alloc, s, len);
}

void cue_split(const char *text, struct cue **cues, size_t *n)
{
	size_t alloc = 0, start = 0, len = strlen(text);

	*cues = NULL;
	*n = 0;
	for (size_t i = 0; i < len; i++) {
		if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && ends_here(text, i)) {
			add_sentence(cues, n, &alloc, text + start, i + 1 - start);
			start = i + 1;
		}
	}
	add_sentence(cues, n, &alloc, text + start, len - start);
	if (!*n)
		add(cues, n, &alloc, text, len ? len : 0);
}

char *cue_lines(const char *text)
{
	struct sb sb = SB_INIT;
	size_t line = 0;
	const char *p = text;

	while (*p) {
		size_t w = strcspn(p, " ");
		size_t wc = chars(p, w);

		if (line && line + 1 + wc > CUE_LINE_MAX) {
			sb_addch(&sb, '\n');
			line = 0;
		} else if (line) {
			sb_addch(&sb, ' ');
			line++;
		}
		sb_add(&sb, p, w);
		line += wc;
		p += w;
		while (*p == ' ')
			p++;
	}
	if (!sb.buf)
		sb_addstr(&sb, "");
	return sb_detach(&sb, NULL);
}
