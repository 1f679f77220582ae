/* pool.c -- see pool.h. */
#define _GNU_SOURCE
#include "pool.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

unsigned pool_cpus(void)
{
	cpu_set_t set;

	if (sched_getaffinity(0, sizeof(set), &set) == 0 && CPU_COUNT(&set) > 0)
		return (unsigned)CPU_COUNT(&set);
	return 1;
}

int pool_run(size_t njobs, unsigned parallel, pool_job job, pool_done done, void *ctx)
{
	pid_t *pids = xcalloc(parallel ? parallel : 1, sizeof(*pids));
	size_t *which = xcalloc(parallel ? parallel : 1, sizeof(*which));
	size_t next = 0, running = 0;
	int failed = 0;

	if (!parallel)
		parallel = 1;
	while ((next < njobs && !failed) || running) {
		if (next < njobs && !failed && running < parallel) {
			pid_t pid;

			fflush(stdout);
			fflush(stderr);
			pid = fork();
			if (pid < 0) {
				failed = error("cannot start a worker process: %s", strerror(errno));
				continue;
			}
			if (pid == 0) {
				int ret = job(next, ctx);
				fflush(stdout);
				fflush(stderr);
				_exit(ret == 0 ? 0 : 1);
			}
			for (unsigned s = 0; s < parallel; s++) {
				if (!pids[s]) {
					pids[s] = pid;
					which[s] = next;
					break;
				}
			}
			util_child_add(pid);
			next++;
			running++;
			continue;
		}
		{
			int status;
			pid_t pid = waitpid(-1, &status, 0);
			unsigned s;

			if (pid < 0) {
				if (errno == EINTR)
					continue;
				failed = error("lost track of the worker processes: %s", strerror(errno));
				break;
			}
			for (s = 0; s < parallel && pids[s] != pid; s++)
				;
			if (s == parallel)
				continue;     /* not one of ours */
			util_child_del(pid);
			pids[s] = 0;
			running--;
			if (WIFSIGNALED(status)) {
				failed = error("a worker process died of signal %d (%s)", WTERMSIG(status),
					       strsignal(WTERMSIG(status)));
			} else if (WEXITSTATUS(status) != 0) {
				failed = -1;
			} else if (done) {
				done(which[s], ctx);
			}
		}
	}
	free(pids);
	free(which);
	return failed ? -1 : 0;
}
