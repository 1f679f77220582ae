/* cruft.c -- see cruft.h. */
#include "cruft.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "label.h"
#include "util.h"

/* A paragraph of at most max_words words that contains one of these
 * (ASCII case folded, typographic apostrophes as ') is chrome.  The word
 * limit keeps a sentence of real speech that mentions "subscribe" or
 * "cookies" from being lost. */
static const struct {
	const char *needle;
	int max_words;
} phrases[] = {
	{ "don't show this again", 8 }, { "do not show this again", 8 },
	{ "también está disponible", 10 }, { "ir a español", 5 },
	{ "skip to content", 6 }, { "skip to main content", 6 }, { "jump to navigation", 6 },
	{ "accept all cookies", 12 }, { "we use cookies", 40 }, { "this site uses cookies", 40 },
	{ "cookie policy", 12 }, { "cookie settings", 8 }, { "manage preferences", 6 },
	{ "privacy policy", 10 }, { "terms of use", 10 }, { "terms of service", 10 },
	{ "sign up for our newsletter", 14 }, { "subscribe to our newsletter", 14 },
	{ "subscribe now", 8 }, { "subscribe to our", 10 }, { "subscribe for", 8 },
	{ "sign in", 4 }, { "log in", 4 }, { "create an account", 8 }, { "create a free account", 10 },
	{ "notify you", 14 }, { "turn on notifications", 10 }, { "allow notifications", 10 },
	{ "never miss a story", 10 }, { "get notified", 10 },
	{ "share this", 12 }, { "share on", 6 }, { "share article", 4 }, { "tweet this", 5 },
	{ "copy link", 4 }, { "email this", 4 }, { "print this", 4 },
	{ "follow us on", 10 }, { "listen on apple podcasts", 16 }, { "listen on spotify", 10 },
	{ "all rights reserved", 30 }, { "licensed under", 40 }, { "creative commons", 40 },
	{ "may not be reproduced", 40 }, { "reprinted with permission", 30 },
	{ "min read", 5 }, { "minute read", 5 }, { "listen to this article", 8 },
	{ "advertisement", 2 }, { "story continues below", 5 }, { "continued on page", 6 },
	{ "continued on next page", 6 }, { "next page", 3 }, { "(continued)", 2 },
	{ "related articles", 4 }, { "related stories", 4 }, { "related:", 20 },
	{ "read more:", 14 }, { "read more", 3 }, { "read next", 8 }, { "more from", 6 },
	{ "trending now", 8 }, { "trending:", 14 }, { "most popular", 8 }, { "recommended for you", 8 },
	{ "click here to", 12 }, { "begin transcript", 3 }, { "end transcript", 3 },
	{ "end of transcript", 4 }, { "transcript begins", 3 }, { "transcript ends", 3 },
	{ "getty images", 30 }, { "photo by", 25 }, { "photo credit", 25 }, { "(photo", 40 },
	{ "not now", 4 }, { "related posts", 3 }, { "you might also like", 6 }, { "leave a comment", 4 },
	{ "email address will not be published", 20 }, { "required fields are marked", 12 },
	{ "was this article helpful", 6 }, { "share your feedback", 8 }, { "transcript", 1 },
	{ "share this article", 12 }, { "this transcript has been edited", 20 },
	{ "post a comment", 4 }, { "no comments:", 3 }, { "may post a comment", 14 },
	{ "browse content similar to", 30 }, { "this episode is sponsored by", 120 },
	{ "this episode is brought to you by", 120 }, { "video courtesy", 40 }, { "photo courtesy", 40 },
	{ "photos courtesy", 40 }, { "image courtesy", 40 }, { "footage courtesy", 40 },
	{ "subscribe to: post comments", 8 },
};

/* Headings after which a page lists links to other articles. */
static const char *const link_list_heads[] = {
	"links mentioned", "mentioned in this episode", "show links", "resources mentioned",
	"related posts", "related articles", "related stories", "read more", "read next",
	"more from", "you might also like", "recommended", "most popular", "more stories",
	"useful links", "links", "further reading", "show notes", "episode links",
};

/* Words that open a caption, a copyright line or a byline. */
static const char *const caption_openers[] = {
	"photo:", "image:", "photograph:", "caption:", "credit:", "illustration:",
	"pictured:", "pictured above", "pictured below", "photos:", "video:",
};
static const char *const byline_openers[] = {
	"by ", "written by ", "interview by ", "reporting by ", "posted by ", "story by ",
	"words by ", "interviewed by ", "edited by ",
};
static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr",
	"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
};
static const char *const date_words[] = {
	"updated", "published", "posted", "modified", "last", "on", "at", "am", "pm",
	"edt", "est", "pdt", "pst", "utc", "gmt", "bst", "cet", "et", "pt", "ct", "mt", "cest", "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed",
	"thu", "fri", "sat", "sun",
};
/* Stage directions, said of the speakers rather than by them. */
static const char *const directions[] = {
	"laughs", "laughter", "laughing", "chuckles", "chuckling", "giggles", "sighs",
	"pause", "pauses", "long pause", "crosstalk", "inaudible", "unintelligible",
	"applause", "nods", "smiles", "coughs", "clears throat", "both laugh", "music",
	"silence", "indistinct", "overlapping", "audience laughs", "background noise",
	"ad break", "midroll", "mid-roll", "break", "commercial break", "sponsor message",
	"theme music", "intro music", "outro music", "music plays", "station id", "jingle",
	"gasps",
};
static const char *const bio_jobs[] = {
	"writer", "reporter", "editor", "journalist", "correspondent", "contributor",
	"columnist", "freelance", "producer of", "host of this",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ASCII-folded copy with typographic apostrophes as '. */
static char *fold(const char *s)
{
	struct sb sb = SB_INIT;

	for (; *s; s++) {
		if (!strncmp(s, "\xe2\x80\x99", 3)) {
			sb_addch(&sb, '\'');
			s += 2;
		} else {
			sb_addch(&sb, tolower((unsigned char)*s));
		}
	}
	return sb_detach(&sb, NULL);
}

static int starts_with_any(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strncmp(s, list[i], strlen(list[i])))
			return 1;
	return 0;
}

