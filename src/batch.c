/* batch.c -- see batch.h. */
#include "batch.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "feed.h"
#include "util.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The extensions of the transcripts a folder holds. */
static int is_transcript_ext(const char *ext)
{
	static const char *const exts[] = { "txt", "md", "markdown", "html", "htm", "vtt", "srt" };

	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
		if (!strcasecmp(ext, exts[i]))
			return 1;
	return 0;
}

static int is_caption(const char *path)
{
	const char *dot = strrchr(path, '.');

	return dot && (!strcasecmp(dot, ".vtt") || !strcasecmp(dot, ".srt"));
}

/* Is caption file path a sidecar: NAME.mp3 beside it, or a transcript
 * NAME.txt (or .md, .html) among names? */
static int is_sidecar(char **names, size_t n, const char *path)
{
	char *stem, *mp3;
	int yes;

	if (!is_caption(path))
		return 0;
	stem = xstrndup(path, (size_t)(strrchr(path, '.') - path));
	mp3 = xmalloc(strlen(stem) + 5);
	sprintf(mp3, "%s.mp3", stem);
	yes = access(mp3, F_OK) == 0;
	for (size_t i = 0; i < n && !yes; i++)
		yes = !is_caption(names[i]) && !strncmp(names[i], stem, strlen(stem)) &&
		      names[i][strlen(stem)] == '.' && !strchr(names[i] + strlen(stem) + 1, '.');
	free(stem);
	free(mp3);
	return yes;
}

struct stemmed {
	char *stem;
	const char *name;
};

static int cmp_stem(const void *a, const void *b)
{
	const struct stemmed *x = a, *y = b;
	int c = strcmp(x->stem, y->stem);

	return c ? c : strcmp(x->name, y->name);
}

static int list_transcripts(const char *dir, char ***out, size_t *n)
{
	char **names = NULL;
	size_t alloc = 0;
	DIR *d = opendir(dir);
	struct dirent *de;

	*n = 0;
	*out = NULL;
	if (!d)
		return error("cannot open folder '%s': %s", dir, strerror(errno));
	while ((de = readdir(d))) {
		const char *dot = strrchr(de->d_name, '.');

		/* lexicon.txt beside the transcripts is the show's words */
		if (de->d_name[0] != '.' && dot && dot > de->d_name && is_transcript_ext(dot + 1) &&
		    strcmp(de->d_name, "lexicon.txt")) {
			XGROW(names, alloc, *n + 1);
			names[(*n)++] = util_path_join(dir, de->d_name);
		}
	}
	closedir(d);
	if (*n)
		qsort(names, *n, sizeof(*names), cmp_str);
	*out = names;
	/* captions beside an episode, or beside the transcript they were
	 * rendered from, are its sidecars, not transcripts */
	{
		char *side = xmalloc(*n + 1);
		size_t w = 0;

		for (size_t i = 0; i < *n; i++)
			side[i] = (char)is_sidecar(names, *n, names[i]);
		for (size_t i = 0; i < *n; i++) {
			if (side[i])
				free(names[i]);
			else
				names[w++] = names[i];
		}
		*n = w;
		free(side);
	}
	/* "ep.txt" and "ep.html" would both be ep.mp3: stems sorted, neighbours
	 * compared */
	{
		struct stemmed *st = xmalloc((*n ? *n : 1) * sizeof(*st));
		int clash = 0;

		for (size_t i = 0; i < *n; i++) {
			st[i].stem = util_stem(names[i]);
			st[i].name = names[i];
		}
		qsort(st, *n, sizeof(*st), cmp_stem);
		for (size_t i = 0; i + 1 < *n && !clash; i++)
			if (!strcmp(st[i].stem, st[i + 1].stem)) {
				error("'%s' and '%s' would both be episode '%s.mp3'; rename one", st[i].name, st[i + 1].name,
				      st[i].stem);
				clash = 1;
			}
		for (size_t i = 0; i < *n; i++)
			free(st[i].stem);
		free(st);
		if (clash) {
			for (size_t k = 0; k < *n; k++)
				free(names[k]);
			free(names);
			*out = NULL;
			*n = 0;
			return -1;
		}
	}
	return 0;
}

/* Where transcript's episode goes in outdir; caller frees. */
static char *episode_path(const char *transcript, const char *outdir)
{
	char *stem = util_stem(transcript), *path;
	struct sb name = SB_INIT;

	sb_addf(&name, "%s.mp3", stem);
	path = util_path_join(outdir, name.buf);
	sb_release(&name);
	free(stem);
	return path;
}

/* A render runs in a child, which reports the length of its audio (ms)
 * through a pipe. */
