/* label.h -- the grammar of a turn marker at the start of a paragraph.
 *
 *   label := [ts] NAME [", " ROLE | " (" ROLE ")"] [ts] SEP [ts]
 *   ts    := "0:00:41.3" | "00:37" | "[00:01:40]" | "(12:31)"
 *   NAME  := one to four words, each capitalised, in capitals, a name
 *            particle ("de", "van") or a number after a role ("Speaker 2")
 *   SEP   := ": " | " : " | ":" at the end | " - " | ". " (capitals or several
 *            words only) | the end of the line after a timestamp | the
 *            timestamp itself, words following ("Speaker 1 00:27 So ...")
 *
 * Markdown emphasis is gone by now (clean.c), so "**Ada:**", "**Ada**:"
 * and "Ada:" read alike.  Q/A marks ("Q:", "Q3.", "Question:", "A -") and
 * role words ("Interviewer:", "Respondent:", "I:", "R:") are labels too,
 * with the side they stand for.  Which labels are speakers is decided for
 * the whole document by split.c; this file only reads one paragraph.
 * Pure, no I/O. */
#ifndef COLLOQUY_LABEL_H
#define COLLOQUY_LABEL_H

#include <stddef.h>

enum label_kind {
	LABEL_NONE,
	LABEL_NAME,      /* a person's or a publication's name */
	LABEL_Q,         /* "Q:", "Question:" */
	LABEL_A,         /* "A:", "Answer:" */
	LABEL_HOST,      /* "Interviewer:", "Host:", "I:", "Moderator:" */
	LABEL_GUEST,     /* "Interviewee:", "Respondent:", "R:", "Guest:" */
};

struct label {
	enum label_kind kind;
	size_t name, name_len;   /* the name within the text */
	size_t body;             /* where the words said begin (== strlen for a
				    bare label, whose words follow in the next
				    paragraph) */
	char sep;                /* ':', '.', '-', '|', 'b' (end of bold), 't' (a timestamp
				    between name and words), or 0 (line end) */
	unsigned ts : 1;         /* a timestamp came with it */
	unsigned caps : 1;       /* several words, or one in capitals */
	unsigned numbered : 1;   /* "Interviewer 2", "Speaker 1" */
	unsigned whole : 1;      /* the line is the name and nothing else (set
				    by split.c, which knows the document) */
	int role_side;           /* "LENA MARSH, HOST:": 1 host, 2 guest, 0 unsaid */
	size_t role, role_len;   /* "HELEN PARATA, MINISTER FOR WATER:": the
				    title after the name, which may label her
				    later turns alone ("MINISTER:"); 0 for none */
};

/* Read the label at the start of text into *l; returns l->kind. */
enum label_kind label_parse(const char *text, struct label *l);
/* The same, where the text's bold opening ended at bold_end (clean.h's
 * para.lead; 0 for none): "**Ravi Chandran** Hello" has its name end
 * there, with no other separator. */
enum label_kind label_parse_bold(const char *text, size_t bold_end, struct label *l);

/* A timestamp at s ("00:37", "[1:02:03]", "(0:41.3)"): its length, or 0. */
size_t label_timestamp(const char *s);

/* A timestamp that opens a line, with the spaces and "|" or "-" after it
 * ("0:01:30 |  If any ..."): its length, or 0. */
size_t label_timestamp_lead(const char *s);

/* Is text no more than a label, its words in the next paragraph?  Used by
 * clean.c to keep such a line from joining the next one. */
int label_is_bare(const char *text, size_t len);

#endif
