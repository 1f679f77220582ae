/* batch.c -- see batch.h. */
#include "batch.h"

#include <dirent.h>
#include <errno.h>
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
		size_t len = strlen(de->d_name);
		if (len > 4 && de->d_name[0] != '.' && !strcmp(de->d_name + len - 4, ".txt")) {
			XGROW(names, alloc, *n + 1);
			names[(*n)++] = util_path_join(dir, de->d_name);
		}
	}
	closedir(d);
	if (*n)
		qsort(names, *n, sizeof(*names), cmp_str);
	*out = names;
	return 0;
}

static pid_t start(const char *transcript, const char *outdir, const struct render_opts *o)
{
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		struct render_opts mine = *o;
		char *stem = util_stem(transcript);
		char *name = xmalloc(strlen(stem) + 5);
		char *out;
		int rc;

		sprintf(name, "%s.mp3", stem);
		out = util_path_join(outdir, name);
		mine.out_path = out;
		rc = render_file(transcript, &mine);
		fflush(NULL);
		_exit(rc < 0 ? 1 : 0);
	}
	if (pid < 0)
		error("cannot start a render of '%s': %s", transcript, strerror(errno));
	return pid;
}

int batch_run(const char *dir, const char *outdir, unsigned jobs, const struct render_opts *o)
{
	size_t n, next = 0, running = 0, failed = 0, done = 0;
	char **names;
	struct timespec t0, t1;
	pid_t *pids;
	int ret = 0;

	if (list_transcripts(dir, &names, &n) < 0)
		return -1;
	if (!n) {
		free(names);
		return error("no transcripts (*.txt) in '%s'", dir);
	}
	if (mkdir(outdir, 0777) < 0 && errno != EEXIST) {
		for (size_t i = 0; i < n; i++)
			free(names[i]);
		free(names);
		return error("cannot create folder '%s': %s", outdir, strerror(errno));
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pids = xcalloc(n, sizeof(*pids));
	while (done < n) {
		int status;
		pid_t pid;

		while (running < jobs && next < n) {
			pids[next] = start(names[next], outdir, o);
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
		running--;
		done++;
		for (size_t i = 0; i < next; i++) {
			if (pids[i] != pid)
				continue;
			if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
				failed++;
				if (!WIFEXITED(status))
					error("the render of '%s' was killed by signal %d", names[i],
					      WTERMSIG(status));
			}
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (!o->quiet)
		printf("%zu transcript%s rendered, %zu failed, in %.1f s\n", n - failed, n - failed == 1 ? "" : "s",
		       failed, (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	if (n > failed && feed_write(outdir, o->quiet) < 0)
		ret = -1;
	if (failed)
		ret = -1;
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(pids);
	return ret;
}
