/* render.c -- see render.h. */
#include "render.h"

#include <errno.h>
#include <sndfile.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "art.h"
#include "charset.h"
#include "clean.h"
#include "cues.h"
#include "encode.h"
#include "front.h"
#include "html.h"
#include "markdown.h"
#include "id3.h"
#include "lexicon.h"
#include <lame/lame.h>
#include <math.h>
#include "pool.h"
#include "store.h"
#include "master.h"
#include "publish.h"
#include "script.h"
#include "show.h"
#include "speak.h"
#include "split.h"
#include "util.h"
#include "voice.h"

/* Artwork is copied into each episode's ID3 tag, whose size field holds
 * 256 MB; it is kept far below that. */
#define RENDER_MAX_ARTWORK (16u << 20)

void render_opts_init(struct render_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->rate_hz = 44100;
	o->bitrate_kbps = 64;
	o->vbr_quality = -1;
	o->voices_dir = "voices";
	o->loudness_lufs = -16.0;
}

/* Tell the user where the labelling may be wrong: low-confidence
 * paragraphs, and a text in which no question was found. */
static void warn_doubts(const char *path, const struct episode *ep)
{
	int lines[5];
	size_t n = split_low_confidence(ep, lines, 5);
	int questions = 0;

	for (size_t i = 0; i < ep->nsegs; i++)
		questions |= ep->segs[i].role == ROLE_QUESTION;
	if (!questions)
		warning("'%s': no questions found; it will be a narrated episode with one chapter", path);
	if (n) {
		struct sb sb = SB_INIT;
		for (size_t i = 0; i < n && i < 5; i++)
			sb_addf(&sb, "%s%d", i ? ", " : "", lines[i]);
		warning("'%s': %zu paragraph%s labelled with low confidence (line%s %s%s); "
			"review with colloquy split", path, n, n == 1 ? "" : "s",
			n == 1 ? "" : "s", sb.buf, n > 5 ? ", ..." : "");
		sb_release(&sb);
	}
}

int render_parse_from(const char *name)
{
	static const struct {
		const char *name;
		int from;
	} names[] = {
		{ "auto", FROM_AUTO }, { "text", FROM_TEXT }, { "markdown", FROM_MARKDOWN }, { "md", FROM_MARKDOWN },
		{ "html", FROM_HTML }, { "vtt", FROM_CAPTIONS }, { "webvtt", FROM_CAPTIONS },
		{ "srt", FROM_CAPTIONS }, { "captions", FROM_CAPTIONS }, { "script", FROM_SCRIPT },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcasecmp(name, names[i].name))
			return names[i].from;
	return -1;
}

struct episode *render_load(const char *path, int from)
{
	struct episode *ep = NULL;
	struct front fm;
	struct text t;
	char *data;
	const char *charset;
	size_t len, body = 0;
	int html, ok;
	const char *what;

	if (util_read_file(path, &data, &len) < 0)
		return NULL;
	html = from == FROM_HTML || (from == FROM_AUTO && html_detect(path, data, len));
	if (charset_to_utf8(path, &data, &len, html ? html_declared_charset(data, len) : NULL, &charset) < 0) {
		free(data);
		return NULL;
	}
	if (charset)
		warning("'%s' is not UTF-8; read it as %s", path, charset);
	what = html ? "HTML page" : "text";
	if (from == FROM_CAPTIONS && !cues_detect(data, len)) {
		error("'%s' is not WebVTT or SubRip captions (--from captions)", path);
		free(data);
		return NULL;
	}
	if (!html && (from == FROM_CAPTIONS || (from == FROM_AUTO && cues_detect(data, len)))) {
		/* captions: their words, by speaker */
		char *text;

		what = "WebVTT or SubRip captions";
		cues_to_text(data, len, &text, &len);
		free(data);
		data = text;
	}
	if (front_parse(path, data, len, &fm, &body) < 0) {
		free(data);
		return NULL;
	}
	/* The front matter becomes blank lines, so that line numbers stay
	 * those of the file. */
	for (size_t i = 0; i < body; i++)
		if (data[i] != '\n')
			data[i] = ' ';
	if (html) {
		struct front page;

		ok = html_read(path, data, len, &t, &page) == 0;
		front_merge(&fm, &page);
		if (body)
			what = "HTML with front matter";
	} else {
		if (body && !strcmp(what, "text"))
			what = "text with front matter";
		if (from == FROM_SCRIPT || (from == FROM_AUTO && script_detect(data + body, len - body))) {
			ep = script_read(path, data + body, len - body);
			what = "colloquy script";
			ok = 0;
		} else if (from == FROM_MARKDOWN || (from == FROM_AUTO && markdown_detect(path))) {
			what = body ? "Markdown with front matter" : "Markdown";
			ok = markdown_read(path, data, len, &t) == 0;
		} else {
			ok = clean_text(path, data, len, &t) == 0;
		}
	}
	if (ok) {
		if (t.n) {
			struct split_hints h = { fm.title, fm.author, fm.host, fm.guest };
			ep = split_text_hints(&t, path, &h);
		}
		text_release(&t);
		if (ep && !ep->nsegs) {
			episode_free(ep);
			ep = NULL;
		}
		if (!ep)
			error("'%s' has no text to speak", path);
		else
			warn_doubts(path, ep);
	}
	free(data);
	if (ep && !ep->read_as) {
		struct sb as = SB_INIT;

		sb_addstr(&as, what);
		if (charset)
			sb_addf(&as, ", %s", charset);
		ep->read_as = sb_detach(&as, NULL);
	}
	if (ep) {
		int titled = 0;

		for (size_t i = 0; i < ep->nsegs && !titled; i++)
			titled = ep->segs[i].role == ROLE_TITLE;
		if (fm.title || (fm.fallback_title && !titled)) {
			free(ep->title);
			ep->title = xstrdup(fm.title ? fm.title : fm.fallback_title);
		}
		ep->date = fm.date ? xstrdup(fm.date) : NULL;
		ep->description = fm.description ? xstrdup(fm.description) : NULL;
		if ((fm.host || fm.author) && !ep->host_name)
			ep->host_name = xstrdup(fm.host ? fm.host : fm.author);
		if (fm.guest && !ep->guest_name)
			ep->guest_name = xstrdup(fm.guest);
		ep->number = fm.episode;
		ep->season = fm.season;
	}
	front_release(&fm);
	return ep;
}

/* The episode's date, YYYY-MM-DD: the front matter's, else
 * SOURCE_DATE_EPOCH's when set (reproducible builds), else the
 * transcript's modification time. */
