/* cues.c -- see cues.h. */
#include "cues.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "label.h"
#include "util.h"

/* One line of the file: [s, s + len), its 1-based number. */
struct cline {
	const char *s;
	size_t len;
	int no;
};

static size_t skip_bom(const char *data, size_t len)
{
	return len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3) ? 3 : 0;
}

static int is_timing(const struct cline *l)
{
	const char *arrow;

	if (!l->len || !isdigit((unsigned char)l->s[0]))
		return 0;
	arrow = memchr(l->s, '-', l->len);
	return arrow && (size_t)(arrow - l->s) + 3 <= l->len && !memcmp(arrow, "-->", 3);
}

/* A cue number alone on its line. */
static int is_number(const struct cline *l)
{
	return l->len && strspn(l->s, "0123456789") >= l->len;
}

int cues_detect(const char *data, size_t len)
{
	size_t p = skip_bom(data, len), e;
	struct cline first, second;

	if (len - p >= 6 && !memcmp(data + p, "WEBVTT", 6) &&
	    (len - p == 6 || strchr(" \t\r\n", data[p + 6])))
		return 1;
	/* SubRip: a cue number, then a timing line */
	while (p < len && (data[p] == '\r' || data[p] == '\n'))
		p++;
	for (e = p; e < len && data[e] != '\n' && data[e] != '\r'; e++)
		;
	first = (struct cline){ data + p, e - p, 1 };
	if (!is_number(&first))
		return 0;
	p = e + (e < len && data[e] == '\r');
	p += p < len && data[p] == '\n';
	for (e = p; e < len && data[e] != '\n' && data[e] != '\r'; e++)
		;
	second = (struct cline){ data + p, e - p, 2 };
	return is_timing(&second);
}

/* A voice span's name as the transcript's label: entities read
 * ("Ren&#233;e"), and "Kowalczyk, Beth", as meeting tools list people
 * from a directory, turned to "Beth Kowalczyk". */
static char *voice_name(const char *s, size_t len)
{
	struct sb sb = SB_INIT;
	const char *comma;

	for (size_t i = 0; i < len;) {
		size_t n = s[i] == '&' ? sb_add_entity(&sb, s + i, len - i) : 0;

		if (n) {
			i += n;
			continue;
		}
		sb_addch(&sb, s[i++]);
	}
	if (!sb.len)
		return sb_detach(&sb, NULL);
	comma = strchr(sb.buf, ',');
	if (comma && comma > sb.buf && comma[1] == ' ' && !strchr(comma + 1, ',') && !strchr(sb.buf, '(') &&
	    isupper((unsigned char)sb.buf[0]) && (isupper((unsigned char)comma[2]) || (unsigned char)comma[2] >= 0xc3) &&
	    !memchr(sb.buf, ' ', (size_t)(comma - sb.buf)) && !strchr(comma + 2, ' ')) {
		struct sb swapped = SB_INIT;

		sb_addf(&swapped, "%s %.*s", comma + 2, (int)(comma - sb.buf), sb.buf);
		sb_release(&sb);
		return sb_detach(&swapped, NULL);
	}
	return sb_detach(&sb, NULL);
}

/* The words of a cue line: tags go, "<v Name>" sets *who, entities are
 * read.  Appends to sb. */
static void cue_words(const struct cline *l, struct sb *sb, char **who)
{
	const char *p = l->s, *end = l->s + l->len;

	while (p < end) {
		if (*p == '{' && p + 1 < end && p[1] == '\\' && memchr(p, '}', (size_t)(end - p))) {
			p = (const char *)memchr(p, '}', (size_t)(end - p)) + 1;	/* "{\an8}": SSA placement */
			continue;
		}
		if (*p == '<') {
			const char *close = memchr(p, '>', (size_t)(end - p));

			if (!close)
				break;
			if (p[1] == 'v' && (p[2] == ' ' || p[2] == '.')) {
				const char *name = memchr(p, ' ', (size_t)(close - p));

				if (name) {
					free(*who);
					*who = voice_name(name + 1, (size_t)(close - name - 1));
				}
			}
			p = close + 1;
			continue;
		}
		if (*p == '&') {
			size_t n = sb_add_entity(sb, p, (size_t)(end - p));
			if (n) {
				p += n;
				continue;
			}
		}
		sb_addch(sb, *p++);
	}
}

