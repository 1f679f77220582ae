/* markdown.c -- see markdown.h. */
#include "markdown.h"

#include <md4c.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "label.h"
#include "util.h"

#define MARKS_MAX 32

struct md {
	struct gather g;
	const char *base, *end;	/* the input, for line numbers */
	const char *counted; /* how far its new lines are counted */
	int line;
	int in_img, in_code, in_html;
	int soft;            /* a soft line break not yet written */
	int lines_kept;      /* the text is not hard-wrapped: its breaks are the author's */
	unsigned saved[MARKS_MAX];   /* the flags of the blocks entered */
	int depth;
	size_t marks[MARKS_MAX];     /* where each open bold or italic opened */
	int nmarks;
};

/* The source line of p, a pointer into the input (md4c passes some texts,
 * such as a soft break's "\n", from its own storage: the line so far). */
static int line_of(struct md *m, const char *p)
{
	if (p < m->base || p > m->end)
		return m->line;
	if (p < m->counted) {
		m->counted = m->base;
		m->line = 1;
	}
	for (; m->counted < p; m->counted++)
		m->line += *m->counted == '\n';
	return m->line;
}

/* A soft break before text: a line break where a turn opens ("Ada:",
 * "Q."), else the space CommonMark makes of it. */
static void settle_soft(struct md *m, const char *text, size_t size, int turn)
{
	if (!m->soft)
		return;
	m->soft = 0;
	turn |= m->lines_kept;
	/* after a label on a line of its own ("Ada Stone (00:00:24):") */
	if (!turn && m->g.line.len && m->g.line.buf[m->g.line.len - 1] == ':' && clean_count_words(m->g.line.buf) <= 6)
		turn = 1;
	if (!turn && text) {
		char *s = xstrndup(text, size < 120 ? size : 120);
		struct label l;

		turn = label_parse(s, &l) != LABEL_NONE || label_timestamp(s) > 0;
		free(s);
	}
	if (turn)
		gather_line(&m->g);
	else
		gather_text(&m->g, " ", 1, m->line);
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
	struct md *m = ud;

	m->soft = 0;
	if (m->depth < MARKS_MAX)
		m->saved[m->depth] = m->g.flags;
	m->depth++;
	switch (type) {
	case MD_BLOCK_CODE:
		m->in_code++;
		break;
	case MD_BLOCK_HTML:
		gather_block(&m->g);
		m->in_html++;
		break;
	case MD_BLOCK_H:
		gather_block(&m->g);
		m->g.flags = CLEAN_HEADING | (((MD_BLOCK_H_DETAIL *)detail)->level == 1 ? CLEAN_H1 : 0);
		break;
	case MD_BLOCK_LI:
		gather_block(&m->g);
		m->g.flags = CLEAN_LIST;
		break;
	case MD_BLOCK_P: case MD_BLOCK_QUOTE: case MD_BLOCK_TD: case MD_BLOCK_TH: case MD_BLOCK_TR:
	case MD_BLOCK_HR:
		gather_block(&m->g);
		break;
	default:
		break;
	}
	return 0;
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
	struct md *m = ud;

	(void)detail;
	m->soft = 0;
	if (type == MD_BLOCK_CODE)
		m->in_code--;
	else if (type == MD_BLOCK_HTML)
		m->in_html--;
	gather_block(&m->g);
	m->depth--;
	if (m->depth < MARKS_MAX)
		m->g.flags = m->saved[m->depth];
	return 0;
}

