/* speak.c -- see speak.h. */
#include "speak.h"

#include <errno.h>
#include <fcntl.h>
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cue.h"
#include "master.h"
#include "normalize.h"
#include "pool.h"
#include "util.h"

/* Where espeak-ng started a word: its first character (1-based, in
 * characters of the text it was given) and its first sample. */
struct word_mark {
	int32_t text_position;
	int32_t sample;
};

struct pcm_sink {
	int16_t *pcm;
	size_t n, alloc;
	struct word_mark *words;
	size_t nwords, words_alloc;
};

/* A passage of ordinary prose whose spoken length sets each voice's rate:
 * espeak-ng's own words-per-minute setting runs about a third faster than
 * the words a listener counts, and by a different amount per voice. */
static const char calibration_text[] =
	"We opened the shop on a wet Monday in March, with two ovens, one table "
	"and a sign my brother painted the night before. Nobody came until noon. "
	"Then a woman from the flats across the road bought four loaves, came back "
	"an hour later for four more, and told everyone she knew. By Friday we had "
	"a queue, and by the summer we needed a third oven and a second table.";
#define CALIBRATION_WORDS 72
#define CALIBRATION_ROUNDS 1
/* espeak-ng speaks about a quarter faster than its rate setting says */
#define CALIBRATION_GUESS(wpm) ((wpm) * 4 / 5)

static int rate;     /* espeak-ng's sample rate once it is started */

/* espeak-ng hands back the user_data given to espeak_Synth() in every
 * event, so the sink travels with the call rather than in a global. */
static int on_audio(short *wav, int nsamples, espeak_EVENT *events)
{
	struct pcm_sink *sink = events ? events->user_data : NULL;

	if (!sink)
		return 0;
	for (espeak_EVENT *e = events; e->type != espeakEVENT_LIST_TERMINATED; e++) {
		if (e->type != espeakEVENT_WORD)
			continue;
		XGROW(sink->words, sink->words_alloc, sink->nwords + 1);
		sink->words[sink->nwords].text_position = e->text_position;
		sink->words[sink->nwords++].sample = e->sample;
	}
	if (!wav || nsamples <= 0)
		return 0;
	XGROW(sink->pcm, sink->alloc, sink->n + (size_t)nsamples);
	memcpy(sink->pcm + sink->n, wav, (size_t)nsamples * sizeof(*wav));
	sink->n += (size_t)nsamples;
	return 0;
}

static int speak_init(unsigned *rate_hz)
{
	if (!rate) {
		espeak_ng_ERROR_CONTEXT context = NULL;
		espeak_ng_STATUS status;
		int saved, null;

		/* espeak-ng 1.51 starts an audio client (PulseAudio, through
		 * pcaudio) even to synthesise into memory, and that client
		 * prints its own troubles (no server, no shared memory under a
		 * file size limit) on stderr; none of it concerns us, so it goes
		 * to /dev/null, and espeak-ng's own errors come back in its
		 * status. */
		fflush(stderr);
		saved = dup(2);
		null = open("/dev/null", O_WRONLY);
		if (saved >= 0 && null >= 0)
			dup2(null, 2);
		espeak_ng_InitializePath(NULL);
		status = espeak_ng_Initialize(&context);
		if (status == ENS_OK)
			status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, NULL);
		if (saved >= 0 && null >= 0)
			dup2(saved, 2);
		if (saved >= 0)
			close(saved);
		if (null >= 0)
			close(null);
		if (status != ENS_OK) {
			espeak_ng_ClearErrorContext(&context);
			return error("cannot start espeak-ng: its data files are missing (install espeak-ng-data)");
		}
		rate = espeak_ng_GetSampleRate();
		espeak_SetSynthCallback(on_audio);
	}
	*rate_hz = (unsigned)rate;
	return 0;
}

void speak_release(void)
{
	if (rate) {
		espeak_Terminate();
		rate = 0;
	}
}

