/* test_master.c -- master_episode() on synthetic speech: tones stand in for
 * espeak-ng, so the timeline, pauses, chapter marks and loudness can be
 * checked without a synthesiser. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "episode.h"
#include "master.h"
#include "split.h"
#include "tap.h"
#include "util.h"

#define SPEECH_HZ 22050
#define OUT_HZ 44100
#define PAD_MS 100      /* silence before and after each synthetic tone */
#define GAP_MS 400      /* the voice's own pause after each paragraph */

static const double pi = 3.14159265358979323846;

static uint64_t ms(unsigned n)
{
	return (uint64_t)n * OUT_HZ / 1000;
}

/* PAD_MS of silence, a 200 Hz tone of tone_ms at amplitude amp, PAD_MS of
 * silence, as a segment's PCM at SPEECH_HZ. */
static void give_tone(struct segment *s, unsigned tone_ms, double amp)
{
	size_t pad = (size_t)PAD_MS * SPEECH_HZ / 1000, n = (size_t)tone_ms * SPEECH_HZ / 1000;

	s->nsamples = pad + n + pad;
	s->pcm = xcalloc(s->nsamples, sizeof(int16_t));
	for (size_t i = 0; i < n; i++)
		s->pcm[pad + i] = (int16_t)lrint(amp * sin(2.0 * pi * 200.0 * (double)i / SPEECH_HZ));
	s->gap_ms = GAP_MS;
}

/* Roles, texts and lengths of the synthetic interview. */
static const struct {
	enum role role;
	const char *speaker;
	const char *text;
	unsigned tone_ms;
} script[] = {
	{ ROLE_TITLE, "host", "Tones", 1000 },
	{ ROLE_INTRO, "host", "Welcome to a show of pure tones.", 1500 },
	{ ROLE_QUESTION, "host", "Why 200 Hz?", 1200 },
	{ ROLE_ANSWER, "guest", "It sits where voices sit.", 2000 },
	{ ROLE_QUESTION, "host", "And the silence around it?", 1000 },
	{ ROLE_ANSWER, "guest", "Master trims it away.", 1800 },
	{ ROLE_OUTRO, "host", "Thank you.", 1200 },
};
#define NSEGS (sizeof(script) / sizeof(script[0]))

static struct episode *make_episode(double host_amp, double guest_amp)
{
	struct episode *ep = episode_new();

	ep->title = xstrdup("Tones");
	ep->speech_rate_hz = SPEECH_HZ;
	for (size_t i = 0; i < NSEGS; i++) {
		struct segment *s = episode_add_segment(ep, script[i].role, script[i].speaker,
							script[i].text, (int)i + 1);
		give_tone(s, script[i].tone_ms, strcmp(script[i].speaker, "host") ? guest_amp : host_amp);
	}
	split_make_chapters(ep);
	return ep;
}

/* First and last sample of [from, to) louder than level, or to. */
static uint64_t first_loud(const float *x, uint64_t from, uint64_t to, float level)
{
	for (uint64_t i = from; i < to; i++)
		if (fabsf(x[i]) > level)
			return i;
	return to;
}

static uint64_t last_loud(const float *x, uint64_t from, uint64_t to, float level)
{
	for (uint64_t i = to; i > from; i--)
		if (fabsf(x[i - 1]) > level)
			return i - 1;
	return to;
}

/* RMS in dB of [from, to). */
static double rms_db(const float *x, uint64_t from, uint64_t to)
{
	double sum = 0;

	for (uint64_t i = from; i < to; i++)
		sum += (double)x[i] * x[i];
	return to > from ? 10.0 * log10(sum / (double)(to - from) + 1e-30) : -HUGE_VAL;
}