/* Start a paragraph at line no of the output: blank lines up to it. */
static void open_para(struct sb *out, int *line, int no)
{
	if (out->len) {
		sb_addstr(out, "\n\n");
		*line += 2;
	}
	while (*line < no) {
		sb_addch(out, '\n');
		(*line)++;
	}
}

/* A "<v" that opens a voice span in s (len bytes), or NULL. */
static const char *find_voice(const char *s, size_t len)
{
	for (const char *p = memchr(s, '<', len); p && p + 2 < s + len;
	     p = memchr(p + 1, '<', (size_t)(s + len - p - 1)))
		if (p[1] == 'v' && (p[2] == ' ' || p[2] == '.'))
			return p;
	return NULL;
}

#define ROLL_LINES 4

/* The lines of the cue before, for captions that roll: each cue repeats
 * the last line of the one before it. */
struct roll {
	char *cur[ROLL_LINES], *last[ROLL_LINES];
	size_t ncur, nlast;
};

/* Is words (of at least three words) a line of the cue before?  first
 * says a new cue starts, so this cue's lines become the ones to match. */
static int repeats(struct roll *r, const char *words, size_t len, int first)
{
	int hit = 0;

	if (first) {
		for (size_t i = 0; i < r->nlast; i++)
			free(r->last[i]);
		memcpy(r->last, r->cur, sizeof(r->cur));
		r->nlast = r->ncur;
		r->ncur = 0;
	}
	if (!len)
		return 0;
	for (size_t i = 0; i < r->nlast && !hit; i++)
		hit = strlen(r->last[i]) == len && !memcmp(r->last[i], words, len) && memchr(words, ' ', len) &&
		      strchr(strchr(r->last[i], ' ') + 1, ' ');
	if (r->ncur < ROLL_LINES)
		r->cur[r->ncur++] = xstrndup(words, len);
	return hit;
}

static void roll_release(struct roll *r)
{
	for (size_t i = 0; i < r->ncur; i++)
		free(r->cur[i]);
	for (size_t i = 0; i < r->nlast; i++)
		free(r->last[i]);
}