static int is_word_in(const char *w, size_t len, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(list[i]) == len && !strncmp(list[i], w, len))
			return 1;
	return 0;
}

static int is_name_start(const char *s)
{
	return isupper((unsigned char)*s) || ((unsigned char)*s >= 0xc3 && (unsigned char)*s < 0xe0);
}

/* "Home | News | Sport | Weather": short items between separators; a
 * running header in capitals needs only two ("NAME / TITLE / PROJECT"). */
static int is_nav_bar(const char *s, size_t words, int caps)
{
	static const char *const seps[] = { " | ", " \xe2\x80\xa2 ", " \xc2\xb7 ", " \xc2\xbb ", " / ", " > " };
	size_t n = 0;

	if (words > 30)
		return 0;
	for (size_t i = 0; i < COUNT(seps); i++)
		for (const char *p = s; (p = strstr(p, seps[i])); p++)
			n++;
	return (n >= 3 || (n == 2 && caps)) && words <= 4 * (n + 1);
}

static int all_caps(const char *s)
{
	int letters = 0;

	for (; *s; s++) {
		if (islower((unsigned char)*s))
			return 0;
		letters += isupper((unsigned char)*s);
	}
	return letters > 3;
}

/* A line that is only a date, perhaps a time and "Updated". */
static int is_date_line(const char *f, size_t words)
{
	int month = 0, number = 0;

	if (words > 10)
		return 0;
	while (*f) {
		const char *w;
		size_t n;

		while (*f && !isalnum((unsigned char)*f))
			f++;
		w = f;
		while (isalnum((unsigned char)*f))
			f++;
		n = (size_t)(f - w);
		if (!n)
			break;
		if (isdigit((unsigned char)*w)) {
			number = 1;
			month |= n == 4 && *f == '-' && isdigit((unsigned char)f[1]);	/* 2019-04-02 */
			continue;
		}
		if (is_word_in(w, n, months, COUNT(months)))
			month = 1;
		else if (!is_word_in(w, n, date_words, COUNT(date_words)) &&
			 !(n <= 2 && (w[0] == 's' || w[0] == 'n' || w[0] == 'r' || w[0] == 't')))
			return 0;	/* a word that is not part of a date ("1st" aside) */
	}
	return month && number;
}

/* "Date: 2021-10-14 How did ...", "Aug 10, 2025 Most readers ...": a
 * page's dateline run into the first paragraph.  The bytes of the date
 * (and the space after it), or 0. */
size_t cruft_date_prefix(const char *text)
{
	const char *p = text, *end = text;
	int month = 0, number = 0, iso = 0, words = 0;

	while (*p) {
		const char *w = p;
		size_t n;

		while (isalnum((unsigned char)*p))
			p++;
		n = (size_t)(p - w);
		if (!n)
			break;
		if (isdigit((unsigned char)*w)) {
			if (strspn(w, "0123456789") != n)
				break;	/* "1st", "3pm" go with the sentence */
			number = 1;
			iso |= n == 4 && *p == '-' && isdigit((unsigned char)p[1]);
		} else {
			char *low = xstrndup(w, n);

			for (size_t k = 0; k < n; k++)
				low[k] = (char)tolower((unsigned char)low[k]);
			if (is_word_in(low, n, months, COUNT(months)))
				month = 1;
			else if (strcmp(low, "date") && strcmp(low, "ist") &&
				 !is_word_in(low, n, date_words, COUNT(date_words))) {
				free(low);
				p = w;
				break;
			}
			free(low);
		}
		words++;
		end = p;
		while (*p == ' ' || *p == ',' || *p == ':' || *p == '-' || *p == '/' || *p == '.' || *p == '|')
			p++;
	}
	if (!(number && (month || iso)) || words > 8 || end == text || *end == ',' ||
	    !strncasecmp(text, "on ", 3) || !strncasecmp(text, "at ", 3))
		return 0;	/* "On May 6, the coach ...": a sentence's own date */
	while (*end == ' ' || *end == ',' || *end == ':' || *end == '|' || *end == '-' || *end == '.')
		end++;
	/* what follows must be a sentence of its own, not "May 4 was the day" */
	if (clean_count_words(end) < 3 || !(isupper((unsigned char)*end) || isdigit((unsigned char)*end)))
		return 0;
	return (size_t)(end - text);
}

