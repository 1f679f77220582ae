/* test_normalize.c -- every normalisation rule, judged by espeak-ng's own
 * phoneme output: the normalised text must sound as the plain English it
 * stands for, and (for the rules that exist because of it) the text as
 * written must not. */
#include <espeak-ng/speak_lib.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "tap.h"
#include "util.h"

static char *phonemes(const char *text)
{
	struct sb sb = SB_INIT;
	const void *p = text;

	while (p) {
		const char *ph = espeak_TextToPhonemes(&p, espeakCHARS_UTF8, 0);
		if (ph)
			sb_addstr(&sb, ph);
		sb_addch(&sb, ' ');
	}
	return sb_detach(&sb, NULL);
}

/* normalize(written) sounds like spoken; if differs, written alone does not. */
static void sounds(const char *written, const char *spoken, int differs)
{
	char *norm = normalize_text(written);
	char *a = phonemes(norm), *b = phonemes(spoken), *c = phonemes(written);

	CHECK(!strcmp(a, b), "'%s' -> '%s' sounds as '%s' (%s | %s)", written, norm, spoken, a, b);
	if (differs)
		CHECK(strcmp(c, b), "... while espeak-ng alone reads '%s' otherwise (%s)", written, c);
	free(norm);
	free(a);
	free(b);
	free(c);
}

static void text(const char *written, const char *want)
{
	char *got = normalize_text(written);
	CHECK(!strcmp(got, want), "'%s' -> '%s' (got '%s')", written, want, got);
	free(got);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, espeakINITIALIZE_DONT_EXIT) <= 0)
		return CHECK(0, "espeak-ng starts"), tap_done();
	espeak_SetVoiceByName("gmw/en-US");

	/* the documented rules, each as its table gives it */
	for (unsigned i = 0; i < normalize_nrules; i++)
		sounds(normalize_rules[i].example, normalize_rules[i].spoken, 0);

	/* the rules that change what espeak-ng would say */
	sounds("who's counting? ;-)", "who's counting?", 1);
	sounds("chat(!) and email(?)", "chat and email", 1);
	sounds("Employee #41", "Employee number 41", 1);
	sounds("Sr. Manager", "Senior Manager", 1);
	sounds("Acme Inc. We grew", "Acme Incorporated. We grew", 1);
	sounds("this vs. that", "this versus that", 1);
	sounds("i.e. now", "that is now", 1);
	sounds("10\xe2\x80\x93" "20 people", "10 to 20 people", 1);
	sounds("see https://www.example.com/about", "see example dot com slash about", 1);
	sounds("2) Be kind.", "2: Be kind.", 1);
	sounds("Ask **now**", "Ask now", 0);
	sounds("he told [his father] no", "he told his father no", 0);
	sounds("P&L", "P and L", 0);
	sounds("write to jane@example.org", "write to jane at example dot org", 0);

	/* exact text where the sound cannot tell */
	text("end up...looking", "end up, looking");
	text("Next up in the Series...Rod Johnson", "Next up in the Series, Rod Johnson");
	text("Or hire again...", "Or hire again.");
	text("a -- b", "a, b");
	text("a\xe2\x80\x94" "b", "a, b");
	text("\xe2\x80\xa2 Hire well.", "Hire well.");
	text("- Hire well.", "Hire well.");
	text("[[b@n'an@]] is a fruit", "b@n'an@ is a fruit");	/* never phoneme input */
	text("plain words stay plain", "plain words stay plain");
	text("", "");
	espeak_Terminate();
	return tap_done();
}
