/* test_script.c -- the labelled script: write, read back, detect, and the
 * JSON form.  No I/O, no espeak-ng. */
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "episode.h"
#include "script.h"
#include "split.h"
#include "tap.h"
#include "util.h"

static struct episode *make_episode(void)
{
	struct episode *ep = episode_new();

	ep->title = xstrdup("The Show: Jane Roe");
	episode_add_dropped(ep, "Sign in");
	episode_add_dropped(ep, "4 min read");
	episode_add_segment(ep, ROLE_TITLE, "host", "The Show: Jane Roe", 1);
	episode_add_segment(ep, ROLE_INTRO, "host",
			    "Today we talk to a woman who repairs bicycles for a whole town.", 3);
	episode_add_segment(ep, ROLE_QUESTION, "host", "What do you build?", 5);
	episode_add_segment(ep, ROLE_ANSWER, "Jane Roe",
			    "Tools for people who fix things: wrenches, stands, and the odd "
			    "caf\xc3\xa9 racer \xe2\x80\x94 \"when there is time\".", 6);
	episode_add_segment(ep, ROLE_ANSWER, "Jane Roe", "Mostly out of old steel [and patience].", 8);
	episode_add_segment(ep, ROLE_QUESTION, "host", "Where did it start", 10);
	episode_add_segment(ep, ROLE_QUESTION, "host", "And why there?", 11);
	episode_add_segment(ep, ROLE_ANSWER, "Jane Roe", "In my father's shed, because it was warm.", 12);
	episode_add_segment(ep, ROLE_OUTRO, "host", "Thank you, Jane.", 14);
	split_make_chapters(ep);
	return ep;
}

static void compare_episodes(const char *what, const struct episode *a, const struct episode *b)
{
	CHECK(a->title && b->title && !strcmp(a->title, b->title), "%s: title '%s' (got '%s')", what,
	      a->title, b->title ? b->title : "(null)");
	CHECK(a->nsegs == b->nsegs, "%s: %zu segments (got %zu)", what, a->nsegs, b->nsegs);
	for (size_t i = 0; i < a->nsegs && i < b->nsegs; i++) {
		const struct segment *x = &a->segs[i], *y = &b->segs[i];

		CHECK(x->role == y->role, "%s: segment %zu role %s (got %s)", what, i,
		      role_name(x->role), role_name(y->role));
		CHECK(!strcmp(x->speaker, y->speaker), "%s: segment %zu speaker '%s' (got '%s')", what, i,
		      x->speaker, y->speaker);
		CHECK(!strcmp(x->text, y->text), "%s: segment %zu text '%s' (got '%s')", what, i,
		      x->text, y->text);
	}
	CHECK(a->nchapters == b->nchapters, "%s: %zu chapters (got %zu)", what, a->nchapters,
	      b->nchapters);
	for (size_t i = 0; i < a->nchapters && i < b->nchapters; i++) {
		CHECK(!strcmp(a->chapters[i].title, b->chapters[i].title),
		      "%s: chapter %zu title '%s' (got '%s')", what, i, a->chapters[i].title,
		      b->chapters[i].title);
		CHECK(a->chapters[i].seg == b->chapters[i].seg, "%s: chapter %zu at segment %zu (got %zu)",
		      what, i, a->chapters[i].seg, b->chapters[i].seg);
	}
}

static void test_round_trip(void)
{
	struct episode *ep = make_episode(), *back;
	struct sb sb = SB_INIT;

	CHECK(ep->nchapters == 4, "the episode has Introduction, two questions and Closing (got %zu)",
	      ep->nchapters);
	script_write(ep, &sb);
	CHECK(!strncmp(sb.buf, SCRIPT_MAGIC "\n", strlen(SCRIPT_MAGIC) + 1), "script opens with the magic line");
	CHECK(script_detect(sb.buf, sb.len), "script_detect() knows a written script");
	CHECK(strstr(sb.buf, "\nanswer [Jane Roe]: Mostly out of old steel [and patience].\n") != NULL,
	      "an entry is written as ROLE [SPEAKER]: TEXT");
	CHECK(strstr(sb.buf, "# dropped: 4 min read\n") != NULL, "dropped lines are written as comments");
	back = script_read("show.script", sb.buf, sb.len);
	if (CHECK(back != NULL, "the written script reads back")) {
		compare_episodes("round trip", ep, back);
		CHECK(back->ndropped == 0, "comments (dropped lines) are not read back as anything");
		episode_free(back);
	}

	/* The script written from the read-back episode is the same bytes. */
	back = script_read("show.script", sb.buf, sb.len);
	if (back) {
		struct sb again = SB_INIT;
		struct sb first = SB_INIT;
		struct episode *nodrop = make_episode();

		/* Dropped lines are comments and do not survive; compare
		 * against an episode without them. */
		for (size_t i = 0; i < nodrop->ndropped; i++)
			free(nodrop->dropped[i]);
		nodrop->ndropped = 0;
		script_write(nodrop, &first);
		script_write(back, &again);
		CHECK(first.len == again.len && !memcmp(first.buf, again.buf, first.len),
		      "writing the read-back episode gives the same script");
		sb_release(&first);
		sb_release(&again);
		episode_free(nodrop);
		episode_free(back);
	}
	sb_release(&sb);
	episode_free(ep);
}

