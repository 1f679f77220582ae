/* voice.c -- see voice.h. */
#include "voice.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct parse_state {
	struct voice *v;
	char *bad;           /* first problem, for the message */
};

static int parse_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (!*s || *end || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

static int on_key(void *user, const char *section, const char *key, const char *value)
{
	static const struct {
		const char *key;
		int lo, hi;
		size_t off;
	} ints[] = {
		{ "wpm", 80, 450, offsetof(struct voice, wpm) },
		{ "pitch", 0, 100, offsetof(struct voice, pitch) },
		{ "range", 0, 100, offsetof(struct voice, range) },
		{ "volume", 0, 200, offsetof(struct voice, volume) },
		{ "word_gap", 0, 100, offsetof(struct voice, word_gap) },
	};
	struct parse_state *st = user;
	struct voice *v = st->v;
	struct sb msg = SB_INIT;

	if (strcmp(section, "voice")) {
		sb_addf(&msg, "section [%s] is not [voice]", section);
		goto bad;
	}
	if (!strcmp(key, "espeak")) {
		free(v->espeak);
		v->espeak = xstrdup(value);
		if (!*value) {
			sb_addstr(&msg, "espeak needs a voice name");
			goto bad;
		}
		return 1;
	}
	if (!strcmp(key, "variant")) {
		free(v->variant);
		v->variant = xstrdup(value);
		return 1;
	}
	if (!strcmp(key, "pause_ms")) {
		int ms;
		if (parse_int(value, 0, 10000, &ms) < 0) {
			sb_addf(&msg, "pause_ms '%s' is not a number from 0 to 10000", value);
			goto bad;
		}
		v->pause_ms = (unsigned)ms;
		return 1;
	}
	for (size_t i = 0; i < sizeof(ints) / sizeof(ints[0]); i++) {
		if (strcmp(key, ints[i].key))
			continue;
		if (parse_int(value, ints[i].lo, ints[i].hi, (int *)((char *)v + ints[i].off)) < 0) {
			sb_addf(&msg, "%s '%s' is not a number from %d to %d", key, value,
				ints[i].lo, ints[i].hi);
			goto bad;
		}
		return 1;
	}
	sb_addf(&msg, "unknown key '%s' (keys: espeak, variant, wpm, pitch, range, volume, word_gap, pause_ms)", key);
bad:
	if (!st->bad)
		st->bad = sb_detach(&msg, NULL);
	sb_release(&msg);
	return 0;
}

static int voice_load(const char *path, struct voice *v)
{
	struct parse_state st = { v, NULL };
	int line;

	memset(v, 0, sizeof(*v));
	v->name = util_stem(path);
	v->path = xstrdup(path);
	v->espeak = xstrdup("en-us");
	v->variant = xstrdup("");
	v->wpm = 165;
	v->pitch = 50;
	v->range = 50;
	v->volume = 100;
	v->pause_ms = 450;
	line = ini_parse(path, on_key, &st);
	if (line < 0)
		return error("cannot read '%s': %s", path, strerror(errno));
	if (line > 0) {
		error("'%s' line %d: %s", path, line, st.bad ? st.bad : "not a key = value line");
		free(st.bad);
		return -1;
	}
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void voice_release(struct voice *v)
{
	free(v->name);
	free(v->path);
	free(v->espeak);
	free(v->variant);
}

static const struct voice *find(const struct voiceset *vs, const char *name)
{
	for (size_t i = 0; i < vs->n; i++) {
		const char *a = vs->v[i].name, *b = name;

		/* "Jane Roe" matches jane-roe.ini */
		while (*a && *b && tolower((unsigned char)*a) ==
		       (*b == ' ' ? '-' : tolower((unsigned char)*b))) {
			a++;
			b++;
		}
		if (!*a && !*b)
			return &vs->v[i];
	}
	return NULL;
}

int voices_load(const char *dir, struct voiceset *vs)
{
	char **names = NULL;
	size_t n = 0, alloc = 0;
	struct dirent *de;
	DIR *d;
	int ret = 0;

	memset(vs, 0, sizeof(*vs));
	d = opendir(dir);
	if (!d)
		return error("cannot open voices folder '%s': %s", dir, strerror(errno));
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		if (len > 4 && de->d_name[0] != '.' && !strcmp(de->d_name + len - 4, ".ini")) {
			XGROW(names, alloc, n + 1);
			names[n++] = util_path_join(dir, de->d_name);
		}
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_names);
	for (size_t i = 0; i < n && !ret; i++) {
		XGROW(vs->v, vs->alloc, vs->n + 1);
		if (voice_load(names[i], &vs->v[vs->n]) < 0) {
			voice_release(&vs->v[vs->n]);
			ret = -1;
		} else {
			vs->n++;
		}
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (!ret && (!find(vs, "host") || !find(vs, "guest")))
		ret = error("voices folder '%s' needs host.ini and guest.ini", dir);
	if (ret)
		voices_release(vs);
	return ret;
}

void voices_release(struct voiceset *vs)
{
	for (size_t i = 0; i < vs->n; i++)
		voice_release(&vs->v[i]);
	free(vs->v);
	memset(vs, 0, sizeof(*vs));
}

const struct voice *voices_for(const struct voiceset *vs, const struct segment *seg)
{
	const struct voice *v = find(vs, seg->speaker);

	if (v)
		return v;
	return find(vs, seg->role == ROLE_ANSWER ? "guest" : "host");
}
