/* test_clean.c -- clean_text(): bytes in, paragraphs out.  No I/O. */
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "tap.h"

/* A line wider than any terminal, so that a text holding it is never taken
 * for a hard-wrapped one. */
#define LONG_LINE "This line is deliberately long, well past one hundred columns, " \
	"so that the cleaner cannot mistake the text for a hard-wrapped one."

static int clean_len(const char *data, size_t len, struct text *t)
{
	return clean_text("test.txt", data, len, t);
}

static int clean_str(const char *data, struct text *t)
{
	return clean_len(data, strlen(data), t);
}

/* Is there a paragraph whose text is exactly s? */
static int has_para(const struct text *t, const char *s)
{
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->paras[i].text, s))
			return 1;
	return 0;
}

static int has_dropped(const struct text *t, const char *s)
{
	for (size_t i = 0; i < t->ndropped; i++)
		if (!strcmp(t->dropped[i], s))
			return 1;
	return 0;
}

static int any_byte(const struct text *t, char c)
{
	for (size_t i = 0; i < t->n; i++)
		if (strchr(t->paras[i].text, c))
			return 1;
	return 0;
}

static void check_para(const char *what, const struct text *t, size_t i, const char *text,
		       int line, int block, int first, int last)
{
	const struct para *p;

	if (!CHECK(i < t->n, "%s: paragraph %zu exists (have %zu)", what, i, t->n))
		return;
	p = &t->paras[i];
	CHECK(!strcmp(p->text, text), "%s: paragraph %zu is '%s' (got '%s')", what, i, text, p->text);
	CHECK(p->line == line, "%s: paragraph %zu on line %d (got %d)", what, i, line, p->line);
	CHECK(p->block == block, "%s: paragraph %zu in block %d (got %d)", what, i, block, p->block);
	CHECK(p->first_in_block == (unsigned)first, "%s: paragraph %zu first_in_block %d", what, i, first);
	CHECK(p->last_in_block == (unsigned)last, "%s: paragraph %zu last_in_block %d", what, i, last);
}

static void test_line_endings(void)
{
	struct text t;

	CHECK(clean_str("Line one\r\nLine two\r\n\r\nLine three\r\n", &t) == 0, "CRLF text is accepted");
	CHECK(t.n == 3, "CRLF: three paragraphs (got %zu)", t.n);
	check_para("line endings", &t, 0, "Line one", 1, 0, 1, 0);
	check_para("line endings", &t, 1, "Line two", 2, 0, 0, 1);
	check_para("line endings", &t, 2, "Line three", 4, 1, 1, 1);
	CHECK(!any_byte(&t, '\r'), "CRLF: no CR left in any paragraph");
	text_release(&t);

	CHECK(clean_str("Alpha\rBeta\r\rGamma", &t) == 0, "lone-CR text is accepted");
	CHECK(t.n == 3, "lone CR: three paragraphs (got %zu)", t.n);
	check_para("line endings", &t, 0, "Alpha", 1, 0, 1, 0);
	check_para("line endings", &t, 1, "Beta", 2, 0, 0, 1);
	check_para("line endings", &t, 2, "Gamma", 4, 1, 1, 1);
	CHECK(!any_byte(&t, '\r'), "lone CR: no CR left in any paragraph");
	text_release(&t);

	/* All three conventions in one file. */
	CHECK(clean_str("One\r\n\rTwo\n\r\nThree\n", &t) == 0, "mixed line endings are accepted");
	CHECK(t.n == 3, "mixed: three paragraphs (got %zu)", t.n);
	check_para("line endings", &t, 0, "One", 1, 0, 1, 1);
	check_para("line endings", &t, 1, "Two", 3, 1, 1, 1);
	check_para("line endings", &t, 2, "Three", 5, 2, 1, 1);
	text_release(&t);
}

static void test_bom_and_nfc(void)
{
	struct text t;

	CHECK(clean_str("\xef\xbb\xbfHello there.\n", &t) == 0, "UTF-8 BOM is accepted");
	CHECK(t.n == 1, "BOM: one paragraph");
	if (t.n)
		CHECK_STR(t.paras[0].text, "Hello there.", "BOM stripped");
	text_release(&t);

	/* e + U+0301 COMBINING ACUTE ACCENT composes to U+00E9. */
	CHECK(clean_str("Cafe\xcc\x81 au lait.\n", &t) == 0, "decomposed text is accepted");
	if (CHECK(t.n == 1, "NFC: one paragraph"))
		CHECK_STR(t.paras[0].text, "Caf\xc3\xa9 au lait.", "NFC composes e + U+0301");
	text_release(&t);

	/* Already composed text is left alone. */
	CHECK(clean_str("Na\xc3\xafve r\xc3\xa9sum\xc3\xa9.", &t) == 0, "composed text is accepted");
	if (CHECK(t.n == 1, "composed: one paragraph"))
		CHECK_STR(t.paras[0].text, "Na\xc3\xafve r\xc3\xa9sum\xc3\xa9.", "NFC keeps composed text");
	text_release(&t);
}