static void episode_date(const struct episode *ep, const char *path, char date[32])
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	struct stat st;
	time_t t = 0;
	struct tm tm;

	if (ep->date) {
		snprintf(date, 32, "%s", ep->date);
		return;
	}
	if (sde && *sde) {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(sde, &end, 10);
		/* a count of seconds up to the year 9999, as the spec has it */
		if (errno || *end || end == sde || v < 0 || v > 253402300799LL) {
			warning("SOURCE_DATE_EPOCH '%s' is not a count of seconds since 1970 up to the year 9999; "
				"it is not used", sde);
			sde = NULL;
		} else {
			t = (time_t)v;
		}
	}
	if ((!sde || !*sde) && stat(path, &st) == 0)
		t = st.st_mtime;
	if (!gmtime_r(&t, &tm))
		memset(&tm, 0, sizeof(tm));
	snprintf(date, 32, "%04d-%02d-%02d", (tm.tm_year + 1900) % 10000, tm.tm_mon + 1, tm.tm_mday);
}

char *render_sidecar_path(const char *mp3, const char *suffix)
{
	struct sb sb = SB_INIT;
	size_t n = strlen(mp3);

	if (n > 4 && !strcasecmp(mp3 + n - 4, ".mp3"))
		n -= 4;
	sb_add(&sb, mp3, n);
	sb_addstr(&sb, suffix);
	return sb_detach(&sb, NULL);
}

/* Refuse an output or sidecar path that is the transcript itself, is not
 * a regular file (a device, a folder, a pipe), or is read-only: nothing
 * is written, and the message says which and why. */
static int check_outputs(const char *transcript, const char *out_path, int wav)
{
	static const char *const suffixes[] = {
		"", ".chapters.json", ".vtt", ".srt", ".json", ".episode.json", ".wav", ".jpg", ".png",
	};
	struct stat in, st;
	int have_in = stat(transcript, &in) == 0;

	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		char *p = i ? render_sidecar_path(out_path, suffixes[i]) : xstrdup(out_path);
		int ret = 0;

		if ((i != 6 || wav) && stat(p, &st) == 0) {
			if (have_in && st.st_dev == in.st_dev && st.st_ino == in.st_ino)
				ret = error("will not write '%s': it is the transcript '%s' itself; choose another -o", p,
					    transcript);
			else if (!S_ISREG(st.st_mode))
				ret = error("will not write '%s': it is not a regular file", p);
			else if (!(st.st_mode & 0222) || access(p, W_OK) < 0)	/* root too */
				ret = error("will not replace '%s': it is read-only", p);
		}
		free(p);
		if (ret < 0)
			return -1;
	}
	return 0;
}

static int check_out_dir(const char *out_path)
{
	char *dir = xstrdup(out_path);
	char *slash = strrchr(dir, '/');
	struct stat st;
	int ret = 0;

	if (slash)
		*slash = '\0';
	else
		strcpy(dir, ".");
	if (!*dir)
		strcpy(dir, "/");
	if (stat(dir, &st) < 0)
		ret = error("cannot write '%s': folder '%s' does not exist", out_path, dir);
	else if (!S_ISDIR(st.st_mode))
		ret = error("cannot write '%s': '%s' is not a folder", out_path, dir);
	else if (access(dir, W_OK) < 0)
		ret = error("cannot write '%s': %s", out_path, strerror(errno));
	free(dir);
	return ret;
}

/* The show's file called name: the one named on the command line, else
 * the one beside the transcript if there is one, else NULL.  Caller frees. */
static char *show_file(const char *transcript, const char *named, const char *name)
{
	char *dir, *path;

	if (named)
		return xstrdup(named);
	dir = xstrdup(transcript);
	if (strrchr(dir, '/'))
		*strrchr(dir, '/') = '\0';
	else
		strcpy(dir, ".");
	path = util_path_join(dir, name);
	free(dir);
	if (access(path, F_OK) == 0)
		return path;
	free(path);
	return NULL;
}

/* The lexicon: --lexicon FILE, else lexicon.txt beside the transcript,
 * else beside the show file (a show's words, for every episode of it). */
static int load_lexicon(const char *transcript, const char *named, const char *show, struct lexicon *lx)
{
	char *path = show_file(transcript, named, "lexicon.txt");

	if (!path && show)
		path = show_file(show, NULL, "lexicon.txt");
	int ret = path ? lexicon_load(path, lx) : 0;

	free(path);
	return ret;
}

int render_spoken(const char *path, const char *lexicon, struct episode *ep, struct sb *out)
{
	struct lexicon lx;

	memset(&lx, 0, sizeof(lx));
	if (load_lexicon(path, lexicon, NULL, &lx) < 0)
		return -1;
	for (size_t i = 0; i < ep->nsegs; i++) {
		char *said = speak_said(&ep->segs[i], &lx);

		sb_addf(out, "%s%s [%s]: %s\n", i ? "\n" : "", role_name(ep->segs[i].role),
			ep->segs[i].speaker, said);
		free(said);
	}
	lexicon_release(&lx);
	return 0;
}

/* The show's artwork, checked: a square PNG or JPEG.  *data is the file,
 * NULL when the show has none. */
static int load_artwork(const struct show *sh, char **data, size_t *len, struct art *a, int quiet)
{
	*data = NULL;
	*len = 0;
	if (!sh->artwork)
		return 0;
	if (util_read_file(sh->artwork, data, len) < 0)
		return -1;
	if (*len > RENDER_MAX_ARTWORK) {
		free(*data);
		*data = NULL;
		return error("'%s' is %.1f MB (%zu bytes); artwork goes into every episode's tag, and may be "
			     "%u MB (%u bytes) at most (directories ask for well under 1 MB)", sh->artwork,
			     *len / 1048576.0, *len, RENDER_MAX_ARTWORK >> 20, RENDER_MAX_ARTWORK);
	}
	if (art_probe((const unsigned char *)*data, *len, a) < 0) {
		free(*data);
		*data = NULL;
		return error("'%s' is not a PNG or JPEG image", sh->artwork);
	}
	if (a->width != a->height) {
		free(*data);
		*data = NULL;
		return error("'%s' is %ux%u; podcast artwork is square", sh->artwork, a->width, a->height);
	}
	if (!quiet)
		printf("%s: artwork, %ux%u %s, %zu KB\n", sh->artwork, a->width, a->height,
		       a->mime + 6, *len / 1024);
	if (a->width < 1400 || a->width > 3000)
		warning("'%s' is %ux%u; Apple Podcasts asks for 1400 to 3000 pixels a side",
			sh->artwork, a->width, a->height);
	return 0;
}

/* The artwork goes beside the episodes, where the feed says it is. */
static int publish_artwork(const struct show *sh, const char *out_path, const char *data, size_t len)
{
	const char *base = strrchr(sh->artwork, '/') ? strrchr(sh->artwork, '/') + 1 : sh->artwork;
	char *dir = xstrdup(out_path), *path;
	struct util_part part = { data, len };
	int ret;

	if (strrchr(dir, '/'))
		*strrchr(dir, '/') = '\0';
	else
		strcpy(dir, ".");
	path = util_path_join(dir, base);
	ret = util_write_atomic(path, &part, 1);
	free(path);
	free(dir);
	return ret;
}

