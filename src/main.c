/* main.c -- argv -> options; runs a command; the only place that exits.
 * Exit status: 0 success, 1 failure (one message on stderr), 2 bad usage. */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "feed.h"
#include "render.h"
#include "store.h"
#include "script.h"
#include "util.h"

#ifndef COLLOQUY_VERSION
#define COLLOQUY_VERSION "0.1"
#endif

static const char usage_text[] =
	"usage: colloquy render FILE [-o OUT.mp3] [options]\n"
	"       colloquy split FILE [--json | --spoken [--lexicon FILE]] [--from FORMAT]\n"
	"       colloquy voices [--voices DIR] [--preview NAME -o FILE.mp3]\n"
	"       colloquy batch [DIR] [-o OUTDIR] [-j N] [--plan] [options]\n"
	"       colloquy cache [--prune [--max-size SIZE]]\n"
	"       colloquy feed OUTDIR\n"
	"       colloquy --help | --version\n"
	"\n"
	"Turns an interview transcript into a chaptered, tagged podcast episode.\n"
	"\n"
	"commands:\n"
	"  render FILE        speak FILE and write OUT.mp3 (default out/NAME.mp3)\n"
	"                     and OUT.chapters.json beside it\n"
	"  split FILE         print the labelled script (edit it, then render it),\n"
	"                     or with --json the labelling as JSON, or with --spoken\n"
	"                     what the synthesiser is given for each paragraph\n"
	"                     (normalised, through the lexicon)\n"
	"  batch [DIR]        render every transcript in DIR (*.txt, *.md, *.html,\n"
	"                     *.vtt, *.srt; default transcripts/) into OUTDIR\n"
	"                     (default out/), N at a time (default: the cores), then\n"
	"                     write OUTDIR/feed.xml\n"
	"                     --plan prints a render command for each transcript\n"
	"                     whose episode is missing or older, for GNU parallel\n"
	"  feed OUTDIR        write OUTDIR/feed.xml from the episodes rendered there\n"
	"  cache              show the cache's size; --prune removes the least\n"
	"                     recently used entries down to --max-size (default 1G)\n"
	"  voices             list the voice profiles and espeak-ng's voices; with\n"
	"                     --preview NAME -o FILE.mp3, speak a sample in profile NAME\n"
	"\n"
	"render options:\n"
	"  -o, --output FILE  where to write the episode\n"
	"  --from FORMAT      read FILE as text, markdown, html, vtt, srt or script\n"
	"                     (default: from its name and content)\n"
	"  --rate HZ          output sample rate (default 44100)\n"
	"  --bitrate KBPS     constant bit rate (default 64)\n"
	"  --vbr Q            variable bit rate, LAME quality 0 (best) to 9\n"
	"  --voices DIR       voice profiles and pacing.ini (default voices/)\n"
	"  --lexicon FILE     pronunciation lexicon (default: lexicon.txt beside FILE)\n"
	"  --show FILE        show name and author (default: show.ini beside FILE)\n"
	"  --loudness LUFS    integrated loudness target (default -16)\n"
	"  --wav              also write the master as OUT.wav\n"
	"  -j, --jobs N       worker processes (default: the cores)\n"
	"  --no-cache         keep nothing between renders (default: reuse what is\n"
	"                     unchanged, from $XDG_CACHE_HOME/colloquy)\n"
	"  --cache-dir DIR    the cache folder to use\n"
	"  -q, --quiet        print nothing but errors\n";

static int usage(const char *fmt, const char *arg)
{
	if (fmt) {
		fputs("colloquy: ", stderr);
		fprintf(stderr, fmt, arg);
		fputc('\n', stderr);
	}
	fputs(usage_text, stderr);
	return 2;
}

/* Parse a whole number in [lo, hi]; -1 when s is not one. */
static long parse_num(const char *s, long lo, long hi)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (!*s || *end || v < lo || v > hi)
		return -1;
	return v;
}

