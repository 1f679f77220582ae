/* clean.c -- see clean.h. */
#include "clean.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "charset.h"
#include "cruft.h"
#include "label.h"
#include "util.h"

size_t clean_count_words(const char *s)
{
	size_t n = 0;
	int in = 0;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n') {
			in = 0;
		} else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

int clean_is_list_item(const char *s)
{
	const char *p = s;

	if ((s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return 1;
	if (!strncmp(s, "\xe2\x80\xa2 ", 4))	/* U+2022 BULLET */
		return 1;
	while (isdigit((unsigned char)*p))
		p++;
	return p > s && p - s <= 3 && (*p == '.' || *p == ')') && p[1] == ' ';
}

int clean_check_encoding(const char *name, const char *data, size_t len)
{
	const unsigned char *s = (const unsigned char *)data;
	size_t i = 0;
	int line = 1;

	if (len >= 2 && ((s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0xfe && s[1] == 0xff)))
		return error("'%s' is UTF-16 text; save it as UTF-8", name);
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);

		if (n < 0 || cp == 0) {
			size_t byte;

			charset_position(data, i, &line, &byte);
			if (n < 0)
				return error("'%s' is not UTF-8 text: invalid byte 0x%02x at line %d, byte %zu",
					     name, s[i], line, byte);
			return error("'%s' is binary data, not a transcript (NUL byte at line %d, byte %zu)",
				     name, line, byte);
		}
		i += (size_t)n;
	}
	return 0;
}

#define NBSP "\xc2\xa0"	/* U+00A0, white space that web pages are full of */

struct line {
	const char *s;       /* start of content after indentation */
	size_t len;          /* content length, trailing space removed */
	int indent;
	int no;
	int block;           /* index of the run of non-blank lines */
};

/* A hard-wrapped text breaks its lines at a fixed column: most lines that
 * go on in the next line end near the widest line's length, and no line is
 * wider than a terminal.  In such a text a line joins the next when the
 * next line's first word would not have fitted after it; a line the author
 * ended early (a heading, a question, the end of a paragraph) stays apart. */
#define LINK_MAX_WORDS 14      /* a linked title under "Related posts" */
#define WRAP_MAX_COLS 100
#define WRAP_SLACK_COLS 25
#define WRAP_FIT_COLS 8