static pid_t start(const char *transcript, const char *outdir, const struct render_opts *o,
		   int *report)
{
	int fd[2];
	pid_t pid;

	if (pipe(fd) < 0) {
		error("cannot start a render of '%s': %s", transcript, strerror(errno));
		return -1;
	}
	fflush(NULL);
	pid = util_fork();
	if (pid == 0) {
		struct render_opts mine = *o;
		uint64_t ms = 0;
		int rc;

		close(fd[0]);
		/* a closed standard output ends the batch's report, not the
		 * render: the result line is lost, the episode is not */
		signal(SIGPIPE, SIG_IGN);
		mine.out_path = episode_path(transcript, outdir);
		mine.audio_ms = &ms;
		rc = render_file(transcript, &mine);
		if (rc == 0)
			util_write_all(fd[1], &ms, sizeof(ms));
		fflush(NULL);
		_exit(rc < 0 ? 1 : 0);
	}
	close(fd[1]);
	if (pid < 0) {
		close(fd[0]);
		error("cannot start a render of '%s': %s", transcript, strerror(errno));
		return -1;
	}
	util_child_add(pid);
	*report = fd[0];
	return pid;
}

/* On a terminal, a bar on stderr redrawn as renders finish (their
 * warnings and errors still show, above it). */
static void progress(size_t done, size_t n, size_t failed, int tty)
{
	const int width = 30;
	int filled = (int)(done * (size_t)width / (n ? n : 1));

	if (!tty)
		return;
	fprintf(stderr, "\r\033[K[%.*s%*s] %zu/%zu%s", filled, "==============================",
		width - filled, "", done, n, failed ? " (failures)" : "");
	if (done == n)
		fputc('\n', stderr);
	fflush(stderr);
}

/* Single-quote s for a POSIX shell. */
static void shell_quote(struct sb *out, const char *s)
{
	sb_addch(out, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			sb_addstr(out, "'\\''");
		else
			sb_addch(out, *s);
	}
	sb_addch(out, '\'');
}

static void add_arg(struct sb *cmd, const char *opt, const char *value)
{
	sb_addf(cmd, " %s ", opt);
	shell_quote(cmd, value);
}

/* An absolute form of path; caller frees. */
static char *absolute(const char *path)
{
	char *abs = realpath(path, NULL);

	if (abs)
		return abs;
	if (path[0] == '/')
		return xstrdup(path);
	{
		char cwd[4096];
		if (!getcwd(cwd, sizeof(cwd)))
			return xstrdup(path);
		return util_path_join(cwd, path);
	}
}

/* opt and path made absolute, when there is a path. */
static void add_path_arg(struct sb *cmd, const char *opt, const char *path)
{
	char *abs;

	if (!path)
		return;
	abs = absolute(path);
	add_arg(cmd, opt, abs);
	free(abs);
}

/* Is a modification time a older than b? */
static int older(const struct stat *a, const struct stat *b)
{
	return a->st_mtim.tv_sec < b->st_mtim.tv_sec ||
	       (a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec < b->st_mtim.tv_nsec);
}

/* 1 when transcript's episode, or any file of its set, is missing or
 * older than the transcript: a set cut short or left behind is made
 * again. */
static int out_of_date(const char *transcript, const char *mp3)
{
	static const char *const sidecars[] = { ".chapters.json", ".vtt", ".srt", ".json", ".episode.json" };
	struct stat in, out;
	int stale;

	if (stat(mp3, &out) < 0 || stat(transcript, &in) < 0)
		return 1;
	stale = older(&out, &in);
	for (size_t i = 0; i < sizeof(sidecars) / sizeof(sidecars[0]) && !stale; i++) {
		char *path = render_sidecar_path(mp3, sidecars[i]);
		struct stat sc;

		stale = stat(path, &sc) < 0 || older(&sc, &in);
		free(path);
	}
	return stale;
}

/* --plan: one shell command per out-of-date transcript, each complete in
 * itself (absolute paths, every option), for GNU parallel, a Slurm array
 * or any other runner over shared storage. */
