/* test_speak.c -- speak.c with the real espeak-ng: reproducible paragraphs,
 * the calibrated speaking rate, markup read as text. */
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "speak.h"
#include "tap.h"
#include "voice.h"

static const char para_a[] =
	"The storm came in from the west, and by midnight the river had reached the top step.";
static const char para_b[] =
	"We moved the ledgers upstairs one box at a time, and nobody slept until the water turned.";
/* Another passage than speak.c calibrates on: ordinary prose of 60 words. */
static const char prose[] =
	"My grandmother kept bees behind the school for forty years. Every August she took the "
	"frames into the kitchen, cut the wax caps with a warm knife and let the honey run into "
	"an old enamel bowl. The whole house smelled of it for a week, and the children from the "
	"village came to the back door with jars and spoons.";
#define PROSE_WORDS 60

static struct episode *one(const char *speaker, const char *text)
{
	struct episode *ep = episode_new();

	ep->title = strdup("t");
	episode_add_segment(ep, ROLE_INTRO, speaker, text, 1);
	return ep;
}

/* Seconds from first to last sound of a segment. */
static double seconds(const struct segment *s, unsigned rate)
{
	size_t a = 0, b = s->nsamples;

	while (a < b && abs(s->pcm[a]) < SPEAK_SILENCE)
		a++;
	while (b > a && abs(s->pcm[b - 1]) < SPEAK_SILENCE)
		b--;
	return (double)(b - a) / rate;
}

int main(void)
{
	struct voiceset vs;
	struct episode *ab, *b, *ep;
	struct lexicon lx;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!CHECK(voices_load("voices", &vs) == 0, "voices/ loads"))
		return tap_done();

	/* The same paragraph gives the same samples whatever came before. */
	ab = episode_new();
	ab->title = strdup("t");
	episode_add_segment(ab, ROLE_QUESTION, "host", para_a, 1);
	episode_add_segment(ab, ROLE_ANSWER, "guest", para_a, 2);
	episode_add_segment(ab, ROLE_ANSWER, "guest", para_b, 3);
	b = one("guest", para_b);
	b->segs[0].role = ROLE_ANSWER;
	voices_cast(&vs, ab, NULL, 0);
	CHECK(speak_episode(ab, &vs, NULL) == 0, "speak three paragraphs");
	voices_cast(&vs, b, NULL, 0);
	CHECK(speak_episode(b, &vs, NULL) == 0, "speak the last one alone");
	CHECK(ab->segs[2].nsamples == b->segs[0].nsamples &&
	      !memcmp(ab->segs[2].pcm, b->segs[0].pcm, b->segs[0].nsamples * 2),
	      "a paragraph's audio does not depend on what was spoken before it");
	CHECK(ab->segs[0].nsamples != ab->segs[1].nsamples ||
	      memcmp(ab->segs[0].pcm, ab->segs[1].pcm, ab->segs[0].nsamples * 2),
	      "host and guest say the same words differently");
	episode_free(ab);
	episode_free(b);

	/* Every profile speaks within 10 % of its words per minute. */
	for (size_t i = 0; i < vs.n; i++) {
		const struct voice *v = &vs.v[i];
		double wpm;

		ep = one(v->name, prose);
		voices_cast(&vs, ep, NULL, 0);
		if (!CHECK(speak_episode(ep, &vs, NULL) == 0, "profile %s speaks", v->name)) {
			episode_free(ep);
			continue;
		}
		wpm = PROSE_WORDS * 60.0 / seconds(&ep->segs[0], ep->speech_rate_hz);
		CHECK(wpm > v->wpm * 0.9 && wpm < v->wpm * 1.1, "profile %s: %.0f words a minute, set to %d",
		      v->name, wpm, v->wpm);
		episode_free(ep);
	}

	/* Markup is text: with '<b>' read as SSML the paragraph would be
	 * shorter than without it. */
	{
		struct episode *marked = one("host", "Tags like <b> and </b> & [[kat]] stay words.");
		struct episode *plain = one("host", "Tags like and stay words.");

		voices_cast(&vs, marked, NULL, 0);
		speak_episode(marked, &vs, NULL);
		voices_cast(&vs, plain, NULL, 0);
		speak_episode(plain, &vs, NULL);
		CHECK(marked->segs[0].nsamples > plain->segs[0].nsamples + plain->speech_rate_hz,
		      "'<b>', '&' and '[[kat]]' are spoken as text");
		episode_free(marked);
		episode_free(plain);
	}

	/* The lexicon is applied to speech: a phoneme entry changes the sound. */
	memset(&lx, 0, sizeof(lx));
	CHECK(lexicon_parse("test", "Zmanda = [[z'i:m,and@]]\n", &lx) == 0, "a phoneme lexicon parses");
	{
		struct episode *with = one("host", "Zmanda");
		struct episode *without = one("host", "Zmanda");

		voices_cast(&vs, with, NULL, 0);
		speak_episode(with, &vs, &lx);
		voices_cast(&vs, without, NULL, 0);
		speak_episode(without, &vs, NULL);
		CHECK(with->segs[0].nsamples != without->segs[0].nsamples ||
		      memcmp(with->segs[0].pcm, without->segs[0].pcm, with->segs[0].nsamples * 2),
		      "a lexicon entry changes what is spoken");
		CHECK(!strcmp(with->segs[0].text, "Zmanda"), "... but not the segment's text");
		episode_free(with);
		episode_free(without);
	}
	lexicon_release(&lx);
	speak_release();
	voices_release(&vs);
	return tap_done();
}
