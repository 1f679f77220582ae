/* feed.c -- see feed.h.  Element names and attributes follow RSS 2.0, the
 * Apple Podcasts tags (xmlns:itunes) and the Podcasting 2.0 namespace
 * (xmlns:podcast). */
#include "feed.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <time.h>

#include "util.h"

#define ITUNES_NS "http://www.itunes.com/dtds/podcast-1.0.dtd"
#define PODCAST_NS "https://podcastindex.org/namespace/1.0"

struct item {
	char *stem;          /* NAME of NAME.mp3 */
	json_t *meta;        /* NAME.episode.json */
	long long bytes;     /* of NAME.mp3 */
};

static const char *str(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s && *s ? s : NULL;
}

static int newest_first(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	int c = strcmp(str(y->meta, "date") ? str(y->meta, "date") : "",
		       str(x->meta, "date") ? str(x->meta, "date") : "");
	return c ? c : strcmp(x->stem, y->stem);
}

/* RFC 822 date (RSS 2.0 pubDate) of a YYYY-MM-DD day, at midnight UTC. */
static void rfc822(const char *date, char out[40])
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
					      "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;
	time_t t;
	int y = 1970, m = 1, d = 1;

	if (date)
		sscanf(date, "%d-%d-%d", &y, &m, &d);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	t = timegm(&tm);
	gmtime_r(&t, &tm);
	snprintf(out, 40, "%s, %02d %s %04d 00:00:00 +0000", days[tm.tm_wday], tm.tm_mday,
		 months[tm.tm_mon], tm.tm_year + 1900);
}

/* The URL of a published file: the show's url and the name, or the name
 * alone when the show has no url. */
static char *url_of(const char *base, const char *name)
{
	char *escaped = util_url_escape(name), *url;

	if (!base)
		return escaped;
	url = util_path_join(base, escaped);
	free(escaped);
	return url;
}

static int load_items(const char *outdir, struct item **items, size_t *n)
{
	size_t alloc = 0;
	DIR *d = opendir(outdir);
	struct dirent *de;
	const char *suffix = ".episode.json";

	*items = NULL;
	*n = 0;
	if (!d)
		return error("cannot open folder '%s': %s", outdir, strerror(errno));
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name), sl = strlen(suffix);
		char *stem, *json_path, *mp3_name, *mp3_path;
		json_error_t jerr;
		struct stat st;
		json_t *meta;

		if (len <= sl || strcmp(de->d_name + len - sl, suffix))
			continue;
		stem = xstrndup(de->d_name, len - sl);
		json_path = util_path_join(outdir, de->d_name);
		mp3_name = xmalloc(strlen(stem) + 5);
		sprintf(mp3_name, "%s.mp3", stem);
		mp3_path = util_path_join(outdir, mp3_name);
		/* a regular file, never a FIFO that would hang the feed */
		if (stat(json_path, &st) == 0 && !S_ISREG(st.st_mode))
			meta = NULL, snprintf(jerr.text, sizeof(jerr.text), "not a regular file");
		else
			meta = json_load_file(json_path, 0, &jerr);
		if (!meta || !str(meta, "title") || stat(mp3_path, &st) < 0) {
			warning("'%s': %s; left out of the feed", json_path,
				!meta ? jerr.text : !str(meta, "title") ? "no title" : "its MP3 is missing");
			json_decref(meta);
			free(stem);
		} else {
			XGROW(*items, alloc, *n + 1);
			(*items)[*n].stem = stem;
			(*items)[*n].meta = meta;
			(*items)[(*n)++].bytes = (long long)st.st_size;
		}
		free(json_path);
		free(mp3_name);
		free(mp3_path);
	}
	closedir(d);
	if (*n)
		qsort(*items, *n, sizeof(**items), newest_first);
	return 0;
}

/* Every text is written as XML 1.0 can carry it (util_text_safe()):
 * show.ini, front matter and file names are the user's. */
static void element(xmlTextWriterPtr w, const char *name, const char *text)
{
	char *safe;

	if (!text)
		return;
	safe = util_text_safe(text);
	xmlTextWriterWriteElement(w, BAD_CAST name, BAD_CAST safe);
	free(safe);
}

