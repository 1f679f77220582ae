/* publish.c -- see publish.h. */
#include "publish.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cue.h"

/* Append root as an indented document and release it.  %.10g keeps
 * milliseconds exact without binary noise. */
static void add_document(struct sb *out, json_t *root)
{
	char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));

	sb_addstr(out, text);
	sb_addch(out, '\n');
	free(text);
	json_decref(root);
}

static json_t *seconds(const struct episode *ep, uint64_t sample)
{
	/* Whole milliseconds, as the ID3 chapters carry them. */
	return json_real(episode_ms(ep, sample) / 1000.0);
}

void publish_chapters_json(const struct episode *ep, struct sb *out)
{
	json_t *root = json_object(), *list = json_array();

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
	add_document(out, root);
}

static const char *display_name(const struct episode *ep, const char *speaker)
{
	if (!strcmp(speaker, "guest") && ep->guest_name)
		return ep->guest_name;
	if (!strcmp(speaker, "host") && ep->host_name)
		return ep->host_name;
	return speaker;
}

/* HH:MM:SS.mmm (WebVTT) or HH:MM:SS,mmm (SubRip) */
static void add_time(struct sb *out, const struct episode *ep, uint64_t sample, char sep)
{
	uint32_t ms = episode_ms(ep, sample);

	sb_addf(out, "%02u:%02u:%02u%c%03u", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, sep, ms % 1000);
}

/* WebVTT escapes '&' and '<' in cue text (W3C WebVTT 4.2.2, cue text). */
static void add_vtt_text(struct sb *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '&')
			sb_addstr(out, "&amp;");
		else if (*s == '<')
			sb_addstr(out, "&lt;");
		else if (*s == '>')
			sb_addstr(out, "&gt;");
		else
			sb_addch(out, *s);
	}
}

void publish_vtt(const struct episode *ep, struct sb *out)
{
	sb_addstr(out, "WEBVTT\n");
	for (size_t i = 0; i < ep->nsegs; i++) {
		const struct segment *s = &ep->segs[i];

		for (size_t k = 0; k < s->ncues; k++) {
			char *lines = cue_lines(s->cues[k].text);

			sb_addch(out, '\n');
			add_time(out, ep, s->cues[k].start_sample, '.');
			sb_addstr(out, " --> ");
			add_time(out, ep, s->cues[k].end_sample, '.');
			sb_addstr(out, "\n<v ");
			add_vtt_text(out, display_name(ep, s->speaker));
			sb_addch(out, '>');
			add_vtt_text(out, lines);
			sb_addch(out, '\n');
			free(lines);
		}
	}
}

void publish_srt(const struct episode *ep, struct sb *out)
{
	size_t n = 0;

	for (size_t i = 0; i < ep->nsegs; i++) {
		const struct segment *s = &ep->segs[i];

		for (size_t k = 0; k < s->ncues; k++) {
			struct sb text = SB_INIT;
			char *lines;

			sb_addf(&text, "%s: %s", display_name(ep, s->speaker), s->cues[k].text);
			lines = cue_lines(text.buf);
			sb_addf(out, "%s%zu\n", n ? "\n" : "", n + 1);
			add_time(out, ep, s->cues[k].start_sample, ',');
			sb_addstr(out, " --> ");
			add_time(out, ep, s->cues[k].end_sample, ',');
			sb_addf(out, "\n%s\n", lines);
			free(lines);
			sb_release(&text);
			n++;
		}
	}
}

void publish_transcript_json(const struct episode *ep, struct sb *out)
{
	json_t *root = json_object(), *list = json_array();

	json_object_set_new(root, "version", json_string("1.0.0"));
	for (size_t i = 0; i < ep->nsegs; i++) {
		const struct segment *s = &ep->segs[i];

		for (size_t k = 0; k < s->ncues; k++) {
			json_t *c = json_object();

			json_object_set_new(c, "speaker", json_string(display_name(ep, s->speaker)));
			json_object_set_new(c, "startTime", seconds(ep, s->cues[k].start_sample));
			json_object_set_new(c, "endTime", seconds(ep, s->cues[k].end_sample));
			json_object_set_new(c, "body", json_string(s->cues[k].text));
			json_array_append_new(list, c);
		}
	}
	json_object_set_new(root, "segments", list);
	add_document(out, root);
}

static json_t *string_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

void publish_episode_json(const struct episode *ep, const struct show *sh, const char *date,
			  const char *source, struct sb *out)
{
	json_t *root = json_object(), *show = json_object();
	const char *base = strrchr(source, '/');

	json_object_set_new(root, "title", json_string(ep->title));
	json_object_set_new(root, "date", json_string(date));
	json_object_set_new(root, "episode", ep->number ? json_integer(ep->number) : json_null());
	json_object_set_new(root, "season", ep->season ? json_integer(ep->season) : json_null());
	json_object_set_new(root, "description", string_or_null(ep->description));
	json_object_set_new(root, "duration", seconds(ep, ep->nsamples));
	json_object_set_new(root, "host", string_or_null(ep->host_name));
	json_object_set_new(root, "guest", string_or_null(ep->guest_name));
	{
		char *safe = util_text_safe(base ? base + 1 : source);

		json_object_set_new(root, "source", json_string(safe));
		free(safe);
	}
	json_object_set_new(show, "name", string_or_null(sh->name));
	json_object_set_new(show, "author", string_or_null(sh->author));
	json_object_set_new(show, "description", string_or_null(sh->description));
	json_object_set_new(show, "language", string_or_null(sh->language));
	json_object_set_new(show, "url", string_or_null(sh->url));
	json_object_set_new(show, "email", string_or_null(sh->email));
	json_object_set_new(show, "category", string_or_null(sh->category));
	json_object_set_new(show, "explicit", json_boolean(sh->explicit_));
	json_object_set_new(show, "artwork", string_or_null(sh->artwork ? (strrchr(sh->artwork, '/') ?
			    strrchr(sh->artwork, '/') + 1 : sh->artwork) : NULL));
	json_object_set_new(root, "show", show);
	add_document(out, root);
}