/* With a show file, the episode opens by naming the show, and the show's
 * name and author fill the album and artist tags. */
static int load_show(const char *transcript, const char *named, struct episode *ep, struct show *sh)
{
	char *path = show_file(transcript, named, "show.ini");
	int ret = path ? show_load(path, sh) : 0;

	free(path);
	if (ret == 0 && sh->name && *sh->name) {
		struct sb text = SB_INIT;
		struct segment opening;

		sb_addf(&text, "%s.", sh->name);
		episode_add_segment(ep, ROLE_TITLE, ep->host_name ? ep->host_name : "host", text.buf, 0);
		opening = ep->segs[ep->nsegs - 1];
		memmove(ep->segs + 1, ep->segs, (ep->nsegs - 1) * sizeof(*ep->segs));
		ep->segs[0] = opening;
		sb_release(&text);
		split_make_chapters(ep);
	}
	return ret;
}

static char *album_of(const char *title)
{
	const char *colon = strstr(title, ": ");
	return colon ? xstrndup(title, (size_t)(colon - title)) : xstrdup(title);
}

/* Where common podcast apps will show the chapters badly. */
/* A paragraph longer than this is spoken in pieces cut where sentences end
 * (about four minutes of speech each), so its memory is a piece's. */
#define RENDER_PIECE_BYTES 4096

/* Below 16 kHz (MPEG 2.5) the encoder's true-peak overshoot is larger than
 * the ceiling allows for: ffmpeg's ebur128 measured -0.8 dBTP at 8 kHz. */
#define LOW_RATE_PEAK_MARGIN_DB 0.6

/* An episode further than this from its loudness target says so. */
#define LOUDNESS_MISS_LU 1.0


#define LINT_MIN_CHAPTERS 3
#define LINT_MIN_SECONDS 10
#define LINT_MAX_TITLE 100

/* Each kind of warning is given for this many chapters, then counted. */
#define LINT_MAX_NAMED 5

static void lint_chapters(const struct episode *ep, const char *out_path)
{
	size_t short_ones = 0, long_titles = 0;

	if (ep->nchapters < LINT_MIN_CHAPTERS)
		warning("'%s': %zu chapter%s; apps show a chapter list from %d", out_path,
			ep->nchapters, ep->nchapters == 1 ? "" : "s", LINT_MIN_CHAPTERS);
	for (size_t k = 0; k < ep->nchapters; k++) {
		const struct chapter *ch = &ep->chapters[k];
		uint32_t ms = episode_ms(ep, ch->end_sample) - episode_ms(ep, ch->start_sample);
		size_t chars = 0;

		for (const char *c = ch->title; *c; c++)
			chars += ((unsigned char)*c & 0xc0) != 0x80;
		if (ms < LINT_MIN_SECONDS * 1000 && k + 1 < ep->nchapters &&
		    ++short_ones <= LINT_MAX_NAMED)
			warning("'%s': chapter %zu '%s' lasts %.1f s; chapters under %d s are hard to "
				"tap in apps", out_path, k + 1, ch->title, ms / 1000.0, LINT_MIN_SECONDS);
		if (chars > LINT_MAX_TITLE && ++long_titles <= LINT_MAX_NAMED)
			warning("'%s': chapter %zu's title has %zu characters; apps cut titles over %d",
				out_path, k + 1, chars, LINT_MAX_TITLE);
	}
	if (short_ones > LINT_MAX_NAMED)
		warning("'%s': %zu more chapters under %d s", out_path, short_ones - LINT_MAX_NAMED,
			LINT_MIN_SECONDS);
	if (long_titles > LINT_MAX_NAMED)
		warning("'%s': %zu more chapter titles over %d characters", out_path,
			long_titles - LINT_MAX_NAMED, LINT_MAX_TITLE);
}

/* Write doc as out_path's sidecar with suffix, and release it. */
static int write_sidecar(const char *out_path, const char *suffix, struct sb *doc)
{
	char *path = render_sidecar_path(out_path, suffix);
	struct util_part part = { doc->buf, doc->len };
	int ret = util_write_atomic(path, &part, 1);

	sb_release(doc);
	free(path);
	return ret;
}

/* The files a podcast host publishes beside the episode, each written
 * whole or not at all. */
static int write_sidecars(const struct episode *ep, const char *out_path)
{
	static const struct {
		const char *suffix;
		void (*write)(const struct episode *, struct sb *);
	} sidecars[] = {
		{ ".chapters.json", publish_chapters_json },
		{ ".vtt", publish_vtt },
		{ ".srt", publish_srt },
		{ ".json", publish_transcript_json },
	};

	for (size_t i = 0; i < sizeof(sidecars) / sizeof(sidecars[0]); i++) {
		struct sb doc = SB_INIT;

		sidecars[i].write(ep, &doc);
		if (write_sidecar(out_path, sidecars[i].suffix, &doc) < 0)
			return -1;
	}
	return 0;
}

/* COLLOQUY_TRACE=1: the time each stage of a render takes, on stderr. */
static void trace(const char *stage)
{
	static struct timespec last;
	static int on = -1;
	struct timespec now;

	if (on < 0)
		on = getenv("COLLOQUY_TRACE") && *getenv("COLLOQUY_TRACE") == '1';
	if (!on)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (stage)
		fprintf(stderr, "colloquy: %-10s %7.3f s\n", stage,
			(double)(now.tv_sec - last.tv_sec) + (now.tv_nsec - last.tv_nsec) / 1e9);
	last = now;
}

/* What the worker processes of a render share: they are forked from the
 * render, so they see all of it as it was when the pool started. */
struct work {
	struct episode *ep;
	struct speak_plan *plans;
	const struct store *st;
	const struct master_opts *mo;
	const struct enc_format *fmt;
	size_t *todo;               /* the jobs of this pool, by index */
	struct store_key *keys;     /* each chunk's entry */
	double makeup_db;           /* NAN in the level pass */
	double codec_db;            /* the encoder's level change */
	uint64_t nframes;           /* measure_all(): the stream's frames */
	unsigned padding;           /* and the last chunk's padding */
};

static int get_clip(void *ctx, size_t seg, float **pcm, size_t *n)
{
	struct work *w = ctx;

	return speak_clip(w->st, &w->plans[seg], &w->ep->segs[seg], pcm, n);
}

static int speak_job(size_t i, void *ctx)
{
	struct work *w = ctx;

	return speak_to_store(w->ep, w->todo[i], &w->plans[w->todo[i]], w->mo, w->st);
}

static const char level_magic[8] = "CLQLVL1", mp3_magic[8] = "CLQMP31";

/* The level pass: a chunk as limited, before the make-up gain, kept as
 * its 100 ms powers. */
