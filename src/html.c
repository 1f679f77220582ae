/* html.c -- see html.h. */
#include "html.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "util.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Elements whose text a reader never sees, or that are never the talk. */
static const char *const skipped[] = {
	"script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
	"textarea", "svg", "canvas", "iframe", "object", "embed", "video", "audio", "figcaption",
	"head", "dialog", "menu",
};

/* Elements that break the text into blocks. */
static const char *const blocks[] = {
	"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "section", "article",
	"main", "body", "ul", "ol", "dl", "dt", "dd", "table", "tbody", "thead", "tr", "td", "th",
	"pre", "figure", "header", "footer", "address", "hr", "center", "details", "summary",
	"caption",
};

/* Words of a class or id that mark a page's chrome. */
static const char *const chrome_words[] = {
	"share", "sharing", "social", "related", "comment", "comments", "newsletter", "subscribe",
	"subscription", "sidebar", "breadcrumb", "breadcrumbs", "cookie", "cookies", "consent",
	"advert", "advertisement", "ad", "ads", "promo", "sponsor", "sponsored", "popup", "modal",
	"nav", "navbar", "navigation", "menu", "masthead", "skip", "byline", "tags", "pagination",
	"pager", "widget", "signup", "toolbar", "sr", "visually", "outbrain", "taboola", "hidden",
	/* publishing systems' plugins for the same */
	"relatedposts", "yarpp", "sharedaddy", "addtoany", "sharethis", "addthis", "disqus", "adsbygoogle",
};

/* ARIA roles of what is not the article. */
static const char *const chrome_roles[] = {
	"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
	"menu", "menubar",
};

struct walk {
	struct gather g;
	int in_article;      /* inside <article> or <main> */
	char *h1;            /* the first <h1>'s text */
	size_t page_text;    /* bytes of text in the whole page */
	xmlNode *chrome;     /* a container just left out by its class, id or role */
};

static int in_list(const char *w, size_t len, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(list[i]) == len && !strncasecmp(list[i], w, len))
			return 1;
	return 0;
}

static int named(const xmlNode *node, const char *const *list, size_t n)
{
	return in_list((const char *)node->name, strlen((const char *)node->name), list, n);
}

/* Class names a publishing system gives a post for its own terms
 * ("tag-cookies", "category-social-media", "has-share-buttons"): they
 * say what the post is about, not that it is chrome. */
static const char *const term_prefixes[] = {
	"tag-", "tag_", "category-", "cat-", "term-", "has-", "no-", "post-", "format-", "type-", "status-",
	"single-", "page-", "ast-", "wp-",
};

/* Words of a class name that say it holds the article, whatever else
 * it says ("newsletter-post", "entry-content"). */
static const char *const content_words[] = {
	"post", "article", "content", "entry", "body", "story", "text", "main", "transcript", "interview",
};

/* Does an attribute of node hold a name (class, id: names split at
 * spaces, their words at '-' and '_') with a word of list and none of
 * content_words? */
static int attr_words(xmlNode *node, const char *attr, const char *const *list, size_t n)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)attr);
	int hit = 0;

	if (!v)
		return 0;
	for (const char *p = (const char *)v; *p && !hit;) {
		size_t len = strcspn(p, " \t\n");
		int listed = 0, content = 0;

		for (size_t i = 0; i < COUNT(term_prefixes); i++)
			if (len > strlen(term_prefixes[i]) && !strncasecmp(p, term_prefixes[i], strlen(term_prefixes[i])))
				content = 1;

		for (const char *w = p; w < p + len;) {
			size_t wl = strcspn(w, "-_ \t\n");

			if (w + wl > p + len)
				wl = (size_t)(p + len - w);
			listed |= wl && in_list(w, wl, list, n);
			content |= wl && in_list(w, wl, content_words, COUNT(content_words));
			w += wl;
			w += w < p + len;
		}
		hit = listed && !content;
		p += len;
		p += *p != '\0';
	}
	xmlFree(v);
	return hit;
}

static int attr_is(xmlNode *node, const char *attr, const char *value)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)attr);
	int hit = v && !strcasecmp((const char *)v, value);

	xmlFree(v);
	return hit;
}

/* The bytes of text under node, up to limit. */
static size_t text_size(const xmlNode *node, size_t limit)
{
	size_t n = 0;

	for (const xmlNode *c = node->children; c && n < limit;) {
		if (c->type == XML_TEXT_NODE && c->content)
			n += strlen((const char *)c->content);
		if (c->type == XML_ELEMENT_NODE && c->children) {
			c = c->children;
			continue;
		}
		while (c && !c->next && c != node)
			c = c->parent;
		if (!c || c == node)
			break;
		c = c->next;
	}
	return n;
}

