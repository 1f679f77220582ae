/* pool.h -- run numbered jobs in child processes, at most n at a time.
 * libespeak-ng and LAME keep per-process state and are not reentrant, so
 * parallel work is processes, each forked from the caller and so sharing
 * its data as it was at the fork.  A job reports through the files it
 * writes; its return value says only whether it worked.
 * Errs: pool_run() returns 0 when every job succeeded; otherwise it starts
 *       no new job, waits for those running and returns -1 (a failing job
 *       prints its own message; a job killed by a signal is reported). */
#ifndef COLLOQUY_POOL_H
#define COLLOQUY_POOL_H

#include <stddef.h>

/* Runs in the child: 0, or -1 after a message. */
typedef int (*pool_job)(size_t i, void *ctx);
int pool_run(size_t njobs, unsigned parallel, pool_job job, void *ctx);

/* The same with at most parallel long-lived workers, each running job
 * after job: for jobs that leave no state behind (a fresh encoder each),
 * it saves a process per job and the memory each new one must touch.  A
 * job must not depend on what ran before it in its process. */
int pool_serve(size_t njobs, unsigned parallel, pool_job job, void *ctx);

/* The number of processors this process may use. */
unsigned pool_cpus(void);

#endif
