/* show.h -- the show an episode belongs to, from its show file.
 *     [show]
 *     name = Keeping the Light       spoken at the start, the album tag
 *     author = Harbour Radio         the artist tag
 * The file is --show FILE, else show.ini beside the transcript; without
 * one, an episode is its own show (named after the title).  Errors name
 * the file and line. */
#ifndef COLLOQUY_SHOW_H
#define COLLOQUY_SHOW_H

struct show {
	char *name;
	char *author;
};

/* Read path into sh (zeroed first).  Returns 0, or -1 after one message. */
int show_load(const char *path, struct show *sh);
void show_release(struct show *sh);

#endif
