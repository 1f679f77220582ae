/* test_cruft.c -- the page-chrome rules, one paragraph at a time. */
#include <stdlib.h>
#include <string.h>

#include "cruft.h"
#include "tap.h"

static void chrome(const char *text, int want)
{
	CHECK(cruft_is_chrome(text) == want, "%s: '%s'", want ? "chrome" : "speech", text);
}

static void strip(const char *in, const char *want)
{
	char *s = strdup(in);
	size_t n = cruft_strip_directions(s);

	CHECK(n == strlen(s) && !strcmp(s, want), "strip '%s' -> '%s' (got '%s')", in, want, s);
	free(s);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);

	/* menus, banners and prompts */
	chrome("Home | News | Sport | Business | Weather", 1);
	chrome("Skip to content", 1);
	chrome("We use cookies to give you the best experience. By continuing you agree.", 1);
	chrome("Don\xe2\x80\x99t show this again", 1);
	chrome("Want us to notify you of new stories?", 1);
	chrome("Share this article: Facebook Twitter Email", 1);
	chrome("4 min read", 1);
	chrome("Advertisement", 1);
	chrome("Leave a comment", 1);
	/* bylines, dates, captions, copyright, page markers */
	chrome("By Jane Roe, Staff Writer", 1);
	chrome("Interviewed by Kate Morrow, 14 May 2019", 1);
	chrome("Posted on 12 October 2022 by Ana", 1);
	chrome("March 3, 2021", 1);
	chrome("Updated: Tuesday 4 May 2021, 10:32 am", 1);
	chrome("Photo: Sam Lee for the Gazette", 1);
	chrome("\xc2\xa9 2021 Example Media Ltd. All rights reserved.", 1);
	chrome("Page 2 of 3", 1);
	chrome("ROE / WOOL AND MADDER / FIELD NOTES", 1);
	chrome("![A loom in the workshop](loom.jpg)", 1);
	chrome("(laughs)", 1);
	chrome("[AD BREAK]", 1);
	chrome("BEGIN TRANSCRIPT", 1);

	/* speech that mentions the same words stays */
	chrome("I subscribe to the idea that small teams ship more, and our newsletter proved it to me.", 0);
	chrome("By the time we opened, the cookies had sold out and the queue went round the block twice.", 0);
	chrome("March was the hardest month.", 0);
	chrome("By nine we had baked four hundred loaves.", 0);
	chrome("Page after page of ledgers, all in the same hand.", 0);
	chrome("Why knives?", 0);
	chrome("Yes.", 0);

	/* link lists and author notes */
	CHECK(cruft_opens_link_list("Related posts"), "'Related posts' opens a link list");
	CHECK(!cruft_opens_link_list("Related to that, we moved."), "a sentence opens none");
	CHECK(cruft_is_author_bio("Jane Roe is a staff writer at the Gazette covering science."), "a reporter's bio");
	CHECK(cruft_is_author_bio("Hannah Whitcombe covers transport for the Gazette."), "a beat line");
	CHECK(!cruft_is_author_bio("The orchestra is a family, and that is what they remember."), "speech is no bio");

	/* stage directions inside sentences */
	strip("Well (laughs) that was that.", "Well that was that.");
	strip("(laughs) Fine.", "Fine.");
	strip("It was [inaudible] in 1962.", "It was in 1962.");
	strip("Ask them (the neighbours) first.", "Ask them (the neighbours) first.");
	strip("So (Laughter) yes.", "So yes.");
	return tap_done();
}
