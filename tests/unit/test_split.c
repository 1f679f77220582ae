/* test_split.c -- split_text(): paragraphs in, labelled segments and
 * chapters out, for each of the three layouts.  No I/O, no espeak-ng. */
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "episode.h"
#include "split.h"
#include "tap.h"
#include "util.h"

/* An expected segment. */
struct want {
	enum role role;
	const char *speaker;
	const char *text;
};

struct want_chapter {
	const char *title;
	size_t seg;
};

/* clean_text() then split_text(); NULL (after a failed check) when the
 * text is not accepted. */
static struct episode *split_str(const char *data, const char *name)
{
	struct text t;
	struct episode *ep;

	if (!CHECK(clean_text(name, data, strlen(data), &t) == 0, "'%s' cleans", name))
		return NULL;
	ep = split_text(&t, name);
	text_release(&t);
	return ep;
}

static int has_dropped(const struct episode *ep, const char *s)
{
	for (size_t i = 0; i < ep->ndropped; i++)
		if (!strcmp(ep->dropped[i], s))
			return 1;
	return 0;
}

static void check_segments(const char *what, const struct episode *ep,
			   const struct want *w, size_t n)
{
	if (!CHECK(ep->nsegs == n, "%s: %zu segments (got %zu)", what, n, ep->nsegs)) {
		for (size_t i = 0; i < ep->nsegs; i++)
			printf("#   %zu %s [%s]: %s\n", i, role_name(ep->segs[i].role),
			       ep->segs[i].speaker, ep->segs[i].text);
	}
	for (size_t i = 0; i < n && i < ep->nsegs; i++) {
		const struct segment *s = &ep->segs[i];

		CHECK(s->role == w[i].role, "%s: segment %zu is %s (got %s)", what, i,
		      role_name(w[i].role), role_name(s->role));
		CHECK(s->speaker && !strcmp(s->speaker, w[i].speaker),
		      "%s: segment %zu spoken by '%s' (got '%s')", what, i, w[i].speaker,
		      s->speaker ? s->speaker : "(null)");
		CHECK(s->text && !strcmp(s->text, w[i].text), "%s: segment %zu text '%s' (got '%s')",
		      what, i, w[i].text, s->text ? s->text : "(null)");
	}
}

static void check_chapters(const char *what, const struct episode *ep,
			   const struct want_chapter *w, size_t n)
{
	if (!CHECK(ep->nchapters == n, "%s: %zu chapters (got %zu)", what, n, ep->nchapters)) {
		for (size_t i = 0; i < ep->nchapters; i++)
			printf("#   chapter %zu at segment %zu: %s\n", i, ep->chapters[i].seg,
			       ep->chapters[i].title);
	}
	for (size_t i = 0; i < n && i < ep->nchapters; i++) {
		CHECK(ep->chapters[i].title && !strcmp(ep->chapters[i].title, w[i].title),
		      "%s: chapter %zu is '%s' (got '%s')", what, i, w[i].title,
		      ep->chapters[i].title ? ep->chapters[i].title : "(null)");
		CHECK(ep->chapters[i].seg == w[i].seg, "%s: chapter %zu opens at segment %zu (got %zu)",
		      what, i, w[i].seg, ep->chapters[i].seg);
	}
}

/* (a) No labels: questions are short header lines (no '?') opening a
 * block, with the answer on the lines below, or paragraphs ending in '?'.
 * Short page chrome sits above the title. */