/* "(laughs)", "[Laughter]": a bracketed direction, no colon, few words. */
static int is_direction(const char *f, size_t len)
{
	char open, close;
	char *inner;
	int hit;

	if (len < 3)
		return 0;
	open = f[0];
	close = f[len - 1];
	if (!((open == '(' && close == ')') || (open == '[' && close == ']')))
		return 0;
	inner = xstrndup(f + 1, len - 2);
	hit = is_word_in(inner, len - 2, directions, COUNT(directions));
	free(inner);
	return hit;
}

/* "(On the short week after Sunday)", "(What was the problem?)": a press
 * office's transcript gives the reporters' questions in brackets. */
static int reporters_question(const char *f)
{
	size_t n = strlen(f);

	return f[0] == '(' && n > 4 && f[n - 1] == ')' &&
	       (f[n - 2] == '?' || !strncmp(f + 1, "on ", 3) || !strncmp(f + 1, "about ", 6));
}

int cruft_is_chrome(const char *text)
{
	size_t words = clean_count_words(text);
	char *f;
	int hit = 0;

	if (!*text)
		return 0;
	f = fold(text);

	for (size_t i = 0; i < COUNT(phrases) && !hit; i++)
		hit = words <= (size_t)phrases[i].max_words && strstr(f, phrases[i].needle);
	if (!hit && words <= 40)
		hit = starts_with_any(f, caption_openers, COUNT(caption_openers));
	if (!hit && words <= 14) {
		for (size_t i = 0; i < COUNT(byline_openers) && !hit; i++) {
			size_t n = strlen(byline_openers[i]);
			hit = !strncmp(f, byline_openers[i], n) && is_name_start(text + n);
		}
	}
	if (!hit && words <= 40)
		hit = !strncmp(f, "\xc2\xa9", 2) || !strncmp(f, "copyright ", 10) || !strncmp(f, "(c) ", 4);
	if (!hit)
		hit = is_nav_bar(f, words, all_caps(text)) || is_date_line(f, words) ||
		      is_direction(f, strlen(f));
	if (!hit && words <= 16) {
		/* "• 02:55 Who is Ines?", "- (12:40) Funding": a show page's
		 * list of time jumps, not words said */
		const char *p = text;

		if (!strncmp(p, "\xe2\x80\xa2", 3))
			p += 3;
		else if (*p == '-' || *p == '*')
			p++;
		if (p != text && *p == ' ' && label_timestamp(p + 1))
			hit = 1;
	}
	if (!hit && words <= 30 && !strncmp(f, "chapter ", 8) && isdigit((unsigned char)f[8]) &&
	    f[8 + strspn(f + 8, "0123456789")] == ':')
		hit = 1;	/* "Chapter 3: How did she start?", a podcast page's chapter list */
	if (!hit && words <= 16)	/* "Posted on 12 October 2022 by Ana" */
		hit = (!strncmp(f, "posted on ", 10) || !strncmp(f, "published on ", 13)) && strstr(f, " by ");
	if (!hit)	/* a Markdown or HTML image on a line of its own */
		hit = (!strncmp(f, "![", 2) && f[strlen(f) - 1] == ')') || !strncmp(f, "<img ", 5) ||
		      (!strncmp(f, "[![", 3) && f[strlen(f) - 1] == ')');	/* an image that links */
	if (!hit)	/* a static site's template code: "{{< figure ... >}}", "{% raw %}" */
		hit = (!strncmp(f, "{{", 2) || !strncmp(f, "{%", 2)) &&
		      (strstr(f, "}}") || strstr(f, "%}"));
	if (!hit && words <= 8 && (text[0] == '(' || text[0] == '[') &&
	    strcspn(text + 1, ")]") == strlen(text) - 2 && !strstr(f, "note") && !reporters_question(f))
		hit = 1;	/* "(Intro music: solo accordion)", "[End of interview]" */
	if (!hit && words <= 2 && strspn(f, "-#* ") >= 1 && (f[strlen(f) - 1] == '-' || f[strlen(f) - 1] == '#'))
		hit = 1;	/* "-30-", "###": the end of a press release */
	if (!hit && words <= 12 && (text[0] == '(' || text[0] == '[') && all_caps(text) &&
	    (text[strlen(text) - 1] == ')' || text[strlen(text) - 1] == ']'))
		hit = 1;	/* "(SOUNDBITE OF BIRDS CALLING)", "[MUSIC]" */
	if (!hit && f[0] == '#' && isalnum((unsigned char)f[1])) {
		/* "#OrchardCrush2021 #CiderSeason": a line of hashtags */
		const char *p = f;

		while (*p == '#' && isalnum((unsigned char)p[1])) {
			p += 1 + strcspn(p + 1, " ");
			p += strspn(p, " ");
		}
		hit = !*p;
	}
	if (!hit && words <= 8 && label_timestamp(f)) {
		/* "0:40:31 to 0:41:15( Edit History Discussion )": a time range
		 * over a stretch of a recording */
		const char *p = f + label_timestamp(f);

		p += strspn(p, " ");
		if (!strncmp(p, "to ", 3) || !strncmp(p, "- ", 2) || !strncmp(p, "--> ", 4))
			p += strcspn(p, " ") + 1;
		else if (!strncmp(p, "\xe2\x80\x93 ", 4))
			p += 4;
		else
			p = NULL;
		hit = p && label_timestamp(p);
	}
	if (!hit && words <= 40) {
		/* a described video's scenes: "Close-up of Amara nodding",
		 * "Frances Odell is shown on her stool" */
		static const char *const scene_openers[] = {
			"close-up of", "close up of", "wide shot", "the camera ", "a montage of",
			"camera pans", "title card", "on-screen text", "on screen text",
		};
		static const char *const scene_phrases[] = {
			" is shown ", " are shown ", " appears on screen", " appear on screen", " fades to ",
			" fades out", " fades in", " the camera cuts", " cuts to ",
		};

		hit = starts_with_any(f, scene_openers, COUNT(scene_openers));
		for (size_t i = 0; i < COUNT(scene_phrases) && !hit; i++)
			hit = strstr(f, scene_phrases[i]) != NULL && !strchr(f, '?') && !strstr(f, " i ") &&
			      strncmp(f, "i ", 2);
	}
	if (!hit && words <= 8 && (!strncmp(f, "screen shot ", 12) || !strncmp(f, "screenshot ", 11) ||
				   ((!strncmp(f, "img_", 4) || !strncmp(f, "dsc_", 4)) && words <= 2 && !strchr(f, ':'))))
		hit = 1;	/* "Screen Shot 2018-11-03 at 6.14.22 PM", "IMG_4471": an image's file name */
	if (!hit && label_timestamp(f) == strlen(f))
		hit = 1;	/* a timestamp alone: "00:01:02" over a speaker's words */
	if (!hit && f[0] == '[' && f[strlen(f) - 1] == ']' && strspn(f + 1, "0123456789") == strlen(f) - 2)
		hit = 1;	/* "[23]": a page of the printed original */
	if (!hit && f[0] == '[' && f[strlen(f) - 1] == ']')
		hit = is_nav_bar(f + 1, words, 1);	/* "[Notice | Transcript | Subjects]" */
	if (!hit && words <= 8 && !strncmp(f, "page ", 5) && isdigit((unsigned char)f[5]))
		hit = strstr(f, " of ") != NULL;	/* "Page 2 of 3" */
	free(f);
	return hit;
}