/* Edit distance, for suggesting the voice the user meant. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), *row = xmalloc((lb + 1) * sizeof(*row)), d;

	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + ((a[i - 1] | 32) != (b[j - 1] | 32));

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	d = row[lb];
	free(row);
	return d;
}

/* Up to three of names[] closest to want, as ", did you mean 'a', 'b'?" */
static void suggest(struct sb *out, const char *want, const char *const *names, size_t n)
{
	size_t shown = 0;

	for (size_t d = 0; d <= 3 && shown < 3; d++) {
		for (size_t i = 0; i < n && shown < 3; i++) {
			int seen = 0;

			if (distance(want, names[i]) != d)
				continue;
			for (size_t k = 0; k < i && !seen; k++)
				seen = !strcmp(names[k], names[i]) && distance(want, names[k]) == d;
			if (seen)
				continue;
			sb_addf(out, "%s'%s'", shown ? ", " : "; did you mean ", names[i]);
			shown++;
		}
	}
	if (shown)
		sb_addch(out, '?');
}

/* Every name espeak-ng answers to for the voices (or, with variants, the
 * variants): names, identifiers, languages.  The strings are espeak-ng's. */
static const char **voice_names(int variants, size_t *n)
{
	espeak_VOICE spec;
	const espeak_VOICE **list;
	const char **names = NULL;
	size_t alloc = 0;

	memset(&spec, 0, sizeof(spec));
	spec.languages = "variant";
	list = espeak_ListVoices(variants ? &spec : NULL);
	*n = 0;
	for (size_t i = 0; list && list[i]; i++) {
		const char *id = list[i]->identifier;

		XGROW(names, alloc, *n + 3);
		if (variants) {
			/* "!v/m3": the variant is the file name */
			names[(*n)++] = strrchr(id, '/') ? strrchr(id, '/') + 1 : id;
			continue;
		}
		names[(*n)++] = list[i]->name;
		names[(*n)++] = id;
		for (const char *l = list[i]->languages; l && *l; l += strlen(l + 1) + 2) {
			XGROW(names, alloc, *n + 1);
			names[(*n)++] = l + 1;
		}
	}
	return names;
}

/* espeak-ng finds a voice by its name or file ("gmw/en"); a language code
 * such as "en-gb" is looked up in the voices' language lists, as the
 * espeak-ng command does.  Returns the identifier to use, or NULL. */
static const char *lookup_voice(const char *name)
{
	const espeak_VOICE **list = espeak_ListVoices(NULL);

	for (size_t i = 0; list && list[i]; i++)
		if (!strcasecmp(list[i]->name, name) || !strcmp(list[i]->identifier, name))
			return list[i]->identifier;
	for (size_t i = 0; list && list[i]; i++)
		/* languages: a priority byte, a name, NUL; ...; NUL */
		for (const char *l = list[i]->languages; l && *l; l += strlen(l + 1) + 2)
			if (!strcasecmp(l + 1, name))
				return list[i]->identifier;
	return NULL;
}

/* espeak_ListVoices() reads every voice file each time it is called, so
 * what it answered is kept (and inherited by the workers). */
static const char *resolve_voice(const char *name)
{
	static struct {
		char *name, *id;
	} known[16];
	static size_t nknown;
	const char *id;

	for (size_t i = 0; i < nknown; i++)
		if (!strcmp(known[i].name, name))
			return known[i].id;
	id = lookup_voice(name);
	if (id && nknown < sizeof(known) / sizeof(known[0])) {
		known[nknown].name = xstrdup(name);
		known[nknown].id = xstrdup(id);
		return known[nknown++].id;
	}
	return id;
}

static int unknown(const struct voice *v, int variant)
{
	const char *want = variant ? v->variant : v->espeak;
	struct sb msg = SB_INIT;
	size_t n;
	const char **names = voice_names(variant, &n);

	sb_addf(&msg, "'%s' line %d: espeak-ng has no %s '%s'", v->path,
		variant ? v->variant_line : v->espeak_line, variant ? "variant" : "voice", want);
	suggest(&msg, want, names, n);
	sb_addf(&msg, " (see espeak-ng --voices%s)", variant ? "=variant" : "");
	error("%s", msg.buf);
	sb_release(&msg);
	free(names);
	return -1;
}

/* The name to give espeak_SetVoiceByName() for v ("gmw/en+f3"), or NULL
 * after a message.  The parent process checks names; children speak. */
static char *voice_id(const struct voice *v)
{
	const char *id = resolve_voice(v->espeak);
	struct sb name = SB_INIT;

	if (!id) {
		unknown(v, 0);
		return NULL;
	}
	sb_addstr(&name, id);
	if (*v->variant)
		sb_addf(&name, "+%s", v->variant);
	return sb_detach(&name, NULL);
}

/* Speak text with espeak-ng in this process, into sink. */
#define SPEAK_NOISE_SEED 1	/* glibc's rand() before any srand() */

