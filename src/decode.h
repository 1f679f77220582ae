/* decode.h -- the best sequence of hidden states for a chain of
 * observations: Viterbi for the path, forward-backward for how sure each
 * step of it is.  The splitter's grammar of an interview is such a chain
 * (split.c); this file knows nothing of interviews.
 * In:  a model of S states: log transition scores trans[from * S + to]
 *      (-INFINITY where a step is not allowed), log start and end scores,
 *      and n * S log emission scores emit[i * S + s].
 * Out: path[i], the state of step i on the best path, and post[i], the
 *      posterior probability of that state at step i (NULL to skip it).
 * Pure; O(n * S * S) time, O(n * S) memory. */
#ifndef COLLOQUY_DECODE_H
#define COLLOQUY_DECODE_H

#include <stddef.h>

struct hmm {
	size_t nstates;
	const double *trans;   /* nstates * nstates */
	const double *start;   /* nstates */
	const double *end;     /* nstates */
};

/* Returns 0, or -1 when no path is allowed (then path is untouched). */
int decode_best(const struct hmm *m, const double *emit, size_t n, int *path, double *post);

#endif