static size_t utf8_cols(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

static size_t line_cols(const struct line *l)
{
	return utf8_cols(l->s, l->len) + (size_t)l->indent;
}

/* The wrap column of a hard-wrapped text, or 0 when it is not wrapped. */
static size_t wrap_width(const struct line *lines, size_t n)
{
	size_t width = 0, broken = 0, near = 0;

	for (size_t i = 0; i < n; i++)
		if (line_cols(&lines[i]) > width)
			width = line_cols(&lines[i]);
	if (width > WRAP_MAX_COLS)
		return 0;
	for (size_t i = 0; i + 1 < n; i++) {
		if (lines[i + 1].block != lines[i].block)
			continue;
		broken++;
		near += line_cols(&lines[i]) + WRAP_SLACK_COLS >= width;
	}
	return broken >= 2 && near * 10 >= broken * 6 ? width : 0;
}

static int opens_turn(const struct line *l)
{
	char *head = xstrndup(l->s, l->len < 80 ? l->len : 80);
	struct label lab;
	int yes;

	for (char *r = head, *w = head;; r++) {	/* before Markdown marks go */
		if (*r != '*' && *r != '_')
			*w++ = *r;
		if (!*r)
			break;
	}
	yes = label_timestamp(head) || (label_parse(head, &lab) != LABEL_NONE && lab.sep == ':');
	free(head);
	return yes;
}

/* A line that ends in the middle of a phrase: "... Interview with". */
static int ends_with_joiner(const struct line *l)
{
	static const char *const joiners[] = { " with", " of", " and", " the", " for", " to", " by", " from", " a", " an" };

	for (size_t i = 0; i < sizeof(joiners) / sizeof(joiners[0]); i++) {
		size_t n = strlen(joiners[i]);
		if (l->len > n && !memcmp(l->s + l->len - n, joiners[i], n))
			return 1;
	}
	return 0;
}

static int joins_next(const struct line *cur, const struct line *next, size_t width)
{
	char last;
	char *head;
	int list;

	if (next->block != cur->block)
		return 0;
	if (cur->s[0] == '<' || next->s[0] == '<')
		return 0;	/* "<p>...</p>" lines of a page, one each */
	if (!width)
		return ends_with_joiner(cur) && !label_is_bare(next->s, next->len) && cur->len < 80;
	/* "0:00:41.3 **Ada Stone**": a speaker's label, the words below; and
	 * a line that opens with a label or a timestamp starts a turn */
	if (label_is_bare(cur->s, cur->len) || label_is_bare(next->s, next->len) || opens_turn(next))
		return 0;
	last = cur->s[cur->len - 1];
	if (last == '?' || last == ':')
		return 0;
	if (ends_with_joiner(cur))
		return 1;	/* "Oral History Interview with" / "Grace Oyelaran" */
	{
		const char *sp = memchr(next->s, ' ', next->len);
		size_t word = sp ? (size_t)(sp - next->s) : next->len;

		if (line_cols(cur) + 1 + utf8_cols(next->s, word) + WRAP_FIT_COLS <= width)
			return 0;
	}
	head = xstrndup(next->s, next->len < 8 ? next->len : 8);
	list = clean_is_list_item(head);
	free(head);
	return !list;
}

/* Unicode NFC, paragraph by paragraph (ASCII is NFC already), so that the
 * working memory follows the paragraph, not the file. */
static void to_nfc(struct sb *sb)
{
	utf8proc_uint8_t *nfc;
	utf8proc_ssize_t n;
	size_t i = 0;

	while (i < sb->len && !((unsigned char)sb->buf[i] & 0x80))
		i++;
	if (i == sb->len)
		return;
	n = utf8proc_map((const utf8proc_uint8_t *)sb->buf, (utf8proc_ssize_t)sb->len, &nfc,
			 UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0)
		return;	/* checked as UTF-8 before: cannot happen */
	sb->len = 0;
	sb_add(sb, nfc, (size_t)n);
	free(nfc);
}

static void add_dropped(struct text *t, char *text)
{
	XGROW(t->dropped, t->dropped_alloc, t->ndropped + 1);
	t->dropped[t->ndropped++] = text;
}

/* Markdown links say their text: "[The Turning Light](https://...)" and
 * "[text][ref]" become "The Turning Light" and "text"; "<https://...>"
 * goes. */
static void strip_links(struct sb *sb)
{
	size_t w = 0;
	int closes = 1;	/* a ']' may still come: once none does, none will */

	for (size_t r = 0; r < sb->len;) {
		char *close = NULL;

		if (sb->buf[r] == '[' && closes && !(close = memchr(sb->buf + r, ']', sb->len - r)))
			closes = 0;
		if (sb->buf[r] == '[' && close &&
		    (close[1] == '(' || close[1] == '[') &&
		    memchr(close + 2, close[1] == '(' ? ')' : ']', strnlen(close + 2, 2048))) {
			size_t text = (size_t)(close - sb->buf) - r - 1;
			char *end = memchr(close + 2, close[1] == '(' ? ')' : ']', strnlen(close + 2, 2048));

			if (r && sb->buf[r - 1] == '!' && w)
				w--;	/* an image inside the text: its alt text */
			memmove(sb->buf + w, sb->buf + r + 1, text);
			w += text;
			r = (size_t)(end - sb->buf) + 1;
			continue;
		}
		if (sb->buf[r] == '<' && (!strncmp(sb->buf + r, "<http", 5) || !strncmp(sb->buf + r, "<www.", 5)) &&
		    (close = memchr(sb->buf + r, '>', sb->len - r < 2048 ? sb->len - r : 2048))) {
			r = (size_t)(close - sb->buf) + 1;
			continue;
		}
		sb->buf[w++] = sb->buf[r++];
	}
	sb->len = w;
	sb->buf[w] = '\0';
}

/* Markdown's backslash escapes: "\[laughs\]" is "[laughs]", "\*" a star. */
static void unescape_markdown(struct sb *sb)
{
	size_t w = 0;

	for (size_t r = 0; r < sb->len; r++) {
		if (sb->buf[r] == '\\' && r + 1 < sb->len && strchr("[]()*_#.!-+`{}<>|\\", sb->buf[r + 1]) &&
		    sb->buf[r + 1])
			r++;
		sb->buf[w++] = sb->buf[r];
	}
	sb->len = w;
	sb->buf[w] = '\0';
}

/* Markdown: "## Heading" loses its marks and is a heading; "**Whole
 * line**" is emphasis; "**" and "__" anywhere else go (bold names in
 * speaker labels among them).  Returns whether it was a heading. */
static int is_mark(char c)
{
	return c == '*' || c == '_';
}

static int is_word_char(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

static int strip_markdown(struct sb *sb, int *emphasis, size_t *lead)
{
	size_t hashes = 0, w = 0, close_at = 0;
	int heading = 0, wrapped = 0, italic = 0;
	const char *close;

	/* "> quoted": a Markdown block quote, as Q&As set their answers */
	while (sb->len >= 2 && sb->buf[0] == '>' && (sb->buf[1] == ' ' || sb->buf[1] == '>')) {
		size_t skip = sb->buf[1] == ' ' ? 2 : 1;
		memmove(sb->buf, sb->buf + skip, sb->len - skip + 1);
		sb->len -= skip;
	}
	while (hashes < sb->len && sb->buf[hashes] == '#')
		hashes++;
	if (hashes && hashes <= 6 && sb->buf[hashes] == ' ') {
		memmove(sb->buf, sb->buf + hashes + 1, sb->len - hashes);
		sb->len -= hashes + 1;
		heading = 1;
	}
	/* "_**Why?**_", "*An aside.*": one mark around the whole line */
	while (sb->len > 2 && is_mark(sb->buf[0]) && sb->buf[1] != sb->buf[0] && sb->buf[1] != ' ' &&
	       sb->buf[sb->len - 1] == sb->buf[0] && sb->buf[sb->len - 2] != ' ' &&
	       !memchr(sb->buf + 1, sb->buf[0], sb->len - 2)) {
		/* one '*' or '_' is italics (a standfirst, an aside); bold
		 * inside it still counts */
		italic = 1;
		memmove(sb->buf, sb->buf + 1, sb->len - 2);
		sb->len -= 2;
		sb->buf[sb->len] = '\0';
		wrapped = 1;
	}
	*emphasis = (wrapped && !italic) ||
		    (sb->len > 4 && (!strncmp(sb->buf, "**", 2) || !strncmp(sb->buf, "__", 2)) &&
		     !strncmp(sb->buf + sb->len - 2, sb->buf, 2) &&
		     !strstr(sb->buf + 2, sb->buf[0] == '*' ? "**" : "__")[2]);
	/* "**Why bees?** Because ...", "0:00:11.8 **Ravi** Hello": the bold
	 * words and the rest */
	*lead = 0;
	{
		size_t o = label_timestamp(sb->buf), n;

		o += o ? strspn(sb->buf + o, " ") : 0;
		n = sb->len - o;
		if (!*emphasis && n > 4 && (!strncmp(sb->buf + o, "**", 2) || !strncmp(sb->buf + o, "__", 2)) &&
		    (close = strstr(sb->buf + o + 2, sb->buf[o] == '*' ? "**" : "__")) && close[2] &&
		    close - sb->buf > (long)o + 2)
			close_at = (size_t)(close - sb->buf);
	}
	/* Marks go where they open or close emphasis ("**Ada:**", "_Loomgraph_"),
	 * not inside a word ("snake_case") or standing alone ("5 * 3"). */
	for (size_t r = 0; r < sb->len;) {
		size_t run = 0;
		unsigned char before = r ? (unsigned char)sb->buf[r - 1] : ' ';
		unsigned char after;

		if (close_at && r == close_at)
			*lead = w;
		while (r + run < sb->len && sb->buf[r + run] == sb->buf[r] && is_mark(sb->buf[r]) && run < 3)
			run++;
		if (!run) {
			sb->buf[w++] = sb->buf[r++];
			continue;
		}
		after = r + run < sb->len ? (unsigned char)sb->buf[r + run] : ' ';
		if (run >= 2 || (!(is_word_char(before) && is_word_char(after)) && !(before == ' ' && after == ' ') &&
				 !(r == 0 && after == ' '))) {
			r += run;
			continue;
		}
		while (run--)
			sb->buf[w++] = sb->buf[r++];
	}
	while (w && sb->buf[w - 1] == ' ')
		w--;
	sb->len = w;
	sb->buf[w] = '\0';
	return heading;
}

/* A static site generator's markup on a line of its own: a kramdown
 * attribute list ("{: .interviewer }", "{:toc}") or a Liquid or Hugo tag
 * ("{% include ad.html %}", "{{< youtube id >}}").  Nothing in it is said. */
static int is_template_line(const char *s)
{
	size_t n = strlen(s);

	if (n < 4 || s[0] != '{' || s[n - 1] != '}')
		return 0;
	if (s[1] == ':')
		return strchr(s, '}') == s + n - 1;
	if (s[1] == '%')
		return s[n - 2] == '%';
	return s[1] == '{' && s[n - 2] == '}';
}

/* HTML left in a Markdown post or a copied page: "<p><strong>Q: Why?</strong></p>"
 * keeps its words (a heading or bold line stays one); a line of markup
 * alone ("<figure><img ...></figure>", "<div class=...>") has none to
 * keep.  Returns 1 when the line was such markup, with *heading and *bold
 * set; the words are left in sb, possibly empty, bold as "**". */
static int strip_html_line(struct sb *sb, int *heading, int *bold)
{
	static const char *const wordless[] = {
		"<figure", "<img", "<iframe", "<div", "</div", "<script", "<style", "<!--", "<video",
		"<audio", "<source", "<picture", "<svg", "<hr", "<br", "<span", "</span", "<section",
		"</section", "<nav", "<form", "<input", "<button", "<ul", "</ul", "<ol", "</ol",
		"<table", "</table", "<tr", "<td", "</figure", "<a ", "<meta", "<link",
	};
	struct sb out = SB_INIT;
	const char *p = sb->buf;

	if (sb->len < 3 || sb->buf[0] != '<' || !(isalpha((unsigned char)sb->buf[1]) || sb->buf[1] == '/' ||
						   sb->buf[1] == '!'))
		return 0;
	*heading = sb->buf[1] == 'h' && sb->buf[2] >= '1' && sb->buf[2] <= '6';
	*bold = 0;	/* read from the "**" it leaves */
	for (size_t i = 0; i < sizeof(wordless) / sizeof(wordless[0]); i++) {
		if (!strncasecmp(sb->buf, wordless[i], strlen(wordless[i]))) {
			sb->len = 0;
			sb->buf[0] = '\0';
			return 1;
		}
	}
	while (*p) {
		if (*p == '<') {
			const char *end = strchr(p, '>');
			if (!end)
				break;
			/* bold stays Markdown's, for strip_markdown() to read */
			if (!strncasecmp(p, "<strong>", 8) || !strncasecmp(p, "<b>", 3) ||
			    !strncasecmp(p, "</strong>", 9) || !strncasecmp(p, "</b>", 4))
				sb_addstr(&out, "**");
			p = end + 1;
			continue;
		}
		if (*p == '&') {
			size_t n = sb_add_entity(&out, p, strnlen(p, 10));
			if (n) {
				p += n;
				continue;
			}
		}
		sb_addch(&out, *p++);
	}
	sb->len = 0;
	sb_add(sb, out.buf ? out.buf : "", out.len);
	sb->buf[sb->len] = '\0';
	while (sb->len && sb->buf[sb->len - 1] == ' ')
		sb->buf[--sb->len] = '\0';
	sb_release(&out);
	return 1;
}

static void add_para(struct text *t, struct sb *sb, int line, int indent, int block, int first_in_block,
		     unsigned flags)
{
	struct para *p;
	struct sb folded = SB_INIT;
	int space = 0, heading = 0, emphasis = 0, html_heading = 0, html_bold = 0;
	size_t lead, n;

	/* Fold runs of white space, including no-break spaces, to one space. */
	for (size_t i = 0; i < sb->len; i++) {
		unsigned char c = (unsigned char)sb->buf[i];
		int ws = c == ' ' || c == '\t' || c == '\v' || c == '\f';

		if (c == 0xc2 && i + 1 < sb->len && (unsigned char)sb->buf[i + 1] == 0xa0) {
			ws = 1;
			i++;
		}
		if (ws) {
			space = folded.len > 0;
			continue;
		}
		if (c < 0x20 || c == 0x7f)
			continue;	/* an escape sequence's ESC, a stray control */
		if (space)
			sb_addch(&folded, ' ');
		space = 0;
		sb_addch(&folded, (char)c);
	}
	sb->len = 0;
	if (!folded.len)
		return;
	to_nfc(&folded);
	/* Under "Related posts" come the titles of other articles, up to the
	 * next sentence. */
	if (t->in_link_list && clean_count_words(folded.buf) <= LINK_MAX_WORDS &&
	    folded.buf[folded.len - 1] != '.') {
		add_dropped(t, sb_detach(&folded, NULL));
		return;
	}
	t->in_link_list = 0;
	if (is_template_line(folded.buf)) {
		sb_release(&folded);	/* "{: .interviewer }", "{% include ad.html %}" */
		return;
	}
	if (strip_html_line(&folded, &heading, &emphasis)) {
		html_heading = heading;
		html_bold = emphasis;
		if (!folded.len) {
			sb_release(&folded);
			return;
		}
	}
	if (cruft_is_chrome(folded.buf)) {
		t->in_link_list = cruft_opens_link_list(folded.buf);
		t->block_chrome++;
		add_dropped(t, sb_detach(&folded, NULL));
		return;
	}
	if (!(folded.buf[0] == '!' && folded.buf[1] == '['))	/* an image alone stays chrome */
		strip_links(&folded);
	unescape_markdown(&folded);
	heading = strip_markdown(&folded, &emphasis, &lead) || html_heading || (flags & CLEAN_HEADING);
	emphasis |= html_bold && !lead;
	if (heading && cruft_opens_link_list(folded.buf)) {	/* "## Useful links" */
		t->in_link_list = 1;
		t->block_chrome++;
		add_dropped(t, sb_detach(&folded, NULL));
		return;
	}
	{
		size_t before = folded.len;
		char *whole = xstrdup(folded.buf);

		folded.len = cruft_strip_directions(folded.buf);
		/* what the marks and directions stood in front of may leave a space */
		while (folded.len && folded.buf[0] == ' ') {
			memmove(folded.buf, folded.buf + 1, folded.len);
			folded.len--;
		}
		if (!folded.len) {
			free(whole);
			sb_release(&folded);
			return;
		}
		/* "A: (laughs)": a turn that says nothing, not a label for the
		 * paragraph below it */
		if (folded.len < before && label_is_bare(folded.buf, folded.len)) {
			add_dropped(t, whole);
			sb_release(&folded);
			return;
		}
		free(whole);
	}
	/* ":" left of "(00:00:31):", a rule of dashes: nothing to say */
	{
		int said = 0;

		for (size_t i = 0; i < folded.len && !said; i++)
			said = isalnum((unsigned char)folded.buf[i]) || (unsigned char)folded.buf[i] >= 0x80;
		if (!said) {
			add_dropped(t, sb_detach(&folded, NULL));
			return;
		}
	}
	/* "0:08.4 | Odile, what is a scent map? |": a transcript page's cell */
	while (folded.len >= 2 && folded.buf[folded.len - 1] == '|' && folded.buf[folded.len - 2] == ' ') {
		folded.len -= 2;
		folded.buf[folded.len] = '\0';
	}
	if ((n = cruft_date_prefix(folded.buf)) > 0) {	/* a dateline run into the text */
		char *date = xstrndup(folded.buf, n);

		while (n > 0 && strchr(" ,:|-.", date[n - 1]))
			date[--n] = '\0';
		add_dropped(t, date);
		n = strlen(date);
		n += strspn(folded.buf + n, " ,:|-.");
		memmove(folded.buf, folded.buf + n, folded.len - n + 1);
		folded.len -= n;
	}
	XGROW(t->paras, t->alloc, t->n + 1);
	p = &t->paras[t->n++];
	memset(p, 0, sizeof(*p));
	p->line = line;
	p->block = block;
	p->indent = indent;
	p->first_in_block = (unsigned)first_in_block;
	p->heading = (unsigned)heading;
	p->emphasis = (unsigned)emphasis;
	p->lead = lead < folded.len ? lead : 0;
	p->text = sb_detach(&folded, NULL);
	p->list_item = (unsigned)(clean_is_list_item(p->text) || (flags & CLEAN_LIST));
	p->linked = (unsigned)!!(flags & CLEAN_LINKS);
	p->h1 = (unsigned)!!(flags & CLEAN_H1);
}

static void end_block(struct text *t, size_t first_para);
static void join_broken(struct text *t);
static void drop_author_bios(struct text *t);

/* Cut the lines of one block [0, n) into paragraphs. */
static void split_block(struct text *t, const struct line *lines, size_t n, size_t width)
{
	struct sb sb = SB_INIT;
	size_t start = 0, first_para = t->n;

	t->block_chrome = 0;
	for (size_t i = 0; i < n; i++) {
		if (sb.len)
			sb_addch(&sb, ' ');
		sb_add(&sb, lines[i].s, lines[i].len);
		if (i + 1 < n && joins_next(&lines[i], &lines[i + 1], width))
			continue;
		add_para(t, &sb, lines[start].no, lines[start].indent, lines[start].block, t->n == first_para, 0);
		start = i + 1;
	}
	end_block(t, first_para);
	sb_release(&sb);
}

void clean_add_block(struct text *t, const char *const *texts, const int *lines, const unsigned *flags, size_t n)
{
	struct sb sb = SB_INIT;
	size_t first_para = t->n;
	int block = t->n ? t->paras[t->n - 1].block + 1 : 0;

	t->block_chrome = 0;
	for (size_t i = 0; i < n; i++) {
		sb.len = 0;
		sb_addstr(&sb, texts[i]);
		add_para(t, &sb, lines[i], 0, block, t->n == first_para, flags[i]);
	}
	end_block(t, first_para);
	sb_release(&sb);
}

void clean_add_dropped(struct text *t, const char *text)
{
	struct sb sb = SB_INIT;

	for (const char *p = text; *p && sb.len < 200; p++) {
		char c = isspace((unsigned char)*p) ? ' ' : *p;

		if (c == ' ' && (!sb.len || sb.buf[sb.len - 1] == ' '))
			continue;
		sb_addch(&sb, c);
	}
	while (sb.len && sb.buf[sb.len - 1] == ' ')
		sb.buf[--sb.len] = '\0';
	/* a cut inside a character would not be UTF-8 */
	while (sb.len && ((unsigned char)sb.buf[sb.len - 1] & 0xc0) == 0x80)
		sb.buf[--sb.len] = '\0';
	if (sb.len && (unsigned char)sb.buf[sb.len - 1] >= 0xc0)
		sb.buf[--sb.len] = '\0';
	if (sb.len)
		add_dropped(t, sb_detach(&sb, NULL));
	else
		sb_release(&sb);
}

void clean_finish(struct text *t)
{
	join_broken(t);
	drop_author_bios(t);
}

/* The paragraphs from first_para on end a block: mark its last, and
 * whether most of it was chrome. */
static void end_block(struct text *t, size_t first_para)
{
	if (t->n > first_para)
		t->paras[t->n - 1].last_in_block = 1;
	/* a block that is mostly chrome is a menu, and its other lines too */
	if (t->block_chrome >= t->n - first_para)
		for (size_t k = first_para; k < t->n; k++)
			t->paras[k].chrome_near = t->block_chrome < 15 ? t->block_chrome : 15;
}

/* A paragraph that opens in lower case after one that ends mid-sentence
 * goes on with it: captions cut into cues ("... welcome to" / "this
 * month's ..."), a line broken by a page. */
static void join_broken(struct text *t)
{
	size_t w = 0, lower = 0;

	/* a machine transcript in lower case throughout: each line is a turn */
	for (size_t r = 0; r < t->n; r++)
		lower += islower((unsigned char)t->paras[r].text[0]) != 0;
	if (lower >= 5 && lower * 10 >= t->n * 7)
		return;

	for (size_t r = 0; r < t->n; r++) {
		struct para *cur = &t->paras[r], *prev = w ? &t->paras[w - 1] : NULL;
		size_t n = prev ? strlen(prev->text) : 0;
		char last = n ? prev->text[n - 1] : '.';

		/* never onto the first paragraph: a headline ends with no stop */
		if (prev && w > 1 && islower((unsigned char)cur->text[0]) &&
		    !strchr(".?!:;\")]", last) &&
		    clean_count_words(prev->text) >= 6 &&
		    !(n >= 3 && (unsigned char)prev->text[n - 3] == 0xe2) && !prev->list_item && !cur->list_item) {
			struct sb sb = SB_INIT;

			sb_addstr(&sb, prev->text);
			sb_addch(&sb, ' ');
			sb_addstr(&sb, cur->text);
			free(prev->text);
			free(cur->text);
			prev->text = sb_detach(&sb, NULL);
			prev->heading = prev->emphasis = 0;
			prev->last_in_block = cur->last_in_block;
			continue;
		}
		t->paras[w++] = *cur;
	}
	t->n = w;
}

/* Pages end an article with a note about its author. */
#define BIO_TAIL 3

static void drop_author_bios(struct text *t)
{
	size_t w = t->n > BIO_TAIL ? t->n - BIO_TAIL : 0;

	for (size_t r = w; r < t->n; r++) {
		if (cruft_is_author_bio(t->paras[r].text))
			add_dropped(t, t->paras[r].text);
		else
			t->paras[w++] = t->paras[r];
	}
	t->n = w;
}

/* The non-blank lines of data, each with its block (a run of lines
 * between blank ones); caller frees *out. */
static size_t read_lines(const char *data, size_t len, struct line **out)
{
	struct line *lines = NULL;
	size_t nlines = 0, lines_alloc = 0;
	const char *p = data, *end = data + len;	/* data need not end with a NUL */
	int lineno = 1, block = 0;

	while (p <= end) {
		const char *eol = p;
		struct line ln;

		while (eol < end && *eol != '\n' && *eol != '\r')
			eol++;
		ln.no = lineno;
		ln.indent = 0;
		ln.s = p;
		for (;;) {
			if (ln.s < eol && (*ln.s == ' ' || *ln.s == '\t')) {
				ln.indent += *ln.s == '\t' ? 8 - ln.indent % 8 : 1;
				ln.s++;
			} else if (eol - ln.s >= 2 && !memcmp(ln.s, NBSP, 2)) {
				ln.indent++;
				ln.s += 2;
			} else {
				break;
			}
		}
		ln.len = (size_t)(eol - ln.s);
		for (;;) {
			if (ln.len && isspace((unsigned char)ln.s[ln.len - 1]))
				ln.len--;
			else if (ln.len >= 2 && !memcmp(ln.s + ln.len - 2, NBSP, 2))
				ln.len -= 2;
			else
				break;
		}
		ln.block = block;
		if (ln.len) {
			XGROW(lines, lines_alloc, nlines + 1);
			lines[nlines++] = ln;
		} else if (nlines && lines[nlines - 1].block == block) {
			block++;
		}
		if (eol >= end)
			break;
		/* CRLF, LF and lone CR each end one line. */
		p = eol + (eol[0] == '\r' && eol + 1 < end && eol[1] == '\n' ? 2 : 1);
		lineno++;
	}
	*out = lines;
	return nlines;
}

int clean_wrapped(const char *data, size_t len)
{
	struct line *lines;
	size_t n = read_lines(data, len, &lines), width = wrap_width(lines, n);

	free(lines);
	return width > 0;
}

int clean_text(const char *name, const char *data, size_t len, struct text *out)
{
	const unsigned char *u = (const unsigned char *)data;
	struct line *lines;
	size_t nlines, width;

	memset(out, 0, sizeof(*out));
	if (len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) {
		data += 3;
		len -= 3;
	}
	if (clean_check_encoding(name, data, len) < 0)
		return -1;
	nlines = read_lines(data, len, &lines);
	width = wrap_width(lines, nlines);
	for (size_t i = 0, start = 0; i < nlines; i++) {
		if (i + 1 == nlines || lines[i + 1].block != lines[i].block) {
			split_block(out, lines + start, i + 1 - start, width);
			start = i + 1;
		}
	}
	clean_finish(out);
	free(lines);
	return 0;
}

void text_release(struct text *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->paras[i].text);
	free(t->paras);
	for (size_t i = 0; i < t->ndropped; i++)
		free(t->dropped[i]);
	free(t->dropped);
	memset(t, 0, sizeof(*t));
}

void gather_text(struct gather *g, const char *s, size_t n, int line)
{
	size_t before = g->line.len;

	if (!g->line_no)
		g->line_no = line;
	for (size_t i = 0; i < n; i++) {
		char c = s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i];

		if (c == ' ' && g->line.len && g->line.buf[g->line.len - 1] == ' ')
			continue;
		sb_addch(&g->line, c);
	}
	if (g->in_link)
		g->link_bytes += g->line.len - before;
}