static void test_header_lines(void)
{
	static const char text[] =
		"Menu\n"
		"Sign in\n"
		"The Night Shift With Ada Obi\n"
		"4 min read\n"
		"\n"
		"Tonight we sit down with a nurse who has worked nights at the same hospital "
		"for twenty years, and who still loves the work.\n"
		"\n"
		"Starting out on the wards\n"
		"Ada Obi, night nurse at Riverside General: I started as a student in 2004, and the "
		"first thing I learned was that a hospital at night is a different building, quieter "
		"but never asleep.\n"
		"\n"
		"What keeps you going\n"
		"Honestly, the people. The patients who cannot sleep want to talk, and some of the "
		"best conversations of my life happened at three in the morning.\n"
		"And the quiet, too. There is a kind of calm on a ward at four that you never find "
		"during the day, and I have come to depend on it.\n"
		"\n"
		"Do you ever think about switching to days?\n"
		"\n"
		"Every winter I think about it, and every spring I decide against it, because the "
		"night crew is the closest thing I have to a second family.\n"
		"\n"
		"Thank you, Ada, for staying up with us. Next week we meet the bakers who start "
		"work at two in the morning.\n";
	static const struct want w[] = {
		{ ROLE_TITLE, "host", "The Night Shift With Ada Obi" },
		{ ROLE_INTRO, "host",
		  "Tonight we sit down with a nurse who has worked nights at the same hospital "
		  "for twenty years, and who still loves the work." },
		{ ROLE_QUESTION, "host", "Starting out on the wards" },
		{ ROLE_ANSWER, "guest",
		  "Ada Obi, night nurse at Riverside General: I started as a student in 2004, and the "
		  "first thing I learned was that a hospital at night is a different building, quieter "
		  "but never asleep." },
		{ ROLE_QUESTION, "host", "What keeps you going" },
		{ ROLE_ANSWER, "guest",
		  "Honestly, the people. The patients who cannot sleep want to talk, and some of the "
		  "best conversations of my life happened at three in the morning." },
		{ ROLE_ANSWER, "guest",
		  "And the quiet, too. There is a kind of calm on a ward at four that you never find "
		  "during the day, and I have come to depend on it." },
		{ ROLE_QUESTION, "host", "Do you ever think about switching to days?" },
		{ ROLE_ANSWER, "guest",
		  "Every winter I think about it, and every spring I decide against it, because the "
		  "night crew is the closest thing I have to a second family." },
		{ ROLE_OUTRO, "host",
		  "Thank you, Ada, for staying up with us. Next week we meet the bakers who start "
		  "work at two in the morning." },
	};
	static const struct want_chapter wc[] = {
		{ "Introduction", 0 },
		{ "Starting out on the wards", 2 },
		{ "What keeps you going", 4 },
		{ "Do you ever think about switching to days?", 7 },
		{ "Closing", 9 },
	};
	struct episode *ep = split_str(text, "night-shift.txt");

	if (!ep)
		return;
	CHECK_STR(ep->title, "The Night Shift With Ada Obi", "header layout: title");
	CHECK(ep->ndropped == 3, "header layout: three dropped lines (got %zu)", ep->ndropped);
	CHECK(has_dropped(ep, "Menu"), "header layout: chrome 'Menu' above the title dropped");
	CHECK(has_dropped(ep, "Sign in"), "header layout: chrome 'Sign in' above the title dropped");
	CHECK(has_dropped(ep, "4 min read"), "header layout: clean's boilerplate passed on");
	check_segments("header layout", ep, w, sizeof(w) / sizeof(w[0]));
	check_chapters("header layout", ep, wc, sizeof(wc) / sizeof(wc[0]));
	if (ep->nsegs == sizeof(w) / sizeof(w[0])) {
		CHECK(ep->segs[0].line == 3, "header layout: title from line 3 (got %d)", ep->segs[0].line);
		CHECK(ep->segs[2].line == 8, "header layout: first question on line 8 (got %d)",
		      ep->segs[2].line);
		CHECK(ep->segs[3].line == 9, "header layout: first answer on line 9 (got %d)",
		      ep->segs[3].line);
	}
	episode_free(ep);
}

/* (b) Q:/A: labels in their several spellings; an answer that runs on
 * over unlabelled paragraphs. */
