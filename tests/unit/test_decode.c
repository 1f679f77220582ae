/* test_decode.c -- decode_best(): the Viterbi path and its posteriors on
 * small chains whose answers can be worked out by hand.  No I/O. */
#include <math.h>
#include <stdlib.h>

#include "decode.h"
#include "tap.h"

#define NO -INFINITY

int main(void)
{
	/* Two states, A then B only (no way back). */
	const double trans[] = { log(0.5), log(0.5), NO, 0 };
	const double start[] = { 0, NO }, end[] = { 0, 0 };
	struct hmm m = { 2, trans, start, end };
	/* The observations favour B, A, B: but B cannot go back to A, so the
	 * best allowed path is A A B. */
	double emit[] = { log(0.4), log(0.6), log(0.9), log(0.1), log(0.2), log(0.8) };
	int path[3] = { -1, -1, -1 };
	double post[3];

	setvbuf(stdout, NULL, _IOLBF, 0);
	CHECK(decode_best(&m, emit, 3, path, post) == 0, "a path exists");
	CHECK(path[0] == 0 && path[1] == 0 && path[2] == 1, "the path is A A B (got %d %d %d)", path[0], path[1], path[2]);
	/* Paths allowed: AAA, AAB, ABB, BBB is not (start is A).  Their
	 * weights: AAA .4*.5*.9*.5*.2 = .018, AAB .4*.5*.9*.5*.8 = .072,
	 * ABB .4*.5*.1*1*.8 = .016; the first step is A on all of them. */
	CHECK(fabs(post[0] - 1.0) < 1e-9, "step 1 is surely A (got %.6f)", post[0]);
	CHECK(fabs(post[1] - (0.018 + 0.072) / 0.106) < 1e-9, "step 2 is A with p 0.849 (got %.6f)", post[1]);
	CHECK(fabs(post[2] - (0.072 + 0.016) / 0.106) < 1e-9, "step 3 is B with p 0.830 (got %.6f)", post[2]);

	/* No allowed path: the only start state cannot end. */
	{
		const double end2[] = { NO, NO };
		struct hmm m2 = { 2, trans, start, end2 };
		path[0] = 7;
		CHECK(decode_best(&m2, emit, 3, path, NULL) == -1 && path[0] == 7, "no path: -1, path untouched");
	}
	/* An empty chain is no error. */
	CHECK(decode_best(&m, emit, 0, path, post) == 0, "an empty chain");
	/* A long chain does not underflow: 100,000 steps of A (but for the
	 * last few, where B, which never has to leave, costs little more). */
	{
		size_t n = 100000;
		double *e = malloc(n * 2 * sizeof(double));
		int *p = malloc(n * sizeof(int));
		double *q = malloc(n * sizeof(double));
		size_t bad = 0;

		for (size_t i = 0; i < n; i++) {
			e[2 * i] = log(0.7);
			e[2 * i + 1] = log(0.3);
		}
		CHECK(decode_best(&m, e, n, p, q) == 0, "100,000 steps decode");
		for (size_t i = 0; i + 10 < n; i++)
			bad += p[i] != 0 || !(q[i] > 0.5 && q[i] <= 1);
		CHECK(bad == 0, "... all A with posteriors in (0.5, 1] (%zu not)", bad);
		free(e);
		free(p);
		free(q);
	}
	return tap_done();
}
