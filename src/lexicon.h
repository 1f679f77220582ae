/* lexicon.h -- a show's pronunciation lexicon: words or patterns and what
 * espeak-ng should say instead.
 *
 * One entry a line, '#' starts a comment:
 *     Zmanda = Zee-manda          a word: whole words only; written in
 *                                 lower case it matches any case, with a
 *                                 capital only that spelling
 *     /[Kk]ubernetes/ = koo-ber-net-eez     an extended regular expression
 *     /\bRHX\b/i = R H X          ... with i, case folded
 *     Childers = [[tS'Ild3z]]     espeak-ng phonemes between [[ and ]]
 * Applied by speak.c to every spoken segment, in file order; never to
 * chapter titles, tags or transcripts.  Errors name the file and line. */
#ifndef COLLOQUY_LEXICON_H
#define COLLOQUY_LEXICON_H

#include <stddef.h>

struct lexicon_entry;

struct lexicon {
	struct lexicon_entry *e;
	size_t n, alloc;
};

/* Parse a lexicon file into lx (which the caller zeroes first).  Returns 0,
 * or -1 after one message naming the file, the line and the cause. */
int lexicon_load(const char *path, struct lexicon *lx);
/* The same from a string, for tests; name is used in messages. */
int lexicon_parse(const char *name, const char *text, struct lexicon *lx);
void lexicon_release(struct lexicon *lx);

/* text with every entry applied; caller frees.  Replacement phonemes stay
 * in [[ ]] for espeak-ng's phoneme input. */
char *lexicon_apply(const struct lexicon *lx, const char *text);

#endif