enum { OPT_RATE = 256, OPT_BITRATE, OPT_VBR, OPT_VOICES, OPT_LOUDNESS, OPT_WAV, OPT_JSON,
       OPT_LEXICON, OPT_PREVIEW, OPT_SHOW, OPT_NO_CACHE, OPT_CACHE_DIR, OPT_PLAN, OPT_PRUNE,
       OPT_MAX_SIZE, OPT_FROM, OPT_SPOKEN };

/* Options of render, batch and voices.  Returns 0, or 2 after a usage
 * message; sets *preview for --preview and *plan for --plan when they are
 * not NULL. */
static int parse_render_opts(int argc, char **argv, struct render_opts *o, const char **preview,
			     int *plan)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "rate", required_argument, NULL, OPT_RATE },
		{ "bitrate", required_argument, NULL, OPT_BITRATE },
		{ "vbr", required_argument, NULL, OPT_VBR },
		{ "voices", required_argument, NULL, OPT_VOICES },
		{ "lexicon", required_argument, NULL, OPT_LEXICON },
		{ "show", required_argument, NULL, OPT_SHOW },
		{ "loudness", required_argument, NULL, OPT_LOUDNESS },
		{ "wav", no_argument, NULL, OPT_WAV },
		{ "quiet", no_argument, NULL, 'q' },
		{ "preview", required_argument, NULL, OPT_PREVIEW },
		{ "jobs", required_argument, NULL, 'j' },
		{ "no-cache", no_argument, NULL, OPT_NO_CACHE },
		{ "cache-dir", required_argument, NULL, OPT_CACHE_DIR },
		{ "plan", no_argument, NULL, OPT_PLAN },
		{ "from", required_argument, NULL, OPT_FROM },
		{ NULL, 0, NULL, 0 }
	};
	/* Sample rates that MPEG-1, 2 and 2.5 Layer III carry. */
	static const long rates[] = { 8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000 };
	int c;

	render_opts_init(o);
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:qj:", longopts, NULL)) != -1) {
		long v;
		char *end;

		switch (c) {
		case 'o':
			if (!*optarg)
				return usage("-o '%s': name the episode (or, for batch, the folder) to write", optarg);
			o->out_path = optarg;
			break;
		case OPT_RATE:
			v = parse_num(optarg, 1, 1000000);
			for (size_t i = 0; i < sizeof(rates) / sizeof(rates[0]); i++)
				if (v == rates[i])
					o->rate_hz = (unsigned)v;
			if (o->rate_hz != (unsigned)v)
				return usage("--rate '%s': use an MP3 sample rate (8000 to 48000, such as 22050, 44100)", optarg);
			break;
		case OPT_BITRATE:
			v = parse_num(optarg, 8, 320);
			if (v < 0)
				return usage("--bitrate '%s': use a rate in kbit/s from 8 to 320", optarg);
			o->bitrate_kbps = (unsigned)v;
			break;
		case OPT_VBR:
			v = parse_num(optarg, 0, 9);
			if (v < 0)
				return usage("--vbr '%s': use a quality from 0 (best) to 9", optarg);
			o->vbr_quality = (int)v;
			break;
		case OPT_VOICES:
			o->voices_dir = optarg;
			break;
		case OPT_LEXICON:
			o->lexicon_path = optarg;
			break;
		case OPT_SHOW:
			o->show_path = optarg;
			break;
		case OPT_LOUDNESS:
			o->loudness_lufs = strtod(optarg, &end);
			if (!*optarg || *end || !(o->loudness_lufs >= -40 && o->loudness_lufs <= -6))	/* not "nan" */
				return usage("--loudness '%s': use LUFS from -40 to -6", optarg);
			break;
		case OPT_WAV:
			o->write_wav = 1;
			break;
		case 'q':
			o->quiet = 1;
			break;
		case 'j':
			v = parse_num(optarg, 1, 256);
			if (v < 0)
				return usage("-j '%s': use a number of jobs from 1 to 256", optarg);
			o->jobs = (unsigned)v;
			break;
		case OPT_NO_CACHE:
			o->no_cache = 1;
			break;
		case OPT_FROM:
			if ((o->from = render_parse_from(optarg)) < 0)
				return usage("--from '%s': use text, markdown, html, vtt, srt or script", optarg);
			break;
		case OPT_CACHE_DIR:
			if (!*optarg)
				return usage("--cache-dir '': name a folder%s", "");
			o->cache_dir = optarg;
			break;
		case OPT_PLAN:
			if (!plan)
				return usage("--plan is an option of batch%s", "");
			*plan = 1;
			break;
		case OPT_PREVIEW:
			if (preview) {
				*preview = optarg;
				break;
			}
			/* fall through */
		default:
			return usage(NULL, NULL);
		}
	}
	util_quiet = o->quiet;
	return 0;
}