static void test_qa_labels(void)
{
	static const char text[] =
		"Bread Before Dawn\n"
		"\n"
		"A baker tells us why she still starts work at two in the morning, "
		"long after she could have stopped.\n"
		"\n"
		"Q: How did you come to baking?\n"
		"A: My grandmother ran a bakery in the village, and I spent every summer of my "
		"childhood covered in flour and happier than anywhere else.\n"
		"\n"
		"Q. What does a typical night look like?\n"
		"A. I arrive at two, the ovens are already warm, and by six the first loaves are out.\n"
		"\n"
		"Question: Is there a bread you would never sell?\n"
		"Answer: Anything made in a hurry. Dough has its own clock, and you have to respect it.\n"
		"\n"
		"It took me ten years to learn that, and I still forget it when the orders pile up.\n"
		"\n"
		"Q: What would you tell someone starting out?\n"
		"A: Buy a good thermometer before you buy a good mixer.\n"
		"\n"
		"Then learn to read the dough with your hands, because no thermometer will tell you "
		"when it feels right.\n"
		"\n"
		"Thanks for listening, and may your crusts always be crisp.\n";
	static const struct want w[] = {
		{ ROLE_TITLE, "host", "Bread Before Dawn" },
		{ ROLE_INTRO, "host",
		  "A baker tells us why she still starts work at two in the morning, "
		  "long after she could have stopped." },
		{ ROLE_QUESTION, "host", "How did you come to baking?" },
		{ ROLE_ANSWER, "guest",
		  "My grandmother ran a bakery in the village, and I spent every summer of my "
		  "childhood covered in flour and happier than anywhere else." },
		{ ROLE_QUESTION, "host", "What does a typical night look like?" },
		{ ROLE_ANSWER, "guest",
		  "I arrive at two, the ovens are already warm, and by six the first loaves are out." },
		{ ROLE_QUESTION, "host", "Is there a bread you would never sell?" },
		{ ROLE_ANSWER, "guest",
		  "Anything made in a hurry. Dough has its own clock, and you have to respect it." },
		{ ROLE_ANSWER, "guest",
		  "It took me ten years to learn that, and I still forget it when the orders pile up." },
		{ ROLE_QUESTION, "host", "What would you tell someone starting out?" },
		{ ROLE_ANSWER, "guest", "Buy a good thermometer before you buy a good mixer." },
		{ ROLE_ANSWER, "guest",
		  "Then learn to read the dough with your hands, because no thermometer will tell you "
		  "when it feels right." },
		{ ROLE_OUTRO, "host", "Thanks for listening, and may your crusts always be crisp." },
	};
	static const struct want_chapter wc[] = {
		{ "Introduction", 0 },
		{ "How did you come to baking?", 2 },
		{ "What does a typical night look like?", 4 },
		{ "Is there a bread you would never sell?", 6 },
		{ "What would you tell someone starting out?", 9 },
		{ "Closing", 12 },
	};
	struct episode *ep = split_str(text, "bread.txt");

	if (!ep)
		return;
	CHECK_STR(ep->title, "Bread Before Dawn", "Q/A labels: title");
	CHECK(ep->ndropped == 0, "Q/A labels: nothing dropped (got %zu)", ep->ndropped);
	check_segments("Q/A labels", ep, w, sizeof(w) / sizeof(w[0]));
	check_chapters("Q/A labels", ep, wc, sizeof(wc) / sizeof(wc[0]));
	for (size_t i = 0; i < ep->nsegs; i++) {
		static const char *const labels[] = { "Q:", "Q.", "A:", "A.", "Question", "Answer" };
		int labelled = 0;

		for (size_t k = 0; k < sizeof(labels) / sizeof(labels[0]); k++)
			labelled |= !strncmp(ep->segs[i].text, labels[k], strlen(labels[k]));
		CHECK(!labelled, "Q/A labels: segment %zu has its label removed", i);
	}
	episode_free(ep);
}

