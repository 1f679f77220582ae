/* script.c -- see script.h. */
#include "script.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "split.h"

static const char *skip_bom(const char *data, size_t *len)
{
	if (*len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3)) {
		*len -= 3;
		return data + 3;
	}
	return data;
}

int script_detect(const char *data, size_t len)
{
	size_t n = strlen(SCRIPT_MAGIC);

	data = skip_bom(data, &len);
	return len >= n && !memcmp(data, SCRIPT_MAGIC, n) &&
	       (len == n || data[n] == '\n' || data[n] == '\r');
}

void script_write(const struct episode *ep, struct sb *sb)
{
	sb_addstr(sb, SCRIPT_MAGIC "\n"
		  "# Each paragraph is ROLE [SPEAKER]: TEXT, where ROLE is title, intro,\n"
		  "# question, answer or outro.  Fix a role, a speaker or the text, then\n"
		  "# render this file as it is: colloquy render FILE\n");
	if (ep->read_as)
		sb_addf(sb, "# read as: %s\n", ep->read_as);
	for (size_t i = 0; i < ep->ndropped; i++)
		sb_addf(sb, "# dropped: %s\n", ep->dropped[i]);
	for (size_t i = 0; i < ep->nsegs; i++) {
		const struct segment *s = &ep->segs[i];
		sb_addf(sb, "\n%s [%s]: %s\n", role_name(s->role), s->speaker, s->text);
	}
}

/* "answer [Jane Roe]: text" -> role, speaker span, text; -1 if no label. */
static int parse_label(const char *line, const char **speaker, size_t *speaker_len,
		       const char **text)
{
	const char *sp = strchr(line, ' '), *close;
	int role;

	if (!sp || sp[1] != '[')
		return -1;
	role = role_parse(line, (size_t)(sp - line));
	if (role < 0)
		return -2;
	close = strstr(sp + 2, "]:");
	if (!close || close == sp + 2)
		return -1;
	*speaker = sp + 2;
	*speaker_len = (size_t)(close - *speaker);
	*text = close + 2;
	while (**text == ' ')
		(*text)++;
	return role;
}

static void finish_segment(struct episode *ep, struct sb *text, int role,
			   const char *speaker, int line)
{
	if (role < 0)
		return;
	if (role == ROLE_TITLE && !ep->title)
		ep->title = xstrdup(text->buf ? text->buf : "");
	episode_add_segment(ep, (enum role)role, speaker, text->buf ? text->buf : "", line);
	text->len = 0;
	if (text->buf)
		text->buf[0] = '\0';
}

struct episode *script_read(const char *name, const char *data, size_t len)
{
	struct episode *ep = episode_new();
	struct sb text = SB_INIT, line = SB_INIT;
	char *speaker = NULL;
	int role = -1, seg_line = 0, lineno = 0;
	const char *p, *end;

	data = skip_bom(data, &len);
	if (clean_check_encoding(name, data, len) < 0)
		goto fail;
	p = data;
	end = data + len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *spk, *body;
		size_t spk_len, n;
		int r;

		if (!eol)
			eol = end;
		n = (size_t)(eol - p);
		if (n && p[n - 1] == '\r')
			n--;
		lineno++;
		line.len = 0;
		sb_add(&line, p, n);
		p = eol + 1;
		while (line.len && (line.buf[line.len - 1] == ' ' || line.buf[line.len - 1] == '\t'))
			line.buf[--line.len] = '\0';

		if (line.buf[0] == '#') {
			/* what the script was split from, said again when it is */
			if (!strncmp(line.buf, "# read as: ", 11) && line.buf[11] && !ep->read_as)
				ep->read_as = xstrdup(line.buf + 11);
			continue;
		}
		if (!line.len) {
			finish_segment(ep, &text, role, speaker, seg_line);
			role = -1;
			continue;
		}
		r = parse_label(line.buf, &spk, &spk_len, &body);
		if (r == -2 && role < 0) {
			error("'%s' line %d: unknown role '%.*s' (use title, intro, question, answer or outro)",
			      name, lineno, (int)strcspn(line.buf, " "), line.buf);
			goto fail;
		}
		if (r >= 0) {
			finish_segment(ep, &text, role, speaker, seg_line);
			free(speaker);
			speaker = xstrndup(spk, spk_len);
			role = r;
			seg_line = lineno;
			sb_addstr(&text, body);
		} else if (role >= 0) {
			if (text.len)
				sb_addch(&text, ' ');
			sb_addstr(&text, line.buf + strspn(line.buf, " \t"));
		} else {
			error("'%s' line %d: expected 'ROLE [SPEAKER]: TEXT'", name, lineno);
			goto fail;
		}
	}
	finish_segment(ep, &text, role, speaker, seg_line);
	if (!ep->nsegs) {
		error("'%s' has no paragraphs to speak", name);
		goto fail;
	}
	if (!ep->title)
		ep->title = util_stem(name);
	split_make_chapters(ep);
	free(speaker);
	sb_release(&text);
	sb_release(&line);
	return ep;
fail:
	free(speaker);
	sb_release(&text);
	sb_release(&line);
	episode_free(ep);
	return NULL;
}

/* Append one JSON value as jansson writes it, without indentation. */
static void add_json(struct sb *sb, json_t *v)
{
	char *text = json_dumps(v, JSON_ENCODE_ANY | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(3));

	sb_addstr(sb, text);
	free(text);
	json_decref(v);
}

/* The document is written one entry at a time, each by jansson (which
 * escapes every string), so memory follows one segment, not the whole
 * episode; one segment a line keeps it readable and easy to diff. */
void script_write_json(const struct episode *ep, struct sb *sb)
{
	sb_addstr(sb, "{\n  \"title\": ");
	add_json(sb, json_string(ep->title));
	if (ep->read_as) {
		sb_addstr(sb, ",\n  \"read_as\": ");
		add_json(sb, json_string(ep->read_as));
	}
	sb_addstr(sb, ",\n  \"host\": ");
	add_json(sb, json_string(ep->host_name ? ep->host_name : "host"));
	sb_addstr(sb, ",\n  \"guest\": ");
	add_json(sb, json_string(ep->guest_name ? ep->guest_name : "guest"));
	sb_addstr(sb, ",\n  \"segments\": [");
	for (size_t i = 0; i < ep->nsegs; i++) {
		const struct segment *s = &ep->segs[i];
		/* two decimals are all a confidence says */
		double conf = (int)(s->confidence * 100 + 0.5) / 100.0;

		sb_addstr(sb, i ? ",\n    " : "\n    ");
		add_json(sb, json_pack("{s:s, s:s, s:s, s:i, s:f}", "role", role_name(s->role),
				       "speaker", s->speaker, "text", s->text, "line", s->line,
				       "confidence", conf));
	}
	sb_addstr(sb, "\n  ],\n  \"chapters\": [");
	for (size_t i = 0; i < ep->nchapters; i++) {
		sb_addstr(sb, i ? ",\n    " : "\n    ");
		add_json(sb, json_pack("{s:s, s:I}", "title", ep->chapters[i].title,
				       "segment", (json_int_t)ep->chapters[i].seg));
	}
	sb_addstr(sb, "\n  ],\n  \"dropped\": [");
	for (size_t i = 0; i < ep->ndropped; i++) {
		sb_addstr(sb, i ? ",\n    " : "\n    ");
		add_json(sb, json_string(ep->dropped[i]));
	}
	sb_addstr(sb, "\n  ]\n}\n");
}
