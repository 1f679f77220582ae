/* pool.c -- see pool.h. */
#define _GNU_SOURCE
#include "pool.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
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

int pool_run(size_t njobs, unsigned parallel, pool_job job, void *ctx)
{
	pid_t *pids = xcalloc(parallel ? parallel : 1, sizeof(*pids));
	size_t next = 0, running = 0;
	int failed = 0;

	if (!parallel)
		parallel = 1;
	while ((next < njobs && !failed) || running) {
		if (next < njobs && !failed && running < parallel) {
			pid_t pid;

			fflush(stdout);
			fflush(stderr);
			pid = util_fork();
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
			}
		}
	}
	free(pids);
	return failed ? -1 : 0;
}

/* What a worker of pool_serve() reports after each job. */
struct report {
	unsigned worker;
	int ok;
};

static void serve(unsigned me, int jobs_fd, int report_fd, pool_job job, void *ctx)
{
	size_t i;

	while (util_read_all(jobs_fd, &i, sizeof(i)) == 0) {
		struct report r = { me, job(i, ctx) == 0 };

		fflush(stdout);
		fflush(stderr);
		if (util_write_all(report_fd, &r, sizeof(r)) < 0)
			break;
	}
	_exit(0);
}

/* A worker died: say how, unless it was told to stop. */
static int reap_dead(const pid_t *pids, unsigned n)
{
	int failed = 0;

	for (unsigned k = 0; k < n; k++) {
		int status;

		if (pids[k] > 0 && waitpid(pids[k], &status, WNOHANG) == pids[k]) {
			util_child_del(pids[k]);
			failed = WIFSIGNALED(status) ?
				 error("a worker process died of signal %d (%s)", WTERMSIG(status),
				       strsignal(WTERMSIG(status))) :
				 error("a worker process ended before its work");
		}
	}
	return failed;
}

int pool_serve(size_t njobs, unsigned parallel, pool_job job, void *ctx)
{
	int report[2], *to;
	pid_t *pids;
	size_t next = 0;
	unsigned n = parallel ? parallel : 1, busy = 0;
	int failed = 0;

	if (!njobs)
		return 0;
	if (n > njobs)
		n = (unsigned)njobs;
	if (pipe(report) < 0)
		return error("cannot start the worker processes: %s", strerror(errno));
	to = xcalloc(n, sizeof(*to));
	pids = xcalloc(n, sizeof(*pids));
	for (unsigned k = 0; k < n; k++) {
		int fd[2];

		to[k] = -1;
		if (pipe(fd) < 0) {
			failed = error("cannot start the worker processes: %s", strerror(errno));
			break;
		}
		fflush(stdout);
		fflush(stderr);
		pids[k] = util_fork();
		if (pids[k] == 0) {
			/* the other workers' pipes are not this one's: holding
			 * them would keep those workers from seeing the end */
			for (unsigned j = 0; j < k; j++)
				close(to[j]);
			close(fd[1]);
			close(report[0]);
			serve(k, fd[0], report[1], job, ctx);
		}
		close(fd[0]);
		if (pids[k] < 0) {
			close(fd[1]);
			failed = error("cannot start a worker process: %s", strerror(errno));
			break;
		}
		util_child_add(pids[k]);
		to[k] = fd[1];
	}
	close(report[1]);
	/* one job each to start, then the next to whichever reports */
	for (unsigned k = 0; k < n && !failed && next < njobs && to[k] >= 0; k++, next++) {
		if (util_write_all(to[k], &next, sizeof(next)) < 0)
			failed = error("cannot reach a worker process: %s", strerror(errno));
		else
			busy++;
	}
	while (busy && !failed) {
		struct pollfd p = { report[0], POLLIN, 0 };
		struct report r;
		int got = poll(&p, 1, 200);

		if (got < 0 && errno == EINTR)
			continue;
		if (got == 0) {
			failed = reap_dead(pids, n);
			continue;
		}
		if (util_read_all(report[0], &r, sizeof(r)) < 0 || r.worker >= n) {
			failed = reap_dead(pids, n);
			if (!failed)
				failed = error("lost track of the worker processes");
			break;
		}
		busy--;
		if (!r.ok) {
			failed = -1;
		} else if (next < njobs) {
			if (util_write_all(to[r.worker], &next, sizeof(next)) < 0)
				failed = error("cannot reach a worker process: %s", strerror(errno));
			else
				busy++, next++;
		}
	}
	/* the end: each worker reads it and exits */
	for (unsigned k = 0; k < n; k++)
		if (to[k] >= 0)
			close(to[k]);
	close(report[0]);
	for (unsigned k = 0; k < n; k++) {
		int status;

		if (pids[k] <= 0)
			continue;
		while (waitpid(pids[k], &status, 0) < 0 && errno == EINTR)
			;
		util_child_del(pids[k]);
	}
	free(to);
	free(pids);
	return failed ? -1 : 0;
}