static int level_job(size_t i, void *ctx)
{
	struct work *w = ctx;
	size_t k = w->todo[i], n = w->ep->chunks[k].nsamples, ne;
	float *pcm = xmalloc((n ? n : 1) * sizeof(float)), *e = NULL;
	struct util_part parts[2];
	int ret = -1;

	if (master_render(w->ep, w->mo, k, NAN, get_clip, w, pcm) == 0) {
		ne = master_energies(pcm, n, w->mo->rate_hz, &e);
		parts[0].data = level_magic;
		parts[0].len = sizeof(level_magic);
		parts[1].data = e;
		parts[1].len = ne * sizeof(*e);
		ret = store_put(w->st, "level", &w->keys[k], parts, 2);
	}
	free(pcm);
	free(e);
	return ret;
}

/* What an encoded chunk's entry says before its frames. */
struct mp3_head {
	char magic[8];
	uint64_t nframes, bytes;
	uint32_t padding, unused;
	double true_peak;           /* dBTP of the decoded chunk */
	uint64_t nenergy;           /* 100 ms powers of the decoded chunk */
};

/* The true peak of an encoded chunk, as a player decodes it, where it can
 * be: the limiter holds every loud moment at its ceiling, so the frames
 * around the PEAK_BLOCKS highest 100 ms of the master are decoded, each
 * run of them with a few frames before it to fill the bit reservoir. */
#define PEAK_BLOCKS 4
#define RESERVOIR_FRAMES 4
#define DECODER_DELAY 529

static double chunk_true_peak(const struct enc_format *f, const float *pcm, size_t n,
			      const unsigned char *frames, size_t len)
{
	size_t nframes = 0, at = 0, alloc = 0, hop = f->rate_hz / 10, *off = NULL;
	size_t top[PEAK_BLOCKS];
	float high[PEAK_BLOCKS];
	char *want;
	double peak = -HUGE_VAL;

	while (at < len) {
		size_t flen = enc_frame_len(frames + at, len - at);
		if (!flen)
			break;
		XGROW(off, alloc, nframes + 2);
		off[nframes++] = at;
		at += flen;
	}
	if (!nframes)
		return peak;
	off[nframes] = at;
	for (int k = 0; k < PEAK_BLOCKS; k++) {
		top[k] = SIZE_MAX;
		high[k] = 0;
	}
	for (size_t b = 0; b < n; b += hop) {
		size_t end = b + hop < n ? b + hop : n;
		float h = 0;
		int k;

		for (size_t i = b; i < end; i++)
			if (fabsf(pcm[i]) > h)
				h = fabsf(pcm[i]);
		/* keep the highest, in order */
		for (k = PEAK_BLOCKS; k > 0 && h > high[k - 1]; k--)
			if (k < PEAK_BLOCKS) {
				high[k] = high[k - 1];
				top[k] = top[k - 1];
			}
		if (k < PEAK_BLOCKS) {
			high[k] = h;
			top[k] = b;
		}
	}
	want = xcalloc(nframes, 1);
	for (int k = 0; k < PEAK_BLOCKS; k++) {
		size_t lag = f->delay + DECODER_DELAY, fa, fb, b = top[k];

		if (b == SIZE_MAX)
			continue;
		fa = (b + lag) / f->frame_samples;
		fa = fa ? fa - 1 : 0;
		fb = (b + hop + lag) / f->frame_samples + 2;
		for (size_t j = fa; j < fb && j < nframes; j++)
			want[j] = 1;
	}
	for (size_t a = 0; a < nframes;) {
		size_t b = a, from, skip;
		int16_t *heard;
		size_t nheard;

		if (!want[a]) {
			a++;
			continue;
		}
		while (b < nframes && want[b])
			b++;
		from = a > RESERVOIR_FRAMES ? a - RESERVOIR_FRAMES : 0;
		skip = (a - from) * f->frame_samples;
		if (enc_decode(frames + off[from], off[b] - off[from], &heard, &nheard) == 0) {
			if (nheard > skip) {
				double tp = master_true_peak(heard + skip, nheard - skip, f->rate_hz);
				if (tp > peak)
					peak = tp;
			}
			free(heard);
		}
		a = b;
	}
	free(want);
	free(off);
	return peak;
}

/* The encode pass: master the chunk, encode it, and measure it: its
 * loudness on the master (the caller adds the encoder's level change) and
 * its true peak on what a player decodes. */
static int encode_job(size_t i, void *ctx)
{
	struct work *w = ctx;
	size_t k = w->todo[i], n = w->ep->chunks[k].nsamples, at, nframes;
	float *pcm = xmalloc((n ? n : 1) * sizeof(float)), *e = NULL;
	struct sb frames = SB_INIT;
	struct mp3_head h;
	struct util_part parts[3];
	unsigned padding;
	int ret = -1;

	memset(&h, 0, sizeof(h));
	if (master_render(w->ep, w->mo, k, w->makeup_db, get_clip, w, pcm) < 0 ||
	    enc_chunk(w->fmt, pcm, n, &frames, &padding) < 0)
		goto out;
	at = enc_frames((unsigned char *)frames.buf, frames.len, &nframes);
	h.nframes = nframes;
	if (at != frames.len || (k + 1 < w->ep->nchunks &&
				 h.nframes * w->fmt->frame_samples != w->ep->chunks[k].span)) {
		error("the MP3 encoder did not fill chunk %zu as planned", k + 1);
		goto out;
	}
	memcpy(h.magic, mp3_magic, sizeof(h.magic));
	h.bytes = frames.len;
	h.padding = padding;
	h.true_peak = chunk_true_peak(w->fmt, pcm, n, (unsigned char *)frames.buf, frames.len);
	h.nenergy = master_energies(pcm, n, w->mo->rate_hz, &e);
	parts[0].data = &h;
	parts[0].len = sizeof(h);
	parts[1].data = e;
	parts[1].len = h.nenergy * sizeof(*e);
	parts[2].data = frames.buf;
	parts[2].len = frames.len;
	ret = store_put(w->st, "mp3", &w->keys[k], parts, 3);
out:
	free(pcm);
	free(e);
	sb_release(&frames);
	return ret;
}

/* Heaviest first: with the longest paragraphs started first, no worker is
 * left with a long one at the end while the others wait. */
static const size_t *sort_weight;

static int by_weight(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	if (sort_weight[x] != sort_weight[y])
		return sort_weight[x] < sort_weight[y] ? 1 : -1;
	return x < y ? -1 : x > y;
}

/* Run job over the chunks whose entry of kind is not in the cache: they
 * leave nothing behind, so long-lived workers take one after another. */
static int run_missing(struct work *w, size_t n, const char *kind, const struct store_key *keys,
		       pool_job job, unsigned jobs)
{
	size_t missing = 0;
	int ret;

	w->todo = xcalloc(n ? n : 1, sizeof(*w->todo));
	for (size_t i = 0; i < n; i++)
		if (!store_has(w->st, kind, &keys[i]))
			w->todo[missing++] = i;
	ret = pool_serve(missing, jobs, job, w);
	free(w->todo);
	w->todo = NULL;
	return ret;
}

/* The chunk's entry key: everything its samples depend on.  With music,
 * that is the whole layout; otherwise its own segments, where they sit in
 * it, and their gains. */