/* (c) Speaker labels: the names are kept, the one who asks is the host. */
static void test_speaker_labels(void)
{
	static const char text[] =
		"Maps Drawn By Hand\n"
		"\n"
		"MAYA: Welcome to the show. My guest today draws maps of places that no longer exist.\n"
		"\n"
		"MAYA: Jane, how did you start?\n"
		"\n"
		"Jane Roe: With my grandfather's stories. He described the old harbour so often that "
		"I could see it, so one day I drew it.\n"
		"\n"
		"MAYA: And did he recognise it?\n"
		"\n"
		"Jane Roe: He corrected three streets and then cried a little. That was the moment I "
		"knew I would keep going.\n"
		"\n"
		"People still send me letters about streets I got wrong, and I love every one of them.\n"
		"\n"
		"MAYA: That is a lovely place to stop. Thank you, Jane.\n";
	static const struct want w[] = {
		{ ROLE_TITLE, "MAYA", "Maps Drawn By Hand" },
		{ ROLE_INTRO, "MAYA",
		  "Welcome to the show. My guest today draws maps of places that no longer exist." },
		{ ROLE_QUESTION, "MAYA", "Jane, how did you start?" },
		{ ROLE_ANSWER, "Jane Roe",
		  "With my grandfather's stories. He described the old harbour so often that "
		  "I could see it, so one day I drew it." },
		{ ROLE_QUESTION, "MAYA", "And did he recognise it?" },
		{ ROLE_ANSWER, "Jane Roe",
		  "He corrected three streets and then cried a little. That was the moment I "
		  "knew I would keep going." },
		{ ROLE_ANSWER, "Jane Roe",
		  "People still send me letters about streets I got wrong, and I love every one of them." },
		{ ROLE_OUTRO, "MAYA", "That is a lovely place to stop. Thank you, Jane." },
	};
	static const struct want_chapter wc[] = {
		{ "Introduction", 0 },
		{ "Jane, how did you start?", 2 },
		{ "And did he recognise it?", 4 },
		{ "Closing", 7 },
	};
	struct episode *ep = split_str(text, "maps.txt");

	if (!ep)
		return;
	CHECK_STR(ep->title, "Maps Drawn By Hand", "speaker labels: title");
	check_segments("speaker labels", ep, w, sizeof(w) / sizeof(w[0]));
	check_chapters("speaker labels", ep, wc, sizeof(wc) / sizeof(wc[0]));
	episode_free(ep);
}

/* (c') The guest speaks first and the host's name is longer: the host is
 * still the one who asks. */
static void test_speaker_labels_guest_first(void)
{
	static const char text[] =
		"Jane Roe: I have been making maps for thirty years, mostly of towns that the sea took.\n"
		"\n"
		"Theo Park: How do you draw a town nobody can visit?\n"
		"\n"
		"Jane Roe: From letters, photographs and the memories of the people who lived there.\n"
		"\n"
		"Theo Park: Which one was the hardest?\n"
		"\n"
		"Jane Roe: The village my mother grew up in, because she remembered it as a child.\n";
	struct episode *ep = split_str(text, "maps-two.txt");
	size_t nq = 0, na = 0;

	if (!ep)
		return;
	for (size_t i = 0; i < ep->nsegs; i++) {
		const struct segment *s = &ep->segs[i];
		if (s->role == ROLE_QUESTION) {
			nq++;
			CHECK_STR(s->speaker, "Theo Park", "guest first: the asker is the host");
		} else if (s->role == ROLE_ANSWER) {
			na++;
			CHECK_STR(s->speaker, "Jane Roe", "guest first: the answerer keeps her name");
		}
	}
	CHECK(nq == 2, "guest first: two questions (got %zu)", nq);
	CHECK(na >= 2, "guest first: at least two answers (got %zu)", na);
	episode_free(ep);
}

/* (c'') A title with a colon over a speaker-labelled transcript is still
 * the title: "Field Notes" speaks once, so it is no speaker (split.h: two
 * or more speakers "at least twice each"). */
static void test_speaker_labels_title_colon(void)
{
	static const char text[] =
		"Field Notes: Maps Drawn By Hand\n"
		"\n"
		"MAYA: Welcome to the show. My guest today draws maps of places that no longer exist.\n"
		"\n"
		"MAYA: Jane, how did you start?\n"
		"\n"
		"Jane Roe: With my grandfather's stories, which I wrote down every Sunday.\n"
		"\n"
		"MAYA: And did he recognise it?\n"
		"\n"
		"Jane Roe: He corrected three streets and then cried a little.\n"
		"\n"
		"MAYA: That is a lovely place to stop. Thank you, Jane.\n";
	struct episode *ep = split_str(text, "field-notes.txt");

	if (!ep)
		return;
	CHECK_STR(ep->title, "Field Notes: Maps Drawn By Hand", "title with a colon: title");
	if (ep->nsegs) {
		CHECK(ep->segs[0].role == ROLE_TITLE, "title with a colon: first segment is the title (got %s)",
		      role_name(ep->segs[0].role));
		CHECK(strcmp(ep->segs[0].speaker, "Field Notes"),
		      "title with a colon: 'Field Notes' is not a speaker (got '%s')", ep->segs[0].speaker);
	}
	for (size_t i = 0; i < ep->nsegs; i++)
		CHECK(ep->segs[i].role != ROLE_ANSWER || !strcmp(ep->segs[i].speaker, "Jane Roe"),
		      "title with a colon: segment %zu, an answer, is Jane Roe's (got '%s')", i,
		      ep->segs[i].speaker);
	if (ep->nsegs > 1)
		CHECK(ep->segs[1].role == ROLE_INTRO, "title with a colon: the welcome is the intro (got %s)",
		      role_name(ep->segs[1].role));
	episode_free(ep);
}

