/* master.c -- see master.h. */
#include "master.h"

#include <ebur128.h>
#include <math.h>
#include <sndfile.h>
#include <soxr.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "clean.h"
#include "util.h"

/* Speech is what rises above -45 dBFS; a little is kept around it so that
 * soft consonants are not clipped off. */
#define TRIM_THRESHOLD 0.0056f
#define TRIM_KEEP_MS 15
/* The limiter looks this far ahead and recovers this fast. */
#define LIMIT_LOOKAHEAD_MS 5
#define LIMIT_RELEASE_MS 80
/* Music: the intro bed alone before the first word; how far beds duck
 * under speech and how fast; fades; the pause around a sting; the outro
 * bed alone after the last word. */
#define INTRO_SOLO_MS 3000
#define DUCK_DB -15.0
#define DUCK_RAMP_MS 400
#define BED_FADE_MS 1500
#define STING_PAD_MS 300
#define OUTRO_SOLO_MS 4000
#define CONTINUE_GAP_MS 340	/* espeak-ng's own pause between sentences, about */
#define FADE_MS 5		/* the fade at each edge of a clip */
#define PAUSE_WORDS 150		/* a paragraph this long or longer earns the longest pause */
#define OUTRO_FADE_MS 2500
/* BS.1770 gates: absolute, and relative to the programme (integrated);
 * EBU R 128 loudness range: relative gate and percentiles. */
#define GATE_ABS_LUFS -70.0
#define GATE_REL_LU -10.0
#define RANGE_REL_LU -20.0
#define GAIN_STEP_DB 0.1

void master_opts_init(struct master_opts *o, unsigned rate_hz, double loudness_lufs,
		      const struct pacing *pacing)
{
	o->rate_hz = rate_hz;
	o->loudness_lufs = loudness_lufs;
	o->peak_dbfs = MASTER_PEAK_DBFS;
	o->lead_ms = 300;
	o->tail_ms = 800;
	o->answer_gap_ms = 600;
	o->speaker_gap_ms = 650;
	o->chapter_gap_ms = 900;
	o->chapter_lead_ms = 350;
	o->list_item_ms = 350;
	o->chunk_ms = 12000;
	o->music = NULL;
	if (pacing) {
		o->lead_ms = pacing->lead_ms;
		o->tail_ms = pacing->tail_ms;
		o->answer_gap_ms = pacing->after_question_ms;
		o->speaker_gap_ms = pacing->speaker_change_ms;
		o->chapter_gap_ms = pacing->before_chapter_ms;
		o->list_item_ms = pacing->list_item_ms;
	}
	/* a chapter starts inside its pause (which may be 6 % shorter than
	 * chapter_gap_ms), never closer than 100 ms to the speech before it */
	if (o->chapter_lead_ms > o->chapter_gap_ms * 2 / 5)
		o->chapter_lead_ms = o->chapter_gap_ms * 2 / 5;
}

static uint64_t ms_to_samples(unsigned ms, unsigned rate_hz)
{
	return (uint64_t)ms * rate_hz / 1000;
}

double master_step_db(double db)
{
	return round(db / GAIN_STEP_DB) * GAIN_STEP_DB;
}

/* A clip starts and ends in silence whatever the synthesiser's first and
 * last samples: a raised-cosine fade of FADE_MS at each edge, so that no
 * paragraph opens or closes with a click. */
static void fade_edges(float *x, size_t n, unsigned rate_hz)
{
	size_t f = (size_t)FADE_MS * rate_hz / 1000;

	if (f > n / 2)
		f = n / 2;
	for (size_t i = 0; i < f; i++) {
		float g = (float)(0.5 - 0.5 * cos(3.14159265358979323846 * (double)i / (double)f));

		x[i] *= g;
		x[n - 1 - i] *= g;
	}
}

/* soxr at medium quality: speech has nothing above the synthesiser's
 * Nyquist frequency to keep. */