/* Elements that hold the text itself: their class says how it looks, not
 * that it is chrome. */
static const char *const text_blocks[] = {
	"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "td", "th", "dt", "dd", "pre",
	"body", "html", "main", "article",
};

/* Hidden from a reader, or the page's chrome by its markup?  A class, id
 * or role marks only a container that does not hold most of the page's
 * text (a theme's "no-sidebar" on the wrapper of everything). */
static int unseen(struct walk *w, xmlNode *node)
{
	xmlChar *style;
	int hidden = 0;

	if (named(node, skipped, COUNT(skipped)))
		return 1;
	/* the site's header and footer, not the article's own */
	if (!w->in_article && (!strcmp((const char *)node->name, "header") || !strcmp((const char *)node->name, "footer")))
		return 1;
	if (xmlHasProp(node, (const xmlChar *)"hidden") || attr_is(node, "aria-hidden", "true"))
		return 1;
	if ((style = xmlGetProp(node, (const xmlChar *)"style")) != NULL) {
		char *s = (char *)style, *q = s;

		for (char *p = s; *p; p++)	/* "display : none" as "display:none" */
			if (!isspace((unsigned char)*p))
				*q++ = (char)tolower((unsigned char)*p);
		*q = '\0';
		hidden = strstr(s, "display:none") || strstr(s, "visibility:hidden");
		xmlFree(style);
		if (hidden)
			return 1;
	}
	if (named(node, text_blocks, COUNT(text_blocks)))
		return 0;
	if (attr_words(node, "role", chrome_roles, COUNT(chrome_roles)) ||
	    attr_words(node, "class", chrome_words, COUNT(chrome_words)) ||
	    attr_words(node, "id", chrome_words, COUNT(chrome_words))) {
		size_t n = text_size(node, w->page_text / 3 + 1);

		if (n * 3 > w->page_text)
			return 0;	/* the page itself, in a wrapper with a misleading name */
		if (n)
			w->chrome = node;	/* its text is said to be dropped */
		return 1;
	}
	return 0;
}

/* What leaving an element undoes. */
struct frame {
	const char *mark;    /* "**" or "*" to close, or NULL */
	size_t at;           /* where the mark opened */
	unsigned flags;      /* the block flags to restore */
	int block, article, link;
};

/* Enter element node: a block ends the one before, bold and italics open
 * a mark, a link counts its text.  Fills f with what leaving undoes. */
static void enter(struct walk *w, xmlNode *node, struct frame *f)
{
	const char *name = (const char *)node->name;

	memset(f, 0, sizeof(*f));
	if (named(node, blocks, COUNT(blocks))) {
		f->block = 1;
		f->flags = w->g.flags;
		f->article = !strcmp(name, "article") || !strcmp(name, "main");
		gather_block(&w->g);
		if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2])
			w->g.flags = CLEAN_HEADING | (name[1] == '1' ? CLEAN_H1 : 0);
		else if (!strcmp(name, "li") || !strcmp(name, "dt") || !strcmp(name, "dd"))
			w->g.flags = CLEAN_LIST;
		w->in_article += f->article;
	} else if (!strcmp(name, "strong") || !strcmp(name, "b")) {
		f->mark = "**";
	} else if (!strcmp(name, "em") || !strcmp(name, "i")) {
		f->mark = "*";
	} else if (!strcmp(name, "a")) {
		f->link = 1;
		w->g.in_link++;
	} else if (!strcmp(name, "time") || !strcmp(name, "button") || !strcmp(name, "label")) {
		gather_text(&w->g, " ", 1, 0);	/* "Lukas Meier<time>Apr 3" are two */
	}
	if (f->mark)
		f->at = gather_mark(&w->g, f->mark);
}

static void leave(struct walk *w, xmlNode *node, const struct frame *f)
{
	const char *name = (const char *)node->name;

	if (f->mark)
		gather_unmark(&w->g, f->at, f->mark);
	if (f->link)
		w->g.in_link--;
	if (!strcmp(name, "time") || !strcmp(name, "button") || !strcmp(name, "label"))
		gather_text(&w->g, " ", 1, 0);
	if (f->block) {
		gather_block(&w->g);
		w->in_article -= f->article;
		w->g.flags = f->flags;
		if (!strcmp(name, "h1") && !w->h1) {
			xmlChar *s = xmlNodeGetContent(node);

			if (s) {
				w->h1 = xstrdup((const char *)s);
				xmlFree(s);
			}
		}
	}
}

/* Walk the tree under root in document order, without recursion: a page
 * of unclosed <font> tags nests thousands deep. */
