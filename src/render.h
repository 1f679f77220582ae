/* render.h -- run the pipeline for one transcript: load, split, speak,
 * master, encode, tag, publish.
 * In:  a transcript (or a labelled script) and the render options.
 * Out: OUT.mp3 and OUT.chapters.json (and OUT.wav with --wav), each
 *      written whole or not at all.
 * Errs: returns 0, or -1 after one message naming the file and the cause. */
#ifndef COLLOQUY_RENDER_H
#define COLLOQUY_RENDER_H

#include "episode.h"

/* What a transcript is read as: found from its content and name, or as
 * --from says. */
enum input_format { FROM_AUTO, FROM_TEXT, FROM_MARKDOWN, FROM_HTML, FROM_CAPTIONS, FROM_SCRIPT };

/* The format a --from value names ("text", "markdown", "html", "vtt",
 * "srt", "captions", "script"), or -1. */
int render_parse_from(const char *name);

struct render_opts {
	const char *out_path;      /* NULL: out/<name>.mp3 */
	int from;                  /* enum input_format */
	unsigned rate_hz;          /* output sample rate */
	unsigned bitrate_kbps;     /* CBR bit rate */
	int vbr_quality;           /* 0..9 for VBR, -1 for CBR */
	const char *voices_dir;
	const char *lexicon_path;  /* NULL: lexicon.txt beside the transcript, if any */
	const char *show_path;     /* NULL: show.ini beside the transcript, if any */
	double loudness_lufs;      /* integrated loudness target */
	int write_wav;             /* also write the master as OUT.wav */
	int quiet;
	unsigned jobs;             /* worker processes, 0 for the cores */
	int no_cache;              /* a scratch folder instead of the cache */
	const char *cache_dir;     /* NULL: $XDG_CACHE_HOME/colloquy */
	uint64_t *audio_ms;        /* when not NULL, set to the episode's length */
};

void render_opts_init(struct render_opts *o);

/* Read path and label it: a labelled script is read as written; a web
 * page through html, captions through cues, and any other text through
 * clean, each then split.  from (enum input_format) forces the reading.
 * Returns a new episode, or NULL after one message. */
struct sb;
struct episode *render_load(const char *path, int from);

/* Append, for each paragraph of ep (read from path), ROLE [SPEAKER]: and
 * exactly what the synthesiser is given for it, through the lexicon named
 * (NULL: lexicon.txt beside path, if any).  0, or -1 after a message. */
int render_spoken(const char *path, const char *lexicon, struct episode *ep, struct sb *out);

int render_file(const char *path, const struct render_opts *o);

/* An episode's sidecar: "out/ep.mp3" and ".vtt" give "out/ep.vtt".
 * Caller frees. */
char *render_sidecar_path(const char *mp3, const char *suffix);

/* `colloquy voices --preview NAME -o FILE.mp3`: a sample paragraph spoken
 * by profile NAME, rendered as an episode. */
int render_preview(const char *voice, const struct render_opts *o);

/* `colloquy voices`: the profiles (with the espeak-ng rate each needs) and
 * the installed espeak-ng voices, on stdout. */
int render_list_voices(const struct render_opts *o);

#endif