int master_clip(const int16_t *pcm, size_t len, unsigned in_hz, unsigned out_hz, float **clip,
		size_t *n, size_t *trim)
{
	size_t first = 0, last = len, keep = ms_to_samples(TRIM_KEEP_MS, in_hz), cap, done = 0;
	const int threshold = (int)(TRIM_THRESHOLD * 32768.0f);
	soxr_io_spec_t io = soxr_io_spec(SOXR_INT16_I, SOXR_FLOAT32_I);
	soxr_quality_spec_t q = soxr_quality_spec(SOXR_MQ, 0);
	soxr_error_t err;

	while (first < last && abs(pcm[first]) < threshold)
		first++;
	while (last > first && abs(pcm[last - 1]) < threshold)
		last--;
	first = first > keep ? first - keep : 0;
	last = last + keep < len ? last + keep : len;
	*trim = first;
	len = last - first;
	cap = (size_t)ceil((double)len * out_hz / in_hz) + 1;
	*clip = xmalloc(cap * sizeof(float));
	*n = 0;
	if (!len)
		return 0;
	if (in_hz == out_hz) {
		for (size_t i = 0; i < len; i++)
			(*clip)[i] = pcm[first + i] / 32768.0f;
		*n = len;
		fade_edges(*clip, *n, out_hz);
		return 0;
	}
	err = soxr_oneshot(in_hz, out_hz, 1, pcm + first, len, NULL, *clip, cap, &done, &io, &q, NULL);
	if (err) {
		free(*clip);
		*clip = NULL;
		return error("cannot resample speech from %u to %u Hz: %s", in_hz, out_hz, err);
	}
	*n = done;
	fade_edges(*clip, *n, out_hz);
	return 0;
}

/* 100 ms of samples; rates that are not a multiple of 10 round down. */
static size_t tenth(unsigned rate_hz)
{
	return rate_hz / 10 ? rate_hz / 10 : 1;
}

static size_t energies(const void *x, int s16, size_t n, unsigned rate_hz, float **e)
{
	size_t hop = tenth(rate_hz), count = n / hop;
	ebur128_state *st = ebur128_init(1, rate_hz, EBUR128_MODE_M);

	*e = xcalloc(count ? count : 1, sizeof(**e));
	if (!st)
		return 0;
	for (size_t i = 0; i < count; i++) {
		double lufs;

		if (s16)
			ebur128_add_frames_short(st, (const int16_t *)x + i * hop, hop);
		else
			ebur128_add_frames_float(st, (const float *)x + i * hop, hop);
		if (ebur128_loudness_window(st, 100, &lufs) == EBUR128_SUCCESS && isfinite(lufs))
			(*e)[i] = (float)pow(10.0, (lufs + 0.691) / 10.0);
	}
	ebur128_destroy(&st);
	return count;
}

size_t master_energies(const float *x, size_t n, unsigned rate_hz, float **e)
{
	return energies(x, 0, n, rate_hz, e);
}

size_t master_energies_s16(const int16_t *x, size_t n, unsigned rate_hz, float **e)
{
	return energies(x, 1, n, rate_hz, e);
}

static double to_lufs(double power)
{
	return power > 0 ? -0.691 + 10.0 * log10(power) : -HUGE_VAL;
}

/* The power of each window of w tenths, every step tenths, of every part. */
static double *windows(const float *const *e, const size_t *n, size_t parts, size_t w, size_t step,
		       size_t *count)
{
	double *p = NULL;
	size_t alloc = 0;

	*count = 0;
	for (size_t k = 0; k < parts; k++) {
		for (size_t j = 0; j + w <= n[k]; j += step) {
			double sum = 0;
			for (size_t i = 0; i < w; i++)
				sum += e[k][j + i];
			XGROW(p, alloc, *count + 1);
			p[(*count)++] = sum / (double)w;
		}
	}
	return p;
}

/* Mean power of the windows above a gate; sets *kept. */
static double gated_mean(const double *p, size_t n, double gate, size_t *kept)
{
	double sum = 0;

	*kept = 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] > gate) {
			sum += p[i];
			(*kept)++;
		}
	}
	return *kept ? sum / (double)*kept : 0;
}

static double power_of(double lufs)
{
	return pow(10.0, (lufs + 0.691) / 10.0);
}