size_t gather_mark(struct gather *g, const char *mark)
{
	size_t at = g->line.len;

	sb_addstr(&g->line, mark);
	return at;
}

void gather_unmark(struct gather *g, size_t at, const char *mark)
{
	size_t n = strlen(mark);

	if (g->line.len < at + n || memcmp(g->line.buf + at, mark, n))
		return;	/* a line break came between: the mark went with its line */
	if (g->line.len == at + n || (g->line.len == at + n + 1 && g->line.buf[g->line.len - 1] == ' ')) {
		g->line.len = at;	/* nothing inside */
		g->line.buf[at] = '\0';
		return;
	}
	if (g->line.buf[at + n] == ' ') {	/* "** Why" -> " **Why" */
		memmove(g->line.buf + at + 1, g->line.buf + at, n);
		g->line.buf[at] = ' ';
	}
	if (g->line.buf[g->line.len - 1] == ' ') {
		g->line.len--;
		sb_addstr(&g->line, mark);
		sb_addch(&g->line, ' ');
	} else {
		sb_addstr(&g->line, mark);
	}
}

void gather_line(struct gather *g)
{
	size_t start = 0, len = g->line.len;
	unsigned flags = g->flags;

	while (start < len && isspace((unsigned char)g->line.buf[start]))
		start++;
	while (len > start && isspace((unsigned char)g->line.buf[len - 1]))
		len--;
	if (len > start) {
		if (g->link_bytes * 10 >= (len - start) * 7)
			flags |= CLEAN_LINKS;
		if (g->n == g->alloc) {
			g->alloc = g->alloc ? 2 * g->alloc : 8;
			g->texts = xrealloc(g->texts, g->alloc * sizeof(*g->texts));
			g->lines = xrealloc(g->lines, g->alloc * sizeof(*g->lines));
			g->line_flags = xrealloc(g->line_flags, g->alloc * sizeof(*g->line_flags));
		}
		g->texts[g->n] = xstrndup(g->line.buf + start, len - start);
		g->lines[g->n] = g->line_no;
		g->line_flags[g->n++] = flags;
	}
	g->line.len = 0;
	g->link_bytes = 0;
	g->line_no = 0;
}

void gather_block(struct gather *g)
{
	gather_line(g);
	if (g->n)
		clean_add_block(g->t, (const char *const *)g->texts, g->lines, g->line_flags, g->n);
	for (size_t i = 0; i < g->n; i++)
		free(g->texts[i]);
	g->n = 0;
}

void gather_release(struct gather *g)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->texts[i]);
	free(g->texts);
	free(g->lines);
	free(g->line_flags);
	sb_release(&g->line);
	memset(g, 0, sizeof(*g));
}