static void chunk_keys(const struct episode *ep, const struct speak_plan *plans,
		       const struct master_opts *mo, const struct store_key *music, const char *extra,
		       struct store_key *keys)
{
	for (size_t k = 0; k < ep->nchunks; k++) {
		const struct chunk *c = &ep->chunks[k];
		struct sb desc = SB_INIT;

		sb_addf(&desc, "chunk 1\n%u %.2f %zu\n", mo->rate_hz, mo->peak_dbfs, c->nsamples);
		for (size_t i = c->seg_first; i < c->seg_end; i++)
			sb_addf(&desc, "%s %.1f %" PRIu64 "\n", plans[i].key.hex, ep->segs[i].gain_db,
				ep->segs[i].start_sample - c->start);
		if (c->music) {
			sb_addf(&desc, "music %s at %" PRIu64 " of %zu\n", music->hex, c->start, ep->nsamples);
			for (size_t i = 0; i < ep->nsegs; i++)
				sb_addf(&desc, "%" PRIu64 " %" PRIu64 "\n", ep->segs[i].start_sample,
					ep->segs[i].end_sample);
			for (size_t i = 0; i < ep->nchapters; i++)
				sb_addf(&desc, "ch %" PRIu64 "\n", ep->chapters[i].start_sample);
		}
		sb_addstr(&desc, extra);
		store_key(&keys[k], desc.buf, desc.len);
		sb_release(&desc);
	}
}

static void music_key(const struct master_music *m, struct store_key *k)
{
	struct sb desc = SB_INIT;
	struct store_key part;
	const float *x[3] = { m->intro, m->outro, m->sting };
	const size_t n[3] = { m->nintro, m->noutro, m->nsting };

	for (int i = 0; i < 3; i++) {
		store_key(&part, x[i] ? (const void *)x[i] : "", x[i] ? n[i] * sizeof(float) : 0);
		sb_addf(&desc, "%s\n", part.hex);
	}
	store_key(k, desc.buf, desc.len);
	sb_release(&desc);
}

/* Read chunk k's entry: its head, its energies (when e is not NULL) and
 * where its frames are in *data.  A damaged entry is an error, or with
 * heal, removed with a warning: 1. */
static int read_mp3(const struct store *st, const struct store_key *key, struct mp3_head *h,
		    float **e, char **data, const unsigned char **frames, int heal)
{
	size_t len;
	int got = store_get(st, "mp3", key, data, &len);

	if (got <= 0)
		return got < 0 ? -1 : error("an encoded chunk is missing from the cache");
	if (len < sizeof(*h) || memcpy(h, *data, sizeof(*h)) == NULL ||
	    memcmp(h->magic, mp3_magic, sizeof(h->magic)) || h->nenergy > len / sizeof(float) ||
	    sizeof(*h) + h->nenergy * sizeof(float) + h->bytes != len ||
	    enc_frames((const unsigned char *)*data + len - h->bytes, h->bytes, &(size_t){ 0 }) != h->bytes) {
		free(*data);
		if (heal) {
			store_drop_damaged(st, "mp3", key);
			return 1;
		}
		{
			char *path = store_path(st, "mp3", key);

			error("cache entry '%s' is damaged; remove it, or render with --no-cache", path);
			free(path);
		}
		return -1;
	}
	if (e) {
		*e = xmalloc((h->nenergy ? h->nenergy : 1) * sizeof(float));
		memcpy(*e, *data + sizeof(*h), h->nenergy * sizeof(float));
	}
	*frames = (const unsigned char *)*data + sizeof(*h) + h->nenergy * sizeof(float);
	return 0;
}

/* The MP3: the ID3 tag, the Info frame, then each chunk's frames. */
static int write_mp3(const struct episode *ep, const struct work *w, const struct sb *tag,
		     const char *out_path)
{
	const struct store *st = w->st;
	const struct store_key *keys = w->keys;
	const struct enc_format *fmt = w->fmt;
	struct util_atomic a;
	unsigned char info[ENC_MAX_FRAME];
	uint64_t toc[100], audio = 0, total = w->nframes, done = 0;
	uint16_t crc = 0;
	int next_toc = 0;

	memset(info, 0, sizeof(info));
	if (util_atomic_open(&a, out_path) < 0)
		return -1;
	if (util_atomic_write(&a, tag->buf, tag->len) < 0 ||
	    util_atomic_write(&a, info, fmt->info_len) < 0)
		goto fail;
	for (size_t k = 0; k < ep->nchunks; k++) {
		struct mp3_head h;
		char *data;
		const unsigned char *frames;
		size_t at = 0;

		if (read_mp3(st, &keys[k], &h, NULL, &data, &frames, 0) < 0)
			goto fail;
		/* the seek table: where frame i * total / 100 starts */
		while (at < h.bytes) {
			size_t len = enc_frame_len(frames + at, h.bytes - at);

			if (!len)
				break;
			while (next_toc < 100 && (uint64_t)next_toc * total / 100 == done)
				toc[next_toc++] = audio + at;
			at += len;
			done++;
		}
		crc = enc_crc16(crc, frames, h.bytes);
		if (util_atomic_write(&a, frames, h.bytes) < 0) {
			free(data);
			goto fail;
		}
		audio += h.bytes;
		free(data);
	}
	while (next_toc < 100)
		toc[next_toc++] = audio;
	enc_info_frame(fmt, (uint32_t)total, audio, crc, w->padding, toc, info);
	if (util_atomic_pwrite(&a, info, fmt->info_len, tag->len) < 0)
		goto fail;
	return util_atomic_commit(&a);
fail:
	util_atomic_abort(&a);
	return -1;
}

/* --wav: the master as encoded, a chunk at a time. */
static int write_wav(const struct episode *ep, struct work *w, const char *path)
{
	struct util_atomic a;
	SF_INFO info;
	SNDFILE *sf;
	int ret = -1;

	memset(&info, 0, sizeof(info));
	info.samplerate = (int)ep->rate_hz;
	info.channels = 1;
	info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
	if (util_atomic_open(&a, path) < 0)
		return -1;
	sf = sf_open_fd(a.fd, SFM_WRITE, &info, SF_FALSE);
	if (!sf) {
		error("cannot write '%s': %s", path, sf_strerror(NULL));
		util_atomic_abort(&a);
		return -1;
	}
	sf_command(sf, SFC_SET_CLIPPING, NULL, SF_TRUE);
	for (size_t k = 0; k < ep->nchunks; k++) {
		const struct chunk *c = &ep->chunks[k];
		float *pcm = xcalloc(c->span ? c->span : 1, sizeof(float));
		int ok = master_render(ep, w->mo, k, w->makeup_db, get_clip, w, pcm) == 0;

		/* the encoder's share of the pause is silence here */
		ok = ok && sf_writef_float(sf, pcm, (sf_count_t)c->span) == (sf_count_t)c->span;
		free(pcm);
		if (!ok) {
			error("cannot write '%s': %s", path, sf_strerror(sf));
			sf_close(sf);
			util_atomic_abort(&a);
			return -1;
		}
	}
	if (sf_close(sf) == 0)
		ret = util_atomic_commit(&a);
	else
		util_atomic_abort(&a);
	return ret;
}