static int print_plan(char **names, size_t n, const char *outdir, const struct render_opts *o)
{
	char self[4096];
	ssize_t len = readlink("/proc/self/exe", self, sizeof(self) - 1);
	char *dir = absolute(outdir);
	struct sb cmd = SB_INIT;
	int ret = 0;

	if (len <= 0)
		return error("cannot find the colloquy program's own path");
	self[len] = '\0';
	/* one command a line: a path with a line break (or any control byte)
	 * would make two, the second whatever the name says */
	{
		const char *paths[] = { self, dir, NULL };

		for (size_t i = 0; i <= n; i++) {
			const char *bad = NULL;

			for (size_t k = 0; !bad && (i < n ? k < 1 : k < 2); k++) {
				const char *p = i < n ? names[i] : paths[k];

				for (const char *c = p; *c && !bad; c++)
					if ((unsigned char)*c < 0x20 || *c == 0x7f)
						bad = p;
			}
			if (bad) {
				struct sb shown = SB_INIT;

				for (const char *c = bad; *c; c++) {
					if ((unsigned char)*c < 0x20 || *c == 0x7f)
						sb_addf(&shown, "\\x%02x", (unsigned char)*c);
					else
						sb_addch(&shown, *c);
				}
				error("cannot plan '%s': its name holds a control character, which would break the plan's "
				      "one command a line; rename it", shown.buf);
				sb_release(&shown);
				free(dir);
				return -1;
			}
		}
	}
	for (size_t i = 0; i < n; i++) {
		char *mp3 = episode_path(names[i], dir), *src = absolute(names[i]);
		char num[32];

		if (out_of_date(names[i], mp3)) {
			cmd.len = 0;
			shell_quote(&cmd, self);
			sb_addstr(&cmd, " render ");
			shell_quote(&cmd, src);
			add_arg(&cmd, "-o", mp3);
			snprintf(num, sizeof(num), "%u", o->rate_hz);
			add_arg(&cmd, "--rate", num);
			if (o->vbr_quality >= 0) {
				snprintf(num, sizeof(num), "%d", o->vbr_quality);
				add_arg(&cmd, "--vbr", num);
			} else {
				snprintf(num, sizeof(num), "%u", o->bitrate_kbps);
				add_arg(&cmd, "--bitrate", num);
			}
			snprintf(num, sizeof(num), "%g", o->loudness_lufs);
			add_arg(&cmd, "--loudness", num);
			add_path_arg(&cmd, "--voices", o->voices_dir);
			add_path_arg(&cmd, "--lexicon", o->lexicon_path);
			add_path_arg(&cmd, "--show", o->show_path);
			add_path_arg(&cmd, "--cache-dir", o->cache_dir);
			if (o->from != FROM_AUTO)
				add_arg(&cmd, "--from", o->from == FROM_TEXT ? "text" : o->from == FROM_MARKDOWN ? "markdown" :
							o->from == FROM_HTML ? "html" : o->from == FROM_CAPTIONS ? "captions" : "script");
			if (o->no_cache)
				sb_addstr(&cmd, " --no-cache");
			if (o->write_wav)
				sb_addstr(&cmd, " --wav");
			snprintf(num, sizeof(num), "%u", o->jobs ? o->jobs : 1);
			sb_addf(&cmd, " -j %s -q\n", num);
			if (fwrite(cmd.buf, 1, cmd.len, stdout) != cmd.len)
				ret = error("cannot write the plan to standard output");
		}
		free(mp3);
		free(src);
	}
	if (fflush(stdout) != 0)
		ret = error("cannot write the plan to standard output");
	sb_release(&cmd);
	free(dir);
	return ret;
}

static void free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int batch_run(const char *dir, const char *outdir, unsigned jobs, int plan, const struct render_opts *o)
{
	size_t n, next = 0, running = 0, failed = 0, done = 0;
	char **names;
	struct timespec t0, t1;
	pid_t *pids;
	int *reports;
	uint64_t audio_ms = 0;
	struct render_opts each = *o;
	int ret = 0, tty = !o->quiet && isatty(2);
	double wall;

	if (list_transcripts(dir, &names, &n) < 0)
		return -1;
	if (!n) {
		free(names);
		return error("no transcripts (*.txt, *.md, *.html, *.vtt, *.srt) in '%s'", dir);
	}
	/* the plan's commands write into it: it must be there */
	if (mkdir(outdir, 0777) < 0 && errno != EEXIST) {
		free_names(names, n);
		return error("cannot create folder '%s': %s", outdir, strerror(errno));
	}
	if (plan) {
		ret = print_plan(names, n, outdir, o);
		free_names(names, n);
		return ret;
	}
	/* jobs is the number of processes working: a transcript each, and
	 * what is left over goes to the renders' own workers */
	each.jobs = jobs / (n < jobs ? (unsigned)n : jobs);
	/* on a terminal the bar stands for the renders' own report lines */
	if (tty)
		each.quiet = 1;
	if (!each.jobs)
		each.jobs = 1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pids = xcalloc(n, sizeof(*pids));
	reports = xcalloc(n, sizeof(*reports));
	progress(0, n, 0, tty);
	while (done < n) {
		int status;
		pid_t pid;

		while (running < jobs && next < n) {
			pids[next] = start(names[next], outdir, &each, &reports[next]);
			if (pids[next] < 0) {
				failed++;
				done++;
			} else {
				running++;
			}
			next++;
		}
		if (!running)
			continue;
		pid = wait(&status);
		if (pid < 0 && errno == EINTR)
			continue;
		if (pid < 0)
			break;
		for (size_t i = 0; i < next; i++) {
			uint64_t ms;

			if (pids[i] != pid)
				continue;
			util_child_del(pid);
			running--;
			done++;
			if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
				failed++;
				if (!WIFEXITED(status))
					error("the render of '%s' was killed by signal %d", names[i],
					      WTERMSIG(status));
			} else if (util_read_all(reports[i], &ms, sizeof(ms)) == 0) {
				audio_ms += ms;
			}
			close(reports[i]);
			progress(done, n, failed, tty);
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	wall = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (!o->quiet)
		printf("%zu transcript%s rendered, %zu failed, in %.1f s: %.2f hours of audio, %.0fx "
		       "realtime\n", n - failed, n - failed == 1 ? "" : "s", failed, wall,
		       audio_ms / 3.6e6, wall > 0 ? audio_ms / 1000.0 / wall : 0);
	if (n > failed && feed_write(outdir, o->quiet) < 0)
		ret = -1;
	if (failed)
		ret = -1;
	free_names(names, n);
	free(pids);
	free(reports);
	return ret;
}