/* What espeak-ng is given for one piece of a paragraph: a piece is at most
 * 4 KB of text, which normalising (numbers into words) and a sane lexicon
 * keep well under this. */
#define SPEAK_SAID_MAX (64u << 10)

static int speak_here(const char *id, const struct voice *v, int wpm_setting, const char *text,
		      struct pcm_sink *sink)
{
	/* No espeakSSML: '<' and '&' are read as text.  espeakPHONEMES only
	 * when the lexicon put phonemes in [[ ]]; normalize_text() leaves no
	 * "[[" of the transcript's own. */
	unsigned flags = espeakCHARS_UTF8 | (strstr(text, "[[") ? espeakPHONEMES : 0);

	if (espeak_SetVoiceByName(id) != EE_OK)
		return -1;
	espeak_SetParameter(espeakRATE, wpm_setting, 0);
	espeak_SetParameter(espeakPITCH, v->pitch, 0);
	espeak_SetParameter(espeakRANGE, v->range, 0);
	espeak_SetParameter(espeakVOLUME, v->volume, 0);
	espeak_SetParameter(espeakWORDGAP, v->word_gap, 0);
	/* espeak-ng draws its breath and aspiration noise from the C
	 * library's rand(), which the PulseAudio client it starts reseeds
	 * from the clock when it makes a new cookie (a first run in a fresh
	 * home).  Seeding it here makes the noise, and so the bytes, the same
	 * on every machine and every run. */
	srand(SPEAK_NOISE_SEED);
	if (espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0, flags, NULL, sink) != EE_OK ||
	    espeak_Synchronize() != EE_OK)
		return -1;
	return 0;
}

/* Speak text in a child process forked from this one, where espeak-ng is
 * started but has never spoken.  espeak-ng carries state from one
 * utterance to the next (its flutter and noise generators among it), so
 * speaking each paragraph from that same starting state is what makes a
 * paragraph's audio the same whatever was spoken before it.  A fork costs
 * under a millisecond; the samples come back through a pipe. */
