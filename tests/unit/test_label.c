/* test_label.c -- label_parse(): the label grammar one paragraph at a
 * time, and the timestamps it skips.  No I/O. */
#include <stdlib.h>
#include <string.h>

#include "label.h"
#include "tap.h"

/* text's label: its kind, the name, the first words said and the
 * separator. */
static void label(const char *text, enum label_kind kind, const char *name, const char *body, char sep)
{
	struct label l;
	enum label_kind k = label_parse(text, &l);

	if (!CHECK(k == kind, "'%s' is a label of kind %d (got %d)", text, kind, k) || k == LABEL_NONE)
		return;
	CHECK(strlen(name) == l.name_len && !strncmp(text + l.name, name, l.name_len),
	      "'%s': the name is '%s' (got '%.*s')", text, name, (int)l.name_len, text + l.name);
	CHECK_STR(text + l.body, body, "the words said");
	CHECK(l.sep == sep, "'%s': separator '%c' (got '%c')", text, sep ? sep : '0', l.sep ? l.sep : '0');
}

static void none(const char *text)
{
	struct label l;
	CHECK(label_parse(text, &l) == LABEL_NONE, "'%s' is no label", text);
}

int main(void)
{
	struct label l;

	setvbuf(stdout, NULL, _IOLBF, 0);

	/* names and capitals */
	label("Jane Roe: I grew up by the sea.", LABEL_NAME, "Jane Roe", "I grew up by the sea.", ':');
	label("MAYA: Welcome back.", LABEL_NAME, "MAYA", "Welcome back.", ':');
	/* an initial and a surname; a title after the name; a span of seconds */
	label("H. VOSS: Well, the snowpack.", LABEL_NAME, "H. VOSS", "Well, the snowpack.", ':');
	label("HELMUT VOSS, AVALANCHE FORECASTER: Happy to be here.", LABEL_NAME, "HELMUT VOSS",
	      "Happy to be here.", ':');
	{
		const char *t = "HELEN PARATA, MINISTER FOR REGIONAL WATER: That is slander.";
		struct label r;

		label_parse(t, &r);
		CHECK(r.role_len == strlen("MINISTER FOR REGIONAL WATER") && !strncmp(t + r.role, "MINISTER", 8),
		      "the title after the name is kept apart: '%.*s'", (int)r.role_len, t + r.role);
	}
	label("0.612 - 26.132 Ruth Abernathy", LABEL_NAME, "Ruth Abernathy", "", 0);
	label("Interviewer – Wren Castellano", LABEL_NAME, "Wren Castellano", "", '-');
	label("Odessa Grant:Welcome back to the show.", LABEL_NAME, "Odessa Grant", "Welcome back to the show.", ':');
	label("Gord : It goes right down to the bay.", LABEL_NAME, "Gord", "It goes right down to the bay.", ':');
	label("Devendra Rao– Hello and welcome.", LABEL_NAME, "Devendra Rao", "Hello and welcome.", '-');
	label("CW-My first impression was honest.", LABEL_NAME, "CW", "My first impression was honest.", '-');
	label("Jean-Pierre Okafor: Of course.", LABEL_NAME, "Jean-Pierre Okafor", "Of course.", ':');
	label("JR. Yes, that was the year.", LABEL_NAME, "JR", "Yes, that was the year.", '.');
	label("Ana de la Cruz: Of course.", LABEL_NAME, "Ana de la Cruz", "Of course.", ':');
	label("Dr. Farida Nasser: By accident.", LABEL_NAME, "Farida Nasser", "By accident.", ':');
	/* timestamps before and after the name */
	label("Jane (00:37): Right.", LABEL_NAME, "Jane", "Right.", ':');
	label("[00:12] DEV: Good evening.", LABEL_NAME, "DEV", "Good evening.", ':');
	label("Jane: [12:31] It was cold.", LABEL_NAME, "Jane", "It was cold.", ':');
	label("0:00:30 | AUDIENCE: Hi, can you hear me?", LABEL_NAME, "AUDIENCE", "Hi, can you hear me?", ':');
	label("0:00:41.3 Ada Stone", LABEL_NAME, "Ada Stone", "", 0);
	label("Ines Okafor 00:12", LABEL_NAME, "Ines Okafor", "", 0);
	label("Speaker 1 00:00:27 You are listening.", LABEL_NAME, "Speaker 1", "You are listening.", 't');
	/* roles said with the name */
	label("LENA MARSH, HOST:", LABEL_NAME, "LENA MARSH", "", ':');
	CHECK(label_parse("LENA MARSH, HOST: Hello.", &l) == LABEL_NAME && l.role_side == 1, "', HOST' is the host's side");
	label("JANE DOE (Caller): Where did they start?", LABEL_NAME, "JANE DOE", "Where did they start?", ':');
	label("00:34 - Rosalind Achterberg (Host)", LABEL_NAME, "Rosalind Achterberg", "", 0);
	CHECK(label_parse("JANE DOE (Caller): Hi.", &l) == LABEL_NAME && l.role_side == 1, "a caller asks");
	/* Q/A marks and role words */
	label("Q: How did it start?", LABEL_Q, "Q", "How did it start?", ':');
	label("Q3. And then?", LABEL_Q, "Q", "And then?", ':');
	/* a translated interview: "―" asks, a name and a corner bracket answers */
	CHECK(label_parse("\xe2\x80\x95 What is your feeling now?", &l) == LABEL_Q &&
		      !strcmp("\xe2\x80\x95 What is your feeling now?" + l.body, "What is your feeling now?"),
	      "a horizontal bar opens a question");
	label("Haruto \xe3\x80\x8cStill I cannot believe it.\xe3\x80\x8d", LABEL_NAME, "Haruto",
	      "Still I cannot believe it.\xe3\x80\x8d", ':');
	label("Answer - By accident.", LABEL_A, "A", "By accident.", ':');
	label("Q Thanks, Irene. On the terminal?", LABEL_Q, "Q", "Thanks, Irene. On the terminal?", ':');
	none("A Fresnel lens throws the light far out to sea.");
	label("Interviewer: Shall we begin?", LABEL_HOST, "Interviewer", "Shall we begin?", ':');
	label("Respondent: Yes.", LABEL_GUEST, "Respondent", "Yes.", ':');
	label("I: Okay.", LABEL_HOST, "I", "Okay.", ':');
	label("R: Sure.", LABEL_GUEST, "R", "Sure.", ':');
	label("Speaker 2: Thanks.", LABEL_NAME, "Speaker 2", "Thanks.", ':');
	label("Interviewer 2: One more thing.", LABEL_NAME, "Interviewer 2", "One more thing.", ':');
	/* not labels */
	none("Note: the shop is closed on Mondays.");
	none("Photo: Jane Roe");
	none("Tags: coast, islands");
	none("There are three things I like: bread, salt and time.");
	none("In 2019 the ovens broke.");
	none("Speaker notes follow.");
	none("I think so.");
	none("A lot of people ask.");

	/* timestamps */
	CHECK(label_timestamp("00:37 x") == 5, "00:37 is a timestamp");
	CHECK(label_timestamp("[1:02:03]") == 9, "[1:02:03] is a timestamp");
	CHECK(label_timestamp("(0:41.3)") == 8, "(0:41.3) is a timestamp");
	CHECK(label_timestamp("1990s") == 0, "1990s is none");
	CHECK(label_timestamp("12:3") == 0, "12:3 is none");
	CHECK(label_timestamp_lead("0:01:30 |  If any of them") == 11, "a cue's timestamp and its bar");
	CHECK(label_is_bare("**Ada Stone** 00:03", strlen("**Ada Stone** 00:03")), "a bold name and a time is a bare label");
	CHECK(!label_is_bare("Ada Stone: Hello.", strlen("Ada Stone: Hello.")), "a label with words is not bare");
	return tap_done();
}