/* Furniture that a page puts around an interview, scored rather than
 * dropped outright: each needle is weighed only in a short paragraph. */
static const struct {
	const char *needle;
	int max_words;
	float score;
} soft[] = {
	{ "episode guest", 4, 0.9f }, { "is supported by", 60, 0.8f }, { "brought to you by", 60, 0.8f },
	{ "sponsored by", 40, 0.8f }, { "promo code", 60, 0.85f }, { "use code", 60, 0.85f },
	{ "links mentioned", 8, 0.9f }, { "powered by", 8, 0.9f }, { "pages:", 8, 0.85f },
	{ "previous page", 4, 0.9f }, { "older posts", 6, 0.9f }, { "newer posts", 6, 0.9f },
	{ "discussion (", 3, 0.9f }, { "posted by", 12, 0.85f }, { "related transcripts", 4, 0.95f },
	{ "privacy information", 16, 0.9f }, { "apply now", 3, 0.9f }, { "google news", 8, 0.9f },
	{ "uses cookies", 40, 0.9f }, { "about the interviewer", 60, 0.85f }, { "about the author", 60, 0.85f },
	{ "album review", 12, 0.7f }, { "forums", 30, 0.6f }, { "save hours", 12, 0.8f },
	{ "transcribe your", 8, 0.85f }, { "your own content", 8, 0.8f }, { "like loading", 6, 0.95f }, { "like this:", 6, 0.9f }, { "jump to content", 4, 0.97f }, { "jump to", 4, 0.85f },
	{ "skip to", 5, 0.9f }, { "interview", 1, 0.8f }, { "read full story", 4, 0.95f },
	{ "full story", 3, 0.85f }, { "computer generated", 40, 0.85f }, { "computer-generated", 40, 0.85f },
	{ "transcript by", 10, 0.85f }, { "similar documents", 12, 0.9f }, { "report this", 12, 0.9f },
	{ "notice", 1, 0.8f }, { "restrictions", 1, 0.85f }, { "square brackets", 40, 0.85f },
	{ "recorded in", 12, 0.75f }, { "recorded on", 12, 0.8f }, { "recorded at", 12, 0.8f },
	{ "opening statement", 3, 0.85f }, { "subjects discussed", 6, 0.9f }, { "reader-supported", 40, 0.9f }, { "paid subscriber", 40, 0.9f },
	{ "consider becoming", 40, 0.85f }, { "support my work", 40, 0.85f }, { "support our work", 40, 0.85f }, { "we use your", 40, 0.85f }, { "is a transcript of", 80, 0.85f }, { "quote", 1, 0.9f }, { "link to comment", 5, 0.95f },
	{ "share on other sites", 6, 0.95f }, { "report post", 4, 0.9f }, { "like this", 3, 0.8f },
	{ "likes", 3, 0.7f }, { "posts", 3, 0.7f }, { "comments (", 4, 0.95f }, { "asked by", 10, 0.85f },
	{ "hours ago", 8, 0.9f }, { "minutes ago", 8, 0.9f }, { "days ago", 8, 0.9f }, { "weeks ago", 8, 0.9f },
	{ "print friendly", 12, 0.9f }, { "share on", 14, 0.9f }, { "website uses cookies", 60, 0.9f },
	{ "votes:", 16, 0.85f }, { "continue reading", 16, 0.9f }, { "become a free", 16, 0.85f },
	{ "sign-up", 12, 0.8f }, { "labels:", 12, 0.9f }, { "read the rest", 16, 0.9f },
	{ "next issue", 16, 0.85f }, { "file_get_contents", 40, 0.95f }, { ".php", 40, 0.85f },
	{ "/var/www", 40, 0.95f }, { "transcript of the", 14, 0.8f }, { "interviewed on", 8, 0.8f },
	{ "generated automatically", 20, 0.9f }, { "transcript below", 20, 0.85f },
	{ "subscribe to", 8, 0.85f }, { "this episode:", 30, 0.8f }, { "for immediate release", 4, 0.97f },
	{ "get alerts", 14, 0.9f }, { "transcribed by", 20, 0.85f }, { "interview recorded", 20, 0.8f },
	{ "keep reading", 20, 0.85f }, { "lightly edited", 25, 0.85f }, { "edited for clarity", 25, 0.85f },
	{ "edited for length", 25, 0.85f }, { "condensed for clarity", 25, 0.85f }, { "value your privacy", 40, 0.9f },
	{ "transcript only", 8, 0.9f }, { "media contact", 20, 0.9f }, { "thanks for reading", 20, 0.85f },
	{ "this interview is part of", 40, 0.8f }, { "explore more", 30, 0.9f }, { "more on these topics", 16, 0.9f },
	{ "| posted", 12, 0.9f }, { "sign up to", 20, 0.85f }, { "sign up for", 20, 0.85f }, { "newsletter of", 12, 0.8f },
	{ " blog", 4, 0.5f }, { "not transcribed", 8, 0.9f }, { "end of interview", 6, 0.9f },
	{ "originally for", 8, 0.7f }, { "originally published", 20, 0.85f }, { "this article", 20, 0.6f }, { " podcast", 4, 0.6f }, { "listen on", 16, 0.85f }, { "tag archives", 8, 0.95f }, { "category archives", 8, 0.95f },
	{ "archives:", 6, 0.9f }, { "posts tagged", 8, 0.9f }, { "this transcript", 40, 0.8f }, { "transcripts are", 40, 0.85f },
	{ "final form", 40, 0.6f }, { "the conversation", 3, 0.85f }, { "the interview", 3, 0.85f },
	{ "full interview", 3, 0.85f }, { "the transcript", 3, 0.9f }, { "full transcript", 4, 0.9f },
	{ "q&a", 2, 0.85f }, { "the q&a", 3, 0.85f }, { "mentioned in this episode", 8, 0.9f }, { "episode transcript", 4, 0.9f }, { "show notes", 4, 0.8f },
	{ "no, thank you", 4, 0.95f }, { "no thanks", 3, 0.9f }, { "maybe later", 3, 0.9f },
	{ "allow", 2, 0.8f }, { "upvote", 4, 0.9f }, { "downvote", 4, 0.9f }, { "permalink", 6, 0.9f },
	{ "reply", 3, 0.8f }, { "report", 2, 0.7f }, { " points", 6, 0.7f }, { " comments", 5, 0.8f },
	{ " comment", 4, 0.7f }, { " votes", 5, 0.8f }, { "karma", 5, 0.8f }, { "posted in", 20, 0.85f },
	{ "filed under", 10, 0.9f }, { "tagged", 10, 0.8f }, { "tags:", 14, 0.9f },
	{ "categories:", 14, 0.9f }, { "play episode", 5, 0.9f }, { "download", 3, 0.8f },
	{ "subscribe", 4, 0.85f }, { "newsletter", 8, 0.75f }, { "season ", 6, 0.6f },
	{ "episode ", 4, 0.5f }, { "published", 8, 0.8f }, { "last updated", 8, 0.9f },
	{ "listen now", 4, 0.9f }, { "listen to the episode", 8, 0.85f }, { "apple podcasts", 8, 0.85f },
	{ "spotify", 6, 0.8f }, { "rss", 3, 0.8f }, { "view all", 4, 0.9f }, { "load more", 4, 0.9f },
	{ "back to top", 4, 0.95f }, { "previous post", 6, 0.9f }, { "next post", 6, 0.9f },
	{ "previous episode", 6, 0.9f }, { "next episode", 6, 0.9f }, { "sponsored", 4, 0.8f },
	{ "join the discussion", 6, 0.9f }, { "thread starter", 6, 0.95f }, { "joined:", 6, 0.9f },
	{ "messages:", 6, 0.9f }, { "member since", 6, 0.9f }, { "original poster", 4, 0.9f },
	{ "quote from", 6, 0.7f }, { "edited by", 8, 0.8f }, { "licen", 30, 0.7f },
	{ "cc by", 30, 0.9f }, { "image courtesy", 20, 0.9f }, { "courtesy of", 12, 0.8f },
	{ "(courtesy", 30, 0.9f }, { "/ getty", 20, 0.9f }, { "credit:", 20, 0.9f },
	{ "shutterstock", 20, 0.9f }, { "associated press", 12, 0.7f }, { "contributing writer", 6, 0.9f },
	{ "staff writer", 6, 0.9f }, { "senior editor", 6, 0.85f }, { "contributor", 5, 0.7f },
	{ "correspondent", 5, 0.7f }, { "trending", 6, 0.85f }, { "most read", 5, 0.9f },
	{ "popular now", 5, 0.9f }, { "advertisement", 3, 0.95f }, { "sponsor", 3, 0.7f },
	{ "transcribed by", 10, 0.8f }, { "auto-generated", 12, 0.8f }, { "automatically generated", 14, 0.8f },
	{ "machine-generated", 14, 0.8f }, { "may contain errors", 16, 0.8f },
	/* what a page says about itself and its show, not what was said */
	{ "transcription for", 30, 0.9f }, { "this transcription", 40, 0.85f }, { "unedited transcript", 12, 0.95f },
	{ "e&oe", 6, 0.97f }, { "ctrl + f", 12, 0.95f }, { "ctrl+f", 12, 0.95f }, { "read on for", 10, 0.85f },
	{ "pick an interview", 10, 0.9f }, { "email the show", 16, 0.9f }, { "local public radio", 12, 0.85f },
	{ "listener group", 12, 0.8f }, { "follow us", 20, 0.85f }, { "watch live", 12, 0.8f },
	{ "this page", 30, 0.75f }, { "website", 8, 0.7f }, { "image result", 8, 0.95f }, { "logo", 4, 0.85f },
	{ "may contain a few typos", 30, 0.9f }, { "may contain typos", 30, 0.9f },
	{ "authors:", 10, 0.9f }, { "author:", 8, 0.9f }, { "start playback", 12, 0.9f }, { "click any", 10, 0.85f }, { "words by", 8, 0.85f }, { "interview by", 8, 0.85f },
};