static void test_timeline(void)
{
	struct episode *ep = make_episode(5000.0, 16000.0);
	struct master_opts o;
	float peak = 0;
	int in_order = 1, chapters_ok = 1;
	double host_db = 0, guest_db = 0;
	size_t nhost = 0, nguest = 0;

	master_opts_init(&o, OUT_HZ, -16.0, NULL);
	CHECK(o.rate_hz == OUT_HZ && o.loudness_lufs == -16.0, "master_opts_init() keeps rate and target");
	CHECK(o.lead_ms > 0 && o.chapter_gap_ms > o.chapter_lead_ms && o.chapter_lead_ms >= 20,
	      "master_opts_init() gives a lead, and a chapter gap wider than the chapter lead");
	if (!CHECK(ep->nchapters == 4, "chapters Introduction, two questions, Closing (got %zu)", ep->nchapters))
		goto out;
	if (!CHECK(master_episode(ep, &o) == 0, "master_episode() succeeds"))
		goto out;

	CHECK(ep->rate_hz == OUT_HZ, "rate_hz is %d (got %u)", OUT_HZ, ep->rate_hz);
	CHECK(ep->pcm != NULL && ep->nsamples > 0, "the timeline has samples (%zu)", ep->nsamples);

	for (size_t i = 0; i < ep->nsegs; i++) {
		const struct segment *s = &ep->segs[i];

		in_order &= s->start_sample < s->end_sample && s->end_sample <= ep->nsamples;
		if (i + 1 < ep->nsegs)
			in_order &= s->end_sample <= ep->segs[i + 1].start_sample;
	}
	CHECK(in_order, "segments are in order, non-empty and do not overlap");
	if (!in_order)
		goto out;

	/* Each clip is its tone plus a little kept around it, not the 100 ms
	 * of silence the synthesiser left on each side. */
	for (size_t i = 0; i < ep->nsegs; i++) {
		const struct segment *s = &ep->segs[i];
		uint64_t len = s->end_sample - s->start_sample, tone = ms(script[i].tone_ms);
		uint64_t on = first_loud(ep->pcm, s->start_sample, s->end_sample, 0.01f);
		uint64_t off = last_loud(ep->pcm, s->start_sample, s->end_sample, 0.01f);

		CHECK(len >= tone && len <= tone + ms(60),
		      "segment %zu lasts its tone plus at most 60 ms (%.1f ms for %u ms)", i,
		      (double)len * 1000 / OUT_HZ, script[i].tone_ms);
		CHECK(on < s->start_sample + ms(40), "segment %zu: sound within 40 ms of its start (%.1f ms)",
		      i, (double)(on - s->start_sample) * 1000 / OUT_HZ);
		CHECK(off + ms(40) > s->end_sample, "segment %zu: sound until 40 ms before its end (%.1f ms)",
		      i, (double)(s->end_sample - off) * 1000 / OUT_HZ);
	}
	CHECK(ep->segs[0].start_sample == ms(o.lead_ms), "the first segment starts after lead_ms (%u ms; got %.1f ms)",
	      o.lead_ms, (double)ep->segs[0].start_sample * 1000 / OUT_HZ);
	CHECK(first_loud(ep->pcm, 0, ep->nsamples, 0.01f) < ms(o.lead_ms + 40),
	      "the first sound is about lead_ms in, not lead_ms + %d ms: its silence was trimmed", PAD_MS);
	CHECK(first_loud(ep->pcm, 0, ep->nsamples, 0.001f) >= ms(o.lead_ms),
	      "nothing sounds during the lead");

	/* The pauses are master's: after a question, before a chapter,
	 * between paragraphs, and the tail; each its kind's, shaped by what
	 * came before (6 % either way, up to 12 % more after a long one). */
	{
		static const struct {
			size_t after;
			const char *kind;
		} pauses[] = {
			{ 0, "the voice's gap_ms between paragraphs of one chapter" },
			{ 1, "chapter_gap_ms before a question that opens a chapter" },
			{ 2, "answer_gap_ms between a question and its answer" },
			{ 5, "chapter_gap_ms before the Closing chapter" },
		};
		const unsigned base[] = { GAP_MS, o.chapter_gap_ms, o.answer_gap_ms, o.chapter_gap_ms };
		uint64_t got[4];

		for (size_t k = 0; k < 4; k++) {
			got[k] = ep->segs[pauses[k].after + 1].start_sample - ep->segs[pauses[k].after].end_sample;
			CHECK(got[k] + ms(1) >= ms((unsigned)(base[k] * 0.94)) &&
				      got[k] <= ms((unsigned)(base[k] * 1.19)) + ms(1),
			      "%s (%u ms, got %.1f ms)", pauses[k].kind, base[k], (double)got[k] * 1000 / OUT_HZ);
		}
		CHECK(got[0] < got[2] && got[2] < got[1] && got[2] < got[3],
		      "a paragraph's pause < an answer's < a new question's (%.0f, %.0f, %.0f ms)",
		      (double)got[0] * 1000 / OUT_HZ, (double)got[2] * 1000 / OUT_HZ, (double)got[1] * 1000 / OUT_HZ);
		CHECK(got[1] != got[3], "two pauses of one kind differ (%.1f and %.1f ms)", (double)got[1] * 1000 / OUT_HZ,
		      (double)got[3] * 1000 / OUT_HZ);
	}
	CHECK(ep->nsamples - ep->segs[NSEGS - 1].end_sample == ms(o.tail_ms), "tail_ms after the last word");
	for (size_t i = 0; i < ep->nsegs; i++)	/* no click at a clip's edges */
		CHECK(fabsf(ep->pcm[ep->segs[i].start_sample]) < 1e-6f && fabsf(ep->pcm[ep->segs[i].end_sample - 1]) < 1e-3f,
		      "segment %zu starts and ends in silence (%.5f, %.5f)", i, (double)ep->pcm[ep->segs[i].start_sample],
		      (double)ep->pcm[ep->segs[i].end_sample - 1]);
	CHECK(first_loud(ep->pcm, ep->segs[2].end_sample, ep->segs[3].start_sample, 0.001f) ==
	      ep->segs[3].start_sample, "the pause after a question is silent");

	/* Chapters: contiguous, from 0 to the end, each inside the pause
	 * before its first segment. */
	CHECK(ep->chapters[0].start_sample == 0, "the first chapter starts at 0");
	CHECK(ep->chapters[ep->nchapters - 1].end_sample == ep->nsamples, "the last chapter ends at nsamples");
	for (size_t k = 0; k < ep->nchapters; k++) {
		const struct chapter *ch = &ep->chapters[k];

		chapters_ok &= ch->start_sample < ch->end_sample;
		if (k + 1 < ep->nchapters)
			chapters_ok &= ch->end_sample == ep->chapters[k + 1].start_sample;
	}
	CHECK(chapters_ok, "chapters are contiguous and non-empty");
	for (size_t k = 1; k < ep->nchapters; k++) {
		const struct chapter *ch = &ep->chapters[k];
		const struct segment *prev = &ep->segs[ch->seg - 1], *own = &ep->segs[ch->seg];

		CHECK(ch->start_sample >= prev->end_sample + ms(100),
		      "chapter %zu ('%s') starts at least 100 ms after the speech before it (%.1f ms)", k,
		      ch->title, ((double)ch->start_sample - (double)prev->end_sample) * 1000 / OUT_HZ);
		CHECK(ch->start_sample + ms(20) <= own->start_sample,
		      "chapter %zu ('%s') starts at least 20 ms before its first segment (%.1f ms)", k,
		      ch->title, ((double)own->start_sample - (double)ch->start_sample) * 1000 / OUT_HZ);
	}

	/* Loudness and peaks. */
	CHECK(fabs(ep->loudness_lufs - -16.0) <= 1.0, "integrated loudness within 1 LU of -16 (got %.2f)",
	      ep->loudness_lufs);
	for (size_t i = 0; i < ep->nsamples; i++)
		if (fabsf(ep->pcm[i]) > peak)
			peak = fabsf(ep->pcm[i]);
	CHECK(peak <= 1.0f, "no sample above 1.0 (peak %.4f)", (double)peak);
	CHECK(peak <= (float)pow(10.0, o.peak_dbfs / 20.0) + 1e-4f, "peak at most peak_dbfs (%.2f dBFS)",
	      20.0 * log10((double)peak));
	CHECK(isfinite(ep->true_peak_dbtp) && ep->true_peak_dbtp < 0.5, "true peak measured (%.2f dBTP)",
	      ep->true_peak_dbtp);

	/* Host and guest came in 10 dB apart and leave levelled. */
	for (size_t i = 0; i < ep->nsegs; i++) {
		double db = rms_db(ep->pcm, ep->segs[i].start_sample + ms(30), ep->segs[i].end_sample - ms(30));
		if (!strcmp(ep->segs[i].speaker, "host")) {
			host_db += db;
			nhost++;
		} else {
			guest_db += db;
			nguest++;
		}
	}
	host_db /= (double)nhost;
	guest_db /= (double)nguest;
	CHECK(fabs(host_db - guest_db) < 1.0, "host and guest levelled to within 1 dB (host %.2f, guest %.2f dB)",
	      host_db, guest_db);
out:
	episode_free(ep);
}

