/* batch.h -- render every transcript in a folder, then its feed.
 * In:  the .txt files in a folder, and the render options.
 * Out: OUTDIR/NAME.mp3 and sidecars for each, OUTDIR/feed.xml, a summary
 *      (episodes, hours of audio, wall time, realtime factor) and, on a
 *      terminal, a progress bar.
 * Each transcript renders in a process of its own (at most jobs at once),
 * so one that fails, or crashes, does not stop the others.
 * Errs: returns 0 when every transcript rendered, else -1 (each failure
 *      was reported by its own render). */
#ifndef COLLOQUY_BATCH_H
#define COLLOQUY_BATCH_H

#include "render.h"

/* jobs processes work at once: one transcript each, and any left over go
 * to the renders' own workers.  With plan, nothing is rendered: the render
 * command of each transcript whose episode is missing or older than it is
 * printed, one a line, complete in itself, for another runner. */
int batch_run(const char *dir, const char *outdir, unsigned jobs, int plan, const struct render_opts *o);

#endif