/* "Home Episodes About Contact": a menu whose separators were lost. */
static int is_menu(const char *f, size_t words)
{
	static const char *const items[] = {
		"home", "about", "contact", "episodes", "blog", "news", "search", "menu", "subscribe",
		"support", "shop", "donate", "archive", "archives", "podcasts", "podcast", "login",
		"show", "notes", "transcript", "chapter", "markers", "the", "us", "more", "sections",
		"sign", "in", "up", "register", "faq", "events", "videos", "topics", "categories",
		"newsletter", "store", "team", "press", "jobs", "careers", "privacy", "terms",
		"facebook", "x", "whatsapp", "email", "twitter", "linkedin", "reddit", "pinterest",
		"copy", "link", "print", "share", "news", "sport", "sports", "business", "culture",
		"politics", "world", "opinion", "lifestyle", "travel", "tech", "science", "health",
		"arts", "entertainment", "features", "results", "calendar", "national", "local",
		"live", "chats", "questions", "scientists", "books", "interviews", "reviews", "music",
		"film", "food", "video", "audio", "photos", "weather", "latest", "popular",
	};
	size_t hits = 0;

	if (words < 2 || words > 16 || strpbrk(f, ".?!,"))
		return 0;
	for (const char *p = f; *p;) {
		size_t n = strcspn(p, " ");
		hits += is_word_in(p, n, items, COUNT(items)) || (n == 1 && strchr("/>|", *p));
		p += n;
		p += *p == ' ';
	}
	return (hits == words && (words >= 3 || strpbrk(f, "/>|"))) || (words >= 5 && hits * 10 >= words * 7);
}

