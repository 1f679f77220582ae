/* fuzz_readers.c -- any bytes read as a web page, as Markdown and as
 * captions, then split.  Invariants: every paragraph read holds text, lines are counted
 * from 1, and the split's chapters point at its segments in order. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "cues.h"
#include "front.h"
#include "html.h"
#include "markdown.h"
#include "split.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(struct text *t)
{
	struct episode *ep;

	for (size_t i = 0; i < t->n; i++)
		if (!t->paras[i].text[0] || t->paras[i].line < 0)
			abort();
	if (!t->n)
		return;
	ep = split_text(t, "fuzz.txt");
	if (ep->nsegs && !ep->nchapters)
		abort();
	for (size_t k = 0; k < ep->nchapters; k++)
		if (ep->chapters[k].seg >= ep->nsegs || (k && ep->chapters[k].seg <= ep->chapters[k - 1].seg))
			abort();
	episode_free(ep);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text t;
	struct front meta;

	util_quiet = 1;
	if (html_read("fuzz.html", (const char *)data, size, &t, &meta) == 0) {
		check(&t);
		text_release(&t);
		front_release(&meta);
	}
	if (markdown_read("fuzz.md", (const char *)data, size, &t) == 0) {
		check(&t);
		text_release(&t);
	}
	{
		char *text;
		size_t len;

		cues_to_text((const char *)data, size, &text, &len);
		if (clean_text("fuzz.vtt", text, len, &t) == 0) {
			check(&t);
			text_release(&t);
		}
		free(text);
	}
	return 0;
}
