/* speak.c -- see speak.h. */
#include "speak.h"

#include <espeak-ng/speak_lib.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

struct pcm_sink {
	int16_t *pcm;
	size_t n, alloc;
};

/* espeak-ng hands back the user_data given to espeak_Synth() in every
 * event, so the sink travels with the call rather than in a global. */
static int on_audio(short *wav, int nsamples, espeak_EVENT *events)
{
	struct pcm_sink *sink = events ? events->user_data : NULL;

	if (!wav || nsamples <= 0 || !sink)
		return 0;
	XGROW(sink->pcm, sink->alloc, sink->n + (size_t)nsamples);
	memcpy(sink->pcm + sink->n, wav, (size_t)nsamples * sizeof(*wav));
	sink->n += (size_t)nsamples;
	return 0;
}

static int rate;

static int speak_init(unsigned *rate_hz)
{
	if (!rate) {
		rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL,
					 espeakINITIALIZE_DONT_EXIT);
		if (rate <= 0) {
			rate = 0;
			return error("cannot start espeak-ng: its data files are missing (install espeak-ng-data)");
		}
		espeak_SetSynthCallback(on_audio);
	}
	*rate_hz = (unsigned)rate;
	return 0;
}

/* espeak-ng finds a voice by its name or file ("gmw/en"); a language
 * code such as "en-gb" is looked up in the voices' language lists, as the
 * espeak-ng command does.  Returns the identifier to use, or NULL. */
static const char *resolve_voice(const char *name)
{
	const espeak_VOICE **list = espeak_ListVoices(NULL);

	for (size_t i = 0; list && list[i]; i++) {
		const espeak_VOICE *v = list[i];
		if (!strcasecmp(v->name, name) || !strcmp(v->identifier, name))
			return v->identifier;
	}
	for (size_t i = 0; list && list[i]; i++) {
		/* languages: a priority byte, a name, NUL; ...; NUL */
		for (const char *l = list[i]->languages; l && *l; l += strlen(l + 1) + 2)
			if (!strcasecmp(l + 1, name))
				return list[i]->identifier;
	}
	return NULL;
}

static int select_voice(const struct voice *v)
{
	const char *id = resolve_voice(v->espeak);
	struct sb name = SB_INIT;
	espeak_ERROR err = EE_NOT_FOUND;

	if (id) {
		sb_addstr(&name, id);
		if (*v->variant)
			sb_addf(&name, "+%s", v->variant);
		err = espeak_SetVoiceByName(name.buf);
	}
	sb_release(&name);
	if (err != EE_OK) {
		if (!id)
			return error("'%s': espeak-ng has no voice '%s' (list them with espeak-ng --voices)",
				     v->path, v->espeak);
		return error("'%s': espeak-ng has no variant '%s' (list them with espeak-ng --voices=variant)",
			     v->path, v->variant);
	}
	espeak_SetParameter(espeakRATE, v->wpm, 0);
	espeak_SetParameter(espeakPITCH, v->pitch, 0);
	espeak_SetParameter(espeakRANGE, v->range, 0);
	espeak_SetParameter(espeakVOLUME, v->volume, 0);
	espeak_SetParameter(espeakWORDGAP, v->word_gap, 0);
	return 0;
}

int speak_episode(struct episode *ep, const struct voiceset *vs)
{
	const struct voice *current = NULL;

	if (speak_init(&ep->speech_rate_hz) < 0)
		return -1;
	for (size_t i = 0; i < ep->nsegs; i++) {
		struct segment *s = &ep->segs[i];
		const struct voice *v = voices_for(vs, s);
		struct pcm_sink sink = { NULL, 0, 0 };
		espeak_ERROR err;

		if (v != current) {
			if (select_voice(v) < 0)
				return -1;
			current = v;
		}
		/* No espeakSSML and no espeakPHONEMES: '<', '&' and "[[" in a
		 * transcript are read as text, never as markup. */
		err = espeak_Synth(s->text, strlen(s->text) + 1, 0, POS_CHARACTER, 0,
				   espeakCHARS_UTF8, NULL, &sink);
		if (err == EE_OK)
			err = espeak_Synchronize();
		if (err != EE_OK) {
			free(sink.pcm);
			return error("espeak-ng failed on the paragraph at line %d (error %d)",
				     s->line, (int)err);
		}
		free(s->pcm);
		s->pcm = sink.pcm;
		s->nsamples = sink.n;
		s->gap_ms = v->pause_ms;
	}
	return 0;
}

void speak_release(void)
{
	if (rate) {
		espeak_Terminate();
		rate = 0;
	}
}