static int enter_span(MD_SPANTYPE type, void *detail, void *ud)
{
	struct md *m = ud;

	(void)detail;
	if (m->in_img) {
		m->in_img += type == MD_SPAN_IMG;
		return 0;
	}
	switch (type) {
	case MD_SPAN_STRONG: case MD_SPAN_EM:
		settle_soft(m, NULL, 0, type == MD_SPAN_STRONG);	/* "**Ada:**" opens a turn */
		if (m->nmarks < MARKS_MAX)
			m->marks[m->nmarks] = gather_mark(&m->g, type == MD_SPAN_STRONG ? "**" : "*");
		m->nmarks++;
		break;
	case MD_SPAN_A:
		m->g.in_link++;
		break;
	case MD_SPAN_IMG:
		m->in_img = 1;
		break;
	default:
		break;
	}
	return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *ud)
{
	struct md *m = ud;

	(void)detail;
	if (m->in_img) {
		m->in_img -= type == MD_SPAN_IMG;
		return 0;
	}
	switch (type) {
	case MD_SPAN_STRONG: case MD_SPAN_EM:
		m->nmarks--;
		if (m->nmarks < MARKS_MAX)
			gather_unmark(&m->g, m->marks[m->nmarks], type == MD_SPAN_STRONG ? "**" : "*");
		break;
	case MD_SPAN_A:
		m->g.in_link--;
		break;
	default:
		break;
	}
	return 0;
}

static int text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE size, void *ud)
{
	struct md *m = ud;
	int line = line_of(m, s);

	if (m->in_img || m->in_code)
		return 0;
	if (m->in_html) {	/* a raw HTML block: each line as a text's line */
		for (const char *p = s, *end = s + size; p < end;) {
			const char *eol = memchr(p, '\n', (size_t)(end - p));
			size_t n = eol ? (size_t)(eol - p) : (size_t)(end - p);

			gather_text(&m->g, p, n, line_of(m, p));
			if (eol)
				gather_line(&m->g);
			p += n + (eol != NULL);
		}
		return 0;
	}
	switch (type) {
	case MD_TEXT_NORMAL: case MD_TEXT_CODE: case MD_TEXT_LATEXMATH:
		settle_soft(m, s, size, 0);
		gather_text(&m->g, s, size, line);
		break;
	case MD_TEXT_ENTITY: {
		struct sb e = SB_INIT;

		settle_soft(m, s, size, 0);
		if (sb_add_entity(&e, s, size) && e.len)
			gather_text(&m->g, e.buf, e.len, line);
		else
			gather_text(&m->g, s, size, line);
		sb_release(&e);
		break;
	}
	case MD_TEXT_BR:
		m->soft = 0;
		gather_line(&m->g);
		break;
	case MD_TEXT_SOFTBR:
		m->soft = 1;
		break;
	case MD_TEXT_HTML:	/* inline tags are not said; <br> breaks the line */
		if (size >= 3 && !strncasecmp(s, "<br", 3)) {
			m->soft = 0;
			gather_line(&m->g);
		}
		break;
	default:
		break;
	}
	return 0;
}

int markdown_detect(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot && (!strcasecmp(dot, ".md") || !strcasecmp(dot, ".markdown") || !strcasecmp(dot, ".mdown") ||
		       !strcasecmp(dot, ".mkd"));
}

int markdown_read(const char *name, const char *data, size_t len, struct text *t)
{
	MD_PARSER parser;
	struct md m;

	memset(t, 0, sizeof(*t));
	if (len > 0x7fffffff)
		return error("'%s' is too large to read as Markdown", name);
	memset(&parser, 0, sizeof(parser));
	parser.abi_version = 0;
	/* indented text is a transcript's, not code; tables and strikethrough
	 * as GitHub writes them */
	parser.flags = MD_FLAG_NOINDENTEDCODEBLOCKS | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS;
	parser.enter_block = enter_block;
	parser.leave_block = leave_block;
	parser.enter_span = enter_span;
	parser.leave_span = leave_span;
	parser.text = text;
	memset(&m, 0, sizeof(m));
	m.g.t = t;
	m.base = m.counted = data;
	m.end = data + len;
	m.lines_kept = !clean_wrapped(data, len);
	m.line = 1;
	if (md_parse(data, (MD_SIZE)len, &parser, &m) != 0) {
		gather_release(&m.g);
		text_release(t);
		return error("'%s' could not be read as Markdown", name);
	}
	gather_block(&m.g);
	gather_release(&m.g);
	clean_finish(t);
	return 0;
}
