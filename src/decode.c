/* decode.c -- see decode.h. */
#include "decode.h"

#include <math.h>
#include <stdlib.h>

#include "util.h"

/* log(exp(a) + exp(b)) without overflow. */
static double log_add(double a, double b)
{
	if (a == -INFINITY)
		return b;
	if (b == -INFINITY)
		return a;
	return a > b ? a + log1p(exp(b - a)) : b + log1p(exp(a - b));
}

static void posteriors(const struct hmm *m, const double *emit, size_t n, const int *path, double *post)
{
	size_t S = m->nstates;
	double *fw = xmalloc(n * S * sizeof(double)), *bw = xmalloc(n * S * sizeof(double));
	double total = -INFINITY;

	for (size_t s = 0; s < S; s++)
		fw[s] = m->start[s] + emit[s];
	for (size_t i = 1; i < n; i++) {
		for (size_t t = 0; t < S; t++) {
			double acc = -INFINITY;
			for (size_t s = 0; s < S; s++)
				acc = log_add(acc, fw[(i - 1) * S + s] + m->trans[s * S + t]);
			fw[i * S + t] = acc + emit[i * S + t];
		}
	}
	for (size_t s = 0; s < S; s++)
		bw[(n - 1) * S + s] = m->end[s];
	for (size_t i = n - 1; i-- > 0;) {
		for (size_t s = 0; s < S; s++) {
			double acc = -INFINITY;
			for (size_t t = 0; t < S; t++)
				acc = log_add(acc, m->trans[s * S + t] + emit[(i + 1) * S + t] + bw[(i + 1) * S + t]);
			bw[i * S + s] = acc;
		}
	}
	for (size_t s = 0; s < S; s++)
		total = log_add(total, fw[(n - 1) * S + s] + m->end[s]);
	for (size_t i = 0; i < n; i++) {
		size_t s = (size_t)path[i];
		double p = exp(fw[i * S + s] + bw[i * S + s] - total);
		post[i] = p > 1 ? 1 : p;
	}
	free(fw);
	free(bw);
}

int decode_best(const struct hmm *m, const double *emit, size_t n, int *path, double *post)
{
	size_t S = m->nstates;
	double *score, best = -INFINITY;
	int *back;
	long last = -1;

	if (!n)
		return 0;
	score = xmalloc(n * S * sizeof(double));
	back = xmalloc(n * S * sizeof(int));
	for (size_t s = 0; s < S; s++) {
		score[s] = m->start[s] + emit[s];
		back[s] = -1;
	}
	for (size_t i = 1; i < n; i++) {
		for (size_t t = 0; t < S; t++) {
			double top = -INFINITY;
			int arg = -1;

			for (size_t s = 0; s < S; s++) {
				double v = score[(i - 1) * S + s] + m->trans[s * S + t];
				if (v > top) {
					top = v;
					arg = (int)s;
				}
			}
			score[i * S + t] = top + emit[i * S + t];
			back[i * S + t] = arg;
		}
	}
	for (size_t s = 0; s < S; s++) {
		double v = score[(n - 1) * S + s] + m->end[s];
		if (v > best) {
			best = v;
			last = (long)s;
		}
	}
	if (last < 0) {
		free(score);
		free(back);
		return -1;
	}
	for (size_t i = n; i-- > 0;) {
		path[i] = (int)last;
		last = back[i * S + (size_t)last];
	}
	if (post)
		posteriors(m, emit, n, path, post);
	free(score);
	free(back);
	return 0;
}
