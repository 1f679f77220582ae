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

static void dateline(const char *in, const char *rest)
{
	size_t n = cruft_date_prefix(in);

	CHECK(rest ? !strcmp(in + n, rest) : n == 0, "dateline of '%s' leaves '%s' (got '%s')", in,
	      rest ? rest : in, in + n);
}

static void scored(const char *text, float at_least, float below)
{
	float f = cruft_score(text);

	CHECK(f >= at_least && f < below, "score %.2f in [%.2f, %.2f): '%s'", f, at_least, below, text);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);

	/* menus, banners and prompts */
	chrome("Home | News | Sport | Business | Weather", 1);
	chrome("Skip to content", 1);
	chrome("(Intro music: solo accordion)", 1);
	chrome("(On the short week after Sunday)", 0);
	chrome("(What was the problem?)", 0);
	chrome("#OrchardCrush2021 #CiderSeason", 1);
	chrome("#1 on the charts this week", 0);
	chrome("0:40:31 to 0:41:15( Edit History Discussion )", 1);
	chrome("0:40 to be honest I was late", 0);
	chrome("Screen Shot 2018-11-03 at 6.14.22 PM", 1);
	chrome("Close-up of Amara nodding, then a wide shot of the students.", 1);
	chrome("Frances Odell is shown on her stool, holding a microphone.", 1);
	chrome("I think the film is shown in too few cinemas.", 0);
	chrome("Tomas speaking to the media after the draw. Video courtesy Kickabout Clips.", 1);
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
	/* a dateline run into the first paragraph comes off; a sentence's own
	 * date stays */
	dateline("date 2021-10-14 1. How did you get into netball?", "How did you get into netball?");
	dateline("Aug 10, 2025 Most readers think of the monsoon as fixed.", "Most readers think of the monsoon as fixed.");
	dateline("Published: 14 May 2019 | The fare rise was announced.", "The fare rise was announced.");
	dateline("On May 6, Harbour City drew with the Rovers.", NULL);
	dateline("May 4 was the day we opened.", NULL);
	dateline("1999. That was the year it started.", NULL);
	dateline("May I ask where you grew up?", NULL);

	/* furniture by its words, and speech that is not */
	scored("Home \xc2\xbb Sport \xc2\xbb\xc2\xbb Sidelines", 0.8f, 1.01f);
	scored("This is a transcript of a tape-recorded interview conducted for the county library's oral history "
	       "programme in the spring of 1978, edited lightly for reading by the library's staff and checked by "
	       "the narrator.", 0.8f, 1.01f);
	scored("SUBJECT: Ferry fare increases for island residents", 0.8f, 1.01f);
	scored("E&OE TRANSCRIPT", 0.8f, 1.01f);
	scored("2", 0.75f, 1.01f);
	scored("Transcripts may contain a few typos. With episodes this long, some errors slip through.", 0.8f, 1.01f);
	scored("I was born in 1919 on a farm outside Osage, the fourth of six.", 0.0f, 0.3f);
	scored("We opened the website in 2010 and the orders came in by the thousand, which none of us expected.",
	       0.0f, 0.3f);

	return tap_done();
}
