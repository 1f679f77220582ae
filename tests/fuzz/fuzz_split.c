/* fuzz_split.c -- clean, split, the script round trip, normalisation and
 * cues on any bytes.  Invariants: chapters point at segments in order,
 * there is a chapter whenever there is a segment, and a split's script
 * reads back to the same roles and texts. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "cue.h"
#include "front.h"
#include "normalize.h"
#include "script.h"
#include "split.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text t;
	struct front fm;
	size_t body;
	struct episode *ep, *back;
	struct sb script = SB_INIT, json = SB_INIT;

	util_quiet = 1;
	if (front_parse("fuzz", (const char *)data, size, &fm, &body) == 0)
		front_release(&fm);
	if (clean_text("fuzz", (const char *)data, size, &t) < 0)
		return 0;
	ep = split_text(&t, "fuzz.txt");
	if (ep->nsegs && !ep->nchapters)
		abort();
	for (size_t k = 0; k < ep->nchapters; k++)
		if (ep->chapters[k].seg >= ep->nsegs || (k && ep->chapters[k].seg <= ep->chapters[k - 1].seg))
			abort();
	for (size_t i = 0; i < ep->nsegs; i++) {
		char *said = normalize_text(ep->segs[i].text);
		struct cue *cues;
		size_t n;

		if (strstr(said, "[["))
			abort();	/* transcript text never becomes phoneme input */
		free(said);
		cue_split(ep->segs[i].text, &cues, &n);
		for (size_t k = 0; k < n; k++) {
			free(cue_lines(cues[k].text));
			free(cues[k].text);
		}
		free(cues);
	}
	script_write(ep, &script);
	script_write_json(ep, &json);
	if (ep->nsegs) {
		back = script_read("fuzz.script", script.buf, script.len);
		if (!back || back->nsegs != ep->nsegs)
			abort();
		for (size_t i = 0; i < ep->nsegs; i++)
			if (back->segs[i].role != ep->segs[i].role || strcmp(back->segs[i].text, ep->segs[i].text))
				abort();
		episode_free(back);
	}
	sb_release(&script);
	sb_release(&json);
	episode_free(ep);
	text_release(&t);
	return 0;
}
