/* publish.c -- see publish.h. */
#include "publish.h"

#include <jansson.h>
#include <stdlib.h>

static json_t *seconds(const struct episode *ep, uint64_t sample)
{
	/* Whole milliseconds, as the ID3 chapters carry them. */
	return json_real(episode_ms(ep, sample) / 1000.0);
}

void publish_chapters_json(const struct episode *ep, struct sb *out)
{
	json_t *root = json_object(), *list = json_array();
	char *text;

	json_object_set_new(root, "version", json_string("1.2.0"));
	json_object_set_new(root, "title", json_string(ep->title));
	for (size_t k = 0; k < ep->nchapters; k++) {
		const struct chapter *ch = &ep->chapters[k];
		json_t *c = json_object();

		json_object_set_new(c, "startTime", seconds(ep, ch->start_sample));
		json_object_set_new(c, "endTime", seconds(ep, ch->end_sample));
		json_object_set_new(c, "title", json_string(ch->title));
		json_array_append_new(list, c);
	}
	json_object_set_new(root, "chapters", list);
	/* %.10g keeps milliseconds exact without binary noise. */
	text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	sb_addstr(out, text);
	sb_addch(out, '\n');
	free(text);
	json_decref(root);
}
