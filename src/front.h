/* front.h -- a transcript's front matter: the episode's own metadata in a
 * block at the top of the file, as blogs and static sites write it.
 *     ---                               +++
 *     title: Keeping the Light          title = "Keeping the Light"
 *     date: 2024-05-01T09:30:00+02:00   date = 2024-05-01
 *     layout: post                      +++
 *     tags: [lighthouses, islands]
 *     ---
 * YAML between "---" lines is read with libyaml; TOML between "+++" lines
 * is read for its plain "key = value" lines.  A block of lowercase
 * "key: value" lines at the very top, ended by a blank line, with title or
 * layout and another key only a publishing system writes, is front matter
 * whose "---" lines an export lost, and is read the same way.  Of the keys, title, date (any
 * ISO 8601 form, or YYYY-MM-DD followed by a time), author, description (or
 * summary, subtitle, excerpt), host (or interviewer), guest (or
 * interviewee), episode and season are used; every other key
 * belongs to the user's publishing system and is ignored.  Pure, no I/O
 * but the warning for a value it passes over. */
#ifndef COLLOQUY_FRONT_H
#define COLLOQUY_FRONT_H

#include <stddef.h>

struct front {
	char *title;
	char *date;          /* YYYY-MM-DD */
	char *author;
	char *host, *guest;  /* who asks and who answers, by name */
	char *description;
	int episode, season; /* 0 when not given */
	char *fallback_title;    /* a title for when the text shows none (a
				    page's <title>), or NULL */
};

/* Read front matter at the start of data (after a BOM) into fm (zeroed
 * first) and set *body to the offset of the text after it (0 when there is
 * none).  Front matter that is not YAML, and a date, episode or season
 * colloquy cannot read, are passed over with a warning naming the line.
 * Returns 0, or -1 after one message when the block is never closed. */
int front_parse(const char *name, const char *data, size_t len, struct front *fm, size_t *body);
void front_release(struct front *fm);

/* Fill what fm lacks from more (a page's own metadata under the front
 * matter's), then release more. */
void front_merge(struct front *fm, struct front *more);

/* An ISO 8601 date or date-time ("2008-09-10T09:36:22+00:00"), or a date
 * as people write it ("March 2, 2023"): its YYYY-MM-DD into out, and 1;
 * else 0. */
int front_read_date(const char *s, char out[11]);
int front_read_written_date(const char *s, char out[11]);

#endif
