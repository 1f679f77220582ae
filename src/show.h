/* show.h -- the show an episode belongs to, from its show file.
 *     [show]
 *     name = Keeping the Light       spoken at the start, the album tag
 *     author = Harbour Radio         the artist tag
 *     description = Interviews from the coast.
 *     language = en
 *     url = https://example.org/podcast    where the episodes are published
 *     email = editor@example.org     the feed owner's
 *     category = Society & Culture   an Apple Podcasts category
 *     explicit = false
 *     artwork = cover.jpg            square JPEG or PNG, beside the show file
 *     intro_music = intro.flac       any file libsndfile reads; see master.h
 *     outro_music = outro.wav
 *     sting = sting.ogg              between chapters
 *     voice.Ada Stone = narrator     Ada Stone speaks with narrator.ini
 *     gender.Ben Okafor = male       a voice of that gender for Ben
 * The file is --show FILE, else show.ini beside the transcript; without
 * one, an episode is its own show (named after the title).  Errors name
 * the file and line. */
#ifndef COLLOQUY_SHOW_H
#define COLLOQUY_SHOW_H

#include <stdio.h>

#include "voice.h"

struct show {
	char *name;
	char *author;
	char *description;
	char *language;
	char *url;
	char *email;
	char *category;
	char *artwork;       /* paths: relative ones resolved against the show file */
	char *intro_music, *outro_music, *sting;
	int explicit_;
	struct cast_hint *cast;   /* voice.NAME = PROFILE, gender.NAME = female */
	size_t ncast;
};

/* Read path into sh (zeroed first).  Returns 0, or -1 after one message. */
int show_load(const char *path, struct show *sh);
/* The same from an open file; path names it and anchors relative files. */
int show_read(const char *path, FILE *f, struct show *sh);
void show_release(struct show *sh);

#endif