static void test_bad_encodings(void)
{
	struct text t;
	static const char nul[] = "Hello\0world\n";

	fprintf(stderr, "# the errors below are expected\n");
	CHECK(clean_str("Good start \xff bad byte\n", &t) == -1, "invalid UTF-8 (0xff) returns -1");
	text_release(&t);
	CHECK(clean_str("Broken \xc3\x28 pair\n", &t) == -1, "invalid UTF-8 (bad continuation) returns -1");
	text_release(&t);
	CHECK(clean_str("Stray \x80 continuation\n", &t) == -1, "invalid UTF-8 (lone continuation) returns -1");
	text_release(&t);
	CHECK(clean_str("Cut short \xe2\x80", &t) == -1, "invalid UTF-8 (truncated sequence) returns -1");
	text_release(&t);
	CHECK(clean_len("\xff\xfeH\0i\0\n\0", 8, &t) == -1, "UTF-16LE BOM returns -1");
	text_release(&t);
	CHECK(clean_len("\xfe\xff\0H\0i\0\n", 8, &t) == -1, "UTF-16BE BOM returns -1");
	text_release(&t);
	CHECK(clean_len(nul, sizeof(nul) - 1, &t) == -1, "NUL byte returns -1");
	text_release(&t);

	CHECK(clean_check_encoding("x", "plain \xc3\xa9 text\n", 14) == 0, "clean_check_encoding accepts UTF-8");
	CHECK(clean_check_encoding("x", nul, sizeof(nul) - 1) == -1, "clean_check_encoding rejects NUL");
}

static void test_empty(void)
{
	struct text t;

	CHECK(clean_str("", &t) == 0 && t.n == 0, "empty text: no paragraphs");
	text_release(&t);
	CHECK(clean_str("\n \n\t\n\r\n", &t) == 0 && t.n == 0, "blank lines only: no paragraphs");
	text_release(&t);
}

static void test_blocks(void)
{
	struct text t;
	const char *s =
		"Welcome\n"
		LONG_LINE "\n"
		"\n"
		"Second block alone.\n"
		"\n"
		"   \n"
		"\n"
		"Third block first line.\n"
		"Third block second line.\n"
		"Third block last line.\n";

	CHECK(clean_str(s, &t) == 0, "blocks: accepted");
	CHECK(t.n == 6, "blocks: six paragraphs (got %zu)", t.n);
	check_para("blocks", &t, 0, "Welcome", 1, 0, 1, 0);
	check_para("blocks", &t, 1, LONG_LINE, 2, 0, 0, 1);
	check_para("blocks", &t, 2, "Second block alone.", 4, 1, 1, 1);
	check_para("blocks", &t, 3, "Third block first line.", 8, 2, 1, 0);
	check_para("blocks", &t, 4, "Third block second line.", 9, 2, 0, 0);
	check_para("blocks", &t, 5, "Third block last line.", 10, 2, 0, 1);
	text_release(&t);
}

/* Without hard wrapping, each line is a paragraph of its own: a short
 * header line does not swallow the answer below it. */
static void test_unwrapped(void)
{
	struct text t;
	const char *answer =
		"I started out repairing radios in my uncle's shop when I was twelve, and by fifteen "
		"I was building my own from parts that people threw away after the war.";
	char buf[512];

	snprintf(buf, sizeof(buf), "Early years\n%s\n", answer);
	CHECK(clean_str(buf, &t) == 0, "unwrapped: accepted");
	CHECK(t.n == 2, "unwrapped: header and answer stay two paragraphs (got %zu)", t.n);
	check_para("unwrapped", &t, 0, "Early years", 1, 0, 1, 0);
	check_para("unwrapped", &t, 1, answer, 2, 0, 0, 1);
	text_release(&t);
}

/* A text wrapped at 70 columns: wrapped lines join back into paragraphs;
 * a header line and a paragraph's short last line end their paragraph. */
