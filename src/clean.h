/* clean.h -- turn the bytes of a transcript into paragraphs.
 * In:  the file's bytes (any line endings, optional UTF-8 BOM).
 * Out: paragraphs with whitespace folded, in NFC, each with its line number
 *      and block (a run of lines between blank lines).  Markdown emphasis,
 *      heading and block-quote marks, links (their text stays), HTML tags
 *      left in a post, control bytes and stage directions are removed; a
 *      paragraph that opens in lower case after one cut off mid-sentence
 *      is joined to it; hard-wrapped lines are joined, never across a
 *      speaker's label.  Page chrome (cruft.h) is moved to the dropped
 *      list; what is furniture only in context is left to split.c.
 * Errs: returns -1 after one message naming the file and the cause
 *      (not UTF-8, binary data, UTF-16).  Pure: no I/O but that message. */
#ifndef COLLOQUY_CLEAN_H
#define COLLOQUY_CLEAN_H

#include <stddef.h>

#include "util.h"

struct para {
	char *text;          /* trimmed, inner whitespace folded to one space */
	int line;            /* 1-based line of its first line */
	int block;           /* index of its block; paragraphs of one block touch */
	int indent;          /* leading columns of its first line */
	unsigned first_in_block : 1;
	unsigned last_in_block : 1;
	unsigned list_item : 1;   /* "1.", "2)", "-", "*", "•" */
	unsigned heading : 1;     /* a Markdown heading ("## ..."), marks removed */
	unsigned emphasis : 1;    /* the whole paragraph was bold ("**...**") */
	unsigned linked : 1;      /* mostly the text of links (a structured reader's) */
	unsigned h1 : 1;          /* a top-level heading (a structured reader's) */
	unsigned chrome_near : 4; /* lines of its block dropped as a page's
				     chrome (at most 15), when they are as many
				     as the block's paragraphs: a menu */
	size_t lead;         /* bytes of a bold opening that the paragraph goes
				on after ("**Why bees?** Because ..."), or 0 */
};

struct text {
	struct para *paras;
	size_t n, alloc;
	char **dropped;
	size_t ndropped, dropped_alloc;
	int in_link_list;    /* while cleaning: under a "Related posts" heading */
	unsigned block_chrome;   /* while cleaning: chrome lines of this block */
};

/* Check that data is UTF-8 text (no NUL, not UTF-16); name the first bad
 * line and byte.  Returns 0, or -1 after one message. */
int clean_check_encoding(const char *name, const char *data, size_t len);

int clean_text(const char *name, const char *data, size_t len, struct text *out);

/* Is the text hard-wrapped at a fixed column (its line breaks inside
 * paragraphs are the editor's, not the author's)? */
int clean_wrapped(const char *data, size_t len);

/* What a structured reader (HTML) knows of a paragraph. */
enum { CLEAN_HEADING = 1, CLEAN_LIST = 2, CLEAN_LINKS = 4, CLEAN_H1 = 8 };

/* Add one block of n paragraphs that a structured reader found (a <p>
 * and its <br> lines, a heading, a list item) to t, which starts zeroed:
 * texts[i] as said, bold as "**...**", from source line lines[i], with
 * flags[i].  Each goes through the same folding, chrome and Markdown rules
 * as a plain text's paragraphs.  clean_finish() ends the text. */
void clean_add_block(struct text *t, const char *const *texts, const int *lines, const unsigned *flags, size_t n);
void clean_finish(struct text *t);

/* Note text a structured reader left out (folded to single spaces, at
 * most 200 bytes), for `split` to list with what clean dropped. */
void clean_add_dropped(struct text *t, const char *text);

/* A structured reader's text as it walks its tree: words go to the line
 * being gathered, a line break ends the line, a block's end sends its
 * lines to clean_add_block. */
struct gather {
	struct text *t;
	struct sb line;      /* the line being gathered */
	int line_no;         /* its first word's source line */
	size_t link_bytes;   /* of line, inside a link */
	int in_link;         /* inside a link (a depth) */
	unsigned flags;      /* CLEAN_HEADING or CLEAN_LIST for the block */
	char **texts;        /* the block's lines so far */
	int *lines;
	unsigned *line_flags;
	size_t n, alloc;
};

/* Add n bytes of s, from source line line, to the line (new lines and
 * tabs are spaces, runs of spaces one). */
void gather_text(struct gather *g, const char *s, size_t n, int line);
/* Open and close a mark (bold "**", italics "*") around what is added in
 * between: gather_mark returns where it opened, gather_unmark closes it
 * there, round the words rather than their spaces, or takes it back when
 * nothing came between. */
size_t gather_mark(struct gather *g, const char *mark);
void gather_unmark(struct gather *g, size_t at, const char *mark);
void gather_line(struct gather *g);
void gather_block(struct gather *g);
void gather_release(struct gather *g);
void text_release(struct text *t);

/* Count the words of s (runs of non-space). */
size_t clean_count_words(const char *s);
/* Is s (a paragraph) a list item: "1. x", "12) x", "- x", "* x", "• x"? */
int clean_is_list_item(const char *s);

#endif