static void attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	char *safe = util_text_safe(value);

	xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST safe);
	free(safe);
}

static void string(xmlTextWriterPtr w, const char *text)
{
	char *safe = util_text_safe(text);

	xmlTextWriterWriteString(w, BAD_CAST safe);
	free(safe);
}

static void channel(xmlTextWriterPtr w, json_t *show, const char *fallback_title)
{
	const char *name = str(show, "name") ? str(show, "name") : fallback_title;
	const char *description = str(show, "description") ? str(show, "description") : name;

	element(w, "title", name);
	element(w, "link", str(show, "url") ? str(show, "url") : "");
	element(w, "description", description);
	element(w, "language", str(show, "language") ? str(show, "language") : "en");
	element(w, "generator", "colloquy");
	element(w, "itunes:author", str(show, "author"));
	element(w, "itunes:summary", description);
	element(w, "itunes:explicit", json_is_true(json_object_get(show, "explicit")) ? "true" : "false");
	element(w, "itunes:type", "episodic");
	if (str(show, "artwork")) {
		char *href = url_of(str(show, "url"), str(show, "artwork"));

		xmlTextWriterStartElement(w, BAD_CAST "itunes:image");
		attr(w, "href", href);
		xmlTextWriterEndElement(w);
		free(href);
	}
	if (str(show, "category")) {
		xmlTextWriterStartElement(w, BAD_CAST "itunes:category");
		attr(w, "text", str(show, "category"));
		xmlTextWriterEndElement(w);
	}
	if (str(show, "email") || str(show, "author")) {
		xmlTextWriterStartElement(w, BAD_CAST "itunes:owner");
		element(w, "itunes:name", str(show, "author"));
		element(w, "itunes:email", str(show, "email"));
		xmlTextWriterEndElement(w);
	}
}

static void link_element(xmlTextWriterPtr w, const char *name, const char *base, const char *stem,
			 const char *suffix, const char *type)
{
	struct sb file = SB_INIT;
	char *url;

	sb_addf(&file, "%s%s", stem, suffix);
	url = url_of(base, file.buf);
	xmlTextWriterStartElement(w, BAD_CAST name);
	attr(w, "url", url);
	attr(w, "type", type);
	xmlTextWriterEndElement(w);
	free(url);
	sb_release(&file);
}

static void person(xmlTextWriterPtr w, const char *role, const char *name)
{
	if (!name)
		return;
	xmlTextWriterStartElement(w, BAD_CAST "podcast:person");
	attr(w, "role", role);
	string(w, name);
	xmlTextWriterEndElement(w);
}