static void test_hard_wrapped(void)
{
	struct text t;
	const char *s =
		"How it started\n"
		"My grandfather kept bees on the hill behind our house, and every\n"
		"August he would take me up there before sunrise to check the hives\n"
		"while the air was still cool and the bees were slow.\n"
		"He never wore gloves. He said the bees could tell when you were afraid\n"
		"of them, and that a nervous keeper got stung far more often than a\n"
		"calm one, which turned out to be mostly true.\n"
		"\n"
		"Forty hives later\n"
		"These days I keep forty hives of my own, spread across three valleys,\n"
		"and I still go up before sunrise in August because that is when the\n"
		"colonies are at their calmest and heaviest.\n";

	CHECK(clean_str(s, &t) == 0, "hard-wrapped: accepted");
	CHECK(t.n == 5, "hard-wrapped: five paragraphs (got %zu)", t.n);
	check_para("hard wrapped", &t, 0, "How it started", 1, 0, 1, 0);
	check_para("hard wrapped", &t, 1,
		   "My grandfather kept bees on the hill behind our house, and every "
		   "August he would take me up there before sunrise to check the hives "
		   "while the air was still cool and the bees were slow.", 2, 0, 0, 0);
	check_para("hard wrapped", &t, 2,
		   "He never wore gloves. He said the bees could tell when you were afraid "
		   "of them, and that a nervous keeper got stung far more often than a "
		   "calm one, which turned out to be mostly true.", 5, 0, 0, 1);
	check_para("hard wrapped", &t, 3, "Forty hives later", 9, 1, 1, 0);
	check_para("hard wrapped", &t, 4,
		   "These days I keep forty hives of my own, spread across three valleys, "
		   "and I still go up before sunrise in August because that is when the "
		   "colonies are at their calmest and heaviest.", 10, 1, 0, 1);
	text_release(&t);
}

/* In a hard-wrapped text a one-word line is measured by its own word, not
 * by whatever follows it on the next line: "Really?" fits after the short
 * line above it, so it stays apart, with or without a trailing space. */
static void test_hard_wrapped_short_line(void)
{
	static const char *const variants[] = { "Really?\n", "Really? \n" };
	char buf[1024];
	struct text t;

	for (size_t v = 0; v < 2; v++) {
		snprintf(buf, sizeof(buf),
			 "My grandfather kept bees on the hill behind our house, and every\n"
			 "August he would take me up there before sunrise to check the hives\n"
			 "while the air was still cool. That is how it began.\n"
			 "%s"
			 "Absolutely. He never wore gloves. He said the bees could tell when you\n"
			 "were afraid of them, and that a nervous keeper got stung far more\n"
			 "often than a calm one, which turned out to be mostly true.\n", variants[v]);
		CHECK(clean_str(buf, &t) == 0, "one-word line %zu: accepted", v);
		CHECK(t.n == 3, "one-word line %zu: three paragraphs (got %zu)", v, t.n);
		CHECK(has_para(&t, "Really?"), "one-word line %zu: \"Really?\" is a paragraph of its own", v);
		text_release(&t);
	}
}

/* A line holding only no-break spaces is as blank as one of spaces: it
 * separates blocks (U+00A0 is white space to the folding, too). */
static void test_nbsp_blank_line(void)
{
	struct text t;
	const char *s =
		"Early years\n"
		LONG_LINE "\n"
		"\xc2\xa0\n"
		"Later years\n"
		LONG_LINE "\n"
		" \xc2\xa0 \xc2\xa0\n"
		"The end.\n";

	CHECK(clean_str(s, &t) == 0, "no-break space line: accepted");
	CHECK(t.n == 5, "no-break space line: five paragraphs (got %zu)", t.n);
	check_para("nbsp blank line", &t, 2, "Later years", 4, 1, 1, 0);
	check_para("nbsp blank line", &t, 4, "The end.", 7, 2, 1, 1);
	text_release(&t);
}

static void test_whitespace(void)
{
	struct text t;
	const char *s =
		"Several   spaces\there\xc2\xa0" "and\xc2\xa0\xc2\xa0no-break   spaces.  \n"
		"\n"
		"   Indented by three.\n"
		"\n"
		"\tIndented by a tab.\n"
		"\n"
		"\xc2\xa0Leading no-break space.\n";

	CHECK(clean_str(s, &t) == 0, "whitespace: accepted");
	CHECK(t.n == 4, "whitespace: four paragraphs (got %zu)", t.n);
	if (t.n == 4) {
		CHECK_STR(t.paras[0].text, "Several spaces here and no-break spaces.",
			  "runs of spaces, tabs and U+00A0 fold to one space");
		CHECK_STR(t.paras[1].text, "Indented by three.", "leading spaces trimmed");
		CHECK(t.paras[1].indent == 3, "indent of three spaces is 3 (got %d)", t.paras[1].indent);
		CHECK_STR(t.paras[2].text, "Indented by a tab.", "leading tab trimmed");
		CHECK(t.paras[2].indent == 8, "indent of one tab is 8 (got %d)", t.paras[2].indent);
		CHECK_STR(t.paras[3].text, "Leading no-break space.", "leading U+00A0 trimmed");
	}
	CHECK(!any_byte(&t, '\t'), "no tab left in any paragraph");
	text_release(&t);
}

