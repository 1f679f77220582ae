/* show.c -- see show.h. */
#include "show.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct state {
	struct show *sh;
	FILE *f;
	int line;
	char *bad;
};

/* inih does not pass line numbers to the handler; reading for it does. */
static char *read_line(char *str, int num, void *stream)
{
	struct state *st = stream;
	char *r = fgets(str, num, st->f);

	if (r)
		st->line++;
	return r;
}

static int on_key(void *user, const char *section, const char *key, const char *value)
{
	struct state *st = user;
	char **field = NULL;
	struct sb msg = SB_INIT;

	if (strcmp(section, "show"))
		sb_addf(&msg, "section [%s] is not [show]", section);
	else if (!strcmp(key, "name"))
		field = &st->sh->name;
	else if (!strcmp(key, "author"))
		field = &st->sh->author;
	else
		sb_addf(&msg, "unknown key '%s' (keys: name, author)", key);
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

int show_load(const char *path, struct show *sh)
{
	struct state st = { sh, NULL, 0, NULL };
	int line;

	memset(sh, 0, sizeof(*sh));
	st.f = fopen(path, "r");
	if (!st.f)
		return error("cannot read '%s': %s", path, strerror(errno));
	line = ini_parse_stream(read_line, &st, on_key, &st);
	fclose(st.f);
	if (line > 0) {
		error("'%s' line %d: %s", path, line, st.bad ? st.bad : "not a key = value line");
		free(st.bad);
		show_release(sh);
		return -1;
	}
	return 0;
}

void show_release(struct show *sh)
{
	free(sh->name);
	free(sh->author);
	memset(sh, 0, sizeof(*sh));
}
