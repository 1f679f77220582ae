/* conf.h -- the INI files a user writes: show.ini, the voice profiles and
 * pacing.ini.
 * In:  a stream of UTF-8 text.
 * Out: each key's value, through a handler, once the value is whole.
 * The format, as the README gives it:
 *   [section]
 *   key = value            # a '#' after a space or a tab starts a comment
 *       more of the value  (an indented line goes on with the value above,
 *                           joined with one space)
 *   # a comment line       (or '; a comment line')
 * A ';' inside a value is part of it; lines may be of any length; a UTF-8
 * byte order mark and CRLF line ends are fine.  Control characters (tab
 * aside) and bytes that are not UTF-8 are refused: values go into XML and
 * ID3 tags as they are.
 * Errs: conf_parse() returns the first bad line, with *why (caller frees)
 *       saying what is wrong; a handler refuses a value by returning 0
 *       and saying why itself. */
#ifndef COLLOQUY_CONF_H
#define COLLOQUY_CONF_H

#include <stdio.h>

/* Called with the key's line; return 1 to go on, 0 to stop there. */
typedef int (*conf_handler)(void *user, const char *section, const char *key, const char *value, int line);

/* 0 when every line was read and taken, else the number of the first bad
 * line (for a value over several lines, its key's line); a read error is
 * line -1. */
int conf_parse(FILE *f, conf_handler handler, void *user, char **why);

#endif
