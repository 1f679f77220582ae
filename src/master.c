/* master.c -- see master.h. */
#include "master.h"

#include <ebur128.h>
#include <math.h>
#include <sndfile.h>
#include <soxr.h>
#include <stdlib.h>
#include <string.h>

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
#define OUTRO_FADE_MS 2500

void master_opts_init(struct master_opts *o, unsigned rate_hz, double loudness_lufs,
		      const struct pacing *pacing)
{
	o->rate_hz = rate_hz;
	o->loudness_lufs = loudness_lufs;
	o->peak_dbfs = MASTER_PEAK_DBFS;
	o->lead_ms = 300;
	o->tail_ms = 800;
	o->answer_gap_ms = 600;
	o->chapter_gap_ms = 1500;
	o->chapter_lead_ms = 350;
	o->list_item_ms = 350;
	o->music = NULL;
	if (pacing) {
		o->lead_ms = pacing->lead_ms;
		o->tail_ms = pacing->tail_ms;
		o->answer_gap_ms = pacing->after_question_ms;
		o->chapter_gap_ms = pacing->before_chapter_ms;
		o->list_item_ms = pacing->list_item_ms;
	}
	/* a chapter starts inside its pause, never closer than 100 ms to the
	 * speech before it */
	if (o->chapter_lead_ms > o->chapter_gap_ms / 2)
		o->chapter_lead_ms = o->chapter_gap_ms / 2;
}

static uint64_t ms_to_samples(unsigned ms, unsigned rate_hz)
{
	return (uint64_t)ms * rate_hz / 1000;
}

/* One segment's speech, trimmed and at the output rate. */
struct clip {
	float *pcm;
	size_t n;
	size_t trim;         /* speech samples cut from its start */
};

/* Trim the segment's own leading and trailing silence, and resample it to
 * the output rate with soxr (medium quality: speech has nothing above the
 * synthesiser's Nyquist frequency to keep). */
static int make_clip(const struct segment *s, unsigned in_hz, unsigned out_hz, struct clip *c)
{
	size_t first = 0, last = s->nsamples, keep = ms_to_samples(TRIM_KEEP_MS, in_hz);
	const int threshold = (int)(TRIM_THRESHOLD * 32768.0f);
	soxr_io_spec_t io = soxr_io_spec(SOXR_INT16_I, SOXR_FLOAT32_I);
	soxr_quality_spec_t q = soxr_quality_spec(SOXR_MQ, 0);
	soxr_error_t err;
	size_t n, cap, done = 0;

	while (first < last && abs(s->pcm[first]) < threshold)
		first++;
	while (last > first && abs(s->pcm[last - 1]) < threshold)
		last--;
	first = first > keep ? first - keep : 0;
	last = last + keep < s->nsamples ? last + keep : s->nsamples;
	n = last - first;
	c->trim = first;
	cap = (size_t)ceil((double)n * out_hz / in_hz) + 1;
	c->pcm = xmalloc(cap * sizeof(float));
	c->n = 0;
	if (!n)
		return 0;
	err = soxr_oneshot(in_hz, out_hz, 1, s->pcm + first, n, NULL, c->pcm, cap, &done,
			   &io, &q, NULL);
	if (err)
		return error("cannot resample speech from %u to %u Hz: %s", in_hz, out_hz, err);
	c->n = done;
	return 0;
}

/* Loudness of a set of clips, as one programme; -HUGE_VAL when too short. */
static double clips_loudness(const struct clip *clips, const size_t *idx, size_t n, unsigned rate_hz)
{
	ebur128_state *st = ebur128_init(1, rate_hz, EBUR128_MODE_I);
	double lufs = -HUGE_VAL;

	if (!st)
		return lufs;
	for (size_t i = 0; i < n; i++)
		ebur128_add_frames_float(st, clips[idx[i]].pcm, clips[idx[i]].n);
	if (ebur128_loudness_global(st, &lufs) != EBUR128_SUCCESS)
		lufs = -HUGE_VAL;
	ebur128_destroy(&st);
	return lufs;
}

/* Level each speaker on its own so that host and guest meet at the same
 * loudness whatever their espeak-ng voices do. */
static void level_speakers(const struct episode *ep, struct clip *clips, double target)
{
	size_t *idx = xmalloc(ep->nsegs * sizeof(*idx));
	char *done = xcalloc(ep->nsegs, 1);

	for (size_t i = 0; i < ep->nsegs; i++) {
		size_t n = 0;
		double lufs, gain;

		if (done[i])
			continue;
		for (size_t k = i; k < ep->nsegs; k++) {
			if (!done[k] && !strcmp(ep->segs[k].speaker, ep->segs[i].speaker)) {
				idx[n++] = k;
				done[k] = 1;
			}
		}
		lufs = clips_loudness(clips, idx, n, ep->rate_hz);
		if (!isfinite(lufs))
			continue;
		gain = pow(10.0, (target - lufs) / 20.0);
		for (size_t k = 0; k < n; k++)
			for (size_t j = 0; j < clips[idx[k]].n; j++)
				clips[idx[k]].pcm[j] *= (float)gain;
	}
	free(idx);
	free(done);
}