double master_integrated(const float *const *e, const size_t *n, size_t parts)
{
	size_t count, kept;
	double *p = windows(e, n, parts, 4, 1, &count);
	double mean = gated_mean(p, count, power_of(GATE_ABS_LUFS), &kept);
	double lufs = -HUGE_VAL;

	if (kept) {
		mean = gated_mean(p, count, mean * pow(10.0, GATE_REL_LU / 10.0), &kept);
		lufs = kept ? to_lufs(mean) : -HUGE_VAL;
	}
	free(p);
	return lufs;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

double master_range(const float *const *e, const size_t *n, size_t parts)
{
	size_t count, kept, m = 0;
	double *p = windows(e, n, parts, 30, 10, &count);
	double mean = gated_mean(p, count, power_of(GATE_ABS_LUFS), &kept), gate, lra = 0;

	gate = mean * pow(10.0, RANGE_REL_LU / 10.0);
	for (size_t i = 0; i < count; i++)
		if (p[i] > gate && p[i] > power_of(GATE_ABS_LUFS))
			p[m++] = p[i];
	if (m > 1) {
		qsort(p, m, sizeof(*p), by_value);
		lra = to_lufs(p[(size_t)((double)(m - 1) * 0.95 + 0.5)]) -
		      to_lufs(p[(size_t)((double)(m - 1) * 0.10 + 0.5)]);
	}
	free(p);
	return lra;
}

double master_true_peak(const int16_t *x, size_t n, unsigned rate_hz)
{
	size_t hop = tenth(rate_hz), pad = 64;
	int top = 0;
	double peak = 0;

	for (size_t i = 0; i < n; i++)
		if (abs(x[i]) > top)
			top = abs(x[i]);
	if (!top)
		return -HUGE_VAL;
	/* only where the samples come near the top can the true peak be */
	for (size_t b = 0; b < n; b += hop) {
		size_t end = b + hop < n ? b + hop : n, from, to;
		int high = 0;
		ebur128_state *st;
		double tp;

		for (size_t i = b; i < end; i++)
			if (abs(x[i]) > high)
				high = abs(x[i]);
		if (high < top * 0.794)   /* 2 dB */
			continue;
		from = b > pad ? b - pad : 0;
		to = end + pad < n ? end + pad : n;
		st = ebur128_init(1, rate_hz, EBUR128_MODE_TRUE_PEAK);
		if (!st)
			continue;
		ebur128_add_frames_short(st, x + from, to - from);
		if (ebur128_true_peak(st, 0, &tp) == EBUR128_SUCCESS && tp > peak)
			peak = tp;
		ebur128_destroy(&st);
	}
	if (peak < top / 32768.0)
		peak = top / 32768.0;
	return 20.0 * log10(peak);
}

void master_level(struct episode *ep, const struct master_opts *o)
{
	const float **e = xcalloc(ep->nsegs ? ep->nsegs : 1, sizeof(*e));
	size_t *n = xcalloc(ep->nsegs ? ep->nsegs : 1, sizeof(*n));
	char *done = xcalloc(ep->nsegs ? ep->nsegs : 1, 1);

	for (size_t i = 0; i < ep->nsegs; i++) {
		size_t parts = 0;
		double lufs;

		if (done[i])
			continue;
		for (size_t k = i; k < ep->nsegs; k++) {
			if (!done[k] && !strcmp(ep->segs[k].speaker, ep->segs[i].speaker)) {
				e[parts] = ep->segs[k].energy;
				n[parts++] = ep->segs[k].nenergy;
			}
		}
		lufs = master_integrated(e, n, parts);
		for (size_t k = i; k < ep->nsegs; k++) {
			if (!done[k] && !strcmp(ep->segs[k].speaker, ep->segs[i].speaker)) {
				ep->segs[k].gain_db = isfinite(lufs) ? master_step_db(o->loudness_lufs - lufs) : 0;
				done[k] = 1;
			}
		}
	}
	free(e);
	free(n);
	free(done);
}

double master_programme_lufs(const struct episode *ep)
{
	size_t hop = tenth(ep->rate_hz), n = (size_t)(ep->nsamples / hop) + 1;
	float *e = xcalloc(n, sizeof(*e));
	const float *parts[1] = { e };
	double lufs;

	for (size_t i = 0; i < ep->nsegs; i++) {
		const struct segment *s = &ep->segs[i];
		size_t at = (size_t)((s->start_sample + hop / 2) / hop);
		for (size_t j = 0; j < s->nenergy && at + j < n; j++)
			e[at + j] += s->energy[j];
	}
	lufs = master_integrated(parts, &n, 1);
	free(e);
	return lufs;
}

/* A pause as people leave it: longer after a long paragraph, longer
 * still after one that trails off ("...", a dash), and never twice the
 * same, by an offset of up to 6 % that the text decides, so that the
 * bytes stay the same from run to run. */
static unsigned shaped(unsigned base, const struct segment *s, size_t i)
{
	const char *t = s->text;
	size_t n = strlen(t), words = clean_count_words(t);
	uint32_t h = 2166136261u ^ (uint32_t)i;
	double f;

	for (size_t k = 0; k < n; k++)
		h = (h ^ (unsigned char)t[k]) * 16777619u;
	f = 1.0 + 0.12 * (double)(words < PAUSE_WORDS ? words : PAUSE_WORDS) / PAUSE_WORDS;
	while (n && (t[n - 1] == ' ' || t[n - 1] == '"' || t[n - 1] == ')'))
		n--;
	if ((n >= 3 && !strncmp(t + n - 3, "...", 3)) || (n >= 3 && !strncmp(t + n - 3, "\xe2\x80\xa6", 3)) ||
	    (n >= 3 && !strncmp(t + n - 3, "\xe2\x80\x94", 3)) || (n && t[n - 1] == '-'))
		f += 0.15;
	f += ((double)(h % 2001) / 1000.0 - 1.0) * 0.06;
	return (unsigned)lround(base * f);
}

/* The pause after segment i, before segment i + 1: a sentence's < a
 * paragraph's < another speaker's < a new question's, each shaped by what
 * came before it. */
static unsigned gap_after(const struct episode *ep, size_t i, const char *opens_chapter,
			  const struct master_opts *o)
{
	if (i + 1 >= ep->nsegs) {
		if (o->music && o->music->outro)
			return o->tail_ms > OUTRO_SOLO_MS + OUTRO_FADE_MS ? o->tail_ms : OUTRO_SOLO_MS + OUTRO_FADE_MS;
		return o->tail_ms;
	}
	if (opens_chapter[i + 1] && o->music && o->music->sting) {
		unsigned need = (unsigned)(o->music->nsting * 1000 / o->rate_hz) + 2 * STING_PAD_MS;
		return o->chapter_gap_ms > need ? o->chapter_gap_ms : need;
	}
	if (opens_chapter[i + 1])
		return shaped(o->chapter_gap_ms, &ep->segs[i], i);
	if (ep->segs[i + 1].continues)	/* the same paragraph, cut where a sentence ends */
		return ep->segs[i].gap_ms < CONTINUE_GAP_MS ? ep->segs[i].gap_ms : CONTINUE_GAP_MS;
	if (ep->segs[i].role == ROLE_QUESTION && ep->segs[i + 1].role == ROLE_ANSWER)
		return shaped(o->answer_gap_ms, &ep->segs[i], i);
	if (clean_is_list_item(ep->segs[i].text) || clean_is_list_item(ep->segs[i + 1].text))
		return o->list_item_ms > ep->segs[i].gap_ms ? o->list_item_ms : ep->segs[i].gap_ms;
	if (ep->segs[i].speaker && ep->segs[i + 1].speaker && strcmp(ep->segs[i].speaker, ep->segs[i + 1].speaker))
		return shaped(o->speaker_gap_ms, &ep->segs[i], i);
	return shaped(ep->segs[i].gap_ms, &ep->segs[i], i);
}

/* A peak limiter: the gain each sample needs to stay under the ceiling is
 * spread back over the look-ahead (so gain falls before the peak, never at
 * it) and recovers at a fixed rate after it.  Both passes are linear, and
 * a peak's influence ends within the look-ahead before it and the release
 * after it: the passes run only around peaks, and a chunk cut in a longer
 * pause is limited as the whole timeline would be. */
static void limit_span(float *x, size_t n, float ceiling, float attack, float release, float *g)
{
	for (size_t i = 0; i < n; i++)
		g[i] = fabsf(x[i]) > ceiling ? ceiling / fabsf(x[i]) : 1.0f;
	for (size_t i = n - 1; i-- > 0;)
		if (g[i] > g[i + 1] + attack)
			g[i] = g[i + 1] + attack;
	for (size_t i = 1; i < n; i++)
		if (g[i] > g[i - 1] + release)
			g[i] = g[i - 1] + release;
	for (size_t i = 0; i < n; i++)
		x[i] *= g[i];
}

void master_limit(float *x, size_t n, unsigned rate_hz, double ceiling_dbfs)
{
	const float ceiling = (float)pow(10.0, ceiling_dbfs / 20.0);
	const size_t ahead = ms_to_samples(LIMIT_LOOKAHEAD_MS, rate_hz);
	const size_t behind = ms_to_samples(LIMIT_RELEASE_MS, rate_hz);
	const float attack = 1.0f / (float)ahead, release = 1.0f / (float)behind;
	float *g = NULL;
	size_t i = 0;

	while (i < n) {
		size_t from, to;

		while (i < n && fabsf(x[i]) <= ceiling)
			i++;
		if (i == n)
			break;
		/* a span around this peak and any whose spans touch it */
		from = i > ahead + 1 ? i - ahead - 1 : 0;
		to = i + behind + 1;
		for (size_t j = i + 1; j < n && j < to + ahead + 1; j++)
			if (fabsf(x[j]) > ceiling)
				to = j + behind + 1;
		if (to > n)
			to = n;
		if (!g)
			g = xmalloc(n * sizeof(*g));
		limit_span(x + from, to - from, ceiling, attack, release, g);
		i = to;
	}
	free(g);
}

/* Cue times from speech samples (before trimming and resampling) to the
 * timeline; each cue ends where the next begins, the last with its segment. */
static void place_cues(struct segment *s, unsigned in_hz, unsigned out_hz)
{
	for (size_t k = 0; k < s->ncues; k++) {
		struct cue *c = &s->cues[k];
		uint64_t rel = c->speech_sample > s->trim ? c->speech_sample - s->trim : 0;
		uint64_t at = s->start_sample + rel * out_hz / in_hz;

		c->start_sample = at < s->end_sample ? at : s->end_sample;
		if (k && c->start_sample < s->cues[k - 1].start_sample)
			c->start_sample = s->cues[k - 1].start_sample;
		if (k)
			s->cues[k - 1].end_sample = c->start_sample;
	}
	if (s->ncues)
		s->cues[s->ncues - 1].end_sample = s->end_sample;
}

static void apply_gain(float *x, size_t n, double gain_db)
{
	float gain = (float)pow(10.0, gain_db / 20.0);
	for (size_t i = 0; i < n; i++)
		x[i] *= gain;
}

int master_load_music(const char *path, unsigned rate_hz, double lufs, float **pcm, size_t *n)
{
	SF_INFO info;
	SNDFILE *sf;
	float *frames, *mono;
	sf_count_t got;
	soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
	soxr_quality_spec_t q = soxr_quality_spec(SOXR_HQ, 0);
	ebur128_state *st;
	double loud = -HUGE_VAL;
	size_t cap, done = 0;
	struct stat sb;

	/* a FIFO would be waited on for ever, a device read without end */
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
		return error("cannot read music '%s': it is not a regular file", path);
	memset(&info, 0, sizeof(info));
	sf = sf_open(path, SFM_READ, &info);
	if (!sf)
		return error("cannot read music '%s': %s", path, sf_strerror(NULL));
	if (info.frames <= 0 || info.channels <= 0 || info.frames > (sf_count_t)600 * info.samplerate) {
		sf_close(sf);
		return error("music '%s' is empty or longer than ten minutes", path);
	}
	frames = xmalloc((size_t)info.frames * (size_t)info.channels * sizeof(float));
	got = sf_readf_float(sf, frames, info.frames);
	sf_close(sf);
	if (got <= 0) {
		free(frames);
		return error("cannot read music '%s': no audio in it", path);
	}
	mono = xcalloc((size_t)got, sizeof(float));
	for (sf_count_t i = 0; i < got; i++) {
		for (int c = 0; c < info.channels; c++)
			mono[i] += frames[i * info.channels + c];
		mono[i] /= (float)info.channels;
	}
	free(frames);
	cap = (size_t)ceil((double)got * rate_hz / info.samplerate) + 1;
	*pcm = xmalloc(cap * sizeof(float));
	if (soxr_oneshot(info.samplerate, rate_hz, 1, mono, (size_t)got, NULL, *pcm, cap, &done,
			 &io, &q, NULL)) {
		free(mono);
		free(*pcm);
		return error("cannot resample music '%s'", path);
	}
	free(mono);
	*n = done;
	st = ebur128_init(1, rate_hz, EBUR128_MODE_I);
	if (st) {
		ebur128_add_frames_float(st, *pcm, *n);
		if (ebur128_loudness_global(st, &loud) != EBUR128_SUCCESS)
			loud = -HUGE_VAL;
		ebur128_destroy(&st);
	}
	if (!isfinite(loud)) {
		free(*pcm);
		*pcm = NULL;
		return error("music '%s' is silent", path);
	}
	apply_gain(*pcm, *n, lufs - loud);
	return 0;
}

void master_music_release(struct master_music *m)
{
	free(m->intro);
	free(m->outro);
	free(m->sting);
	memset(m, 0, sizeof(*m));
}

static void place_chapters(struct episode *ep, const struct master_opts *o)
{
	uint64_t lead = ms_to_samples(o->chapter_lead_ms, ep->rate_hz);
	uint64_t min_after = ms_to_samples(100, ep->rate_hz);

	for (size_t k = 0; k < ep->nchapters; k++) {
		struct chapter *ch = &ep->chapters[k];
		const struct segment *s = &ep->segs[ch->seg];

		if (k == 0 || ch->seg == 0) {
			ch->start_sample = 0;
		} else {
			/* Inside the pause: never closer than 100 ms to the
			 * speech before it, and the lead before its first sound. */
			uint64_t prev_end = ep->segs[ch->seg - 1].end_sample;
			uint64_t start = s->start_sample > lead ? s->start_sample - lead : 0;
			if (start < prev_end + min_after)
				start = prev_end + (s->start_sample - prev_end) / 2;
			/* with a sting, the chapter starts with it */
			if (o->music && o->music->sting && s->role == ROLE_QUESTION)
				start = prev_end + ms_to_samples(STING_PAD_MS, ep->rate_hz);
			ch->start_sample = start;
		}
		if (k > 0)
			ep->chapters[k - 1].end_sample = ch->start_sample;
	}
	if (ep->nchapters)
		ep->chapters[ep->nchapters - 1].end_sample = ep->nsamples;
}

/* Where music plays, no chunk may be cut: the pauses after segments
 * [0, *intro_end) and [outro_from, nsegs), and those before a question
 * that opens a chapter when there is a sting. */
static void music_spans(const struct episode *ep, const struct master_opts *o, size_t *intro_end,
			size_t *outro_from)
{
	*intro_end = 0;
	*outro_from = ep->nsegs;
	if (!o->music)
		return;
	if (o->music->intro && ep->nsegs)
		*intro_end = ep->nchapters > 1 ? ep->chapters[1].seg : 1;
	if (o->music->outro && ep->nsegs) {
		const struct chapter *last = &ep->chapters[ep->nchapters - 1];
		*outro_from = ep->nchapters && ep->segs[last->seg].role == ROLE_OUTRO ? last->seg : ep->nsegs - 1;
		if (*outro_from)
			(*outro_from)--;
	}
}

static void close_chunk(struct episode *ep, uint64_t end, unsigned boundary, size_t seg_end)
{
	struct chunk *c = &ep->chunks[ep->nchunks - 1];

	c->span = end - c->start;
	c->nsamples = (size_t)(c->span - boundary);
	c->seg_end = seg_end;
}

static void open_chunk(struct episode *ep, uint64_t start, size_t seg_first)
{
	XGROW(ep->chunks, ep->chunks_alloc, ep->nchunks + 1);
	memset(&ep->chunks[ep->nchunks], 0, sizeof(ep->chunks[0]));
	ep->chunks[ep->nchunks].start = start;
	ep->chunks[ep->nchunks++].seg_first = seg_first;
}

int master_layout(struct episode *ep, const struct master_opts *o, unsigned frame, unsigned boundary)
{
	char *opens_chapter = xcalloc(ep->nsegs ? ep->nsegs : 1, 1);
	uint64_t pos, chunk_len = ms_to_samples(o->chunk_ms, o->rate_hz);
	size_t intro_end, outro_from;
	unsigned lead_ms = o->lead_ms;

	ep->rate_hz = o->rate_hz;
	ep->nchunks = 0;
	for (size_t k = 0; k < ep->nchapters; k++)
		opens_chapter[ep->chapters[k].seg] = 1;
	music_spans(ep, o, &intro_end, &outro_from);
	if (o->music && o->music->intro && lead_ms < INTRO_SOLO_MS)
		lead_ms = INTRO_SOLO_MS;
	pos = ms_to_samples(lead_ms, o->rate_hz);
	open_chunk(ep, 0, 0);
	for (size_t i = 0; i < ep->nsegs; i++) {
		struct segment *s = &ep->segs[i];
		uint64_t gap = ms_to_samples(gap_after(ep, i, opens_chapter, o), o->rate_hz);
		int music = i < intro_end || i >= outro_from ||
			    (i + 1 < ep->nsegs && opens_chapter[i + 1] && o->music && o->music->sting &&
			     ep->segs[i + 1].role == ROLE_QUESTION);
		int cut;

		s->start_sample = pos;
		s->end_sample = pos + s->clip_n;
		place_cues(s, ep->speech_rate_hz, o->rate_hz);
		ep->chunks[ep->nchunks - 1].music |= music || (o->music && o->music->sting);
		/* A cut leaves half the pause on each side: the encoder's delay
		 * and padding take the end of the first half (which is made that
		 * long when the pause is shorter), and the chunk starts on a
		 * frame, which lengthens the pause by less than a frame.  The
		 * second half stays as it is, so a chunk's samples do not depend
		 * on where earlier chunks ended. */
		cut = frame && i + 1 < ep->nsegs && !music &&
		      (opens_chapter[i + 1] || s->end_sample - ep->chunks[ep->nchunks - 1].start >= chunk_len);
		if (cut) {
			uint64_t lead_after = gap / 2, before = gap - lead_after, at;

			if (before < boundary)
				before = boundary;
			at = s->end_sample + before;
			at = (at + frame - 1) / frame * frame;
			close_chunk(ep, at, boundary, i + 1);
			open_chunk(ep, at, i + 1);
			pos = at + lead_after;
		} else {
			pos = s->end_sample + gap;
		}
	}
	ep->nsamples = pos;
	close_chunk(ep, pos, 0, ep->nsegs);
	place_chapters(ep, o);
	free(opens_chapter);
	return 0;
}

/* A bed's gain at its sample i of n: 1 outside speech, ducked inside
 * [duck_from, duck_to) with ramps, and faded out over its last fade. */
static float bed_gain(size_t i, size_t n, int64_t duck_from, int64_t duck_to, size_t ramp, size_t fade)
{
	const float duck = (float)pow(10.0, DUCK_DB / 20.0);
	int64_t t = (int64_t)i;
	float d = 1.0f;

	if (t >= duck_from - (int64_t)ramp && t < duck_from)
		d = 1.0f - (1.0f - duck) * (float)(t - (duck_from - (int64_t)ramp)) / (float)ramp;
	else if (t >= duck_from && t < duck_to)
		d = duck;
	else if (t >= duck_to && t < duck_to + (int64_t)ramp)
		d = duck + (1.0f - duck) * (float)(t - duck_to) / (float)ramp;
	if (i + fade >= n)
		d *= (float)(n - i) / (float)fade;
	return d;
}

/* Add music x[0..n), placed at timeline sample at, into the window of
 * length len from from; a bed when duck_to > duck_from. */
static void mix_into(float *out, uint64_t from, size_t len, const float *x, size_t n, uint64_t at,
		     int bed, int64_t duck_from, int64_t duck_to, size_t ramp, size_t fade)
{
	uint64_t a = at > from ? at : from, b = at + n < from + len ? at + n : from + len;

	for (uint64_t t = a; t < b; t++) {
		size_t i = (size_t)(t - at);
		out[t - from] += x[i] * (bed ? bed_gain(i, n, duck_from, duck_to, ramp, fade) : 1.0f);
	}
}

static void mix_music(const struct episode *ep, const struct master_music *m, uint64_t from,
		      size_t len, float *out)
{
	const size_t ramp = ms_to_samples(DUCK_RAMP_MS, ep->rate_hz);

	if (m->intro && ep->nsegs) {
		/* under the opening, out by the first question's chapter */
		uint64_t end = ep->nchapters > 1 ? ep->chapters[1].start_sample : ep->segs[0].end_sample;
		size_t n = m->nintro < end ? m->nintro : (size_t)end;

		mix_into(out, from, len, m->intro, n, 0, 1, (int64_t)ep->segs[0].start_sample,
			 INT64_MAX / 2, ramp, ms_to_samples(BED_FADE_MS, ep->rate_hz));
	}
	if (m->sting) {
		for (size_t k = 1; k < ep->nchapters; k++) {
			const struct chapter *ch = &ep->chapters[k];
			if (ep->segs[ch->seg].role == ROLE_QUESTION)
				mix_into(out, from, len, m->sting, m->nsting, ch->start_sample, 0, 0, 0, 0, 0);
		}
	}
	if (m->outro && ep->nsegs) {
		/* from the closing words to the end, up after the last word */
		const struct chapter *last = &ep->chapters[ep->nchapters - 1];
		uint64_t at = ep->nchapters && ep->segs[last->seg].role == ROLE_OUTRO ?
			      last->start_sample : ep->segs[ep->nsegs - 1].start_sample;
		size_t n = (size_t)(ep->nsamples - at);

		if (n > m->noutro)
			n = m->noutro;
		mix_into(out, from, len, m->outro, n, at, 1, 0,
			 (int64_t)(ep->segs[ep->nsegs - 1].end_sample - at), ramp,
			 ms_to_samples(OUTRO_FADE_MS, ep->rate_hz));
	}
}

int master_render(const struct episode *ep, const struct master_opts *o, size_t k,
		  double makeup_db, master_clip_fn get, void *ctx, float *out)
{
	const struct chunk *c = &ep->chunks[k];

	memset(out, 0, c->nsamples * sizeof(*out));
	for (size_t i = c->seg_first; i < c->seg_end; i++) {
		const struct segment *s = &ep->segs[i];
		float gain = (float)pow(10.0, s->gain_db / 20.0), *clip;
		size_t n;

		if (get(ctx, i, &clip, &n) < 0)
			return -1;
		for (size_t j = 0; j < n; j++) {
			uint64_t t = s->start_sample + j;
			if (t >= c->start && t < c->start + c->nsamples)
				out[t - c->start] = clip[j] * gain;
		}
		free(clip);
	}
	if (o->music && c->music)
		mix_music(ep, o->music, c->start, c->nsamples, out);
	master_limit(out, c->nsamples, ep->rate_hz, o->peak_dbfs);
	if (!isnan(makeup_db)) {
		apply_gain(out, c->nsamples, makeup_db);
		master_limit(out, c->nsamples, ep->rate_hz, o->peak_dbfs);
	}
	return 0;
}

struct memory_clips {
	float **pcm;
	size_t *n;
};

static int memory_clip(void *ctx, size_t seg, float **pcm, size_t *n)
{
	struct memory_clips *m = ctx;

	*pcm = xmalloc((m->n[seg] ? m->n[seg] : 1) * sizeof(float));
	memcpy(*pcm, m->pcm[seg], m->n[seg] * sizeof(float));
	*n = m->n[seg];
	return 0;
}

int master_episode(struct episode *ep, const struct master_opts *o)
{
	struct memory_clips m;
	const float *e[1];
	float *energy;
	size_t ne;
	int16_t *s16;
	double lufs;
	int ret = -1;

	m.pcm = xcalloc(ep->nsegs ? ep->nsegs : 1, sizeof(*m.pcm));
	m.n = xcalloc(ep->nsegs ? ep->nsegs : 1, sizeof(*m.n));
	for (size_t i = 0; i < ep->nsegs; i++) {
		struct segment *s = &ep->segs[i];

		if (master_clip(s->pcm, s->nsamples, ep->speech_rate_hz, o->rate_hz, &m.pcm[i], &m.n[i],
				&s->trim) < 0)
			goto out;
		s->clip_n = m.n[i];
		free(s->energy);
		s->nenergy = master_energies(m.pcm[i], m.n[i], o->rate_hz, &s->energy);
	}
	master_level(ep, o);
	master_layout(ep, o, 0, 0);
	free(ep->pcm);
	ep->pcm = xmalloc((ep->nsamples ? ep->nsamples : 1) * sizeof(float));
	if (master_render(ep, o, 0, NAN, memory_clip, &m, ep->pcm) < 0)
		goto out;
	ne = master_energies(ep->pcm, ep->nsamples, o->rate_hz, &energy);
	e[0] = energy;
	lufs = master_integrated(e, &ne, 1);
	free(energy);
	if (master_render(ep, o, 0, isfinite(lufs) ? master_step_db(o->loudness_lufs - lufs) : 0,
			  memory_clip, &m, ep->pcm) < 0)
		goto out;
	ne = master_energies(ep->pcm, ep->nsamples, o->rate_hz, &energy);
	e[0] = energy;
	ep->loudness_lufs = master_integrated(e, &ne, 1);
	ep->loudness_range_lu = master_range(e, &ne, 1);
	free(energy);
	s16 = xmalloc((ep->nsamples ? ep->nsamples : 1) * sizeof(*s16));
	for (size_t i = 0; i < ep->nsamples; i++) {
		float v = ep->pcm[i] * 32767.0f;
		s16[i] = (int16_t)(v > 32767 ? 32767 : v < -32768 ? -32768 : v);
	}
	ep->true_peak_dbtp = master_true_peak(s16, ep->nsamples, o->rate_hz);
	free(s16);
	ret = 0;
out:
	for (size_t i = 0; i < ep->nsegs; i++)
		free(m.pcm[i]);
	free(m.pcm);
	free(m.n);
	return ret;
}