/* A target so loud that a sine cannot reach it under the ceiling: the
 * limiter must hold the peaks. */
static void test_limiter(void)
{
	struct episode *ep = make_episode(12000.0, 12000.0);
	struct master_opts o;
	float peak = 0;

	master_opts_init(&o, OUT_HZ, -4.0, NULL);
	if (!CHECK(master_episode(ep, &o) == 0, "loud master: master_episode() succeeds"))
		goto out;
	for (size_t i = 0; i < ep->nsamples; i++)
		if (fabsf(ep->pcm[i]) > peak)
			peak = fabsf(ep->pcm[i]);
	CHECK(peak <= (float)pow(10.0, o.peak_dbfs / 20.0) + 1e-4f,
	      "loud master: the limiter holds peaks at peak_dbfs (%.2f dBFS)", 20.0 * log10((double)peak));
	CHECK(ep->loudness_lufs > -8.0, "loud master: still loud (%.2f LUFS)", ep->loudness_lufs);
out:
	episode_free(ep);
}

/* Another output rate: the timeline follows it. */
static void test_rate(void)
{
	struct episode *ep = make_episode(8000.0, 8000.0);
	struct master_opts o;

	master_opts_init(&o, 48000, -19.0, NULL);
	if (CHECK(master_episode(ep, &o) == 0, "48 kHz: master_episode() succeeds")) {
		CHECK(ep->rate_hz == 48000, "48 kHz: rate_hz is 48000");
		CHECK(ep->segs[0].start_sample == (uint64_t)o.lead_ms * 48, "48 kHz: lead in 48 kHz samples");
		CHECK(fabs(ep->loudness_lufs - -19.0) <= 1.0, "48 kHz: loudness within 1 LU of -19 (got %.2f)",
		      ep->loudness_lufs);
	}
	episode_free(ep);
}