/* The pause after segment i, before segment i + 1. */
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
		return o->chapter_gap_ms;
	if (ep->segs[i].role == ROLE_QUESTION && ep->segs[i + 1].role == ROLE_ANSWER)
		return o->answer_gap_ms;
	if (clean_is_list_item(ep->segs[i].text) || clean_is_list_item(ep->segs[i + 1].text))
		return o->list_item_ms > ep->segs[i].gap_ms ? o->list_item_ms : ep->segs[i].gap_ms;
	return ep->segs[i].gap_ms;
}

/* A peak limiter: the gain each sample needs to stay under the ceiling is
 * spread back over the look-ahead (so gain falls before the peak, never at
 * it) and recovers at a fixed rate after it.  Both passes are linear. */
static void limit_peaks(float *x, size_t n, unsigned rate_hz, double ceiling_dbfs)
{
	const float ceiling = (float)pow(10.0, ceiling_dbfs / 20.0);
	const float attack = 1.0f / (float)ms_to_samples(LIMIT_LOOKAHEAD_MS, rate_hz);
	const float release = 1.0f / (float)ms_to_samples(LIMIT_RELEASE_MS, rate_hz);
	float *g;
	int needed = 0;

	for (size_t i = 0; i < n && !needed; i++)
		needed = fabsf(x[i]) > ceiling;
	if (!needed)
		return;
	g = xmalloc(n * sizeof(*g));
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
	free(g);
}

/* Integrated loudness of the timeline and, with true_peak, its true peak
 * (BS.1770 4x oversampled, the costlier part). */
static int measure(struct episode *ep, int true_peak)
{
	int mode = EBUR128_MODE_I | (true_peak ? EBUR128_MODE_TRUE_PEAK | EBUR128_MODE_LRA : 0);
	ebur128_state *st = ebur128_init(1, ep->rate_hz, mode);
	double tp = 0;

	if (!st)
		return error("cannot start the loudness meter");
	ebur128_add_frames_float(st, ep->pcm, ep->nsamples);
	if (ebur128_loudness_global(st, &ep->loudness_lufs) != EBUR128_SUCCESS ||
	    (true_peak && ebur128_true_peak(st, 0, &tp) != EBUR128_SUCCESS)) {
		ebur128_destroy(&st);
		return error("cannot measure the episode's loudness");
	}
	if (true_peak) {
		ep->true_peak_dbtp = tp > 0 ? 20.0 * log10(tp) : -HUGE_VAL;
		if (ebur128_loudness_range(st, &ep->loudness_range_lu) != EBUR128_SUCCESS)
			ep->loudness_range_lu = 0;
	}
	ebur128_destroy(&st);
	return 0;
}


/* Cue times from speech samples (before trimming and resampling) to the
 * timeline; each cue ends where the next begins, the last with its segment. */