/* The real flow: a transcript through clean and split, written as a
 * script and read back, gives the same labelling. */
static void test_round_trip_split(void)
{
	static const char transcript[] =
		"Wheels And Spokes\n"
		"\n"
		"THEO: Welcome. Today: a woman who keeps a whole town's bicycles running.\n"
		"\n"
		"THEO: Jane, where did it begin?\n"
		"\n"
		"Jane Roe: In my father's shed, with a borrowed spanner and a lot of patience.\n"
		"\n"
		"THEO: What is the hardest repair?\n"
		"\n"
		"Jane Roe: A wheel that someone has already tried to true themselves.\n"
		"\n"
		"THEO: Thank you, Jane.\n";
	struct text t;
	struct episode *ep, *back;
	struct sb sb = SB_INIT;

	if (!CHECK(clean_text("wheels.txt", transcript, sizeof(transcript) - 1, &t) == 0,
		   "split round trip: the transcript cleans"))
		return;
	ep = split_text(&t, "wheels.txt");
	text_release(&t);
	CHECK(ep->nsegs == 7 && ep->nchapters == 4, "split round trip: 7 segments, 4 chapters (got %zu, %zu)",
	      ep->nsegs, ep->nchapters);
	script_write(ep, &sb);
	back = script_read("wheels.script", sb.buf, sb.len);
	if (CHECK(back != NULL, "split round trip: the script reads back")) {
		compare_episodes("split round trip", ep, back);
		episode_free(back);
	}
	sb_release(&sb);
	episode_free(ep);
}

static void test_hand_written(void)
{
	static const char s[] =
		"\xef\xbb\xbf# colloquy script 1\r\n"
		"# edited by hand\r\n"
		"title [host]: Wheels: A Life\r\n"
		"\r\n"
		"question [host]: What do you build?\r\n"
		"# a comment inside the paragraph is skipped\r\n"
		"answer [Jane Roe]: Tools for people\r\n"
		"   who repair bicycles,\r\n"
		"and the stands they hang them on.   \r\n"
		"\r\n"
		"\r\n"
		"outro [host]: Thanks.\r\n";
	struct episode *ep = script_read("hand.script", s, sizeof(s) - 1);

	if (!CHECK(ep != NULL, "a hand-written script (BOM, CRLF) reads"))
		return;
	CHECK_STR(ep->title, "Wheels: A Life", "title from the title entry");
	if (CHECK(ep->nsegs == 4, "four entries (got %zu)", ep->nsegs)) {
		CHECK(ep->segs[0].role == ROLE_TITLE, "entry 0 is the title");
		CHECK_STR(ep->segs[1].text, "What do you build?", "question text");
		CHECK(ep->segs[2].role == ROLE_ANSWER, "entry 2 is an answer");
		CHECK_STR(ep->segs[2].speaker, "Jane Roe", "speaker with a space");
		CHECK_STR(ep->segs[2].text, "Tools for people who repair bicycles, and the stands they hang them on.",
			  "continuation lines join the paragraph above");
		CHECK(ep->segs[2].line == 7, "the answer starts on line 7 (got %d)", ep->segs[2].line);
		CHECK(ep->segs[3].role == ROLE_OUTRO, "entry 3 is the outro");
		CHECK_STR(ep->segs[3].text, "Thanks.", "no CR left in the text");
	}
	if (CHECK(ep->nchapters == 3, "chapters Introduction, question, Closing (got %zu)", ep->nchapters)) {
		CHECK_STR(ep->chapters[0].title, "Introduction", "chapter 0");
		CHECK_STR(ep->chapters[1].title, "What do you build?", "chapter 1");
		CHECK(ep->chapters[1].seg == 1, "chapter 1 at segment 1");
		CHECK_STR(ep->chapters[2].title, "Closing", "chapter 2");
	}
	episode_free(ep);

	/* No title entry: the title comes from the file name. */
	ep = script_read("dir/my-talk.script", SCRIPT_MAGIC "\nintro [host]: Hello there.\n",
			 strlen(SCRIPT_MAGIC) + 28);
	if (CHECK(ep != NULL, "a script without a title reads")) {
		CHECK_STR(ep->title, "my-talk", "title from the file name");
		if (CHECK(ep->nchapters == 1, "one chapter without questions"))
			CHECK_STR(ep->chapters[0].title, "my-talk", "the chapter is named after the episode");
		episode_free(ep);
	}
}

