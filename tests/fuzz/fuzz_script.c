/* fuzz_script.c -- the labelled-script reader on any bytes: it parses or
 * refuses, and what it parses has chapters over its segments. */
#include <stdint.h>
#include <stdlib.h>

#include "script.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct episode *ep;
	struct sb out = SB_INIT;

	util_quiet = 1;
	ep = script_read("fuzz.script", (const char *)data, size);
	if (!ep)
		return 0;
	if (!ep->nsegs || !ep->nchapters || !ep->title)
		abort();
	script_write(ep, &out);
	sb_release(&out);
	episode_free(ep);
	return 0;
}