static void place_cues(struct segment *s, size_t trim, unsigned in_hz, unsigned out_hz)
{
	for (size_t k = 0; k < s->ncues; k++) {
		struct cue *c = &s->cues[k];
		uint64_t rel = c->speech_sample > trim ? c->speech_sample - trim : 0;
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

static void add_at(struct episode *ep, uint64_t at, const float *x, size_t n, const float *gain)
{
	for (size_t i = 0; i < n && at + i < ep->nsamples; i++)
		ep->pcm[at + i] += x[i] * (gain ? gain[i] : 1.0f);
}

/* The gain of a bed: g0 outside speech, ducked inside [duck_from, duck_to)
 * with ramps, and faded out over the last fade samples before n. */
static float *bed_gain(size_t n, int64_t duck_from, int64_t duck_to, size_t ramp, size_t fade)
{
	float *g = xmalloc((n ? n : 1) * sizeof(*g));
	const float duck = (float)pow(10.0, DUCK_DB / 20.0);

	for (size_t i = 0; i < n; i++) {
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
		g[i] = d;
	}
	return g;
}

static void mix_music(struct episode *ep, const struct master_music *m)
{
	const size_t ramp = ms_to_samples(DUCK_RAMP_MS, ep->rate_hz);

	if (m->intro && ep->nsegs) {
		/* under the opening, out by the first question's chapter */
		uint64_t end = ep->nchapters > 1 ? ep->chapters[1].start_sample : ep->segs[0].end_sample;
		size_t n = m->nintro < end ? m->nintro : (size_t)end;
		float *g = bed_gain(n, (int64_t)ep->segs[0].start_sample, INT64_MAX / 2, ramp,
				    ms_to_samples(BED_FADE_MS, ep->rate_hz));

		add_at(ep, 0, m->intro, n, g);
		free(g);
	}
	if (m->sting) {
		for (size_t k = 1; k < ep->nchapters; k++) {
			const struct chapter *ch = &ep->chapters[k];
			if (ep->segs[ch->seg].role == ROLE_QUESTION)
				add_at(ep, ch->start_sample, m->sting, m->nsting, NULL);
		}
	}
	if (m->outro && ep->nsegs) {
		/* from the closing words to the end, up after the last word */
		const struct chapter *last = &ep->chapters[ep->nchapters - 1];
		uint64_t from = ep->nchapters && ep->segs[last->seg].role == ROLE_OUTRO ?
				last->start_sample : ep->segs[ep->nsegs - 1].start_sample;
		size_t n = (size_t)(ep->nsamples - from);
		float *g;

		if (n > m->noutro)
			n = m->noutro;
		g = bed_gain(n, 0, (int64_t)(ep->segs[ep->nsegs - 1].end_sample - from), ramp,
			     ms_to_samples(OUTRO_FADE_MS, ep->rate_hz));
		add_at(ep, from, m->outro, n, g);
		free(g);
	}
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

int master_episode(struct episode *ep, const struct master_opts *o)
{
	struct clip *clips = xcalloc(ep->nsegs ? ep->nsegs : 1, sizeof(*clips));
	char *opens_chapter = xcalloc(ep->nsegs ? ep->nsegs : 1, 1);
	uint64_t total, pos;
	unsigned lead_ms;
	int ret = -1;

	ep->rate_hz = o->rate_hz;
	for (size_t k = 0; k < ep->nchapters; k++)
		opens_chapter[ep->chapters[k].seg] = 1;
	for (size_t i = 0; i < ep->nsegs; i++)
		if (make_clip(&ep->segs[i], ep->speech_rate_hz, o->rate_hz, &clips[i]) < 0)
			goto out;
	level_speakers(ep, clips, o->loudness_lufs);

	lead_ms = o->lead_ms;
	if (o->music && o->music->intro && lead_ms < INTRO_SOLO_MS)
		lead_ms = INTRO_SOLO_MS;
	total = ms_to_samples(lead_ms, o->rate_hz);
	for (size_t i = 0; i < ep->nsegs; i++)
		total += clips[i].n + ms_to_samples(gap_after(ep, i, opens_chapter, o), o->rate_hz);
	free(ep->pcm);
	ep->pcm = xcalloc(total, sizeof(float));
	ep->nsamples = total;

	pos = ms_to_samples(lead_ms, o->rate_hz);
	for (size_t i = 0; i < ep->nsegs; i++) {
		struct segment *s = &ep->segs[i];

		memcpy(ep->pcm + pos, clips[i].pcm, clips[i].n * sizeof(float));
		s->start_sample = pos;
		s->end_sample = pos + clips[i].n;
		place_cues(s, clips[i].trim, ep->speech_rate_hz, o->rate_hz);
		pos = s->end_sample + ms_to_samples(gap_after(ep, i, opens_chapter, o), o->rate_hz);
	}
	place_chapters(ep, o);
	if (o->music)
		mix_music(ep, o->music);

	/* Pauses do not count (BS.1770 gating), so the levelled speech already
	 * sits at the target.  Limiting takes a little off the loudness: the
	 * limited result is measured, made up, and limited again (this second
	 * pass barely acts). */
	limit_peaks(ep->pcm, ep->nsamples, ep->rate_hz, o->peak_dbfs);
	if (measure(ep, 0) < 0)
		goto out;
	if (isfinite(ep->loudness_lufs))
		apply_gain(ep->pcm, ep->nsamples, o->loudness_lufs - ep->loudness_lufs);
	limit_peaks(ep->pcm, ep->nsamples, ep->rate_hz, o->peak_dbfs);
	ret = measure(ep, 0);
out:
	for (size_t i = 0; i < ep->nsegs; i++)
		free(clips[i].pcm);
	free(clips);
	free(opens_chapter);
	return ret;
}

int master_measure(const int16_t *pcm, size_t n, unsigned rate_hz, double *lufs, double *lra,
		   double *tp_db)
{
	ebur128_state *st = ebur128_init(1, rate_hz, EBUR128_MODE_I | EBUR128_MODE_LRA |
					 EBUR128_MODE_TRUE_PEAK);
	double tp = 0;
	int ret = 0;

	if (!st)
		return error("cannot start the loudness meter");
	ebur128_add_frames_short(st, pcm, n);
	if (ebur128_loudness_global(st, lufs) != EBUR128_SUCCESS ||
	    ebur128_loudness_range(st, lra) != EBUR128_SUCCESS ||
	    ebur128_true_peak(st, 0, &tp) != EBUR128_SUCCESS)
		ret = error("cannot measure the episode's loudness");
	*tp_db = tp > 0 ? 20.0 * log10(tp) : -HUGE_VAL;
	ebur128_destroy(&st);
	return ret;
}