static void test_bad_scripts(void)
{
	static const char unknown[] = SCRIPT_MAGIC "\n\nchorus [host]: hi\n";
	static const char unknown_later[] =
		SCRIPT_MAGIC "\nintro [host]: Hello.\n\nchorus [host]: hi\n";
	static const char nolabel[] = SCRIPT_MAGIC "\nhello there\n";
	static const char nolabel_later[] = SCRIPT_MAGIC "\nintro [host]: Hello.\n\nhello there\n";
	static const char empty[] = SCRIPT_MAGIC "\n# nothing here\n";
	static const char nul[] = SCRIPT_MAGIC "\nintro [host]: a\0b\n";
	struct episode *ep;

	fprintf(stderr, "# the errors below are expected\n");
	ep = script_read("bad.script", unknown, sizeof(unknown) - 1);
	CHECK(ep == NULL, "an unknown role returns NULL");
	episode_free(ep);
	ep = script_read("bad.script", unknown_later, sizeof(unknown_later) - 1);
	CHECK(ep == NULL, "an unknown role after a blank line returns NULL");
	episode_free(ep);
	ep = script_read("bad.script", nolabel, sizeof(nolabel) - 1);
	CHECK(ep == NULL, "a line without a label before any paragraph returns NULL");
	episode_free(ep);
	ep = script_read("bad.script", nolabel_later, sizeof(nolabel_later) - 1);
	CHECK(ep == NULL, "a line without a label after a blank line returns NULL");
	episode_free(ep);
	ep = script_read("bad.script", empty, sizeof(empty) - 1);
	CHECK(ep == NULL, "a script with no entries returns NULL");
	episode_free(ep);
	ep = script_read("bad.script", nul, sizeof(nul) - 1);
	CHECK(ep == NULL, "a script with a NUL byte returns NULL");
	episode_free(ep);
}

static void test_detect(void)
{
	static const char *const yes[] = {
		SCRIPT_MAGIC, SCRIPT_MAGIC "\n", SCRIPT_MAGIC "\r\n", "\xef\xbb\xbf" SCRIPT_MAGIC "\nx",
	};
	static const char *const no[] = {
		"", "# colloquy", "# colloquy script 10\n", "# colloquy script 2\n",
		" # colloquy script 1\n", "hello\n" SCRIPT_MAGIC "\n", SCRIPT_MAGIC " extra\n",
	};

	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		CHECK(script_detect(yes[i], strlen(yes[i])), "script_detect() is true for case %zu", i);
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		CHECK(!script_detect(no[i], strlen(no[i])), "script_detect() is false for case %zu", i);
	/* The length is honoured: a truncated buffer is not a script. */
	CHECK(!script_detect(SCRIPT_MAGIC "\n", 10), "script_detect() stops at len");
}

static void test_json(void)
{
	static const char *const keys[] = {
		"\"title\": \"The Show: Jane Roe\"",
		"\"segments\": [",
		"\"role\": \"question\"",
		"\"role\": \"answer\"",
		"\"speaker\": \"Jane Roe\"",
		"\"text\": \"What do you build?\"",
		"\"line\": 5",
		"\"chapters\": [",
		"\"title\": \"Introduction\"",
		"\"title\": \"Closing\"",
		"\"segment\": 2",
		"\"dropped\": [",
		"\"4 min read\"",
		"\\\"when there is time\\\"",
	};
	struct episode *ep = make_episode();
	struct sb sb = SB_INIT;

	script_write_json(ep, &sb);
	CHECK(sb.len > 0 && sb.buf[0] == '{' && sb.buf[sb.len - 1] == '\n', "JSON is an object and ends with a newline");
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		CHECK(strstr(sb.buf, keys[i]) != NULL, "JSON contains %s", keys[i]);
	CHECK(strstr(sb.buf, "caf\xc3\xa9") || strstr(sb.buf, "caf\\u00e9"), "JSON keeps non-ASCII text");
	sb_release(&sb);
	episode_free(ep);
}

int main(void)
{
	/* Lines whole, in order with the library's messages on stderr. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_round_trip();
	test_round_trip_split();
	test_hand_written();
	test_bad_scripts();
	test_detect();
	test_json();
	return tap_done();
}
