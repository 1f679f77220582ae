/* html.h -- a saved web page, or an article's HTML fragment, read as the
 * paragraphs a reader sees.
 *
 * libxml2's HTML parser builds the tree (entities decoded, tag soup
 * mended).  What a reader never sees is left out: script, style, nav,
 * aside, form, noscript, templates, embedded media, figure captions, a
 * page's own header and footer (those outside its article or main), and
 * elements hidden (the hidden attribute, aria-hidden, display:none) or
 * marked as a page's chrome by their class or id (share, related,
 * comments, newsletter, breadcrumb, cookie, advert ...).  Paragraphs,
 * headings, list items, table cells, block quotes and each <br> line
 * become paragraphs with their source line; headings and list items say
 * so, bold stays bold ("**...**"), and a paragraph that is mostly link
 * text says so.  The title is og:title, else the first <h1>, else
 * <title>; the author comes from the author meta tags, the date from
 * article:published_time or the first <time>, the description from the
 * description meta tags. */
#ifndef COLLOQUY_HTML_H
#define COLLOQUY_HTML_H

#include <stddef.h>

#include "clean.h"
#include "front.h"

/* Is data (from a file called name) HTML: a .html or .htm name, or a
 * document that opens with a doctype or <html>, or a fragment that is
 * mostly block tags? */
int html_detect(const char *name, const char *data, size_t len);

/* The character set an HTML page names for itself in its first bytes
 * (<meta charset="...">, or the http-equiv content type), in a static
 * buffer, or NULL. */
const char *html_declared_charset(const char *data, size_t len);

/* Read the UTF-8 page data into t (paragraphs, as clean_text gives them)
 * and meta (title, author, date, description; the rest zero).  Returns
 * 0, or -1 after one message naming the file. */
int html_read(const char *name, const char *data, size_t len, struct text *t, struct front *meta);

#endif