static void item(xmlTextWriterPtr w, const struct item *it, const char *base)
{
	json_t *m = it->meta;
	char date[40], number[32], *mp3_url;
	struct sb mp3 = SB_INIT, guid = SB_INIT;
	double duration = json_number_value(json_object_get(m, "duration"));

	sb_addf(&mp3, "%s.mp3", it->stem);
	mp3_url = url_of(base, mp3.buf);
	xmlTextWriterStartElement(w, BAD_CAST "item");
	element(w, "title", str(m, "title"));
	element(w, "description", str(m, "description") ? str(m, "description") : str(m, "title"));
	/* A guid must not change when the episode is rendered again. */
	{
		/* a name XML cannot carry as it is gives its bytes escaped, so
		 * that two such names never share a guid */
		char *safe = util_text_safe(it->stem);
		char *id = strcmp(safe, it->stem) ? util_url_escape(it->stem) : xstrdup(it->stem);

		sb_addf(&guid, "%s/%s", str(json_object_get(m, "show"), "name") ?
			str(json_object_get(m, "show"), "name") : "colloquy", id);
		free(safe);
		free(id);
	}
	xmlTextWriterStartElement(w, BAD_CAST "guid");
	attr(w, "isPermaLink", "false");
	string(w, guid.buf);
	xmlTextWriterEndElement(w);
	rfc822(str(m, "date"), date);
	element(w, "pubDate", date);
	xmlTextWriterStartElement(w, BAD_CAST "enclosure");
	attr(w, "url", mp3_url);
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST "length", "%lld", it->bytes);
	attr(w, "type", "audio/mpeg");
	xmlTextWriterEndElement(w);
	xmlTextWriterWriteFormatElement(w, BAD_CAST "itunes:duration", "%ld", (long)(duration + 0.5));
	if (json_integer_value(json_object_get(m, "episode"))) {
		snprintf(number, sizeof(number), "%lld", (long long)json_integer_value(json_object_get(m, "episode")));
		element(w, "itunes:episode", number);
		element(w, "podcast:episode", number);
	}
	if (json_integer_value(json_object_get(m, "season"))) {
		snprintf(number, sizeof(number), "%lld", (long long)json_integer_value(json_object_get(m, "season")));
		element(w, "itunes:season", number);
		element(w, "podcast:season", number);
	}
	link_element(w, "podcast:chapters", base, it->stem, ".chapters.json", "application/json+chapters");
	link_element(w, "podcast:transcript", base, it->stem, ".vtt", "text/vtt");
	link_element(w, "podcast:transcript", base, it->stem, ".srt", "application/srt");
	link_element(w, "podcast:transcript", base, it->stem, ".json", "application/json");
	person(w, "host", str(m, "host"));
	person(w, "guest", str(m, "guest"));
	xmlTextWriterEndElement(w);
	free(mp3_url);
	sb_release(&mp3);
	sb_release(&guid);
}

int feed_write(const char *outdir, int quiet)
{
	struct item *items;
	size_t n;
	xmlBufferPtr buf;
	xmlTextWriterPtr w;
	json_t *show;
	char *path;
	struct util_part part;
	int ret;

	if (load_items(outdir, &items, &n) < 0)
		return -1;
	if (!n) {
		free(items);
		return error("no episodes in '%s' (NAME.mp3 with NAME.episode.json): render some first", outdir);
	}
	/* The show as the newest episode gives each of its fields. */
	show = json_object();
	for (size_t i = 0; i < n; i++) {
		const char *key;
		json_t *value, *from = json_object_get(items[i].meta, "show");

		json_object_foreach(from, key, value)
			if (!json_is_null(value) && !json_object_get(show, key))
				json_object_set(show, key, value);
	}
	buf = xmlBufferCreate();
	w = xmlNewTextWriterMemory(buf, 0);
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
	xmlTextWriterStartElement(w, BAD_CAST "rss");
	attr(w, "version", "2.0");
	attr(w, "xmlns:itunes", ITUNES_NS);
	attr(w, "xmlns:podcast", PODCAST_NS);
	xmlTextWriterStartElement(w, BAD_CAST "channel");
	channel(w, show, str(items[0].meta, "title"));
	for (size_t i = 0; i < n; i++)
		item(w, &items[i], str(json_object_get(items[i].meta, "show"), "url"));
	xmlTextWriterEndElement(w);
	xmlTextWriterEndElement(w);
	xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);

	path = util_path_join(outdir, "feed.xml");
	part.data = xmlBufferContent(buf);
	part.len = (size_t)xmlBufferLength(buf);
	{
		struct stat st;

		/* as render does for an episode: a read-only feed is the user's to keep */
		if (stat(path, &st) == 0 && (!S_ISREG(st.st_mode) || !(st.st_mode & 0222) || access(path, W_OK) < 0))
			ret = error("will not replace '%s': it is %s", path,
				    S_ISREG(st.st_mode) ? "read-only" : "not a regular file");
		else
			ret = util_write_atomic(path, &part, 1);
	}
	if (ret == 0 && !quiet)
		printf("%s: %zu episode%s\n", path, n, n == 1 ? "" : "s");
	if (ret == 0 && !str(show, "url"))
		warning("'%s': the show has no url, so enclosures are bare file names; set url in show.ini", path);
	free(path);
	xmlBufferFree(buf);
	json_decref(show);
	for (size_t i = 0; i < n; i++) {
		free(items[i].stem);
		json_decref(items[i].meta);
	}
	free(items);
	return ret;
}