static void test_list_items(void)
{
	struct text t;
	const char *s =
		"Here is what you need:\n"
		"1. A sharp knife\n"
		"- A wooden board\n"
		"12) Patience\n"
		"* Good light\n"
		"\xe2\x80\xa2 A steady hand\n"
		"1.5 million people tried it and most of them gave up.\n"
		LONG_LINE "\n";

	CHECK(clean_str(s, &t) == 0, "list: accepted");
	CHECK(t.n == 8, "list: eight paragraphs (got %zu)", t.n);
	if (t.n == 8) {
		CHECK(!t.paras[0].list_item, "lead-in line is not a list item");
		for (size_t i = 1; i <= 5; i++)
			CHECK(t.paras[i].list_item, "'%s' is flagged as a list item", t.paras[i].text);
		CHECK(!t.paras[6].list_item, "'1.5 million ...' is not a list item");
		CHECK(!t.paras[7].list_item, "long line is not a list item");
	}
	text_release(&t);
}

static void test_boilerplate(void)
{
	struct text t;
	const char *keep =
		"I told every listener to subscribe to our newsletter because it was the only "
		"way we could reach them during the long winter when the roads were closed.";
	char buf[1024];

	snprintf(buf, sizeof(buf),
		 "Don't show this again\n"
		 "\n"
		 "Don\xe2\x80\x99t show this again\n"
		 "\n"
		 "4 min read\n"
		 "\n"
		 "Subscribe to our newsletter\n"
		 "\n"
		 "%s\n"
		 "\n"
		 "Advertisement\n"
		 "\n"
		 "The real interview starts here.\n", keep);
	CHECK(clean_str(buf, &t) == 0, "boilerplate: accepted");
	CHECK(t.ndropped == 5, "boilerplate: five lines dropped (got %zu)", t.ndropped);
	CHECK(has_dropped(&t, "Don't show this again"), "\"Don't show this again\" dropped");
	CHECK(has_dropped(&t, "Don\xe2\x80\x99t show this again"),
	      "\"Don't show this again\" with U+2019 dropped");
	CHECK(has_dropped(&t, "4 min read"), "\"4 min read\" dropped");
	CHECK(has_dropped(&t, "Subscribe to our newsletter"), "short newsletter line dropped");
	CHECK(has_dropped(&t, "Advertisement"), "\"Advertisement\" dropped");
	CHECK(t.n == 2, "boilerplate: two paragraphs kept (got %zu)", t.n);
	CHECK(has_para(&t, keep), "long sentence containing 'subscribe' is kept");
	CHECK(has_para(&t, "The real interview starts here."), "ordinary paragraph kept");
	CHECK(!has_para(&t, "4 min read"), "dropped lines are not paragraphs");
	/* A block whose only line was dropped leaves no trace; the paragraph
	 * that follows still opens its block. */
	for (size_t i = 0; i < t.n; i++)
		CHECK(t.paras[i].first_in_block && t.paras[i].last_in_block,
		      "kept paragraph %zu opens and closes its block", i);
	text_release(&t);
}

static void test_is_list_item(void)
{
	static const char *const yes[] = {
		"1. x", "9. nine", "12) twelve", "123. big", "- dash", "* star", "\xe2\x80\xa2 bullet",
	};
	static const char *const no[] = {
		"", "1.", "1.x", "1234. too many digits", "-dash", "*star", "x. y", "a) letter",
		"1.5 million", "Plain sentence.", "\xe2\x80\xa2no space", "--  double",
	};

	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		CHECK(clean_is_list_item(yes[i]), "clean_is_list_item(\"%s\") is true", yes[i]);
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		CHECK(!clean_is_list_item(no[i]), "clean_is_list_item(\"%s\") is false", no[i]);
}

static void test_count_words(void)
{
	CHECK(clean_count_words("") == 0, "no words in \"\"");
	CHECK(clean_count_words("   ") == 0, "no words in spaces");
	CHECK(clean_count_words("one") == 1, "one word");
	CHECK(clean_count_words("  two   words  ") == 2, "two words with extra spaces");
	CHECK(clean_count_words("a\tb\nc") == 3, "tabs and newlines separate words");
	CHECK(clean_count_words("caf\xc3\xa9 cr\xc3\xa8me br\xc3\xbbl\xc3\xa9" "e") == 3, "UTF-8 words count once");
	CHECK(clean_count_words("4 min read") == 3, "\"4 min read\" is three words");
}

int main(void)
{
	/* Lines whole, in order with the library's messages on stderr. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_line_endings();
	test_bom_and_nfc();
	test_bad_encodings();
	test_empty();
	test_blocks();
	test_unwrapped();
	test_hard_wrapped();
	test_hard_wrapped_short_line();
	test_nbsp_blank_line();
	test_whitespace();
	test_list_items();
	test_boilerplate();
	test_is_list_item();
	test_count_words();
	return tap_done();
}