/* (d) No questions at all: everything after the title is intro, and the
 * one chapter is named after the episode. */
static void test_no_questions(void)
{
	static const char text[] =
		"Notes From The Valley\n"
		"\n"
		"We walked the length of the valley in three days, sleeping in barns and eating "
		"whatever the farmers offered us.\n"
		"\n"
		"The river was lower than anyone could remember, and the old mill wheels stood still.\n"
		"\n"
		"On the last evening we met a shepherd who had never once left the valley in his life.\n";
	static const char untitled[] =
		"We walked the length of the valley in three days, sleeping in barns and eating "
		"whatever the farmers offered us.\n"
		"\n"
		"The river was lower than anyone could remember, and the old mill wheels stood still.\n";
	struct episode *ep = split_str(text, "valley.txt");

	if (ep) {
		CHECK_STR(ep->title, "Notes From The Valley", "no questions: title");
		CHECK(ep->nsegs == 4, "no questions: four segments (got %zu)", ep->nsegs);
		if (ep->nsegs)
			CHECK(ep->segs[0].role == ROLE_TITLE, "no questions: segment 0 is the title");
		for (size_t i = 1; i < ep->nsegs; i++)
			CHECK(ep->segs[i].role == ROLE_INTRO && !strcmp(ep->segs[i].speaker, "host"),
			      "no questions: segment %zu is the host's intro (got %s [%s])", i,
			      role_name(ep->segs[i].role), ep->segs[i].speaker);
		if (CHECK(ep->nchapters == 1, "no questions: one chapter (got %zu)", ep->nchapters)) {
			CHECK_STR(ep->chapters[0].title, "Notes From The Valley",
				  "no questions: chapter named after the title");
			CHECK(ep->chapters[0].seg == 0, "no questions: chapter opens at segment 0");
		}
		episode_free(ep);
	}

	ep = split_str(untitled, "walks/river-walk_notes.txt");
	if (ep) {
		CHECK_STR(ep->title, "river walk notes", "no title: title from the file name");
		CHECK(ep->nsegs == 2, "no title: two segments (got %zu)", ep->nsegs);
		for (size_t i = 0; i < ep->nsegs; i++)
			CHECK(ep->segs[i].role == ROLE_INTRO, "no title: segment %zu is intro (got %s)", i,
			      role_name(ep->segs[i].role));
		if (CHECK(ep->nchapters == 1, "no title: one chapter (got %zu)", ep->nchapters))
			CHECK_STR(ep->chapters[0].title, "river walk notes", "no title: chapter named after the file");
		episode_free(ep);
	}
}