static int synth(const struct voice *v, int wpm_setting, const char *text, struct pcm_sink *sink)
{
	char *id = voice_id(v);
	int fd[2], status;
	pid_t pid;
	uint64_t n = 0;
	int ret = 0;

	if (!id)
		return -1;
	if (pipe(fd) < 0) {
		free(id);
		return error("cannot start a speaker process: %s", strerror(errno));
	}
	fflush(NULL);
	pid = util_fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		free(id);
		return error("cannot start a speaker process: %s", strerror(errno));
	}
	if (pid == 0) {
		int ok;

		close(fd[0]);
		ok = speak_here(id, v, wpm_setting, text, sink) == 0;
		free(id);
		n = sink->n;
		ok = ok && util_write_all(fd[1], &n, sizeof(n)) == 0 &&
		     util_write_all(fd[1], sink->pcm, sink->n * sizeof(*sink->pcm)) == 0;
		n = sink->nwords;
		ok = ok && util_write_all(fd[1], &n, sizeof(n)) == 0 &&
		     util_write_all(fd[1], sink->words, sink->nwords * sizeof(*sink->words)) == 0;
		_exit(ok ? 0 : 1);
	}
	close(fd[1]);
	free(id);
	if (util_read_all(fd[0], &n, sizeof(n)) < 0 || n > SIZE_MAX / sizeof(int16_t)) {
		ret = -1;
	} else {
		XGROW(sink->pcm, sink->alloc, (size_t)n);
		sink->n = (size_t)n;
		ret = util_read_all(fd[0], sink->pcm, sink->n * sizeof(*sink->pcm));
		if (ret == 0 && util_read_all(fd[0], &n, sizeof(n)) == 0 && n < SIZE_MAX / sizeof(struct word_mark)) {
			XGROW(sink->words, sink->words_alloc, (size_t)n);
			sink->nwords = (size_t)n;
			ret = util_read_all(fd[0], sink->words, sink->nwords * sizeof(*sink->words));
		} else {
			ret = -1;
		}
	}
	close(fd[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (ret < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	return 0;
}

/* Seconds from the first to the last sound of pcm. */
static double spoken_seconds(const struct pcm_sink *s)
{
	size_t first = 0, last = s->n;

	while (first < last && abs(s->pcm[first]) < SPEAK_SILENCE)
		first++;
	while (last > first && abs(s->pcm[last - 1]) < SPEAK_SILENCE)
		last--;
	return (double)(last - first) / rate;
}

/* Calibrations are kept by what decides them, not by profile: a batch
 * renders many episodes with the same voices. */
static struct {
	char *key;
	int setting;
	double lufs;         /* the voice's loudness on the passage */
} calibrated[64];
static size_t ncalibrated;

static void calibration_key(const struct voice *v, struct sb *key)
{
	sb_addf(key, "%s+%s/%d/%d/%d/%d", v->espeak, v->variant, v->wpm, v->pitch, v->range,
		v->word_gap);
}

static int calibration_find(const char *key)
{
	for (size_t i = 0; i < ncalibrated; i++)
		if (!strcmp(calibrated[i].key, key))
			return calibrated[i].setting;
	return -1;
}

static void calibration_add(const char *key, int setting, double lufs)
{
	if (ncalibrated < sizeof(calibrated) / sizeof(calibrated[0]) && calibration_find(key) < 0) {
		calibrated[ncalibrated].key = xstrdup(key);
		calibrated[ncalibrated].lufs = lufs;
		calibrated[ncalibrated++].setting = setting;
	}
}

/* Integrated loudness of speech, measured as master.h measures clips. */
static double speech_lufs(const struct pcm_sink *sink)
{
	float *e;
	size_t n = master_energies_s16(sink->pcm, sink->n, (unsigned)rate, &e);
	const float *parts[1] = { e };
	double lufs = master_integrated(parts, &n, 1);

	free(e);
	return lufs;
}

double speak_voice_lufs(const struct voice *v)
{
	struct sb key = SB_INIT;
	double lufs = -HUGE_VAL;

	calibration_key(v, &key);
	for (size_t i = 0; i < ncalibrated; i++)
		if (!strcmp(calibrated[i].key, key.buf))
			lufs = calibrated[i].lufs;
	sb_release(&key);
	return lufs;
}

int speak_rate_setting(const struct voice *v)
{
	struct sb key = SB_INIT;
	int setting = v->wpm;
	double lufs = -HUGE_VAL;
	unsigned hz;

	if (speak_init(&hz) < 0)
		return -1;
	calibration_key(v, &key);
	if ((setting = calibration_find(key.buf)) >= 0) {
		sb_release(&key);
		return setting;
	}
	setting = CALIBRATION_GUESS(v->wpm);
	/* An unknown voice is reported here, once; espeak-ng takes an unknown
	 * variant without a word, so check that too. */
	{
		char *id = voice_id(v);

		free(id);
		if (!id) {
			sb_release(&key);
			return -1;
		}
	}
	if (*v->variant) {
		size_t n, i;
		const char **names = voice_names(1, &n);

		for (i = 0; i < n && strcmp(names[i], v->variant); i++)
			;
		free(names);
		if (i == n) {
			sb_release(&key);
			return unknown(v, 1);
		}
	}
	/* espeak-ng's rate is close to proportional to its setting near the
	 * right one: speak at a setting a quarter under the wpm wanted, measure
	 * and scale (a second round moves the setting by one at most).  The
	 * voice's loudness is measured on the same passage. */
	for (int round = 0; round < CALIBRATION_ROUNDS; round++) {
		struct pcm_sink sink = { NULL, 0, 0, NULL, 0, 0 };
		double wpm;

		if (synth(v, setting, calibration_text, &sink) < 0) {
			free(sink.pcm);
			free(sink.words);
			sb_release(&key);
			return error("espeak-ng cannot speak with '%s'", v->path);
		}
		wpm = CALIBRATION_WORDS * 60.0 / spoken_seconds(&sink);
		if (round + 1 == CALIBRATION_ROUNDS)
			lufs = speech_lufs(&sink);
		free(sink.pcm);
		free(sink.words);
		setting = (int)(setting * v->wpm / wpm + 0.5);
		if (setting < espeakRATE_MINIMUM)
			setting = espeakRATE_MINIMUM;
		if (setting > espeakRATE_MAXIMUM)
			setting = espeakRATE_MAXIMUM;
	}
	calibration_add(key.buf, setting, lufs);
	sb_release(&key);
	return setting;
}

/* The cache entry of a voice's calibration. */
static void calibration_store_key(const struct voice *v, struct store_key *k)
{
	struct sb desc = SB_INIT;
	const char *version = espeak_Info(NULL);

	sb_addf(&desc, "rate 3\nespeak-ng %s\n%d %d\n", version ? version : "", CALIBRATION_ROUNDS,
		CALIBRATION_WORDS);
	calibration_key(v, &desc);
	sb_addf(&desc, "\n%s", calibration_text);
	store_key(k, desc.buf, desc.len);
	sb_release(&desc);
}

/* "SETTING LUFS": the loudness, -HUGE_VAL when the voice is silent. */
static double entry_lufs(const char *data)
{
	const char *space = strchr(data, ' ');
	double v = space ? strtod(space + 1, NULL) : -HUGE_VAL;

	return isfinite(v) ? v : -HUGE_VAL;
}

/* A rate entry's setting is one espeak-ng takes, and its loudness one
 * speech has. */
static int rate_entry_ok(const char *data)
{
	int setting = atoi(data);
	double lufs = entry_lufs(data);

	return setting >= espeakRATE_MINIMUM && setting <= espeakRATE_MAXIMUM && lufs > -70 && lufs < 0;
}

struct calibration_work {
	const struct voice **v;
	const struct store *st;
};

static int calibrate_job(size_t i, void *ctx)
{
	struct calibration_work *w = ctx;
	struct store_key k;
	struct util_part part;
	char text[64];
	int setting = speak_rate_setting(w->v[i]);

	if (setting < 0)
		return -1;
	calibration_store_key(w->v[i], &k);
	snprintf(text, sizeof(text), "%d %.17g\n", setting, speak_voice_lufs(w->v[i]));
	part.data = text;
	part.len = strlen(text);
	return store_put(w->st, "rate", &k, &part, 1);
}

/* Calibrate the voices the episode uses, in parallel, through the cache. */
static int calibrate(const struct episode *ep, const struct voiceset *vs, const struct store *st,
		     unsigned jobs)
{
	const struct voice **todo = xcalloc(ep->nsegs ? ep->nsegs : 1, sizeof(*todo));
	struct calibration_work w = { todo, st };
	size_t n = 0;
	int ret = 0;

	for (size_t i = 0; i < ep->nsegs; i++) {
		const struct voice *v = voices_for(vs, &ep->segs[i]);
		struct sb key = SB_INIT;
		int known;

		calibration_key(v, &key);
		known = calibration_find(key.buf) >= 0;
		for (size_t k = 0; k < n && !known; k++) {
			struct sb other = SB_INIT;
			calibration_key(todo[k], &other);
			known = !strcmp(other.buf, key.buf);
			sb_release(&other);
		}
		if (!known) {
			struct store_key sk;
			char *data;
			size_t len;
			int got;

			calibration_store_key(v, &sk);
			got = store_get(st, "rate", &sk, &data, &len);
			if (got > 0 && rate_entry_ok(data))
				calibration_add(key.buf, atoi(data), entry_lufs(data));
			else
				todo[n++] = v;
			if (got > 0)
				free(data);
		}
		sb_release(&key);
	}
	/* each voice is checked here, so that an unknown one is reported
	 * once, by this process */
	for (size_t k = 0; k < n && ret == 0; k++) {
		char *id = voice_id(todo[k]);
		ret = id ? 0 : -1;
		free(id);
	}
	if (ret == 0 && n)
		ret = pool_run(n, jobs, calibrate_job, &w);
	for (size_t k = 0; k < n && ret == 0; k++) {
		struct store_key sk;
		struct sb key = SB_INIT;
		char *data;
		size_t len;

		calibration_store_key(todo[k], &sk);
		calibration_key(todo[k], &key);
		if (store_get(st, "rate", &sk, &data, &len) > 0) {
			if (rate_entry_ok(data))
				calibration_add(key.buf, atoi(data), entry_lufs(data));
			free(data);
		}
		sb_release(&key);
	}
	free(todo);
	return ret;
}

/* What espeak-ng is given for a segment: each cue normalised and run
 * through the lexicon, joined by spaces; first[k] is the 1-based character
 * at which cue k starts, as espeak-ng counts them in its word events. */
static char *said_text(struct segment *s, const struct lexicon *lx, int32_t *first)
{
	struct sb said = SB_INIT;
	int32_t chars = 0;

	for (size_t k = 0; k < s->ncues; k++) {
		char *plain = normalize_text(s->cues[k].text);
		char *text = lexicon_apply(lx, plain);

		if (said.len) {
			sb_addch(&said, ' ');
			chars++;
		}
		first[k] = chars + 1;
		sb_addstr(&said, text);
		for (const char *c = text; *c; c++)
			chars += ((unsigned char)*c & 0xc0) != 0x80;
		free(plain);
		free(text);
	}
	if (!said.buf)
		sb_addstr(&said, "");
	return sb_detach(&said, NULL);
}

/* Cut segment s into cues afresh and say what espeak-ng is given for it;
 * *first (new, caller frees) where each cue starts. */
static char *cut_and_say(struct segment *s, const struct lexicon *lx, int32_t **first)
{
	for (size_t k = 0; k < s->ncues; k++)
		free(s->cues[k].text);
	free(s->cues);
	cue_split(s->text, &s->cues, &s->ncues);
	*first = xcalloc(s->ncues ? s->ncues : 1, sizeof(**first));
	return said_text(s, lx, *first);
}

char *speak_said(struct segment *s, const struct lexicon *lx)
{
	int32_t *first;
	char *said = cut_and_say(s, lx, &first);

	free(first);
	return said;
}

/* Each cue starts at the first word espeak-ng spoke from its text. */
static void time_cues(struct segment *s, const int32_t *first, const struct pcm_sink *sink)
{
	size_t w = 0;

	for (size_t k = 0; k < s->ncues; k++) {
		while (w < sink->nwords && sink->words[w].text_position < first[k])
			w++;
		if (w < sink->nwords && sink->words[w].sample >= 0)
			s->cues[k].speech_sample = (size_t)sink->words[w].sample;
		else
			s->cues[k].speech_sample = k ? s->cues[k - 1].speech_sample : 0;
		if (s->cues[k].speech_sample > sink->n)
			s->cues[k].speech_sample = sink->n;
	}
}

int speak_episode(struct episode *ep, const struct voiceset *vs, const struct lexicon *lx)
{
	if (speak_init(&ep->speech_rate_hz) < 0)
		return -1;
	for (size_t i = 0; i < ep->nsegs; i++) {
		struct segment *s = &ep->segs[i];
		const struct voice *v = voices_for(vs, s);
		struct pcm_sink sink = { NULL, 0, 0, NULL, 0, 0 };
		int32_t *first;
		char *said;
		int setting = speak_rate_setting(v), failed;

		for (size_t k = 0; k < s->ncues; k++)
			free(s->cues[k].text);
		free(s->cues);
		cue_split(s->text, &s->cues, &s->ncues);
		first = xcalloc(s->ncues ? s->ncues : 1, sizeof(*first));
		said = said_text(s, lx, first);
		failed = setting < 0;
		if (!failed && synth(v, setting, said, &sink) < 0)
			failed = error("espeak-ng failed on the paragraph at line %d", s->line);
		free(said);
		if (!failed)
			time_cues(s, first, &sink);
		free(first);
		free(sink.words);
		if (failed) {
			free(sink.pcm);
			return -1;
		}
		free(s->pcm);
		s->pcm = sink.pcm;
		s->nsamples = sink.n;
		s->gap_ms = v->pause_ms;
	}
	return 0;
}

int speak_voices(struct sb *out)
{
	const espeak_VOICE **list;
	unsigned hz;

	if (speak_init(&hz) < 0)
		return -1;
	list = espeak_ListVoices(NULL);
	for (size_t i = 0; list && list[i]; i++)
		sb_addf(out, "  %-16s %-28s %s\n", list[i]->languages + 1, list[i]->name,
			list[i]->identifier);
	return 0;
}

/* The speech entry of the cache, in one file: a head of the magic and the
 * counts; each cue's first speech sample; the clip's 100 ms powers (at its
 * gain, limited); the clip's 16-bit samples. */
static const char speech_magic[8] = "CLQSPK2";

struct speech_head {
	char magic[8];
	uint64_t n, trim, ncues, nenergy;
};

static uint64_t samples_at(uint64_t ncues, uint64_t nenergy)
{
	return sizeof(struct speech_head) + ncues * sizeof(uint64_t) + nenergy * sizeof(float);
}

int speak_plan(struct episode *ep, const struct voiceset *vs, const struct lexicon *lx,
	       const struct master_opts *mo, const struct store *st, unsigned jobs,
	       struct speak_plan **plans)
{
	struct speak_plan *p = xcalloc(ep->nsegs ? ep->nsegs : 1, sizeof(*p));
	const char *version;

	*plans = p;
	if (speak_init(&ep->speech_rate_hz) < 0 || calibrate(ep, vs, st, jobs) < 0)
		return -1;
	version = espeak_Info(NULL);
	for (size_t i = 0; i < ep->nsegs; i++) {
		struct segment *s = &ep->segs[i];
		const struct voice *v = voices_for(vs, s);
		struct sb desc = SB_INIT;
		char *id;

		p[i].voice = v;
		p[i].setting = speak_rate_setting(v);
		if (p[i].setting < 0)
			return -1;
		p[i].said = cut_and_say(s, lx, &p[i].first);
		if (strlen(p[i].said) > SPEAK_SAID_MAX)
			return error("the paragraph at line %d grows to %zu KB once normalised and run through "
				     "the lexicon (at most %u KB); does a lexicon entry repeat itself?", s->line,
				     strlen(p[i].said) >> 10, SPEAK_SAID_MAX >> 10);
		s->gap_ms = v->pause_ms;
		{
			double lufs = speak_voice_lufs(v);
			p[i].gain_db = isfinite(lufs) ? master_step_db(mo->loudness_lufs - lufs) : 0;
		}
		s->gain_db = p[i].gain_db;
		/* everything that decides the speech's samples */
		id = voice_id(v);
		if (!id)
			return -1;
		sb_addf(&desc, "speech 5\nespeak-ng %s\n%s %d %d %d %d %d\n%u %u\n%.1f %.2f\n",
			version ? version : "", id, p[i].setting, v->pitch, v->range, v->volume,
			v->word_gap, ep->speech_rate_hz, mo->rate_hz, p[i].gain_db, mo->peak_dbfs);
		for (size_t k = 0; k < s->ncues; k++)
			sb_addf(&desc, "%d ", (int)p[i].first[k]);
		sb_addf(&desc, "\n%s", p[i].said);
		store_key(&p[i].key, desc.buf, desc.len);
		sb_release(&desc);
		free(id);
	}
	return 0;
}

int speak_select(const struct voice *v)
{
	char *id = voice_id(v);
	int ok = id && espeak_SetVoiceByName(id) == EE_OK;

	free(id);
	return ok ? 0 : error("espeak-ng cannot speak with '%s'", v->path);
}

void speak_plan_free(struct speak_plan *p, size_t n)
{
	for (size_t i = 0; p && i < n; i++) {
		free(p[i].said);
		free(p[i].first);
	}
	free(p);
}

int speak_to_store(const struct episode *ep, size_t i, const struct speak_plan *p,
		   const struct master_opts *mo, const struct store *st)
{
	unsigned out_hz = mo->rate_hz;
	struct segment s = ep->segs[i];
	struct cue *cues = xcalloc(s.ncues ? s.ncues : 1, sizeof(*cues));
	struct pcm_sink sink = { NULL, 0, 0, NULL, 0, 0 };
	struct sb head = SB_INIT;
	char *id = voice_id(p->voice);
	float *clip = NULL, *energy = NULL;
	int16_t *s16 = NULL;
	size_t n = 0, trim = 0, nenergy;
	uint64_t v;
	int ret = -1;

	/* the child's own copy of the cues, timed here */
	memcpy(cues, s.cues, s.ncues * sizeof(*cues));
	s.cues = cues;
	if (!id || speak_here(id, p->voice, p->setting, p->said, &sink) < 0) {
		error("espeak-ng failed on the paragraph at line %d", s.line);
		goto out;
	}
	time_cues(&s, p->first, &sink);
	if (master_clip(sink.pcm, sink.n, ep->speech_rate_hz, out_hz, &clip, &n, &trim) < 0)
		goto out;
	/* kept as 16-bit samples, as espeak-ng made them (exactly so when no
	 * resampling was needed): half the bytes to write and read */
	s16 = xmalloc((n ? n : 1) * sizeof(*s16));
	for (size_t j = 0; j < n; j++) {
		float x = clip[j] * 32768.0f;
		s16[j] = (int16_t)(x >= 32767.0f ? 32767 : x <= -32768.0f ? -32768 : lrintf(x));
		clip[j] = s16[j] / 32768.0f;
	}
	/* its loudness as it will sit in the timeline: at its gain, limited
	 * (pauses keep the limiter's work within a segment) */
	{
		float *level = xmalloc((n ? n : 1) * sizeof(*level));
		float gain = (float)pow(10.0, p->gain_db / 20.0);

		for (size_t j = 0; j < n; j++)
			level[j] = clip[j] * gain;
		master_limit(level, n, out_hz, mo->peak_dbfs);
		nenergy = master_energies(level, n, out_hz, &energy);
		free(level);
	}
	{
		struct speech_head h;
		struct util_part parts[2];

		memset(&h, 0, sizeof(h));
		memcpy(h.magic, speech_magic, sizeof(h.magic));
		h.n = n;
		h.trim = trim;
		h.ncues = s.ncues;
		h.nenergy = nenergy;
		sb_add(&head, &h, sizeof(h));
		for (size_t k = 0; k < s.ncues; k++) {
			v = s.cues[k].speech_sample;
			sb_add(&head, &v, sizeof(v));
		}
		sb_add(&head, energy, nenergy * sizeof(*energy));
		parts[0].data = head.buf;
		parts[0].len = head.len;
		parts[1].data = s16;
		parts[1].len = n * sizeof(*s16);
		ret = store_put(st, "speech", &p->key, parts, 2);
	}
out:
	free(id);
	free(cues);
	free(sink.pcm);
	free(sink.words);
	free(clip);
	free(s16);
	free(energy);
	sb_release(&head);
	return ret;
}

static int damaged(const struct store *st, const struct speak_plan *p)
{
	char *path = store_path(st, "speech", &p->key);

	error("cache entry '%s' is damaged; remove it, or render with --no-cache", path);
	free(path);
	return -1;
}

/* A damaged entry found while reading heads is removed, to be spoken
 * again: 1. */
static int drop_damaged(const struct store *st, const struct speak_plan *p)
{
	store_drop_damaged(st, "speech", &p->key);
	return 1;
}

int speak_from_store(struct episode *ep, size_t i, const struct speak_plan *p, const struct store *st)
{
	struct segment *s = &ep->segs[i];
	struct speech_head h;
	char *body;
	size_t len;
	int got = store_read_at(st, "speech", &p->key, 0, &h, sizeof(h));

	if (got < 0)
		return -1;
	if (got == 0 || memcmp(h.magic, speech_magic, sizeof(h.magic)) || h.ncues != s->ncues ||
	    h.nenergy > (1u << 30) || h.n > ((uint64_t)1 << 40))
		return drop_damaged(st, p);
	len = (size_t)(samples_at(h.ncues, h.nenergy) - sizeof(h));
	body = xmalloc(len ? len : 1);
	got = store_read_at(st, "speech", &p->key, sizeof(h), body, len);
	if (got <= 0) {
		free(body);
		return got < 0 ? -1 : drop_damaged(st, p);
	}
	for (size_t k = 0; k < s->ncues; k++) {
		uint64_t v;
		memcpy(&v, body + k * sizeof(v), sizeof(v));
		s->cues[k].speech_sample = (size_t)v;
	}
	free(s->energy);
	s->nenergy = (size_t)h.nenergy;
	s->energy = xmalloc((s->nenergy ? s->nenergy : 1) * sizeof(float));
	memcpy(s->energy, body + s->ncues * sizeof(uint64_t), s->nenergy * sizeof(float));
	s->clip_n = (size_t)h.n;
	s->trim = (size_t)h.trim;
	free(body);
	/* the whole entry must be there */
	{
		int16_t last;
		if (h.n && store_read_at(st, "speech", &p->key, samples_at(h.ncues, h.nenergy) +
					 (h.n - 1) * sizeof(last), &last, sizeof(last)) == 0)
			return drop_damaged(st, p);
	}
	return 0;
}

int speak_clip(const struct store *st, const struct speak_plan *p, const struct segment *s,
	       float **pcm, size_t *n)
{
	int16_t *x = xmalloc((s->clip_n ? s->clip_n : 1) * sizeof(*x));
	int got = store_read_at(st, "speech", &p->key, samples_at(s->ncues, s->nenergy), x,
				s->clip_n * sizeof(*x));

	if (got <= 0) {
		free(x);
		return got < 0 ? -1 : damaged(st, p);
	}
	*pcm = xmalloc((s->clip_n ? s->clip_n : 1) * sizeof(float));
	for (size_t j = 0; j < s->clip_n; j++)
		(*pcm)[j] = x[j] / 32768.0f;
	free(x);
	*n = s->clip_n;
	return 0;
}
