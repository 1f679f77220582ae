/* show.c -- see show.h. */
#include "show.h"

#include <errno.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf.h"
#include "util.h"

struct state {
	struct show *sh;
	FILE *f;
	int line;
	char *bad;
};

static int on_key(void *user, const char *section, const char *key, const char *value, int line)
{
	struct state *st = user;
	char **field = NULL;
	struct sb msg = SB_INIT;

	static const struct {
		const char *key;
		size_t off;
	} keys[] = {
		{ "name", offsetof(struct show, name) },
		{ "author", offsetof(struct show, author) },
		{ "description", offsetof(struct show, description) },
		{ "language", offsetof(struct show, language) },
		{ "url", offsetof(struct show, url) },
		{ "email", offsetof(struct show, email) },
		{ "category", offsetof(struct show, category) },
		{ "artwork", offsetof(struct show, artwork) },
		{ "intro_music", offsetof(struct show, intro_music) },
		{ "outro_music", offsetof(struct show, outro_music) },
		{ "sting", offsetof(struct show, sting) },
	};

	(void)line;	/* conf_parse() names the line of a refused key */
	if (strcmp(section, "show")) {
		sb_addf(&msg, "section [%s] is not [show]", section);
	} else if ((!strncmp(key, "voice.", 6) && key[6]) || (!strncmp(key, "gender.", 7) && key[7])) {
		/* a speaker's voice: "voice.Ada Stone = narrator", "gender.Ben = male" */
		int voice = key[0] == 'v';
		const char *who = key + (voice ? 6 : 7);
		struct cast_hint *h = NULL;

		for (size_t i = 0; i < st->sh->ncast && !h; i++)
			if (!strcasecmp(st->sh->cast[i].speaker, who))
				h = &st->sh->cast[i];
		if (!h) {
			st->sh->cast = xrealloc(st->sh->cast, (st->sh->ncast + 1) * sizeof(*st->sh->cast));
			h = &st->sh->cast[st->sh->ncast++];
			memset(h, 0, sizeof(*h));
			h->speaker = xstrdup(who);
		}
		if (voice) {
			free((char *)h->profile);
			h->profile = xstrdup(value);
			return 1;
		}
		h->gender = voice_parse_gender(value);
		if (h->gender)
			return 1;
		sb_addf(&msg, "%s '%s' is not female or male", key, value);
	} else if (!strcmp(key, "explicit")) {
		if (strcmp(value, "true") && strcmp(value, "false"))
			sb_addf(&msg, "explicit '%s' is not true or false", value);
		else
			st->sh->explicit_ = !strcmp(value, "true");
		if (!msg.len)
			return 1;
	} else {
		for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]) && !field; i++)
			if (!strcmp(key, keys[i].key))
				field = (char **)((char *)st->sh + keys[i].off);
		if (!field)
			sb_addf(&msg, "unknown key '%s' (keys: name, author, description, language, "
				"url, email, category, explicit, artwork, intro_music, outro_music, sting, "
				"voice.NAME, gender.NAME)", key);
	}
	if (field) {
		free(*field);
		*field = xstrdup(value);
		return 1;
	}
	if (!st->bad)
		st->bad = sb_detach(&msg, NULL);
	sb_release(&msg);
	return 0;
}

static void resolve(const char *show_path, char **file)
{
	struct sb full = SB_INIT;

	if (!*file || (*file)[0] == '/' || !strrchr(show_path, '/'))
		return;
	sb_add(&full, show_path, (size_t)(strrchr(show_path, '/') - show_path + 1));
	sb_addstr(&full, *file);
	free(*file);
	*file = sb_detach(&full, NULL);
}

int show_read(const char *path, FILE *f, struct show *sh)
{
	struct state st = { sh, f, 0, NULL };
	char *why;
	int line;

	memset(sh, 0, sizeof(*sh));
	line = conf_parse(f, on_key, &st, &why);
	if (line) {
		if (line < 0)
			error("cannot read '%s': %s", path, why);
		else
			error("'%s' line %d: %s", path, line, st.bad ? st.bad : why);
		free(st.bad);
		free(why);
		show_release(sh);
		return -1;
	}
	/* files are named relative to the show file */
	resolve(path, &sh->artwork);
	resolve(path, &sh->intro_music);
	resolve(path, &sh->outro_music);
	resolve(path, &sh->sting);
	return 0;
}

int show_load(const char *path, struct show *sh)
{
	FILE *f = fopen(path, "r");
	int ret;

	memset(sh, 0, sizeof(*sh));
	if (!f)
		return error("cannot read '%s': %s", path, strerror(errno));
	ret = show_read(path, f, sh);
	fclose(f);
	return ret;
}

void show_release(struct show *sh)
{
	free(sh->name);
	free(sh->author);
	free(sh->description);
	free(sh->language);
	free(sh->url);
	free(sh->email);
	free(sh->category);
	free(sh->artwork);
	free(sh->intro_music);
	free(sh->outro_music);
	free(sh->sting);
	for (size_t i = 0; i < sh->ncast; i++) {
		free((char *)sh->cast[i].speaker);
		free((char *)sh->cast[i].profile);
	}
	free(sh->cast);
	memset(sh, 0, sizeof(*sh));
}