static int cmd_render(int argc, char **argv)
{
	struct render_opts o;
	int rc = parse_render_opts(argc, argv, &o, NULL, NULL);

	if (rc)
		return rc;
	if (optind != argc - 1)
		return usage(optind < argc ? "render takes one FILE, not '%s'" : "render needs a FILE%s",
			     optind < argc ? argv[argc - 1] : "");
	return render_file(argv[optind], &o) < 0 ? 1 : 0;
}

static int cmd_batch(int argc, char **argv)
{
	struct render_opts o;
	const char *dir = "transcripts", *outdir;
	int plan = 0;
	int rc = parse_render_opts(argc, argv, &o, NULL, &plan);
	long cores = sysconf(_SC_NPROCESSORS_ONLN);

	if (rc)
		return rc;
	if (optind < argc - 1)
		return usage("batch takes one DIR, not '%s'", argv[argc - 1]);
	if (optind == argc - 1)
		dir = argv[optind];
	outdir = o.out_path ? o.out_path : "out";
	o.out_path = NULL;
	if (!o.jobs)
		o.jobs = cores > 0 ? (unsigned)cores : 1;
	return batch_run(dir, outdir, o.jobs, plan, &o) < 0 ? 1 : 0;
}

static int cmd_voices(int argc, char **argv)
{
	struct render_opts o;
	const char *preview = NULL;
	int rc = parse_render_opts(argc, argv, &o, &preview, NULL);

	if (rc)
		return rc;
	if (optind != argc)
		return usage("voices takes no FILE, not '%s'", argv[optind]);
	if (preview && !o.out_path)
		return usage("--preview %s needs -o FILE.mp3", preview);
	if (preview)
		return render_preview(preview, &o) < 0 ? 1 : 0;
	return render_list_voices(&o) < 0 ? 1 : 0;
}

/* "500M", "2G", "1048576": bytes, or -1. */
static long long parse_size(const char *s)
{
	char *end;
	double v = strtod(s, &end);
	long long mult = 1;

	/* a number, not "-0", "nan", "inf" or " 5" */
	if (end == s || !isdigit((unsigned char)*s) || v < 0 || v != v || v > 1e15)
		return -1;
	switch (*end) {
	case 'k': case 'K': mult = 1LL << 10; end++; break;
	case 'm': case 'M': mult = 1LL << 20; end++; break;
	case 'g': case 'G': mult = 1LL << 30; end++; break;
	case '\0': break;
	default: return -1;
	}
	if (*end == 'B' || *end == 'b')
		end++;
	return *end ? -1 : (long long)(v * (double)mult);
}