/* "Home News Weather Sports Community Blogs Contests": six or more words,
 * each capitalised, none of the small words every headline has. */
static int is_word_row(const char *text, size_t words)
{
	static const char *const small[] = {
		"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from",
		"is", "are", "was", "my", "her", "his", "our", "their", "your", "i", "we", "you", "it",
		"as", "up", "out", "how", "why", "what", "who", "when", "into", "after", "before",
	};

	if (words < 6 || words > 16 || strpbrk(text, ".?!,:;'\"0123456789"))
		return 0;
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, " ");
		char *low = xstrndup(p, n);

		for (char *q = low; *q; q++)
			*q = (char)tolower((unsigned char)*q);
		if (!isupper((unsigned char)*p) || is_word_in(low, n, small, COUNT(small))) {
			free(low);
			return 0;
		}
		free(low);
		p += n;
		p += *p == ' ';
	}
	return 1;
}

/* "47 min", "0:00 / 52:13", "1x", "1.5x", "Play", "Pause": a media player. */
static int is_player(const char *f, size_t words)
{
	static const char *const controls[] = {
		"play", "pause", "mute", "unmute", "rewind", "skip", "speed", "volume", "1x",
		"1.5x", "2x", "0.5x", "fullscreen", "captions", "cc",
	};
	const char *p = f;
	int digits = 0, colon = 0, other = 0;

	if (words > 6)
		return 0;
	if (words <= 2 && is_word_in(f, strlen(f), controls, COUNT(controls)))
		return 1;
	for (; *p; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (*p == ':')
			colon++;
		else if (isalpha((unsigned char)*p))
			other++;
	}
	if (digits && colon && other == 0)
		return 1;	/* "0:00 / 52:13" */
	/* "47 min", "1 hr 3 min", "52 minutes" */
	return digits && words <= 4 && (strstr(f, " min") || strstr(f, " hr") || strstr(f, " sec")) &&
	       other <= 12;
}