static void walk(struct walk *w, xmlNode *root)
{
	struct frame *stack = NULL;
	size_t depth = 0, alloc = 0;
	xmlNode *node = root->children;

	while (node) {
		int descend = 0;

		if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
			if (node->content)
				gather_text(&w->g, (const char *)node->content, strlen((const char *)node->content),
					    (int)xmlGetLineNo(node));
		} else if (node->type == XML_ELEMENT_NODE && !strcmp((const char *)node->name, "br")) {
			gather_line(&w->g);
		} else if (node->type == XML_ELEMENT_NODE && !unseen(w, node)) {
			XGROW(stack, alloc, depth + 1);
			enter(w, node, &stack[depth++]);
			descend = 1;
		} else if (node->type == XML_ELEMENT_NODE && w->chrome == node) {
			xmlChar *said = xmlNodeGetContent(node);	/* say what was left out */

			if (said)
				clean_add_dropped(w->g.t, (const char *)said);
			xmlFree(said);
			w->chrome = NULL;
		}
		if (descend && node->children) {
			node = node->children;
			continue;
		}
		if (descend)
			leave(w, node, &stack[--depth]);
		/* up to the next sibling, leaving each element on the way */
		while (node && !node->next) {
			node = node->parent;
			if (!node || node == root) {
				node = NULL;
				break;
			}
			leave(w, node, &stack[--depth]);
		}
		if (node)
			node = node->next;
	}
	free(stack);
}

/* Set *field to s, folded to single spaces and trimmed, unless set. */
static void take(char **field, const char *s)
{
	struct sb sb = SB_INIT;

	if (*field || !s)
		return;
	for (; *s; s++) {
		char c = isspace((unsigned char)*s) ? ' ' : *s;

		if (c == ' ' && (!sb.len || sb.buf[sb.len - 1] == ' '))
			continue;
		sb_addch(&sb, c);
	}
	while (sb.len && sb.buf[sb.len - 1] == ' ')
		sb.buf[--sb.len] = '\0';
	if (sb.len)
		*field = sb_detach(&sb, NULL);
	else
		sb_release(&sb);
}

struct meta_found {
	char *og_title, *title, *author, *date, *time, *description;
};

static void find_meta(xmlNode *node, struct meta_found *m, int depth)
{
	for (; node && depth < 200; node = node->next) {
		const char *name = (const char *)node->name;

		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (!strcmp(name, "meta")) {
			xmlChar *key = xmlGetProp(node, (const xmlChar *)"property");
			xmlChar *content = xmlGetProp(node, (const xmlChar *)"content");

			if (!key)
				key = xmlGetProp(node, (const xmlChar *)"name");
			if (key && content) {
				const char *k = (const char *)key, *v = (const char *)content;

				if (!strcasecmp(k, "og:title") || !strcasecmp(k, "twitter:title"))
					take(&m->og_title, v);
				else if (!strcasecmp(k, "author") || !strcasecmp(k, "article:author") ||
					 !strcasecmp(k, "byl") || !strcasecmp(k, "parsely-author"))
					take(&m->author, strncasecmp(v, "by ", 3) ? v : v + 3);
				else if (!strcasecmp(k, "article:published_time") || !strcasecmp(k, "date") ||
					 !strcasecmp(k, "parsely-pub-date") || !strcasecmp(k, "dc.date"))
					take(&m->date, v);
				else if (!strcasecmp(k, "description") || !strcasecmp(k, "og:description"))
					take(&m->description, v);
			}
			xmlFree(key);
			xmlFree(content);
		} else if (!strcmp(name, "title")) {
			xmlChar *s = xmlNodeGetContent(node);

			take(&m->title, (const char *)s);
			xmlFree(s);
		} else if (!strcmp(name, "time")) {
			xmlChar *s = xmlGetProp(node, (const xmlChar *)"datetime");

			take(&m->time, (const char *)s);
			xmlFree(s);
		}
		find_meta(node->children, m, depth + 1);
	}
}

/* "How Bees Winter | The Gazette": the headline without the site's name,
 * when the part before the last separator is the longer. */
static char *without_site(const char *title)
{
	static const char *const seps[] = { " | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: " };
	const char *cut = NULL;

	for (size_t i = 0; i < COUNT(seps); i++) {
		const char *p = title, *q;

		while ((q = strstr(p, seps[i])) != NULL) {
			if (!cut || q > cut)
				cut = q;
			p = q + 1;
		}
	}
	if (cut && clean_count_words(cut) < clean_count_words(title) - clean_count_words(cut) + 1 &&
	    (size_t)(cut - title) > strlen(cut))
		return xstrndup(title, (size_t)(cut - title));
	return xstrdup(title);
}

