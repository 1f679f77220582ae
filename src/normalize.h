/* normalize.h -- rewrite a paragraph into what espeak-ng should read.
 * In:  a segment's text, as split gives it (it stays as it is for chapter
 *      titles, tags and transcripts).
 * Out: a new string, caller frees, for speak.c only.
 * Each rule fixes something espeak-ng reads badly; the table of rules in
 * normalize.c is the documentation, and tests/unit/test_normalize.c checks
 * each one through espeak-ng's own phoneme output.  The result never holds
 * "[[" (espeak-ng's phoneme brackets), so text is always read as text.
 * Pure, no I/O. */
#ifndef COLLOQUY_NORMALIZE_H
#define COLLOQUY_NORMALIZE_H

char *normalize_text(const char *text);

/* The rules, for `colloquy voices --rules` and the README. */
struct normalize_rule {
	const char *name;
	const char *example;       /* as written */
	const char *spoken;        /* as espeak-ng is given it */
};
extern const struct normalize_rule normalize_rules[];
extern const unsigned normalize_nrules;

#endif