/* Code points in a UTF-8 string. */
static size_t utf8_len(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static int ends_with(const char *s, const char *tail)
{
	size_t a = strlen(s), b = strlen(tail);
	return a >= b && !memcmp(s + a - b, tail, b);
}

#define ELLIPSIS "\xe2\x80\xa6"

/* A shortened title: at most SPLIT_TITLE_MAX code points with its "…",
 * the rest a prefix of q that ends where a word of q ends. */
static void check_cut(const char *what, const char *q)
{
	char *t = split_chapter_title(q);
	size_t len = strlen(t), cps = utf8_len(t);

	CHECK(cps <= SPLIT_TITLE_MAX, "%s: at most %d code points (got %zu: '%s')", what,
	      SPLIT_TITLE_MAX, cps, t);
	CHECK(cps >= SPLIT_TITLE_MAX / 2, "%s: not cut far too short (%zu code points)", what, cps);
	if (CHECK(ends_with(t, ELLIPSIS), "%s: ends with U+2026 ('%s')", what, t)) {
		size_t plen = len - strlen(ELLIPSIS);
		CHECK(!strncmp(t, q, plen), "%s: the rest is a prefix of the question", what);
		CHECK(plen > 0 && t[plen - 1] != ' ', "%s: no space before the ellipsis", what);
		CHECK(q[plen] == ' ', "%s: cut at a word boundary (next is '%c')", what, q[plen]);
	}
	free(t);
}

/* (e) Chapter titles from questions. */
static void test_chapter_title(void)
{
	char *t;
	char q[256];
	size_t n = 0;
	static const char *const words[] = { "When", "you", "first", "opened", "the", "workshop",
					     "on", "Harbour", "Street,", "how" };

	t = split_chapter_title("What do you build?");
	CHECK_STR(t, "What do you build?", "short question unchanged");
	free(t);
	t = split_chapter_title("Where it began:");
	CHECK_STR(t, "Where it began", "trailing ':' removed");
	free(t);
	t = split_chapter_title("");
	CHECK_STR(t, "", "empty question stays empty");
	free(t);

	/* About 200 characters of ordinary words. */
	q[0] = '\0';
	for (size_t i = 0; n < 200; i++) {
		const char *w = words[i % (sizeof(words) / sizeof(words[0]))];
		if (n)
			q[n++] = ' ';
		memcpy(q + n, w, strlen(w));
		n += strlen(w);
	}
	q[n] = '\0';
	check_cut("200-character question", q);

	/* The same with an accented letter in every word: bytes are not
	 * characters. */
	n = 0;
	while (n < 235) {
		memcpy(q + n, "caf\xc3\xa9 ", 6);
		n += 6;
	}
	memcpy(q + n, "end?", 5);
	check_cut("accented 200-code-point question", q);

	/* A space exactly at the 81st character. */
	n = 0;
	memset(q, 'a', 10);
	n = 10;
	while (n < 200) {
		memcpy(q + n, " bbbbbbbbb", 10);
		n += 10;
	}
	q[n] = '\0';
	check_cut("question with a space as its 81st character", q);

	/* One word longer than a title: no boundary to cut at, but the
	 * limit still holds. */
	memset(q, 'x', 200);
	q[200] = '\0';
	t = split_chapter_title(q);
	CHECK(utf8_len(t) <= SPLIT_TITLE_MAX && ends_with(t, ELLIPSIS),
	      "200-character word: at most %d code points ending with U+2026 (got %zu)",
	      SPLIT_TITLE_MAX, utf8_len(t));
	free(t);
}

static void test_make_chapters(void)
{
	struct episode *ep = episode_new();

	ep->title = xstrdup("My Show");
	split_make_chapters(ep);
	CHECK(ep->nchapters == 0, "no segments, no chapters");
	episode_add_segment(ep, ROLE_QUESTION, "host", "Where did it start", 1);
	episode_add_segment(ep, ROLE_QUESTION, "host", "And why there?", 2);
	episode_add_segment(ep, ROLE_ANSWER, "guest", "In a shed.", 3);
	episode_add_segment(ep, ROLE_OUTRO, "host", "Thanks.", 4);
	episode_add_segment(ep, ROLE_OUTRO, "host", "Bye.", 5);
	split_make_chapters(ep);
	if (CHECK(ep->nchapters == 2, "opening question: no Introduction (got %zu)", ep->nchapters)) {
		CHECK_STR(ep->chapters[0].title, "And why there?", "a run of questions is titled by its asking paragraph");
		CHECK(ep->chapters[0].seg == 0, "first chapter opens at segment 0");
		CHECK_STR(ep->chapters[1].title, "Closing", "one Closing for several outro segments");
		CHECK(ep->chapters[1].seg == 3, "Closing opens at the first outro segment");
	}
	/* Rebuilding gives the same, not twice as many. */
	split_make_chapters(ep);
	CHECK(ep->nchapters == 2, "split_make_chapters() rebuilds rather than appends");
	episode_free(ep);
}

/* A page that flattened its transcript into one paragraph: names that
 * label turns inside it twice or more are cut at, with or without the
 * space the page lost. */
static void test_flattened_turns(void)
{
	static const char text[] =
		"Corner Shop Stories\n"
		"\n"
		"Rhea: Welcome back to Corner Shop Stories, I'm Rhea. My guest runs a bakery on the ring road. "
		"Welcome, Tobi. Tobi: Thanks, it is good to be out of the kitchen for once. Rhea: When do you start "
		"in the morning? Tobi: Three, most days, and four on Sundays when the bread is smaller.Rhea: Do you "
		"ever sleep in? Tobi: Not since the second oven arrived, and I do not miss it. Rhea: Tobi, thank you.\n";
	struct episode *ep = split_str(text, "flat.txt");
	size_t nq = 0, tobi = 0;

	if (!ep)
		return;
	for (size_t i = 0; i < ep->nsegs; i++) {
		const struct segment *s = &ep->segs[i];

		nq += s->role == ROLE_QUESTION;
		tobi += !strcmp(s->speaker, "Tobi");
		CHECK(!strstr(s->text, "Tobi:") && !strstr(s->text, "Rhea:"), "flattened: no label spoken in '%s'",
		      s->text);
	}
	CHECK(nq == 2, "flattened: two questions (got %zu)", nq);
	CHECK(tobi == 3, "flattened: Tobi speaks three turns (got %zu)", tobi);
	episode_free(ep);
}

/* 'Name: "a quotation"' over an article is its headline, and a co-host's
 * turn after another host's question answers it. */
static void test_headline_and_cohosts(void)
{
	static const char text[] =
		"Ines Darrow: \"The accordion is a pair of lungs with buttons\"\n"
		"\n"
		"ANA: It's the Folk Desk podcast. I'm Ana Ruiz, and with me as always is my co-host Ben.\n"
		"\n"
		"BEN: Hello. And our guest is the accordionist Ines Darrow. Welcome, Ines.\n"
		"\n"
		"INES: Thank you both, it is lovely to be here.\n"
		"\n"
		"ANA: Ben, you saw her play last week. What did the crowd make of it?\n"
		"\n"
		"BEN: They would not let her leave the stage, and the bar ran out of cider by the interval.\n"
		"\n"
		"ANA: Ines, where did the Portuguese side of your music come from?\n"
		"\n"
		"INES: From a summer in Lisbon, playing in a fado house six nights a week for almost nothing.\n"
		"\n"
		"BEN: Why the two-row accordion and not the piano kind?\n"
		"\n"
		"INES: It is lighter, it is louder, and it forgives a tired left hand at one in the morning.\n";
	struct episode *ep = split_str(text, "folk.txt");
	size_t ben_answers = 0;

	if (!ep)
		return;
	CHECK_STR(ep->title, "Ines Darrow: \"The accordion is a pair of lungs with buttons\"",
		  "quoted headline: the title, as the page sets it");
	for (size_t i = 0; i < ep->nsegs; i++) {
		const struct segment *s = &ep->segs[i];

		ben_answers += s->role == ROLE_ANSWER && !strcmp(s->speaker, "BEN");
		if (s->role == ROLE_ANSWER && strstr(s->text, "fado"))
			CHECK_STR(s->speaker, "Ines Darrow", "co-hosts: the guest answers, named in full");
	}
	CHECK(ben_answers == 1, "co-hosts: Ben answers Ana's question once (got %zu)", ben_answers);
	CHECK(ep->nchapters >= 3, "co-hosts: a chapter for each question (got %zu)", ep->nchapters);
	episode_free(ep);
}

int main(void)
{
	/* Lines whole, in order with the library's messages on stderr. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_header_lines();
	test_qa_labels();
	test_speaker_labels();
	test_speaker_labels_guest_first();
	test_speaker_labels_title_colon();
	test_no_questions();
	test_chapter_title();
	test_make_chapters();
	test_flattened_turns();
	test_headline_and_cohosts();
	return tap_done();
}