/* Speak the paragraphs w->todo[0..n) of one voice: from a process that has
 * selected that voice, so that each paragraph's process finds it loaded
 * (switching voices costs more than a short paragraph), and whose state
 * does not depend on the episode. */
static int speak_voice(struct work *w, const struct voice *v, size_t n, unsigned jobs)
{
	int status;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = util_fork();
	if (pid < 0)
		return error("cannot start a speaker process: %s", strerror(errno));
	if (pid == 0) {
		int ret = speak_select(v);

		if (ret == 0)
			ret = pool_run(n, jobs, speak_job, w);
		fflush(stdout);
		fflush(stderr);
		_exit(ret == 0 ? 0 : 1);
	}
	util_child_add(pid);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	util_child_del(pid);
	if (WIFSIGNALED(status))
		return error("a speaker process died of signal %d (%s)", WTERMSIG(status),
			     strsignal(WTERMSIG(status)));
	return WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* Speak the paragraphs not in the cache, a voice at a time, longest
 * first within each. */
static int speak_missing(struct episode *ep, struct work *w, const size_t *weight, unsigned jobs)
{
	int ret = 0;

	/* the list lives in w, where the speaker processes find it */
	w->todo = xcalloc(ep->nsegs ? ep->nsegs : 1, sizeof(*w->todo));
	for (size_t i = 0; i < ep->nsegs && ret == 0; i++) {
		const struct voice *v = w->plans[i].voice;
		size_t n = 0, k;

		for (k = 0; k < i && w->plans[k].voice != v; k++)
			;
		if (k < i)
			continue;     /* this voice was spoken with its first paragraph */
		for (k = i; k < ep->nsegs; k++)
			if (w->plans[k].voice == v && !store_has(w->st, "speech", &w->plans[k].key))
				w->todo[n++] = k;
		if (n > 1) {
			sort_weight = weight;
			qsort(w->todo, n, sizeof(*w->todo), by_weight);
		}
		if (n)
			ret = speak_voice(w, v, n, jobs);
	}
	free(w->todo);
	w->todo = NULL;
	return ret;
}

/* Calibrate the voices and speak every paragraph not in the cache, then
 * read each one's head (length, cue times, energies). */
static int speak_all(struct episode *ep, struct work *w, const struct voiceset *vs,
		     const struct lexicon *lx, unsigned jobs)
{
	size_t *weight;
	int ret = 0;

	if (speak_plan(ep, vs, lx, w->mo, w->st, jobs, &w->plans) < 0)
		return -1;
	trace("calibrate");
	weight = xcalloc(ep->nsegs ? ep->nsegs : 1, sizeof(*weight));
	for (size_t i = 0; i < ep->nsegs; i++)
		weight[i] = strlen(w->plans[i].said);
	/* a damaged entry is removed and spoken again, once */
	for (int round = 0; round < 2; round++) {
		int again = 0;

		ret = speak_missing(ep, w, weight, jobs);
		for (size_t i = 0; i < ep->nsegs && ret == 0; i++) {
			int got = speak_from_store(ep, i, &w->plans[i], w->st);
			if (got < 0 || (got > 0 && round > 0))
				ret = got < 0 ? -1 : error("the cache at '%s' keeps damaging entries",
							  w->st->root);
			again |= got > 0;
		}
		if (ret < 0 || !again)
			break;
	}
	free(weight);
	trace("speak");
	return ret;
}

/* With music, the make-up gain is measured on the mixed chunks as
 * limited (the level pass); *lufs is their integrated loudness. */
static int level_all(struct episode *ep, struct work *w, unsigned jobs, double *lufs)
{
	float **e = xcalloc(ep->nchunks, sizeof(*e));
	size_t *ne = xcalloc(ep->nchunks, sizeof(*ne));
	int ret = run_missing(w, ep->nchunks, "level", w->keys, level_job, jobs);

	for (size_t k = 0; k < ep->nchunks && ret == 0; k++) {
		char *data;
		size_t len;
		int got = store_get(w->st, "level", &w->keys[k], &data, &len);

		if (got <= 0 || len < sizeof(level_magic) || memcmp(data, level_magic, sizeof(level_magic))) {
			if (got > 0)
				free(data);
			ret = error("a level entry of the cache is %s; render with --no-cache",
				    got < 0 ? "unreadable" : "missing or damaged");
			break;
		}
		ne[k] = (len - sizeof(level_magic)) / sizeof(float);
		e[k] = xmalloc((ne[k] ? ne[k] : 1) * sizeof(float));
		memcpy(e[k], data + sizeof(level_magic), ne[k] * sizeof(float));
		free(data);
	}
	*lufs = ret == 0 ? master_integrated((const float *const *)e, ne, ep->nchunks) : -HUGE_VAL;
	for (size_t k = 0; k < ep->nchunks; k++)
		free(e[k]);
	free(e);
	free(ne);
	trace("level");
	return ret;
}

/* The report: loudness and range of the chunks as encoded, plus the
 * encoder's level change, and the highest true peak decoded; the frame
 * count and last padding for the Info frame.  With heal,
 * damaged entries are removed (and 1 returned, to encode them again). */
static int measure_all(struct episode *ep, struct work *w, int heal)
{
	int dropped = 0;

	float **e = xcalloc(ep->nchunks, sizeof(*e));
	size_t *ne = xcalloc(ep->nchunks, sizeof(*ne));
	double tp = -HUGE_VAL;
	int ret = 0;

	w->nframes = 0;
	for (size_t k = 0; k < ep->nchunks && ret == 0; k++) {
		struct mp3_head h;
		char *data;
		const unsigned char *frames;

		ret = read_mp3(w->st, &w->keys[k], &h, &e[k], &data, &frames, heal);
		if (ret > 0) {
			dropped = 1;
			ret = 0;
			continue;
		}
		if (ret < 0)
			break;
		ne[k] = h.nenergy;
		if (h.true_peak > tp)
			tp = h.true_peak;
		w->nframes += h.nframes;
		w->padding = h.padding;
		free(data);
	}
	if (ret == 0 && dropped)
		ret = 1;
	else if (ret == 0) {
		ep->loudness_lufs = master_integrated((const float *const *)e, ne, ep->nchunks) + w->codec_db;
		ep->loudness_range_lu = master_range((const float *const *)e, ne, ep->nchunks);
		ep->true_peak_dbtp = tp;
	}
	for (size_t k = 0; k < ep->nchunks; k++)
		free(e[k]);
	free(e);
	free(ne);
	return ret;
}

/* Speak, master, encode and measure ep through the cache: each stage
 * runs only for what is not there.  Fills ep's layout and loudness, and
 * w's chunk keys for write_mp3(). */
static int produce(struct episode *ep, struct work *w, const struct voiceset *vs,
		   const struct lexicon *lx, const struct render_opts *o)
{
	const struct master_opts *mo = w->mo;
	struct store_key mkey;
	struct sb extra = SB_INIT;
	double lufs;
	unsigned jobs = o->jobs ? o->jobs : pool_cpus();
	int ret;

	if (speak_all(ep, w, vs, lx, jobs) < 0)
		return -1;
	master_layout(ep, mo, w->fmt->frame_samples, w->fmt->delay + ENC_MIN_PADDING);
	memset(&mkey, 0, sizeof(mkey));
	if (mo->music)
		music_key(mo->music, &mkey);
	w->keys = xcalloc(ep->nchunks, sizeof(*w->keys));
	chunk_keys(ep, w->plans, mo, &mkey, "", w->keys);
	/* The make-up gain.  Without music the timeline's loudness follows
	 * from the paragraphs' energies (each at its gain, limited): the
	 * limiter takes some off, and partly silent blocks at the edges of
	 * speech count in a programme's gating.  Music is measured mixed. */
	if (mo->music) {
		if (level_all(ep, w, jobs, &lufs) < 0)
			return -1;
	} else {
		lufs = master_programme_lufs(ep);
	}
	w->makeup_db = isfinite(lufs) ? master_step_db(mo->loudness_lufs - lufs) : 0;
	sb_addf(&extra, "makeup %.1f\nlame %s %u %u %d\n", w->makeup_db, get_lame_version(),
		w->fmt->rate_hz, w->fmt->kbps, w->fmt->vbr_quality);
	chunk_keys(ep, w->plans, mo, &mkey, extra.buf, w->keys);
	sb_release(&extra);
	/* a damaged entry is removed and encoded again, once */
	for (int round = 0; round < 2; round++) {
		ret = run_missing(w, ep->nchunks, "mp3", w->keys, encode_job, jobs);
		trace("encode");
		if (ret < 0)
			return -1;
		ret = measure_all(ep, w, round == 0);
		if (ret <= 0)
			return ret;
	}
	return error("the cache at '%s' keeps damaging entries", w->st->root);
}

/* Speak, master, encode, tag and publish ep (read from source) to
 * out_path and its sidecars. */
static int render_episode(struct episode *ep, const char *source, const char *out_path,
			  const struct render_opts *o)
{
	struct voiceset vs;
	struct lexicon lx;
	struct show sh;
	struct master_opts mo;
	struct enc_format fmt;
	struct store st;
	struct work w;
	struct sb tag = SB_INIT, comment = SB_INIT;
	char *wav_path = o->write_wav ? render_sidecar_path(out_path, ".wav") : NULL;
	char *album = NULL;
	char date[32], year[8];
	struct id3_meta meta;
	uint32_t length_ms;
	double codec_db;
	char *art_data = NULL;
	size_t art_len = 0;
	struct art art;
	struct master_music music;
	int ret = -1, have_store = 0;

	memset(&vs, 0, sizeof(vs));
	memset(&lx, 0, sizeof(lx));
	memset(&sh, 0, sizeof(sh));
	memset(&music, 0, sizeof(music));
	memset(&w, 0, sizeof(w));
	trace(NULL);
	episode_cut_long(ep, RENDER_PIECE_BYTES);
	if (load_show(source, o->show_path, ep, &sh) < 0 ||
	    load_artwork(&sh, &art_data, &art_len, &art, o->quiet) < 0 ||
	    voices_load(o->voices_dir, &vs) < 0)
		goto out;
	for (size_t i = 0; i < sh.ncast; i++)
		if (sh.cast[i].profile && !voices_find(&vs, sh.cast[i].profile)) {
			error("the show file gives %s the voice '%s', but '%s' has no %s.ini", sh.cast[i].speaker,
			      sh.cast[i].profile, o->voices_dir, sh.cast[i].profile);
			goto out;
		}
	voices_cast(&vs, ep, sh.cast, sh.ncast);
	if (load_lexicon(source, o->lexicon_path, o->show_path, &lx) < 0 ||
	    enc_format_init(&fmt, o->rate_hz, o->bitrate_kbps, o->vbr_quality) < 0)
		goto out;
	/* Master for what the listener hears: the encoder's own level change
	 * is made up in advance, and the peak ceiling leaves room for the
	 * overshoot that MP3 encoding adds to true peaks. */
	codec_db = enc_level_db(o->rate_hz, o->bitrate_kbps, o->vbr_quality);
	master_opts_init(&mo, o->rate_hz, o->loudness_lufs - codec_db, &vs.pacing);
	mo.peak_dbfs = MASTER_PEAK_DBFS - codec_db - (o->rate_hz < 16000 ? LOW_RATE_PEAK_MARGIN_DB : 0);
	w.codec_db = codec_db;
	/* beds sit a little under the speech, stings nearer it */
	if ((sh.intro_music && master_load_music(sh.intro_music, o->rate_hz, mo.loudness_lufs - 4,
						 &music.intro, &music.nintro) < 0) ||
	    (sh.outro_music && master_load_music(sh.outro_music, o->rate_hz, mo.loudness_lufs - 4,
						 &music.outro, &music.noutro) < 0) ||
	    (sh.sting && master_load_music(sh.sting, o->rate_hz, mo.loudness_lufs - 2,
					   &music.sting, &music.nsting) < 0))
		goto out;
	if (music.intro || music.outro || music.sting)
		mo.music = &music;
	trace("setup");
	if (store_open(&st, !o->no_cache, o->cache_dir) < 0)
		goto out;
	have_store = 1;
	w.ep = ep;
	w.st = &st;
	w.mo = &mo;
	w.fmt = &fmt;
	if (produce(ep, &w, &vs, &lx, o) < 0)
		goto out;
	lint_chapters(ep, out_path);

	length_ms = episode_ms(ep, ep->nsamples);
	episode_date(ep, source, date);
	snprintf(year, sizeof(year), "%.4s", date);
	album = sh.name && *sh.name ? xstrdup(sh.name) : album_of(ep->title);
	if (ep->description) {
		sb_addstr(&comment, ep->description);
	} else {
		const char *base = strrchr(source, '/');
		sb_addf(&comment, "Spoken from the transcript %s", base ? base + 1 : source);
	}
	memset(&meta, 0, sizeof(meta));
	meta.title = ep->title;
	meta.artist = sh.author && *sh.author ? sh.author : album;
	meta.album = album;
	meta.genre = "Podcast";
	meta.year = year;
	meta.comment = comment.buf;
	meta.length_ms = length_ms;
	if (art_data) {
		meta.art = (const unsigned char *)art_data;
		meta.art_len = art_len;
		meta.art_mime = art.mime;
	}
	id3_write(ep, &meta, &tag);
	util_hold();	/* the episode and its sidecars replace the old ones together */
	if (write_mp3(ep, &w, &tag, out_path) < 0)
		goto out;
	trace("write");
	if (write_sidecars(ep, out_path) < 0 || (art_data && publish_artwork(&sh, out_path, art_data, art_len) < 0))
		goto out;
	{
		struct sb doc = SB_INIT;

		publish_episode_json(ep, &sh, date, source, &doc);
		if (write_sidecar(out_path, ".episode.json", &doc) < 0)
			goto out;
	}
	if (wav_path && write_wav(ep, &w, wav_path) < 0)
		goto out;
	if (util_release(1) < 0)
		goto out;
	if (o->audio_ms)
		*o->audio_ms = length_ms;
	/* the peak ceiling holds the level down; a louder target is not met */
	if (isfinite(ep->loudness_lufs) && fabs(ep->loudness_lufs - o->loudness_lufs) > LOUDNESS_MISS_LU)
		warning("'%s' is %.1f LUFS, not the %.1f asked for: speech that loud would peak over %.1f dBTP",
			out_path, ep->loudness_lufs, o->loudness_lufs, ep->true_peak_dbtp);
	if (!o->quiet)
		printf("%s: %zu chapter%s, %u:%02u, %.1f LUFS, LRA %.1f LU, %.1f dBTP\n", out_path,
		       ep->nchapters, ep->nchapters == 1 ? "" : "s", length_ms / 60000,
		       length_ms / 1000 % 60, ep->loudness_lufs, ep->loudness_range_lu,
		       ep->true_peak_dbtp);
	ret = 0;
out:
	util_release(0);	/* nothing, or what a failure left: the old set stays */
	speak_release();
	if (have_store)
		store_close(&st);
	speak_plan_free(w.plans, ep->nsegs);
	free(w.keys);
	voices_release(&vs);
	lexicon_release(&lx);
	show_release(&sh);
	master_music_release(&music);
	free(art_data);
	sb_release(&tag);
	sb_release(&comment);
	free(wav_path);
	free(album);
	return ret;
}

/* What one render takes on: 10 MB of text is some 170 hours of speech,
 * and a paragraph of 100 KB (a quarter of an hour spoken) is a file that
 * lost its line breaks, not a paragraph. */
#define RENDER_MAX_BYTES (10u << 20)
#define RENDER_MAX_PARAGRAPH (100u << 10)

static int check_size(const char *path, const struct episode *ep)
{
	for (size_t i = 0; ep && i < ep->nsegs; i++)
		if (strlen(ep->segs[i].text) > RENDER_MAX_PARAGRAPH)
			return error("'%s' line %d: a paragraph of %zu KB; the most one paragraph may be is "
				     "%u KB (does the file have line breaks?)", path, ep->segs[i].line,
				     strlen(ep->segs[i].text) >> 10, RENDER_MAX_PARAGRAPH >> 10);
	return 0;
}

int render_file(const char *path, const struct render_opts *o)
{
	struct episode *ep = NULL;
	char *out_path;
	struct stat st;
	int ret = -1;

	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > RENDER_MAX_BYTES)
		return error("'%s' is %ju MB; colloquy renders transcripts of up to %u MB",
			     path, (uintmax_t)st.st_size >> 20, RENDER_MAX_BYTES >> 20);
	if (o->out_path) {
		out_path = xstrdup(o->out_path);
	} else {
		char *stem = util_stem(path);
		struct sb sb = SB_INIT;

		if (mkdir("out", 0777) < 0 && errno != EEXIST) {
			free(stem);
			return error("cannot create folder 'out': %s", strerror(errno));
		}
		sb_addf(&sb, "out/%s.mp3", stem);
		out_path = sb_detach(&sb, NULL);
		free(stem);
	}
	{
		const char *base = strrchr(out_path, '/') ? strrchr(out_path, '/') + 1 : out_path;
		size_t n = strlen(base);

		if (n >= 4 && !strcasecmp(base + n - 4, ".mp3"))
			n -= 4;
		if (!n) {
			error("-o '%s': the episode needs a name before .mp3 (its sidecars are named after it)",
			      out_path);
			free(out_path);
			return -1;
		}
	}
	if (check_out_dir(out_path) == 0 && check_outputs(path, out_path, o->write_wav) == 0 &&
	    (ep = render_load(path, o->from)) && check_size(path, ep) == 0)
		ret = render_episode(ep, path, out_path, o);
	episode_free(ep);
	free(out_path);
	return ret;
}