/* A segment the synthesiser left empty, and one that is all silence: the
 * timeline still holds together. */
static void test_empty_segments(void)
{
	struct episode *ep = make_episode(8000.0, 8000.0);
	struct master_opts o;
	int in_order = 1;

	free(ep->segs[1].pcm);
	ep->segs[1].pcm = NULL;
	ep->segs[1].nsamples = 0;
	memset(ep->segs[5].pcm, 0, ep->segs[5].nsamples * sizeof(int16_t));
	master_opts_init(&o, OUT_HZ, -16.0, NULL);
	if (CHECK(master_episode(ep, &o) == 0, "empty segments: master_episode() succeeds")) {
		for (size_t i = 0; i < ep->nsegs; i++) {
			in_order &= ep->segs[i].start_sample <= ep->segs[i].end_sample &&
				    ep->segs[i].end_sample <= ep->nsamples;
			if (i + 1 < ep->nsegs)
				in_order &= ep->segs[i].end_sample <= ep->segs[i + 1].start_sample;
		}
		CHECK(in_order, "empty segments: segments in order, none overlapping");
		CHECK(ep->segs[5].end_sample - ep->segs[5].start_sample <= ms(40),
		      "empty segments: a silent segment takes next to no time");
		CHECK(fabs(ep->loudness_lufs - -16.0) <= 1.0, "empty segments: loudness within 1 LU (got %.2f)",
		      ep->loudness_lufs);
		CHECK(ep->chapters[ep->nchapters - 1].end_sample == ep->nsamples,
		      "empty segments: the last chapter ends at nsamples");
	}
	episode_free(ep);
}

/* Speech that starts and stops at full level (a synthesiser's clip cut
 * mid-wave) is faded in and out over a few milliseconds. */
static void test_fade(void)
{
	int16_t pcm[4410];
	float *clip;
	size_t n, trim;

	for (size_t i = 0; i < 4410; i++)
		pcm[i] = 16384;
	if (!CHECK(master_clip(pcm, 4410, OUT_HZ, OUT_HZ, &clip, &n, &trim) == 0 && n == 4410, "master_clip() keeps a loud clip whole"))
		return;
	CHECK(fabsf(clip[0]) < 1e-6f && fabsf(clip[n - 1]) < 1e-3f, "its first and last samples are silent (%.4f, %.4f)",
	      (double)clip[0], (double)clip[n - 1]);
	CHECK(clip[20] > 0.0f && clip[20] < 0.25f && fabsf(clip[2205] - 0.5f) < 1e-4f,
	      "it rises over a few milliseconds to its level (%.4f at 0.45 ms, %.4f mid-clip)", (double)clip[20],
	      (double)clip[2205]);
	CHECK(clip[441] > 0.499f, "and is at its level by 10 ms (%.4f)", (double)clip[441]);
	free(clip);
}

int main(void)
{
	/* Lines whole, in order with the library's messages on stderr. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_timeline();
	test_limiter();
	test_rate();
	test_empty_segments();
	test_fade();
	return tap_done();
}