/* "Jane Doe Contributing Writer", "Jane Doe, Staff Reporter". */
static int is_byline(const char *text, const char *f, size_t words)
{
	size_t n = strlen(f);

	if (words > 8 || !is_name_start(text) || strchr(f, '.') || strchr(f, '?'))
		return 0;
	for (size_t i = 0; i < COUNT(bio_jobs); i++) {
		size_t k = strlen(bio_jobs[i]);
		if (n >= k && !strcmp(f + n - k, bio_jobs[i]))
			return 1;
	}
	return 0;
}

float cruft_score(const char *text)
{
	size_t words = clean_count_words(text), len = strlen(text);
	char *f;
	float score = 0.02f;

	if (!len)
		return score;
	f = fold(text);

	if (cruft_is_chrome(text)) {
		free(f);
		return 0.97f;
	}
	for (size_t i = 0; i < COUNT(soft); i++)
		if (words <= (size_t)soft[i].max_words && strstr(f, soft[i].needle) && soft[i].score > score)
			score = soft[i].score;
	if (len && text[0] == '<' && strchr(text, '>'))
		score = 0.95f;	/* HTML left in a copy */
	/* "Dinsmore, Edna, 1", "Flood of 1947, 2, 3": a book's index */
	if (words <= 10 && !strpbrk(f, ".?!")) {
		const char *comma = strrchr(f, ',');
		if (comma && strspn(comma + 1, " 0123456789,-") == strlen(comma + 1) && strpbrk(comma, "0123456789"))
			score = score > 0.85f ? score : 0.85f;
	}
	/* "Q&A (31-40 of 112)": a page of a list */
	{
		const char *o = strstr(f, " of ");
		if (words <= 8 && o && o > f && isdigit((unsigned char)o[-1]) && isdigit((unsigned char)o[4]) &&
		    strchr(f, '('))
			score = score > 0.85f ? score : 0.85f;
	}
	/* "Like 4", "Replies 12", "Download ..." */
	if ((words <= 2 && (!strncmp(f, "like ", 5) || !strncmp(f, "likes ", 6) || !strncmp(f, "replies ", 8) ||
			    !strncmp(f, "votes ", 6) || !strncmp(f, "shares ", 7)) && isdigit((unsigned char)f[strlen(f) - 1])) ||
	    (words <= 14 && !strncmp(f, "download ", 9)))
		score = score > 0.85f ? score : 0.85f;
	/* "About Harbourview Health": a boilerplate heading after a release */
	if (words <= 4 && !strncmp(f, "about ", 6) && is_name_start(text + 6) && !strpbrk(f, ".?!"))
		score = score > 0.7f ? score : 0.7f;
	/* "2", "14 -": a page number */
	if (words <= 2 && strspn(f, "0123456789 -") == strlen(f) && isdigit((unsigned char)f[0]))
		score = score > 0.8f ? score : 0.8f;
	/* "« Hearthside Economics", "← All episodes": a link back */
	if (words <= 6 && (!strncmp(f, "\xc2\xab ", 3) || !strncmp(f, "\xe2\x80\xb9 ", 4) || !strncmp(f, "\xe2\x86\x90 ", 4)))
		score = score > 0.85f ? score : 0.85f;
	/* "Break: [14:05]", "Ad break": where a show paused */
	if (words <= 4 && (!strncmp(f, "break", 5) || !strncmp(f, "ad break", 8) || !strncmp(f, "commercial break", 16))) {
		const char *r = f + (f[0] == 'b' ? 5 : f[0] == 'a' ? 8 : 16);

		if (!strpbrk(r, "abcdefghijklmnopqrstuvwxyz"))
			score = score > 0.9f ? score : 0.9f;
	}
	/* "SUBJECT: Ferry fares": a media office's index line */
	if (words <= 25 && !strncmp(f, "subject: ", 9))
		score = score > 0.85f ? score : 0.85f;
	/* "END 10:52 A.M. GMT": a briefing's last line */
	if (words <= 6 && !strncmp(f, "end ", 4) && strpbrk(f + 4, "0123456789"))
		score = score > 0.9f ? score : 0.9f;
	/* "Rowing Interviews (14)", "Discussion (0)": a list's count */
	if (words <= 5 && len > 3 && text[len - 1] == ')' && strrchr(text, '(') &&
	    strspn(strrchr(text, '(') + 1, "0123456789") == strlen(strrchr(text, '(') + 1) - 1 &&
	    strlen(strrchr(text, '(') + 1) > 1)
		score = score > 0.85f ? score : 0.85f;
	/* "• Like 3", "Haha 2": reactions */
	if (words <= 3 && isdigit((unsigned char)f[strlen(f) - 1]) &&
	    (strstr(f, "like") || strstr(f, "haha") || strstr(f, "love") || strstr(f, "wow") || strstr(f, "upvote")))
		score = score > 0.85f ? score : 0.85f;
	/* "int-ilya-varga": a slug */
	if (words == 1 && strchr(f, '-') && strspn(f, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen(f) &&
	    strchr(strchr(f, '-') + 1, '-'))
		score = score > 0.8f ? score : 0.8f;
	/* "See example.com/privacy ...": an address in the words */
	if (words <= 12) {
		const char *dot = strstr(f, ".com");
		if (!dot)
			dot = strstr(f, ".org");
		if (dot && dot > f && isalnum((unsigned char)dot[-1]) && (dot[4] == '/' || dot[4] == ' ' || !dot[4]))
			score = score > 0.8f ? score : 0.8f;
	}
	/* "I = Interviewer, R = Respondent", "(xx) = a word that could not be
	 * heard": a transcript's key */
	if ((words <= 12 && strstr(f, " = ") && strstr(strstr(f, " = ") + 3, " = ")) ||
	    (words <= 25 && strchr(f, '=') > f && strchr(f, '=') - f <= 12 &&
	     (f[0] == '(' || f[0] == '[' || f[0] == '{' || strchr(f, '=')[-1] == ' ')))
		score = score > 0.85f ? score : 0.85f;
	/* "Go to: Part 1 / Part 2 / Part 3": links in a row */
	if (words <= 20 && !strpbrk(f, ".?!") && strstr(f, " / ") && strstr(strstr(f, " / ") + 3, " / "))
		score = score > 0.85f ? score : 0.85f;
	/* "Issue 47 / Spring 2024", "Sport > Cycling", "Books / Interviews" */
	if (words <= 6 && !strpbrk(f, ".?!") && (strstr(f, " / ") || strstr(f, " > ")))
		score = score > 0.8f ? score : 0.8f;
	/* "Home » Sport »» Sidelines", "News › Books": a breadcrumb trail */
	if (words <= 20 && (strstr(f, "\xc2\xbb\xc2\xbb") || strstr(f, " \xc2\xbb ") || strstr(f, " \xe2\x80\xba ")))
		score = score > 0.85f ? score : 0.85f;
	/* "LinkedIn: https://...", "www.example.com": an address, not speech */
	if (words <= 12 && (strstr(f, "http://") || strstr(f, "https://") || !strncmp(f, "www.", 4)))
		score = score > 0.85f ? score : 0.85f;
	if (is_player(f, words) || is_byline(text, f, words) || is_menu(f, words) || is_word_row(text, words))
		score = score > 0.9f ? score : 0.9f;
	/* "@jane_doe", "user4471": a handle */
	if (words == 1 && (f[0] == '@' || (strpbrk(f, "0123456789_") && !strpbrk(f, ".?!,") &&
					   isalpha((unsigned char)f[0]))))
		score = score > 0.7f ? score : 0.7f;
	free(f);
	return score;
}

int cruft_opens_link_list(const char *text)
{
	char *f = fold(text);
	int hit = clean_count_words(text) <= 4 && starts_with_any(f, link_list_heads, COUNT(link_list_heads));

	free(f);
	return hit;
}

int cruft_is_author_bio(const char *text)
{
	static const char *const beats[] = { " covers ", " writes about ", " reports on ", " writes for " };
	size_t words = clean_count_words(text);
	char *f = fold(text);
	const char *is = strstr(f, " is a ");
	int hit = 0;

	/* "Hannah Whitcombe covers transport for the Gazette." */
	for (size_t i = 0; i < COUNT(beats) && !hit && words <= 60; i++) {
		const char *b = strstr(f, beats[i]);
		hit = b && b - f < 40 && is_name_start(text) && memchr(f, ' ', (size_t)(b - f));
	}
	if (!is)
		is = strstr(f, " is an ");
	if (words <= 60 && is && is - f < 40 && isupper((unsigned char)text[0]))
		for (size_t i = 0; i < COUNT(bio_jobs) && !hit; i++)
			hit = strstr(is, bio_jobs[i]) != NULL;
	if (!hit && words <= 60)
		hit = !strncmp(f, "about the author", 16);
	free(f);
	return hit;
}

size_t cruft_strip_directions(char *text)
{
	char *r = text, *w = text;

	while (*r) {
		if (*r == '(' || *r == '[') {
			char close = *r == '(' ? ')' : ']';
			size_t room = strnlen(r, 40);
			char *end = memchr(r, close, room);

			if (end && end - r < 40) {
				char *f = xstrndup(r, (size_t)(end - r + 1));
				int hit;

				for (char *p = f; *p; p++)
					*p = (char)tolower((unsigned char)*p);
				hit = is_direction(f, strlen(f));
				free(f);
				if (hit) {
					r = end + 1;
					/* one space where the direction stood */
					if (w > text && w[-1] == ' ' && *r == ' ')
						r++;
					if (w == text)
						while (*r == ' ')
							r++;
					continue;
				}
			}
		}
		*w++ = *r++;
	}
	while (w > text && w[-1] == ' ')
		w--;
	*w = '\0';
	return (size_t)(w - text);
}