int render_preview(const char *voice, const struct render_opts *o)
{
	struct episode *ep;
	struct sb text = SB_INIT;
	int ret;

	struct voiceset vs;
	const struct voice *found;

	if (check_out_dir(o->out_path) < 0 || voices_load(o->voices_dir, &vs) < 0)
		return -1;
	found = voices_find(&vs, voice);
	if (!found) {
		for (size_t i = 0; i < vs.n; i++)
			sb_addf(&text, "%s%s", i ? ", " : "", vs.v[i].name);
		error("no voice profile '%s' in '%s' (profiles: %s)", voice, o->voices_dir, text.buf);
		sb_release(&text);
		voices_release(&vs);
		return -1;
	}
	voices_release(&vs);
	ep = episode_new();
	sb_addf(&text, "Voice preview: %s", voice);
	ep->title = sb_detach(&text, NULL);
	sb_addf(&text, "Hello, this is the %s voice. I will be reading the parts of the show "
		"that belong to me, at my own pace and pitch. Dr. Smith's report, published on "
		"March 3, runs to 41 pages; I hope that you will enjoy it.", voice);
	episode_add_segment(ep, ROLE_INTRO, voice, text.buf, 1);
	sb_release(&text);
	split_make_chapters(ep);
	ret = render_episode(ep, o->voices_dir, o->out_path, o);
	episode_free(ep);
	return ret;
}

int render_list_voices(const struct render_opts *o)
{
	struct voiceset vs;
	struct sb out = SB_INIT;
	int ret = -1;

	if (voices_load(o->voices_dir, &vs) < 0)
		return -1;
	sb_addf(&out, "voice profiles in %s:\n", o->voices_dir);
	for (size_t i = 0; i < vs.n; i++) {
		const struct voice *v = &vs.v[i];
		int setting = speak_rate_setting(v);

		if (setting < 0)
			goto out;
		sb_addf(&out, "  %-12s espeak %s%s%s, %d wpm (espeak-ng rate %d), pitch %d, range %d, "
			"pause %u ms\n", v->name, v->espeak, *v->variant ? "+" : "", v->variant,
			v->wpm, setting, v->pitch, v->range, v->pause_ms);
	}
	sb_addstr(&out, "\ninstalled espeak-ng voices (language, name, identifier):\n");
	if (speak_voices(&out) < 0)
		goto out;
	fwrite(out.buf, 1, out.len, stdout);
	ret = 0;
out:
	speak_release();
	voices_release(&vs);
	sb_release(&out);
	return ret;
}