/* Does data open one of the elements every page has, in its first 64 kB? */
static int has_tags(const char *data, size_t len)
{
	static const char *const tags[] = {
		"html", "head", "body", "p", "div", "br", "span", "a", "h1", "h2", "h3", "h4", "title", "meta",
		"table", "ul", "ol", "li", "b", "i", "em", "strong", "img", "article", "section", "!doctype",
	};
	size_t n = len < 65536 ? len : 65536;

	for (const char *p = memchr(data, '<', n); p && p + 2 < data + n;
	     p = memchr(p + 1, '<', (size_t)(data + n - p - 1))) {
		const char *q = p + 1 + (p[1] == '/');

		for (size_t i = 0; i < COUNT(tags); i++) {
			size_t k = strlen(tags[i]);

			if (q + k < data + n && !strncasecmp(q, tags[i], k) && strchr(" >/\t\n", q[k]))
				return 1;
		}
	}
	return 0;
}

int html_detect(const char *name, const char *data, size_t len)
{
	const char *dot = strrchr(name, '.');
	size_t i = 0, lines = 0, tagged = 0;

	/* by its name, if it has a tag at all: a transcript saved as .html is text */
	if (dot && (!strcasecmp(dot, ".html") || !strcasecmp(dot, ".htm") || !strcasecmp(dot, ".xhtml")))
		return has_tags(data, len);
	if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3))
		i = 3;
	while (i < len && isspace((unsigned char)data[i]))
		i++;
	if (len - i >= 9 && (!strncasecmp(data + i, "<!doctype", 9) || !strncasecmp(data + i, "<html", 5)))
		return 1;
	/* a fragment: most of its lines open with a block tag */
	for (size_t at = i; at < len && lines < 400;) {
		const char *eol = memchr(data + at, '\n', len - at);
		size_t end = eol ? (size_t)(eol - data) : len, s = at;

		while (s < end && isspace((unsigned char)data[s]))
			s++;
		if (s < end) {
			lines++;
			tagged += data[s] == '<' && s + 1 < end && (isalpha((unsigned char)data[s + 1]) || data[s + 1] == '/');
		}
		at = end + 1;
	}
	return lines >= 3 && tagged * 10 >= lines * 6;
}

const char *html_declared_charset(const char *data, size_t len)
{
	static char cs[48];
	size_t n = len < 4096 ? len : 4096;
	char *head = xstrndup(data, n);
	const char *p;
	size_t k = 0;

	for (char *q = head; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	p = strstr(head, "charset=");
	if (p) {
		p += 8;
		p += *p == '"' || *p == '\'';
		while (k + 1 < sizeof(cs) && (isalnum((unsigned char)p[k]) || p[k] == '-' || p[k] == '_'))
			k++;
		memcpy(cs, p, k);
		cs[k] = '\0';
	}
	free(head);
	return k ? cs : NULL;
}

int html_read(const char *name, const char *data, size_t len, struct text *t, struct front *meta)
{
	htmlDocPtr doc;
	struct walk w;
	struct meta_found m;
	xmlNode *root;
	char date[11];

	memset(t, 0, sizeof(*t));
	memset(meta, 0, sizeof(*meta));
	if (len > (size_t)INT32_MAX)
		return error("'%s' is too large to read as HTML", name);
	doc = htmlReadMemory(data, (int)len, NULL, "UTF-8",
			     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
				     HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);	/* no cap on nesting */
	if (!doc || !(root = xmlDocGetRootElement(doc))) {
		if (doc)
			xmlFreeDoc(doc);
		return error("'%s' has no HTML that can be read", name);
	}
	memset(&m, 0, sizeof(m));
	find_meta(root, &m, 0);
	memset(&w, 0, sizeof(w));
	w.g.t = t;
	w.page_text = text_size(root, (size_t)-1);
	walk(&w, root);
	gather_block(&w.g);
	clean_finish(t);

	if (m.og_title)
		meta->title = xstrdup(m.og_title);
	else if (w.h1)
		take(&meta->title, w.h1);
	else if (m.title)	/* often the site's name: the page's headline first */
		meta->fallback_title = without_site(m.title);
	if (m.author && !strstr(m.author, "://"))
		meta->author = xstrdup(m.author);
	if ((m.date && front_read_date(m.date, date)) || (m.time && front_read_date(m.time, date)))
		meta->date = xstrdup(date);
	if (m.description)
		meta->description = xstrdup(m.description);

	free(m.og_title);
	free(m.title);
	free(m.author);
	free(m.date);
	free(m.time);
	free(m.description);
	free(w.h1);
	gather_release(&w.g);
	xmlFreeDoc(doc);
	return 0;
}