void cues_to_text(const char *data, size_t len, char **text, size_t *text_len)
{
	struct cline *lines = NULL;
	size_t n = 0, alloc = 0, p = skip_bom(data, len);
	struct sb out = SB_INIT, para = SB_INIT;
	struct roll prev = { { NULL }, { NULL }, 0, 0 };
	char *who = NULL, *para_who = NULL;
	int line = 1, no = 1, para_line = 0;

	while (p <= len) {
		size_t e = p;

		while (e < len && data[e] != '\n' && data[e] != '\r')
			e++;
		XGROW(lines, alloc, n + 1);
		lines[n++] = (struct cline){ data + p, e - p, no++ };
		if (e >= len)
			break;
		p = e + (data[e] == '\r' && e + 1 < len && data[e + 1] == '\n' ? 2 : 1);
	}
	for (size_t i = 0; i < n;) {
		size_t b = i, t;

		while (i < n && lines[i].len)
			i++;	/* the block is [b, i) */
		if (b == 0 && lines[0].len >= 6 && !memcmp(lines[0].s, "WEBVTT", 6)) {
			/* "WEBVTT - Title": the title */
			const char *s = lines[0].s + 6;
			size_t l = lines[0].len - 6;

			while (l && (*s == ' ' || *s == '-' || *s == '\t')) {
				s++;
				l--;
			}
			if (l) {
				open_para(&out, &line, lines[0].no);
				sb_add(&out, s, l);
			}
		} else if (b < i && !((lines[b].len >= 4 && !memcmp(lines[b].s, "NOTE", 4)) ||
				      (lines[b].len >= 5 && !memcmp(lines[b].s, "STYLE", 5)) ||
				      (lines[b].len >= 6 && !memcmp(lines[b].s, "REGION", 6)))) {
			int fresh = 1;	/* the next words open a cue */

			for (t = b; t < i && !is_timing(&lines[t]); t++)
				;
			for (size_t k = t + 1; k < i; k++) {
				struct sb words = SB_INIT;
				int new_speaker, dash = 0;
				struct cline piece = lines[k];
				const char *v2;

				/* a cue's number and times with no blank line before them:
				 * the next cue, not words */
				if (is_timing(&lines[k]) || (k + 1 < i && is_timing(&lines[k + 1]) && is_number(&lines[k]))) {
					t = k;
					fresh = 1;
					continue;
				}
				/* two voices on one line: the second starts a piece of its own */
				v2 = piece.len > 3 ? find_voice(piece.s + 1, piece.len - 1) : NULL;
				if (v2) {
					piece.len = (size_t)(v2 - piece.s);
					lines[k].len -= piece.len;
					lines[k].s = v2;
					k--;	/* the rest of the line next time round */
				}
				cue_words(&piece, &words, &who);
				/* a rolling caption repeats the line above it */
				if (repeats(&prev, words.buf, words.len, fresh)) {
					fresh = 0;
					sb_release(&words);
					continue;
				}
				fresh = 0;
				while (words.len && (words.buf[words.len - 1] == ' ' || words.buf[words.len - 1] == '\t'))
					words.buf[--words.len] = '\0';
				if (words.len == 1 && (words.buf[0] == '-' || words.buf[0] == ' ')) {
					sb_release(&words);	/* a dash alone: nothing said */
					continue;
				}
				if (words.len > 2 && words.buf[0] == '(' && words.buf[words.len - 1] == ')' &&
				    words.len < 48 && !memchr(words.buf + 1, '(', words.len - 1)) {
					/* "(Noor Haddad)": a conferencing tool's speaker line */
					free(who);
					who = xstrndup(words.buf + 1, words.len - 2);
					sb_release(&words);
					continue;
				}
				if (words.len > 2 && words.buf[0] == '-' && words.buf[1] == ' ') {
					dash = 1;	/* "- Dana Wu: ...": a new speaker's line */
					memmove(words.buf, words.buf + 2, words.len - 1);
					words.len -= 2;
				}
				if ((k == t + 1 || dash) && words.len) {
					struct label l;

					/* "Noor Haddad: Um, how ...": a cue that names its speaker */
					if (label_parse(words.buf, &l) == LABEL_NAME && l.sep == ':' && words.buf[l.body]) {
						free(who);
						who = xstrndup(words.buf + l.name, l.name_len);
						memmove(words.buf, words.buf + l.body, words.len - l.body + 1);
						words.len -= l.body;
					}
				}
				new_speaker = who && (!para_who || strcmp(who, para_who));
				/* without voices: "- " and ">> " mark a new speaker, and
				 * a question ends a turn */
				if (!who && words.len &&
				    (dash || !strncmp(words.buf, ">> ", 3) || (para.len && para.buf[para.len - 1] == '?'))) {
					size_t skip = !strncmp(words.buf, ">> ", 3) ? 3 : 0;

					memmove(words.buf, words.buf + skip, words.len - skip + 1);
					words.len -= skip;
					new_speaker = 1;
				}
				if (words.len && (new_speaker || !para.len)) {
					if (para.len) {
						open_para(&out, &line, para_line);
						sb_add(&out, para.buf, para.len);
						para.len = 0;
					}
					para_line = lines[k].no;
					free(para_who);
					para_who = who ? xstrdup(who) : NULL;
					if (who) {
						sb_addstr(&para, who);
						sb_addstr(&para, ": ");
					}
				} else if (words.len) {
					sb_addch(&para, ' ');
				}
				sb_add(&para, words.buf ? words.buf : "", words.len);
				sb_release(&words);
			}
		}
		while (i < n && !lines[i].len)
			i++;
	}
	if (para.len) {
		open_para(&out, &line, para_line);
		sb_add(&out, para.buf, para.len);
	}
	sb_addch(&out, '\n');
	sb_release(&para);
	roll_release(&prev);
	free(who);
	free(para_who);
	free(lines);
	*text = sb_detach(&out, text_len);
}