static int cmd_cache(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "prune", no_argument, NULL, OPT_PRUNE },
		{ "max-size", required_argument, NULL, OPT_MAX_SIZE },
		{ "cache-dir", required_argument, NULL, OPT_CACHE_DIR },
		{ NULL, 0, NULL, 0 }
	};
	const char *dir = NULL;
	char *root;
	long long max = 1LL << 30;
	uint64_t entries, bytes, removed, freed;
	int c, prune = 0, ret = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_PRUNE:
			prune = 1;
			break;
		case OPT_MAX_SIZE:
			max = parse_size(optarg);
			if (max < 0)
				return usage("--max-size '%s': use a size such as 500M or 2G", optarg);
			break;
		case OPT_CACHE_DIR:
			if (!*optarg)
				return usage("--cache-dir '': name a folder%s", "");
			dir = optarg;
			break;
		default:
			return usage(NULL, NULL);
		}
	}
	if (optind != argc)
		return usage("cache takes no FILE, not '%s'", argv[optind]);
	root = dir ? xstrdup(dir) : store_default_root();
	if (!root)
		return error("no cache folder: set XDG_CACHE_HOME or HOME") < 0 ? 1 : 0;
	if (prune && store_prune(root, (uint64_t)max, &removed, &freed) < 0)
		ret = 1;
	else if (prune)
		printf("%s: removed %llu entries, %.1f MB\n", root, (unsigned long long)removed,
		       freed / 1048576.0);
	if (ret == 0 && store_usage(root, &entries, &bytes) < 0)
		ret = 1;
	else if (ret == 0)
		printf("%s: %llu entries, %.1f MB\n", root, (unsigned long long)entries, bytes / 1048576.0);
	free(root);
	return ret;
}

static int cmd_split(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, OPT_JSON },
		{ "from", required_argument, NULL, OPT_FROM },
		{ "spoken", no_argument, NULL, OPT_SPOKEN },
		{ "lexicon", required_argument, NULL, OPT_LEXICON },
		{ NULL, 0, NULL, 0 }
	};
	struct sb out = SB_INIT;
	struct episode *ep;
	int c, json = 0, spoken = 0, ret = 0, from = FROM_AUTO;
	const char *lexicon = NULL;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c == OPT_JSON)
			json = 1;
		else if (c == OPT_SPOKEN)
			spoken = 1;
		else if (c == OPT_LEXICON)
			lexicon = optarg;
		else if (c == OPT_FROM && (from = render_parse_from(optarg)) >= 0)
			continue;
		else if (c == OPT_FROM)
			return usage("--from '%s': use text, markdown, html, vtt, srt or script", optarg);
		else
			return usage(NULL, NULL);
	}
	if (optind != argc - 1)
		return usage("split takes one FILE%s", "");
	if (json && spoken)
		return usage("split: --json and --spoken are two different outputs%s", "");
	if (lexicon && !spoken)
		return usage("split: --lexicon goes with --spoken%s", "");
	ep = render_load(argv[optind], from);
	if (!ep)
		return 1;
	if (spoken) {
		if (render_spoken(argv[optind], lexicon, ep, &out) < 0) {
			episode_free(ep);
			return 1;
		}
	} else if (json) {
		script_write_json(ep, &out);
	} else {
		script_write(ep, &out);
	}
	if (fwrite(out.buf, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
		error("cannot write the script to standard output");
		ret = 1;
	}
	sb_release(&out);
	episode_free(ep);
	return ret;
}

int main(int argc, char **argv)
{
	const char *cmd;

	if (argc < 2)
		return usage(NULL, NULL);
	cmd = argv[1];
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (!strcmp(cmd, "--version")) {
		printf("colloquy %s\n", COLLOQUY_VERSION);
		return 0;
	}
	util_install_signal_cleanup();
	store_salt(COLLOQUY_VERSION);
	if (!strcmp(cmd, "render"))
		return cmd_render(argc - 1, argv + 1);
	if (!strcmp(cmd, "split"))
		return cmd_split(argc - 1, argv + 1);
	if (!strcmp(cmd, "voices"))
		return cmd_voices(argc - 1, argv + 1);
	if (!strcmp(cmd, "batch"))
		return cmd_batch(argc - 1, argv + 1);
	if (!strcmp(cmd, "cache"))
		return cmd_cache(argc - 1, argv + 1);
	if (!strcmp(cmd, "feed")) {
		int quiet = argc == 4 && (!strcmp(argv[3], "-q") || !strcmp(argv[3], "--quiet"));

		if (argc != 3 && !quiet)
			return usage("feed takes one OUTDIR%s", "");
		util_quiet = quiet;
		return feed_write(argv[2], quiet) < 0 ? 1 : 0;
	}
	return usage("'%s' is not a colloquy command", cmd);
}
